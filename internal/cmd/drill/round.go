package drill

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	drills "github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// DrillOptions are the flags of prep drill and its subcommands.
type DrillOptions struct {
	// Decks are the decks the round draws from: one for prep drill
	// tradeoffs, scale or followups; all three for bare prep drills.
	Decks []drills.Deck
	// Count is the most trade-off and follow-up cards a round takes;
	// 0 means DefaultDrillCount. A round takes at most one scale card,
	// which is a whole exercise.
	Count int
	// Exercise is prep drill scale --exercise: this bank system, due or
	// not.
	Exercise string
	// Mine is prep drill scale --mine: a featured story's project instead
	// of a bank system.
	Mine bool
	// Ahead is --ahead: practice ahead of schedule. The round takes the
	// cards due, then fills up with cards not due yet (drills.Plan.Ahead):
	// new cards today's share left out, then reviews soonest first.
	Ahead bool
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// Interview is the interview's date; zero when none is set.
	Interview time.Time
	// Command is how the candidate runs this round again: "prep drill
	// scale". It names the progress file too.
	Command string
}

// DefaultDrillCount is the size of a round when --count is not given.
const DefaultDrillCount = 10

// DrillResult is one card graded in a round.
type DrillResult struct {
	Card  string
	Grade drills.Grade
	Next  drills.Day
	// Earlier is set for a card graded before the round stopped and was
	// resumed: the round's summary counts it too.
	Earlier bool
}

// DrillOutcome is what a round leaves behind.
type DrillOutcome struct {
	Results []DrillResult
	// Files are the practice files written, slash-separated in the
	// workspace: the day's drill log, scale answers.
	Files []string
	// NextDue is the first day after today with a card due; zero when no
	// card will ever be due again (every deck empty).
	NextDue drills.Day
}

// DrillSources are what the drills' cards are made from in ws: every story
// that can be read, and the Background session's choice of follow-ups.
// Stories that cannot be read are returned as errors: their cards are
// left out until they are fixed.
func DrillSources(p *pack.Pack, ws *workspace.Workspace) (drills.Sources, []error) {
	stories, errs := ws.Stories()
	return drills.Sources{Pack: p, Stories: stories, Followups: true}, errs
}

// drillName is the progress file of a round: sessions/drills.yaml for bare
// prep drill, sessions/drill-<deck>.yaml for one deck.
func drillName(decks []drills.Deck) string {
	if len(decks) == 1 {
		return "drill-" + string(decks[0])
	}
	return "drill"
}

// deckLabel names a deck in headings.
func deckLabel(d drills.Deck) string {
	switch d {
	case drills.Tradeoffs:
		return "Trade-off recall"
	case drills.Scale:
		return "Scale it 100x"
	case drills.Followups:
		return "Follow-up rehearsal"
	}
	return string(d)
}

// noStories is said when a round needs featured stories and there are none.
func noStories() string {
	return fmt.Sprintf("You have no featured stories to drill yet: run %[1]s background, or %[1]s story new and then %[1]s story rank, first.", progname.Name())
}

type round struct {
	env  session.Env
	s    *session.Session
	ws   *workspace.Workspace
	opts DrillOptions
	plan drills.Plan
	now  time.Time
	out  *DrillOutcome
}

