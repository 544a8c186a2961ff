package drill

import (
	"hash/fnv"
	"slices"
	"time"

	"github.com/prepcli/prep/internal/workspace"
)

// DefaultNewPerDay is how many new cards of each deck a day brings when no
// interview date asks for more: a trade-off card takes a minute, a
// follow-up two, a scale exercise twenty.
func DefaultNewPerDay(d Deck) int {
	switch d {
	case Tradeoffs:
		return 10
	case Followups:
		return 5
	case Scale:
		return 1
	}
	return 0
}

// MaxNewPerDay bounds the new cards of each deck a day brings before an
// interview, so the evening before it is a short set (about an hour's
// practice), not the whole bank: what does not fit waits, the most useful
// cards first (see Plan.Order).
func MaxNewPerDay(d Deck) int {
	switch d {
	case Tradeoffs:
		return 15
	case Followups:
		return 10
	case Scale:
		return 1
	}
	return 0
}

// Plan decides what is due on the day of Now. Days are calendar days in
// Now's location, so a card due at 21:00 is due all that day.
//
// New cards come in the order Order gives: the candidate's own and the
// bank's taken in turn, shuffled afresh each day, so the first evening
// reaches the bank as well as the stories.
//
// With an Interview date still to come, the plan crams: the new cards
// left are spread over the days left (never fewer a day than
// DefaultNewPerDay, never more than MaxNewPerDay, so every card is seen
// before the date when the days allow it), and a review that FSRS puts on
// or after the date is pulled in to the day before it, unless the card
// was already reviewed that day.
type Plan struct {
	Now time.Time
	// Interview is the interview's date (its calendar date counts); zero
	// when there is none.
	Interview time.Time
	// NewPerDay overrides DefaultNewPerDay, by deck.
	NewPerDay map[Deck]int
}

// Day is a calendar date, kept as midnight UTC so days subtract exactly
// whatever the time zone and its daylight saving.
type Day struct{ t time.Time }

// DayOf is t's calendar date in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// Add is the day n days later.
func (d Day) Add(n int) Day { return Day{d.t.AddDate(0, 0, n)} }

// Sub is the number of days from e to d.
func (d Day) Sub(e Day) int { return int(d.t.Sub(e.t).Hours() / 24) }

// Before reports whether d comes before e.
func (d Day) Before(e Day) bool { return d.t.Before(e.t) }

// Equal reports whether d and e are the same day.
func (d Day) Equal(e Day) bool { return d.t.Equal(e.t) }

// IsZero reports the zero Day.
func (d Day) IsZero() bool { return d.t.IsZero() }

// Format formats the day with a time layout.
func (d Day) Format(layout string) string { return d.t.Format(layout) }

// String is the day as 2006-01-02.
func (d Day) String() string { return d.t.Format(time.DateOnly) }

// Today is the plan's day.
func (p Plan) Today() Day { return DayOf(p.Now) }

func (p Plan) day(t time.Time) Day { return DayOf(t.In(p.Now.Location())) }

// InterviewDay is the interview's date, if one is set.
func (p Plan) InterviewDay() (Day, bool) {
	if p.Interview.IsZero() {
		return Day{}, false
	}
	return DayOf(p.Interview), true
}

// DaysLeft is the number of days from today to the interview: 0 on its
// day, negative after it.
func (p Plan) DaysLeft() (int, bool) {
	iv, ok := p.InterviewDay()
	if !ok {
		return 0, false
	}
	return iv.Sub(p.Today()), true
}

// cramming reports whether the interview is still to come.
func (p Plan) cramming() (Day, bool) {
	iv, ok := p.InterviewDay()
	return iv, ok && p.Today().Before(iv)
}

// DueOn is the day a reviewed card is due: FSRS's date, pulled in to the
// day before the interview when it falls on or after it.
func (p Plan) DueOn(s *State) Day {
	due := p.day(s.Due)
	if iv, ok := p.cramming(); ok {
		eve := iv.Add(-1)
		if !due.Before(iv) && p.day(s.LastReview).Before(eve) {
			return eve
		}
	}
	return due
}

