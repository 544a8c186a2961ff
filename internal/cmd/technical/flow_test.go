package technical

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// Two scenarios of their own, so the tests do not move when the pack's
// are edited; the panel, its guides and the design rubric are the pack's.
var (
	ledgerScenario = pack.Exercise{
		ID: "ledger-api", Title: "A ledger API", Kind: "design", Track: "distributed",
		Prompt:       "Design the API that records every payment in a ledger. Money must never be lost.",
		Numbers:      []pack.Figure{{Name: "writes", Value: "2,000/s at peak"}},
		Architecture: "checkout -> payments service -> Postgres\n  (one primary)",
		Hints:        []string{"What happens when the same payment arrives twice?", "Which number decides the storage?", "How would you prove no money was lost?"},
		Notes:        "Clarifying questions:\n- Who reads the ledger?\n\nMVP: one table, one writer.",
	}
	leakScenario = pack.Exercise{
		ID: "memory-leak", Title: "A slow memory leak", Kind: "design", Track: "debugging",
		Prompt: "A service is killed for memory every three days. Find out why.",
		Hints:  []string{"What changed three days before it started?"},
		Notes:  "Look at the heap over time.",
	}
)

// testComponents replaces the pack's probe bank, so which follow-ups an
// answer gets does not move when the content is edited.
var testComponents = []pack.Component{
	{ID: "postgres", Name: "PostgreSQL", Words: []string{"postgres", "postgresql"}, Limits: "One primary takes every write.", FailureModes: []string{"failover"}, Question: "What happens to your writes while the Postgres primary fails over?"},
	{ID: "kafka", Name: "Kafka", Words: []string{"kafka"}, Limits: "Ordering per partition only.", FailureModes: []string{"consumer lag"}, Question: "How many partitions, and what happens to ordering when you add more?"},
}

// techBase is the built-in pack without its banks: the panels and the
// rubrics the technical session runs on, loaded on their own so that these
// tests do not depend on the scenarios being edited.
var techBase = sync.OnceValues(func() (*pack.Pack, error) {
	return pack.LoadParts(pack.PartMeta|pack.PartPanels|pack.PartRubrics, pack.Source{FS: content.FS, Name: pack.Embedded})
})

// fixture is one candidate's workspace (a sessiontest.Fixture), with the
// runs of prep technical on it.
type fixture struct{ *sessiontest.Fixture }

// newTechFixture is a workspace fixture on techPack.
func newTechFixture(t *testing.T) *fixture {
	return &fixture{&sessiontest.Fixture{T: t, Dir: filepath.Join(t.TempDir(), "ws"), Pack: techPack(t)}}
}

// techPack is the test pack with only the two scenarios above.
func techPack(t *testing.T) *pack.Pack {
	t.Helper()
	base, err := techBase()
	if err != nil {
		t.Fatal(err)
	}
	p := *base
	p.Exercises = []pack.Exercise{leakScenario, ledgerScenario}
	p.Components = testComponents
	p.Followups = sessiontest.Bank
	return &p
}

// interviewOpen are the questions before the first step of the ledger:
// the framing skipped, no question for the interviewer.
var interviewOpen = []sessiontest.Step{sessiontest.S("framing", session.Confirm, session.No), sessiontest.S("ask.0", session.Input, "")}

// ledgerFollowupSteps answers the three follow-ups the ledger answer draws:
// Postgres, and two decisions it weighs.
var ledgerFollowupSteps = []sessiontest.Step{
	sessiontest.S("followup.0", session.Text, "Writes fail for the seconds of the failover; checkout retries with the same idempotency key."),
	sessiontest.S("followup.1", session.Text, "If balances had to be read on every write, updating them in place would win."),
	sessiontest.S("followup.2", session.Text, "The cross-partition reports would move to a nightly job."),
}

