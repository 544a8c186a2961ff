package background

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// BackgroundName names the progress file of prep background
// (sessions/background.yaml).
const BackgroundName = "background"

// SheetFile is where prep background writes the prep sheet, in the
// workspace.
const SheetFile = "prep-sheet.md"

type background struct {
	env    session.Env
	sheet  func() ([]byte, error)
	s      *session.Session
	ws     *workspace.Workspace
	panel  *pack.Panel
	rubric *pack.Rubric
}

// Background runs prep background: the intro, the résumé timeline, the
// choice of 2–3 projects, each project's story with its check and its
// follow-ups, and the end. Question ids are documented in the command's
// help. A session that stopped halfway offers to resume.
//
// sheet renders the prep sheet (Markdown) from the workspace as it is
// now, written to SheetFile at the end; nil when this build cannot, and
// the end of the session names the command that will.
//
// When the candidate stops at a prompt the error is prompts.ErrInterrupted,
// with every answer given so far saved.
func Background(env session.Env, sheet func() ([]byte, error)) (*storyflow.Outcome, error) {
	if err := env.Check(); err != nil {
		return nil, err
	}
	panel, ok := env.Pack.Panel(pack.BackgroundPanel)
	if !ok {
		return nil, fmt.Errorf("the content pack has no background panel; add one to your --content pack (%s content show background shows the built-in one)", progname.Name())
	}
	rid := panel.Rubric
	if rid == "" {
		rid = workspace.KindStar
	}
	rubric, ok := env.Pack.Rubric(rid)
	if !ok {
		return nil, fmt.Errorf("the background panel checks stories with rubric %q, which the content pack does not have; add it or fix the panel's rubric", rid)
	}
	ws := env.Workspace
	s, err := session.Open(ws, BackgroundName, env.Prompter, env.IO)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	// A file prep cannot read stops the session before its first
	// question, rather than at the answer that could not be saved.
	if _, err := ws.Timeline(); err != nil {
		return nil, err
	}
	if _, errs := ws.Stories(); len(errs) > 0 {
		return nil, errs[0]
	}
	b := &background{env: env, sheet: sheet, s: s, ws: ws, panel: panel, rubric: rubric}
	step, stopped := s.Stopped()
	if stopped {
		if _, err := s.Resume(b.where(step)); err != nil {
			return nil, err
		}
	}
	start, err := b.start(stopped)
	if err != nil {
		return nil, err
	}
	if start == startAll {
		if err := b.intro(); err != nil {
			return nil, err
		}
		if err := b.timeline(); err != nil {
			return nil, err
		}
	}
	var n int
	if start == startAll || start == startProjects {
		if n, err = b.projects(); err != nil {
			return nil, err
		}
	} else if c, ok := s.Answered("projects.count"); ok {
		n, _ = strconv.Atoi(c)
	}
	var steps []*storyflow.Step
	for i := range n {
		st, err := b.story(i, n)
		if err != nil {
			return nil, err
		}
		switch start {
		case startAll, startProjects, fmt.Sprintf("story.%d", i):
			err = st.Run()
		case fmt.Sprintf("followups.%d", i):
			err = st.Rehearsal()
		}
		if err != nil {
			return nil, err
		}
		steps = append(steps, st)
	}
	return b.end(steps)
}

// Where a run of prep background starts (question id "start"): from the
// beginning, at the projects with the timeline kept as it is, at story
// N's questions ("story.N", from 0) or at its follow-ups ("followups.N").
const (
	startAll      = "all"
	startProjects = "projects"
)

