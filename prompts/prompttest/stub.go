// Package prompttest is a prompts.Prompter for unit tests of sessions. The
// test says which questions it expects, in order, by id, each with the
// answer to give; the Stub reports a question it did not expect (wrong id,
// wrong kind, out of order) and, when the test ends, any it expected but
// that was never asked.
//
//	p := prompttest.New(t)
//	p.ExpectInput("timeline.0.company", "Acme")
//	p.ExpectText("story.0.result", "Cut p99 latency from 900 ms to 120 ms.").WantDefault("")
//	p.ExpectSelect("story.0.kind", "Project")
//	p.ExpectInterrupt("story.0.tradeoffs") // the candidate presses Ctrl-C here
//	p.ExpectInterrupt("story.0.lessons").WithDraft("I learnt") // half typed
//	p.ExpectText("story.0.lessons", "…").WantDraft("I learnt")  // on resume
//	err := session.Run(p)
package prompttest

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/prepcli/prep/prompts"
)

// TB is the part of testing.TB the Stub uses; *testing.T and *testing.B
// have it.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
	Cleanup(func())
}

// ErrUnexpected is what the Stub returns for a question the test did not
// expect, after reporting it, so that the session stops there.
var ErrUnexpected = errors.New("prompttest: unexpected question")

// kind is which Prompter method asked, named as in messages.
type kind string

const (
	kindInput       kind = "Input"
	kindText        kind = "Text"
	kindSelect      kind = "Select"
	kindMultiSelect kind = "MultiSelect"
	kindConfirm     kind = "Confirm"
	anyKind         kind = ""
)

// Stub is a scripted Prompter for tests. It is not safe for concurrent use.
type Stub struct {
	t        TB
	calls    []*Call
	next     int
	asked    []prompts.Question
	verified bool
}

// Call is one expected question.
type Call struct {
	id        string
	kind      kind
	text      string   // Input, Text
	options   []string // Select, MultiSelect: the option texts to pick
	yes       bool     // Confirm
	interrupt bool
	draft     string // what the interruption carries

	wantDefault *string
	wantOption  *string // Select: the option the cursor starts on
	wantDraft   *string
}

// New returns a Stub that checks, when the test ends, that every expected
// question was asked.
func New(t TB) *Stub {
	s := &Stub{t: t}
	t.Cleanup(s.Verify)
	return s
}

func (s *Stub) expect(c *Call) *Call {
	s.calls = append(s.calls, c)
	return c
}

// ExpectInput expects Input(id) and answers it.
func (s *Stub) ExpectInput(id, answer string) *Call {
	return s.expect(&Call{id: id, kind: kindInput, text: answer})
}

// ExpectText expects Text(id) and answers it.
func (s *Stub) ExpectText(id, answer string) *Call {
	return s.expect(&Call{id: id, kind: kindText, text: answer})
}

// ExpectSelect expects Select(id) and picks the option with this exact
// text; an option not offered is reported.
func (s *Stub) ExpectSelect(id, option string) *Call {
	return s.expect(&Call{id: id, kind: kindSelect, options: []string{option}})
}

// ExpectMultiSelect expects MultiSelect(id) and picks the options with
// these exact texts.
func (s *Stub) ExpectMultiSelect(id string, options ...string) *Call {
	return s.expect(&Call{id: id, kind: kindMultiSelect, options: options})
}

// ExpectConfirm expects Confirm(id) and answers it.
func (s *Stub) ExpectConfirm(id string, answer bool) *Call {
	return s.expect(&Call{id: id, kind: kindConfirm, yes: answer})
}

// ExpectInterrupt expects question id, of any kind, and answers it with
// prompts.ErrInterrupted, as when the candidate presses Ctrl-C there.
func (s *Stub) ExpectInterrupt(id string) *Call {
	return s.expect(&Call{id: id, kind: anyKind, interrupt: true})
}

// WantDefault also checks the question's Default (the prefilled answer of
// an Input or Text), as when a resumed session offers what was saved.
func (c *Call) WantDefault(def string) *Call {
	c.wantDefault = &def
	return c
}

// WantDefaultOption also checks, for a Select, the option the cursor
// starts on: what one Enter picks.
func (c *Call) WantDefaultOption(option string) *Call {
	c.wantOption = &option
	return c
}

// WithDraft makes an expected interruption carry draft, as when the
// candidate presses Ctrl-C with an answer half typed.
func (c *Call) WithDraft(draft string) *Call {
	c.draft = draft
	return c
}

// WantDraft also checks the question's Draft, the unfinished answer a
// session gives back when it asks a question again.
func (c *Call) WantDraft(draft string) *Call {
	c.wantDraft = &draft
	return c
}

// Asked returns the questions asked so far, in order, expected or not.
func (s *Stub) Asked() []prompts.Question {
	return slices.Clone(s.asked)
}