// ledgerAnswers is one answer per step of the design rubric, in its order.
var ledgerAnswers = []sessiontest.Section{
	{ID: "requirements", Heading: "Requirements", Text: "Record every payment exactly once for the checkout service; refunds, finance reports and support read it back. Out of scope for now: currency conversion and payouts."},
	{ID: "assumptions", Heading: "Assumptions", Text: "2,000 writes per second at peak, 50 million entries a month, reads mostly by account; p99 under 100 ms; 99.95% availability."},
	{ID: "mvp", Heading: "MVP", Text: "One payments service writes an append-only entries table in Postgres, keyed by an idempotency key from checkout; balances are a view summed per account, cached for reports. Left out for now: multi-currency and payouts."},
	{ID: "tradeoffs", Heading: "Trade-offs", Text: "An append-only table instead of updating balances in place: no lock on hot accounts, at the cost of summing. Postgres rather than a ledger database: the team knows it."},
	{ID: "edge_cases", Heading: "Edge cases", Text: "Checkout retries after a timeout: the idempotency key makes the second write a no-op. The primary fails over mid-write: the transaction either committed or not, and the retry settles it."},
	{ID: "bottlenecks", Heading: "Bottlenecks", Text: "At 100x the single primary saturates first, around 30,000 writes per second; partition entries by account and batch inserts, at the cost of cross-partition reports."},
	{ID: "validation", Heading: "Validation", Text: "Reconcile daily: the sum of entries equals the payment provider's totals. Watch p99 write latency under 100 ms and the error rate; load test at 5x peak; canary one merchant first."},
}

// techScript answers the ledger scenario: track and scenario chosen, a
// hint taken at Assumptions and another at MVP, then every step written.
func techScript(t *testing.T, p *pack.Pack) []sessiontest.Step {
	s := []sessiontest.Step{
		sessiontest.S("track", session.Select, trackTitle(t, p, "distributed")),
		sessiontest.S("scenario", session.Select, "A ledger API"),
	}
	s = append(s, interviewOpen...)
	for _, sec := range ledgerAnswers {
		switch sec.ID {
		case "assumptions", "mvp":
			s = append(s, sessiontest.S("hint."+sec.ID+".0", session.Confirm, session.Yes), sessiontest.S("hint."+sec.ID+".1", session.Confirm, session.No))
		default:
			s = append(s, sessiontest.S("hint."+sec.ID+".0", session.Confirm, session.No))
		}
		s = append(s, sessiontest.S("answer."+sec.ID, session.Text, sec.Text))
	}
	return append(s, ledgerFollowupSteps...)
}

func trackTitle(t *testing.T, p *pack.Pack, id string) string {
	t.Helper()
	for _, tr := range Tracks(p) {
		if tr.ID == id {
			return tr.Title
		}
	}
	t.Fatalf("no track %q", id)
	return ""
}

func (f *fixture) runTech(p prompts.Prompter, opts TechnicalOptions) (*TechnicalOutcome, string, error) {
	env, out := f.Env(p)
	o, err := Technical(env, opts)
	return o, out.String(), err
}

// answerView is an answer file as a test compares it.
type answerView struct {
	Front    map[string]any
	Prompt   string            // the quoted prompt on top
	Sections map[string]string // by heading
}

func (f *fixture) answer(name string) answerView {
	f.T.Helper()
	p, err := f.WS().Practice(name)
	if err != nil {
		f.T.Fatal(err)
	}
	data, err := os.ReadFile(p.Path)
	if err != nil {
		f.T.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(data), "---\n")
	front, _, _ := strings.Cut(rest, "---\n")
	v := answerView{Front: map[string]any{}, Sections: map[string]string{}}
	if err := yaml.Unmarshal([]byte(front), &v.Front); err != nil {
		f.T.Fatal(err)
	}
	for _, line := range strings.Split(p.Body, "\n") {
		if q, ok := strings.CutPrefix(line, "> "); ok {
			v.Prompt = q
		}
	}
	design, _ := f.Pack.Rubric(workspace.KindDesign)
	for _, sec := range ledgerAnswers {
		if text, ok := p.Section(design, sec.ID); ok && text != "" {
			v.Sections[sec.Heading] = text
		}
	}
	return v
}

