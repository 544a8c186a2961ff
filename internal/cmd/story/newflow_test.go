package story

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// fixture is one candidate's workspace (a sessiontest.Fixture), with the
// runs of prep story new on it.
type fixture struct{ *sessiontest.Fixture }

func newFixture(t *testing.T) *fixture { return &fixture{sessiontest.NewFixture(t)} }

func (f *fixture) runNew(p prompts.Prompter, opts StoryOptions) (*storyflow.Outcome, string, error) {
	env, out := f.Env(p)
	o, err := NewStory(env, opts)
	return o, out.String(), err
}

// newScript is prep story new for the orders story, title asked.
func newScript() []sessiontest.Step {
	s := []sessiontest.Step{sessiontest.S("title", session.Input, sessiontest.OrdersTitle)}
	s = append(s, sessiontest.StorySteps("story", sessiontest.OrdersSections)...)
	s = append(s,
		sessiontest.S("story.fix.0", session.Select, "Result"),
		sessiontest.S("story.revise.0", session.Text, sessiontest.OrdersResult),
	)
	return append(s, sessiontest.FollowupSteps("story", sessiontest.OrdersFollowups...)...)
}

func wantOrders(rank int) sessiontest.StoryView {
	secs := sessiontest.SectionMap(sessiontest.OrdersSections)
	secs["Result"] = sessiontest.OrdersResult
	secs["Follow-ups"] = sessiontest.FollowupsText(sessiontest.OrdersQuestions, sessiontest.OrdersFollowups)
	return sessiontest.StoryView{File: sessiontest.OrdersFile, Title: sessiontest.OrdersTitle, Kind: "star", Rank: rank, Panel: "background", Sections: secs}
}

func TestNewStory(t *testing.T) {
	f := newFixture(t)
	o, out, err := f.runNew(sessiontest.Stub(t, newScript()...), StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]sessiontest.StoryView{wantOrders(0)}, f.Stories()); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	if len(o.Stories) != 1 || o.Stories[0].Summary() != "ready" {
		t.Errorf("outcome = %+v, want one story that is ready", o.Stories)
	}
	for _, s := range []string{"Telling a project story", "No Result", "Rehearsing the follow-ups", "prep story edit order-tracking-at-ten-times-the-traffic"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	if got := f.Snapshot(); len(got) != 1 {
		t.Errorf("files left: %v, want only the story", sessiontest.Keys(got))
	}
}

func TestNewStoryTitleFlag(t *testing.T) {
	f := newFixture(t)
	script := newScript()[1:]
	if _, _, err := f.runNew(sessiontest.Stub(t, script...), StoryOptions{Title: "  " + sessiontest.OrdersTitle + " "}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]sessiontest.StoryView{wantOrders(0)}, f.Stories()); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
}