// Drill runs one round of prep drill: the cards due today in the decks
// asked for (or the one exercise asked for), each answered, checked,
// compared and graded, then scheduled. Question ids are "card.K.…", K
// counting the round's cards from 0; see the command's help. A round
// that stopped halfway offers to resume with the same cards.
//
// When the candidate stops at a prompt the error is prompts.ErrInterrupted,
// with every answer and grade given so far saved.
func Drill(env session.Env, opts DrillOptions) (*DrillOutcome, error) {
	if err := env.Check(); err != nil {
		return nil, err
	}
	if len(opts.Decks) == 0 {
		opts.Decks = drills.Decks
	}
	if opts.Count <= 0 {
		opts.Count = DefaultDrillCount
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	if opts.Command == "" {
		opts.Command = progname.Name() + " drill"
	}
	ws := env.Workspace
	s, err := session.Open(ws, drillName(opts.Decks), env.Prompter, env.IO)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	store, err := drills.Load(ws)
	if err != nil {
		return nil, err
	}
	src, errs := DrillSources(env.Pack, ws)
	for _, e := range errs {
		env.IO.Warnf("%s (its cards are left out until it is fixed)", text.CleanLine(e.Error()))
	}
	t := now()
	r := &round{env: env, s: s, ws: ws, opts: opts, now: t, plan: drills.Plan{Now: t, Interview: opts.Interview}, out: &DrillOutcome{}}
	cards, err := r.cards(src)
	if err != nil {
		return nil, err
	}

	// A resumed round keeps its cards in their places, so card.K names
	// the same card as before the stop; one gone since (its story was
	// removed) leaves its place empty.
	var picked []*drills.Card
	if step, ok := s.Stopped(); ok {
		ids, _ := s.Answered("round")
		all := drills.Cards(src)
		resumed, err := s.Resume(r.where(step, all, ids))
		if err != nil {
			return nil, err
		}
		if resumed {
			picked = byIDs(all, ids)
			if opts.Exercise != "" || opts.Mine {
				s.Printf("Resuming the round you stopped; --exercise and --mine apply when you start over.\n")
			}
		}
		if resumed && !slices.ContainsFunc(picked, func(c *drills.Card) bool { return c != nil }) {
			// Nothing of it is left: a new round, from a clean slate.
			if err := r.startOver(); err != nil {
				return nil, err
			}
			picked = nil
		}
	}
	if picked == nil {
		if r.needsStories() && len(cards) == 0 {
			s.Printf("%s\n", s.Wrap(noStories(), "", ""))
			return r.out, s.Finish()
		}
		fresh := r.pick(cards, store)
		if len(fresh) == 0 {
			return r.nothingDue(cards, store)
		}
		ids := make([]string, len(fresh))
		for i := range fresh {
			ids[i] = fresh[i].ID
			picked = append(picked, &fresh[i])
		}
		s.Note("round", strings.Join(ids, ","))
		if err := s.Commit(); err != nil {
			return nil, err
		}
	}
	r.header(picked, store)
	for k, c := range picked {
		if c == nil {
			continue
		}
		if err := r.card(k, len(picked), *c); err != nil {
			return nil, err
		}
	}
	return r.end(cards)
}

// cards are the cards the round may draw from.
func (r *round) cards(src drills.Sources) ([]drills.Card, error) {
	var cards []drills.Card
	for _, d := range r.opts.Decks {
		cards = append(cards, drills.DeckCards(src, d)...)
	}
	scaleOnly := len(r.opts.Decks) == 1 && r.opts.Decks[0] == drills.Scale
	if scaleOnly {
		want := drills.FromBank
		if r.opts.Mine {
			want = drills.FromStory
		}
		cards = slices.DeleteFunc(cards, func(c drills.Card) bool { return c.Source.Kind != want })
	}
	if r.opts.Exercise != "" {
		i := slices.IndexFunc(cards, func(c drills.Card) bool { return c.Exercise != nil && c.Exercise.ID == r.opts.Exercise })
		if i < 0 {
			return nil, fmt.Errorf("--exercise %q: the content pack has no scale exercise of that id; %s content list shows them", r.opts.Exercise, progname.Name())
		}
		return cards[i : i+1], nil
	}
	return cards, nil
}

// pick chooses today's round: the cards due (then, with --ahead, those
// not due yet), at most Count of the trade-off and follow-up decks and at
// most one scale exercise; or the exercise asked for.
func (r *round) pick(cards []drills.Card, store *drills.Store) []drills.Card {
	if r.opts.Exercise != "" {
		return cards
	}
	var out []drills.Card
	quick, scale := 0, 0
	items := r.plan.Due(cards, store)
	if r.opts.Ahead {
		items = append(items, r.plan.Ahead(cards, store)...)
	}
	for _, it := range items {
		if it.Card.Deck == drills.Scale {
			if scale == 0 {
				out = append(out, it.Card)
			}
			scale++
			continue
		}
		if quick < r.opts.Count {
			out = append(out, it.Card)
			quick++
		}
	}
	// The exercise, the longest card, comes last.
	slices.SortStableFunc(out, func(a, b drills.Card) int {
		return boolInt(a.Deck == drills.Scale) - boolInt(b.Deck == drills.Scale)
	})
	return out
}

// needsStories reports a round that draws only on featured stories:
// prep drill followups and prep drill scale --mine.
func (r *round) needsStories() bool {
	return r.opts.Mine || len(r.opts.Decks) == 1 && r.opts.Decks[0] == drills.Followups
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// byIDs finds each card of a round's list, nil where one is gone.
func byIDs(cards []drills.Card, list string) []*drills.Card {
	var out []*drills.Card
	for _, id := range strings.Split(list, ",") {
		var c *drills.Card
		if i := slices.IndexFunc(cards, func(c drills.Card) bool { return c.ID == id }); i >= 0 {
			c = &cards[i]
		}
		out = append(out, c)
	}
	return out
}

// startOver forgets a round's progress, as choosing Start over does.
func (r *round) startOver() error { return r.s.Forget() }

// where describes a step of the round for the resume question.
func (r *round) where(step string, cards []drills.Card, ids string) string {
	picked := byIDs(cards, ids)
	parts := strings.Split(step, ".")
	if len(parts) < 2 || parts[0] != "card" {
		return "the start of a round"
	}
	k, _ := strconv.Atoi(parts[1])
	what := fmt.Sprintf("card %d", k+1)
	if len(picked) > 0 {
		what += " of " + strconv.Itoa(len(picked))
	}
	if k >= 0 && k < len(picked) && picked[k] != nil {
		what += " (" + text.CleanLine(picked[k].Title) + ")"
	}
	return what
}

// header says what the round holds and how long is left before the
// interview.
func (r *round) header(picked []*drills.Card, store *drills.Store) {
	fresh := 0
	for _, c := range picked {
		if c != nil && store.Cards[c.ID] == nil {
			fresh++
		}
	}
	title := "Drills"
	if len(r.opts.Decks) == 1 {
		title = deckLabel(r.opts.Decks[0])
	}
	line := fmt.Sprintf("%s · %s today", title, text.Plural(len(picked), "card"))
	if fresh > 0 {
		line += fmt.Sprintf(" (%d new)", fresh)
	}
	if d := r.interviewLine(); d != "" {
		line += " · " + d
	}
	r.s.Printf("%s\n", line)
	r.s.Printf("%s\n", r.s.Wrap("Answer each card as you would in the room, compare, then grade how well you recalled it: the harder it was, the sooner it comes back.", "", ""))
}

// interviewLine says how far off the interview is; "" with no date.
func (r *round) interviewLine() string {
	n, ok := r.plan.DaysLeft()
	if !ok {
		return ""
	}
	return drills.InterviewPhrase(n)
}

// nothingDue ends a round with nothing to do: when the next card comes,
// and how far off the interview is.
func (r *round) nothingDue(cards []drills.Card, store *drills.Store) (*DrillOutcome, error) {
	what := "Nothing is due today"
	if len(r.opts.Decks) == 1 {
		what += " in " + strings.ToLower(deckLabel(r.opts.Decks[0]))
	}
	if next, ok := r.plan.NextDue(cards, store); ok {
		r.out.NextDue = next
		r.s.Printf("%s. The next card is due %s.\n", what, drills.DayPhrase(next, r.plan.Today()))
	} else {
		r.s.Printf("%s, and no card is waiting.\n", what)
	}
	if d := r.interviewLine(); d != "" {
		r.s.Printf("%s.\n", strings.ToUpper(d[:1])+d[1:])
	}
	r.offerAhead(cards, store)
	if len(r.opts.Decks) == 1 && r.opts.Decks[0] == drills.Scale && !r.opts.Mine {
		r.s.Printf("To practise one anyway: %[1]s drill scale --exercise ID (%[1]s content list shows the ids).\n", progname.Name())
	}
	return r.out, r.s.Finish()
}

// offerAhead says how to practise ahead of schedule when nothing is due
// today and cards are waiting for a later day.
func (r *round) offerAhead(cards []drills.Card, store *drills.Store) {
	if r.opts.Exercise != "" {
		return
	}
	n := len(r.plan.Ahead(cards, store))
	if n == 0 {
		return
	}
	cmd := r.opts.Command
	if r.opts.Mine {
		cmd += " --mine"
	}
	r.s.Printf("%s\n", r.s.Wrap(fmt.Sprintf("Practise ahead: %s --ahead (%s not due yet).", cmd, text.Plural(n, "card")), "", ""))
}

// end sums the round up and says when the next card is due.
func (r *round) end(cards []drills.Card) (*DrillOutcome, error) {
	store, err := drills.Load(r.ws)
	if err != nil {
		return nil, err
	}
	counts := map[drills.Grade]int{}
	earlier := 0
	for _, res := range r.out.Results {
		counts[res.Grade]++
		if res.Earlier {
			earlier++
		}
	}
	var parts []string
	for _, g := range drills.Grades {
		if counts[g] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[g], g.Label()))
		}
	}
	r.s.Printf("\nDone: %s", text.Plural(len(r.out.Results), "card"))
	if len(parts) > 0 {
		r.s.Printf(" (%s)", strings.Join(parts, ", "))
	}
	if earlier > 0 {
		r.s.Printf(", %d of them before you stopped", earlier)
	}
	r.s.Printf(".\n")
	if len(r.out.Files) > 0 {
		r.s.Printf("Your answers are in %s.\n", strings.Join(r.out.Files, " and "))
	}
	if len(r.plan.Due(cards, store)) > 0 {
		r.s.Printf("More cards are due today: run %s again.\n", r.opts.Command)
	} else {
		if next, ok := r.plan.NextDue(cards, store); ok {
			r.out.NextDue = next
			r.s.Printf("The next card is due %s.\n", drills.DayPhrase(next, r.plan.Today()))
		}
		r.offerAhead(cards, store)
	}
	if d := r.interviewLine(); d != "" {
		r.s.Printf("%s.\n", strings.ToUpper(d[:1])+d[1:])
	}
	return r.out, r.s.Finish()
}

func (r *round) addFile(rel string) {
	if !slices.Contains(r.out.Files, rel) {
		r.out.Files = append(r.out.Files, rel)
	}
}
