package rehearse

import (
	"fmt"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/sheet"
	"github.com/prepcli/prep/internal/speech"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/wording"
	"github.com/prepcli/prep/internal/workspace"
)

// subject is what is rehearsed: a story or a scenario, with its cue card
// and the beats to listen for.
type subject struct {
	story    string // the story's file name; "" for a scenario
	scenario string // the scenario's id
	title    string
	name     string // how the report names it
	rubric   *pack.Rubric
	limit    time.Duration
	// card is the cue card's lines, label and text; beats what to check.
	card  [][2]string
	beats []speech.Beat
	// prompt is a scenario's problem statement.
	prompt string
	// coaching is the pack's pace band and hints on delivery.
	coaching pack.Rehearse
}

func (opts *Options) subject(p *pack.Pack, ws *workspace.Workspace) (*subject, error) {
	subj, err := opts.subjectOf(p, ws)
	if subj != nil {
		subj.coaching = p.Meta.Rehearse
	}
	return subj, err
}

func (opts *Options) subjectOf(p *pack.Pack, ws *workspace.Workspace) (*subject, error) {
	if opts.Scenario != "" {
		return opts.scenarioSubject(p)
	}
	var s *workspace.Story
	if opts.Ref != "" {
		var err error
		if s, err = ws.Story(opts.Ref); err != nil {
			return nil, err
		}
	} else {
		stories, errs := ws.Stories()
		if len(stories) == 0 {
			if len(errs) > 0 {
				return nil, errs[0]
			}
			return nil, fmt.Errorf("no stories yet in %s; write one with %s story new (or %s background), then rehearse it", ws.Dir(), progname.Name(), progname.Name())
		}
		// Stories come ranked first, rank 1 at the top.
		s = &stories[0]
	}
	kind := opts.Kind
	if kind == "" {
		kind = s.Meta.Kind
	}
	if kind == "" {
		kind = workspace.KindStar
	}
	r, ok := p.Rubric(kind)
	if !ok {
		return nil, fmt.Errorf("kind %q is not one prep knows; give --kind one of %s", kind, strings.Join(p.RubricIDs(), ", "))
	}
	title := text.OneLine(s.Meta.Title)
	if title == "" {
		title = s.Name()
	}
	subj := &subject{
		story: s.Name(), title: title, rubric: r, limit: StoryTime,
		name: workspace.StoriesDir + "/" + s.Name(),
	}
	subj.cardOf(sheet.CardOf(s.Body, r, p.Meta.Sheet))
	return subj, nil
}

func (opts *Options) scenarioSubject(p *pack.Pack) (*subject, error) {
	ex, ok := p.Exercise(opts.Scenario)
	if !ok {
		return nil, fmt.Errorf("no scenario %q in the content pack; %s content list shows the ids", opts.Scenario, progname.Name())
	}
	kind := opts.Kind
	if kind == "" {
		kind = ex.Kind
	}
	if kind == "" {
		kind = workspace.KindDesign
	}
	r, ok := p.Rubric(kind)
	if !ok {
		return nil, fmt.Errorf("kind %q is not one prep knows; give --kind one of %s", kind, strings.Join(p.RubricIDs(), ", "))
	}
	subj := &subject{
		scenario: ex.ID, title: text.OneLine(ex.Title), rubric: r,
		limit: ScenarioTime, name: "scenario " + ex.ID, prompt: text.OneLine(ex.Prompt),
	}
	subj.card = append(subj.card, [2]string{"Problem", subj.prompt})
	var parts []string
	for _, s := range r.Sections {
		parts = append(parts, s.Title)
	}
	subj.card = append(subj.card, [2]string{"Cover", strings.Join(parts, ", ")})
	// Spoken, a point counts when one of its phrases is heard with a
	// word or two between (recognisers insert words), so the transcript
	// is matched here rather than by the written answer's Cover.
	for _, k := range ex.KeyPoints {
		subj.beats = append(subj.beats, speech.Beat{
			Name: k.ID, Text: k.Point, Phrases: k.Words,
			Ask: fmt.Sprintf("Did you make the point: %s?", strings.TrimRight(k.Point, ".")),
		})
	}
	return subj, nil
}

// cardOf lays out a story's cue card and the beats it holds, in the
// order a story is told.
func (subj *subject) cardOf(c sheet.Card) {
	add := func(name, label, text, ask string) {
		if text == "" {
			return
		}
		subj.card = append(subj.card, [2]string{label, text})
		subj.beats = append(subj.beats, speech.Beat{Name: name, Text: text, Ask: ask})
	}
	add("pitch", "Pitch", c.Pitch, "Did you open with the one-line pitch?")
	for _, f := range c.Figures {
		ask := "Did you say the figure: " + strings.TrimRight(f, ".") + "?"
		if q := figureWords(wording.Quantity(f).Words); q != "" {
			ask = "Did you say the " + q + " figure?"
		}
		add("figure", "Figure", f, ask)
	}
	add("decision", "Decision", c.Decision, "Did you say what you decided, and why?")
	add("turned down", "Turned down", c.TurnedDown, "Did you name the alternative you turned down?")
	add("mistake", "Mistake", c.Mistake, "Did you say what went wrong, your own mistake?")
	add("lesson", "Lesson", c.Lesson, "Did you say what you learned?")
}

// figureWords is a quantity without the word that led into it: "from
// 2.1 s" is "2.1 s".
func figureWords(q string) string {
	f := strings.Fields(q)
	for len(f) > 1 {
		switch strings.ToLower(f[0]) {
		case "from", "for", "past", "to", "by", "about", "under", "over", "of", "at", "in", "than", "around", "nearly", "almost", "some", "roughly":
			f = f[1:]
			continue
		}
		break
	}
	return strings.Join(f, " ")
}
