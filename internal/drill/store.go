package drill

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/workspace"
)

// StoreFile is the drill store, in the workspace.
const StoreFile = "drills.yaml"

// keepReviews is how long the review log keeps an entry: long enough for
// any "done lately" figure, short enough that the file stays small to
// read and to diff.
const keepReviews = 60 * 24 * time.Hour

// Grade is the candidate's own grade of its recall, as FSRS takes it.
type Grade int

// The four grades.
const (
	Again Grade = iota + 1 // not recalled
	Hard                   // recalled, with real effort or gaps
	Good                   // recalled after some thought
	Easy                   // recalled at once
)

// Grades lists the grades in order.
var Grades = []Grade{Again, Hard, Good, Easy}

var gradeNames = lazy.Value[map[Grade]string]{F: func() map[Grade]string {
	return map[Grade]string{Again: "again", Hard: "hard", Good: "good", Easy: "easy"}
}}

// String is the grade's name as the store writes it: "good".
func (g Grade) String() string {
	if n, ok := gradeNames.Get()[g]; ok {
		return n
	}
	return "grade " + strconv.Itoa(int(g))
}

// Label is the grade as the candidate picks it: "Good".
func (g Grade) Label() string {
	s := g.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// ParseGrade reads a grade's name, whatever its case.
func ParseGrade(s string) (Grade, bool) {
	for g, n := range gradeNames.Get() {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return g, true
		}
	}
	return 0, false
}

// State is where one card stands in its schedule: FSRS's memory of it and
// when it was first and last reviewed. A card with no State is new.
type State struct {
	Due           time.Time
	Stability     float64 // days for recall to fall to 90%
	Difficulty    float64 // 1 to 10
	ElapsedDays   uint64
	ScheduledDays uint64
	Reps          uint64
	Lapses        uint64 // times graded Again after being learnt
	Phase         string // learning, review or relearning, as FSRS has it
	FirstReview   time.Time
	LastReview    time.Time
}

// Review is one grading, for the log of what was done when.
type Review struct {
	Card  string
	At    time.Time
	Grade Grade
}

// Store is the drill store: every card's schedule by card id, and the log
// of recent reviews.
type Store struct {
	Cards   map[string]*State
	Reviews []Review
}

// The store as drills.yaml holds it.
type storeFile struct {
	Cards   map[string]cardFile `yaml:"cards"`
	Reviews []reviewFile        `yaml:"reviews"`
}

type cardFile struct {
	Due           stamp   `yaml:"due"`
	Phase         string  `yaml:"state"`
	Stability     float64 `yaml:"stability"`
	Difficulty    float64 `yaml:"difficulty"`
	Reps          uint64  `yaml:"reps"`
	Lapses        uint64  `yaml:"lapses"`
	ScheduledDays uint64  `yaml:"scheduled_days"`
	ElapsedDays   uint64  `yaml:"elapsed_days"`
	FirstReview   stamp   `yaml:"first_review"`
	LastReview    stamp   `yaml:"last_review"`
}

type reviewFile struct {
	Card  string `yaml:"card"`
	At    stamp  `yaml:"at"`
	Grade string `yaml:"grade"`
}

const storeKeys = "cards, reviews; in each card due, state, stability, difficulty, reps, lapses, scheduled_days, elapsed_days, first_review, last_review; in each review card, at, grade"

const storeHeader = "# prep's drill schedule: when each card comes back (FSRS), and the reviews\n" +
	"# of the last 60 days. Delete a card's entry to start that card afresh.\n"

// phases are FSRS's states as the store names them; a new card has no
// entry at all.
var phases = lazy.Value[map[fsrs.State]string]{F: func() map[fsrs.State]string {
	return map[fsrs.State]string{fsrs.Learning: "learning", fsrs.Review: "review", fsrs.Relearning: "relearning"}
}}

