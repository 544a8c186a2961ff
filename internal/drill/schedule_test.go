package drill

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// bankCards are n trade-off cards from a bank of n.
func bankCards(n int) []Card {
	var out []Card
	for i := range n {
		id := fmt.Sprintf("t%02d", i)
		out = append(out, Card{ID: "tradeoffs/bank/" + id, Deck: Tradeoffs, Source: Source{FromBank, id}, Title: id})
	}
	return out
}

// dueDays says, for each review in order (on day offset, with grade), how
// many days after t0 the card is due next, as the candidate is told.
func TestGradesMoveTheCard(t *testing.T) {
	type review struct {
		day   int
		grade Grade
	}
	tests := []struct {
		name    string
		reviews []review
		want    []int // due day after each review
	}{
		// Well: out for days, then further out each time.
		{"good, then good", []review{{0, Good}, {3, Good}}, []int{3, 14}},
		{"easy", []review{{0, Easy}}, []int{16}},
		// Badly: back the next day, and a lapse resets the interval.
		{"again", []review{{0, Again}}, []int{1}},
		{"hard", []review{{0, Hard}}, []int{2}},
		{"good, then again", []review{{0, Good}, {3, Again}}, []int{3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &Store{}
			var got []int
			for _, r := range tt.reviews {
				s := st.Grade("tradeoffs/bank/x", r.grade, day(r.day))
				got = append(got, Plan{Now: day(r.day)}.NextReview(s).Sub(DayOf(t0)))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("due days (-want +got):\n%s", diff)
			}
		})
	}
}

// A card graded well leaves the round until its day; one graded badly is
// back the next day; the others stay new until a later day lets them in.
func TestDueMovesWithGrades(t *testing.T) {
	cards := bankCards(3)
	st := &Store{}
	plan := Plan{Now: t0, NewPerDay: map[Deck]int{Tradeoffs: 2}}
	if diff := cmp.Diff([]string{cards[0].ID, cards[1].ID}, itemIDs(plan.Due(cards, st))); diff != "" {
		t.Fatalf("due on day 0 (-want +got):\n%s", diff)
	}
	st.Grade(cards[0].ID, Good, t0)
	st.Grade(cards[1].ID, Again, t0)
	due := func(n int) []string {
		return itemIDs(Plan{Now: day(n), NewPerDay: map[Deck]int{Tradeoffs: 2}}.Due(cards, st))
	}
	if got := due(0); len(got) != 0 {
		t.Errorf("due on day 0 after grading = %v; want nothing (the day's two new cards are seen)", got)
	}
	// Day 1: the card graded Again, then the third, new.
	if diff := cmp.Diff([]string{cards[1].ID, cards[2].ID}, due(1)); diff != "" {
		t.Errorf("due on day 1 (-want +got):\n%s", diff)
	}
	if got := due(2); len(got) != 2 || got[0] != cards[1].ID {
		t.Errorf("due on day 2 = %v; want the card graded Again first, overdue", got)
	}
	st.Grade(cards[1].ID, Good, day(2))
	st.Grade(cards[2].ID, Good, day(2))
	if diff := cmp.Diff([]string{cards[0].ID}, due(3)); diff != "" {
		t.Errorf("due on day 3 (-want +got):\n%s", diff)
	}
	next, ok := Plan{Now: day(3)}.NextDue(cards, st)
	if !ok || next.Sub(DayOf(t0)) != 5 {
		t.Errorf("next due after day 3 = %v, %v; want day 5", next, ok)
	}
}

// With an interview date, new cards are spread over the days left so that
// every card is seen before it, even at a low daily share.
func TestCramSeesEveryCardBeforeTheInterview(t *testing.T) {
	cards := bankCards(12)
	interview := time.Date(2026, 1, 6, 0, 0, 0, 0, time.Local) // day 4
	run := func(iv time.Time) (*Store, []int) {
		st := &Store{}
		var perDay []int
		for d := 0; d < 4; d++ {
			plan := Plan{Now: day(d), Interview: iv, NewPerDay: map[Deck]int{Tradeoffs: 2}}
			fresh := 0
			for _, it := range plan.Due(cards, st) {
				if it.New() {
					fresh++
				}
				st.Grade(it.Card.ID, Good, day(d))
			}
			perDay = append(perDay, fresh)
		}
		return st, perDay
	}
	st, perDay := run(interview)
	if diff := cmp.Diff([]int{3, 3, 3, 3}, perDay); diff != "" {
		t.Errorf("new cards a day before the interview (-want +got):\n%s", diff)
	}
	for _, c := range cards {
		if st.Cards[c.ID] == nil {
			t.Errorf("%s not seen before the interview", c.ID)
		}
	}
	if n, _ := (Plan{Now: t0, Interview: interview}).DaysLeft(); n != 4 {
		t.Errorf("days left = %d, want 4", n)
	}
	_, perDay = run(time.Time{})
	if diff := cmp.Diff([]int{2, 2, 2, 2}, perDay); diff != "" {
		t.Errorf("new cards a day without an interview (-want +got):\n%s", diff)
	}
}

