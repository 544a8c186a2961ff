package culture

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/interviewer"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// UpdateKind is the rubric a written-first exercise is checked with, and
// the kind of its exercises in the pack.
const UpdateKind = "update"

// The written part's questions: the exercise, the update, then rounds K
// of "revise or move on" and the new text.
const (
	writtenExerciseID = "written.exercise"
	writtenUpdateID   = "written.update"
	writtenFile       = "file.written"
)

// exercises are the pack's written-first exercises.
func (c *culture) exercises() []*pack.Exercise {
	if _, ok := c.env.Pack.Rubric(UpdateKind); !ok {
		return nil
	}
	var out []*pack.Exercise
	for i := range c.env.Pack.Exercises {
		if e := &c.env.Pack.Exercises[i]; e.Kind == UpdateKind {
			out = append(out, e)
		}
	}
	return out
}

// written is the written-first exercise: a situation (the exercise's
// prompt and facts), the update the candidate writes about it, saved in
// practice/ and checked with the update rubric, its key points covered
// and missed, and as many rounds of revision as the candidate wants.
func (c *culture) written() (*storyflow.Outcome, error) {
	s := c.s
	rubric, ok := c.env.Pack.Rubric(UpdateKind)
	exercises := c.exercises()
	if !ok || len(exercises) == 0 {
		return nil, fmt.Errorf("the content pack has no written-first exercises (exercises of kind %s, and the %s rubric); add them to your --content pack", UpdateKind, UpdateKind)
	}
	q := session.Question{
		ID:      writtenExerciseID,
		Kind:    session.Select,
		Message: "Which situation will you write about?",
		Heading: "Written-first",
		Intro:   session.GuideBlock(c.panel, pack.CultureWrittenGuide, false),
	}
	for _, e := range exercises {
		q.Options = append(q.Options, session.Option{Value: e.ID, Label: text.CleanLine(e.Title)})
	}
	id, err := s.Ask(q)
	if err != nil {
		return nil, err
	}
	e, ok := c.env.Pack.Exercise(id)
	if !ok || e.Kind != UpdateKind {
		return nil, fmt.Errorf("%s: the written exercise %q is no longer in the content pack; run %s culture again and choose Start over", filepath.Join(c.ws.Dir(), workspace.SessionsDir, CultureName+".yaml"), id, progname.Name())
	}
	w := &writtenAnswer{c: c, e: e, rubric: rubric}
	if err := w.file(); err != nil {
		return nil, err
	}
	heading := "Written-first: " + text.CleanLine(e.Title)
	if _, ok := s.Answered(writtenUpdateID); !ok {
		c.offerExamples(UpdateKind)
	}
	s.Show(w.situation())
	if _, err := s.Ask(w.question(writtenUpdateID, heading, nil)); err != nil {
		return nil, err
	}
	rep, err := w.loop(heading)
	if err != nil {
		return nil, err
	}
	s.Printf("\n%s\n", s.Wrap("Your update is in "+c.ws.Path(w.rel())+": "+rep.VerdictLine()+".", "", "  "))
	s.Printf("\nNext:\n")
	s.Next([][2]string{
		{progname.Name() + " check " + c.ws.Path(w.rel()), "check it again after editing it"},
		{progname.Name() + " culture --part " + PartWritten, "another situation to write about"},
		{progname.Name() + " culture --value communication", "a story about your own writing"},
	})
	return &storyflow.Outcome{Stories: []storyflow.StoryStatus{storyflow.StatusOf(c.ws.Path(w.rel()), text.CleanLine(e.Title), 0, rep, rubric)}}, nil
}

// writtenAnswer is the update being written for one exercise.
type writtenAnswer struct {
	c      *culture
	e      *pack.Exercise
	rubric *pack.Rubric
	name   string // its file name in practice/
}

func (w *writtenAnswer) rel() string { return workspace.PracticeDir + "/" + w.name }

// file settles the answer's file, noted before it is made so a kill in
// between never leaves a second copy: practice/update-<id>.md, or -2, -3
// when an earlier answer to the exercise is there.
func (w *writtenAnswer) file() error {
	s := w.c.s
	if name, ok := s.Answered(writtenFile); ok {
		w.name = name
		return nil
	}
	stem := UpdateKind + "-" + workspace.Slug(w.e.ID)
	for n := 1; ; n++ {
		name := stem + ".md"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.md", stem, n)
		}
		_, exists, err := w.c.ws.ReadFile(workspace.PracticeDir + "/" + name)
		if err != nil {
			return err
		}
		if !exists {
			w.name = name
			break
		}
	}
	s.Note(writtenFile, w.name)
	return s.Commit()
}

