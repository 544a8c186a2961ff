//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
)

// The candidate's keyboard and editor at the moments a session is most
// likely to lose what it typed: Ctrl-C with half a line typed, the editor
// left without saving, Ctrl-C in the editor, and an editor the candidate
// never chose.

// Text half typed at a prompt when Ctrl-C comes is kept, and is on the
// line, ready to finish, when the question comes again.
func TestCtrlCKeepsAHalfTypedAnswer(t *testing.T) {
	cd := newCandidate(t)
	r := cd.start(t, "background")
	r.answerUntil("timeline.0.company")
	r.send("Ledg\x03")
	if st := r.wait(); !st.Exited() || st.ExitStatus() != 130 {
		r.fatalf("after Ctrl-C prep %s, want exit status 130", describeStatus(st))
	}
	if !progressHolds(t, cd.ws, "Ledg") {
		t.Errorf("sessions/background.yaml does not keep the half-typed %q", "Ledg")
	}

	r = cd.start(t, "background")
	r.resumeAt("timeline.0.company")
	// The draft is on the line: typing the rest of the word finishes it.
	// (Survey draws it once the terminal says where the cursor is, which
	// this terminal holds back until keys are typed; see answerBack.)
	r.send("erly\r")
	if id := r.next("timeline.0.company", false); id != "timeline.0.title" {
		r.fatalf("after the company prep asked %q, want timeline.0.title", id)
	}
	r.send("\x03")
	r.wait()
	if got := snap(t, cd.ws).Roles; len(got) == 0 || got[0].Company != "Ledgerly" {
		t.Errorf("the timeline holds %+v, want the company Ledgerly", got)
	}
	if progressHolds(t, cd.ws, "Ledg") {
		t.Errorf("sessions/background.yaml still keeps the draft once the question is answered")
	}
}

// Leaving the editor without saving is said, and the candidate chooses:
// here, to type a short answer on the prompt's line. The editor's file
// holds only the answer's text, no byte-order mark.
func TestEditorLeftWithoutSaving(t *testing.T) {
	cd := newCandidate(t)
	r := cd.start(t, "background")
	r.answerUntil("story.0.situation")
	cd.prepareEditor(t, quitMark)
	r.send("\r")
	r.waitPrompt(emptyAnswerPrompt)
	if s := r.transcript.text(); !strings.Contains(s, "with no answer saved") {
		t.Errorf("prep does not say the editor was left without saving:\n%s", r.screenText())
	}
	r.send("type it\r")
	sec, _ := section(mustRubric(t), "situation")
	r.waitPrompt("? " + sec.Question[:40])
	const short = "Checkout wrote each ledger entry to one primary."
	r.send(short + "\r")
	if id := r.next("story.0.situation", false); id != "story.0.task" {
		r.fatalf("after the situation prep asked %q, want story.0.task", id)
	}
	r.send("\x03")
	r.wait()
	if got := storySection(t, cd.ws, "situation"); got != short {
		t.Errorf("Situation holds %q, want %q", got, short)
	}
	opened, err := os.ReadFile(cd.answer + openedSuffix)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(opened, []byte("\ufeff")) {
		t.Errorf("the editor's file starts with a byte-order mark: %q", opened)
	}
}

// Ctrl-C in an editor that takes it as a signal ends the session as
// Ctrl-C at a prompt does, keeping what the editor had saved; the next
// run opens the editor on it.
func TestCtrlCInTheEditor(t *testing.T) {
	cd := newCandidate(t)
	r := cd.start(t, "background")
	r.answerUntil("story.0.situation")
	const half = "Checkout wrote each ledger entry synchronously"
	cd.prepareEditor(t, waitMark+half)
	r.send("\r")
	r.waitFor(func() bool { return strings.Contains(r.transcript.text(), waitingLine) }, "the editor running")
	if _, err := r.c.Send("\x03"); err != nil {
		r.fatalf("typing Ctrl-C: %v", err)
	}
	if st := r.wait(); !st.Exited() || st.ExitStatus() != 130 {
		r.fatalf("after Ctrl-C in the editor prep %s, want exit status 130", describeStatus(st))
	}
	if s := r.transcript.text(); !strings.Contains(s, "stopped; everything you typed is saved") {
		t.Errorf("prep does not say it stopped:\n%s", r.screenText())
	}
	if !progressHolds(t, cd.ws, half) {
		t.Errorf("sessions/background.yaml does not keep what the editor saved, %q", half)
	}

	r = cd.start(t, "background")
	r.resumeAt("story.0.situation")
	const whole = half + " to one Postgres primary."
	cd.prepareEditor(t, whole)
	r.send("\r")
	if id := r.next("story.0.situation", false); id != "story.0.task" {
		r.fatalf("after the situation prep asked %q, want story.0.task", id)
	}
	r.send("\x03")
	r.wait()
	opened, err := os.ReadFile(cd.answer + openedSuffix)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(opened), half) {
		t.Errorf("the editor opened on %q, want the draft %q", opened, half)
	}
	if got := storySection(t, cd.ws, "situation"); got != whole {
		t.Errorf("Situation holds %q, want %q", got, whole)
	}
}

