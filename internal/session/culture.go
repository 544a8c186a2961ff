package session

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/workspace"
)

// CulturePanel is the id of the pack panel prep culture follows.
const CulturePanel = "culture"

// CultureName names the progress file of prep culture
// (sessions/culture.yaml).
const CultureName = "culture"

// cultureValueSection is the culture rubric's section that names the
// value a story shows; prep culture fills it in advance with the value
// chosen and the question the story answers.
const cultureValueSection = "value"

// CultureOptions are the flags of prep culture.
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

// CultureValues are the values prep culture offers: the culture panel's
// guides that come with questions, in pack order, except the guides of
// the session's other parts (see cultureGuides).
func CultureValues(p *pack.Pack) []*pack.Guide {
	panel, ok := p.Panel(CulturePanel)
	if !ok {
		return nil
	}
	var out []*pack.Guide
	for i := range panel.Guides {
		g := &panel.Guides[i]
		if len(g.Questions) > 0 && !cultureGuide(g.ID) {
			out = append(out, g)
		}
	}
	return out
}

// The culture panel's guides that are not values: the texts of prep
// culture's other parts, and the follow-ups asked about a value's story
// (probesPrefix and the value's id).
const (
	cultureWrittenGuide    = "written"
	cultureFollowupsGuide  = "followups"
	cultureWhyTeamGuide    = "why_team"
	cultureOpenSourceGuide = "open_source"
	cultureAskGuide        = "ask"
	probesPrefix           = "probes-"
)

