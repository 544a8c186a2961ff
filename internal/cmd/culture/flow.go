package culture

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/readiness"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// CultureName names the progress file of prep culture
// (sessions/culture.yaml).
const CultureName = "culture"

// CultureOptions are the flags of prep culture, checked once by the
// command before the session (CheckCultureFlags).
type CultureOptions struct {
	Value string // a value's guide id (ownership, …); "" asks
	// Part is the part of the session to work on (CultureParts); ""
	// asks, unless Value settles it.
	Part string
}

// The parts of prep culture, by the ids --part and the "part" answer use.
const (
	PartStory     = "story"
	PartWritten   = "written"
	PartFollowups = "followups"
	PartTeam      = "team"
	PartQuestions = "questions"
)

// CultureParts are the parts of prep culture, in menu order.
var CultureParts = []string{PartStory, PartWritten, PartFollowups, PartTeam, PartQuestions}

// errNoValues is a culture panel with no value to write a story for.
var errNoValues error = &lazy.Error{Msg: "the culture panel of the content pack has no values: add guides with questions to it in your --content pack"}

// CheckCultureFlags says what is wrong with a --value or a --part before
// anything is asked.
func CheckCultureFlags(p *pack.Pack, value, part string) error {
	if _, _, err := cultureContent(p); err != nil {
		return err
	}
	if part != "" && !slices.Contains(CultureParts, part) {
		return fmt.Errorf("--part %q: not a part of prep culture; use one of %s", part, strings.Join(CultureParts, ", "))
	}
	if value != "" && part != "" && part != PartStory {
		return fmt.Errorf("--value is for a story (--part %s), not --part %s; drop one of them", PartStory, part)
	}
	values := p.CultureValues()
	if len(values) == 0 {
		return errNoValues
	}
	if value == "" || slices.ContainsFunc(values, func(g *pack.Guide) bool { return g.ID == value }) {
		return nil
	}
	ids := make([]string, len(values))
	for i, g := range values {
		ids[i] = g.ID
	}
	return fmt.Errorf("--value %q: not a value of the culture panel; use one of %s", value, strings.Join(ids, ", "))
}

func cultureContent(p *pack.Pack) (*pack.Panel, *pack.Rubric, error) {
	panel, ok := p.Panel(pack.CulturePanel)
	if !ok {
		return nil, nil, fmt.Errorf("the content pack has no culture panel; add one to your --content pack (%s content show culture shows the built-in one)", progname.Name())
	}
	rid := panel.Rubric
	if rid == "" {
		rid = workspace.KindCulture
	}
	r, ok := p.Rubric(rid)
	if !ok {
		return nil, nil, fmt.Errorf("the culture panel checks stories with rubric %q, which the content pack does not have; add it or fix the panel's rubric", rid)
	}
	return panel, r, nil
}

// Culture runs prep culture. After the panel's intro it asks which part
// to work on ("part"), unless --part or --value settles it:
//
//   - story: a value to show ("value"), what such a story looks like and
//     the questions that draw one out, the question the story answers
//     ("question"), its title ("title"), the story step ("story.<section>",
//     "story.fix.K", "story.revise.K") with its check, the follow-ups an
//     interviewer would probe it with ("story.followup.K"), and what of
//     the value the story shows. The story is saved in stories/ with kind
//     and panel culture.
//   - written: a written-first exercise (see cultureWritten).
//   - followups: the probes on a culture story already written (see
//     cultureFollowups).
//   - team, questions: "why this team", the open-source work to read, and
//     the questions to ask the interviewers (see cultureNotes).
//
// A session that stopped halfway offers to resume ("resume").
func Culture(env session.Env, opts CultureOptions) (*storyflow.Outcome, error) {
	if err := env.Check(); err != nil {
		return nil, err
	}
	// The flags were checked once, by the command, before the session
	// (CheckCultureFlags); what the session needs of the pack is said
	// here when no flag named a value or a part.
	panel, rubric, err := cultureContent(env.Pack)
	if err != nil {
		return nil, err
	}
	if len(env.Pack.CultureValues()) == 0 {
		return nil, errNoValues
	}
	ws := env.Workspace
	s, err := session.Open(ws, CultureName, env.Prompter, env.IO)
	if err != nil {
		return nil, err
	}
	defer s.Close()

	s.Printf("%s\n%s\n", session.PanelHeader(env.Pack, panel), s.Wrap(panel.Summary, "  ", "  "))
	prev := ""
	if step, ok := s.Stopped(); ok {
		name, _ := s.Answered("file.story")
		resumed, err := s.Resume(cultureWhere(env.Pack, ws, rubric, s, step))
		if err != nil {
			return nil, err
		}
		if !resumed {
			prev = name
		} else if v, ok := s.Answered("value"); ok && opts.Value != "" && v != opts.Value {
			s.Printf("Resuming your %s story; --value is used when you start over.\n", v)
		}
	}

	c := &culture{env: env, s: s, ws: ws, panel: panel, rubric: rubric}
	partQ := c.partQuestion()
	if _, ok := s.Answered(partQ.ID); !ok {
		s.Welcome(env.Pack)
		s.Show(session.GuideBlock(panel, "intro", false))
		part := opts.Part
		if part == "" && opts.Value != "" {
			part = PartStory
		}
		if part != "" {
			if err := s.Set(partQ, part); err != nil {
				return nil, err
			}
		}
	}
	part, err := s.Ask(partQ)
	if err != nil {
		return nil, err
	}
	var out *storyflow.Outcome
	switch part {
	case PartWritten:
		out, err = c.written()
	case PartFollowups:
		out, err = c.followups()
	case PartTeam, PartQuestions:
		out, err = c.notes(part)
	default:
		out, err = c.story(opts.Value, prev)
	}
	if err != nil {
		return nil, err
	}
	if err := s.Finish(); err != nil {
		return nil, err
	}
	return out, nil
}

