package background

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// run runs prep background once, as a fresh process would.
func (f *fixture) run(p prompts.Prompter) (*storyflow.Outcome, string, error) {
	env, out := f.Env(p)
	o, err := Background(env, nil)
	return o, out.String(), err
}

func TestBackgroundWholeSession(t *testing.T) {
	f := newFixture(t)
	o, out, err := f.run(stub(t, fullScript(session.Yes)...))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := f.WS().Timeline()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]workspace.Role{ledgerly, shipfast}, tl.Roles); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantStories(), f.Stories()); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(f.Dir, "sessions", "background.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("progress left after a finished session: %v", err)
	}
	want := &storyflow.Outcome{
		Timeline: filepath.Join(f.Dir, "timeline.yaml"),
		Roles:    2,
		Stories: []storyflow.StoryStatus{
			{Path: filepath.Join(f.Dir, "stories", ledgerFile), Title: ledgerTitle, Rank: 1, Verdict: "ready"},
			{Path: filepath.Join(f.Dir, "stories", ordersFile), Title: ordersTitle, Rank: 2, Verdict: "ready"},
		},
	}
	if diff := cmp.Diff(want, o); diff != "" {
		t.Errorf("outcome (-want +got):\n%s", diff)
	}
	// The intro was read; without a sheet writer, the end names the
	// command that writes one.
	for _, s := range []string{"What the Background Panel is", "What the interviewers listen for", "High agency and ownership", "prep export -o prep-sheet.md", "The evening before, and in the room"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q", s)
		}
	}
}

func TestBackgroundIntroSkipped(t *testing.T) {
	f := newFixture(t)
	p := stub(t, step{"intro.read", session.Confirm, session.No})
	p.ExpectInterrupt("timeline.0.company")
	_, out, err := f.run(p)
	if !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	if strings.Contains(out, "What the Background Panel is") || strings.Contains(out, "High agency") {
		t.Errorf("intro shown though skipped:\n%s", out)
	}
	if !strings.Contains(out, "Your timeline, most recent role first") {
		t.Errorf("timeline guide not shown:\n%s", out)
	}
}

// Each answer reaches its real home before the next question: after a
// stop at any prompt, the files hold exactly what was answered.
func TestBackgroundSavesEachAnswerAtOnce(t *testing.T) {
	f := newFixture(t)
	script := fullScript(session.No)
	p := stub(t, script[:4]...)                // intro and three fields of role 1
	script[4].expect(p).WantDefault("present") // the most recent role's end
	p.ExpectInterrupt("timeline.0.owned")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	tl, err := f.WS().Timeline()
	if err != nil {
		t.Fatal(err)
	}
	want := []workspace.Role{{Company: ledgerly.Company, Title: ledgerly.Title, Start: ledgerly.Start, End: ledgerly.End}}
	if diff := cmp.Diff(want, tl.Roles); diff != "" {
		t.Errorf("timeline after a stop (-want +got):\n%s", diff)
	}
	prog, err := f.WS().Progress(BackgroundName)
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers := map[string]string{"intro.read": session.No, "timeline.0.company": "Ledgerly", "timeline.0.title": ledgerly.Title, "timeline.0.start": "2022-03", "timeline.0.end": "present"}
	if diff := cmp.Diff(wantAnswers, prog.Answers); diff != "" {
		t.Errorf("progress answers (-want +got):\n%s", diff)
	}
	if prog.Step != "timeline.0.owned" {
		t.Errorf("progress step = %q, want timeline.0.owned", prog.Step)
	}
}