// Verify reports the expected questions that were never asked. New
// arranges for it to run when the test ends; calling it earlier is fine.
func (s *Stub) Verify() {
	s.t.Helper()
	if s.verified {
		return
	}
	s.verified = true
	if s.next >= len(s.calls) {
		return
	}
	var left []string
	for _, c := range s.calls[s.next:] {
		left = append(left, fmt.Sprintf("%s %q", c.kindName(), c.id))
	}
	s.t.Errorf("prompttest: %d expected question(s) never asked: %s", len(left), strings.Join(left, ", "))
}

func (c *Call) kindName() string {
	if c.kind == anyKind {
		return "interrupt at"
	}
	return string(c.kind)
}

// take matches a question against the next expected call.
func (s *Stub) take(k kind, q prompts.Question) (*Call, error) {
	s.t.Helper()
	s.asked = append(s.asked, q)
	if s.next >= len(s.calls) {
		s.t.Errorf("prompttest: unexpected %s %q (%s): no more questions were expected", k, q.ID, q.Message)
		return nil, ErrUnexpected
	}
	c := s.calls[s.next]
	if c.id != q.ID {
		s.t.Errorf("prompttest: unexpected %s %q (%s): expected %s %q next", k, q.ID, q.Message, c.kindName(), c.id)
		return nil, ErrUnexpected
	}
	if c.kind != anyKind && c.kind != k {
		s.t.Errorf("prompttest: %q asked with %s, expected %s", q.ID, k, c.kind)
		return nil, ErrUnexpected
	}
	s.next++
	if c.wantDefault != nil && q.Default != *c.wantDefault {
		s.t.Errorf("prompttest: %q has default %q, want %q", q.ID, q.Default, *c.wantDefault)
	}
	if c.wantDraft != nil && q.Draft != *c.wantDraft {
		s.t.Errorf("prompttest: %q has draft %q, want %q", q.ID, q.Draft, *c.wantDraft)
	}
	if c.interrupt {
		if c.draft != "" {
			return nil, &prompts.Interrupted{Draft: c.draft}
		}
		return nil, prompts.ErrInterrupted
	}
	return c, nil
}

// validated applies the question's own check, as the scripted prompter
// does, so a test can drive a session into a refused answer.
func validated(q prompts.Question, ans string) (string, error) {
	if q.Validate != nil {
		if err := q.Validate(ans); err != nil {
			return "", fmt.Errorf("prompttest: answer to %q refused: %w", q.ID, err)
		}
	}
	return ans, nil
}

// Input implements prompts.Prompter.
func (s *Stub) Input(q prompts.Question) (string, error) {
	s.t.Helper()
	c, err := s.take(kindInput, q)
	if err != nil {
		return "", err
	}
	return validated(q, c.text)
}

// Text implements prompts.Prompter.
func (s *Stub) Text(q prompts.Question) (string, error) {
	s.t.Helper()
	c, err := s.take(kindText, q)
	if err != nil {
		return "", err
	}
	return validated(q, c.text)
}

// Select implements prompts.Prompter.
func (s *Stub) Select(q prompts.Question, options []string, def int) (int, error) {
	s.t.Helper()
	c, err := s.take(kindSelect, q)
	if err != nil {
		return 0, err
	}
	if c.wantOption != nil {
		got := ""
		if def >= 0 && def < len(options) {
			got = options[def]
		}
		if got != *c.wantOption {
			s.t.Errorf("prompttest: %q starts on option %q, want %q", q.ID, got, *c.wantOption)
		}
	}
	picked, err := s.pick(q, options, c.options)
	if err != nil {
		return 0, err
	}
	return picked[0], nil
}

// MultiSelect implements prompts.Prompter.
func (s *Stub) MultiSelect(q prompts.Question, options []string, _ []int) ([]int, error) {
	s.t.Helper()
	c, err := s.take(kindMultiSelect, q)
	if err != nil {
		return nil, err
	}
	picked, err := s.pick(q, options, c.options)
	if err != nil {
		return nil, err
	}
	slices.Sort(picked)
	return slices.Compact(picked), nil
}

func (s *Stub) pick(q prompts.Question, offered, want []string) ([]int, error) {
	s.t.Helper()
	picked := []int{}
	for _, w := range want {
		i := slices.Index(offered, w)
		if i < 0 {
			s.t.Errorf("prompttest: %q offers no option %q; it offers %q", q.ID, w, offered)
			return nil, ErrUnexpected
		}
		picked = append(picked, i)
	}
	return picked, nil
}

// Confirm implements prompts.Prompter.
func (s *Stub) Confirm(q prompts.Question, _ bool) (bool, error) {
	s.t.Helper()
	c, err := s.take(kindConfirm, q)
	if err != nil {
		return false, err
	}
	return c.yes, nil
}

var _ prompts.Prompter = (*Stub)(nil)