// Item is a card and where it stands today.
type Item struct {
	Card  Card
	State *State // nil for a card never reviewed
	Due   Day    // the day it is due; today for a new card let in today
	// Pulled is set for a review brought forward to the day before the
	// interview.
	Pulled bool
}

// New reports whether the card was never reviewed.
func (it Item) New() bool { return it.State == nil }

// Due lists the cards due today, in the order a round takes them: the
// reviews, longest overdue first, then the new cards today lets in, in
// the order of cards. Cards of the store that are not in cards (a
// decision since deleted from its story) are left alone.
func (p Plan) Due(cards []Card, st *Store) []Item {
	today := p.Today()
	var reviews, fresh []Item
	quota := p.newQuota(cards, st)
	for _, c := range cards {
		s := st.state(c.ID)
		if s == nil {
			continue
		}
		due := p.DueOn(s)
		if !today.Before(due) {
			reviews = append(reviews, Item{Card: c, State: s, Due: due, Pulled: !due.Equal(p.day(s.Due))})
		}
	}
	for _, c := range p.Order(cards) {
		if st.state(c.ID) == nil && quota[c.Deck] > 0 {
			quota[c.Deck]--
			fresh = append(fresh, Item{Card: c, Due: today})
		}
	}
	slices.SortStableFunc(reviews, func(a, b Item) int { return a.Due.Sub(b.Due) })
	return append(reviews, fresh...)
}

// Ahead lists the cards not due today, for practice ahead of schedule:
// the new cards today's share left out, in Order, then the reviews still
// to come, soonest first. Grading one schedules it as any grade does.
func (p Plan) Ahead(cards []Card, st *Store) []Item {
	today := p.Today()
	due := map[string]bool{}
	for _, it := range p.Due(cards, st) {
		due[it.Card.ID] = true
	}
	var fresh, later []Item
	for _, c := range p.Order(cards) {
		if due[c.ID] {
			continue
		}
		if s := st.state(c.ID); s == nil {
			fresh = append(fresh, Item{Card: c, Due: today.Add(1)})
		} else {
			later = append(later, Item{Card: c, State: s, Due: p.DueOn(s)})
		}
	}
	slices.SortStableFunc(later, func(a, b Item) int { return a.Due.Sub(b.Due) })
	return append(fresh, later...)
}

// Order is the order new cards come in on the plan's day, deck by deck:
// the candidate's own cards and the bank's taken in turn, so neither
// uses up a day's share. Own cards come by story rank, the top story's
// first, each story's in its order (its decisions as written, its
// follow-ups best fit first); the bank's are shuffled. The shuffle is
// drawn from the plan's
// day (Now, the clock the caller gives): the same all day, so a round
// started again finds the same cards, and another the next day.
func (p Plan) Order(cards []Card) []Card {
	seed := p.Today().String()
	type keyed struct {
		c    Card
		rank int
		key  uint64
	}
	var out []Card
	for _, d := range Decks {
		var own, bank []keyed
		for i, c := range cards {
			if c.Deck != d {
				continue
			}
			k := keyed{c: c, key: shuffleKey(seed, c.ID)}
			if c.Source.Kind == FromStory {
				// A story's own cards in its order: its decisions as
				// written, its follow-ups best fit first.
				k.key = uint64(i)
				k.rank = workspace.MaxRank + 1
				if c.Story != nil && featured(c.Story) {
					k.rank = c.Story.Meta.Rank
				}
				own = append(own, k)
			} else {
				bank = append(bank, k)
			}
		}
		byKey := func(a, b keyed) int {
			if a.rank != b.rank {
				return a.rank - b.rank
			}
			return cmpUint(a.key, b.key)
		}
		slices.SortStableFunc(own, byKey)
		slices.SortStableFunc(bank, byKey)
		for i := 0; i < max(len(own), len(bank)); i++ {
			if i < len(own) {
				out = append(out, own[i].c)
			}
			if i < len(bank) {
				out = append(out, bank[i].c)
			}
		}
	}
	// Cards of no known deck keep their place at the end.
	for _, c := range cards {
		if !slices.Contains(Decks, c.Deck) {
			out = append(out, c)
		}
	}
	return out
}