// Stopping at any prompt and running again asks only what is left, and
// ends with the same files as a session never stopped.
func TestBackgroundResumeAtEveryPrompt(t *testing.T) {
	script := fullScript(session.No)
	ref := newFixture(t)
	if _, _, err := ref.run(stub(t, script...)); err != nil {
		t.Fatal(err)
	}
	want := ref.Snapshot()

	for k := range script {
		if testing.Short() && k%5 != 0 && k != len(script)-1 {
			continue // a spread of prompts is enough for a quick run
		}
		t.Run(script[k].id, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			p := stub(t, script[:k]...)
			p.ExpectInterrupt(script[k].id)
			if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatalf("first run: err = %v, want ErrInterrupted", err)
			}
			p = prompttest.New(t)
			if k > 0 { // stopped at the first question: nothing to resume
				p.ExpectSelect("resume", "Resume")
			}
			for _, s := range script[k:] {
				s.expect(p)
			}
			if _, _, err := f.run(p); err != nil {
				t.Fatalf("second run: %v", err)
			}
			if diff := cmp.Diff(want, f.Snapshot()); diff != "" {
				t.Errorf("files after resuming (-uninterrupted +resumed):\n%s", diff)
			}
		})
	}
}

func TestBackgroundResumeSaysWhere(t *testing.T) {
	f := newFixture(t)
	script := fullScript(session.No)
	k := indexOf(t, script, "story.1.result")
	p := stub(t, script[:k]...)
	p.ExpectInterrupt("story.1.result")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatal(err)
	}
	p = prompttest.New(t)
	p.ExpectInterrupt("resume")
	f.run(p)
	asked := p.Asked()
	want := "You stopped at story 2 of 2 (" + ordersTitle + "), Result. Resume there, or start over (your files are kept)?"
	if len(asked) != 1 || asked[0].Message != want {
		t.Errorf("resume question = %+v, want message %q", asked, want)
	}
}

// A resumed session shows nothing of what it replays: no guidance, no
// check of a story already done, only what comes from where it stopped.
func TestBackgroundResumeReplaysNothing(t *testing.T) {
	f := newFixture(t)
	script := fullScript(session.Yes)
	k := indexOf(t, script, "story.1.action")
	p := stub(t, script[:k]...)
	p.ExpectInterrupt("story.1.action")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatal(err)
	}
	p = stub(t, append([]step{{"resume", session.Select, "Resume"}}, script[k:]...)...)
	_, out, err := f.run(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"What the Background Panel is", "Your timeline, most recent role first", "Choosing your top", "Story 1 of 2", "The check of stories/" + ledgerFile, "Story 2 of 2: " + ordersTitle + " · Situation"} {
		if strings.Contains(out, s) {
			t.Errorf("the resumed run shows %q again", s)
		}
	}
	for _, s := range []string{"Telling a project story", "Story 2 of 2: " + ordersTitle + " · Action", "The check of stories/" + ordersFile} {
		if !strings.Contains(out, s) {
			t.Errorf("the resumed run does not show %q", s)
		}
	}
}

// Starting over asks everything again, offering what the files hold, and
// takes up the same files rather than making copies.
func TestBackgroundStartOver(t *testing.T) {
	script := fullScript(session.No)
	ref := newFixture(t)
	if _, _, err := ref.run(stub(t, script...)); err != nil {
		t.Fatal(err)
	}
	want := ref.Snapshot()

	f := newFixture(t)
	k := indexOf(t, script, "story.0.action")
	p := stub(t, script[:k]...)
	p.ExpectInterrupt("story.0.action")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatal(err)
	}
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Start over")
	defaults := map[string]string{
		"timeline.0.company": "Ledgerly",
		"timeline.1.impact":  shipfast.Impact,
		"projects.0.title":   ledgerTitle,
		"projects.1.title":   ordersTitle,
		"story.0.situation":  ledgerSections[0].text,
		"story.0.task":       ledgerSections[1].text,
		"story.0.action":     "",
		"story.1.situation":  "",
	}
	for _, s := range script {
		c := s.expect(p)
		if d, ok := defaults[s.id]; ok {
			c.WantDefault(d)
		}
	}
	if _, _, err := f.run(p); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, f.Snapshot()); diff != "" {
		t.Errorf("files after starting over (-uninterrupted +started over):\n%s", diff)
	}
}

