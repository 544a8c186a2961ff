package drill

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/workspace"
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
	st := &Store{}
	plan := Plan{Now: t0, NewPerDay: map[Deck]int{Tradeoffs: 2}}
	cards := plan.Order(bankCards(3)) // new cards come in the day's order
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
	cards := Cards(Sources{Pack: testPack(t), Stories: stories(t, ws), Followups: true, choose: chooseAll})
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

// A decision that quotes inline code is one card, and one that names an
// option turned down says which words name it, so its card does not call
// it the choice.
func TestDecisionsWithCodeAndRejections(t *testing.T) {
	ws := openWS(t)
	saveStory(t, ws, "Sender", 1, `
## Trade-offs

We ruled out a per-row lock with `+"`SELECT ... FOR UPDATE`"+`, because two replicas of the sender deadlocked under load.
I chose batches of 200 claimed with SKIP LOCKED, e.g. Postgres does it natively, so senders share the table.
`)
	cards := DeckCards(Sources{Pack: testPack(t), Stories: stories(t, ws)}, Tradeoffs)
	var got []string
	for _, c := range cards {
		if c.Source.Kind == FromStory {
			got = append(got, c.Sentence+" | "+c.TurnedDown)
		}
	}
	want := []string{
		"We ruled out a per-row lock with SELECT ... FOR UPDATE, because two replicas of the sender deadlocked under load. | ruled out a",
		"I chose batches of 200 claimed with SKIP LOCKED, e.g. Postgres does it natively, so senders share the table. | ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("story cards (-want +got):\n%s", diff)
	}
}

// New cards come in turns, the candidate's own and the bank's, own cards
// of the top story first and the rest shuffled by the day: the first
// evening reaches the bank however many decisions the stories hold, the
// same day gives the same order, and another day another.
func TestOrderMixesStoriesAndBank(t *testing.T) {
	var cards []Card
	top := &workspace.Story{Meta: workspace.StoryMeta{Title: "Top", Rank: 1}}
	second := &workspace.Story{Meta: workspace.StoryMeta{Title: "Second", Rank: 2}}
	for i := range 12 {
		s := second
		if i%2 == 1 {
			s = top
		}
		cards = append(cards, Card{ID: fmt.Sprintf("tradeoffs/story/%s/%02d", s.Meta.Title, i), Deck: Tradeoffs, Source: Source{FromStory, s.Meta.Title}, Story: s})
	}
	cards = append(cards, bankCards(20)...)
	st := &Store{}
	due := Plan{Now: t0}.Due(cards, st)
	var kinds []string
	for _, it := range due {
		kinds = append(kinds, it.Card.Source.Kind)
		if it.Card.Source.Kind == FromStory && it.Card.Story == second && len(kinds) <= 12 {
			t.Errorf("card %d is the second story's before the top story's are all in: %s", len(kinds), it.Card.ID)
		}
	}
	want := []string{"story", "bank", "story", "bank", "story", "bank", "story", "bank", "story", "bank"}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("the first evening's new cards (-want +got):\n%s", diff)
	}
	again := Plan{Now: t0.Add(8 * time.Hour)}.Due(cards, st)
	if diff := cmp.Diff(itemIDs(due), itemIDs(again)); diff != "" {
		t.Errorf("the same day gives another order (-first +later):\n%s", diff)
	}
	bankOrder := func(n int) []string {
		var out []string
		for _, c := range (Plan{Now: day(n)}).Order(cards) {
			if c.Source.Kind == FromBank {
				out = append(out, c.ID)
			}
		}
		return out
	}
	if cmp.Equal(bankOrder(0), bankOrder(1)) || cmp.Equal(bankOrder(0), ids(bankCards(20))) {
		t.Error("the bank is not shuffled, or not afresh each day")
	}
}

// The evening before the interview is a short set, not every card: at
// most MaxNewPerDay of each deck, the rest left for practice ahead of
// schedule.
func TestEveOfInterviewIsShort(t *testing.T) {
	cards := bankCards(58)
	interview := t0.AddDate(0, 0, 1)
	plan := Plan{Now: t0, Interview: interview}
	due := plan.Due(cards, &Store{})
	if len(due) != MaxNewPerDay(Tradeoffs) {
		t.Errorf("%d cards due the evening before the interview; want %d", len(due), MaxNewPerDay(Tradeoffs))
	}
	ahead := plan.Ahead(cards, &Store{})
	if len(ahead) != 58-len(due) {
		t.Errorf("%d cards ahead of schedule; want the %d left", len(ahead), 58-len(due))
	}
	seen := map[string]bool{}
	for _, it := range append(due, ahead...) {
		if seen[it.Card.ID] {
			t.Errorf("%s both due and ahead", it.Card.ID)
		}
		seen[it.Card.ID] = true
	}
}

// Practice ahead of schedule: once today's cards are done, the new cards
// left and the reviews to come, soonest first.
func TestAhead(t *testing.T) {
	cards := bankCards(4)
	st := &Store{}
	plan := Plan{Now: t0, NewPerDay: map[Deck]int{Tradeoffs: 2}}
	order := plan.Order(cards)
	st.Grade(order[0].ID, Easy, t0)
	st.Grade(order[1].ID, Again, t0)
	if got := plan.Due(cards, st); len(got) != 0 {
		t.Fatalf("due after the day's share = %v", itemIDs(got))
	}
	want := []string{order[2].ID, order[3].ID, order[1].ID, order[0].ID}
	if diff := cmp.Diff(want, itemIDs(plan.Ahead(cards, st))); diff != "" {
		t.Errorf("ahead (-want +got):\n%s", diff)
	}
}

// The first evening with the built-in pack, three featured stories full
// of decisions and the interview tomorrow: a short set that holds the
// top story's cards and the bank's, not every card.
func TestFirstEveningBeforeTheInterview(t *testing.T) {
	p, err := loadPack()
	if err != nil {
		t.Fatal(err)
	}
	ws := openWS(t)
	for i, title := range []string{"Ledger", "Search", "Billing"} {
		saveStory(t, ws, title, i+1, ledgerBody+"\nWe considered a cron job and rejected it, because jobs overlapped.\nWe chose gRPC over REST for the relay, since the schema had to be typed.\n")
	}
	cards := Cards(Sources{Pack: p, Stories: stories(t, ws), Followups: true, choose: chooseAll})
	plan := Plan{Now: t0, Interview: t0.AddDate(0, 0, 1)}
	due := plan.Due(cards, &Store{})
	perDeck := map[Deck]int{}
	bank, top := 0, 0
	for _, it := range due {
		perDeck[it.Card.Deck]++
		if it.Card.Deck == Tradeoffs && it.Card.Source.Kind == FromBank {
			bank++
		}
		if it.Card.Story != nil && it.Card.Story.Meta.Rank == 1 {
			top++
		}
	}
	for d, n := range perDeck {
		if n > MaxNewPerDay(d) {
			t.Errorf("%s: %d cards the evening before; want at most %d", d, n, MaxNewPerDay(d))
		}
	}
	if len(due) >= len(cards) || bank == 0 || top == 0 {
		t.Errorf("%d of %d cards due, %d from the bank, %d from the top story; want a short set with both", len(due), len(cards), bank, top)
	}
}