// start asks where to start when the candidate has been through the
// session before (a timeline, or ranked stories) and this run is not one
// that stopped halfway: that one resumes where it was, or starts over
// from the beginning, as the candidate chose. A jump to a story
// takes the featured stories as they are ranked now; they are noted in
// the progress as the projects' answers, so a jump that stops halfway
// resumes with the same stories.
func (b *background) start(stopped bool) (string, error) {
	if v, ok := b.s.Answered("start"); ok {
		return v, nil
	}
	if stopped {
		return startAll, nil
	}
	t, err := b.ws.Timeline()
	if err != nil {
		return "", err
	}
	featured := b.featured()
	if len(t.Roles) == 0 && len(featured) == 0 {
		return startAll, nil // a first run
	}
	opts := []session.Option{{Value: startAll, Label: "Go through it all again, with what you wrote as defaults"}}
	if len(t.Roles) > 0 {
		opts = append(opts, session.Option{Value: startProjects, Label: fmt.Sprintf("Keep the timeline as it is (%s); go to your projects", text.Plural(len(t.Roles), "role"))})
	}
	for i, st := range featured {
		opts = append(opts, session.Option{Value: fmt.Sprintf("story.%d", i), Label: fmt.Sprintf("Story %d: %s", i+1, text.CleanLine(st.Meta.Title))})
		if len(b.env.Pack.Followups) > 0 {
			opts = append(opts, session.Option{Value: fmt.Sprintf("followups.%d", i), Label: fmt.Sprintf("Story %d's follow-up questions only: %s", i+1, text.CleanLine(st.Meta.Title))})
		}
	}
	b.s.Heading(session.PanelHeader(b.env.Pack, b.panel))
	start, err := b.s.Ask(session.Question{
		ID:      "start",
		Kind:    session.Select,
		Message: "You have been here before. Where do you want to start?",
		Help:    "Your files are kept whichever you choose; a question you go through again offers what you wrote as its default.",
		Options: opts,
		Default: func() string { return startAll },
	})
	if err != nil || start == startAll || start == startProjects {
		return start, err
	}
	b.s.Note("projects.count", strconv.Itoa(len(featured)))
	for i, st := range featured {
		b.s.Note(fmt.Sprintf("projects.%d.title", i), st.Meta.Title)
		b.s.Note(fmt.Sprintf("file.story.%d", i), st.Name())
	}
	return start, b.s.Commit()
}

// featured are the stories of this panel's kind that hold a rank, by rank.
func (b *background) featured() []*workspace.Story {
	var out []*workspace.Story
	for r := 1; r <= workspace.MaxRank; r++ {
		if st := b.ranked(r); st != nil && (st.Meta.Kind == "" || st.Meta.Kind == b.rubric.ID) {
			out = append(out, st)
		}
	}
	return out
}

// where describes a step id for the resume question.
func (b *background) where(step string) string {
	parts := strings.Split(step, ".")
	num := func(i int) int {
		if i >= len(parts) {
			return 0
		}
		n, _ := strconv.Atoi(parts[i])
		return n
	}
	switch parts[0] {
	case "start":
		return "the choice of where to start"
	case "intro":
		return "the introduction"
	case "timeline":
		return fmt.Sprintf("your timeline, role %d", num(1)+1)
	case "projects":
		if len(parts) > 1 && parts[1] == "count" {
			return "choosing your projects"
		}
		return fmt.Sprintf("choosing your projects, project %d", num(1)+1)
	case "story":
		i := num(1)
		of := ""
		if c, ok := b.s.Answered("projects.count"); ok {
			of = " of " + c
		}
		title := ""
		if t, ok := b.s.Answered(fmt.Sprintf("projects.%d.title", i)); ok {
			title = " (" + text.CleanLine(t) + ")"
		}
		return fmt.Sprintf("story %d%s%s, %s", i+1, of, title, b.stepName(parts[2:]))
	}
	return "the question " + strconv.Quote(step)
}

// stepName names the part of a story a step id's tail points at.
func (b *background) stepName(tail []string) string {
	return storyflow.StepName(b.rubric, tail)
}

