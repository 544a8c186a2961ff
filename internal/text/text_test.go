package text

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) string
		in   string
		want string
	}{
		{"OneLine joins lines and collapses spaces", OneLine, "  Payments\n  rewrite\t(2023)  ", "Payments rewrite (2023)"},
		{"OneLine keeps control characters", OneLine, "a\x1b[2Jb", "a\x1b[2Jb"},
		{"CleanLine turns an escape into a question mark", CleanLine, "Title\x1b[2J\nnext", "Title?[2J next"},
		{"Clean keeps line ends and tabs", Clean, "a\tb\nc\x07", "a\tb\nc?"},
		{"FirstLine drops the lines after the first", FirstLine, "  open x: denied\n  at line 3\n", "open x: denied"},
		{"FirstLine of one line is that line trimmed", FirstLine, " one ", "one"},
		{"blank is empty", OneLine, " \n\t ", ""},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("%s: %q: got %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 errors"}, {1, "1 error"}, {2, "2 errors"}, {-1, "-1 errors"}} {
		if got := Plural(tt.n, "error"); got != tt.want {
			t.Errorf("Plural(%d): got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestFill(t *testing.T) {
	tests := []struct {
		name, text, first, rest string
		width                   int
		want                    string
	}{
		{"every line takes the indent", "one two three four", "  ", "  ", 10, "  one two\n  three\n  four"},
		{"line ends are spaces, not paragraphs", "one\n\ntwo", "", "", 20, "one two"},
		{"nothing to fill is empty", "  ", "> ", "> ", 20, ""},
		{"a long word has a line of its own", "a verylongword b", "", "", 5, "a\nverylongword\nb"},
	}
	for _, tt := range tests {
		if got := Fill(tt.text, tt.first, tt.rest, tt.width); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestItems(t *testing.T) {
	for _, tt := range []struct {
		para string
		want []string
	}{
		// An item's lines are joined; a line back at the list's margin
		// closes the list, as the content's notes mean it.
		{"Ask:\n- why\n  this one\n2. then\nnot 3.item", []string{"Ask:", "- why this one", "2. then", "not 3.item"}},
		// Prose that wraps onto "900. That…" starts no list: within a
		// paragraph only a bullet or 1. does.
		{"another\n900. That is all.", []string{"another 900. That is all."}},
		{"Steps:\n1. one\n2. two", []string{"Steps:", "1. one", "2. two"}},
	} {
		if diff := cmp.Diff(tt.want, Items(tt.para)); diff != "" {
			t.Errorf("Items(%q) (-want +got):\n%s", tt.para, diff)
		}
	}
}

func TestItemMarker(t *testing.T) {
	for line, want := range map[string]string{
		"- one": "- ", "* one": "* ", "12. one": "12. ", "3) one": "3) ",
		"-one": "", "3.5 s later": "", "12.": "", "plain": "",
	} {
		if got := ItemMarker(line); got != want {
			t.Errorf("ItemMarker(%q) = %q, want %q", line, got, want)
		}
		if got := IsItem(line); got != (want != "") {
			t.Errorf("IsItem(%q) = %v, want %v", line, got, want != "")
		}
	}
}

func TestWrapList(t *testing.T) {
	notes := "Start with the queue.\n\n- a relay that publishes\n  every row\n12. then a lag alert on the relay\nwith a runbook\n\nLast."
	want := "  Start with the\n  queue.\n\n" +
		"  - a relay that\n    publishes every\n    row\n" +
		"  12. then a lag\n      alert on the\n      relay\n" +
		"  with a runbook\n\n" +
		"  Last."
	if diff := cmp.Diff(want, WrapList(notes, "  ", 20)); diff != "" {
		t.Errorf("WrapList (-want +got):\n%s", diff)
	}
}
