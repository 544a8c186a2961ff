package drill

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	drills "github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// drillFixture is a workspace with the ledger story featured, and a pack
// whose trade-off and scale banks are small and fixed.
func drillFixture(t *testing.T) *fixture {
	f := newFixture(t)
	f.Pack.Tradeoffs = []pack.Tradeoff{
		{ID: "queue-or-call", Title: "A queue or a direct call", Options: []string{"Direct call", "Queue"}, Dimensions: []string{"latency", "coupling"}, Notes: "- A queue wins when work can wait.\n- A call wins when the caller needs the answer."},
	}
	f.Pack.Exercises = []pack.Exercise{{
		ID: "rate-limiter", Title: "A rate limiter", Kind: "scale",
		Prompt:       "Every API request checks a limit in Redis. Traffic goes up 100x.",
		Numbers:      []pack.Figure{{Name: "peak requests per second", Value: "20,000"}},
		Architecture: "api -> redis (one primary)\n  INCR per request",
		Hints:        []string{"Count the Redis calls.", "What is hot?"},
		Notes:        "What breaks first: the Redis primary.",
	}}
	body := "\n"
	for _, s := range sessiontest.LedgerSections {
		body += "## " + s.Heading + "\n\n" + s.Text + "\n\n"
	}
	body += "## Follow-ups\n\n- **Why that database and not another?**\n    Postgres, for multi-row transactions.\n"
	f.Write("stories/"+sessiontest.LedgerFile, "---\ntitle: "+sessiontest.LedgerTitle+"\nkind: star\nrank: 1\n---\n"+body)
	return f
}

// fixture is one candidate's workspace (a sessiontest.Fixture), with the
// runs of prep drill on it.
type fixture struct{ *sessiontest.Fixture }

func newFixture(t *testing.T) *fixture { return &fixture{sessiontest.NewFixture(t)} }

func (f *fixture) drill(p prompts.Prompter, opts DrillOptions) (*DrillOutcome, string, error) {
	f.T.Helper()
	return f.drillAt(0, p, opts)
}

// drillAt is drill on a terminal that many columns wide.
func (f *fixture) drillAt(terminal int, p prompts.Prompter, opts DrillOptions) (*DrillOutcome, string, error) {
	f.T.Helper()
	env, out := f.Env(p)
	env.IO.SetTerminalWidth(terminal)
	if opts.Now == nil {
		opts.Now = func() time.Time { return t0 }
	}
	o, err := Drill(env, opts)
	return o, out.String(), err
}

func (f *fixture) store() *drills.Store {
	f.T.Helper()
	st, err := drills.Load(f.WS())
	if err != nil {
		f.T.Fatal(err)
	}
	return st
}

// dueDays is each card's due date in the store, as days after t0.
func (f *fixture) dueDays() map[string]int {
	out := map[string]int{}
	for id, s := range f.store().Cards {
		out[id] = drills.DayOf(s.Due).Sub(drills.DayOf(t0))
	}
	return out
}

var (
	ledgerDecision = "I chose an outbox and Kafka rather than sharding the balances table, because sharding meant a risky data migration eight weeks before the peak."
	ledgerArch     = "An outbox table written in the same transaction as the order, a small relay that publishes outbox rows to Kafka partitioned by merchant, and one consumer per partition applying balance updates in order, so no two writers touch the same balance row in the database."
	decisionCard   = "tradeoffs/story/moving-ledger-writes-off-the-checkout-path/" + drills.SentenceHash(ledgerDecision)
	archCard       = "tradeoffs/story/moving-ledger-writes-off-the-checkout-path/" + drills.SentenceHash(ledgerArch)
)

// tradeoffRound answers the three cards of a trade-off round with
// tradeoffOptions: the story's two decisions and one of the bank's.
func tradeoffRound(t *testing.T) *prompttest.Stub {
	p := prompttest.New(t)
	p.ExpectInput("card.0.answer", "Sharding instead, but the migration was too risky before the peak; the cost was eventual consistency.")
	p.ExpectSelect("card.0.grade", "Good").WantDefaultOption("Good")
	p.ExpectInput("card.1.answer", "A queue rather than a call, because the caller can wait; the cost is duplicates.")
	p.ExpectSelect("card.1.grade", "Easy").WantDefaultOption("Good")
	p.ExpectInput("card.2.answer", "A database trigger.")
	p.ExpectSelect("card.2.grade", "Again").WantDefaultOption("Good")
	return p
}