// With no VISUAL or EDITOR prep opens vi, and says how to leave it, both
// before and in the file; the note is not part of the answer.
func TestFallbackEditorSaysHowToLeave(t *testing.T) {
	cd := newCandidate(t)
	cd.bin = t.TempDir()
	editor, err := fakeEditorFile()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(editor, filepath.Join(cd.bin, "vi")); err != nil {
		t.Skipf("cannot put a vi on PATH: %v", err)
	}
	r := cd.start(t, "background")
	r.answerUntil("story.0.situation")
	const answer = "Checkout wrote each ledger entry to one primary."
	cd.prepareEditor(t, appendMark+answer)
	r.send("\r")
	if id := r.next("story.0.situation", false); id != "story.0.task" {
		r.fatalf("after the situation prep asked %q, want story.0.task", id)
	}
	r.send("\x03")
	r.wait()
	if s := r.transcript.text(); !strings.Contains(s, ":wq") {
		t.Errorf("prep does not say how to leave vi before opening it:\n%s", r.screenText())
	}
	opened, err := os.ReadFile(cd.answer + openedSuffix)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{":wq", ":q!"} {
		if !strings.Contains(string(opened), s) {
			t.Errorf("the file vi opens does not say %q: %q", s, opened)
		}
	}
	if got := storySection(t, cd.ws, "situation"); got != answer {
		t.Errorf("Situation holds %q, want %q", got, answer)
	}
}

// resumeAt answers the resume question a second run opens with, and
// fails unless the question after it is want.
func (r *prepRun) resumeAt(want string) {
	if id := r.next("", true); id != "resume" {
		r.fatalf("the second run asked %q first, want the resume question", id)
	}
	r.answer("resume")
	if id := r.next("resume", false); id != want {
		r.fatalf("after resuming prep asked %q, want %s", id, want)
	}
}

// answerUntil answers from the table every question up to id, and
// returns with id's prompt on the screen.
func (r *prepRun) answerUntil(id string) {
	r.t.Helper()
	for prev := ""; ; {
		got := r.next(prev, false)
		switch got {
		case "":
			r.fatalf("prep ended before asking %s", id)
		case id:
			return
		}
		r.answer(got)
		prev = got
	}
}

// waitPrompt waits until the lowest question on the screen starts with
// prefix and reads keys; what is typed next goes to it.
func (r *prepRun) waitPrompt(prefix string) {
	r.t.Helper()
	r.waitFor(func() bool {
		if !strings.HasPrefix(lastPrompt(r.screen), prefix) {
			return false
		}
		raw, err := r.raw()
		return err == nil && raw
	}, "the prompt "+prefix)
	r.at = prefix
}

// waitFor waits until ok holds, looking again as the screen changes.
func (r *prepRun) waitFor(ok func() bool, what string) {
	r.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !ok() {
		if r.exited() {
			r.fatalf("prep ended while the test waited for %s", what)
		}
		if time.Now().After(deadline) {
			r.fatalf("waited %v for %s", waitLimit, what)
		}
		r.pause()
	}
}

// progressHolds reports whether the session's progress file keeps text
// as one of its answers.
func progressHolds(t *testing.T, ws, text string) bool {
	t.Helper()
	p, err := readProgress(ws)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range p.Answers {
		if v == text {
			return true
		}
	}
	return false
}

// storySection is what the top story holds under section id.
func storySection(t *testing.T, dir, id string) string {
	t.Helper()
	ws, err := workspace.Open(dir, nil)
	if err != nil {
		t.Fatalf("the workspace does not open: %v", err)
	}
	stories, errs := ws.Stories()
	if len(errs) > 0 {
		t.Fatalf("stories that do not load: %v", errs)
	}
	for _, st := range stories {
		if st.Meta.Rank == 1 {
			text, ok := st.Section(mustRubric(t), id)
			if !ok {
				return "(no " + id + " heading)"
			}
			return text
		}
	}
	return "(no story of rank 1)"
}

func mustRubric(t *testing.T) *pack.Rubric {
	t.Helper()
	r, _ := background(t)
	return r
}