func designMap(skip ...string) map[string]string {
	m := map[string]string{}
	for _, s := range ledgerAnswers {
		if !slices.Contains(skip, s.ID) {
			m[s.Heading] = s.Text
		}
	}
	return m
}

func ledgerFront(hints []string, timer string) map[string]any {
	steps := []any{}
	for _, h := range hints {
		steps = append(steps, h)
	}
	m := map[string]any{
		"title": "A ledger API", "kind": "design", "panel": "technical",
		"scenario": "ledger-api", "track": "distributed",
		"hints": len(hints), "hint_steps": steps,
		"created": t0, "updated": t0,
	}
	if timer != "" {
		m["timer"] = timer
	}
	return m
}

func TestTechnicalWholeSession(t *testing.T) {
	f := newTechFixture(t)
	o, out, err := f.runTech(sessiontest.Stub(t, techScript(t, f.Pack)...), TechnicalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := answerView{Front: ledgerFront([]string{"assumptions", "mvp"}, ""), Prompt: ledgerScenario.Prompt, Sections: designMap()}
	if diff := cmp.Diff(want, f.answer("ledger-api.md")); diff != "" {
		t.Errorf("answer file (-want +got):\n%s", diff)
	}
	wantOut := &TechnicalOutcome{
		Answer:      storyflow.StoryStatus{Path: filepath.Join(f.Dir, "practice", "ledger-api.md"), Title: "A ledger API", Verdict: "ready"},
		Scenario:    "ledger-api",
		Hints:       []string{"assumptions", "mvp"},
		FactsMissed: []string{"number-1"},
		Followups: []string{
			"What happens to your writes while the Postgres primary fails over?",
			"You wrote: \"An append-only table instead of updating balances in place: no lock on hot accounts, at the cost of summing.\" What would have to be true for the other option to win?",
			"You wrote: \"Postgres rather than a ledger database: the team knows it.\" What does that choice cost you a year from now, and how would you notice?",
		},
	}
	if diff := cmp.Diff(wantOut, o); diff != "" {
		t.Errorf("outcome (-want +got):\n%s", diff)
	}
	// What the candidate reads, in the order it comes.
	sessiontest.SaysInOrder(t, out,
		"Technical Skills Panel",
		"Scenarios",
		"- A ledger API: Design the API that records every payment in a ledger.",
		"Scenario: A ledger API (distributed)",
		"A ledger API · Requirements (step 1 of 7)",
		"  Hint 1 of 3: What happens when the same payment arrives twice?",
		"Hint 2 of 3: Which number decides the storage?",
		"The check of practice/ledger-api.md finds nothing to fix.",
		"Facts you never asked for: 1 of 1.",
		"- writes",
		"A ledger API · follow-up 1 of 3",
		"Reference notes: compare them with your answer Clarifying questions: - Who reads the ledger? MVP: one table, one writer.",
		"Hints taken: 2 of 3.",
		"prep technical --scenario ledger-api",
	)
	// A hint is shown one way, as content show --reveal shows it.
	if strings.Contains(out, "> Hint") || !strings.Contains(out, "\n  Hint 1 of 3: ") {
		t.Errorf("a hint is not shown as \"  Hint 1 of 3: …\":\n%s", out)
	}
	// The figures come only when asked for.
	if strings.Contains(out, "2,000/s") {
		t.Errorf("the scenario's figure is shown without being asked for:\n%s", out)
	}
	// A sketch keeps its lines.
	if !strings.Contains(out, "    checkout -> payments service -> Postgres\n      (one primary)\n") {
		t.Errorf("the architecture sketch lost its lines:\n%s", out)
	}
	if got := f.Snapshot(); len(got) != 1 {
		t.Errorf("files left: %v, want only the answer", sessiontest.Keys(got))
	}
	if _, err := os.Stat(filepath.Join(f.Dir, "stories")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stories/ was touched: %v", err)
	}
}

// Hints run out: once all are taken, no step offers one.
func TestTechnicalHintsRunOut(t *testing.T) {
	f := newTechFixture(t)
	script := append(slices.Clone(interviewOpen), sessiontest.S("hint.requirements.0", session.Confirm, session.Yes), sessiontest.S("hint.requirements.1", session.Confirm, session.Yes), sessiontest.S("hint.requirements.2", session.Confirm, session.Yes))
	for _, sec := range ledgerAnswers {
		script = append(script, sessiontest.S("answer."+sec.ID, session.Text, sec.Text))
	}
	script = append(script, ledgerFollowupSteps...)
	o, out, err := f.runTech(sessiontest.Stub(t, script...), TechnicalOptions{Scenario: "ledger-api"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"requirements", "requirements", "requirements"}, o.Hints); diff != "" {
		t.Errorf("hints (-want +got):\n%s", diff)
	}
	if !strings.Contains(out, "Hint 3 of 3: How would you prove no money was lost?") {
		t.Errorf("third hint not shown:\n%s", out)
	}
	if got := f.answer("ledger-api.md").Front["hints"]; got != 3 {
		t.Errorf("front matter hints = %v, want 3", got)
	}
}

// --track asks only for the scenario; a track with one scenario still asks
// which, and the track's guide is shown.
func TestTechnicalTrackFlag(t *testing.T) {
	f := newTechFixture(t)
	p := sessiontest.Stub(t,
		sessiontest.S("scenario", session.Select, "A slow memory leak"),
		sessiontest.S("framing", session.Confirm, session.Yes),
		sessiontest.S("hint.requirements.0", session.Confirm, session.No),
		sessiontest.S("answer.requirements", session.Text, ledgerAnswers[0].Text),
		sessiontest.S("hint.assumptions.0", session.Confirm, session.No),
	)
	p.ExpectInterrupt("answer.assumptions")
	_, out, err := f.runTech(p, TechnicalOptions{Track: "debugging"})
	if !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	g, _ := f.Pack.Panels[slices.IndexFunc(f.Pack.Panels, func(p pack.Panel) bool { return p.ID == "technical" })].Guide("track_debugging")
	if !strings.Contains(out, text.CleanLine(g.Title)) {
		t.Errorf("the track's guide %q is not shown:\n%s", g.Title, out)
	}
	// The framing, taken, is shown before the scenario.
	sessiontest.SaysInOrder(t, out, "Before you start, how this panel works", "Hints are part of the session", "Scenario: A slow memory leak")
	if got := f.answer("memory-leak.md"); got.Front["track"] != "debugging" || got.Sections["Requirements"] != ledgerAnswers[0].Text {
		t.Errorf("answer = %+v", got)
	}
}

func TestTechnicalFlagsRefused(t *testing.T) {
	p := techPack(t)
	for _, tc := range []struct{ track, scenario, want string }{
		{"backend", "", `--track "backend": not a track of the content pack; use one of distributed, frontend, debugging`},
		{"", "nope", `--scenario "nope": no Technical Skills scenario has that id`},
		{"distributed", "memory-leak", `--scenario "memory-leak" is in track debugging, not distributed`},
	} {
		pk := p
		if tc.track == "backend" {
			pk = sessiontest.Pack(t) // every built-in track
		}
		err := CheckTechnicalFlags(pk, tc.track, tc.scenario)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("CheckTechnicalFlags(%q, %q) = %v, want %q…", tc.track, tc.scenario, err, tc.want)
		}
	}
	if err := CheckTechnicalFlags(p, "debugging", "memory-leak"); err != nil {
		t.Errorf("a matching track and scenario: %v", err)
	}
}

