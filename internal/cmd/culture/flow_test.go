package culture

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// rotaSections pass the culture rubric's check.
var rotaSections = []section{
	{"situation", "Situation", "Our on-call rota had no owner and pages went unanswered at night for a whole quarter, which customers noticed."},
	{"action", "Action", "I wrote a one-page proposal for a rota with handovers, asked the team for comments in writing, ran it for a month and adjusted the shifts after the first retro."},
	{"result", "Result", "Unanswered pages were cut from twelve a month to none, and two other teams adopted the rota within a quarter of it starting."},
	{"reflection", "Reflection", "I learned that a written proposal gets better comments than a meeting, and I should have asked the quieter engineers first."},
	{"value", "Value", "Ownership: I saw a gap nobody owned, scoped the fix myself and carried it through without waiting to be asked."},
}

// rotaFollowups answer the three probes of an ownership story.
var rotaFollowups = []string{
	"Nobody would have: the lead who ran it had left, and each of us assumed someone else would pick it up.",
	"I kept it to the rota and three runbooks; an alerting overhaul was tempting and I left it for later.",
	"My manager's, for the trial month; I asked in writing with the numbers and she agreed the same day.",
}

// storyPart is the part menu's label for a story.
const storyPart = "A story for one of the values"

func (f *fixture) runCulture(p prompts.Prompter, opts CultureOptions) (*storyflow.Outcome, string, error) {
	env, out := f.Env(p)
	o, err := Culture(env, opts)
	return o, out.String(), err
}

// ownershipValue is the pack's ownership value.
func ownershipValue(t *testing.T, p *pack.Pack) *pack.Guide {
	t.Helper()
	for _, g := range p.CultureValues() {
		if g.ID == "ownership" {
			return g
		}
	}
	t.Fatal("the pack has no ownership value")
	return nil
}

// cultureScript chooses ownership and its first question, titles the
// story and writes it; the value section's default is what prep culture
// put there.
func cultureScript(t *testing.T, p *prompttest.Stub, pk *pack.Pack, withValue bool) {
	g := ownershipValue(t, pk)
	if withValue {
		p.ExpectSelect("part", storyPart)
		p.ExpectSelect("value", text.CleanLine(g.Title))
	}
	p.ExpectSelect("question", text.CleanLine(g.Questions[0]))
	p.ExpectInput("title", "Owning the on-call rota")
	for _, s := range rotaSections {
		c := p.ExpectText("story."+s.id, s.text)
		if s.id == "value" {
			c.WantDefault("Ownership. The question it answers: " + text.CleanLine(g.Questions[0]))
		}
	}
	for k, a := range rotaFollowups {
		p.ExpectText("story.followup."+itoa(k), a)
	}
}

// ownershipProbes are the probes prep culture asks about an ownership
// story, in order.
func ownershipProbes(t *testing.T, p *pack.Pack) []string {
	t.Helper()
	panel, _ := p.Panel(pack.CulturePanel)
	g, ok := panel.Guide("probes-ownership")
	if !ok || len(g.Questions) < 3 {
		t.Fatal("the pack has no probes for an ownership story")
	}
	return g.Questions
}