var tradeoffOptions = DrillOptions{Decks: []drills.Deck{drills.Tradeoffs}, Command: "prep drill tradeoffs"}

// A trade-off round: the story's decisions first, then the bank's; each
// answer checked, compared, graded and scheduled, and kept in the day's
// log.
func TestDrillTradeoffs(t *testing.T) {
	f := drillFixture(t)
	o, out, err := f.drill(tradeoffRound(t), tradeoffOptions)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := map[string]int{decisionCard: 3, archCard: 1, "tradeoffs/bank/queue-or-call": 16}
	if diff := cmp.Diff(want, f.dueDays()); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
	if len(o.Results) != 3 || o.NextDue.Sub(drills.DayOf(t0)) != 1 {
		t.Errorf("outcome = %+v", o)
	}
	log := f.Snapshot()["practice/drills-2026-01-02.md"]
	wantLog := `# Drills on 2026-01-02

## Moving ledger writes off the checkout path
<!-- card: ` + decisionCard + ` -->

**Asked:** You weighed: ` + ledgerDecision + `

**Answer:** Sharding instead, but the migration was too risky before the peak; the cost was eventual consistency.

**Grade:** Good; next review on 2026-01-05

## A queue or a direct call
<!-- card: tradeoffs/bank/queue-or-call -->

**Asked:** A queue or a direct call

**Answer:** A queue rather than a call, because the caller can wait; the cost is duplicates.

**Grade:** Easy; next review on 2026-01-18

## Moving ledger writes off the checkout path
<!-- card: ` + archCard + ` -->

**Asked:** You chose: ` + ledgerArch + `

**Answer:** A database trigger.

**Grade:** Again; next review on 2026-01-03
`
	if diff := cmp.Diff(wantLog, log); diff != "" {
		t.Errorf("practice log (-want +got):\n%s", diff)
	}
	for _, s := range []string{
		"Trade-off recall · 3 cards today (3 new)",
		"Weigh the trade-offs", // the technical panel's guide, once
		"Missing from your answer:\n  - Alternatives: name the options you turned down and why",
		"Your answer has all of: alternatives, reasons, cost.",
		"To compare, your story under Trade-offs\n  I chose an outbox and Kafka",
		"What decides it: latency, coupling.\n  - A queue wins when work can wait.\n  - A call wins",
		"Next review: in 3 days (Mon 5 Jan).",
		"Next review: tomorrow (Sat 3 Jan).",
		"Done: 3 cards (1 Again, 1 Good, 1 Easy).",
		"The next card is due tomorrow (Sat 3 Jan).",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	if strings.Count(out, "Weigh the trade-offs") != 1 {
		t.Errorf("the guide is shown %d times, want once", strings.Count(out, "Weigh the trade-offs"))
	}
	if _, ok := f.Snapshot()["sessions/drill-tradeoffs.yaml"]; ok {
		t.Error("a finished round left its progress behind")
	}
}

// --count bounds a round, and a round with nothing due says when the next
// card is and how far off the interview is.
func TestDrillNothingDue(t *testing.T) {
	f := drillFixture(t)
	p := prompttest.New(t)
	p.ExpectInput("card.0.answer", "x")
	p.ExpectSelect("card.0.grade", "Good")
	opts := DrillOptions{Decks: []drills.Deck{drills.Tradeoffs}, Count: 1, Command: "prep drill tradeoffs"}
	if _, _, err := f.drill(p, opts); err != nil {
		t.Fatal(err)
	}
	// Now with the other two graded, and the interview in 9 days.
	p = prompttest.New(t)
	p.ExpectInput("card.0.answer", "x")
	p.ExpectSelect("card.0.grade", "Good")
	p.ExpectInput("card.1.answer", "x")
	p.ExpectSelect("card.1.grade", "Good")
	opts.Count = 10
	if _, _, err := f.drill(p, opts); err != nil {
		t.Fatal(err)
	}
	opts.Interview = time.Date(2026, 1, 11, 0, 0, 0, 0, time.Local)
	o, out, err := f.drill(prompttest.New(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := "Nothing is due today in trade-off recall. The next card is due in 3 days (Mon 5 Jan).\n9 days to your interview.\n" +
		"Practise ahead: prep drill tradeoffs --ahead (3 cards not due yet).\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
	if o.NextDue.Sub(drills.DayOf(t0)) != 3 {
		t.Errorf("next due = %v", o.NextDue)
	}
	// Ahead of schedule: the cards not due yet, soonest first.
	p = prompttest.New(t)
	p.ExpectInput("card.0.answer", "x")
	p.ExpectInterrupt("card.0.grade")
	opts.Ahead = true
	if _, out, err := f.drill(p, opts); !errors.Is(err, prompts.ErrInterrupted) || !strings.Contains(out, "Trade-off recall · 3 cards today") {
		t.Errorf("--ahead: err = %v, want a round of the 3 cards not due:\n%s", err, out)
	}
}

// Stopped at a prompt, a round keeps what was answered and graded, and
// resumes with the same cards, past the ones graded.
func TestDrillStopAndResume(t *testing.T) {
	f := drillFixture(t)
	p := prompttest.New(t)
	p.ExpectInput("card.0.answer", "Sharding, too risky; cost: eventual consistency.")
	p.ExpectSelect("card.0.grade", "Hard")
	p.ExpectInput("card.1.answer", "A trigger instead, because it was simpler; cost: coupling.")
	p.ExpectInterrupt("card.1.grade")
	opts := DrillOptions{Decks: []drills.Deck{drills.Tradeoffs}}
	if _, _, err := f.drill(p, opts); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v, want interrupted", err)
	}
	if diff := cmp.Diff(map[string]int{decisionCard: 2}, f.dueDays()); diff != "" {
		t.Errorf("schedule after the stop (-want +got):\n%s", diff)
	}
	if !strings.Contains(f.Snapshot()["practice/drills-2026-01-02.md"], "**Answer:** A trigger instead") {
		t.Error("the answer given before the stop is not in the log")
	}
	// The same three cards: the graded one is passed over.
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Resume")
	// The answer given before the stop still decides the grade offered.
	p.ExpectSelect("card.1.grade", "Good").WantDefaultOption("Good")
	p.ExpectInput("card.2.answer", "A queue.")
	p.ExpectSelect("card.2.grade", "Good")
	o, out, err := f.drill(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	// The summary is the whole round's, the card graded before the stop
	// included.
	if !strings.Contains(out, "Done: 3 cards (1 Hard, 2 Good), 1 of them before you stopped.") || len(o.Results) != 3 {
		t.Errorf("the summary leaves out the card graded before the stop (%d results):\n%s", len(o.Results), out)
	}
	if !strings.Contains(out, "Card 2 of 3 · Trade-off recall · A queue or a direct call\n\n  Missing from your answer") {
		t.Errorf("the resumed card does not say what it is before its check:\n%s", out)
	}
	if got := len(f.dueDays()); got != 3 {
		t.Errorf("%d cards scheduled, want 3", got)
	}
}

// Follow-up cards are the bank's questions that fit a featured story. An
// answer is practice: it goes to the day's log, next to the story's
// prepared answer to compare with, and the story changes only when the
// candidate says so (card.K.keep), the answer it replaces kept in the log.
func TestDrillFollowups(t *testing.T) {
	f := drillFixture(t)
	prepared := "- **Why that database and not another?**\n    Postgres, for multi-row transactions."
	p := prompttest.New(t)
	p.ExpectInput("card.0.answer", "Postgres, because the ledger needed transactions across rows.").WantDefault("")
	p.ExpectSelect("card.0.grade", "Good")
	p.ExpectConfirm("card.0.keep", false)
	p.ExpectInput("card.1.answer", "Kafka gave ordering per merchant.")
	p.ExpectSelect("card.1.grade", "Hard")
	p.ExpectConfirm("card.1.keep", false)
	_, out, err := f.drill(p, DrillOptions{Decks: []drills.Deck{drills.Followups}, Count: 2})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if diff := cmp.Diff(prepared, f.followups()); diff != "" {
		t.Errorf("the drill changed the story's Follow-ups (-want +got):\n%s", diff)
	}
	log := f.Snapshot()["practice/drills-2026-01-02.md"]
	for _, s := range []string{"**Answer:** Postgres, because the ledger needed transactions across rows.", "**Answer:** Kafka gave ordering per merchant."} {
		if !strings.Contains(log, s) {
			t.Errorf("the log lacks %q:\n%s", s, log)
		}
	}
	if strings.Contains(log, "Earlier answer") {
		t.Errorf("the log says an answer was replaced:\n%s", log)
	}
	for _, s := range []string{
		"Rehearsing the follow-ups",
		"Card 1 of 2 · Follow-up rehearsal · Moving ledger writes off the checkout path\n  - What they are testing",
		"What they are testing: Whether the choice came from the access patterns.",
		"Your prepared answer, in your story\n  Postgres, for multi-row transactions.",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	if diff := cmp.Diff(map[string]int{
		"followups/moving-ledger-writes-off-the-checkout-path/why-db":    3,
		"followups/moving-ledger-writes-off-the-checkout-path/why-queue": 2,
	}, f.dueDays()); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}

	// Said so: the answer replaces the prepared one, which goes to the
	// log first.
	f = drillFixture(t)
	p = prompttest.New(t)
	p.ExpectInput("card.0.answer", "Postgres, because the ledger needed transactions across rows.")
	p.ExpectSelect("card.0.grade", "Good")
	p.ExpectConfirm("card.0.keep", true)
	p.ExpectInput("card.1.answer", "Kafka gave ordering per merchant.")
	p.ExpectSelect("card.1.grade", "Hard")
	p.ExpectConfirm("card.1.keep", false)
	if _, out, err = f.drill(p, DrillOptions{Decks: []drills.Deck{drills.Followups}, Count: 2}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := "- **Why that database and not another?**\n    Postgres, because the ledger needed transactions across rows."
	if diff := cmp.Diff(want, f.followups()); diff != "" {
		t.Errorf("Follow-ups (-want +got):\n%s", diff)
	}
	if log := f.Snapshot()["practice/drills-2026-01-02.md"]; !strings.Contains(log, "**Earlier answer:** Postgres, for multi-row transactions.") {
		t.Errorf("the replaced answer is not kept in the log:\n%s", log)
	}
	if !strings.Contains(out, "Kept in your story; the answer it replaces is in practice/drills-2026-01-02.md.") {
		t.Errorf("output:\n%s", out)
	}
}

// A blank answer is a card not recalled: the grade starts on Again, so
// one Enter brings the card back tomorrow rather than in days.
func TestDrillBlankRecallOffersAgain(t *testing.T) {
	for _, deck := range []drills.Deck{drills.Tradeoffs, drills.Followups} {
		t.Run(string(deck), func(t *testing.T) {
			f := drillFixture(t)
			p := prompttest.New(t)
			p.ExpectInput("card.0.answer", "  ")
			p.ExpectSelect("card.0.grade", "Again").WantDefaultOption("Again")
			if _, out, err := f.drill(p, DrillOptions{Decks: []drills.Deck{deck}, Count: 1}); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
		})
	}
}

// followups is the ledger story's Follow-ups section.
func (f *fixture) followups() string {
	f.T.Helper()
	for _, s := range f.Stories() {
		if s.File == sessiontest.LedgerFile {
			return s.Sections["Follow-ups"]
		}
	}
	f.T.Fatal("no ledger story")
	return ""
}

func TestDrillFollowupsWithoutStories(t *testing.T) {
	f := newFixture(t)
	_, out, err := f.drill(prompttest.New(t), DrillOptions{Decks: []drills.Deck{drills.Followups}})
	if err != nil {
		t.Fatal(err)
	}
	want := "You have no featured stories to drill yet: run prep background, or prep story\nnew and then prep story rank, first.\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for name := range f.Snapshot() {
		if name != "sessions/drill-followups.yaml" {
			t.Errorf("wrote %s", name)
		}
	}
}

// scaleRound answers the rate limiter's scale card, taking two hints.
func scaleRound(t *testing.T) *prompttest.Stub {
	p := prompttest.New(t)
	p.ExpectConfirm("card.0.hint.breaks_first.0", true)
	p.ExpectConfirm("card.0.hint.breaks_first.1", false)
	p.ExpectText("card.0.breaks_first", "The Redis primary: every request is an INCR, 20,000 a second today and 2 million at 100x, far past one core.")
	p.ExpectConfirm("card.0.hint.why_designed.0", true)
	p.ExpectText("card.0.why_designed", "It was built for one region and a few thousand requests a second, where one Redis was simple and cheap.")
	p.ExpectText("card.0.bottlenecks", "Redis CPU at about 100,000 operations a second, then the network to it, then hot keys for the biggest tenant.")
	p.ExpectText("card.0.mitigation", "First count locally in each API node and sync every second instead of one INCR per request, then shard keys by tenant; the cost is a little overshoot.")
	p.ExpectText("card.0.validation", "Load test at 100x with replayed traffic; pass when p99 stays under 5 ms and overshoot under 1%.")
	p.ExpectSelect("card.0.grade", "Good").WantDefaultOption("Good")
	return p
}

var scaleOptions = DrillOptions{Decks: []drills.Deck{drills.Scale}, Exercise: "rate-limiter"}

// A scale card: the system today, each section of the scale rubric with
// hints offered one at a time while they last, the answer saved in
// practice/ and checked, the notes, the grade.
func TestDrillScaleExercise(t *testing.T) {
	f := drillFixture(t)
	_, out, err := f.drill(scaleRound(t), scaleOptions)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := f.Snapshot()["practice/scale-rate-limiter-2026-01-02.md"]
	want := `---
title: 'Scale it 100x: A rate limiter'
kind: scale
panel: technical
exercise: rate-limiter
hints: 2
created: 2026-01-02T15:04:05Z
updated: 2026-01-02T15:04:05Z
hint_steps: [breaks_first, why_designed]
---

## What breaks first

The Redis primary: every request is an INCR, 20,000 a second today and 2 million at 100x, far past one core.

## Why it was designed this way

It was built for one region and a few thousand requests a second, where one Redis was simple and cheap.

## Bottlenecks

Redis CPU at about 100,000 operations a second, then the network to it, then hot keys for the biggest tenant.

## Mitigation

First count locally in each API node and sync every second instead of one INCR per request, then shard keys by tenant; the cost is a little overshoot.

## Validation

Load test at 100x with replayed traffic; pass when p99 stays under 5 ms and overshoot under 1%.
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("practice file (-want +got):\n%s", diff)
	}
	for _, s := range []string{
		"Find the bottlenecks", // the technical panel's guide
		"  - peak requests per second: 20,000",
		"Architecture today\n  api -> redis (one primary)\n    INCR per request",
		"  Hint 1: Count the Redis calls.",
		"  Hint 2: What is hot?",
		"The check of practice/scale-rate-limiter-2026-01-02.md finds",
		"Reference notes, to compare with yours\n  What breaks first: the Redis primary.",
		"Next review: in 3 days",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	if diff := cmp.Diff(map[string]int{"scale/bank/rate-limiter": 3}, f.dueDays()); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
}

// --mine drills a featured story's project: shown as its story tells it,
// with no hints and no reference notes.
func TestDrillScaleMine(t *testing.T) {
	f := drillFixture(t)
	p := prompttest.New(t)
	for _, id := range []string{"breaks_first", "why_designed", "bottlenecks", "mitigation", "validation"} {
		p.ExpectText("card.0."+id, "An answer for "+id+".")
	}
	p.ExpectSelect("card.0.grade", "Hard")
	_, out, err := f.drill(p, DrillOptions{Decks: []drills.Deck{drills.Scale}, Mine: true})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := f.Snapshot()["practice/scale-moving-ledger-writes-off-the-checkout-path-2026-01-02.md"]
	if !strings.Contains(got, "story: "+sessiontest.LedgerFile+"\n") || !strings.Contains(got, "## Mitigation\n\nAn answer for mitigation.\n") {
		t.Errorf("practice file:\n%s", got)
	}
	if !strings.Contains(out, "Your project today, as your story tells it: Architecture\n  An outbox table") ||
		strings.Contains(out, "Reference notes") || strings.Contains(out, "Hint") {
		t.Errorf("output:\n%s", out)
	}
	if diff := cmp.Diff(map[string]int{"scale/story/moving-ledger-writes-off-the-checkout-path": 2}, f.dueDays()); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
}

// Bare prep drill: what is due in every deck, the scale exercise last.
func TestDrillEverything(t *testing.T) {
	f := drillFixture(t)
	p := prompttest.New(t)
	p.ExpectInput("card.0.answer", "a")
	p.ExpectSelect("card.0.grade", "Good")
	p.ExpectInput("card.1.answer", "b")
	p.ExpectSelect("card.1.grade", "Good")
	p.ExpectInput("card.2.answer", "c")
	p.ExpectSelect("card.2.grade", "Good")
	p.ExpectInterrupt("card.3.answer")
	_, out, err := f.drill(p, DrillOptions{Count: 4})
	if !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(out, "Drills · 5 cards today (5 new)") || !strings.Contains(out, "Card 4 of 5 · Follow-up rehearsal") {
		t.Errorf("output:\n%s", out)
	}
}

// A card gone while the round was stopped (its sentence deleted) leaves
// its place empty: the next card keeps its id, so no answer given to one
// card is replayed for another.
func TestDrillResumeKeepsPlaces(t *testing.T) {
	f := drillFixture(t)
	p := prompttest.New(t)
	p.ExpectInput("card.0.answer", "An answer to the decision card.")
	p.ExpectInterrupt("card.0.grade")
	opts := DrillOptions{Decks: []drills.Deck{drills.Tradeoffs}}
	if _, _, err := f.drill(p, opts); !errors.Is(err, prompts.ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	story, err := f.WS().Story(sessiontest.LedgerFile)
	if err != nil {
		t.Fatal(err)
	}
	star, _ := f.Pack.Rubric("star")
	if err := f.WS().SetSection(story, star, "tradeoffs", "Too short to count."); err != nil {
		t.Fatal(err)
	}
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Resume")
	p.ExpectInput("card.1.answer", "A queue.").WantDefault("")
	p.ExpectSelect("card.1.grade", "Good")
	p.ExpectInput("card.2.answer", "x").WantDefault("")
	p.ExpectSelect("card.2.grade", "Good")
	if _, out, err := f.drill(p, opts); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if diff := cmp.Diff(map[string]int{archCard: 3, "tradeoffs/bank/queue-or-call": 3}, f.dueDays()); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
}

// A company's pack rewords the trade-off cards' questions and the
// grades' help (its drill block), and the cards ask with its words: a
// sentence of the story that weighs options, a bank card, a choice of the
// story.
func TestDrillAsksThePacksWords(t *testing.T) {
	f := drillFixture(t)
	d := &f.Pack.Meta.Drill
	d.Weighed, d.Tradeoff, d.OwnChoice = "What did you weigh?", "Which would Acme pick?", "Why this one?"
	d.GradeHelp = "Again, Hard, Good or Easy: how it felt."
	p := prompttest.New(t)
	for i := range 3 {
		p.ExpectInput(fmt.Sprintf("card.%d.answer", i), "A queue rather than a call, because the caller can wait; the cost is duplicates.")
		p.ExpectSelect(fmt.Sprintf("card.%d.grade", i), "Good")
	}
	if _, out, err := f.drill(p, DrillOptions{Decks: []drills.Deck{drills.Tradeoffs}, Command: "prep drill tradeoffs"}); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := map[string][2]string{}
	for _, q := range p.Asked() {
		got[q.ID] = [2]string{q.Message, q.Help}
	}
	grade := [2]string{"How well did you recall it?", "Again, Hard, Good or Easy: how it felt."}
	want := map[string][2]string{
		"card.0.answer": {"What did you weigh?", ""}, "card.0.grade": grade,
		"card.1.answer": {"Which would Acme pick?", ""}, "card.1.grade": grade,
		"card.2.answer": {"Why this one?", ""}, "card.2.grade": grade,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("questions asked (-want +got):\n%s", diff)
	}
}
