package drill

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/workspace"
)

// What Update writes is what Load reads, and the file is one a person
// can read.
func TestStoreRoundTrip(t *testing.T) {
	ws := openWS(t)
	err := Update(ws, func(st *Store) error {
		st.Grade("tradeoffs/bank/queue-or-call", Good, t0)
		st.Grade("scale/bank/rate-limiter", Again, t0)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(ws.Dir(), StoreFile))
	if err != nil {
		t.Fatal(err)
	}
	want := `# prep's drill schedule: when each card comes back (FSRS), and the reviews
# of the last 60 days. Delete a card's entry to start that card afresh.
cards:
  scale/bank/rate-limiter:
    due: 2026-01-03T09:30:00Z
    state: review
    stability: 0.4026
    difficulty: 7.1949
    reps: 1
    lapses: 0
    scheduled_days: 1
    elapsed_days: 0
    first_review: 2026-01-02T09:30:00Z
    last_review: 2026-01-02T09:30:00Z
  tradeoffs/bank/queue-or-call:
    due: 2026-01-05T09:30:00Z
    state: review
    stability: 3.173
    difficulty: 5.2824
    reps: 1
    lapses: 0
    scheduled_days: 3
    elapsed_days: 0
    first_review: 2026-01-02T09:30:00Z
    last_review: 2026-01-02T09:30:00Z
reviews:
  - card: tradeoffs/bank/queue-or-call
    at: 2026-01-02T09:30:00Z
    grade: good
  - card: scale/bank/rate-limiter
    at: 2026-01-02T09:30:00Z
    grade: again
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("drills.yaml (-want +got):\n%s", diff)
	}
	st, err := Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	if got := st.Cards["tradeoffs/bank/queue-or-call"]; got == nil || got.Reps != 1 || !got.Due.Equal(day(3)) {
		t.Errorf("loaded %+v", got)
	}
	// A second review carries on from the first: reps and first review.
	if err := Update(ws, func(st *Store) error { st.Grade("tradeoffs/bank/queue-or-call", Good, day(3)); return nil }); err != nil {
		t.Fatal(err)
	}
	st, _ = Load(ws)
	got := st.Cards["tradeoffs/bank/queue-or-call"]
	if got.Reps != 2 || !got.FirstReview.Equal(t0) || !got.LastReview.Equal(day(3)) || len(st.Reviews) != 3 {
		t.Errorf("after a second review: %+v, %d reviews", got, len(st.Reviews))
	}
}

// A store that does not parse is reported with its line and never
// written over.
func TestBrokenStoreLeftAlone(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"unknown key", "cards:\n  a:\n    due: 2026-01-02\n    sate: review\n", `drills.yaml:4: unknown key "sate"`},
		{"not YAML", "cards: [\n", "drills.yaml:1: not valid YAML"},
		{"bad date", "cards:\n  a:\n    due: soon\n", `drills.yaml:3: not valid YAML: "soon" is not a date`},
		{"bad state", "cards:\n  a:\n    due: 2026-01-02\n    last_review: 2026-01-01\n    state: done\n    stability: 1\n    difficulty: 5\n", `card "a": state "done" is not learning, review or relearning`},
		{"bad grade", "reviews:\n  - card: a\n    at: 2026-01-02\n    grade: great\n", "review 1 needs a card, a date (at) and a grade of again, hard, good or easy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := openWS(t)
			if err := ws.WriteFile(StoreFile, []byte(tt.data)); err != nil {
				t.Fatal(err)
			}
			_, err := Load(ws)
			var pe *workspace.ParseError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("Load error = %v; want one line with %q", err, tt.want)
			}
			err = Update(ws, func(st *Store) error { st.Grade("a", Good, t0); return nil })
			if !errors.As(err, &pe) || !pe.Refused {
				t.Errorf("Update error = %v; want the parse error, refused", err)
			}
			data, _ := os.ReadFile(filepath.Join(ws.Dir(), StoreFile))
			if string(data) != tt.data {
				t.Errorf("the broken file was changed:\n%s", data)
			}
		})
	}
}

// Reviews older than the log keeps fall out of it; the schedule stays.
func TestReviewLogIsTrimmed(t *testing.T) {
	st := &Store{}
	st.Grade("a", Good, day(-90))
	st.Grade("b", Good, day(-10))
	st.Grade("c", Good, t0)
	var got []string
	for _, r := range st.Reviews {
		got = append(got, r.Card)
	}
	if diff := cmp.Diff([]string{"b", "c"}, got); diff != "" {
		t.Errorf("reviews kept (-want +got):\n%s", diff)
	}
	if len(st.Cards) != 3 {
		t.Errorf("%d cards, want 3", len(st.Cards))
	}
}

// The day's log keeps one entry per card, replaced in place, and leaves
// what the candidate wrote there alone.
func TestLog(t *testing.T) {
	ws := openWS(t)
	d := DayOf(t0)
	save := func(e LogEntry) {
		t.Helper()
		if err := SaveLogEntry(ws, d, e); err != nil {
			t.Fatal(err)
		}
	}
	save(LogEntry{Card: "tradeoffs/bank/a", Title: "A or B", Asked: "Which?", Answer: "A, because."})
	save(LogEntry{Card: "tradeoffs/bank/b", Title: "C or D", Asked: "Which?", Answer: "D"})
	path := filepath.Join(ws.Dir(), "practice", "drills-2026-01-02.md")
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(data, "\nMy own note.\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	e, ok, err := ReadLogEntry(ws, d, "tradeoffs/bank/a")
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	e.Grade = "Good; next review on 2026-01-05"
	save(e)
	data, _ = os.ReadFile(path)
	want := `# Drills on 2026-01-02

## A or B
<!-- card: tradeoffs/bank/a -->

**Asked:** Which?

**Answer:** A, because.

**Grade:** Good; next review on 2026-01-05

## C or D
<!-- card: tradeoffs/bank/b -->

**Asked:** Which?

**Answer:** D

My own note.
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("log (-want +got):\n%s", diff)
	}
}

// Applying a grade again, at the time it was given, changes nothing: a
// round resumed after a kill may apply the grade it recorded twice.
func TestGradeIsIdempotent(t *testing.T) {
	st := &Store{}
	first := st.Grade("a", Good, t0)
	again := st.Grade("a", Good, t0)
	if again != first || len(st.Reviews) != 1 {
		t.Errorf("the same grade applied twice: %+v then %+v, %d reviews; want it taken once", first, again, len(st.Reviews))
	}
	// An older grade than the last review is taken already, too.
	st.Grade("a", Good, day(3))
	before := *st.Cards["a"]
	st.Grade("a", Again, day(1))
	if *st.Cards["a"] != before || len(st.Reviews) != 2 {
		t.Errorf("a grade older than the last review changed the card: %+v, %d reviews", st.Cards["a"], len(st.Reviews))
	}
}
