// Package browsertest drives a headless Chromium through the DevTools
// protocol, for end-to-end tests of the review web page: just the few
// commands those tests need (navigate, evaluate JavaScript, set the files
// of a file input, take a screenshot), over golang.org/x/net/websocket, so
// that no browser-automation module is needed.
package browsertest

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/websocket"
)

// Find returns the path of a Chromium or Chrome binary, or "" when none is
// installed.
func Find() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is a running headless browser with one page.
type Browser struct {
	cmd  *exec.Cmd
	dir  string
	ws   *websocket.Conn
	mu   sync.Mutex
	next int
}

// Start launches the browser at bin with a fresh profile and connects to
// its first page.
func Start(ctx context.Context, bin string, width, height int) (*Browser, error) {
	dir, err := os.MkdirTemp("", "browsertest-")
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
		"--disable-sync", "--disable-component-update", "--hide-scrollbars", "--mute-audio",
		fmt.Sprintf("--window-size=%d,%d", width, height),
		"--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir="+dir, "about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	b := &Browser{cmd: cmd, dir: dir}
	endpoint := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if _, url, ok := strings.Cut(sc.Text(), "DevTools listening on "); ok {
				endpoint <- url
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	var browserURL string
	select {
	case browserURL = <-endpoint:
	case <-time.After(30 * time.Second):
		b.Close()
		return nil, errors.New("the browser did not start its DevTools endpoint within 30 s")
	}
	host := strings.TrimPrefix(browserURL, "ws://")
	host = host[:strings.IndexByte(host, '/')]
	pageURL, err := firstPage("http://" + host + "/json/list")
	if err != nil {
		b.Close()
		return nil, err
	}
	b.ws, err = websocket.Dial(pageURL, "", "http://"+host)
	if err != nil {
		b.Close()
		return nil, err
	}
	if _, err := b.Call("Page.enable", nil); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

func firstPage(listURL string) (string, error) {
	for range 50 {
		resp, err := http.Get(listURL)
		if err == nil {
			var targets []struct {
				Type, WebSocketDebuggerURL string
			}
			// A list that does not decode yet is tried again like no answer.
			derr := json.NewDecoder(resp.Body).Decode(&targets)
			resp.Body.Close()
			if derr != nil {
				time.Sleep(100 * time.Millisecond)
				continue
			}
			for _, t := range targets {
				if t.Type == "page" && t.WebSocketDebuggerURL != "" {
					return t.WebSocketDebuggerURL, nil
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return "", errors.New("the browser has no page to drive")
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	if b.ws != nil {
		b.ws.Close()
	}
	if b.cmd.Process != nil {
		b.cmd.Process.Kill()
		b.cmd.Wait()
	}
	os.RemoveAll(b.dir)
}

// Call sends a DevTools command and returns its result, skipping the
// events that arrive meanwhile.
func (b *Browser) Call(method string, params any) (json.RawMessage, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next++
	id := b.next
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if err := websocket.JSON.Send(b.ws, msg); err != nil {
		return nil, err
	}
	b.ws.SetReadDeadline(time.Now().Add(60 * time.Second))
	for {
		var resp struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := websocket.JSON.Receive(b.ws, &resp); err != nil {
			return nil, fmt.Errorf("%s: %w", method, err)
		}
		if resp.ID != id {
			continue // an event
		}
		if resp.Error != nil {
			return nil, fmt.Errorf("%s: %s", method, resp.Error.Message)
		}
		return resp.Result, nil
	}
}

// Navigate opens url in the page.
func (b *Browser) Navigate(url string) error {
	_, err := b.Call("Page.navigate", map[string]any{"url": url})
	return err
}

// Eval evaluates a JavaScript expression (awaiting a promise) and decodes
// its value into out (which may be nil).
func (b *Browser) Eval(expr string, out any) error {
	res, err := b.Call("Runtime.evaluate", map[string]any{"expression": expr, "awaitPromise": true, "returnByValue": true})
	if err != nil {
		return err
	}
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return err
	}
	if r.ExceptionDetails != nil {
		return fmt.Errorf("javascript: %s %s", r.ExceptionDetails.Text, r.ExceptionDetails.Exception.Description)
	}
	if out == nil || len(r.Result.Value) == 0 {
		return nil
	}
	return json.Unmarshal(r.Result.Value, out)
}

// WaitFor evaluates a boolean expression until it is true or the timeout
// passes. Errors while a page is loading count as false.
func (b *Browser) WaitFor(expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		var ok bool
		if last = b.Eval("!!("+expr+")", &ok); last == nil && ok {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("timed out after %v waiting for %s (last error: %v)", timeout, expr, last)
}

// SetFiles sets the files of the file input matched by a CSS selector.
//
// The node is looked up afresh on each try: a document the page replaces
// between the look-up and the call (a script that runs after load)
// invalidates the node id, so a failed try is repeated for up to two
// seconds.
func (b *Browser) SetFiles(selector string, paths ...string) error {
	var err error
	for range 20 {
		if err = b.setFiles(selector, paths); err == nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}

func (b *Browser) setFiles(selector string, paths []string) error {
	res, err := b.Call("DOM.getDocument", nil)
	if err != nil {
		return err
	}
	var doc struct {
		Root struct {
			NodeID int `json:"nodeId"`
		} `json:"root"`
	}
	if err := json.Unmarshal(res, &doc); err != nil {
		return err
	}
	res, err = b.Call("DOM.querySelector", map[string]any{"nodeId": doc.Root.NodeID, "selector": selector})
	if err != nil {
		return err
	}
	var node struct {
		NodeID int `json:"nodeId"`
	}
	if err := json.Unmarshal(res, &node); err != nil || node.NodeID == 0 {
		return fmt.Errorf("no element %s", selector)
	}
	_, err = b.Call("DOM.setFileInputFiles", map[string]any{"nodeId": node.NodeID, "files": paths})
	return err
}

// Screenshot returns a PNG of the page's viewport.
func (b *Browser) Screenshot() ([]byte, error) {
	res, err := b.Call("Page.captureScreenshot", map[string]any{"format": "png"})
	if err != nil {
		return nil, err
	}
	var shot struct {
		Data string `json:"data"`
	}
	if err := json.Unmarshal(res, &shot); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(shot.Data)
}