func (b *background) intro() error {
	_, done := b.s.Answered("intro.read")
	if !done {
		// A fresh start: a company's applicants are greeted by its name
		// and welcome, as prep technical and prep culture greet them.
		b.s.Heading(session.PanelHeader(b.env.Pack, b.panel))
		b.s.Welcome(b.env.Pack)
	}
	read, err := b.s.Ask(session.Question{
		ID:       "intro.read",
		Kind:     session.Confirm,
		Message:  fmt.Sprintf("First, read what the %s is and what it listens for?", text.CleanLine(b.panel.Title)),
		Guidance: b.panel.Summary,
		Default:  func() string { return session.Yes },
	})
	if err != nil || done || read != session.Yes {
		return err
	}
	b.s.Show(session.GuideBlock(b.panel, "intro", false))
	if len(b.panel.LooksFor) > 0 {
		lf := &session.Block{Title: "What the interviewers listen for"}
		for _, p := range b.panel.LooksFor {
			lf.Items = append(lf.Items, text.CleanLine(p.Title)+": "+p.Text)
		}
		b.s.Show(lf)
	}
	return nil
}

// roleField is one answer about a role in the timeline.
type roleField struct {
	key, message string
	field        func(*workspace.Role) *string
	required     string // what to say when it is left empty; "" when it may be
}

var roleFields = []roleField{
	{"company", "Company", func(r *workspace.Role) *string { return &r.Company }, "give the company's name"},
	{"title", "Your title there", func(r *workspace.Role) *string { return &r.Title }, "give your job title"},
	{"start", "Started (as your résumé says it, such as 2021-03)", func(r *workspace.Role) *string { return &r.Start }, ""},
	{"end", "Ended (or present)", func(r *workspace.Role) *string { return &r.End }, ""},
	{"owned", "What you owned there", func(r *workspace.Role) *string { return &r.Owned }, ""},
	{"impact", "The impact you had, with a number", func(r *workspace.Role) *string { return &r.Impact }, ""},
}

func (b *background) timeline() error {
	intro := session.GuideBlock(b.panel, "resume_walk", true)
	for i := 0; ; i++ {
		heading := fmt.Sprintf("Role %d", i+1)
		if i == 0 {
			heading += ", the most recent"
		}
		for _, f := range roleFields {
			q := session.Question{
				ID:      fmt.Sprintf("timeline.%d.%s", i, f.key),
				Kind:    session.Input,
				Message: f.message,
				Intro:   intro,
				Heading: heading,
				Default: func() string {
					v := ""
					if t, err := b.ws.Timeline(); err == nil && i < len(t.Roles) {
						v = *f.field(&t.Roles[i])
					}
					if v == "" && i == 0 && f.key == "end" {
						return "present" // the most recent role is most often the current one
					}
					return v
				},
				Save:   func(ans string) error { return b.saveRole(i, f, ans) },
				InFile: true, // the timeline keeps it
			}
			if f.required != "" {
				q.Validate = session.Required(f.required)
			}
			if _, err := b.s.Ask(q); err != nil {
				return err
			}
		}
		id := fmt.Sprintf("timeline.%d.more", i)
		_, done := b.s.Answered(id)
		more, err := b.s.Ask(session.Question{
			ID:      id,
			Kind:    session.Confirm,
			Message: "Add the role before this one?",
			Heading: heading,
			Default: func() string {
				t, err := b.ws.Timeline()
				if i == 0 || err == nil && i+1 < len(t.Roles) {
					return session.Yes
				}
				return session.No
			},
		})
		if err != nil {
			return err
		}
		if more == session.No {
			if t, err := b.ws.Timeline(); err == nil && len(t.Roles) > i+1 && !done {
				n, them := len(t.Roles)-i-1, "them"
				if n == 1 {
					them = "it"
				}
				b.s.Printf("\n%s holds %s from before, kept as written (edit the file to remove %s).\n",
					workspace.TimelineFile, text.Plural(n, "more role"), them)
			}
			return nil
		}
	}
}