// Load reads the drill store; a workspace without one has an empty store.
// A file that does not parse is a *workspace.ParseError with the line.
func Load(ws *workspace.Workspace) (*Store, error) {
	data, _, err := ws.ReadFile(StoreFile)
	if err != nil {
		return nil, err
	}
	return parse(ws.Path(StoreFile), data)
}

func parse(path string, data []byte) (*Store, error) {
	var f storeFile
	if err := workspace.DecodeStrict(path, data, &f, storeKeys); err != nil {
		return nil, err
	}
	st := &Store{Cards: map[string]*State{}}
	for id, c := range f.Cards {
		if strings.TrimSpace(id) == "" {
			return nil, &workspace.ParseError{Path: path, Msg: "a card has an empty id; delete that entry"}
		}
		bad := func(what string) error {
			return &workspace.ParseError{Path: path, Msg: fmt.Sprintf("card %q: %s; fix it, or delete the card's entry to start it afresh", id, what)}
		}
		switch {
		case !validPhase(c.Phase):
			return nil, bad(fmt.Sprintf("state %q is not learning, review or relearning", c.Phase))
		case !(c.Stability > 0) || math.IsInf(c.Stability, 0):
			return nil, bad(fmt.Sprintf("stability %v is not a number of days above 0", c.Stability))
		case !(c.Difficulty >= 1 && c.Difficulty <= 10):
			return nil, bad(fmt.Sprintf("difficulty %v is not between 1 and 10", c.Difficulty))
		case c.Due.IsZero() || c.LastReview.IsZero():
			return nil, bad("due and last_review must both be dates")
		}
		first := c.FirstReview.Time
		if first.IsZero() {
			first = c.LastReview.Time
		}
		st.Cards[id] = &State{
			Due: c.Due.Time, Stability: c.Stability, Difficulty: c.Difficulty,
			ElapsedDays: c.ElapsedDays, ScheduledDays: c.ScheduledDays, Reps: c.Reps, Lapses: c.Lapses,
			Phase: c.Phase, FirstReview: first, LastReview: c.LastReview.Time,
		}
	}
	for i, r := range f.Reviews {
		g, ok := ParseGrade(r.Grade)
		if !ok || r.Card == "" || r.At.IsZero() {
			return nil, &workspace.ParseError{Path: path, Msg: fmt.Sprintf("review %d needs a card, a date (at) and a grade of again, hard, good or easy; fix it or delete it", i+1)}
		}
		st.Reviews = append(st.Reviews, Review{Card: r.Card, At: r.At.Time, Grade: g})
	}
	return st, nil
}

func validPhase(p string) bool {
	for _, n := range phases.Get() {
		if p == n {
			return true
		}
	}
	return false
}

// encode writes the store as drills.yaml holds it.
func (st *Store) encode() ([]byte, error) {
	f := storeFile{Cards: map[string]cardFile{}}
	for id, s := range st.Cards {
		f.Cards[id] = cardFile{
			Due: stamp{s.Due}, Phase: s.Phase, Stability: round4(s.Stability), Difficulty: round4(s.Difficulty),
			Reps: s.Reps, Lapses: s.Lapses, ScheduledDays: s.ScheduledDays, ElapsedDays: s.ElapsedDays,
			FirstReview: stamp{s.FirstReview}, LastReview: stamp{s.LastReview},
		}
	}
	for _, r := range st.Reviews {
		f.Reviews = append(f.Reviews, reviewFile{Card: r.Card, At: stamp{r.At}, Grade: r.Grade.String()})
	}
	return workspace.EncodeYAML(storeHeader, f)
}

// round4 keeps the file readable; FSRS loses nothing that matters.
func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// Update changes the drill store under the workspace's lock: it reads the
// store afresh, lets fn change it, and writes it back atomically. A store
// that does not parse is reported and left as it is; an error from fn
// writes nothing.
func Update(ws *workspace.Workspace, fn func(*Store) error) error {
	unlock, err := ws.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	st, err := Load(ws)
	if err != nil {
		return workspace.Refused(err)
	}
	if err := fn(st); err != nil {
		return err
	}
	data, err := st.encode()
	if err != nil {
		return fmt.Errorf("%s: cannot encode the drill schedule: %v; this is a bug in prep, please report it", ws.Path(StoreFile), err)
	}
	return ws.WriteFile(StoreFile, data)
}

