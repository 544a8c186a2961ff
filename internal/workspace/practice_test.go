package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func openAt(t *testing.T, dir string) *Workspace {
	t.Helper()
	w, err := Open(dir, func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// A new practice answer gets its front matter in the order it was set,
// the dates, and its body; the file is private like every other.
func TestEditPracticeNewFile(t *testing.T) {
	dir := t.TempDir()
	w := openAt(t, dir)
	err := w.EditPractice("audit-log.md", func(p *Practice) error {
		p.Body = "## Requirements\n\n## MVP\n"
		p.SetField("title", "An   audit log")
		p.SetField("kind", "design")
		p.SetField("hints", 2)
		p.SetField("hint_steps", []string{"mvp", "mvp"})
		p.SetField("timer", "45m")
		if err := p.SetSection(rubric(t, "design"), "mvp", "One table, one relay."); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, PracticeDir, "audit-log.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := `---
title: An audit log
kind: design
hints: 2
hint_steps: [mvp, mvp]
timer: 45m
created: 2026-01-02T15:04:05Z
updated: 2026-01-02T15:04:05Z
---

## Requirements

## MVP

One table, one relay.
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("file (-want +got):\n%s", diff)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	p, err := w.Practice("audit-log.md")
	if err != nil {
		t.Fatal(err)
	}
	text, ok := p.Section(rubric(t, "design"), "mvp")
	hints, _ := p.Field("hints")
	if diff := cmp.Diff([]any{"One table, one relay.", true, "2"}, []any{text, ok, hints}); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
}

// What the candidate wrote in the file meanwhile (its own keys and
// comments, text under other headings, CRLF line ends) stays when prep
// sets a section and its own keys.
func TestEditPracticeKeepsTheCandidatesEdits(t *testing.T) {
	dir := t.TempDir()
	w := openAt(t, dir)
	path := filepath.Join(dir, PracticeDir, "x.md")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	old := "---\r\ntitle: Mine # my title\r\nmood: tired\r\nhints: 1\r\nhint_steps: [mvp]\r\n---\r\n\r\nMy notes first.\r\n\r\n## MVP\r\n\r\nold\r\n\r\n## Extra\r\n\r\nkept\r\n"
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	err := w.EditPractice("x.md", func(p *Practice) error {
		p.SetField("hints", 2)
		p.SetField("hint_steps", []string{"mvp", "tradeoffs"})
		if err := p.SetSection(rubric(t, "design"), "mvp", "new"); err != nil {
			return err
		}
		p.SetField("timer", nil)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	want := "---\r\ntitle: Mine # my title\r\nmood: tired\r\nhints: 2\r\nhint_steps: [mvp, tradeoffs]\r\ncreated: 2026-01-02T15:04:05Z\r\nupdated: 2026-01-02T15:04:05Z\r\n---\r\n\r\nMy notes first.\r\n\r\n## MVP\r\n\r\nnew\r\n\r\n## Extra\r\n\r\nkept\r\n"
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("file (-want +got):\n%s", diff)
	}
}

// A file prep cannot read is reported with its line and left as it is;
// a name that could leave practice/ is refused.
func TestEditPracticeRefuses(t *testing.T) {
	dir := t.TempDir()
	w := openAt(t, dir)
	path := filepath.Join(dir, PracticeDir, "bad.md")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	bad := "---\ntitle: [unclosed\n---\n## MVP\n"
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	called := false
	err := w.EditPractice("bad.md", func(*Practice) error { called = true; return nil })
	var pe *ParseError
	if !errors.As(err, &pe) || !pe.Refused || pe.Path != path || !strings.Contains(err.Error(), "prep does not write over a file it cannot read") {
		t.Errorf("err = %v, want a refused ParseError for %s", err, path)
	}
	if data, _ := os.ReadFile(path); string(data) != bad || called {
		t.Errorf("the broken file was changed (%q) or edited (%v)", data, called)
	}
	for _, name := range []string{"", "../stories/x.md", "sub/x.md", ".hidden.md", "x.txt", `a\b.md`} {
		if err := w.EditPractice(name, func(*Practice) error { return nil }); err == nil {
			t.Errorf("EditPractice(%q) = nil, want refused", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, StoriesDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stories/ was created: %v", err)
	}
}

// An edit that fails writes nothing.
func TestEditPracticeFailedEditWritesNothing(t *testing.T) {
	dir := t.TempDir()
	w := openAt(t, dir)
	boom := errors.New("boom")
	if err := w.EditPractice("x.md", func(p *Practice) error { p.Body = "x"; return boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if _, err := os.Stat(filepath.Join(dir, PracticeDir, "x.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file was written: %v", err)
	}
}
