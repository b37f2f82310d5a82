package store

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestDecisionsCarryOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.sqlite")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	prev, err := s.AddVersion(Version{SHA256: "aaa", Draft: "财政局|2024", Name: "v1.docx", Checked: t0, Findings: []string{"f1", "f2", "f3"}})
	if err != nil || prev != nil {
		t.Fatalf("first version: prev %v, err %v", prev, err)
	}
	if err := s.Decide("aaa", "f1", Ignored, "口径如此，不改"); err != nil {
		t.Fatal(err)
	}
	if err := s.Decide("aaa", "f2", Accepted, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Decide("aaa", "f2", Undecided, ""); err != nil { // undone
		t.Fatal(err)
	}
	if err := s.Decide("aaa", "f3", Accepted, "已改"); err != nil {
		t.Fatal(err)
	}
	// Reopened: the decisions are on disk.
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	prev, err = s.AddVersion(Version{SHA256: "bbb", Draft: "财政局|2024", Name: "v2.docx", Checked: t0.Add(time.Hour), Findings: []string{"f1", "f2", "f4"}})
	if err != nil {
		t.Fatal(err)
	}
	if prev == nil || prev.SHA256 != "aaa" || !reflect.DeepEqual(prev.Findings, []string{"f1", "f2", "f3"}) {
		t.Fatalf("previous version = %+v", prev)
	}
	got, err := s.Decisions("bbb")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["f1"].Status != Ignored || got["f1"].Note != "口径如此，不改" || got["f1"].Carried != "aaa" {
		t.Errorf("carried decisions = %+v, want only f1 ignored from aaa", got)
	}
	cmp := Compare(prev.Findings, []string{"f1", "f2", "f4"})
	want := Comparison{Fixed: []string{"f3"}, New: []string{"f4"}, Remaining: []string{"f1", "f2"}}
	if !reflect.DeepEqual(cmp, want) {
		t.Errorf("Compare = %+v, want %+v", cmp, want)
	}
	// The same bytes again: no new version, the same predecessor.
	again, err := s.AddVersion(Version{SHA256: "bbb", Draft: "财政局|2024", Name: "copy.docx", Checked: t0.Add(2 * time.Hour)})
	if err != nil || again == nil || again.SHA256 != "aaa" {
		t.Errorf("re-adding: prev %+v, err %v", again, err)
	}
	if p, err := s.Previous("bbb"); err != nil || p == nil || p.SHA256 != "aaa" {
		t.Errorf("Previous(bbb) = %+v, %v", p, err)
	}
	if p, err := s.Previous("zzz"); err != nil || p != nil {
		t.Errorf("Previous(unknown) = %+v, %v", p, err)
	}
	// Another draft is not a version of this one.
	if p, err := s.AddVersion(Version{SHA256: "ccc", Draft: "规划局|2024", Checked: t0.Add(3 * time.Hour)}); err != nil || p != nil {
		t.Errorf("other draft: prev %+v, err %v", p, err)
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]Status{"accepted": Accepted, "ignored": Ignored, "": Undecided, " ignored ": Ignored} {
		if got, err := ParseStatus(in); err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseStatus("deleted"); err == nil {
		t.Error("no error for an unknown decision")
	}
}
