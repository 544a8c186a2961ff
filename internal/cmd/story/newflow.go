package story

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// StoryNewName names the progress file of prep story new
// (sessions/story-new.yaml).
const StoryNewName = "story-new"

// StoryOptions are the flags of prep story new.
type StoryOptions struct {
	Title string // "" asks for it
	Kind  string // a rubric id; "" is star
}

// NewStory runs prep story new: one story's guided questions (question id
// "title", then the story step with ids "story.<section>",
// "story.fix.K", "story.revise.K" and "story.followup.K"), its check and
// its follow-ups when its rubric has a follow-ups section. A session that
// stopped halfway offers to resume.
func NewStory(env session.Env, opts StoryOptions) (*storyflow.Outcome, error) {
	if err := env.Check(); err != nil {
		return nil, err
	}
	kind := opts.Kind
	if kind == "" {
		kind = workspace.KindStar
	}
	if _, ok := env.Pack.Rubric(kind); !ok {
		return nil, fmt.Errorf("--kind %q: not a kind prep knows; use one of %s", kind, strings.Join(env.Pack.RubricIDs(), ", "))
	}
	ws := env.Workspace
	s, err := session.Open(ws, StoryNewName, env.Prompter, env.IO)
	if err != nil {
		return nil, err
	}
	defer s.Close()

	// prev is the story of a session started over: giving it the same
	// title again takes it up rather than making a copy.
	prev := ""
	if step, ok := s.Stopped(); ok {
		name, _ := s.Answered("file.story")
		resumed, err := s.Resume(newStoryWhere(env.Pack, ws, s, step))
		if err != nil {
			return nil, err
		}
		if !resumed {
			prev = name
		} else if t, ok := s.Answered("title"); ok && opts.Title != "" && !storyflow.SameTitle(t, opts.Title) {
			s.Printf("Resuming %q; --title is used when you start over.\n", text.CleanLine(t))
		}
	}
	titleQ := session.Question{
		ID:       "title",
		Kind:     session.Input,
		Message:  "A short title for the story",
		Validate: session.Required("give the story a title, such as \"Moving ledger writes off checkout\""),
		Default: func() string {
			if st := storyflow.Named(ws, prev); st != nil {
				return st.Meta.Title
			}
			return ""
		},
		Save: func(ans string) error { return storyflow.Create(env, s, kind, prev, ans) },
	}
	if _, ok := s.Answered("title"); !ok && strings.TrimSpace(opts.Title) != "" {
		err = s.Set(titleQ, opts.Title)
	} else {
		_, err = s.Ask(titleQ)
	}
	if err != nil {
		return nil, err
	}

	name, _ := s.Answered("file.story")
	story, err := storyflow.Made(ws, name, "story new")
	if err != nil {
		return nil, err
	}
	if story.Meta.Kind != "" {
		kind = story.Meta.Kind
	}
	rubric, ok := env.Pack.Rubric(kind)
	if !ok {
		return nil, fmt.Errorf("%s: front matter names kind %q, which prep does not know; use one of %s", story.Path, kind, strings.Join(env.Pack.RubricIDs(), ", "))
	}
	st := storyflow.NewStep(s, env, "story", name, text.CleanLine(story.Meta.Title), rubric, storyflow.PanelFor(env.Pack, kind))
	if err := st.Run(); err != nil {
		return nil, err
	}
	status, err := st.Status()
	if err != nil {
		return nil, err
	}
	rel := filepath.Join(workspace.StoriesDir, name)
	s.Printf("\nYour story is in %s: %s.\n", filepath.Join(ws.Dir(), rel), status.Summary())
	s.Printf("\nNext:\n")
	s.Printf("  %-34s %s\n", progname.Name()+" story edit "+strings.TrimSuffix(name, filepath.Ext(name)), "work on it in your editor")
	s.Printf("  %-34s %s\n", progname.Name()+" story list", "see it with your other stories, and rank your top 3")
	if err := s.Finish(); err != nil {
		return nil, err
	}
	return &storyflow.Outcome{Stories: []storyflow.StoryStatus{status}}, nil
}

// newStoryWhere describes a step of prep story new for the resume question.
func newStoryWhere(p *pack.Pack, ws *workspace.Workspace, s *session.Session, step string) string {
	name, _ := s.Answered("file.story")
	story := storyflow.Named(ws, name)
	if step == "title" || story == nil {
		return "the title"
	}
	r, _ := p.Rubric(story.Meta.Kind)
	if story.Meta.Kind == "" {
		r, _ = p.Rubric(workspace.KindStar)
	}
	parts := strings.Split(step, ".")
	return fmt.Sprintf("%q, %s", text.CleanLine(story.Meta.Title), storyflow.StepName(r, parts[1:]))
}
