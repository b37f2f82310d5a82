package segment

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The jieba dictionaries are embedded so that the binary never depends on the
// module cache path gojieba bakes in at compile time (see dict/README.md).
var (
	//go:embed dict/jieba.dict.utf8.gz
	jiebaDictGz []byte
	//go:embed dict/hmm_model.utf8.gz
	hmmModelGz []byte
	//go:embed budget_dict.txt
	budgetDictSource []byte
)

// idfFile and stopWordsFile feed gojieba's keyword extractor, which we never
// use but cannot switch off. One line each keeps load time low; an empty file
// would abort the process on a C++ assert, hence validateIDF/validateStopWords.
const (
	idfFile       = "预算 10.0\n"
	stopWordsFile = "的\n"
)

// maxDictBytes caps the decompressed size of an embedded dictionary; the real
// files are ~5 MB and ~0.5 MB.
const maxDictBytes = 64 << 20

// dictFile is one file handed to gojieba.NewJieba.
type dictFile struct {
	name     string
	validate func([]byte) error
	// content returns the bytes to write; called only on a cold cache.
	content func() ([]byte, error)
}

// dictFiles lists the five files in the order gojieba.NewJieba takes them.
func dictFiles() ([]dictFile, error) {
	userDict, err := buildUserDict(budgetDictSource)
	if err != nil {
		return nil, err
	}
	return []dictFile{
		{"jieba.dict.utf8", validateMainDict, func() ([]byte, error) { return gunzip(jiebaDictGz) }},
		{"hmm_model.utf8", validateHMMModel, func() ([]byte, error) { return gunzip(hmmModelGz) }},
		{"user.dict.utf8", validateUserDict, func() ([]byte, error) { return userDict, nil }},
		{"idf.utf8", validateIDF, func() ([]byte, error) { return []byte(idfFile), nil }},
		{"stop_words.utf8", validateStopWords, func() ([]byte, error) { return []byte(stopWordsFile), nil }},
	}, nil
}

// DictionaryID identifies the contents of the embedded dictionaries: it
// changes whenever a word, frequency or tag of EachWord may change, so that
// a model derived from them (the spelling check's) can be cached under it.
func DictionaryID() string { return contentHash() }

// contentHash names the cache directory: it changes whenever any file we
// would write changes, so a stale directory is never reused. The compressed
// bytes are hashed so that a warm start does not have to decompress anything.
func contentHash() string {
	h := sha256.New()
	for _, part := range [][]byte{jiebaDictGz, hmmModelGz, budgetDictSource, []byte(idfFile), []byte(stopWordsFile)} {
		fmt.Fprintf(h, "%d:", len(part))
		h.Write(part)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxDictBytes+1))
	if err != nil {
		return nil, err
	}
	if len(out) > maxDictBytes {
		return nil, fmt.Errorf("decompressed dictionary exceeds %d bytes", maxDictBytes)
	}
	return out, nil
}

// budgetEntry is one line of budget_dict.txt.
type budgetEntry struct {
	Word string // width-folded, as jieba will see it
	Freq int
	POS  string
	Line int
}

// parseBudgetDict reads the maintained source format: `word freq pos` lines,
// `#` comment lines and blank lines. Words are width-folded because the text
// given to jieba is folded too.
func parseBudgetDict(src []byte) ([]budgetEntry, error) {
	if !utf8.Valid(src) {
		return nil, errors.New("budget_dict.txt: not valid UTF-8")
	}
	var entries []budgetEntry
	seen := make(map[string]int)
	for i, line := range strings.Split(string(src), "\n") {
		lineNo := i + 1
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, " ")
		if len(fields) != 3 {
			return nil, fmt.Errorf("budget_dict.txt:%d: want `word freq pos`, got %q", lineNo, line)
		}
		word, pos := foldString(fields[0]), fields[2]
		freq, err := strconv.Atoi(fields[1])
		if err != nil || freq <= 0 {
			return nil, fmt.Errorf("budget_dict.txt:%d: frequency %q is not a positive integer", lineNo, fields[1])
		}
		if word == "" || strings.ContainsAny(word, " \t\r\x00") {
			return nil, fmt.Errorf("budget_dict.txt:%d: bad word %q", lineNo, fields[0])
		}
		if pos == "" || strings.ContainsAny(pos, " \t\r/") {
			return nil, fmt.Errorf("budget_dict.txt:%d: bad part of speech %q", lineNo, pos)
		}
		if prev, dup := seen[word]; dup {
			return nil, fmt.Errorf("budget_dict.txt:%d: %q duplicates line %d", lineNo, word, prev)
		}
		seen[word] = lineNo
		entries = append(entries, budgetEntry{Word: word, Freq: freq, POS: pos, Line: lineNo})
	}
	if len(entries) == 0 {
		return nil, errors.New("budget_dict.txt: no entries")
	}
	return entries, nil
}