// A culture story has its rubric's sections, and is rehearsed on the
// culture panel's probes for the value it names, not on the bank's
// technical follow-ups.
func TestNewStoryCulture(t *testing.T) {
	f := newFixture(t)
	secs := []sessiontest.Section{
		{ID: "situation", Heading: "Situation", Text: "Our on-call rota had no owner and pages went unanswered at night for a whole quarter, which customers noticed."},
		{ID: "action", Heading: "Action", Text: "I wrote a one-page proposal for a rota with handovers, asked the team for comments in writing, ran it for a month and adjusted the shifts after the first retro."},
		{ID: "result", Heading: "Result", Text: "Unanswered pages were cut from twelve a month to none, and two other teams adopted the rota within a quarter of it starting."},
		{ID: "reflection", Heading: "Reflection", Text: "I learned that a written proposal gets better comments than a meeting, and I should have asked the quieter engineers first."},
		{ID: "value", Heading: "Value", Text: "Ownership: I saw a gap nobody owned, scoped the fix myself and carried it through without waiting to be asked."},
	}
	s := []sessiontest.Step{sessiontest.S("title", session.Input, "Owning the on-call rota")}
	s = append(s, sessiontest.StorySteps("story", secs)...)
	s = append(s, sessiontest.FollowupSteps("story", sessiontest.RotaFollowups...)...)
	p := prompttest.New(t)
	for _, st := range s {
		st.Expect(p)
	}
	_, out, err := f.runNew(p, StoryOptions{Kind: "culture"})
	if err != nil {
		t.Fatal(err)
	}
	probes := sessiontest.OwnershipProbes(t, f.Pack)
	_ = out
	if diff := cmp.Diff(probes[:3], sessiontest.Messages(p, "story.followup.")); diff != "" {
		t.Errorf("probes asked (-want +got):\n%s", diff)
	}
	want := []sessiontest.StoryView{{File: "owning-the-on-call-rota.md", Title: "Owning the on-call rota", Kind: "culture", Panel: "culture", Sections: sessiontest.SectionMap(secs)}}
	got := f.Stories()
	if len(got) == 1 {
		delete(got[0].Sections, "Follow-ups")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
}

func TestNewStoryUnknownKind(t *testing.T) {
	f := newFixture(t)
	_, _, err := f.runNew(prompttest.New(t), StoryOptions{Kind: "poem"})
	if err == nil || !strings.Contains(err.Error(), `--kind "poem"`) {
		t.Errorf("err = %v, want --kind refused", err)
	}
}

func TestNewStoryResumeAtEveryPrompt(t *testing.T) {
	sessiontest.ResumeAtEveryPrompt(t, sessiontest.Resume{
		Script: newScript(),
		Run: func(f *sessiontest.Fixture, p prompts.Prompter) (string, error) {
			_, out, err := (&fixture{f}).runNew(p, StoryOptions{})
			return out, err
		},
		Every: 5,
	})
}

func TestNewStoryResumeSaysWhere(t *testing.T) {
	f := newFixture(t)
	script := newScript()
	k := sessiontest.IndexOf(t, script, "story.tradeoffs")
	p := sessiontest.Stub(t, script[:k]...)
	p.ExpectInterrupt("story.tradeoffs")
	f.runNew(p, StoryOptions{})
	p = prompttest.New(t)
	p.ExpectInterrupt("resume")
	f.runNew(p, StoryOptions{})
	want := `You stopped at "` + sessiontest.OrdersTitle + `", Trade-offs. Resume there, or start over (your files are kept)?`
	if asked := p.Asked(); len(asked) != 1 || asked[0].Message != want {
		t.Errorf("resume question = %+v, want message %q", asked, want)
	}
}

// Starting over with the same title takes up the same file; a new title
// starts a new story and keeps the old one as it was.
func TestNewStoryStartOver(t *testing.T) {
	script := newScript()
	k := sessiontest.IndexOf(t, script, "story.action")
	for _, tc := range []struct {
		title string
		files []string
	}{
		{sessiontest.OrdersTitle, []string{sessiontest.OrdersFile}},
		{"Another story", []string{"another-story.md", sessiontest.OrdersFile}},
	} {
		t.Run(tc.title, func(t *testing.T) {
			f := newFixture(t)
			p := sessiontest.Stub(t, script[:k]...)
			p.ExpectInterrupt("story.action")
			f.runNew(p, StoryOptions{})
			p = prompttest.New(t)
			p.ExpectSelect("resume", "Start over")
			p.ExpectInput("title", tc.title).WantDefault(sessiontest.OrdersTitle)
			same := tc.title == sessiontest.OrdersTitle
			for _, s := range script[1:] {
				c := s.Expect(p)
				if s.ID == "story.situation" {
					if same {
						c.WantDefault(sessiontest.OrdersSections[0].Text)
					} else {
						c.WantDefault("")
					}
				}
			}
			if _, _, err := f.runNew(p, StoryOptions{}); err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, v := range f.Stories() {
				files = append(files, v.File)
			}
			if diff := cmp.Diff(tc.files, files); diff != "" {
				t.Errorf("story files (-want +got):\n%s", diff)
			}
		})
	}
}

// A kill after the story file was made but before the title reached the
// progress makes no second copy: the title is asked again and takes up
// the file named in the progress beforehand.
func TestNewStoryKillAfterCreate(t *testing.T) {
	f := newFixture(t)
	script := newScript()
	p := sessiontest.Stub(t, script[0])
	p.ExpectInterrupt("story.situation")
	f.runNew(p, StoryOptions{})
	ws := f.WS()
	prog, err := ws.Progress(StoryNewName)
	if err != nil {
		t.Fatal(err)
	}
	delete(prog.Answers, "title")
	if err := ws.SaveProgress(prog); err != nil {
		t.Fatal(err)
	}
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Resume")
	for _, s := range script {
		s.Expect(p)
	}
	if _, _, err := f.runNew(p, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]sessiontest.StoryView{wantOrders(0)}, f.Stories()); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
}