// A review FSRS puts after the interview is pulled in to the day before
// it, once: not when the card was reviewed that day already, and not once
// the interview is past.
func TestCramPullsReviewsIn(t *testing.T) {
	interview := time.Date(2026, 1, 8, 0, 0, 0, 0, time.Local) // day 6
	st := &Store{}
	s := st.Grade("tradeoffs/bank/a", Easy, t0) // FSRS: day 16
	plan := func(n int) Plan { return Plan{Now: day(n), Interview: interview} }
	if got := plan(0).NextReview(s).Sub(DayOf(t0)); got != 5 {
		t.Errorf("next review = day %d, want 5 (the day before the interview)", got)
	}
	items := plan(5).Due([]Card{{ID: "tradeoffs/bank/a", Deck: Tradeoffs}}, st)
	if len(items) != 1 || !items[0].Pulled {
		t.Errorf("due on the day before = %+v, want the card, pulled in", items)
	}
	s = st.Grade("tradeoffs/bank/a", Good, day(5))
	if got := plan(5).NextReview(s).Sub(DayOf(t0)); got <= 6 {
		t.Errorf("reviewed the day before, next review = day %d; want FSRS's own, after the interview", got)
	}
	if got := plan(7).NextReview(*st.Cards["tradeoffs/bank/a"]); got.Sub(DayOf(t0)) <= 6 {
		t.Errorf("after the interview, next review = %v; want FSRS's own", got)
	}
}

// Editing a story keeps the progress of every decision whose sentence did
// not change: the card's id is the story and the sentence's words.
func TestStoryEditsKeepProgress(t *testing.T) {
	ws := openWS(t)
	p := testPack(t)
	saveStory(t, ws, "Ledger", 1, ledgerBody)
	src := Sources{Pack: p, Stories: stories(t, ws)}
	before := DeckCards(src, Tradeoffs)
	var own []Card
	for _, c := range before {
		if c.Source.Kind == FromStory {
			own = append(own, c)
		}
	}
	var sentences []string
	for _, c := range own {
		sentences = append(sentences, c.Section+": "+c.Sentence)
	}
	want := []string{
		"tradeoffs: I chose an outbox and Kafka rather than sharding the balances table, because sharding was risky.",
		"tradeoffs: We ruled out an in-memory queue, since a crash would lose entries.",
		"architecture: An outbox table written in the same transaction as the order feeds a relay to Kafka.",
	}
	if diff := cmp.Diff(want, sentences); diff != "" {
		t.Fatalf("decisions (-want +got):\n%s", diff)
	}
	st := &Store{}
	for _, c := range own {
		st.Grade(c.ID, Good, t0)
	}

	// The candidate rewords the second decision, fixes the case and the
	// line breaks of the first, and adds a paragraph.
	story := stories(t, ws)[0]
	edited := ledgerBody
	edited = replace(t, edited, "I chose an outbox and Kafka rather than sharding the balances table, because sharding was risky.",
		"I chose an **outbox** and Kafka rather than sharding the balances table,\nbecause Sharding was risky!")
	edited = replace(t, edited, "We ruled out an in-memory queue, since a crash would lose entries.",
		"We ruled out Redis streams, since nobody on the team could run them.")
	edited = replace(t, edited, "## Architecture\n", "## Architecture\n\nIt started as a single relay process on one host.\n")
	star, _ := p.Rubric(storyKind)
	if err := ws.SetSection(&story, star, "tradeoffs", sectionOf(edited, "Trade-offs")); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetSection(&story, star, "architecture", sectionOf(edited, "Architecture")); err != nil {
		t.Fatal(err)
	}
	after := DeckCards(Sources{Pack: p, Stories: stories(t, ws)}, Tradeoffs)
	type standing struct {
		Sentence string
		Seen     bool
	}
	var got []standing
	for _, c := range after {
		if c.Source.Kind == FromStory {
			got = append(got, standing{c.Sentence, st.Cards[c.ID] != nil})
		}
	}
	wantAfter := []standing{
		{"I chose an outbox and Kafka rather than sharding the balances table, because Sharding was risky!", true},
		{"We ruled out Redis streams, since nobody on the team could run them.", false},
		{"It started as a single relay process on one host.", false},
		{"An outbox table written in the same transaction as the order feeds a relay to Kafka.", true},
	}
	if diff := cmp.Diff(wantAfter, got); diff != "" {
		t.Errorf("after the edit (-want +got):\n%s", diff)
	}
	// The reworded decision is new today; the kept ones are not due.
	due := Plan{Now: t0}.Due(after, st)
	for _, it := range due {
		if it.Card.Source.Kind == FromStory && !it.New() {
			t.Errorf("%q is due again on the day it was graded Good", it.Card.Sentence)
		}
	}
}