// buildUserDict turns budget_dict.txt into the plain file jieba loads.
func buildUserDict(src []byte) ([]byte, error) {
	entries, err := parseBudgetDict(src)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	for _, e := range entries {
		fmt.Fprintf(&b, "%s %d %s\n", e.Word, e.Freq, e.POS)
	}
	return b.Bytes(), nil
}

// ---- validation: jieba reports malformed files with a C++ assert that kills
// the process, so every file is checked here first. ----

func checkText(data []byte) error {
	if len(data) == 0 {
		return errors.New("empty file")
	}
	if !utf8.Valid(data) {
		return errors.New("not valid UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return errors.New("contains a NUL byte")
	}
	return nil
}

// eachLine calls fn with every line and its 1-based number, without the
// "\n"; a final newline does not make an extra empty line (that is how
// std::getline reads the file too). A "\r" is kept, as jieba keeps it.
func eachLine(data []byte, fn func(no int, line string) error) error {
	text := string(data) // one copy; lines are slices of it
	for no := 1; len(text) > 0; no++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if err := fn(no, line); err != nil {
			return fmt.Errorf("line %d: %w", no, err)
		}
	}
	return nil
}

func positiveFloat(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && f > 0
}

func plainFloat(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// validateMainDict: every line is exactly `word freq tag` with freq > 0
// (jieba takes the log of it and asserts it positive).
func validateMainDict(data []byte) error {
	if err := checkText(data); err != nil {
		return err
	}
	return eachLine(data, func(_ int, line string) error {
		word, rest, ok1 := strings.Cut(line, " ")
		freq, tag, ok2 := strings.Cut(rest, " ")
		if !ok1 || !ok2 || word == "" || tag == "" || strings.ContainsAny(tag, " \r") {
			return fmt.Errorf("want `word freq tag`, got %q", line)
		}
		if !positiveFloat(freq) {
			return fmt.Errorf("frequency %q is not positive", freq)
		}
		return nil
	})
}

// validateHMMModel mirrors cppjieba's HMMModel::LoadModel: after dropping
// blank and `#` lines, one line of 4 start probabilities, 4 lines of 4
// transition probabilities, then 4 emission lines of `rune:prob,…`.
func validateHMMModel(data []byte) error {
	if err := checkText(data); err != nil {
		return err
	}
	var lines []string
	_ = eachLine(data, func(_ int, line string) error {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
		return nil
	})
	if len(lines) < 9 {
		return fmt.Errorf("want at least 9 model lines, got %d", len(lines))
	}
	for i := 0; i < 5; i++ {
		f := strings.Split(lines[i], " ")
		if len(f) != 4 {
			return fmt.Errorf("model line %d: want 4 probabilities, got %d fields", i+1, len(f))
		}
		for _, v := range f {
			if !plainFloat(v) {
				return fmt.Errorf("model line %d: %q is not a number", i+1, v)
			}
		}
	}
	for i := 5; i < 9; i++ {
		for _, pair := range strings.Split(lines[i], ",") {
			r, p, ok := strings.Cut(pair, ":")
			if !ok || utf8.RuneCountInString(r) != 1 || !plainFloat(p) || strings.Contains(p, ":") {
				return fmt.Errorf("model line %d: bad emission entry %q", i+1, pair)
			}
		}
	}
	return nil
}

// validateUserDict accepts what cppjieba's InserUserDictNode accepts without
// producing garbage: 1 to 3 columns, a positive integer frequency when given.
func validateUserDict(data []byte) error {
	if err := checkText(data); err != nil {
		return err
	}
	return eachLine(data, func(_ int, line string) error {
		if line == "" {
			return nil // skipped by jieba
		}
		f := strings.Split(line, " ")
		if len(f) > 3 || f[0] == "" || strings.ContainsRune(line, '\r') {
			return fmt.Errorf("want `word [freq] [tag]`, got %q", line)
		}
		if len(f) == 3 {
			if n, err := strconv.Atoi(f[1]); err != nil || n <= 0 {
				return fmt.Errorf("frequency %q is not a positive integer", f[1])
			}
		}
		return nil
	})
}

// validateIDF: `word idf` lines with a positive average (asserted by jieba).
func validateIDF(data []byte) error {
	if err := checkText(data); err != nil {
		return err
	}
	return eachLine(data, func(_ int, line string) error {
		f := strings.Split(line, " ")
		if len(f) != 2 || f[0] == "" || !positiveFloat(f[1]) {
			return fmt.Errorf("want `word idf` with idf > 0, got %q", line)
		}
		return nil
	})
}

// validateStopWords: at least one non-empty line.
func validateStopWords(data []byte) error {
	if err := checkText(data); err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("no stop word")
	}
	return nil
}

// ---- the cache directory ----

// CacheRoots lists where files derived from the embedded data may be
// cached, best first: the user cache dir, then the temp dir (no HOME,
// read-only home …). Each goes below ROOT/budgetdoc/.
func CacheRoots() []string {
	var roots []string
	if dir, err := os.UserCacheDir(); err == nil && dir != "" {
		roots = append(roots, dir)
	}
	return append(roots, os.TempDir())
}

