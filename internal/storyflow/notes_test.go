package storyflow

import (
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/prompts/prompttest"
)

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
	notes := FindingNotes(sec, rep)
	if len(notes) != 3 {
		t.Fatalf("%d notes, want 3: %q", len(notes), notes)
	}
	if !strings.HasPrefix(notes[0], "A weak verb hides your part.\n") || !strings.HasSuffix(notes[0], "\nhint: "+hint) {
		t.Errorf("note 1 = %q; want the message, then the hint on its own line", notes[0])
	}
	if n := strings.Count(strings.Join(notes, "\n"), hint); n != 1 {
		t.Errorf("the hint is in the notes %d times, want once: %q", n, notes)
	}

	f := sessiontest.NewFixture(t)
	p := prompttest.New(t)
	p.ExpectInput("notes", "")
	env, buf := f.Env(p)
	s, err := session.Open(env.Workspace, "test", env.Prompter, env.IO)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.ShowCheck("stories/x.md", rep)
	// The notes as a question shows them, before it is asked.
	if _, err := s.Ask(session.Question{ID: "notes", Kind: session.Input, Message: "Notes", Notes: notes}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, hint); n != 2 { // once in the check, once in the notes
		t.Errorf("the hint is shown %d times, want twice (the check, the notes):\n%s", n, out)
	}
	if !strings.Contains(out, "  - A weak verb hides your part.\n    “We helped the team.”\n    hint: ") {
		t.Errorf("a note does not put its hint under its message:\n%s", out)
	}
}