func replace(t *testing.T, s, old, new string) string {
	t.Helper()
	i := indexOf(s, old)
	if i < 0 {
		t.Fatalf("%q not in the text", old)
	}
	return s[:i] + new + s[i+len(old):]
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// sectionOf is the text under "## title" in body.
func sectionOf(body, title string) string {
	start := indexOf(body, "## "+title+"\n")
	rest := body[start+len(title)+4:]
	if end := indexOf(rest, "\n## "); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// Every deck's cards, in the order new ones are introduced: the stories'
// own first, then the bank's; scale and follow-up cards only for featured
// stories.
func TestCards(t *testing.T) {
	ws := openWS(t)
	saveStory(t, ws, "Ledger", 1, ledgerBody)
	saveStory(t, ws, "Side project", 0, ledgerBody)
	cards := Cards(Sources{Pack: testPack(t), Stories: stories(t, ws), Choose: chooseAll})
	want := []string{
		"tradeoffs/story/ledger/" + SentenceHash("I chose an outbox and Kafka rather than sharding the balances table, because sharding was risky."),
		"tradeoffs/story/ledger/" + SentenceHash("We ruled out an in-memory queue, since a crash would lose entries."),
		"tradeoffs/story/ledger/" + SentenceHash("An outbox table written in the same transaction as the order feeds a relay to Kafka."),
		"tradeoffs/story/side-project/" + SentenceHash("I chose an outbox and Kafka rather than sharding the balances table, because sharding was risky."),
		"tradeoffs/story/side-project/" + SentenceHash("We ruled out an in-memory queue, since a crash would lose entries."),
		"tradeoffs/story/side-project/" + SentenceHash("An outbox table written in the same transaction as the order feeds a relay to Kafka."),
		"tradeoffs/bank/queue-or-call",
		"tradeoffs/bank/push-or-pull",
		"scale/story/ledger",
		"scale/bank/rate-limiter",
		"followups/ledger/why-db",
		"followups/ledger/second-best",
	}
	if diff := cmp.Diff(want, ids(cards)); diff != "" {
		t.Errorf("cards (-want +got):\n%s", diff)
	}
	if got := Cards(Sources{Pack: testPack(t), Stories: stories(t, ws)}); len(got) != 10 {
		t.Errorf("without a chooser, %d cards; want no follow-up cards", len(got))
	}
}

func TestSentences(t *testing.T) {
	got := Sentences("I chose **Postgres**. It ran 2.1 s faster, e.g. on reads!\nNext line\n\n- A list item without a stop\n")
	want := []string{"I chose Postgres.", "It ran 2.1 s faster, e.g. on reads!", "Next line", "- A list item without a stop"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if SentenceHash("I chose **Postgres**, not MySQL.") != SentenceHash("i chose postgres not mysql") {
		t.Error("case, emphasis and punctuation change the hash")
	}
}

func TestCheckTradeoff(t *testing.T) {
	r, ok := testPack(t).Rubric("tradeoff")
	if !ok {
		t.Fatal("no tradeoff rubric")
	}
	missing := func(answer string) []string {
		var out []string
		for _, s := range CheckTradeoff(answer, r) {
			out = append(out, s.ID)
		}
		return out
	}
	tests := []struct {
		answer string
		want   []string
	}{
		{"A queue rather than a direct call, because the caller can wait; the cost is duplicates.", nil},
		{"A queue, because the caller can wait.", []string{"alternatives", "cost"}},
		{"", []string{"alternatives", "reasons", "cost"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, missing(tt.answer)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.answer, diff)
		}
	}
	if got := CheckTradeoff("anything", nil); got != nil {
		t.Errorf("no rubric: %v, want nothing missing", got)
	}
}

func TestStats(t *testing.T) {
	cards := bankCards(3)
	st := &Store{}
	st.Grade(cards[0].ID, Good, day(-8)) // outside the week
	st.Grade(cards[0].ID, Good, day(-5))
	st.Grade(cards[1].ID, Again, day(0))
	st.Grade("tradeoffs/story/gone/abcd1234", Good, day(-1)) // its sentence was deleted
	got := Plan{Now: t0}.Stats(cards, st)
	want := []Stats{
		{Deck: Tradeoffs, Cards: 3, Seen: 2, Due: 1, Done: 3},
		{Deck: Scale},
		{Deck: Followups},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}
