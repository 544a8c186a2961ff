package background

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
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

// fixture is one candidate's workspace (a sessiontest.Fixture), with the
// runs of prep background on it.
type fixture struct{ *sessiontest.Fixture }

func newFixture(t *testing.T) *fixture { return &fixture{sessiontest.NewFixture(t)} }

// run runs prep background once, as a fresh process would.
func (f *fixture) run(p prompts.Prompter) (*storyflow.Outcome, string, error) {
	env, out := f.Env(p)
	o, err := Background(env, nil)
	return o, out.String(), err
}

func TestBackgroundWholeSession(t *testing.T) {
	f := newFixture(t)
	o, out, err := f.run(sessiontest.Stub(t, sessiontest.FullScript(session.Yes)...))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := f.WS().Timeline()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]workspace.Role{sessiontest.Ledgerly, sessiontest.Shipfast}, tl.Roles); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(sessiontest.WantStories(), f.Stories()); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(f.Dir, "sessions", "background.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("progress left after a finished session: %v", err)
	}
	want := &storyflow.Outcome{
		Timeline: filepath.Join(f.Dir, "timeline.yaml"),
		Roles:    2,
		Stories: []storyflow.StoryStatus{
			{Path: filepath.Join(f.Dir, "stories", sessiontest.LedgerFile), Title: sessiontest.LedgerTitle, Rank: 1, Verdict: "ready"},
			{Path: filepath.Join(f.Dir, "stories", sessiontest.OrdersFile), Title: sessiontest.OrdersTitle, Rank: 2, Verdict: "ready"},
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
	p := sessiontest.Stub(t, sessiontest.S("intro.read", session.Confirm, session.No))
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
	script := sessiontest.FullScript(session.No)
	p := sessiontest.Stub(t, script[:4]...)    // intro and three fields of role 1
	script[4].Expect(p).WantDefault("present") // the most recent role's end
	p.ExpectInterrupt("timeline.0.owned")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	tl, err := f.WS().Timeline()
	if err != nil {
		t.Fatal(err)
	}
	want := []workspace.Role{{Company: sessiontest.Ledgerly.Company, Title: sessiontest.Ledgerly.Title, Start: sessiontest.Ledgerly.Start, End: sessiontest.Ledgerly.End}}
	if diff := cmp.Diff(want, tl.Roles); diff != "" {
		t.Errorf("timeline after a stop (-want +got):\n%s", diff)
	}
	prog, err := f.WS().Progress(BackgroundName)
	if err != nil {
		t.Fatal(err)
	}
	wantAnswers := map[string]string{"intro.read": session.No, "timeline.0.company": "Ledgerly", "timeline.0.title": sessiontest.Ledgerly.Title, "timeline.0.start": "2022-03", "timeline.0.end": "present"}
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
	sessiontest.ResumeAtEveryPrompt(t, sessiontest.Resume{
		Script: sessiontest.FullScript(session.No),
		Run: func(f *sessiontest.Fixture, p prompts.Prompter) (string, error) {
			_, out, err := (&fixture{f}).run(p)
			return out, err
		},
		Every: 5,
	})
}

func TestBackgroundResumeSaysWhere(t *testing.T) {
	f := newFixture(t)
	script := sessiontest.FullScript(session.No)
	k := sessiontest.IndexOf(t, script, "story.1.result")
	p := sessiontest.Stub(t, script[:k]...)
	p.ExpectInterrupt("story.1.result")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatal(err)
	}
	p = prompttest.New(t)
	p.ExpectInterrupt("resume")
	f.run(p)
	asked := p.Asked()
	want := "You stopped at story 2 of 2 (" + sessiontest.OrdersTitle + "), Result. Resume there, or start over (your files are kept)?"
	if len(asked) != 1 || asked[0].Message != want {
		t.Errorf("resume question = %+v, want message %q", asked, want)
	}
}

// A resumed session shows nothing of what it replays: no guidance, no
// check of a story already done, only what comes from where it stopped.
func TestBackgroundResumeReplaysNothing(t *testing.T) {
	f := newFixture(t)
	script := sessiontest.FullScript(session.Yes)
	k := sessiontest.IndexOf(t, script, "story.1.action")
	p := sessiontest.Stub(t, script[:k]...)
	p.ExpectInterrupt("story.1.action")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatal(err)
	}
	p = sessiontest.Stub(t, append([]sessiontest.Step{sessiontest.S("resume", session.Select, "Resume")}, script[k:]...)...)
	_, out, err := f.run(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"What the Background Panel is", "Your timeline, most recent role first", "Choosing your top", "Story 1 of 2", "The check of stories/" + sessiontest.LedgerFile, "Story 2 of 2: " + sessiontest.OrdersTitle + " · Situation"} {
		if strings.Contains(out, s) {
			t.Errorf("the resumed run shows %q again", s)
		}
	}
	for _, s := range []string{"Telling a project story", "Story 2 of 2: " + sessiontest.OrdersTitle + " · Action", "The check of stories/" + sessiontest.OrdersFile} {
		if !strings.Contains(out, s) {
			t.Errorf("the resumed run does not show %q", s)
		}
	}
}

