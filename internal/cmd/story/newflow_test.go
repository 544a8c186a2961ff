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

func (f *fixture) runNew(p prompts.Prompter, opts StoryOptions) (*storyflow.Outcome, string, error) {
	env, out := f.Env(p)
	o, err := NewStory(env, opts)
	return o, out.String(), err
}

// newScript is prep story new for the orders story, title asked.
func newScript() []step {
	s := []step{{"title", session.Input, ordersTitle}}
	s = append(s, storySteps("story", ordersSections)...)
	s = append(s,
		step{"story.fix.0", session.Select, "Result"},
		step{"story.revise.0", session.Text, ordersResult},
	)
	return append(s, followupSteps("story", ordersFollowups...)...)
}

func wantOrders(rank int) sessiontest.StoryView {
	secs := sectionMap(ordersSections)
	secs["Result"] = ordersResult
	secs["Follow-ups"] = followupsText(ordersQuestions, ordersFollowups)
	return sessiontest.StoryView{File: ordersFile, Title: ordersTitle, Kind: "star", Rank: rank, Panel: "background", Sections: secs}
}

func TestNewStory(t *testing.T) {
	f := newFixture(t)
	o, out, err := f.runNew(stub(t, newScript()...), StoryOptions{})
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
		t.Errorf("files left: %v, want only the story", keys(got))
	}
}

func TestNewStoryTitleFlag(t *testing.T) {
	f := newFixture(t)
	script := newScript()[1:]
	if _, _, err := f.runNew(stub(t, script...), StoryOptions{Title: "  " + ordersTitle + " "}); err != nil {
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
	secs := []section{
		{"situation", "Situation", "Our on-call rota had no owner and pages went unanswered at night for a whole quarter, which customers noticed."},
		{"action", "Action", "I wrote a one-page proposal for a rota with handovers, asked the team for comments in writing, ran it for a month and adjusted the shifts after the first retro."},
		{"result", "Result", "Unanswered pages were cut from twelve a month to none, and two other teams adopted the rota within a quarter of it starting."},
		{"reflection", "Reflection", "I learned that a written proposal gets better comments than a meeting, and I should have asked the quieter engineers first."},
		{"value", "Value", "Ownership: I saw a gap nobody owned, scoped the fix myself and carried it through without waiting to be asked."},
	}
	s := []step{{"title", session.Input, "Owning the on-call rota"}}
	s = append(s, storySteps("story", secs)...)
	s = append(s, followupSteps("story", rotaFollowups...)...)
	p := prompttest.New(t)
	for _, st := range s {
		st.expect(p)
	}
	_, out, err := f.runNew(p, StoryOptions{Kind: "culture"})
	if err != nil {
		t.Fatal(err)
	}
	probes := ownershipProbes(t, f.Pack)
	_ = out
	if diff := cmp.Diff(probes[:3], messages(p, "story.followup.")); diff != "" {
		t.Errorf("probes asked (-want +got):\n%s", diff)
	}
	want := []sessiontest.StoryView{{File: "owning-the-on-call-rota.md", Title: "Owning the on-call rota", Kind: "culture", Panel: "culture", Sections: sectionMap(secs)}}
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
	script := newScript()
	ref := newFixture(t)
	if _, _, err := ref.runNew(stub(t, script...), StoryOptions{}); err != nil {
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
			if _, _, err := f.runNew(p, StoryOptions{}); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatalf("first run: err = %v, want ErrInterrupted", err)
			}
			p = prompttest.New(t)
			if k > 0 {
				p.ExpectSelect("resume", "Resume")
			}
			for _, s := range script[k:] {
				s.expect(p)
			}
			if _, _, err := f.runNew(p, StoryOptions{}); err != nil {
				t.Fatalf("second run: %v", err)
			}
			if diff := cmp.Diff(want, f.Snapshot()); diff != "" {
				t.Errorf("files after resuming (-uninterrupted +resumed):\n%s", diff)
			}
		})
	}
}

