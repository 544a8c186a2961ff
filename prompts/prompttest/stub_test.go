package prompttest

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/prepcli/prep/prompts"
)

// fakeT records what the Stub reports instead of failing the real test.
type fakeT struct {
	errs     []string
	cleanups []func()
}

func (f *fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}
func (f *fakeT) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }

// end runs the cleanups as the testing package does when a test ends.
func (f *fakeT) end() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

var options = []string{"Payments rewrite", "Search latency", "On-call tooling"}

// A session asking what the test expected gets the answers and nothing is
// reported.
func TestStubAnswersInOrder(t *testing.T) {
	p := New(t)
	p.ExpectInput("timeline.0.company", "Acme")
	p.ExpectText("story.0.result", "p99 from 900 ms to 120 ms").WantDefault("draft")
	p.ExpectSelect("story.0.project", "Search latency")
	p.ExpectMultiSelect("projects", "On-call tooling", "Payments rewrite")
	p.ExpectConfirm("story.0.more", true)
	p.ExpectInterrupt("story.0.lessons")

	var got []any
	var pr prompts.Prompter = p
	company, err := pr.Input(prompts.Question{ID: "timeline.0.company"})
	got = append(got, company, err)
	result, err := pr.Text(prompts.Question{ID: "story.0.result", Default: "draft"})
	got = append(got, result, err)
	project, err := pr.Select(prompts.Question{ID: "story.0.project"}, options, 0)
	got = append(got, project, err)
	featured, err := pr.MultiSelect(prompts.Question{ID: "projects"}, options, nil)
	got = append(got, featured, err)
	more, err := pr.Confirm(prompts.Question{ID: "story.0.more"}, false)
	got = append(got, more, err)
	_, err = pr.Text(prompts.Question{ID: "story.0.lessons"})
	got = append(got, errors.Is(err, prompts.ErrInterrupted))

	want := []any{"Acme", nil, "p99 from 900 ms to 120 ms", nil, 1, nil, []int{0, 2}, nil, true, nil, true}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
}