// culture is one run of prep culture.
type culture struct {
	env    session.Env
	s      *session.Session
	ws     *workspace.Workspace
	panel  *pack.Panel
	rubric *pack.Rubric
}

// partQuestion asks which part of the session to work on. Follow-ups on
// a story are offered only once there is a culture story to probe; an
// answers file may still name the part.
func (c *culture) partQuestion() session.Question {
	q := session.Question{ID: "part", Kind: session.Select, Message: "What will you work on?", Heading: "Your Culture Panel prep"}
	label := func(id, fallback string) string {
		if g, ok := c.panel.Guide(id); ok {
			return text.CleanLine(g.Title)
		}
		return fallback
	}
	q.Options = append(q.Options, session.Option{Value: PartStory, Label: "A story for one of the values"})
	if len(c.exercises()) > 0 {
		q.Options = append(q.Options, session.Option{Value: PartWritten, Label: label(pack.CultureWrittenGuide, "A written-first exercise")})
	}
	if len(c.stories()) > 0 {
		q.Options = append(q.Options, session.Option{Value: PartFollowups, Label: "Follow-ups on one of your culture stories"})
	}
	q.Options = append(q.Options,
		session.Option{Value: PartTeam, Label: label(pack.CultureWhyTeamGuide, "Why this team, and their open-source work")},
		session.Option{Value: PartQuestions, Label: label(pack.CultureAskGuide, "Your questions for the interviewers")},
	)
	return q
}