// situation is what the candidate writes about: the prompt, and the
// facts it may use, all given at once since this is writing, not an
// interview.
func (w *writtenAnswer) situation() *session.Block {
	b := &session.Block{Key: "culture.written." + w.e.ID, Title: text.CleanLine(w.e.Title), Text: w.e.Prompt}
	for _, f := range w.e.AllFacts() {
		b.Items = append(b.Items, text.CleanLine(f.Topic)+": "+text.CleanLine(f.Answer))
	}
	return b
}

// question asks for the update, or for its new text in a revision round;
// the answer is the whole file's body.
func (w *writtenAnswer) question(id, heading string, notes []string) session.Question {
	p := w.c.env.Pack.Meta.Culture.Update
	return session.Question{
		ID:       id,
		Kind:     session.Text,
		Message:  p.Ask,
		Heading:  heading,
		Guidance: p.Hint,
		Notes:    notes,
		Default: func() string {
			p, err := w.c.ws.Practice(w.name)
			if err != nil {
				return ""
			}
			return strings.TrimSpace(p.Body)
		},
		Save: func(ans string) error {
			return w.c.ws.EditPractice(w.name, func(p *workspace.Practice) error {
				p.Body = strings.TrimRight(ans, "\n") + "\n"
				p.SetField("title", "Written-first: "+text.CleanLine(w.e.Title))
				p.SetField("kind", w.rubric.ID)
				p.SetField("panel", w.c.panel.ID)
				p.SetField("exercise", w.e.ID)
				return nil
			})
		},
	}
}

// report checks the update as prep check would.
func (w *writtenAnswer) report() (check.Report, error) {
	doc, err := document.ReadFile(w.c.ws.Path(w.rel()))
	if err != nil {
		return check.Report{}, err
	}
	return check.Check(doc, w.rubric), nil
}

// loop shows the check and the key points, then asks whether to revise
// ("written.fix.K": Revise or Move on; "written.revise.K": the new text)
// until the candidate moves on. It returns the last check.
func (w *writtenAnswer) loop(heading string) (check.Report, error) {
	s := w.c.s
	for k := 0; ; k++ {
		fixID := fmt.Sprintf("written.fix.%d", k)
		var notes []string
		if _, done := s.Answered(fixID); !done {
			rep, err := w.report()
			if err != nil {
				return check.Report{}, err
			}
			s.Heading(heading + " · the check")
			s.ShowCheck(w.rel(), rep)
			notes = w.showPoints()
		}
		choice, err := s.Ask(session.Question{
			ID:      fixID,
			Kind:    session.Select,
			Message: "Revise the update now, or move on?",
			Heading: heading + " · the check",
			Options: []session.Option{{Value: "revise", Label: "Revise it"}, {Value: storyflow.MoveOn, Label: "Move on"}},
			Default: func() string { return storyflow.MoveOn },
		})
		if err != nil {
			return check.Report{}, err
		}
		if choice != "revise" {
			return w.report()
		}
		if _, err := s.Ask(w.question(fmt.Sprintf("written.revise.%d", k), heading, notes)); err != nil {
			return check.Report{}, err
		}
	}
}

// showPoints shows which of the exercise's key points the update covers
// (as prep technical holds an answer against its key points), quoting the
// line that covers each, and what each missed one is and why
// a reader needs it. It returns the missed points as notes for the
// revision.
func (w *writtenAnswer) showPoints() []string {
	if len(w.e.KeyPoints) == 0 {
		return nil
	}
	p, err := w.c.ws.Practice(w.name)
	if err != nil {
		return nil
	}
	got := interviewer.Cover(p.Body, w.e.KeyPoints)
	s := w.c.s
	s.Printf("\n%s\n", s.Wrap(fmt.Sprintf("Covered %d of %d points a reader needs here.", interviewer.CountCovered(got), len(got)), "", "  "))
	var missed []string
	for _, g := range got {
		if g.Covered() {
			s.Printf("%s\n", s.Wrap(text.CleanLine(g.Point.Point)+" “"+text.CleanLine(g.Line)+"”", "  ✓ ", "    "))
		}
	}
	for _, g := range got {
		if !g.Covered() {
			s.Printf("%s\n", s.Wrap(text.CleanLine(g.Point.Point)+" "+text.CleanLine(g.Point.Why), "  ✗ ", "    "))
			missed = append(missed, "missed: "+text.CleanLine(g.Point.Point))
		}
	}
	return missed
}