func cultureGuide(id string) bool {
	switch id {
	case cultureWrittenGuide, cultureFollowupsGuide, cultureWhyTeamGuide, cultureOpenSourceGuide, cultureAskGuide:
		return true
	}
	return strings.HasPrefix(id, probesPrefix)
}

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
	values := CultureValues(p)
	if len(values) == 0 {
		return errors.New("the culture panel of the content pack has no values: add guides with questions to it in your --content pack")
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
	panel, ok := p.Panel(CulturePanel)
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
func Culture(env Env, opts CultureOptions) (*Outcome, error) {
	if err := env.check(); err != nil {
		return nil, err
	}
	if err := CheckCultureFlags(env.Pack, opts.Value, opts.Part); err != nil {
		return nil, err
	}
	panel, rubric, err := cultureContent(env.Pack)
	if err != nil {
		return nil, err
	}
	ws := env.Workspace
	s, err := Open(ws, CultureName, env.Prompter, env.IO.Out)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	s.FitTo(env.IO)

	s.Printf("%s\n%s\n", panelHeader(env.Pack, panel), s.wrap(panel.Summary, "  ", "  "))
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
		showWelcome(s, env.Pack)
		s.Show(guideBlock(panel, "intro", false))
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
	var out *Outcome
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
	env    Env
	s      *Session
	ws     *workspace.Workspace
	panel  *pack.Panel
	rubric *pack.Rubric
}

// partQuestion asks which part of the session to work on. Follow-ups on
// a story are offered only once there is a culture story to probe; an
// answers file may still name the part.
func (c *culture) partQuestion() Question {
	q := Question{ID: "part", Kind: Select, Message: "What will you work on?", Heading: "Your Culture Panel prep"}
	label := func(id, fallback string) string {
		if g, ok := c.panel.Guide(id); ok {
			return oneLine(g.Title)
		}
		return fallback
	}
	q.Options = append(q.Options, Option{Value: PartStory, Label: "A story for one of the values"})
	if len(c.exercises()) > 0 {
		q.Options = append(q.Options, Option{Value: PartWritten, Label: label(cultureWrittenGuide, "A written-first exercise")})
	}
	if len(c.stories()) > 0 {
		q.Options = append(q.Options, Option{Value: PartFollowups, Label: "Follow-ups on one of your culture stories"})
	}
	q.Options = append(q.Options,
		Option{Value: PartTeam, Label: label(cultureWhyTeamGuide, "Why this team, and their open-source work")},
		Option{Value: PartQuestions, Label: label(cultureAskGuide, "Your questions for the interviewers")},
	)
	return q
}

// story is the story part: one story for one value.
func (c *culture) story(value, prev string) (*Outcome, error) {
	env, s, ws, panel, rubric := c.env, c.s, c.ws, c.panel, c.rubric
	values := CultureValues(env.Pack)
	if len(values) == 0 {
		return nil, errors.New("the culture panel of the content pack has no values: add guides with questions to it in your --content pack")
	}
	valueQ := Question{
		ID:      "value",
		Kind:    Select,
		Message: "Which value will your story show?",
		Heading: "Your culture story",
	}
	for _, g := range values {
		valueQ.Options = append(valueQ.Options, Option{Value: g.ID, Label: oneLine(g.Title)})
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

	questionQ := Question{
		ID:      "question",
		Kind:    Select,
		Message: "Which of these questions will your story answer?",
		Intro:   &Block{Key: "culture.value." + g.ID, Title: g.Title, Text: g.Text, Items: g.Questions},
	}
	for _, q := range g.Questions {
		questionQ.Options = append(questionQ.Options, Option{Value: oneLine(q), Label: oneLine(q)})
	}
	question, err := s.Ask(questionQ)
	if err != nil {
		return nil, err
	}

	kind := rubric.ID
	titleQ := Question{
		ID:       "title",
		Kind:     Input,
		Message:  "A short title for the story",
		Validate: required("give the story a title, such as \"Owning the on-call rota\""),
		Default: func() string {
			if st := storyNamed(ws, prev); st != nil {
				return st.Meta.Title
			}
			return ""
		},
		Save: func(ans string) error {
			if err := createStory(env, s, kind, prev, ans); err != nil {
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
	story := storyNamed(ws, name)
	if story == nil {
		_, err := ws.Story(name)
		if err == nil || errors.Is(err, workspace.ErrNotFound) {
			err = fmt.Errorf("%s: the story this session was writing is gone; put it back, or run %s culture again and choose Start over", filepath.Join(ws.Dir(), workspace.StoriesDir, name), progname.Name())
		}
		return nil, err
	}
	s.Show(&Block{Key: "culture.question", Title: "The question your story answers", Text: question})
	st := newStoryStep(s, env, "story", name, oneLine(story.Meta.Title), rubric, panel)
	st.bank = probesOf(st.bank, g.ID)
	if err := st.run(); err != nil {
		return nil, err
	}
	if err := c.evidenceLoop(st, g); err != nil {
		return nil, err
	}
	status, err := st.status()
	if err != nil {
		return nil, err
	}
	s.Printf("\nYour story is in %s: %s.\n", filepath.Join(ws.Dir(), workspace.StoriesDir, name), status.Summary())
	s.Printf("\nNext:\n")
	printNext(s, [][2]string{
		{progname.Name() + " story edit " + strings.TrimSuffix(name, filepath.Ext(name)), "work on it in your editor"},
		{progname.Name() + " culture --value " + g.ID, "another story, for this value or another"},
		{progname.Name() + " culture --part " + PartWritten, "a written-first exercise"},
		{progname.Name() + " status", "which values your stories show"},
	})
	return &Outcome{Stories: []StoryStatus{status}}, nil
}

// evidenceLoop says what prep status will count of the story's value:
// the sentence that meets each of the value's key points, and the points
// still unmet with what the panel listens for in them. While a point is
// unmet it offers, in round K, to add it to a section ("story.show.K": a
// section, or Move on; "story.reshow.K": its new text), with the unmet
// points as notes.
func (c *culture) evidenceLoop(st *storyStep, g *pack.Guide) error {
	for k := 0; ; k++ {
		showID := fmt.Sprintf("story.show.%d", k)
		choice, answered := c.s.Answered(showID)
		var missing []string
		if !answered {
			story, err := st.load()
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
				missing = append(missing, "missing: "+oneLine(kp.Point)+"\n"+oneLine(kp.Why))
			}
			q := Question{ID: showID, Kind: Select, Message: "Tell what is missing in a section now, or move on?", Heading: st.label + " · what it shows"}
			for _, sec := range st.rubric.Sections {
				if sec.ID != cultureValueSection && (st.rehearse == nil || sec.ID != st.rehearse.ID) {
					q.Options = append(q.Options, Option{Value: sec.ID, Label: sec.Title})
				}
			}
			q.Options = append(q.Options, Option{Value: moveOn, Label: "Move on"})
			q.Default = func() string { return moveOn }
			if choice, err = c.s.Ask(q); err != nil {
				return err
			}
		}
		i := slices.IndexFunc(st.rubric.Sections, func(sec pack.Section) bool { return sec.ID == choice })
		if choice == moveOn || i < 0 {
			return nil
		}
		sec := &st.rubric.Sections[i]
		q := st.sectionQuestion(fmt.Sprintf("story.reshow.%d", k), sec, sec.Guidance)
		q.Notes = missing
		if _, err := c.s.Ask(q); err != nil {
			return err
		}
	}
}

// evidenceOf is what a story shows of one value; false when the value
// has no key points to show.
func evidenceOf(p *pack.Pack, r *pack.Rubric, story *workspace.Story, g *pack.Guide) (ValueEvidence, bool) {
	for _, ve := range CultureEvidence(p, r, story) {
		if ve.Value == g && len(ve.Points) > 0 {
			return ve, true
		}
	}
	return ValueEvidence{}, false
}

// showEvidence prints what a story shows of a value, point by point.
func (c *culture) showEvidence(ve ValueEvidence) {
	name := valueName(ve.Value)
	if ve.Shown() {
		c.s.Printf("\n%s\n", c.s.wrap("The story shows "+name+": prep status counts it.", "", "  "))
	} else {
		c.s.Printf("\n%s\n", c.s.wrap("The story does not show "+name+" yet: prep status counts it once every point below is told.", "", "  "))
	}
	for _, p := range ve.Points {
		if p.Quote != "" {
			c.s.Printf("%s\n", c.s.wrap(oneLine(p.Point.Point)+" “"+p.Quote+"”", "  ✓ ", "    "))
			continue
		}
		c.s.Printf("%s\n", c.s.wrap(oneLine(p.Point.Point)+" "+oneLine(p.Point.Why), "  ✗ ", "    "))
	}
}

// valueName is a value's name: its guide's title up to a colon, so
// "Ownership: spot it, scope it, finish it" names Ownership.
func valueName(g *pack.Guide) string {
	v, _, _ := strings.Cut(oneLine(g.Title), ":")
	return strings.TrimSpace(v)
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
func prefillValue(ws *workspace.Workspace, s *Session, r *pack.Rubric, g *pack.Guide, question string) error {
	i := slices.IndexFunc(r.Sections, func(sec pack.Section) bool { return sec.ID == cultureValueSection })
	if i < 0 {
		return nil
	}
	name, _ := s.Answered("file.story")
	story := storyNamed(ws, name)
	if story == nil {
		return nil // the story step reports a story gone missing
	}
	if text, _ := story.Section(r, cultureValueSection); strings.TrimSpace(text) != "" {
		return nil
	}
	return ws.SetSection(story, r, cultureValueSection, valueName(g)+". The question it answers: "+question)
}

// cultureWhere describes a step of prep culture for the resume question.
func cultureWhere(p *pack.Pack, ws *workspace.Workspace, r *pack.Rubric, s *Session, step string) string {
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
				return fmt.Sprintf("the written exercise %q", oneLine(e.Title))
			}
		}
		return "the written exercise"
	case PartTeam:
		return "why this team"
	case PartQuestions:
		return "your questions for the interviewers"
	case PartFollowups:
		name, _ := s.Answered(followupsStoryID)
		story := storyNamed(ws, name)
		if step == followupsStoryID || story == nil {
			return "choosing a story to rehearse"
		}
		return fmt.Sprintf("%q, %s", oneLine(story.Meta.Title), storyStepName(r, parts[1:]))
	}
	name, _ := s.Answered("file.story")
	story := storyNamed(ws, name)
	if story == nil {
		return "your story"
	}
	if len(parts) > 1 && (parts[1] == "show" || parts[1] == "reshow") {
		return fmt.Sprintf("%q, what it shows of its value", oneLine(story.Meta.Title))
	}
	return fmt.Sprintf("%q, %s", oneLine(story.Meta.Title), storyStepName(r, parts[1:]))
}