// A weak story ends the session as needing work, with the check's
// reasons, never as passing.
func TestNewStoryWeakNeedsWork(t *testing.T) {
	f := newFixture(t)
	s := []sessiontest.Step{sessiontest.S("title", session.Input, "Making the service faster")}
	s = append(s, sessiontest.StorySteps("story", sessiontest.VagueSections)...)
	s = append(s, sessiontest.S("story.fix.0", session.Select, "Move on"))
	s = append(s, sessiontest.FollowupSteps("story", "We would do it again.", "We picked the best one.", "We tested it.")...)
	o, out, err := f.runNew(sessiontest.Stub(t, s...), StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Stories) != 1 {
		t.Fatalf("outcome has %d stories, want 1", len(o.Stories))
	}
	st := o.Stories[0]
	if st.Verdict != check.VerdictNeedsWork || len(st.Reasons) == 0 || st.Errors != 0 {
		t.Fatalf("verdict %q, reasons %q, %d errors; want needs-work with reasons and no error", st.Verdict, st.Reasons, st.Errors)
	}
	want := "needs work: " + strings.Join(st.Reasons, ", ")
	if diff := cmp.Diff(want, st.Summary()); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if !strings.Contains(out, "making-the-service-faster.md: "+want+".\n") {
		t.Errorf("the end does not give the verdict and its reasons:\n%s", out)
	}
	if strings.Contains(out, "passes") {
		t.Errorf("a weak story is said to pass:\n%s", out)
	}
}

// The candidate relabels the Situation in an editor while the session is
// stopped (a number, a bold label with its text, another name for it);
// the session carries on and writes the Situation where the label is,
// never as a second "## Situation" at the end, and prep check reads the
// story as ready.
func TestNewStoryWritesWhereTheCandidateLabelled(t *testing.T) {
	situation := sessiontest.OrdersSections[0].Text
	for _, tc := range []struct {
		name, line string // line replaces "## Situation" in the file
		label      string // the label prep check reads
		before     string // what the session offers to edit
		want       string // the start of the body after the session
	}{
		{"numbered", "## 1. Situation", "1. Situation", "", "\n## 1. Situation\n\n" + situation + "\n\n## Task\n"},
		{"bold label", "**Situation:** Orders were slow.", "Situation", "Orders were slow.", "\n**Situation:** " + situation + "\n\n## Task\n"},
		{"another name", "## Context", "Context", "", "\n## Context\n\n" + situation + "\n\n## Task\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			script := newScript()
			k := sessiontest.IndexOf(t, script, "story.situation")
			p := sessiontest.Stub(t, script[:k]...)
			p.ExpectInterrupt("story.situation")
			if _, _, err := f.runNew(p, StoryOptions{}); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatalf("first run: err = %v, want ErrInterrupted", err)
			}
			path := filepath.Join(f.Dir, workspace.StoriesDir, sessiontest.OrdersFile)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace(string(data), "## Situation\n", tc.line+"\n", 1)
			if edited == string(data) {
				t.Fatalf("no ## Situation in the new story:\n%s", data)
			}
			if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
				t.Fatal(err)
			}

			p = prompttest.New(t)
			p.ExpectSelect("resume", "Resume")
			for _, s := range script[k:] {
				c := s.Expect(p)
				if s.ID == "story.situation" {
					c.WantDefault(tc.before)
				}
			}
			if _, _, err := f.runNew(p, StoryOptions{}); err != nil {
				t.Fatalf("second run: %v", err)
			}

			doc, err := document.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(doc.Body, tc.want) {
				t.Errorf("the story starts\n%s\nwant\n%s", doc.Body[:min(len(doc.Body), len(tc.want)+40)], tc.want)
			}
			if strings.Contains(doc.Body, "## Situation") {
				t.Errorf("a second Situation was added:\n%s", doc.Body)
			}
			if diff := cmp.Diff([]sessiontest.StoryView{wantOrders(0)}, f.Stories()); diff != "" {
				t.Errorf("stories (-want +got):\n%s", diff)
			}
			star, _ := f.Pack.Rubric("star")
			rep := check.Check(doc, star)
			sec, _ := sections.Find(doc, star).Section("situation")
			if rep.Verdict != check.VerdictReady || sec.Label != tc.label {
				t.Errorf("prep check: verdict %s %v, Situation labelled %q", rep.Verdict, rep.Reasons, sec.Label)
			}
		})
	}
}