func TestNewStoryResumeSaysWhere(t *testing.T) {
	f := newFixture(t)
	script := newScript()
	k := indexOf(t, script, "story.tradeoffs")
	p := stub(t, script[:k]...)
	p.ExpectInterrupt("story.tradeoffs")
	f.runNew(p, StoryOptions{})
	p = prompttest.New(t)
	p.ExpectInterrupt("resume")
	f.runNew(p, StoryOptions{})
	want := `You stopped at "` + ordersTitle + `", Trade-offs. Resume there, or start over (your files are kept)?`
	if asked := p.Asked(); len(asked) != 1 || asked[0].Message != want {
		t.Errorf("resume question = %+v, want message %q", asked, want)
	}
}

// Starting over with the same title takes up the same file; a new title
// starts a new story and keeps the old one as it was.
func TestNewStoryStartOver(t *testing.T) {
	script := newScript()
	k := indexOf(t, script, "story.action")
	for _, tc := range []struct {
		title string
		files []string
	}{
		{ordersTitle, []string{ordersFile}},
		{"Another story", []string{"another-story.md", ordersFile}},
	} {
		t.Run(tc.title, func(t *testing.T) {
			f := newFixture(t)
			p := stub(t, script[:k]...)
			p.ExpectInterrupt("story.action")
			f.runNew(p, StoryOptions{})
			p = prompttest.New(t)
			p.ExpectSelect("resume", "Start over")
			p.ExpectInput("title", tc.title).WantDefault(ordersTitle)
			same := tc.title == ordersTitle
			for _, s := range script[1:] {
				c := s.expect(p)
				if s.id == "story.situation" {
					if same {
						c.WantDefault(ordersSections[0].text)
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
	p := stub(t, script[0])
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
		s.expect(p)
	}
	if _, _, err := f.runNew(p, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]sessiontest.StoryView{wantOrders(0)}, f.Stories()); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// vagueSections are a story an interviewer would send back: every section
// answered, but vague, all "we", with no number and no alternative named.
var vagueSections = []section{
	{"situation", "Situation", "We had a slow service and the team was unhappy with how things were going\nfor our customers, who kept telling us that pages took far too long."},
	{"task", "Task", "We needed to make it a lot better for the customers and for the business,\nand we wanted to do it without breaking anything along the way."},
	{"action", "Action", "We looked into it together, we changed a few things in the code and the\ndatabase, and we tested everything carefully before we shipped it out to\neveryone, and then we watched it closely for a while."},
	{"result", "Result", "It got a lot faster and everyone was much happier with it afterwards, and\nthe customers stopped complaining about the slow pages."},
	{"tradeoffs", "Trade-offs", "We thought about it carefully as a team and we picked the best approach\nfor us at the time, which worked out well in the end for everyone."},
	{"lessons", "Lessons", "We learned a lot about performance and about working together as a team,\nand we would do it the same way again next time."},
	{"architecture", "Architecture", "We kept the same services as before and we made them talk to each other\na bit more sensibly, so that the pages would load faster for everyone."},
	{"contribution", "Contribution", "We all worked on it together as a team and we shared the work fairly,\nso everyone had a part in making it faster for our customers."},
}

// A weak story ends the session as needing work, with the check's
// reasons, never as passing.
func TestNewStoryWeakNeedsWork(t *testing.T) {
	f := newFixture(t)
	s := []step{{"title", session.Input, "Making the service faster"}}
	s = append(s, storySteps("story", vagueSections)...)
	s = append(s, step{"story.fix.0", session.Select, "Move on"})
	s = append(s, followupSteps("story", "We would do it again.", "We picked the best one.", "We tested it.")...)
	o, out, err := f.runNew(stub(t, s...), StoryOptions{})
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
	situation := ordersSections[0].text
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
			k := indexOf(t, script, "story.situation")
			p := stub(t, script[:k]...)
			p.ExpectInterrupt("story.situation")
			if _, _, err := f.runNew(p, StoryOptions{}); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatalf("first run: err = %v, want ErrInterrupted", err)
			}
			path := filepath.Join(f.Dir, workspace.StoriesDir, ordersFile)
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
				c := s.expect(p)
				if s.id == "story.situation" {
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