func TestCultureWholeSession(t *testing.T) {
	f := newFixture(t)
	p := prompttest.New(t)
	cultureScript(t, p, f.Pack, true)
	o, out, err := f.runCulture(p, CultureOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := f.Stories()
	probes := ownershipProbes(t, f.Pack)
	if len(got) == 1 {
		// The follow-ups are kept in the story, each under its question.
		fu := got[0].Sections["Follow-ups"]
		for k, a := range rotaFollowups {
			if !strings.Contains(fu, "- **"+probes[k]+"**\n    "+a) {
				t.Errorf("Follow-ups lack probe %d and its answer:\n%s", k+1, fu)
			}
		}
		delete(got[0].Sections, "Follow-ups")
	}
	want := []sessiontest.StoryView{{File: "owning-the-on-call-rota.md", Title: "Owning the on-call rota", Kind: "culture", Panel: "culture", Sections: sectionMap(rotaSections)}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	if len(o.Stories) != 1 || o.Stories[0].Summary() != "ready" {
		t.Errorf("outcome = %+v, want one story that is ready", o.Stories)
	}
	if diff := cmp.Diff(probes[:3], messages(p, "story.followup.")); diff != "" {
		t.Errorf("probes asked (-want +got):\n%s", diff)
	}
	g := ownershipValue(t, f.Pack)
	saysInOrder(t, out,
		"Culture Panel",
		"What the Culture Panel is",
		text.CleanLine(g.Title), g.Text, "- "+g.Questions[0],
		"prep content show example/culture-strong",
		"The question your story answers "+g.Questions[0],
		"Owning the on-call rota · Situation",
		"The check of stories/owning-the-on-call-rota.md finds nothing to fix.",
		"Owning the on-call rota · follow-up 1 of 3",
		"The story shows Ownership: prep status counts it.",
		"✓ Nobody handed it to you", "“Our on-call rota had no owner",
		"prep story edit owning-the-on-call-rota",
	)
	if got := f.Snapshot(); len(got) != 1 {
		t.Errorf("files left: %v, want only the story", keys(got))
	}
}

// A company's pack names the company where the session starts, and
// greets its applicants.
func TestCultureShowsTheCompany(t *testing.T) {
	f := newFixture(t)
	cp := *f.Pack
	cp.Meta.Company = "Acme"
	cp.Meta.Welcome = "Welcome to Acme's interview prep."
	f.Pack = &cp
	p := prompttest.New(t)
	p.ExpectInterrupt("question")
	_, out, _ := f.runCulture(p, CultureOptions{Value: "ownership"})
	if !strings.HasPrefix(out, "Acme · Culture Panel\n") {
		t.Errorf("output starts %q, want the company and the panel", out[:min(len(out), 40)])
	}
	saysInOrder(t, out, "Welcome to Acme's interview prep.", "What the Culture Panel is")
}

// A weak story goes through the check and its fix loop.
func TestCultureFixLoop(t *testing.T) {
	f := newFixture(t)
	g := ownershipValue(t, f.Pack)
	p := prompttest.New(t)
	p.ExpectSelect("question", text.CleanLine(g.Questions[1]))
	p.ExpectInput("title", "Owning the on-call rota")
	for _, s := range rotaSections {
		text := s.text
		if s.id == "result" {
			text = "It went well."
		}
		p.ExpectText("story."+s.id, text)
	}
	p.ExpectSelect("story.fix.0", "Result")
	p.ExpectText("story.revise.0", rotaSections[2].text).WantDefault("It went well.")
	for k, a := range rotaFollowups {
		p.ExpectText("story.followup."+itoa(k), a)
	}
	_, out, err := f.runCulture(p, CultureOptions{Value: "ownership"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Stories()[0].Sections["Result"]; got != rotaSections[2].text {
		t.Errorf("Result = %q, want the revision", got)
	}
	if strings.Contains(out, "Which value will your story show?") {
		t.Errorf("--value given, and the value was still asked:\n%s", out)
	}
}

// Stopped at any prompt, the next run resumes there and ends with the
// same story as a session never stopped.
func TestCultureResumeAtEveryPrompt(t *testing.T) {
	ref := newFixture(t)
	script := cultureSteps(t, ref.Pack)
	if _, _, err := ref.runCulture(stub(t, script...), CultureOptions{}); err != nil {
		t.Fatal(err)
	}
	want := ref.Snapshot()
	for k := range script {
		t.Run(script[k].id, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			p := stub(t, script[:k]...)
			p.ExpectInterrupt(script[k].id)
			if _, _, err := f.runCulture(p, CultureOptions{}); !errors.Is(err, prompts.ErrInterrupted) {
				t.Fatalf("first run: err = %v, want ErrInterrupted", err)
			}
			p = prompttest.New(t)
			if k > 0 {
				p.ExpectSelect("resume", "Resume")
			}
			for _, s := range script[k:] {
				s.expect(p)
			}
			if _, _, err := f.runCulture(p, CultureOptions{}); err != nil {
				t.Fatalf("second run: %v", err)
			}
			if diff := cmp.Diff(want, f.Snapshot()); diff != "" {
				t.Errorf("files after resuming (-uninterrupted +resumed):\n%s", diff)
			}
		})
	}
}

func cultureSteps(t *testing.T, pk *pack.Pack) []step {
	g := ownershipValue(t, pk)
	s := []step{{"part", session.Select, storyPart}, {"value", session.Select, text.CleanLine(g.Title)}, {"question", session.Select, text.CleanLine(g.Questions[0])}, {"title", session.Input, "Owning the on-call rota"}}
	s = append(s, storySteps("story", rotaSections)...)
	return append(s, followupSteps("story", rotaFollowups...)...)
}

func TestCultureValueRefused(t *testing.T) {
	err := CheckCultureFlags(sessiontest.Pack(t), "grit", "")
	want := `--value "grit": not a value of the culture panel; use one of ownership, pragmatism, communication, collaboration`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}