// story is the story part: one story for one value.
func (c *culture) story(value, prev string) (*storyflow.Outcome, error) {
	env, s, ws, panel, rubric := c.env, c.s, c.ws, c.panel, c.rubric
	values := env.Pack.CultureValues()
	if len(values) == 0 {
		return nil, errors.New("the culture panel of the content pack has no values: add guides with questions to it in your --content pack")
	}
	valueQ := session.Question{
		ID:      "value",
		Kind:    session.Select,
		Message: "Which value will your story show?",
		Heading: "Your culture story",
	}
	for _, g := range values {
		valueQ.Options = append(valueQ.Options, session.Option{Value: g.ID, Label: text.CleanLine(g.Title)})
	}
	if _, ok := s.Answered("value"); !ok && value != "" {
		if err := s.Set(valueQ, value); err != nil {
			return nil, err
		}
	}
	value, err := s.Ask(valueQ)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(values, func(g *pack.Guide) bool { return g.ID == value })
	if i < 0 {
		return nil, fmt.Errorf("%s: value is %q, which the culture panel no longer has; run %s culture again and choose Start over", filepath.Join(ws.Dir(), workspace.SessionsDir, CultureName+".yaml"), value, progname.Name())
	}
	g := values[i]

	questionQ := session.Question{
		ID:      "question",
		Kind:    session.Select,
		Message: "Which of these questions will your story answer?",
		Intro:   &session.Block{Key: "culture.value." + g.ID, Title: g.Title, Text: g.Text, Items: g.Questions},
	}
	for _, q := range g.Questions {
		questionQ.Options = append(questionQ.Options, session.Option{Value: text.CleanLine(q), Label: text.CleanLine(q)})
	}
	question, err := s.Ask(questionQ)
	if err != nil {
		return nil, err
	}

	kind := rubric.ID
	titleQ := session.Question{
		ID:       "title",
		Kind:     session.Input,
		Message:  "A short title for the story",
		Validate: session.Required("give the story a title, such as \"Owning the on-call rota\""),
		Default: func() string {
			if st := storyflow.Named(ws, prev); st != nil {
				return st.Meta.Title
			}
			return ""
		},
		Save: func(ans string) error {
			if err := storyflow.Create(env, s, kind, prev, ans); err != nil {
				return err
			}
			return prefillValue(ws, s, rubric, g, question)
		},
	}
	if _, ok := s.Answered(titleQ.ID); !ok {
		c.offerExamples(kind)
	}
	if _, err := s.Ask(titleQ); err != nil {
		return nil, err
	}

	name, _ := s.Answered("file.story")
	story, err := storyflow.Made(ws, name, "culture")
	if err != nil {
		return nil, err
	}
	s.Show(&session.Block{Key: "culture.question", Title: "The question your story answers", Text: question})
	st := storyflow.NewStep(s, env, "story", name, text.CleanLine(story.Meta.Title), rubric, panel)
	st.Bank = probesOf(st.Bank, g.ID)
	if err := st.Run(); err != nil {
		return nil, err
	}
	if err := c.evidenceLoop(st, g); err != nil {
		return nil, err
	}
	status, err := st.Status()
	if err != nil {
		return nil, err
	}
	s.Printf("\nYour story is in %s: %s.\n", filepath.Join(ws.Dir(), workspace.StoriesDir, name), status.Summary())
	s.Printf("\nNext:\n")
	s.Next([][2]string{
		{progname.Name() + " story edit " + strings.TrimSuffix(name, filepath.Ext(name)), "work on it in your editor"},
		{progname.Name() + " culture --value " + g.ID, "another story, for this value or another"},
		{progname.Name() + " culture --part " + PartWritten, "a written-first exercise"},
		{progname.Name() + " status", "which values your stories show"},
	})
	return &storyflow.Outcome{Stories: []storyflow.StoryStatus{status}}, nil
}

// evidenceLoop says what prep status will count of the story's value:
// the sentence that meets each of the value's key points, and the points
// still unmet with what the panel listens for in them. While a point is
// unmet it offers, in round K, to add it to a section ("story.show.K": a
// section, or Move on; "story.reshow.K": its new text), with the unmet
// points as notes.
func (c *culture) evidenceLoop(st *storyflow.Step, g *pack.Guide) error {
	for k := 0; ; k++ {
		showID := fmt.Sprintf("story.show.%d", k)
		choice, answered := c.s.Answered(showID)
		var missing []string
		if !answered {
			story, err := st.Load()
			if err != nil {
				return err
			}
			ve, ok := evidenceOf(c.env.Pack, c.rubric, story, g)
			if !ok {
				return nil
			}
			c.showEvidence(ve)
			if ve.Shown() {
				return nil
			}
			for _, kp := range ve.Missing() {
				missing = append(missing, "missing: "+text.CleanLine(kp.Point)+"\n"+text.CleanLine(kp.Why))
			}
			q := session.Question{ID: showID, Kind: session.Select, Message: "Tell what is missing in a section now, or move on?", Heading: st.Label + " · what it shows"}
			for _, sec := range st.Rubric.Sections {
				if sec.ID != pack.CultureValueSection && (st.Rehearse == nil || sec.ID != st.Rehearse.ID) {
					q.Options = append(q.Options, session.Option{Value: sec.ID, Label: sec.Title})
				}
			}
			q.Options = append(q.Options, session.Option{Value: storyflow.MoveOn, Label: "Move on"})
			q.Default = func() string { return storyflow.MoveOn }
			if choice, err = c.s.Ask(q); err != nil {
				return err
			}
		}
		i := slices.IndexFunc(st.Rubric.Sections, func(sec pack.Section) bool { return sec.ID == choice })
		if choice == storyflow.MoveOn || i < 0 {
			return nil
		}
		sec := &st.Rubric.Sections[i]
		q := st.SectionQuestion(fmt.Sprintf("story.reshow.%d", k), sec, sec.Guidance)
		q.Notes = missing
		if _, err := c.s.Ask(q); err != nil {
			return err
		}
	}
}

