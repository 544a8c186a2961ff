package storyflow

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// Named is the story with file name name, or nil.
func Named(ws *workspace.Workspace, name string) *workspace.Story {
	if name == "" {
		return nil
	}
	st, err := ws.Story(name)
	if err != nil || st.Name() != name {
		return nil
	}
	return st
}

// Made is the story this session wrote, under the file name its progress
// recorded; when it is gone, the error names it and says to put it back
// or run command ("story new", "culture") again and start over. Other
// errors reading it come back as they are.
func Made(ws *workspace.Workspace, name, command string) (*workspace.Story, error) {
	if st := Named(ws, name); st != nil {
		return st, nil
	}
	_, err := ws.Story(name)
	if err == nil || errors.Is(err, workspace.ErrNotFound) {
		err = fmt.Errorf("%s: the story this session was writing is gone; put it back, or run %s %s again and choose Start over",
			filepath.Join(ws.Dir(), workspace.StoriesDir, name), progname.Name(), command)
	}
	return nil, err
}

// Create saves the story the title names: the one this session made
// already (title re-asked after a kill, or a start over given the same
// title), retitled if need be, or a new one. A new story's file name goes
// into the progress before the file is made, so a kill in between can
// never leave a second copy behind.
func Create(env session.Env, s *session.Session, kind, prev, title string) error {
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
		if st := Named(ws, prev); st != nil && SameTitle(st.Meta.Title, title) {
			name, noted = prev, true
		}
	}
	if noted {
		if st := Named(ws, name); st != nil {
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
		if name, err = freeName(ws, title); err != nil {
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
		Body: Skeleton(r),
	}
	if p := PanelFor(env.Pack, kind); p != nil {
		story.Meta.Panel = p.ID
	}
	return ws.SaveStory(story)
}

// freeName is the file name SaveStory would give a new story of
// this title: its slug, made unique whatever the case.
func freeName(ws *workspace.Workspace, title string) (string, error) {
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

func SameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

func StepName(r *pack.Rubric, tail []string) string {
	if len(tail) == 0 {
		return "its start"
	}
	switch tail[0] {
	case "fix", "revise":
		return "the check"
	case "followup":
		n := 0
		if len(tail) > 1 {
			n, _ = strconv.Atoi(tail[1])
		}
		return fmt.Sprintf("follow-up %d", n+1)
	}
	if r != nil {
		if i := slices.IndexFunc(r.Sections, func(s pack.Section) bool { return s.ID == tail[0] }); i >= 0 {
			return text.CleanLine(r.Sections[i].Title)
		}
	}
	return tail[0]
}