// The built-in pack has the three tracks, in the order of their guides,
// each with at least four scenarios that have hints and notes.
func TestTechnicalBuiltInTracks(t *testing.T) {
	var got []string
	for _, tr := range Tracks(sessiontest.Pack(t)) {
		got = append(got, tr.ID)
		if tr.Guide == nil || len(tr.Scenarios) < 4 {
			t.Errorf("track %s: guide %v, %d scenarios; want a guide and at least 4", tr.ID, tr.Guide != nil, len(tr.Scenarios))
		}
		for _, e := range tr.Scenarios {
			if len(e.Hints) < 2 || e.Notes == "" || len(e.AllFacts()) == 0 {
				t.Errorf("scenario %s: %d hints, %d facts, notes %v", e.ID, len(e.Hints), len(e.AllFacts()), e.Notes != "")
			}
		}
	}
	if diff := cmp.Diff([]string{"distributed", "frontend", "debugging"}, got); diff != "" {
		t.Errorf("tracks (-want +got):\n%s", diff)
	}
}

// Stopped at any prompt, the next run resumes there and ends with the
// same file as a session never stopped.
func TestTechnicalResumeAtEveryPrompt(t *testing.T) {
	pk := techPack(t)
	sessiontest.ResumeAtEveryPrompt(t, sessiontest.Resume{
		Script: techScript(t, pk),
		Run: func(f *sessiontest.Fixture, p prompts.Prompter) (string, error) {
			_, out, err := (&fixture{f}).runTech(p, TechnicalOptions{})
			return out, err
		},
		Fixture: func(t *testing.T) *sessiontest.Fixture { return newTechFixture(t).Fixture },
		// Once the scenario is chosen its session resumes.
		Offered: func(k int) bool { return k >= 2 },
		Every:   4,
		Check: func(t *testing.T, stop sessiontest.Step, out string) {
			// A hint taken before the stop is shown again with its step.
			if (stop.ID == "hint.mvp.1" || stop.ID == "answer.mvp") && !strings.Contains(out, "Hint 2 of 3: Which number decides the storage?") {
				t.Errorf("the hint taken before the stop is not shown again:\n%s", out)
			}
		},
	})
}