// A kill between the two writes of an answer (its real home, then the
// progress) loses nothing: the answer is asked again, offering the text
// already in the file.
func TestBackgroundKillBetweenWrites(t *testing.T) {
	for _, tc := range []struct{ stop, lost, text string }{
		{"story.0.task", "story.0.situation", ledgerSections[0].text},
		{"timeline.0.impact", "timeline.0.owned", ledgerly.Owned},
		{"story.0.followup.2", "story.0.followup.1", ledgerFollowups[1]},
	} {
		t.Run(tc.lost, func(t *testing.T) {
			script := fullScript(session.No)
			ref := newFixture(t)
			if _, _, err := ref.run(stub(t, script...)); err != nil {
				t.Fatal(err)
			}
			f := newFixture(t)
			k := indexOf(t, script, tc.stop)
			p := stub(t, script[:k]...)
			p.ExpectInterrupt(tc.stop)
			if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatal(err)
			}
			// What a kill right after the file was written leaves.
			ws := f.WS()
			prog, err := ws.Progress(BackgroundName)
			if err != nil {
				t.Fatal(err)
			}
			delete(prog.Answers, tc.lost)
			if err := ws.SaveProgress(prog); err != nil {
				t.Fatal(err)
			}
			p = prompttest.New(t)
			p.ExpectSelect("resume", "Resume")
			j := indexOf(t, script, tc.lost)
			script[j].expect(p).WantDefault(tc.text)
			for _, s := range script[k:] {
				s.expect(p)
			}
			if _, _, err := f.run(p); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(ref.Snapshot(), f.Snapshot()); diff != "" {
				t.Errorf("files (-uninterrupted +killed):\n%s", diff)
			}
		})
	}
}

