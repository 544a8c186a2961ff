package drill

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	drills "github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// An idle prompt holds no lock another command needs: prep story new
// waiting for an answer in one terminal, prep drill runs in another. The
// same session twice is still refused.
func TestIdleSessionDoesNotBlockAnother(t *testing.T) {
	f := drillFixture(t)
	waiting, err := session.Open(f.WS(), "story-new", prompttest.New(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer waiting.Close()

	p := prompttest.New(t)
	p.ExpectInput("card.0.answer", "Sharding, too risky; cost: eventual consistency.")
	p.ExpectSelect("card.0.grade", "Good")
	if _, out, err := f.drill(p, DrillOptions{Decks: []drills.Deck{drills.Tradeoffs}, Count: 1}); err != nil {
		t.Fatalf("prep drill while prep story new waits at a prompt: %v\n%s", err, out)
	}
	if got := len(f.dueDays()); got != 1 {
		t.Errorf("%d cards graded, want 1", got)
	}

	_, err = session.Open(f.WS(), "story-new", prompttest.New(t), nil)
	if !errors.Is(err, workspace.ErrBusy) || !strings.Contains(err.Error(), "another prep is running a story session") {
		t.Errorf("a second prep story new = %v, want the busy error", err)
	}
}

// touching is a Prompter that, before it answers one question, changes a
// workspace file as another hand would: the next save of that file then
// fails, as if prep had been killed at that point.
type touching struct {
	prompts.Prompter
	at    string
	touch func()
}

func (p touching) Select(q prompts.Question, options []string, def int) (int, error) {
	if q.ID == p.at {
		p.touch()
	}
	return p.Prompter.Select(q, options, def)
}

func appendTo(t *testing.T, path, text string) func() {
	return func() {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(text); err != nil {
			t.Fatal(err)
		}
	}
}

func (f *fixture) reviews(card string) int {
	n := 0
	for _, r := range f.store().Reviews {
		if r.Card == card {
			n++
		}
	}
	return n
}

// A round stopped while it saves a grade applies that grade once, never
// twice, whichever write the stop came before: the grade is recorded in
// the round's progress before it is applied, and applying it again on
// resume changes nothing.
func TestDrillGradeAppliedOnce(t *testing.T) {
	opts := DrillOptions{Decks: []drills.Deck{drills.Tradeoffs}, Count: 1}

	// Stopped before the grade is recorded in the progress: it is asked
	// again on resume, and counted once.
	t.Run("before it is recorded", func(t *testing.T) {
		f := drillFixture(t)
		p := prompttest.New(t)
		p.ExpectInput("card.0.answer", "Sharding, too risky; cost: eventual consistency.")
		p.ExpectSelect("card.0.grade", "Good")
		progress := filepath.Join(f.Dir, "sessions", "drill-tradeoffs.yaml")
		if _, _, err := f.drill(touching{p, "card.0.grade", appendTo(t, progress, "# touched\n")}, opts); !errors.Is(err, workspace.ErrChanged) {
			t.Fatalf("err = %v, want the progress save refused", err)
		}
		p = prompttest.New(t)
		p.ExpectSelect("resume", "Resume")
		p.ExpectSelect("card.0.grade", "Good")
		if _, out, err := f.drill(p, opts); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if n := f.reviews(decisionCard); n != 1 {
			t.Errorf("%d reviews of the card, want 1", n)
		}
		if diff := cmp.Diff(map[string]int{decisionCard: 3}, f.dueDays()); diff != "" {
			t.Errorf("schedule (-want +got):\n%s", diff)
		}
	})

	// Stopped after the grade is recorded, before it reached the
	// schedule: the resumed round applies it, once, without asking.
	t.Run("after it is recorded", func(t *testing.T) {
		f := drillFixture(t)
		f.Write(drills.StoreFile, "")
		p := prompttest.New(t)
		p.ExpectInput("card.0.answer", "Sharding, too risky; cost: eventual consistency.")
		p.ExpectSelect("card.0.grade", "Good")
		store := filepath.Join(f.Dir, drills.StoreFile)
		if _, _, err := f.drill(touching{p, "card.0.grade", appendTo(t, store, "cards: [\n")}, opts); err == nil {
			t.Fatal("the grade was applied to a store that does not parse")
		}
		f.Write(drills.StoreFile, "")
		p = prompttest.New(t)
		p.ExpectSelect("resume", "Resume")
		if _, out, err := f.drill(p, opts); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if n := f.reviews(decisionCard); n != 1 {
			t.Errorf("%d reviews of the card, want 1", n)
		}
	})

	// Stopped after the grade was applied: the resumed round applies it
	// again, which changes nothing.
	t.Run("after it is applied", func(t *testing.T) {
		f := drillFixture(t)
		p := prompttest.New(t)
		p.ExpectInput("card.0.answer", "Sharding, too risky; cost: eventual consistency.")
		p.ExpectSelect("card.0.grade", "Good")
		p.ExpectInterrupt("card.1.answer")
		opts := DrillOptions{Decks: []drills.Deck{drills.Tradeoffs}, Count: 2}
		if _, _, err := f.drill(p, opts); !errors.Is(err, prompts.ErrInterrupted) {
			t.Fatalf("err = %v, want interrupted", err)
		}
		p = prompttest.New(t)
		p.ExpectSelect("resume", "Resume")
		p.ExpectInput("card.1.answer", "A trigger.")
		p.ExpectSelect("card.1.grade", "Good")
		if _, out, err := f.drill(p, opts); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if n := f.reviews(decisionCard); n != 1 {
			t.Errorf("%d reviews of the card, want 1", n)
		}
	})
}