// Starting over asks everything again, offering what the files hold, and
// takes up the same files rather than making copies.
func TestBackgroundStartOver(t *testing.T) {
	script := sessiontest.FullScript(session.No)
	ref := newFixture(t)
	if _, _, err := ref.run(sessiontest.Stub(t, script...)); err != nil {
		t.Fatal(err)
	}
	want := ref.Snapshot()

	f := newFixture(t)
	k := sessiontest.IndexOf(t, script, "story.0.action")
	p := sessiontest.Stub(t, script[:k]...)
	p.ExpectInterrupt("story.0.action")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatal(err)
	}
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Start over")
	defaults := map[string]string{
		"timeline.0.company": "Ledgerly",
		"timeline.1.impact":  sessiontest.Shipfast.Impact,
		"projects.0.title":   sessiontest.LedgerTitle,
		"projects.1.title":   sessiontest.OrdersTitle,
		"story.0.situation":  sessiontest.LedgerSections[0].Text,
		"story.0.task":       sessiontest.LedgerSections[1].Text,
		"story.0.action":     "",
		"story.1.situation":  "",
	}
	for _, s := range script {
		c := s.Expect(p)
		if d, ok := defaults[s.ID]; ok {
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
		{"story.0.task", "story.0.situation", sessiontest.LedgerSections[0].Text},
		{"timeline.0.impact", "timeline.0.owned", sessiontest.Ledgerly.Owned},
		{"story.0.followup.2", "story.0.followup.1", sessiontest.LedgerFollowups[1]},
	} {
		t.Run(tc.lost, func(t *testing.T) {
			script := sessiontest.FullScript(session.No)
			ref := newFixture(t)
			if _, _, err := ref.run(sessiontest.Stub(t, script...)); err != nil {
				t.Fatal(err)
			}
			f := newFixture(t)
			k := sessiontest.IndexOf(t, script, tc.stop)
			p := sessiontest.Stub(t, script[:k]...)
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
			j := sessiontest.IndexOf(t, script, tc.lost)
			script[j].Expect(p).WantDefault(tc.text)
			for _, s := range script[k:] {
				s.Expect(p)
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
	empty := make([]sessiontest.Section, len(sessiontest.LedgerSections))
	for i, s := range sessiontest.LedgerSections {
		empty[i] = sessiontest.Section{ID: s.ID, Heading: s.Heading, Text: ""}
	}
	s := []sessiontest.Step{sessiontest.S("intro.read", session.Confirm, session.No)}
	s = append(s, sessiontest.RoleSteps(0, sessiontest.Ledgerly, false)...)
	s = append(s,
		sessiontest.S("projects.count", session.Select, "3"),
		sessiontest.S("projects.0.title", session.Input, "One"),
		sessiontest.S("projects.1.title", session.Input, "Two"),
		sessiontest.S("projects.2.title", session.Input, "Three"),
	)
	for i := range 3 {
		prefix := "story." + strconv.Itoa(i)
		s = append(s, sessiontest.StorySteps(prefix, empty)...)
		s = append(s, sessiontest.S(prefix+".fix.0", session.Select, "Move on"))
		s = append(s, sessiontest.FollowupSteps(prefix, "", "", "")...)
	}
	o, out, err := f.run(sessiontest.Stub(t, s...))
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
	secs := append([]sessiontest.Section(nil), sessiontest.OrdersSections...)
	secs[1].Text = "" // Task too
	script := sessiontest.FullScript(session.No)
	k := sessiontest.IndexOf(t, script, "story.1.situation")
	s := append([]sessiontest.Step(nil), script[:k]...)
	s = append(s, sessiontest.StorySteps("story.1", secs)...)
	s = append(s,
		sessiontest.S("story.1.fix.0", session.Select, "Result"),
		sessiontest.S("story.1.revise.0", session.Text, "Faster."), // still no number
		sessiontest.S("story.1.fix.1", session.Select, "Result"),
		sessiontest.S("story.1.revise.1", session.Text, sessiontest.OrdersResult),
		sessiontest.S("story.1.fix.2", session.Select, "Move on"),
	)
	s = append(s, sessiontest.FollowupSteps("story.1", sessiontest.OrdersFollowups...)...)
	p := sessiontest.Stub(t, s...)
	o, out, err := f.run(p)
	if err != nil {
		t.Fatal(err)
	}
	stories := f.Stories()
	if got := stories[1].Sections["Result"]; got != sessiontest.OrdersResult {
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
	script := sessiontest.FullScript(session.No)
	k := sessiontest.IndexOf(t, script, "story.1.situation")
	s := append([]sessiontest.Step(nil), script[:k]...)
	s = append(s, sessiontest.StorySteps("story.1", sessiontest.VagueSections)...)
	s = append(s, sessiontest.S("story.1.fix.0", session.Select, "Move on"))
	s = append(s, sessiontest.FollowupSteps("story.1", "We would do it again.", "We tested it.", "We picked the best one.")...)
	o, out, err := f.run(sessiontest.Stub(t, s...))
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
		"1. " + sessiontest.LedgerTitle + ": ready",
		"2. " + sessiontest.OrdersTitle + ": needs work: " + reasons,
		fmt.Sprintf("prep story edit 2 strengthen %q: %s", sessiontest.OrdersTitle, reasons),
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
	env, out := f.Env(sessiontest.Stub(t, sessiontest.FullScript(session.No)...))
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
	again := append([]sessiontest.Step{sessiontest.S("start", session.Select, "Go through it all again, with what you wrote as defaults")}, sessiontest.FullScript(session.No)...)
	env, out = f.Env(sessiontest.Stub(t, again...))
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
	script := sessiontest.FullScript(session.No)
	k := sessiontest.IndexOf(t, script, "story.0.task")
	broken := "---\ntitle: " + sessiontest.LedgerTitle + "\nrank: 9\n---\n## Situation\n"
	p := hook{sessiontest.Stub(t, script[:k+1]...), "story.0.task", func() { f.Write("stories/"+sessiontest.LedgerFile, broken) }}
	_, _, err := f.run(p)
	var pe *workspace.ParseError
	if !errors.As(err, &pe) || pe.Line != 3 {
		t.Fatalf("err = %v, want the story's ParseError at line 3", err)
	}
	if got := f.Snapshot()["stories/"+sessiontest.LedgerFile]; got != broken {
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
	sessiontest.SaysInOrder(t, out, "Welcome to Acme's interview prep.")
}

// A second prep background offers to jump: to a story, to its
// follow-ups, or past the timeline kept as it is. It walked every
// question again before.
func TestBackgroundSecondRunJumps(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.run(sessiontest.Stub(t, sessiontest.FullScript(session.No)...)); err != nil {
		t.Fatal(err)
	}
	stories := f.Stories()
	var again []sessiontest.Section
	for _, s := range sessiontest.OrdersSections {
		again = append(again, sessiontest.Section{ID: s.ID, Heading: s.Heading, Text: stories[1].Sections[s.Heading]})
	}

	// Straight to story 2: its questions, its check, its follow-ups; the
	// timeline and story 1 are not asked.
	s := []sessiontest.Step{sessiontest.S("start", session.Select, "Story 2: "+sessiontest.OrdersTitle)}
	s = append(s, sessiontest.StorySteps("story.1", again)...)
	s = append(s, sessiontest.FollowupSteps("story.1", sessiontest.OrdersFollowups...)...)
	o, out, err := f.run(sessiontest.Stub(t, s...))
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Stories) != 2 || o.Stories[1].Title != sessiontest.OrdersTitle {
		t.Errorf("outcome stories = %+v; want both featured stories", o.Stories)
	}
	if strings.Contains(out, "Your timeline") || strings.Contains(out, "Story 1 of 2: "+sessiontest.LedgerTitle+" ·") {
		t.Errorf("a jump to story 2 showed the timeline or story 1:\n%s", out)
	}

	// Its follow-ups only, stopped halfway: the run resumes there.
	p := sessiontest.Stub(t,
		sessiontest.S("start", session.Select, "Story 1's follow-up questions only: "+sessiontest.LedgerTitle),
		sessiontest.S("story.0.followup.0", session.Text, sessiontest.LedgerFollowups[0]),
	)
	p.ExpectInterrupt("story.0.followup.1")
	if _, _, err := f.run(p); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v, want the interruption", err)
	}
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Resume")
	for _, st := range sessiontest.FollowupSteps("story.0", sessiontest.LedgerFollowups...)[1:] {
		st.Expect(p)
	}
	if _, _, err := f.run(p); err != nil {
		t.Fatal(err)
	}

	// The timeline kept: the projects come next, then every story.
	s = []sessiontest.Step{sessiontest.S("start", session.Select, "Keep the timeline as it is (2 roles); go to your projects"),
		sessiontest.S("projects.count", session.Select, "2"), sessiontest.S("projects.0.title", session.Input, sessiontest.LedgerTitle), sessiontest.S("projects.1.title", session.Input, sessiontest.OrdersTitle)}
	var first []sessiontest.Section
	for _, sec := range sessiontest.LedgerSections {
		first = append(first, sessiontest.Section{ID: sec.ID, Heading: sec.Heading, Text: stories[0].Sections[sec.Heading]})
	}
	s = append(s, sessiontest.StorySteps("story.0", first)...)
	s = append(s, sessiontest.FollowupSteps("story.0", sessiontest.LedgerFollowups...)...)
	s = append(s, sessiontest.StorySteps("story.1", again)...)
	s = append(s, sessiontest.FollowupSteps("story.1", sessiontest.OrdersFollowups...)...)
	if _, _, err := f.run(sessiontest.Stub(t, s...)); err != nil {
		t.Fatal(err)
	}
}
