package plain

import (
	"bytes"
	"context"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/internal/testenv"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/budgetdoc/budgetdoc/extract"
)

// lineRef is a line's text and number, for compact expectations.
type lineRef struct {
	line int
	text string
}

func flatten(doc *extract.Document) (blocks [][]lineRef) {
	for _, p := range doc.Pages {
		for _, b := range p.Blocks {
			var ls []lineRef
			for _, l := range b.Lines {
				ls = append(ls, lineRef{l.Loc.Line, l.Text})
			}
			blocks = append(blocks, ls)
		}
	}
	return blocks
}

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRead(t *testing.T) {
	// Real lines from the Shiquan Rd 2026 unit budget (pages JSON, page 6).
	const l1 = "2026年单位预算编制说明"
	const l2 = "    2026年，上海市普陀区人民政府石泉路街道办事处（本级）收入预算7,630.61万元，其中：财政拨款收入7,630.61万元，比2025年预"
	const l3 = "算减少2,163.37万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。"
	const indent = "\u3000\u3000（一）指导、帮助居委会开展组织建设、制度建设和其他工作；"
	want := [][]lineRef{{{1, l1}, {2, l2}, {3, l3}}, {{6, indent}}}
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, r := range s { // all BMP here
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	utf16be := func(s string) []byte {
		b := []byte{0xFE, 0xFF}
		for _, r := range s {
			b = append(b, byte(r>>8), byte(r))
		}
		return b
	}
	lf := l1 + "\n" + l2 + "\n" + l3 + "\n\n \u3000\n" + indent + "\n"
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf8 LF", []byte(lf), EncUTF8},
		{"utf8 BOM", append([]byte("\xEF\xBB\xBF"), lf...), EncUTF8},
		{"CRLF", []byte(strings.ReplaceAll(lf, "\n", "\r\n")), EncUTF8},
		{"CR", []byte(strings.ReplaceAll(lf, "\n", "\r")), EncUTF8},
		{"no final newline", []byte(strings.TrimSuffix(lf, "\n")), EncUTF8},
		{"GB18030", gbk(t, lf), EncGB18030},
		{"UTF-16LE", utf16le(lf), EncUTF16LE},
		{"UTF-16BE", utf16be(strings.ReplaceAll(lf, "\n", "\r\n")), EncUTF16BE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), tt.data, extract.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != extract.FormatText || len(doc.Pages) != 1 || doc.Pages[0].Number != 1 {
				t.Fatalf("format %q, %d pages", doc.Format, len(doc.Pages))
			}
			if got := doc.Info["Encoding"]; got != tt.enc {
				t.Errorf("encoding %q, want %q", got, tt.enc)
			}
			got := flatten(doc)
			if len(got) != len(want) {
				t.Fatalf("blocks %v, want %v", got, want)
			}
			for i := range want {
				if len(got[i]) != len(want[i]) {
					t.Fatalf("block %d: %v, want %v", i, got[i], want[i])
				}
				for j := range want[i] {
					if got[i][j] != want[i][j] {
						t.Errorf("block %d line %d: %+v, want %+v", i, j, got[i][j], want[i][j])
					}
				}
			}
			for _, b := range doc.Pages[0].Blocks {
				if b.Kind != extract.Paragraph || b.Lines[0].Loc.Page != 1 {
					t.Errorf("block %v page %d", b.Kind, b.Lines[0].Loc.Page)
				}
			}
		})
	}
}

