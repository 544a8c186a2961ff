package drill

import (
	"fmt"
	"strings"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	drills "github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// scaleCard is one "scale it 100x" card being answered.
type scaleCard struct {
	r      *round
	c      drills.Card
	rubric *pack.Rubric
	name   string   // its answer's file name in practice/
	steps  []string // the sections before which a hint was taken, in order
}

// scale runs a scale card: the system as it is today (a bank exercise's
// numbers and architecture, or the candidate's own project), the scale
// rubric's sections one at a time with hints on request, the answer
// saved in practice/ and checked, the reference notes, the grade.
func (r *round) scale(prefix, heading string, c drills.Card) error {
	kind := workspace.KindScale
	if c.Exercise != nil && c.Exercise.Kind != "" {
		kind = c.Exercise.Kind
	}
	rubric, ok := r.env.Pack.Rubric(kind)
	if !ok {
		return fmt.Errorf("the content pack has no %q rubric to answer %q with; add it to your --content pack", kind, text.CleanLine(c.Title))
	}
	sc := &scaleCard{r: r, c: c, rubric: rubric}
	if err := sc.file(prefix); err != nil {
		return err
	}
	r.s.Show(r.intro(drills.Scale))
	r.s.Heading(heading)
	sc.today()
	var recalled strings.Builder
	for i := range rubric.Sections {
		sec := &rubric.Sections[i]
		if err := sc.offerHints(prefix, heading, sec); err != nil {
			return err
		}
		ans, err := r.s.Ask(session.Question{
			ID:       prefix + "." + sec.ID,
			Kind:     session.Text,
			Message:  sec.Question,
			Heading:  heading + " · " + sec.Title,
			Guidance: sec.Guidance,
			Default: func() string {
				p, err := sc.r.ws.Practice(sc.name)
				if err != nil {
					return ""
				}
				txt, _ := p.Section(sc.rubric, sec.ID)
				return txt
			},
			Save: func(ans string) error {
				return sc.save(func(p *workspace.Practice) error { return p.SetSection(sc.rubric, sec.ID, ans) })
			},
		})
		if err != nil {
			return err
		}
		recalled.WriteString(ans)
	}
	if err := sc.report(); err != nil {
		return err
	}
	if c.Exercise != nil && strings.TrimSpace(c.Exercise.Notes) != "" {
		r.show("Reference notes, to compare with yours", "")
		r.notes(c.Exercise.Notes)
	}
	return r.grade(prefix, heading, c, recalled.String())
}

// file settles which file the answer goes to: the one noted when the card
// began, or a new one, made at once with a heading per section so it
// reads as the outline still to fill.
func (sc *scaleCard) file(prefix string) error {
	r := sc.r
	key := "file." + prefix
	if name, ok := r.s.Answered(key); ok {
		sc.name = name
		r.addFile(sc.rel())
		return nil
	}
	stem := "scale-"
	if sc.c.Exercise != nil {
		stem += sc.c.Exercise.ID
	} else if sc.c.Story != nil {
		stem += sc.c.Story.Slug()
	}
	stem += "-" + r.plan.Today().String()
	for n := 1; ; n++ {
		name := stem + ".md"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.md", stem, n)
		}
		_, exists, err := r.ws.ReadFile(workspace.PracticeDir + "/" + name)
		if err != nil {
			return err
		}
		if !exists {
			sc.name = name
			break
		}
	}
	// Noted before the file is made, so a kill in between never leaves
	// a second copy behind.
	r.s.Note(key, sc.name)
	if err := r.s.Commit(); err != nil {
		return err
	}
	r.addFile(sc.rel())
	return sc.save(nil)
}

func (sc *scaleCard) rel() string { return workspace.PracticeDir + "/" + sc.name }

// save changes the answer file with edit (nil for none) and sets its
// front matter: what it answers and the hints taken so far.
func (sc *scaleCard) save(edit func(*workspace.Practice) error) error {
	return sc.r.ws.EditPractice(sc.name, func(p *workspace.Practice) error {
		if strings.TrimSpace(p.Body) == "" {
			p.Body = storyflow.Skeleton(sc.rubric)
		}
		if edit != nil {
			if err := edit(p); err != nil {
				return err
			}
		}
		p.SetField("title", "Scale it 100x: "+text.CleanLine(sc.c.Title))
		p.SetField("kind", sc.rubric.ID)
		if panel := storyflow.PanelFor(sc.r.env.Pack, sc.rubric.ID); panel != nil {
			p.SetField("panel", panel.ID)
		} else if _, ok := sc.r.env.Pack.Panel("technical"); ok {
			p.SetField("panel", "technical")
		}
		if sc.c.Exercise != nil {
			p.SetField("exercise", sc.c.Exercise.ID)
		} else if sc.c.Story != nil {
			p.SetField("story", sc.c.Story.Name())
		}
		p.SetField("hints", len(sc.steps))
		if len(sc.steps) > 0 {
			p.SetField("hint_steps", sc.steps)
		} else {
			p.SetField("hint_steps", nil)
		}
		return nil
	})
}

// today shows the system as it is today.
func (sc *scaleCard) today() {
	s := sc.r.s
	if e := sc.c.Exercise; e != nil {
		s.Printf("%s\n", s.Wrap(e.Prompt, "  ", "  "))
		if len(e.Numbers) > 0 {
			items := make([]string, len(e.Numbers))
			for i, f := range e.Numbers {
				items[i] = text.CleanLine(f.Name) + ": " + text.CleanLine(f.Value)
			}
			sc.r.show("Today's numbers", "")
			for _, it := range items {
				s.Printf("%s\n", s.Wrap(it, "  - ", "    "))
			}
		}
		if strings.TrimSpace(e.Architecture) != "" {
			sc.r.show("Architecture today", "")
			verbatim(s, e.Architecture)
		}
		return
	}
	s.Printf("%s\n", s.Wrap(sc.rubric.Summary, "  ", "  "))
	for _, id := range []string{"architecture", "action"} {
		if txt := sc.r.storySection(sc.c, id); txt != "" {
			sc.r.show("Your project today, as your story tells it: "+sectionTitle(sc.r.env.Pack, sc.c.Story, id), txt)
		}
	}
}

// offerHints offers the exercise's hints before a section, one at a time,
// while any are left: question card.K.hint.SECTION.H, H from 0.
func (sc *scaleCard) offerHints(prefix, heading string, sec *pack.Section) error {
	if sc.c.Exercise == nil {
		return nil
	}
	hints := sc.c.Exercise.Hints
	for h := 0; len(sc.steps) < len(hints); h++ {
		ans, err := sc.r.s.Ask(session.Question{
			ID:      fmt.Sprintf("%s.hint.%s.%d", prefix, sec.ID, h),
			Kind:    session.Confirm,
			Message: fmt.Sprintf("See hint %d of %d before you answer?", len(sc.steps)+1, len(hints)),
			Heading: heading + " · " + sec.Title,
			Default: func() string { return session.No },
		})
		if err != nil {
			return err
		}
		if ans != session.Yes {
			return nil
		}
		n := len(sc.steps)
		sc.r.s.Printf("%s\n", sc.r.s.Wrap(hints[n], fmt.Sprintf("  Hint %d: ", n+1), "          "))
		sc.steps = append(sc.steps, sec.ID)
	}
	return nil
}

// report checks the answer as prep check would and shows what it found.
func (sc *scaleCard) report() error {
	doc, err := document.ReadFile(sc.r.ws.Path(sc.rel()))
	if err != nil {
		return err
	}
	sc.r.s.ShowCheck(sc.rel(), check.Check(doc, sc.rubric))
	return nil
}