// shuffleKey places card id in the shuffle of the day seed: FNV-1a of
// both, the same on every machine and in every version of Go.
func shuffleKey(seed, id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(seed))
	h.Write([]byte{0})
	h.Write([]byte(id))
	return h.Sum64()
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// newQuota is how many new cards of each deck today may still bring.
func (p Plan) newQuota(cards []Card, st *Store) map[Deck]int {
	today := p.Today()
	unseen := map[Deck]int{}
	introduced := map[Deck]int{}
	for _, c := range cards {
		s := st.state(c.ID)
		switch {
		case s == nil:
			unseen[c.Deck]++
		case p.day(s.FirstReview).Equal(today):
			introduced[c.Deck]++
		}
	}
	left, cram := 0, false
	if _, ok := p.cramming(); ok {
		left, _ = p.DaysLeft()
		cram = left > 0
	}
	out := map[Deck]int{}
	for _, d := range Decks {
		n := DefaultNewPerDay(d)
		if v, ok := p.NewPerDay[d]; ok {
			n = v
		}
		if cram {
			// Recomputed every day from what is left, so a day missed
			// is made up over the days that remain; but never more than
			// a short evening's set.
			n = max(n, min(ceilDiv(unseen[d]+introduced[d], left), MaxNewPerDay(d)))
		}
		out[d] = max(0, n-introduced[d])
	}
	return out
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

// NextDue is the first day after today on which a card will be due, when
// there is one: the earliest review, or tomorrow while new cards are left
// that today's share did not let in.
func (p Plan) NextDue(cards []Card, st *Store) (Day, bool) {
	today := p.Today()
	var next Day
	found := false
	for _, c := range cards {
		s := st.state(c.ID)
		due := today.Add(1)
		if s != nil {
			due = p.DueOn(s)
		}
		if !today.Before(due) {
			continue // due today already
		}
		if !found || due.Before(next) {
			next, found = due, true
		}
	}
	return next, found
}

// NextReview is the day the card with state s comes back, as the
// candidate is told after grading it.
func (p Plan) NextReview(s State) Day { return p.DueOn(&s) }

// Stats are one deck's figures for prep status.
type Stats struct {
	Deck  Deck
	Cards int // cards the deck has now
	Seen  int // of them, reviewed at least once
	Due   int // due today
	Done  int // reviews in the last 7 days, today included
}

// Stats gives each deck's figures, in deck order.
func (p Plan) Stats(cards []Card, st *Store) []Stats {
	byDeck := map[Deck]*Stats{}
	var out []Stats
	for _, d := range Decks {
		byDeck[d] = &Stats{Deck: d}
	}
	deckOf := map[string]Deck{}
	for _, c := range cards {
		s := byDeck[c.Deck]
		if s == nil {
			continue
		}
		deckOf[c.ID] = c.Deck
		s.Cards++
		if st.state(c.ID) != nil {
			s.Seen++
		}
	}
	for _, it := range p.Due(cards, st) {
		byDeck[it.Card.Deck].Due++
	}
	week := p.Today().Add(-6)
	for _, r := range st.Reviews {
		d, ok := deckOf[r.Card]
		if !ok {
			d = deckFromID(r.Card)
		}
		if s := byDeck[d]; s != nil && !p.day(r.At).Before(week) {
			s.Done++
		}
	}
	for _, d := range Decks {
		out = append(out, *byDeck[d])
	}
	return out
}

// deckFromID is the deck a card id names, for reviews of cards that are
// gone.
func deckFromID(id string) Deck {
	for _, d := range Decks {
		if len(id) > len(d) && id[:len(d)] == string(d) && id[len(d)] == '/' {
			return d
		}
	}
	return ""
}

func (st *Store) state(id string) *State {
	if st == nil {
		return nil
	}
	return st.Cards[id]
}
