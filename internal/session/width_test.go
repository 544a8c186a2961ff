package session

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/pack"
)

// The session's text is wrapped to the terminal it is shown on: at 60
// columns no line is wider than 60 (it was 78 whatever the width, so a
// terminal broke words mid-way), at 120 the lines use the room up to a
// readable 100, and without a terminal they stay at 78.
func TestBackgroundWrapsToTheTerminal(t *testing.T) {
	for _, tc := range []struct {
		terminal, widest int
		wider            bool // some line is wider than 78
	}{
		{terminal: 60, widest: 60},
		{terminal: 120, widest: 100, wider: true},
		{terminal: 0, widest: 78},
	} {
		f := newFixture(t)
		env, buf := f.env(stub(t, fullScript(Yes)...))
		env.IO.SetTerminalWidth(tc.terminal)
		if _, err := Background(env); err != nil {
			t.Fatal(err)
		}
		most := 0
		for _, l := range strings.Split(buf.String(), "\n") {
			n := utf8.RuneCountInString(l)
			most = max(most, n)
			// A word longer than the line (a path) cannot be wrapped.
			if n > tc.widest && len(strings.Fields(l)) > 1 {
				t.Errorf("terminal %d: a line of %d columns, wider than %d:\n%s", tc.terminal, n, tc.widest, l)
			}
		}
		if tc.wider && most <= 78 {
			t.Errorf("terminal %d: the widest line is %d columns; the text is not wrapped to the terminal", tc.terminal, most)
		}
	}
}

// The fix list's notes say a finding's message, then its hint on a line
// of its own, and a hint shared by several findings once: it ran into
// the message, and the same hint came seven times.
func TestFindingNotesAndCheckSayEachHintOnce(t *testing.T) {
	sec := &pack.Section{ID: "action", Title: "Action"}
	const hint = "Say what you did yourself: I chose, I wrote, I measured."
	rep := check.Report{Summary: check.Summary{Warnings: 3}}
	for _, q := range []string{"We helped the team.", "We helped again.", "We helped once more."} {
		rep.Findings = append(rep.Findings, check.Finding{Severity: "warning", Section: "action", Message: "A weak verb hides your part.", Quote: q, Hint: hint})
	}
	notes := findingNotes(sec, rep)
	if len(notes) != 3 {
		t.Fatalf("%d notes, want 3: %q", len(notes), notes)
	}
	if !strings.HasPrefix(notes[0], "A weak verb hides your part.\n") || !strings.HasSuffix(notes[0], "\nhint: "+hint) {
		t.Errorf("note 1 = %q; want the message, then the hint on its own line", notes[0])
	}
	if n := strings.Count(strings.Join(notes, "\n"), hint); n != 1 {
		t.Errorf("the hint is in the notes %d times, want once: %q", n, notes)
	}

	f := newFixture(t)
	env, buf := f.env(stub(t))
	s, err := Open(env.Workspace, "test", env.Prompter, env.IO.Out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	showCheck(s, "stories/x.md", rep)
	s.show(Question{Notes: notes})
	out := buf.String()
	if n := strings.Count(out, hint); n != 2 { // once in the check, once in the notes
		t.Errorf("the hint is shown %d times, want twice (the check, the notes):\n%s", n, out)
	}
	if !strings.Contains(out, "  - A weak verb hides your part.\n    “We helped the team.”\n    hint: ") {
		t.Errorf("a note does not put its hint under its message:\n%s", out)
	}
}