// params are FSRS's defaults, with two changes: intervals are whole days
// (no minute-long learning steps, since a round is taken once or twice a
// day, not in one sitting), and no random fuzz, so a schedule is exact
// and testable.
func params() fsrs.Parameters {
	p := fsrs.DefaultParam()
	p.EnableShortTerm = false
	p.EnableFuzz = false
	return p
}

// Grade records the candidate's grade of card id at now and schedules the
// card's next review with FSRS. It returns the card's new state.
//
// Applying a grade is idempotent: the time it was given is its identity.
// A grade given at or before the card's last review is one the store has
// already taken (a round resumed after a kill applies again the grade it
// had recorded, at the time it recorded), and changes nothing.
func (st *Store) Grade(id string, g Grade, now time.Time) State {
	if st.Cards == nil {
		st.Cards = map[string]*State{}
	}
	if g < Again || g > Easy {
		g = Again
	}
	now = now.Round(0).Truncate(time.Second)
	c := fsrs.NewCard()
	old := st.Cards[id]
	if old != nil && !old.LastReview.Before(now) {
		return *old
	}
	if old != nil {
		c = fsrs.Card{
			Due: old.Due, Stability: old.Stability, Difficulty: old.Difficulty,
			ElapsedDays: old.ElapsedDays, ScheduledDays: old.ScheduledDays,
			Reps: old.Reps, Lapses: old.Lapses, State: phaseState(old.Phase), LastReview: old.LastReview,
		}
	}
	// A new scheduler for every review: go-fsrs keeps a seed in its
	// parameters while it works.
	next := fsrs.NewFSRS(params()).Next(c, now, fsrs.Rating(g)).Card
	s := &State{
		Due: next.Due, Stability: next.Stability, Difficulty: next.Difficulty,
		ElapsedDays: next.ElapsedDays, ScheduledDays: next.ScheduledDays, Reps: next.Reps, Lapses: next.Lapses,
		Phase: phases.Get()[next.State], FirstReview: now, LastReview: now,
	}
	if s.Phase == "" {
		s.Phase = phases.Get()[fsrs.Review]
	}
	if old != nil && !old.FirstReview.IsZero() {
		s.FirstReview = old.FirstReview
	}
	st.Cards[id] = s
	st.Reviews = append(st.Reviews, Review{Card: id, At: now, Grade: g})
	kept := st.Reviews[:0]
	for _, r := range st.Reviews {
		if now.Sub(r.At) < keepReviews {
			kept = append(kept, r)
		}
	}
	st.Reviews = kept
	return *s
}

func phaseState(p string) fsrs.State {
	for s, n := range phases.Get() {
		if n == p {
			return s
		}
	}
	return fsrs.Review
}

// stamp is a date in drills.yaml: RFC 3339, or a date typed by hand; a
// bad one is an error with its line.
type stamp struct{ time.Time }

var stampLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

func (t *stamp) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a date like 2026-01-02T15:04:05Z", n.Line)
	}
	if n.Tag == "!!null" || n.Value == "" {
		t.Time = time.Time{}
		return nil
	}
	for _, layout := range stampLayouts {
		if v, err := time.ParseInLocation(layout, n.Value, time.Local); err == nil {
			t.Time = v
			return nil
		}
	}
	return fmt.Errorf("line %d: %q is not a date; write it like 2026-01-02T15:04:05Z", n.Line, n.Value)
}

func (t stamp) MarshalYAML() (any, error) {
	if t.IsZero() {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""}, nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: t.Format(time.RFC3339)}, nil
}