// evidenceOf is what a story shows of one value; false when the value
// has no key points to show.
func evidenceOf(p *pack.Pack, r *pack.Rubric, story *workspace.Story, g *pack.Guide) (readiness.ValueEvidence, bool) {
	for _, ve := range readiness.CultureEvidence(p, r, story) {
		if ve.Value == g && len(ve.Points) > 0 {
			return ve, true
		}
	}
	return readiness.ValueEvidence{}, false
}

// showEvidence prints what a story shows of a value, point by point.
func (c *culture) showEvidence(ve readiness.ValueEvidence) {
	name := ve.Value.ValueName()
	if ve.Shown() {
		c.s.Printf("\n%s\n", c.s.Wrap("The story shows "+name+": prep status counts it.", "", "  "))
	} else {
		c.s.Printf("\n%s\n", c.s.Wrap("The story does not show "+name+" yet: prep status counts it once every point below is told.", "", "  "))
	}
	for _, p := range ve.Points {
		if p.Quote != "" {
			c.s.Printf("%s\n", c.s.Wrap(text.CleanLine(p.Point.Point)+" “"+p.Quote+"”", "  ✓ ", "    "))
			continue
		}
		c.s.Printf("%s\n", c.s.Wrap(text.CleanLine(p.Point.Point)+" "+text.CleanLine(p.Point.Why), "  ✗ ", "    "))
	}
}

// stories are the culture stories of the workspace, by file name.
func (c *culture) stories() []workspace.Story {
	all, _ := c.ws.Stories()
	var out []workspace.Story
	for _, st := range all {
		if st.Meta.Kind == c.rubric.ID || st.Meta.Panel == c.panel.ID {
			out = append(out, st)
		}
	}
	return out
}

// prefillValue writes, in a story's still empty value section, the value
// chosen and the question the story answers: the candidate confirms or
// edits it when the step comes, and the file says what the story is for.
func prefillValue(ws *workspace.Workspace, s *session.Session, r *pack.Rubric, g *pack.Guide, question string) error {
	i := slices.IndexFunc(r.Sections, func(sec pack.Section) bool { return sec.ID == pack.CultureValueSection })
	if i < 0 {
		return nil
	}
	name, _ := s.Answered("file.story")
	story := storyflow.Named(ws, name)
	if story == nil {
		return nil // the story step reports a story gone missing
	}
	if text, _ := story.Section(r, pack.CultureValueSection); strings.TrimSpace(text) != "" {
		return nil
	}
	return ws.SetSection(story, r, pack.CultureValueSection, g.ValueName()+". The question it answers: "+question)
}

// cultureWhere describes a step of prep culture for the resume question.
func cultureWhere(p *pack.Pack, ws *workspace.Workspace, r *pack.Rubric, s *session.Session, step string) string {
	switch step {
	case "", "part":
		return "choosing what to work on"
	case "value":
		return "choosing a value"
	case "question":
		return "choosing the question"
	case "title":
		return "the title"
	}
	parts := strings.Split(step, ".")
	switch parts[0] {
	case PartWritten:
		if id, ok := s.Answered(writtenExerciseID); ok {
			if e, ok := p.Exercise(id); ok {
				return fmt.Sprintf("the written exercise %q", text.CleanLine(e.Title))
			}
		}
		return "the written exercise"
	case PartTeam:
		return "why this team"
	case PartQuestions:
		return "your questions for the interviewers"
	case PartFollowups:
		name, _ := s.Answered(followupsStoryID)
		story := storyflow.Named(ws, name)
		if step == followupsStoryID || story == nil {
			return "choosing a story to rehearse"
		}
		return fmt.Sprintf("%q, %s", text.CleanLine(story.Meta.Title), storyflow.StepName(r, parts[1:]))
	}
	name, _ := s.Answered("file.story")
	story := storyflow.Named(ws, name)
	if story == nil {
		return "your story"
	}
	if len(parts) > 1 && (parts[1] == "show" || parts[1] == "reshow") {
		return fmt.Sprintf("%q, what it shows of its value", text.CleanLine(story.Meta.Title))
	}
	return fmt.Sprintf("%q, %s", text.CleanLine(story.Meta.Title), storyflow.StepName(r, parts[1:]))
}