// prepareDictDir makes sure root/budgetdoc/jieba-<hash>/ holds the five valid
// files and returns their paths in NewJieba order, with their validity record
// (see validRecord), which identifies their contents. The directory is filled
// under a temporary name and renamed into place, so a reader never sees a
// half-written directory and two processes racing both end up using the
// winner's copy.
func prepareDictDir(root string) (paths []string, record []byte, err error) {
	files, err := dictFiles()
	if err != nil {
		return nil, nil, err
	}
	parent := filepath.Join(root, "budgetdoc")
	dir := filepath.Join(parent, "jieba-"+contentHash())

	if paths, record, err := validateDir(dir, files); err == nil {
		return paths, record, nil
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, nil, err
	}
	tmp, err := os.MkdirTemp(parent, ".jieba-tmp-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	for _, f := range files {
		data, err := f.content()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f.name, err)
		}
		if err := f.validate(data); err != nil {
			return nil, nil, fmt.Errorf("embedded %s: %w", f.name, err)
		}
		if err := os.WriteFile(filepath.Join(tmp, f.name), data, 0o644); err != nil {
			return nil, nil, err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, nil, err
	}
	renameErr := os.Rename(tmp, dir)
	if renameErr != nil {
		// Another process may have won the race; use its copy if it is good.
		if paths, record, err := validateDir(dir, files); err == nil {
			return paths, record, nil
		}
		// The existing directory is damaged (it failed validation above):
		// replace it once.
		if err := os.RemoveAll(dir); err != nil {
			return nil, nil, err
		}
		if err := os.Rename(tmp, dir); err != nil {
			if paths, record, verr := validateDir(dir, files); verr == nil {
				return paths, record, nil
			}
			return nil, nil, err
		}
	}
	return validateDir(dir, files)
}

// validateDir checks every file in dir and returns their paths and validity
// record.
// Files that passed before are recognised by the SHA-256 recorded in the
// directory's validity record (see validRecord) and not parsed again: a warm
// start hashes 6 MB instead of parsing 350k dictionary lines.
func validateDir(dir string, files []dictFile) ([]string, []byte, error) {
	paths := make([]string, len(files))
	contents := make([][]byte, len(files))
	for i, f := range files {
		p := filepath.Join(dir, f.name)
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		paths[i], contents[i] = p, data
	}
	record := validRecord(files, contents)
	recordPath := filepath.Join(dir, validRecordName)
	if old, err := os.ReadFile(recordPath); err == nil && bytes.Equal(old, record) {
		return paths, record, nil
	}
	for i, f := range files {
		if err := f.validate(contents[i]); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", paths[i], err)
		}
	}
	// Best effort: without the record the next start validates again.
	if tmp, err := os.CreateTemp(dir, ".valid-tmp-"); err == nil {
		_, werr := tmp.Write(record)
		if cerr := tmp.Close(); werr == nil && cerr == nil {
			_ = os.Rename(tmp.Name(), recordPath)
		}
		_ = os.Remove(tmp.Name())
	}
	return paths, record, nil
}

// validRecordName is the file, beside the dictionaries, that records which
// contents passed validation.
const validRecordName = "VALIDATED"

// validatorVersion changes whenever a validator becomes stricter, so that
// files accepted by an older one are checked again.
const validatorVersion = 1

// validRecord is the validity record of files with these contents: the
// validator version, then `sha256 name` per file.
func validRecord(files []dictFile, contents [][]byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "budgetdoc dictionary validation %d\n", validatorVersion)
	for i, f := range files {
		sum := sha256.Sum256(contents[i])
		fmt.Fprintf(&b, "%s %s\n", hex.EncodeToString(sum[:]), f.name)
	}
	return b.Bytes()
}

// ---- the trie snapshot ----

// snapshotName names the snapshot of jieba's built dictionary trie for the
// dictionary files with this validity record (see
// gojieba.NewJiebaWithSnapshot and third_party/gojieba/PATCHES.md): loading it
// takes about 60 ms where parsing the dictionaries and building the trie takes
// 125 ms. The record holds the files' SHA-256, so a snapshot is never used
// with other dictionaries; the snapshot's own header carries its format
// version.
func snapshotName(record []byte) string {
	sum := sha256.Sum256(record)
	return snapshotPrefix + hex.EncodeToString(sum[:12]) + snapshotSuffix
}

const (
	snapshotPrefix = "trie-"
	snapshotSuffix = ".snapshot"
)

// removeStaleSnapshots deletes snapshots in dir other than keep (left by
// dictionaries since repaired), and temporary files of writers that died.
// Best effort: a leftover costs only disk space.
func removeStaleSnapshots(dir, keep string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if name == keep || !strings.HasPrefix(name, snapshotPrefix) {
			continue
		}
		if strings.HasSuffix(name, snapshotSuffix) {
			_ = os.Remove(filepath.Join(dir, name))
			continue
		}
		// A temporary file (trie-….snapshot.tmp-PID) may be another
		// process's write in progress; only old ones are removed.
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}