func TestTechnicalResumeSaysWhere(t *testing.T) {
	f := newTechFixture(t)
	script := techScript(t, f.Pack)
	k := sessiontest.IndexOf(t, script, "answer.mvp")
	p := sessiontest.Stub(t, script[:k]...)
	p.ExpectInterrupt("answer.mvp")
	f.runTech(p, TechnicalOptions{})
	p = prompttest.New(t)
	p.ExpectInterrupt("resume")
	f.runTech(p, TechnicalOptions{})
	want := `You stopped at "A ledger API", MVP. Resume there, or start over (your files are kept)?`
	if asked := p.Asked(); len(asked) != 1 || asked[0].Message != want {
		t.Errorf("resume question = %+v, want message %q", asked, want)
	}
}

// Starting over chooses again; the same scenario offers what the answer
// file holds, and the hints start again from none.
func TestTechnicalStartOver(t *testing.T) {
	f := newTechFixture(t)
	script := techScript(t, f.Pack)
	k := sessiontest.IndexOf(t, script, "answer.tradeoffs")
	p := sessiontest.Stub(t, script[:k]...)
	p.ExpectInterrupt("answer.tradeoffs")
	f.runTech(p, TechnicalOptions{})

	p = prompttest.New(t)
	p.ExpectSelect("resume", "Start over")
	p.ExpectSelect("track", trackTitle(t, f.Pack, "distributed"))
	p.ExpectSelect("scenario", "A ledger API")
	p.ExpectConfirm("framing", false)
	p.ExpectInput("ask.0", "")
	for _, sec := range ledgerAnswers {
		p.ExpectConfirm("hint."+sec.ID+".0", false)
		c := p.ExpectText("answer."+sec.ID, sec.Text)
		if sec.ID == "requirements" {
			c.WantDefault(sec.Text)
		}
		if sec.ID == "tradeoffs" {
			c.WantDefault("")
		}
	}
	for _, s := range ledgerFollowupSteps {
		s.Expect(p)
	}
	o, _, err := f.runTech(p, TechnicalOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Hints) != 0 || f.answer("ledger-api.md").Front["hints"] != 0 {
		t.Errorf("hints = %v, front matter %v; want none after starting over", o.Hints, f.answer("ledger-api.md").Front["hints"])
	}
}

