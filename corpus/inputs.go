package corpus

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Expand turns command-line inputs into file paths, in order: a directory
// stands for every regular file below it (recursively, sorted, hidden files
// and directories skipped), a pattern with glob characters for its sorted
// matches, "-" for the paths listed one per line on stdin (blank lines and
// lines starting with # ignored), anything else for itself. Paths equal in
// their cleaned form appear once. The paths in skip (the output: a file, or
// a directory with everything below it) never appear. A subdirectory that
// cannot be read stands for itself: it becomes one "io" failure, and the
// rest of the walk goes on.
func Expand(args []string, stdin io.Reader, skip ...string) ([]string, error) {
	seen := map[string]bool{}
	var skipAbs []string
	for _, s := range skip {
		if abs, err := filepath.Abs(s); err == nil {
			skipAbs = append(skipAbs, abs)
		}
	}
	skipped := func(p string) bool {
		abs, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		for _, s := range skipAbs {
			if abs == s || strings.HasPrefix(abs, s+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	var out []string
	add := func(p string) {
		p = filepath.Clean(p)
		if skipped(p) {
			return
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	expand := func(arg string) error {
		if arg == "-" {
			if stdin == nil {
				return fmt.Errorf("-: no standard input")
			}
			sc := bufio.NewScanner(stdin)
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			for sc.Scan() {
				line := strings.TrimRight(sc.Text(), "\r")
				if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if err := expandPath(line, add); err != nil {
					return err
				}
			}
			return sc.Err()
		}
		if _, err := os.Lstat(arg); err != nil && strings.ContainsAny(arg, "*?[") {
			matches, err := filepath.Glob(arg)
			if err != nil {
				return fmt.Errorf("%s: %w", arg, err)
			}
			if len(matches) == 0 {
				return fmt.Errorf("%s: no file matches", arg)
			}
			slices.Sort(matches)
			for _, m := range matches {
				if err := expandPath(m, add); err != nil {
					return err
				}
			}
			return nil
		}
		return expandPath(arg, add)
	}
	for _, a := range args {
		if err := expand(a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// expandPath adds a file, or the files below a directory. A path that does
// not exist is added as is: it becomes an "io" error record, so that one
// vanished file in a long list does not stop the batch.
func expandPath(p string, add func(string)) error {
	info, err := os.Stat(p)
	if err != nil || !info.IsDir() {
		add(p)
		return nil
	}
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == p {
				return err
			}
			add(path) // recorded as an io failure (see hashFile)
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || (d.Type()&fs.ModeSymlink != 0 && isRegular(path)) {
			add(path)
		}
		return nil
	})
}

func isRegular(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