// saveRole writes one answer into role i of the timeline, read afresh so
// an edit made meanwhile in an editor is kept.
func (b *background) saveRole(i int, f roleField, ans string) error {
	t, err := b.ws.Timeline()
	if err != nil {
		return err
	}
	for len(t.Roles) <= i {
		t.Roles = append(t.Roles, workspace.Role{})
	}
	*f.field(&t.Roles[i]) = strings.TrimSpace(ans)
	return b.ws.SaveTimeline(t)
}

// projects asks how many projects to feature and their titles; each
// becomes a story at once, ranked in the order given.
func (b *background) projects() (int, error) {
	c, err := b.s.Ask(session.Question{
		ID:      "projects.count",
		Kind:    session.Select,
		Message: "How many projects will you prepare?",
		Intro:   session.GuideBlock(b.panel, "choosing_projects", true),
		Heading: "Your top projects",
		Options: []session.Option{{Value: "2", Label: "2"}, {Value: "3", Label: "3"}},
		Default: func() string {
			if st := b.ranked(3); st != nil {
				return "3"
			}
			return "2"
		},
	})
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(c)
	if err != nil || n < 1 || n > workspace.MaxRank {
		return 0, fmt.Errorf("%s: projects.count is %q, not 2 or 3; run %s background again and choose Start over", b.progressPath(), c, progname.Name())
	}
	for i := range n {
		_, err := b.s.Ask(session.Question{
			ID:       fmt.Sprintf("projects.%d.title", i),
			Kind:     session.Input,
			Message:  fmt.Sprintf("Project %d: a short title", i+1),
			Heading:  "Your top projects",
			Validate: session.Required("give the project a title, such as \"Moving ledger writes off checkout\""),
			Default: func() string {
				if st := b.ranked(i + 1); st != nil {
					return st.Meta.Title
				}
				return ""
			},
			Save: func(ans string) error { return b.saveProject(i, ans) },
		})
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

func (b *background) progressPath() string {
	return filepath.Join(b.ws.Dir(), workspace.SessionsDir, BackgroundName+".yaml")
}

// ranked is the story holding rank n, or nil.
func (b *background) ranked(n int) *workspace.Story {
	stories, _ := b.ws.Stories()
	for i := range stories {
		if stories[i].Meta.Rank == n {
			return &stories[i]
		}
	}
	return nil
}

// saveProject makes project i's story: the story of that title if there
// is one (a session run again, or re-asked after a kill), else a new one,
// ranked i+1 either way. Which file it is goes into the progress with
// the answer.
func (b *background) saveProject(i int, title string) error {
	title = strings.Join(strings.Fields(title), " ")
	stories, errs := b.ws.Stories()
	if len(errs) > 0 {
		return errs[0]
	}
	var pick *workspace.Story
	for k := range stories {
		st := &stories[k]
		if !storyflow.SameTitle(st.Meta.Title, title) || (st.Meta.Kind != "" && st.Meta.Kind != b.rubric.ID) {
			continue
		}
		if pick == nil || st.Meta.Rank == i+1 {
			pick = st
		}
	}
	switch {
	case pick == nil:
		pick = &workspace.Story{
			Meta: workspace.StoryMeta{Title: title, Kind: b.rubric.ID, Panel: b.panel.ID, Rank: i + 1},
			Body: storyflow.Skeleton(b.rubric),
		}
		if err := b.ws.SaveStory(pick); err != nil {
			return err
		}
	case pick.Meta.Rank != i+1:
		pick.Meta.Rank = i + 1
		if err := b.ws.SaveStory(pick); err != nil {
			return err
		}
	}
	b.s.Note(fmt.Sprintf("file.story.%d", i), pick.Name())
	return nil
}

func (b *background) story(i, n int) (*storyflow.Step, error) {
	title, _ := b.s.Answered(fmt.Sprintf("projects.%d.title", i))
	name, ok := b.s.Answered(fmt.Sprintf("file.story.%d", i))
	if !ok {
		st := b.ranked(i + 1)
		if st == nil {
			return nil, fmt.Errorf("%s: no story holds rank %d for project %d; run %s background again and choose Start over", filepath.Join(b.ws.Dir(), workspace.StoriesDir), i+1, i+1, progname.Name())
		}
		name = st.Name()
	}
	label := fmt.Sprintf("Story %d of %d: %s", i+1, n, text.CleanLine(title))
	return storyflow.NewStep(b.s, b.env, fmt.Sprintf("story.%d", i), name, label, b.rubric, b.panel), nil
}

// end writes the prep sheet when this build can, shows the pack's advice
// for the evening before, and says where everything is and what is next.
func (b *background) end(steps []*storyflow.Step) (*storyflow.Outcome, error) {
	out := &storyflow.Outcome{Timeline: filepath.Join(b.ws.Dir(), workspace.TimelineFile)}
	t, err := b.ws.Timeline()
	if err != nil {
		return nil, err
	}
	out.Roles = len(t.Roles)
	for _, st := range steps {
		status, err := st.Status()
		if err != nil {
			return nil, err
		}
		out.Stories = append(out.Stories, status)
	}
	sheetNote := ""
	if b.sheet != nil {
		data, err := b.sheet()
		if err != nil {
			return nil, err
		}
		path := filepath.Join(b.ws.Dir(), SheetFile)
		if ours(path, data) {
			if err := b.ws.WriteFile(SheetFile, data); err != nil {
				return nil, err
			}
			out.Sheet = path
		} else {
			sheetNote = fmt.Sprintf("%s holds a file prep did not write, so the prep sheet was not written there", path)
		}
	}
	b.s.Show(session.GuideBlock(b.panel, "wrap_up", false))
	b.s.Printf("\n%s\n", b.s.Wrap(fmt.Sprintf("Your files, in %s:", b.ws.Dir()), "", "  "))
	b.s.Printf("  %s\n      %s\n", workspace.TimelineFile, text.Plural(out.Roles, "role"))
	for _, st := range out.Stories {
		rel := filepath.Join(workspace.StoriesDir, filepath.Base(st.Path))
		b.s.Printf("  %s\n%s\n", rel, b.s.Wrap(fmt.Sprintf("%d. %s: %s", st.Rank, text.CleanLine(st.Title), st.Summary()), "      ", "         "))
	}
	if out.Sheet != "" {
		b.s.Printf("  %s\n      your prep sheet, to read before the call\n", SheetFile)
	}
	if sheetNote != "" {
		b.s.Printf("\n%s.\n", sheetNote)
	}
	b.s.Printf("\nNext:\n")
	var next [][2]string
	switch {
	case sheetNote != "":
		next = append(next, [2]string{progname.Name() + " export -o FILE", "write your one-page prep sheet to another file"})
	case out.Sheet == "":
		next = append(next, [2]string{progname.Name() + " export -o " + SheetFile, "write your one-page prep sheet"})
	}
	for _, st := range out.Stories {
		cmd := fmt.Sprintf("%s story edit %d", progname.Name(), st.Rank)
		switch {
		case st.Rank <= 0 || st.Ready():
		case st.Errors > 0 || st.Verdict == "":
			next = append(next, [2]string{cmd, fmt.Sprintf("finish %q in your editor", text.CleanLine(st.Title))})
		default:
			next = append(next, [2]string{cmd, fmt.Sprintf("strengthen %q: %s", text.CleanLine(st.Title), strings.Join(st.Reasons, ", "))})
		}
	}
	next = append(next, [2]string{progname.Name() + " background", "go through it again, or jump straight to a story or its follow-ups"})
	b.s.Next(next)
	if err := b.s.Finish(); err != nil {
		return nil, err
	}
	return out, nil
}

// ours reports whether the sheet may be written at path: no file there,
// an empty one, or a sheet prep wrote, which opens with the same first
// line as data. Anything else is the candidate's and stays.
func ours(path string, data []byte) bool {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if err != nil {
		return false
	}
	if len(bytes.TrimSpace(old)) == 0 {
		return true
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	return len(first) > 0 && bytes.HasPrefix(old, first)
}
