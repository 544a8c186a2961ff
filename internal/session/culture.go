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
}

// CultureValues are the values prep culture offers: the culture panel's
// guides that come with questions, in pack order.
func CultureValues(p *pack.Pack) []*pack.Guide {
	panel, ok := p.Panel(CulturePanel)
	if !ok {
		return nil
	}
	var out []*pack.Guide
	for i := range panel.Guides {
		if len(panel.Guides[i].Questions) > 0 {
			out = append(out, &panel.Guides[i])
		}
	}
	return out
}

// CheckCultureFlags says what is wrong with a --value before anything is
// asked.
func CheckCultureFlags(p *pack.Pack, value string) error {
	if _, _, err := cultureContent(p); err != nil {
		return err
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

// Culture runs prep culture: the panel's intro, a value to show (question
// id "value"), what such a story looks like and the questions that draw
// one out, the question the story answers ("question"), its title
// ("title"), then the story step ("story.<section>", "story.fix.K",
// "story.revise.K") with its check. The story is saved in stories/ with
// kind and panel culture. A session that stopped halfway offers to resume
// ("resume").
func Culture(env Env, opts CultureOptions) (*Outcome, error) {
	if err := env.check(); err != nil {
		return nil, err
	}
	if err := CheckCultureFlags(env.Pack, opts.Value); err != nil {
		return nil, err
	}
	panel, rubric, err := cultureContent(env.Pack)
	if err != nil {
		return nil, err
	}
	values := CultureValues(env.Pack)
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
		resumed, err := s.Resume(cultureWhere(ws, rubric, s, step))
		if err != nil {
			return nil, err
		}
		if !resumed {
			prev = name
		} else if v, ok := s.Answered("value"); ok && opts.Value != "" && v != opts.Value {
			s.Printf("Resuming your %s story; --value is used when you start over.\n", v)
		}
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
	if _, ok := s.Answered("value"); !ok {
		showWelcome(s, env.Pack)
		s.Show(guideBlock(panel, "intro", false))
		if opts.Value != "" {
			if err := s.Set(valueQ, opts.Value); err != nil {
				return nil, err
			}
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
	if err := st.run(); err != nil {
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
		{progname.Name() + " culture", "a story for another value"},
		{progname.Name() + " story list", "see it with your other stories"},
	})
	if err := s.Finish(); err != nil {
		return nil, err
	}
	return &Outcome{Stories: []StoryStatus{status}}, nil
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
	// The value's name is its guide's title up to a colon:
	// "Ownership: spot it, scope it, finish it" names Ownership.
	v, _, _ := strings.Cut(oneLine(g.Title), ":")
	return ws.SetSection(story, r, cultureValueSection, strings.TrimSpace(v)+". The question it answers: "+question)
}

// cultureWhere describes a step of prep culture for the resume question.
func cultureWhere(ws *workspace.Workspace, r *pack.Rubric, s *Session, step string) string {
	switch step {
	case "", "value":
		return "choosing a value"
	case "question":
		return "choosing the question"
	case "title":
		return "the title"
	}
	name, _ := s.Answered("file.story")
	story := storyNamed(ws, name)
	if story == nil {
		return "your story"
	}
	parts := strings.Split(step, ".")
	return fmt.Sprintf("%q, %s", oneLine(story.Meta.Title), storyStepName(r, parts[1:]))
}
