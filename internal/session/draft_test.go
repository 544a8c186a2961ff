package session

import (
	"errors"
	"strings"
	"testing"

	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// What the candidate half wrote when it stopped is kept in the progress
// file, given back when the question comes again (through a second stop
// with nothing new, and a start over), and forgotten once answered.
func TestAskKeepsWhatWasHalfWritten(t *testing.T) {
	f := newFixture(t)
	q := Question{ID: "story.0.action", Kind: Text, Message: "What did you do?"}
	run := func(p prompts.Prompter, body func(s *Session)) {
		t.Helper()
		s, err := Open(f.ws(), "background", p, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		body(s)
	}
	interrupted := func(s *Session) {
		t.Helper()
		if _, err := s.Ask(q); !errors.Is(err, prompts.ErrInterrupted) {
			t.Fatalf("Ask = %v, want the interruption", err)
		}
	}
	draft := func() (string, bool) {
		t.Helper()
		prog, err := f.ws().Progress("background")
		if err != nil {
			t.Fatal(err)
		}
		d, ok := prog.Answers[draftPrefix+q.ID]
		return d, ok
	}

	p := prompttest.New(t)
	p.ExpectInterrupt(q.ID).WithDraft("I measured the lock waits and")
	run(p, interrupted)
	if d, _ := draft(); d != "I measured the lock waits and" {
		t.Fatalf("the progress file keeps the draft %q", d)
	}

	p = prompttest.New(t)
	p.ExpectInterrupt(q.ID).WantDraft("I measured the lock waits and")
	run(p, func(s *Session) {
		if _, stopped := s.Stopped(); !stopped {
			t.Error("a session with a draft kept does not say it stopped")
		}
		interrupted(s)
	})
	if d, _ := draft(); d != "I measured the lock waits and" {
		t.Fatalf("a second stop with nothing new typed left the draft %q", d)
	}

	p = prompttest.New(t)
	p.ExpectSelect("resume", "Start over")
	p.ExpectText(q.ID, "I measured the lock waits and moved the writes.").WantDraft("I measured the lock waits and")
	run(p, func(s *Session) {
		if _, err := s.Resume("story 1"); err != nil {
			t.Fatal(err)
		}
		if ans, err := s.Ask(q); err != nil || ans != "I measured the lock waits and moved the writes." {
			t.Fatalf("Ask = %q, %v", ans, err)
		}
	})
	if d, ok := draft(); ok {
		t.Errorf("the draft %q is kept after the question was answered", d)
	}
}

// A draft longer than prep keeps is not written, where it would make a
// progress file prep cannot read back, and the candidate is told: the
// stop does not claim that everything typed is saved.
func TestAskSaysWhenADraftIsTooLongToKeep(t *testing.T) {
	f := newFixture(t)
	q := Question{ID: "story.0.action", Kind: Text, Message: "What did you do?"}
	p := prompttest.New(t)
	p.ExpectInterrupt(q.ID).WithDraft(strings.Repeat("word ", maxAnswer))
	s, err := Open(f.ws(), "background", p, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Ask(q)
	if err == nil || errors.Is(err, prompts.ErrInterrupted) || !strings.Contains(err.Error(), "not kept") {
		t.Fatalf("Ask = %v, want an error saying the draft was not kept", err)
	}
	prog, perr := f.ws().Progress("background")
	if perr != nil {
		t.Fatal(perr)
	}
	if _, ok := prog.Answers[draftPrefix+q.ID]; ok {
		t.Error("the progress file keeps the over-long draft")
	}
}
