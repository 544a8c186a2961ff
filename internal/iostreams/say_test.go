package iostreams

import (
	"errors"
	"testing"
)

func TestLinesAboutPrep(t *testing.T) {
	s, _, out, errOut := Test()
	s.Warnf("%s: %d stories unreadable", "stories", 2)
	s.Sayf("unreadable: %s", "a\x1b[31m.md")
	s.PrintError(errors.New("x.md: cannot read\n  more detail from a library"))
	want := "prep: warning: stories: 2 stories unreadable\n" +
		"prep: unreadable: a?[31m.md\n" +
		"prep: x.md: cannot read\n"
	if got := errOut.String(); got != want {
		t.Errorf("error stream:\n%s\nwant:\n%s", got, want)
	}
	if out.Len() != 0 {
		t.Errorf("output stream got %q, want nothing", out.String())
	}
}