func TestBackgroundThreeProjects(t *testing.T) {
	f := newFixture(t)
	empty := make([]section, len(ledgerSections))
	for i, s := range ledgerSections {
		empty[i] = section{s.id, s.heading, ""}
	}
	s := []step{{"intro.read", session.Confirm, session.No}}
	s = append(s, roleSteps(0, ledgerly, false)...)
	s = append(s,
		step{"projects.count", session.Select, "3"},
		step{"projects.0.title", session.Input, "One"},
		step{"projects.1.title", session.Input, "Two"},
		step{"projects.2.title", session.Input, "Three"},
	)
	for i := range 3 {
		prefix := "story." + itoa(i)
		s = append(s, storySteps(prefix, empty)...)
		s = append(s, step{prefix + ".fix.0", session.Select, "Move on"})
		s = append(s, followupSteps(prefix, "", "", "")...)
	}
	o, out, err := f.run(stub(t, s...))
	if err != nil {
		t.Fatal(err)
	}
	var got []sessiontest.StoryView
	for _, v := range f.Stories() {
		v.Sections = nil
		got = append(got, v)
	}
	want := []sessiontest.StoryView{
		{File: "one.md", Title: "One", Kind: "star", Rank: 1, Panel: "background"},
		{File: "three.md", Title: "Three", Kind: "star", Rank: 3, Panel: "background"},
		{File: "two.md", Title: "Two", Kind: "star", Rank: 2, Panel: "background"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	if len(o.Stories) != 3 {
		t.Fatalf("outcome has %d stories, want 3", len(o.Stories))
	}
	wantSummary := "incomplete: no Situation, no Task, no Action, no Result, no Trade-offs, no Lessons"
	for _, st := range o.Stories {
		if st.Summary() != wantSummary {
			t.Errorf("%s: %s, want %s", st.Title, st.Summary(), wantSummary)
		}
	}
	if !strings.Contains(out, "prep story edit 3") {
		t.Errorf("end does not say how to finish story 3:\n%s", out)
	}
}

// The fix loop goes round as long as the candidate picks a section.
func TestBackgroundFixLoop(t *testing.T) {
	f := newFixture(t)
	secs := append([]section(nil), ordersSections...)
	secs[1].text = "" // Task too
	script := fullScript(session.No)
	k := indexOf(t, script, "story.1.situation")
	s := append([]step(nil), script[:k]...)
	s = append(s, storySteps("story.1", secs)...)
	s = append(s,
		step{"story.1.fix.0", session.Select, "Result"},
		step{"story.1.revise.0", session.Text, "Faster."}, // still no number
		step{"story.1.fix.1", session.Select, "Result"},
		step{"story.1.revise.1", session.Text, ordersResult},
		step{"story.1.fix.2", session.Select, "Move on"},
	)
	s = append(s, followupSteps("story.1", ordersFollowups...)...)
	p := stub(t, s...)
	o, out, err := f.run(p)
	if err != nil {
		t.Fatal(err)
	}
	stories := f.Stories()
	if got := stories[1].Sections["Result"]; got != ordersResult {
		t.Errorf("Result = %q, want the second revision", got)
	}
	if got := o.Stories[1].Summary(); got != "incomplete: no Task" {
		t.Errorf("story 2 = %q, want incomplete: no Task", got)
	}
	if !strings.Contains(out, "No Task") {
		t.Errorf("the check's findings are not shown:\n%s", out)
	}
}

// A weak story ends the session as needing work, with the check's
// reasons, and the next steps say what to make of it; nothing says it
// passes.
func TestBackgroundWeakStoryNeedsWork(t *testing.T) {
	f := newFixture(t)
	script := fullScript(session.No)
	k := indexOf(t, script, "story.1.situation")
	s := append([]step(nil), script[:k]...)
	s = append(s, storySteps("story.1", vagueSections)...)
	s = append(s, step{"story.1.fix.0", session.Select, "Move on"})
	s = append(s, followupSteps("story.1", "We would do it again.", "We tested it.", "We picked the best one.")...)
	o, out, err := f.run(stub(t, s...))
	if err != nil {
		t.Fatal(err)
	}
	st := o.Stories[1]
	if st.Verdict != check.VerdictNeedsWork || len(st.Reasons) == 0 {
		t.Fatalf("story 2: verdict %q, reasons %q; want needs-work with reasons", st.Verdict, st.Reasons)
	}
	reasons := strings.Join(st.Reasons, ", ")
	// The lines are wrapped to the terminal's width, so compare words.
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"1. " + ledgerTitle + ": ready",
		"2. " + ordersTitle + ": needs work: " + reasons,
		fmt.Sprintf("prep story edit 2 strengthen %q: %s", ordersTitle, reasons),
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "passes") {
		t.Errorf("a weak story is said to pass:\n%s", out)
	}
}

func TestBackgroundExtraRolesKept(t *testing.T) {
	f := newFixture(t)
	f.Write("timeline.yaml", "roles:\n  - company: Old\n    title: Dev\n  - company: Older\n    title: Intern\n")
	p := prompttest.New(t)
	p.ExpectSelect("start", "Go through it all again, with what you wrote as defaults")
	p.ExpectConfirm("intro.read", false)
	p.ExpectInput("timeline.0.company", "Ledgerly").WantDefault("Old")
	p.ExpectInput("timeline.0.title", "Dev").WantDefault("Dev")
	p.ExpectInput("timeline.0.start", "")
	p.ExpectInput("timeline.0.end", "").WantDefault("present")
	p.ExpectInput("timeline.0.owned", "")
	p.ExpectInput("timeline.0.impact", "")
	p.ExpectConfirm("timeline.0.more", false)
	p.ExpectInterrupt("projects.count")
	_, out, err := f.run(p)
	if !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatal(err)
	}
	tl, err := f.WS().Timeline()
	if err != nil {
		t.Fatal(err)
	}
	want := []workspace.Role{{Company: "Ledgerly", Title: "Dev"}, {Company: "Older", Title: "Intern"}}
	if diff := cmp.Diff(want, tl.Roles); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	if !strings.Contains(out, "timeline.yaml holds 1 more role from before, kept as written (edit the file to remove it).") {
		t.Errorf("no note about the roles kept:\n%s", out)
	}
}

func TestBackgroundRequiredAnswer(t *testing.T) {
	f := newFixture(t)
	p := prompttest.New(t)
	p.ExpectConfirm("intro.read", false)
	p.ExpectInput("timeline.0.company", "  ")
	_, _, err := f.run(p)
	if err == nil || !strings.Contains(err.Error(), "give the company's name") {
		t.Errorf("err = %v, want the company refused", err)
	}
}

