package culture

import (
	"strconv"
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

// storyPart is the part menu's label for a story.
const storyPart = "A story for one of the values"

// fixture is one candidate's workspace (a sessiontest.Fixture), with the
// runs of prep culture on it.
type fixture struct{ *sessiontest.Fixture }

func newFixture(t *testing.T) *fixture { return &fixture{sessiontest.NewFixture(t)} }

func (f *fixture) runCulture(p prompts.Prompter, opts CultureOptions) (*storyflow.Outcome, string, error) {
	env, out := f.Env(p)
	o, err := Culture(env, opts)
	return o, out.String(), err
}

// cultureScript chooses ownership and its first question, titles the
// story and writes it; the value section's default is what prep culture
// put there.
func cultureScript(t *testing.T, p *prompttest.Stub, pk *pack.Pack, withValue bool) {
	g := sessiontest.OwnershipValue(t, pk)
	if withValue {
		p.ExpectSelect("part", storyPart)
		p.ExpectSelect("value", text.CleanLine(g.Title))
	}
	p.ExpectSelect("question", text.CleanLine(g.Questions[0]))
	p.ExpectInput("title", "Owning the on-call rota")
	for _, s := range sessiontest.RotaSections {
		c := p.ExpectText("story."+s.ID, s.Text)
		if s.ID == "value" {
			c.WantDefault("Ownership. The question it answers: " + text.CleanLine(g.Questions[0]))
		}
	}
	for k, a := range sessiontest.RotaFollowups {
		p.ExpectText("story.followup."+strconv.Itoa(k), a)
	}
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
	probes := sessiontest.OwnershipProbes(t, f.Pack)
	if len(got) == 1 {
		// The follow-ups are kept in the story, each under its question.
		fu := got[0].Sections["Follow-ups"]
		for k, a := range sessiontest.RotaFollowups {
			if !strings.Contains(fu, "- **"+probes[k]+"**\n    "+a) {
				t.Errorf("Follow-ups lack probe %d and its answer:\n%s", k+1, fu)
			}
		}
		delete(got[0].Sections, "Follow-ups")
	}
	want := []sessiontest.StoryView{{File: "owning-the-on-call-rota.md", Title: "Owning the on-call rota", Kind: "culture", Panel: "culture", Sections: sessiontest.SectionMap(sessiontest.RotaSections)}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	if len(o.Stories) != 1 || o.Stories[0].Summary() != "ready" {
		t.Errorf("outcome = %+v, want one story that is ready", o.Stories)
	}
	if diff := cmp.Diff(probes[:3], sessiontest.Messages(p, "story.followup.")); diff != "" {
		t.Errorf("probes asked (-want +got):\n%s", diff)
	}
	g := sessiontest.OwnershipValue(t, f.Pack)
	sessiontest.SaysInOrder(t, out,
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
		t.Errorf("files left: %v, want only the story", sessiontest.Keys(got))
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
	sessiontest.SaysInOrder(t, out, "Welcome to Acme's interview prep.", "What the Culture Panel is")
}

// A weak story goes through the check and its fix loop.
func TestCultureFixLoop(t *testing.T) {
	f := newFixture(t)
	g := sessiontest.OwnershipValue(t, f.Pack)
	p := prompttest.New(t)
	p.ExpectSelect("question", text.CleanLine(g.Questions[1]))
	p.ExpectInput("title", "Owning the on-call rota")
	for _, s := range sessiontest.RotaSections {
		text := s.Text
		if s.ID == "result" {
			text = "It went well."
		}
		p.ExpectText("story."+s.ID, text)
	}
	p.ExpectSelect("story.fix.0", "Result")
	p.ExpectText("story.revise.0", sessiontest.RotaSections[2].Text).WantDefault("It went well.")
	for k, a := range sessiontest.RotaFollowups {
		p.ExpectText("story.followup."+strconv.Itoa(k), a)
	}
	_, out, err := f.runCulture(p, CultureOptions{Value: "ownership"})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Stories()[0].Sections["Result"]; got != sessiontest.RotaSections[2].Text {
		t.Errorf("Result = %q, want the revision", got)
	}
	if strings.Contains(out, "Which value will your story show?") {
		t.Errorf("--value given, and the value was still asked:\n%s", out)
	}
}

// Stopped at any prompt, the next run resumes there and ends with the
// same story as a session never stopped.
func TestCultureResumeAtEveryPrompt(t *testing.T) {
	sessiontest.ResumeAtEveryPrompt(t, sessiontest.Resume{
		Script: cultureSteps(t, sessiontest.Pack(t)),
		Run: func(f *sessiontest.Fixture, p prompts.Prompter) (string, error) {
			_, out, err := (&fixture{f}).runCulture(p, CultureOptions{})
			return out, err
		},
	})
}

func cultureSteps(t *testing.T, pk *pack.Pack) []sessiontest.Step {
	g := sessiontest.OwnershipValue(t, pk)
	s := []sessiontest.Step{sessiontest.S("part", session.Select, storyPart), sessiontest.S("value", session.Select, text.CleanLine(g.Title)), sessiontest.S("question", session.Select, text.CleanLine(g.Questions[0])), sessiontest.S("title", session.Input, "Owning the on-call rota")}
	s = append(s, sessiontest.StorySteps("story", sessiontest.RotaSections)...)
	return append(s, sessiontest.FollowupSteps("story", sessiontest.RotaFollowups...)...)
}

func TestCultureValueRefused(t *testing.T) {
	err := CheckCultureFlags(sessiontest.Pack(t), "grit", "")
	want := `--value "grit": not a value of the culture panel; use one of ownership, pragmatism, communication, collaboration`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}
