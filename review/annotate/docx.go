package annotate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/budgetdoc/budgetdoc/extract"
	"github.com/budgetdoc/budgetdoc/review"
	"github.com/budgetdoc/budgetdoc/schema"
)

// The namespaces and part types a comment needs (transitional Open XML).
const (
	nsW             = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	relComments     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	relOfficeDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	ctComments      = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
	commentsRelID   = "rIdBudgetdocComments"
	commentAuthor   = "budgetdoc"
	commentInitials = "BD"
)

// maxPartBytes bounds the parts read into memory, as the DOCX reader does.
const maxPartBytes = 256 << 20

// DOCX returns a copy of the DOCX data with one Word comment per finding,
// anchored on the finding's evidence (w:commentRangeStart/End around it and
// a w:commentReference after it), so that Word and WPS list the findings in
// their review pane. doc is the document as read from data; it says which
// paragraph a finding's page and line are. Every zip entry other than the
// main document, the comments part, the content types and the main
// document's relationships is copied byte for byte.
func DOCX(data []byte, doc *extract.Document, fs []schema.Finding) ([]byte, Report, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, Report{}, fmt.Errorf("%w: zip: %v", extract.ErrCorrupt, err)
	}
	pk := &docxPackage{zr: zr, parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		pk.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	if err := pk.locate(); err != nil {
		return nil, Report{}, err
	}
	body, err := pk.read(pk.main)
	if err != nil {
		return nil, Report{}, err
	}
	lines, prefix, err := scanLines(body)
	if err != nil {
		return nil, Report{}, fmt.Errorf("%w: %s: %v", extract.ErrCorrupt, pk.main, err)
	}
	if len(lines) == 0 {
		return nil, Report{}, fmt.Errorf("%w: %s has no text to anchor comments on", extract.ErrEmpty, pk.main)
	}
	comments, _ := pk.read(pk.comments) // absent: a new part
	nextID := maxCommentID(body, comments) + 1

	var rep Report
	loc := newLineFinder(doc, lines)
	var edits []edit
	var notes []string
	for i, f := range fs {
		a := loc.anchor(f)
		rep.add(f, a.placed, lines[a.line].text[a.start:a.end])
		id := strconv.Itoa(nextID + i)
		edits = append(edits, lines[a.line].markup(a.start, a.end, id, prefix)...)
		notes = append(notes, commentXML(id, review.NoteText(f), prefix))
	}
	newBody := applyEdits(body, edits)
	newComments, err := withComments(comments, notes, prefix)
	if err != nil {
		return nil, Report{}, fmt.Errorf("%w: %s: %v", extract.ErrCorrupt, pk.comments, err)
	}
	changed := map[string][]byte{pk.main: newBody, pk.comments: newComments}
	if !pk.hasComments {
		ct, err := pk.read("[Content_Types].xml")
		if err != nil {
			return nil, Report{}, err
		}
		changed["[Content_Types].xml"] = insertBefore(ct, "</Types>",
			fmt.Sprintf(`<Override PartName="/%s" ContentType="%s"/>`, pk.comments, ctComments))
		rels, _ := pk.read(pk.mainRels)
		if len(rels) == 0 {
			rels = []byte(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
		}
		changed[pk.mainRels] = insertBefore(rels, "</Relationships>",
			fmt.Sprintf(`<Relationship Id="%s" Type="%s" Target="%s"/>`, commentsRelID, relComments, path.Base(pk.comments)))
	}
	out, err := pk.write(changed)
	return out, rep, err
}

// docxPackage is the zip of a DOCX with the parts that comments touch.
type docxPackage struct {
	zr          *zip.Reader
	parts       map[string]*zip.File
	main        string // word/document.xml
	mainRels    string // word/_rels/document.xml.rels
	comments    string // word/comments.xml
	hasComments bool
}

var relRx = regexp.MustCompile(`<Relationship\b[^>]*>`)
var attrRx = regexp.MustCompile(`(\w+)="([^"]*)"`)

// relationships returns the (type, target) pairs of a .rels part.
func relationships(rels []byte) [][2]string {
	var out [][2]string
	for _, m := range relRx.FindAll(rels, -1) {
		var typ, target, mode string
		for _, a := range attrRx.FindAllSubmatch(m, -1) {
			switch string(a[1]) {
			case "Type":
				typ = string(a[2])
			case "Target":
				target = string(a[2])
			case "TargetMode":
				mode = string(a[2])
			}
		}
		if mode != "External" {
			out = append(out, [2]string{typ, target})
		}
	}
	return out
}

// locate finds the main document part and its comments part.
func (pk *docxPackage) locate() error {
	if pk.parts["[Content_Types].xml"] == nil {
		return fmt.Errorf("%w: no [Content_Types].xml, so not a DOCX", extract.ErrUnsupported)
	}
	pk.main = "word/document.xml"
	if rels, err := pk.read("_rels/.rels"); err == nil {
		for _, r := range relationships(rels) {
			if r[0] == relOfficeDoc {
				pk.main = strings.TrimPrefix(path.Clean("/"+r[1]), "/")
			}
		}
	}
	if pk.parts[pk.main] == nil {
		return fmt.Errorf("%w: no main document part (%s), so not a DOCX", extract.ErrUnsupported, pk.main)
	}
	dir := path.Dir(pk.main)
	pk.mainRels = path.Join(dir, "_rels", path.Base(pk.main)+".rels")
	pk.comments = path.Join(dir, "comments.xml")
	if rels, err := pk.read(pk.mainRels); err == nil {
		for _, r := range relationships(rels) {
			if r[0] == relComments {
				pk.comments = strings.TrimPrefix(path.Clean("/"+path.Join(dir, r[1])), "/")
				pk.hasComments = pk.parts[pk.comments] != nil
			}
		}
	}
	if !pk.hasComments && pk.parts[pk.comments] != nil {
		// A comments part nobody refers to: leave it and write ours apart.
		pk.comments = path.Join(dir, "comments-budgetdoc.xml")
	}
	return nil
}

// read returns a part's bytes, or an error when it is absent or too large.
func (pk *docxPackage) read(name string) ([]byte, error) {
	f := pk.parts[name]
	if f == nil {
		return nil, fmt.Errorf("%w: no %s part", extract.ErrCorrupt, name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", extract.ErrCorrupt, name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", extract.ErrCorrupt, name, err)
	}
	if len(b) > maxPartBytes {
		return nil, fmt.Errorf("%w: %s is larger than %d MiB", extract.ErrTooLarge, name, maxPartBytes>>20)
	}
	return b, nil
}

// write rebuilds the zip: changed parts re-compressed in place, new parts
// at the end, every other entry copied raw.
func (pk *docxPackage) write(changed map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	done := map[string]bool{}
	for _, f := range pk.zr.File {
		name := strings.TrimPrefix(f.Name, "/")
		body, ok := changed[name]
		if !ok || done[name] {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		done[name] = true
		hdr := f.FileHeader
		hdr.Method = zip.Deflate
		hdr.CompressedSize64, hdr.UncompressedSize64, hdr.CRC32 = 0, 0, 0
		w, err := zw.CreateHeader(&hdr)
		if err == nil {
			_, err = w.Write(body)
		}
		if err != nil {
			return nil, err
		}
	}
	var added []string
	for name := range changed {
		if !done[name] {
			added = append(added, name)
		}
	}
	sort.Strings(added)
	for _, name := range added {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modTime(pk.zr)})
		if err == nil {
			_, err = w.Write(changed[name])
		}
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// modTime is the time stamp for new entries: the newest of the package's,
// so that the output depends on the input only.
func modTime(zr *zip.Reader) (t time.Time) {
	for _, f := range zr.File {
		if f.Modified.After(t) {
			t = f.Modified
		}
	}
	return t
}

// commentIDRx finds the ids of comment elements and markers.
var commentIDRx = regexp.MustCompile(`<[\w.]*:?comment(?:RangeStart|RangeEnd|Reference)?\b[^>]*?:id="(\d+)"`)

// maxCommentID returns the largest comment id in use (-1 when none).
func maxCommentID(parts ...[]byte) int {
	best := -1
	for _, p := range parts {
		for _, m := range commentIDRx.FindAllSubmatch(p, -1) {
			if n, err := strconv.Atoi(string(m[1])); err == nil && n > best && n < 1<<30 {
				best = n
			}
		}
	}
	return best
}

// commentXML is one w:comment: a paragraph per line of text.
func commentXML(id, text, w string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<%[1]s:comment %[1]s:id="%[2]s" %[1]s:author="%[3]s" %[1]s:initials="%[4]s">`, w, id, commentAuthor, commentInitials)
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintf(&b, `<%[1]s:p><%[1]s:r><%[1]s:t xml:space="preserve">%[2]s</%[1]s:t></%[1]s:r></%[1]s:p>`, w, escape(line))
	}
	fmt.Fprintf(&b, `</%s:comment>`, w)
	return b.String()
}

func escape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// withComments adds comments to an existing comments part, or makes one.
func withComments(part []byte, comments []string, w string) ([]byte, error) {
	all := strings.Join(comments, "")
	if len(part) == 0 {
		return []byte(xml.Header + fmt.Sprintf(`<%[1]s:comments xmlns:%[1]s="%[2]s">%[3]s</%[1]s:comments>`, w, nsW, all)), nil
	}
	prefix, err := rootPrefix(part)
	if err != nil {
		return nil, err
	}
	if prefix != w {
		// Ours were written with the document's prefix; declare it.
		all = strings.ReplaceAll(all, "<"+w+":comment ", fmt.Sprintf(`<%s:comment xmlns:%s="%s" `, w, w, nsW))
	}
	closing := "</" + prefix + ":comments>"
	if prefix == "" {
		closing = "</comments>"
	}
	if !bytes.Contains(part, []byte(closing)) {
		if i := bytes.LastIndex(part, []byte("/>")); i >= 0 && bytes.Count(part, []byte("<"+prefix)) == 1 {
			// <w:comments …/>: an empty part written self-closed.
			return append(append(append([]byte{}, part[:i]...), []byte(">"+all+closing)...), part[i+2:]...), nil
		}
		return nil, errors.New("comments part has no closing tag")
	}
	return insertBefore(part, closing, all), nil
}

// rootPrefix returns the namespace prefix of a part's root element.
func rootPrefix(part []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(part))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "", err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Space, nil
		}
	}
}

// insertBefore inserts s before the last occurrence of marker in b.
func insertBefore(b []byte, marker, s string) []byte {
	i := bytes.LastIndex(b, []byte(marker))
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+len(s))
	out = append(out, b[:i]...)
	out = append(out, s...)
	return append(out, b[i:]...)
}

// edit inserts text at a byte offset of the main document part.
type edit struct {
	at   int
	text string
	seq  int // order among edits at one offset
}

func applyEdits(b []byte, edits []edit) []byte {
	for i := range edits {
		edits[i].seq = i
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].at < edits[j].at })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(b[last:e.at])
		out.WriteString(e.text)
		last = e.at
	}
	out.Write(b[last:])
	return out.Bytes()
}