// slowPrompter is a candidate who takes per to answer each question, on
// the clock the timer reads.
type slowPrompter struct {
	prompts.Prompter
	now *time.Time
	per time.Duration
}

// Input takes no time: a question for the interviewer is quick, and the
// steps' times stay round.
func (s slowPrompter) Input(q prompts.Question) (string, error) {
	return s.Prompter.Input(q)
}

func (s slowPrompter) Text(q prompts.Question) (string, error) {
	*s.now = s.now.Add(s.per)
	return s.Prompter.Text(q)
}

func (s slowPrompter) Select(q prompts.Question, o []string, d int) (int, error) {
	*s.now = s.now.Add(s.per)
	return s.Prompter.Select(q, o, d)
}

func (s slowPrompter) Confirm(q prompts.Question, d bool) (bool, error) {
	*s.now = s.now.Add(s.per)
	return s.Prompter.Confirm(q, d)
}

// The timer: the split up front, the time left before each step going
// down, and when it runs out, the offer to go to validation.
func TestTechnicalTimer(t *testing.T) {
	f := newTechFixture(t)
	now := t0
	p := prompttest.New(t)
	p.ExpectConfirm("framing", false)
	p.ExpectInput("ask.0", "")
	// 10 minutes a question: steps start at 0, 20 and 40 minutes, and the
	// fourth finds the time up.
	for _, sec := range ledgerAnswers[:3] {
		p.ExpectConfirm("hint."+sec.ID+".0", false)
		p.ExpectText("answer."+sec.ID, sec.Text)
	}
	p.ExpectSelect("timeup", "Go to Validation")
	p.ExpectConfirm("hint.validation.0", false)
	p.ExpectText("answer.validation", ledgerAnswers[6].Text)
	p.ExpectText("followup.0", "A failover costs seconds of writes.")
	p.ExpectText("followup.1", "Nothing else.")
	sp := slowPrompter{Prompter: p, now: &now, per: 10 * time.Minute}
	o, out, err := f.runTech(sp, TechnicalOptions{Scenario: "ledger-api", Timer: 45 * time.Minute, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	split := `Your 45 min, split the way the panel would spend them:
  Requirements    6 min   done by 6 min
  Assumptions     5 min   done by 11 min
  MVP            10 min   done by 21 min
  Trade-offs      8 min   done by 29 min
  Edge cases      6 min   done by 35 min
  Bottlenecks     6 min   done by 41 min
  Validation      4 min   done by 45 min
`
	if !strings.Contains(out, split) {
		t.Errorf("output lacks the split:\n%s", out)
	}
	sessiontest.SaysInOrder(t, out,
		"- 45 min left of 45 min; the split gives Requirements about 6 min.",
		"- 25 min left of 45 min; the split gives Assumptions about 5 min (you are 14 min behind it).",
		"- 5 min left of 45 min; the split gives MVP about 10 min (you are 29 min behind it).",
		"When time runs out",
		"A ledger API · Trade-offs (step 4 of 7) Time is up after 45 min.",
		"A ledger API · Validation (step 7 of 7)",
		"- Time is up: 25 min over your 45 min.",
		"Time: 90 min of 45 min.",
	)
	if diff := cmp.Diff([]string{"tradeoffs", "edge_cases", "bottlenecks"}, o.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	want := answerView{Front: ledgerFront(nil, "45m"), Prompt: ledgerScenario.Prompt, Sections: designMap("tradeoffs", "edge_cases", "bottlenecks")}
	if diff := cmp.Diff(want, f.answer("ledger-api.md")); diff != "" {
		t.Errorf("answer file (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Trade-offs", "Edge cases", "Bottlenecks"}, o.Answer.Missing); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
}

// A timed session resumed keeps its timer and the time already used; the
// break between the runs does not count.
func TestTechnicalTimerResumes(t *testing.T) {
	f := newTechFixture(t)
	now := t0
	clock := func() time.Time { return now }
	p := prompttest.New(t)
	p.ExpectConfirm("framing", false)
	p.ExpectInput("ask.0", "")
	p.ExpectConfirm("hint.requirements.0", false)
	p.ExpectText("answer.requirements", ledgerAnswers[0].Text)
	p.ExpectInterrupt("hint.assumptions.0")
	sp := slowPrompter{Prompter: p, now: &now, per: 3 * time.Minute}
	if _, _, err := f.runTech(sp, TechnicalOptions{Scenario: "ledger-api", Timer: 30 * time.Minute, Now: clock}); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	now = now.Add(24 * time.Hour)
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Resume")
	p.ExpectInterrupt("hint.assumptions.0")
	_, out, _ := f.runTech(slowPrompter{Prompter: p, now: &now, per: time.Minute}, TechnicalOptions{Now: clock})
	sessiontest.SaysInOrder(t, out, "- 24 min left of 30 min; the split gives Assumptions about 3 min (you are 2 min behind it).")
}

func TestTimerHelpers(t *testing.T) {
	got := []string{sayMinutes(45 * time.Minute), sayMinutes(270 * time.Second), sayMinutes(40 * time.Second), sayRoughly(1430 * time.Second), sayRoughly(100 * time.Second),
		shortDuration(45 * time.Minute), shortDuration(90 * time.Minute), shortDuration(time.Hour), shortDuration(90 * time.Second), shortDuration(20 * time.Second)}
	want := []string{"45 min", "4 min 30 s", "40 s", "24 min", "1 min 40 s", "45m", "1h30m", "1h", "1m30s", "20s"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A 30-minute answer keeps the rubric's proportions in whole minutes
	// that add up to 30.
	f := newTechFixture(t)
	_, r, _ := technicalContent(f.Pack)
	tc := &technical{rubric: r, now: func() time.Time { return t0 }, s: session.Printer(nil)}
	c := tc.startTimer(30 * time.Minute)
	var shares []string
	for i := range r.Sections {
		shares = append(shares, sayMinutes(c.share(i)))
	}
	if diff := cmp.Diff([]string{"4 min", "3 min", "7 min", "5 min", "4 min", "4 min", "3 min"}, shares); diff != "" {
		t.Errorf("30-minute split (-want +got):\n%s", diff)
	}
}

func TestFirstSentence(t *testing.T) {
	for in, want := range map[string]string{
		"Design it. Then scale it.":                                "Design it.",
		"One long sentence with no end that goes on and on and on": "One long sentence with…",
		"Short": "Short",
	} {
		if got := firstSentence(in, 25); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// A company's pack names the company where the session starts, and
// greets its applicants on a fresh start.
func TestTechnicalShowsTheCompany(t *testing.T) {
	f := newTechFixture(t)
	cp := *techPack(t)
	cp.Meta.Company = "Acme"
	cp.Meta.Welcome = "Welcome to Acme's interview prep."
	f.Pack = &cp
	p := prompttest.New(t)
	p.ExpectInterrupt("track")
	_, out, err := f.runTech(p, TechnicalOptions{})
	if !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	if !strings.HasPrefix(out, "Acme · Technical Skills Panel\n") {
		t.Errorf("output starts %q, want the company and the panel", out[:min(len(out), 40)])
	}
	sessiontest.SaysInOrder(t, out, "Welcome to Acme's interview prep.", "What the Technical Skills Panel is")
}
