package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/budgetdoc/budgetdoc/extract/read"
	"github.com/budgetdoc/budgetdoc/review/server"
)

func init() {
	register(command{"serve", "a local web page to review drafts: upload, findings beside the page, decisions, annotated copies", runServe})
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "budgetdoc serve [--addr HOST:PORT] [--data DIR] [--workers N]", `  budgetdoc serve                          # http://127.0.0.1:8765, data in ~/.local/share/budgetdoc
  budgetdoc serve --addr 127.0.0.1:9000
  budgetdoc serve --retention 72h --max-upload 128
`, stderr)
	addr := fs.String("addr", "127.0.0.1:8765", "listen on `HOST:PORT` (the loopback interface by default: nothing is reachable from other machines)")
	data := fs.String("data", "", "keep decisions and stored uploads in `DIR` (default: the user data directory, budgetdoc/)")
	workers := fs.Int("workers", 2, "check at most `N` documents at once; more wait in a queue")
	maxUpload := fs.Int64("max-upload", 64, "refuse uploaded files larger than `MB` megabytes")
	retention := fs.Duration("retention", 7*24*time.Hour, "remove stored uploads and results after this `duration` (decisions are kept)")
	timeout := fs.Duration("timeout", read.DefaultTimeout, "give up on a document after this `duration`")
	if ok, code := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "budgetdoc serve: no file arguments: upload files on the page")
		return exitInput
	}
	srv, err := server.New(server.Config{DataDir: *data, Workers: *workers, MaxUpload: *maxUpload << 20,
		Retention: *retention, Read: read.Options{Timeout: timeoutOption(*timeout)},
		Log: log.New(stderr, "budgetdoc serve: ", log.LstdFlags)})
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc serve: %v\n", err)
		return exitInput
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc serve: %v\n", err)
		return exitInput
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(stdout, "budgetdoc serve: open http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "budgetdoc serve: %v\n", err)
		return exitInput
	}
	return exitOK
}