func TestReadFixtures(t *testing.T) {
	want, err := Read(context.Background(), mustRead(t, "testdata/shiquan_p4_p6.txt"), extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(want.Pages[0].Blocks); n != 2 {
		t.Fatalf("%d blocks, want 2", n)
	}
	last := want.Pages[0].Blocks[1].Lines
	if l := last[len(last)-1].Loc.Line; l != 12 {
		t.Errorf("last line number %d, want 12", l)
	}
	for _, name := range []string{"shiquan_p4_p6.gb18030.txt", "shiquan_p4_p6.utf16le.txt", "shiquan_p4_p6.crlf.txt"} {
		got, err := Read(context.Background(), mustRead(t, filepath.Join("testdata", name)), extract.DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a, b := textOf(got), textOf(want); a != b {
			t.Errorf("%s: text differs from the UTF-8 original:\n%s\n---\n%s", name, a, b)
		}
	}
}

func textOf(doc *extract.Document) string {
	var sb strings.Builder
	for _, p := range doc.Pages {
		for _, b := range p.Blocks {
			for _, l := range b.Lines {
				sb.WriteString(strings.TrimRight(l.Text, " "))
				sb.WriteByte('\n')
			}
		}
	}
	return sb.String()
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadBadInput(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rnd.Read(random)
	pdfish := []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x00\x01\x02\x03binary\x00")
	// GB18030 bytes cut mid-character still decode: the broken tail becomes
	// U+FFFD with a warning, which is more useful than refusing the file.
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, extract.ErrEmpty},
		{"whitespace only", []byte(" \r\n\t\u3000\n"), extract.ErrEmpty},
		{"random bytes", random, extract.ErrUnsupported},
		{"pdf header", pdfish, extract.ErrUnsupported},
		{"control chars", bytes.Repeat([]byte("ab\x01\x02\x03"), 50), extract.ErrUnsupported},
		{"utf16 with NUL char", []byte{0xFF, 0xFE, 'a', 0, 0, 0, 'b', 0}, extract.ErrUnsupported},
		{"latin-1 accents", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e \xfc\xfc\xfc"), extract.ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.data, extract.DefaultLimits)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadRepairs(t *testing.T) {
	// A UTF-8 file cut in the middle of its last character stays UTF-8.
	s := []byte("比2025年预算减少2,163.37万元")
	doc, err := Read(context.Background(), s[:len(s)-1], extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Info["Encoding"] != EncUTF8 || len(doc.Warnings) == 0 {
		t.Errorf("encoding %q warnings %v", doc.Info["Encoding"], doc.Warnings)
	}
	if got := doc.Pages[0].Blocks[0].Lines[0].Text; !strings.HasPrefix(got, "比2025年预算减少2,163.37万") {
		t.Errorf("text %q", got)
	}
	// A GB18030 file cut in the middle of a character: decoded, with a warning.
	g := gbk(t, "其他收入0万元。")
	doc, err = Read(context.Background(), g[:len(g)-1], extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Info["Encoding"] != EncGB18030 || !strings.HasPrefix(doc.Pages[0].Blocks[0].Lines[0].Text, "其他收入0万元") {
		t.Errorf("got %q in %s", doc.Pages[0].Blocks[0].Lines[0].Text, doc.Info["Encoding"])
	}
}

func TestReadLimitsAndContext(t *testing.T) {
	_, err := Read(context.Background(), []byte("预算\n"), extract.Limits{MaxBytes: 3})
	if !errors.Is(err, extract.ErrTooLarge) {
		t.Errorf("MaxBytes: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, []byte("预算\n"), extract.DefaultLimits); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

// TestReadCorpusPages reads every page text of the real pages JSON as a
// plain-text file and checks that line numbers match the physical lines.
func TestReadCorpusPages(t *testing.T) {
	data := corpusFile(t, "shanghai_putuo_shiquanlujiedao_2026_unit_budget_pages.json")
	doc, err := ReadPagesJSON(context.Background(), data, extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, p := range doc.Pages {
		for _, b := range p.Blocks {
			for _, l := range b.Lines {
				all = append(all, l.Text)
			}
		}
	}
	text := strings.Join(all, "\n")
	tdoc, err := Read(context.Background(), []byte(text), extract.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	phys := strings.Split(text, "\n")
	for _, b := range tdoc.Pages[0].Blocks {
		for _, l := range b.Lines {
			if phys[l.Loc.Line-1] != l.Text {
				t.Fatalf("line %d: %q, file has %q", l.Loc.Line, l.Text, phys[l.Loc.Line-1])
			}
		}
	}
	if n := strings.Count(text, "万元"); n < 150 {
		t.Errorf("only %d × 万元 in the corpus text", n)
	}
}

// corpusFile returns a file of the shared real corpus (../shared next to the
// module root), skipping the test when the corpus is absent.
func corpusFile(t testing.TB, name string) []byte {
	t.Helper()
	return testenv.CorpusFile(t, name)
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"shiquan_p4_p6.txt", "shiquan_p4_p6.gb18030.txt", "shiquan_p4_p6.utf16le.txt", "shiquan_p4_p6.crlf.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\xFE\xFF\x00"))
	f.Add([]byte("a\rb\r\n\r\nc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(context.Background(), data, extract.DefaultLimits)
		if err != nil {
			if stack := extract.StackOf(err); stack != nil {
				t.Fatalf("%v\n%s", err, stack)
			}
			if !errors.Is(err, extract.ErrEmpty) && !errors.Is(err, extract.ErrUnsupported) && !errors.Is(err, extract.ErrCorrupt) {
				t.Fatalf("unexpected error class: %v", err)
			}
			return
		}
		prev := 0
		for _, b := range doc.Pages[0].Blocks {
			if len(b.Lines) == 0 {
				t.Fatal("empty block")
			}
			for _, l := range b.Lines {
				if l.Loc.Line <= prev {
					t.Fatalf("line numbers not increasing: %d after %d", l.Loc.Line, prev)
				}
				prev = l.Loc.Line
				if strings.ContainsAny(l.Text, "\r\n") {
					t.Fatalf("line contains a terminator: %q", l.Text)
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	base := mustRead(b, "testdata/shiquan_p4_p6.gb18030.txt")
	data := bytes.Repeat(base, 1<<20/len(base)) // ~1 MB of GB18030 text
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(context.Background(), data, extract.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
