package sessiontest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Widths are the terminals a command's text is tried at, and what each
// allows: at 60 columns no line is wider than 60, at 120 the lines use
// the room up to a readable 100, and without a terminal (0) they stay at
// 78.
var Widths = []Width{{60, 60}, {120, 100}, {0, 78}}

// EachWidth runs run in a subtest for each of Widths, on a terminal that
// many columns wide (0: none), and checks what it printed (Width.Check).
func EachWidth(t *testing.T, run func(t *testing.T, terminal int) string) {
	t.Helper()
	for _, w := range Widths {
		t.Run(w.Name(), func(t *testing.T) { w.Check(t, run(t, w.Terminal)) })
	}
}

// Width is a terminal's width (0 for none) and the widest line prep may
// write to it.
type Width struct{ Terminal, Widest int }

// Name names the terminal, for a subtest.
func (w Width) Name() string {
	if w.Terminal == 0 {
		return "no terminal"
	}
	return fmt.Sprintf("%d columns", w.Terminal)
}

// Check reports each line of out wider than allowed, and, for a terminal
// wider than 78, out's lines all within 78: the text was not wrapped to
// it. A line with a word as long as half the width (a path, in a command
// to copy) cannot be wrapped well, and a table's row is kept whole: both
// are let be.
func (w Width) Check(t testing.TB, out string) {
	t.Helper()
	most := 0
	for _, l := range strings.Split(out, "\n") {
		n := utf8.RuneCountInString(l)
		most = max(most, n)
		if n > w.Widest && !strings.HasPrefix(strings.TrimSpace(l), "|") && !slices.ContainsFunc(strings.Fields(l), func(f string) bool { return 2*utf8.RuneCountInString(f) >= w.Widest }) {
			t.Errorf("a line of %d columns, wider than %d:\n%s", n, w.Widest, l)
		}
	}
	if w.Widest > 78 && most <= 78 {
		t.Errorf("the widest line is %d columns; the text is not wrapped to the terminal", most)
	}
}
