package session

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
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
func NewStory(env Env, opts StoryOptions) (*Outcome, error) {
	if err := env.check(); err != nil {
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
	s, err := Open(ws, StoryNewName, env.Prompter, env.IO.Out)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	s.FitTo(env.IO)

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
		} else if t, ok := s.Answered("title"); ok && opts.Title != "" && !sameTitle(t, opts.Title) {
			s.Printf("Resuming %q; --title is used when you start over.\n", oneLine(t))
		}
	}
	titleQ := Question{
		ID:       "title",
		Kind:     Input,
		Message:  "A short title for the story",
		Validate: required("give the story a title, such as \"Moving ledger writes off checkout\""),
		Default: func() string {
			if st := storyNamed(ws, prev); st != nil {
				return st.Meta.Title
			}
			return ""
		},
		Save: func(ans string) error { return createStory(env, s, kind, prev, ans) },
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
	story := storyNamed(ws, name)
	if story == nil {
		_, err := ws.Story(name)
		if err == nil || errors.Is(err, workspace.ErrNotFound) {
			err = fmt.Errorf("%s: the story this session was writing is gone; put it back, or run %s story new again and choose Start over", filepath.Join(ws.Dir(), workspace.StoriesDir, name), progname.Name())
		}
		return nil, err
	}
	if story.Meta.Kind != "" {
		kind = story.Meta.Kind
	}
	rubric, ok := env.Pack.Rubric(kind)
	if !ok {
		return nil, fmt.Errorf("%s: front matter names kind %q, which prep does not know; use one of %s", story.Path, kind, strings.Join(env.Pack.RubricIDs(), ", "))
	}
	st := newStoryStep(s, env, "story", name, oneLine(story.Meta.Title), rubric, panelFor(env.Pack, kind))
	if err := st.run(); err != nil {
		return nil, err
	}
	status, err := st.status()
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
	return &Outcome{Stories: []StoryStatus{status}}, nil
}

// newStoryWhere describes a step of prep story new for the resume question.
func newStoryWhere(p *pack.Pack, ws *workspace.Workspace, s *Session, step string) string {
	name, _ := s.Answered("file.story")
	story := storyNamed(ws, name)
	if step == "title" || story == nil {
		return "the title"
	}
	r, _ := p.Rubric(story.Meta.Kind)
	if story.Meta.Kind == "" {
		r, _ = p.Rubric(workspace.KindStar)
	}
	parts := strings.Split(step, ".")
	return fmt.Sprintf("%q, %s", oneLine(story.Meta.Title), storyStepName(r, parts[1:]))
}

// storyNamed is the story with file name name, or nil.
func storyNamed(ws *workspace.Workspace, name string) *workspace.Story {
	if name == "" {
		return nil
	}
	st, err := ws.Story(name)
	if err != nil || st.Name() != name {
		return nil
	}
	return st
}

// createStory saves the story the title names: the one this session made
// already (title re-asked after a kill, or a start over given the same
// title), retitled if need be, or a new one. A new story's file name goes
// into the progress before the file is made, so a kill in between can
// never leave a second copy behind.
func createStory(env Env, s *Session, kind, prev, title string) error {
	ws := env.Workspace
	// Held from choosing the file's name to making the file, so that
	// another prep cannot take the name in between; no question waits
	// inside.
	unlock, err := ws.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	title = strings.Join(strings.Fields(title), " ")
	name, noted := s.Answered("file.story")
	if !noted && prev != "" {
		if st := storyNamed(ws, prev); st != nil && sameTitle(st.Meta.Title, title) {
			name, noted = prev, true
		}
	}
	if noted {
		if st := storyNamed(ws, name); st != nil {
			if st.Meta.Title != title {
				st.Meta.Title = title
				if err := ws.SaveStory(st); err != nil {
					return err
				}
			}
			s.Note("file.story", name)
			return nil
		}
	} else {
		if name, err = freeStoryName(ws, title); err != nil {
			return err
		}
		s.Note("file.story", name)
		if err := s.Commit(); err != nil {
			return err
		}
	}
	r, _ := env.Pack.Rubric(kind)
	story := &workspace.Story{
		Path: filepath.Join(ws.Dir(), workspace.StoriesDir, name),
		Meta: workspace.StoryMeta{Title: title, Kind: kind},
		Body: skeleton(r),
	}
	if p := panelFor(env.Pack, kind); p != nil {
		story.Meta.Panel = p.ID
	}
	return ws.SaveStory(story)
}

// freeStoryName is the file name SaveStory would give a new story of
// this title: its slug, made unique whatever the case.
func freeStoryName(ws *workspace.Workspace, title string) (string, error) {
	dir := filepath.Join(ws.Dir(), workspace.StoriesDir)
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s: cannot read: %v; check its permissions", dir, errors.Unwrap(err))
	}
	taken := map[string]bool{}
	for _, e := range entries {
		taken[strings.ToLower(e.Name())] = true
	}
	stem := workspace.Slug(title)
	for n := 1; ; n++ {
		name := stem + ".md"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.md", stem, n)
		}
		if !taken[strings.ToLower(name)] {
			return name, nil
		}
	}
}
