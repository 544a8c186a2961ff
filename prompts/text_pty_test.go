//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package prompts

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/google/go-cmp/cmp"
	"github.com/hinshun/vt10x"
)

// What the candidate half typed, and what the editor did not give: in a
// real pseudo-terminal, the answer Ctrl-C stops, the draft given back,
// and each way an editor can come back without an answer.
func TestTextAndDraftsInATerminal(t *testing.T) {
	ptyIn, ttyIn, err := pty.Open()
	if err != nil {
		t.Skipf("cannot open a pseudo-terminal here (%v); the terminal prompts are not exercised", err)
	}
	screen := vt10x.New(vt10x.WithWriter(ttyIn), vt10x.WithSize(200, 50))
	// All the program wrote, for what scrolls off the screen.
	var all bytes.Buffer
	c, err := expect.NewConsole(expect.WithStdin(ptyIn), expect.WithStdout(screen, &all),
		expect.WithCloser(ptyIn, ttyIn), expect.WithDefaultTimeout(ptyTimeout))
	if err != nil {
		ptyIn.Close()
		ttyIn.Close()
		t.Skipf("cannot open a pseudo-terminal here (%v); the terminal prompts are not exercised", err)
	}
	defer c.Close()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	opened := filepath.Join(t.TempDir(), "opened.md")
	t.Setenv(openedEnv, opened)
	t.Setenv(fakeEditorEnv, "1")
	s, err := NewSurvey(c.Tty(), c.Tty(), c.Tty(), WithColor(false), WithEditor("'"+exe+"'"))
	if err != nil {
		t.Fatalf("NewSurvey on a pseudo-terminal: %v", err)
	}

	const (
		enter  = "\r"
		ctrlC  = "\x03"
		choose = "Write the answer now, or skip it for now?"
	)
	steps := []ptyStep{
		{"Company?", "Acm" + ctrlC},             // half typed: kept as the draft
		{"Company, again?", "e" + enter},        // the draft is on the line
		{"Summary?", "Short and sweet" + enter}, // a short answer, no editor
		{"Situation?", enter},                   // the editor is left without saving
		{choose, enter},                         // Type it here
		{"Situation?", "Typed here" + enter},
		{"Result?", enter}, // the current answer emptied
		{choose, "leave" + enter},
		{"Lessons?", enter},   // left without changes: the answer stays
		{"Tradeoffs?", enter}, // an editor that cannot start
		{choose, enter},       // Type it here, then nothing after all
		{"Tradeoffs?", enter},
		{choose, "skip" + enter},
		{"Pitch?", enter}, // a draft, left without changes: kept as the answer
		{choose, "keep" + enter},
		{"Numbers?", enter}, // a draft, left without changes: finished on the line
		{choose, enter},
		{"Numbers?", " to 320 ms" + enter},
		{"Action?", enter}, // an editor that fails, then Ctrl-C
		{choose, ctrlC},
	}
	promptsDone := make(chan struct{})
	done := typeSteps(t, c, screen, steps, promptsDone)

	type result struct {
		Answer string
		Err    string
		Draft  string
	}
	res := func(ans string, err error) result {
		r := result{Answer: ans, Draft: DraftOf(err)}
		if err != nil {
			r.Err = err.Error()
			if !errors.Is(err, ErrInterrupted) {
				r.Err = "not an interruption: " + r.Err
			}
		}
		return r
	}
	var got []result
	got = append(got, res(s.Input(Question{ID: "company", Message: "Company?"})))
	got = append(got, res(s.Input(Question{ID: "company", Message: "Company, again?", Draft: got[0].Draft})))
	got = append(got, res(s.Text(Question{ID: "summary", Message: "Summary?"})))
	t.Setenv(fakeEditorEnv, "quit")
	got = append(got, res(s.Text(Question{ID: "situation", Message: "Situation?"})))
	bom, _ := os.ReadFile(opened)
	t.Setenv(fakeEditorEnv, "empty")
	got = append(got, res(s.Text(Question{ID: "result", Message: "Result?", Default: "Old result."})))
	t.Setenv(fakeEditorEnv, "quit")
	got = append(got, res(s.Text(Question{ID: "lessons", Message: "Lessons?", Default: "Kept lessons."})))
	editor := s.editor
	s.editor = filepath.Join(t.TempDir(), "no-such-editor")
	got = append(got, res(s.Text(Question{ID: "tradeoffs", Message: "Tradeoffs?"})))
	s.editor = editor
	got = append(got, res(s.Text(Question{ID: "pitch", Message: "Pitch?", Draft: "Half a pitch"})))
	got = append(got, res(s.Text(Question{ID: "numbers", Message: "Numbers?", Draft: "p99 from 2.1 s"})))
	t.Setenv(fakeEditorEnv, "fail")
	got = append(got, res(s.Text(Question{ID: "action", Message: "Action?"})))

	close(promptsDone)
	c.Tty().Close()
	<-done

	want := []result{
		{Err: "interrupted", Draft: "Acm"},
		{Answer: "Acme"},
		{Answer: "Short and sweet"},
		{Answer: "Typed here"},
		{Answer: ""},
		{Answer: "Kept lessons."},
		{Answer: ""},
		{Answer: "Half a pitch"},
		{Answer: "p99 from 2.1 s to 320 ms"},
		{Err: "interrupted", Draft: "Half written"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if bytes.HasPrefix(bom, []byte("\ufeff")) {
		t.Errorf("the editor's file starts with a byte-order mark: %q", bom)
	}
	text := all.String()
	if strings.Contains(text, "Open no-such-editor again") {
		t.Errorf("prep offers to open again an editor that cannot start")
	}
	for _, say := range []string{
		"with no answer saved",
		"The answer you saved in",
		"without changes; the answer stays as it was",
		"could not start the editor",
		"ended with an error",
		"Leave it empty",
		"without changes; your unfinished answer is kept",
	} {
		if !strings.Contains(text, say) {
			t.Errorf("the terminal never said %q:\n%s", say, screenText(screen))
		}
	}
}