// What a test author sees when the session goes off script.
func TestStubReportsWhatASessionGotWrong(t *testing.T) {
	tests := []struct {
		name    string
		expect  func(*Stub)
		session func(prompts.Prompter) error
		want    []string
		stops   bool // the session got ErrUnexpected, so it stopped there
	}{
		{
			name: "wrong id",
			expect: func(s *Stub) {
				s.ExpectInput("timeline.0.company", "Acme")
			},
			session: func(p prompts.Prompter) error {
				_, err := p.Input(prompts.Question{ID: "timeline.0.title", Message: "Your title?"})
				return err
			},
			want: []string{
				`prompttest: unexpected Input "timeline.0.title" (Your title?): expected Input "timeline.0.company" next`,
				`prompttest: 1 expected question(s) never asked: Input "timeline.0.company"`,
			},
			stops: true,
		},
		{
			name: "out of order",
			expect: func(s *Stub) {
				s.ExpectInput("a", "1")
				s.ExpectInput("b", "2")
			},
			session: func(p prompts.Prompter) error {
				if _, err := p.Input(prompts.Question{ID: "b"}); err != nil {
					return err
				}
				_, err := p.Input(prompts.Question{ID: "a"})
				return err
			},
			want: []string{
				`prompttest: unexpected Input "b" (): expected Input "a" next`,
				`prompttest: 2 expected question(s) never asked: Input "a", Input "b"`,
			},
			stops: true,
		},
		{
			name:   "more questions than expected",
			expect: func(s *Stub) {},
			session: func(p prompts.Prompter) error {
				_, err := p.Confirm(prompts.Question{ID: "again", Message: "Another role?"}, false)
				return err
			},
			want:  []string{`prompttest: unexpected Confirm "again" (Another role?): no more questions were expected`},
			stops: true,
		},
		{
			name: "wrong kind",
			expect: func(s *Stub) {
				s.ExpectInput("story.0.result", "x")
			},
			session: func(p prompts.Prompter) error {
				_, err := p.Text(prompts.Question{ID: "story.0.result"})
				return err
			},
			want: []string{
				`prompttest: "story.0.result" asked with Text, expected Input`,
				`prompttest: 1 expected question(s) never asked: Input "story.0.result"`,
			},
			stops: true,
		},
		{
			name: "option not offered",
			expect: func(s *Stub) {
				s.ExpectSelect("pick", "Billing")
			},
			session: func(p prompts.Prompter) error {
				_, err := p.Select(prompts.Question{ID: "pick"}, options, 0)
				return err
			},
			want:  []string{`prompttest: "pick" offers no option "Billing"; it offers ["Payments rewrite" "Search latency" "On-call tooling"]`},
			stops: true,
		},
		{
			name: "wrong default",
			expect: func(s *Stub) {
				s.ExpectText("story.0.result", "new").WantDefault("saved draft")
			},
			session: func(p prompts.Prompter) error {
				_, err := p.Text(prompts.Question{ID: "story.0.result"})
				return err
			},
			want: []string{`prompttest: "story.0.result" has default "", want "saved draft"`},
		},
		{
			name: "wrong default option",
			expect: func(s *Stub) {
				s.ExpectSelect("card.0.grade", "Again").WantDefaultOption("Again")
			},
			session: func(p prompts.Prompter) error {
				_, err := p.Select(prompts.Question{ID: "card.0.grade"}, []string{"Again", "Hard", "Good", "Easy"}, 2)
				return err
			},
			want: []string{`prompttest: "card.0.grade" starts on option "Good", want "Again"`},
		},
		{
			name: "never asked",
			expect: func(s *Stub) {
				s.ExpectInput("a", "1")
				s.ExpectConfirm("b", true)
				s.ExpectInterrupt("c")
			},
			session: func(p prompts.Prompter) error {
				_, err := p.Input(prompts.Question{ID: "a"})
				return err
			},
			want: []string{`prompttest: 2 expected question(s) never asked: Confirm "b", interrupt at "c"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ft := &fakeT{}
			s := New(ft)
			tt.expect(s)
			err := tt.session(s)
			ft.end()
			if diff := cmp.Diff(tt.want, ft.errs); diff != "" {
				t.Errorf("reports (-want +got):\n%s", diff)
			}
			// A session that met an unexpected question must stop, so the
			// stub gives it an error rather than an answer.
			if tt.stops != errors.Is(err, ErrUnexpected) {
				t.Errorf("session error = %v; want ErrUnexpected: %v", err, tt.stops)
			}
		})
	}
}

// The question's own validation refuses an answer, as from an answers file.
func TestStubAppliesValidation(t *testing.T) {
	p := New(t)
	p.ExpectInput("dates", "last year")
	_, err := p.Input(prompts.Question{ID: "dates", Validate: func(s string) error {
		return errors.New("write years like 2019 to 2021")
	}})
	if err == nil || err.Error() != `prompttest: answer to "dates" refused: write years like 2019 to 2021` {
		t.Errorf("err = %v", err)
	}
}

func TestStubAsked(t *testing.T) {
	ft := &fakeT{}
	p := New(ft)
	p.ExpectConfirm("ready", true)
	_, _ = p.Confirm(prompts.Question{ID: "ready", Message: "Ready?"}, true)
	_, _ = p.Input(prompts.Question{ID: "extra"})
	got := p.Asked()
	want := []prompts.Question{{ID: "ready", Message: "Ready?"}, {ID: "extra"}}
	if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool {
		return p.Last().String() == ".Validate"
	}, cmp.Ignore())); diff != "" {
		t.Errorf("Asked() (-want +got):\n%s", diff)
	}
	// Verify once, however often it is called.
	p.Verify()
	ft.end()
	if len(ft.errs) != 1 {
		t.Errorf("reports = %q; want only the unexpected question", ft.errs)
	}
}

// An interruption can carry what was half typed, and a question asked
// again is checked for the draft given back.
func TestStubDrafts(t *testing.T) {
	f := &fakeT{}
	p := New(f)
	p.ExpectInterrupt("timeline.0.company").WithDraft("Acm")
	p.ExpectInput("timeline.0.company", "Acme").WantDraft("Acm")
	p.ExpectInput("timeline.0.title", "SRE").WantDraft("")
	_, err := p.Input(prompts.Question{ID: "timeline.0.company"})
	if !errors.Is(err, prompts.ErrInterrupted) || prompts.DraftOf(err) != "Acm" {
		t.Errorf("the interruption is %v with draft %q, want one with the draft Acm", err, prompts.DraftOf(err))
	}
	if got, err := p.Input(prompts.Question{ID: "timeline.0.company", Draft: "Acm"}); err != nil || got != "Acme" {
		t.Errorf("Input = %q, %v", got, err)
	}
	_, _ = p.Input(prompts.Question{ID: "timeline.0.title", Draft: "S"})
	f.end()
	want := []string{`prompttest: "timeline.0.title" has draft "S", want ""`}
	if diff := cmp.Diff(want, f.errs); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
}