// A file prep cannot read stops the session before any question, names
// the file and line, and is left as it was.
func TestBackgroundBrokenFiles(t *testing.T) {
	for _, tc := range []struct{ rel, data string }{
		{"timeline.yaml", "roles:\n  - company: Acme\n    colour: blue\n"},
		{"stories/bad.md", "---\ntitle: Bad\nrank: 7\n---\n## Situation\n"},
		{"sessions/background.yaml", "step: [\n"},
	} {
		t.Run(tc.rel, func(t *testing.T) {
			f := newFixture(t)
			f.Write(tc.rel, tc.data)
			_, out, err := f.run(prompttest.New(t))
			var pe *workspace.ParseError
			if !errors.As(err, &pe) || pe.Path != filepath.Join(f.Dir, filepath.FromSlash(tc.rel)) || pe.Line == 0 {
				t.Fatalf("err = %v, want a ParseError naming %s and a line", err, tc.rel)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			if out != "" {
				t.Errorf("printed before failing:\n%s", out)
			}
			if got := f.Snapshot()[tc.rel]; got != tc.data {
				t.Errorf("%s changed:\n%s", tc.rel, got)
			}
		})
	}
}

func TestBackgroundBusy(t *testing.T) {
	f := newFixture(t)
	unlock, err := f.WS().LockSession(BackgroundName) // another prep background, waiting at a prompt
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, _, err = f.run(prompttest.New(t))
	if !errors.Is(err, workspace.ErrBusy) {
		t.Errorf("err = %v, want ErrBusy", err)
	}
}

func TestBackgroundWritesSheet(t *testing.T) {
	f := newFixture(t)
	env, out := f.Env(stub(t, fullScript(session.No)...))
	sheet := func() ([]byte, error) { return []byte("<!-- sheet -->\n\n# Prep sheet\n"), nil }
	o, err := Background(env, sheet)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(f.Dir, "prep-sheet.md")
	if o.Sheet != path {
		t.Errorf("sheet = %q, want %q", o.Sheet, path)
	}
	if got := f.Snapshot()["prep-sheet.md"]; got != "<!-- sheet -->\n\n# Prep sheet\n" {
		t.Errorf("prep-sheet.md = %q", got)
	}
	if strings.Contains(out.String(), "prep export -o") {
		t.Errorf("names prep export though the sheet was written:\n%s", out)
	}

	// A file of the candidate's own under that name is never replaced.
	f.Write("prep-sheet.md", "my own notes\n")
	again := append([]step{{"start", session.Select, "Go through it all again, with what you wrote as defaults"}}, fullScript(session.No)...)
	env, out = f.Env(stub(t, again...))
	if o, err = Background(env, sheet); err != nil {
		t.Fatal(err)
	}
	if got := f.Snapshot()["prep-sheet.md"]; got != "my own notes\n" || o.Sheet != "" {
		t.Errorf("prep-sheet.md = %q, sheet = %q: the candidate's file was replaced", got, o.Sheet)
	}
	if !strings.Contains(out.String(), "prep did not write") {
		t.Errorf("no word about the file kept:\n%s", out)
	}
}

// hook runs fn just before the question id is asked: what the candidate
// might do in another window meanwhile.
type hook struct {
	prompts.Prompter
	id string
	fn func()
}

func (h hook) Text(q prompts.Question) (string, error) {
	if q.ID == h.id {
		h.fn()
	}
	return h.Prompter.Text(q)
}

// A story broken in an editor during the session stops it at the next
// answer: the file is left as the candidate left it, the answer is not
// recorded as saved, and the error names the file and line.
func TestBackgroundFileBrokenMidSession(t *testing.T) {
	f := newFixture(t)
	script := fullScript(session.No)
	k := indexOf(t, script, "story.0.task")
	broken := "---\ntitle: " + ledgerTitle + "\nrank: 9\n---\n## Situation\n"
	p := hook{stub(t, script[:k+1]...), "story.0.task", func() { f.Write("stories/"+ledgerFile, broken) }}
	_, _, err := f.run(p)
	var pe *workspace.ParseError
	if !errors.As(err, &pe) || pe.Line != 3 {
		t.Fatalf("err = %v, want the story's ParseError at line 3", err)
	}
	if got := f.Snapshot()["stories/"+ledgerFile]; got != broken {
		t.Errorf("the broken story was written over:\n%s", got)
	}
	prog, err := f.WS().Progress(BackgroundName)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := prog.Answers["story.0.task"]; ok {
		t.Error("an answer that could not be saved is recorded in the progress")
	}
	if _, ok := prog.Answers["story.0.situation"]; !ok {
		t.Error("the answer before it is not recorded")
	}
}

func indexOf(t *testing.T, script []step, id string) int {
	t.Helper()
	for i, s := range script {
		if s.id == id {
			return i
		}
	}
	t.Fatalf("no step %q", id)
	return -1
}

// A company's pack greets its applicants by name at the start of the
// session, as prep with no arguments does.
func TestBackgroundShowsTheCompany(t *testing.T) {
	f := newFixture(t)
	cp := *f.Pack
	cp.Meta.Company = "Acme"
	cp.Meta.Welcome = "Welcome to Acme's interview prep."
	f.Pack = &cp
	p := prompttest.New(t)
	p.ExpectInterrupt("intro.read")
	_, out, _ := f.run(p)
	if !strings.HasPrefix(strings.TrimLeft(out, "\n"), "Acme · Background Panel\n") {
		t.Errorf("output starts %q, want the company and the panel", out[:min(len(out), 40)])
	}
	saysInOrder(t, out, "Welcome to Acme's interview prep.")
}

// A second prep background offers to jump: to a story, to its
// follow-ups, or past the timeline kept as it is. It walked every
// question again before.
func TestBackgroundSecondRunJumps(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.run(stub(t, fullScript(session.No)...)); err != nil {
		t.Fatal(err)
	}
	stories := f.Stories()
	var again []section
	for _, s := range ordersSections {
		again = append(again, section{s.id, s.heading, stories[1].Sections[s.heading]})
	}

	// Straight to story 2: its questions, its check, its follow-ups; the
	// timeline and story 1 are not asked.
	s := []step{{"start", session.Select, "Story 2: " + ordersTitle}}
	s = append(s, storySteps("story.1", again)...)
	s = append(s, followupSteps("story.1", ordersFollowups...)...)
	o, out, err := f.run(stub(t, s...))
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Stories) != 2 || o.Stories[1].Title != ordersTitle {
		t.Errorf("outcome stories = %+v; want both featured stories", o.Stories)
	}
	if strings.Contains(out, "Your timeline") || strings.Contains(out, "Story 1 of 2: "+ledgerTitle+" ·") {
		t.Errorf("a jump to story 2 showed the timeline or story 1:\n%s", out)
	}

	// Its follow-ups only, stopped halfway: the run resumes there.
	p := stub(t,
		step{"start", session.Select, "Story 1's follow-up questions only: " + ledgerTitle},
		step{"story.0.followup.0", session.Text, ledgerFollowups[0]},
	)
	p.ExpectInterrupt("story.0.followup.1")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v, want the interruption", err)
	}
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Resume")
	for _, st := range followupSteps("story.0", ledgerFollowups...)[1:] {
		st.expect(p)
	}
	if _, _, err := f.run(p); err != nil {
		t.Fatal(err)
	}

	// The timeline kept: the projects come next, then every story.
	s = []step{{"start", session.Select, "Keep the timeline as it is (2 roles); go to your projects"},
		{"projects.count", session.Select, "2"}, {"projects.0.title", session.Input, ledgerTitle}, {"projects.1.title", session.Input, ordersTitle}}
	var first []section
	for _, sec := range ledgerSections {
		first = append(first, section{sec.id, sec.heading, stories[0].Sections[sec.heading]})
	}
	s = append(s, storySteps("story.0", first)...)
	s = append(s, followupSteps("story.0", ledgerFollowups...)...)
	s = append(s, storySteps("story.1", again)...)
	s = append(s, followupSteps("story.1", ordersFollowups...)...)
	if _, _, err := f.run(stub(t, s...)); err != nil {
		t.Fatal(err)
	}
}
