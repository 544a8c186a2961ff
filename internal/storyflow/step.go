// Package storyflow writes one story through a guided session, section by
// section, checks it, lets the candidate fix what the check found and
// rehearses its follow-ups; and makes the story a session writes. prep
// background, prep story new and prep culture share it.
package storyflow

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// What the story step relies on.
const (
	// followupsPerStory is how many follow-ups are rehearsed per story.
	followupsPerStory = 3
	MoveOn            = "move-on"
)

// Step writes one story, section by section, checks it, lets the
// candidate fix what the check found, and rehearses its follow-ups.
type Step struct {
	s      *session.Session
	ws     *workspace.Workspace
	id     string // question id prefix: "story.0", or "story" for prep story new
	name   string // the story's file name in stories/
	Label  string // heading glue: "Story 1 of 3: Payments migration"
	Rubric *pack.Rubric
	panel  *pack.Panel // for the guides; may be nil
	// rehearse is the rubric's follow-ups section, which the rehearsal
	// fills instead of a question of its own; nil when there is none.
	Rehearse *pack.Section
	Bank     []pack.Followup

	// story is the story as last read or written: each question reads
	// its file once to see that it is still so (Refresh), and parses it
	// again only when the candidate changed it meanwhile.
	story *workspace.Story
}

func NewStep(s *session.Session, env session.Env, id, name, label string, r *pack.Rubric, panel *pack.Panel) *Step {
	st := &Step{s: s, ws: env.Workspace, id: id, name: name, Label: label, Rubric: r, panel: panel, Bank: env.Pack.Followups}
	if probes := followup.PanelProbes(panel); len(probes) > 0 {
		// A panel with follow-ups of its own (the culture panel's probes
		// of each value) rehearses its stories on those, not on the
		// bank's technical ones.
		st.Bank = probes
	}
	if len(st.Bank) > 0 {
		if i := slices.IndexFunc(r.Sections, func(sec pack.Section) bool { return sec.ID == followup.Section }); i >= 0 {
			st.Rehearse = &r.Sections[i]
		}
	}
	return st
}

// run asks what is left of the story; when it asked anything in this
// run, it ends by saying where the story stands.
func (st *Step) Run() error {
	before := st.s.Asked()
	intro := session.GuideBlock(st.panel, "story", false)
	for i := range st.Rubric.Sections {
		sec := &st.Rubric.Sections[i]
		if sec == st.Rehearse {
			continue
		}
		q := st.SectionQuestion(st.id+"."+sec.ID, sec, sec.Guidance)
		q.Intro = intro
		if _, err := st.s.Ask(q); err != nil {
			return err
		}
	}
	if err := st.fixLoop(); err != nil {
		return err
	}
	if err := st.Rehearsal(); err != nil {
		return err
	}
	if st.s.Asked() > before {
		status, err := st.Status()
		if err != nil {
			return err
		}
		st.s.Printf("\n%s\n", st.s.Wrap(text.CleanLine(st.Label)+": "+status.Summary(), "", "  "))
	}
	return nil
}

// Load reads the story afresh, since the candidate may have edited it in
// an editor since the last question; a file unchanged since it was last
// read or written is not parsed again.
func (st *Step) Load() (*workspace.Story, error) {
	var story *workspace.Story
	var err error
	if st.story != nil {
		story, err = st.ws.Refresh(st.story)
	} else {
		// Only this very file will do: not a story found by a looser name.
		story, err = st.ws.StoryFile(st.name)
	}
	if errors.Is(err, workspace.ErrNotFound) {
		st.story = nil
		path := filepath.Join(st.ws.Dir(), workspace.StoriesDir, st.name)
		return nil, fmt.Errorf("%s: the story this session was writing is gone; put it back, or run the command again and choose Start over", path)
	}
	if err != nil {
		return nil, err
	}
	st.story = story
	return story, nil
}
func (st *Step) SectionQuestion(id string, sec *pack.Section, guidance string) session.Question {
	return session.Question{
		ID:       id,
		Kind:     session.Text,
		Message:  sec.Question,
		Heading:  st.Label + " · " + sec.Title,
		Guidance: guidance,
		Default: func() string {
			story, err := st.Load()
			if err != nil {
				return "" // Save reports it
			}
			text, _ := story.Section(st.Rubric, sec.ID)
			return text
		},
		Save: func(ans string) error {
			// Load only reads the file again (a story gone while the
			// question waited is an error, not a new file); SetSection
			// takes in any edit made meanwhile.
			story, err := st.Load()
			if err != nil {
				return err
			}
			return st.ws.SetSection(story, st.Rubric, sec.ID, ans)
		},
		InFile: true,
	}
}

// report checks the story as prep check would.
func (st *Step) Report() (check.Report, error) {
	story, err := st.Load()
	if err != nil {
		return check.Report{}, err
	}
	// The story as read, not the file read and parsed once more.
	return check.Check(story.Doc(), st.Rubric), nil
}

// pending drops from a report what the rehearsal, still to come, will
// fill: it is not for the candidate to fix now.
func (st *Step) pending(r check.Report) check.Report {
	if st.Rehearse == nil {
		return r
	}
	out := r
	out.Findings = nil
	out.Summary = check.Summary{}
	for _, f := range r.Findings {
		if f.Section == st.Rehearse.ID {
			continue
		}
		out.Findings = append(out.Findings, f)
		switch f.Severity {
		case pack.SeverityError:
			out.Summary.Errors++
		case pack.SeverityWarning:
			out.Summary.Warnings++
		}
	}
	out.Sections = slices.DeleteFunc(slices.Clone(r.Sections), func(s check.SectionStatus) bool { return s.ID == st.Rehearse.ID })
	return out
}

// fixable lists the sections a fix can help, in rubric order: those with
// a finding, or missing or thin.
func (st *Step) fixable(r check.Report) []*pack.Section {
	weak := map[string]bool{}
	for _, f := range r.Findings {
		weak[f.Section] = true
	}
	for _, s := range r.Sections {
		if s.Status != check.StatusOK {
			weak[s.ID] = true
		}
	}
	var out []*pack.Section
	for i := range st.Rubric.Sections {
		sec := &st.Rubric.Sections[i]
		if weak[sec.ID] && sec != st.Rehearse {
			out = append(out, sec)
		}
	}
	return out
}

// showReport prints a check in the session's compact form.
func (st *Step) showReport(r check.Report) {
	st.s.ShowCheck(filepath.Join(workspace.StoriesDir, st.name), r)
}

// fixLoop shows the check and lets the candidate rewrite a section the
// check found wanting, as often as it likes, then move on. Round k asks
// <id>.fix.k (a section, or Move on) and <id>.revise.k (its new text).
func (st *Step) fixLoop() error {
	for k := 0; ; k++ {
		fixID := fmt.Sprintf("%s.fix.%d", st.id, k)
		reviseID := fmt.Sprintf("%s.revise.%d", st.id, k)
		var rep *check.Report
		choice, done := st.s.Answered(fixID)
		if !done {
			r, err := st.Report()
			if err != nil {
				return err
			}
			r = st.pending(r)
			rep = &r
			if choice, err = st.askFix(fixID, r); err != nil {
				return err
			}
		}
		i := slices.IndexFunc(st.Rubric.Sections, func(s pack.Section) bool { return s.ID == choice })
		if choice == MoveOn || i < 0 {
			return nil
		}
		sec := &st.Rubric.Sections[i]
		q := st.SectionQuestion(reviseID, sec, sec.Guidance)
		if _, ok := st.s.Answered(reviseID); !ok {
			if rep == nil {
				r, err := st.Report()
				if err != nil {
					return err
				}
				r = st.pending(r)
				rep = &r
			}
			q.Notes = FindingNotes(sec, *rep)
		}
		if _, err := st.s.Ask(q); err != nil {
			return err
		}
	}
}

// askFix shows the check and asks which section to fix; with nothing a
// fix could help, it asks nothing and moves on.
func (st *Step) askFix(id string, rep check.Report) (string, error) {
	st.s.Heading(st.Label + " · the check")
	st.showReport(rep)
	fixable := st.fixable(rep)
	if len(fixable) == 0 {
		// Recorded, so a resumed run does not check and print this story
		// again; it reaches the disk with the next save of the progress.
		st.s.Note(id, MoveOn)
		return MoveOn, nil
	}
	opts := make([]session.Option, 0, len(fixable)+1)
	def := MoveOn
	for _, sec := range fixable {
		opts = append(opts, session.Option{Value: sec.ID, Label: sec.Title})
		if def == MoveOn && hasError(rep, sec.ID) {
			def = sec.ID
		}
	}
	opts = append(opts, session.Option{Value: MoveOn, Label: "Move on"})
	return st.s.Ask(session.Question{
		ID:      id,
		Kind:    session.Select,
		Message: "Fix a section now, or move on?",
		Heading: st.Label + " · the check",
		Options: opts,
		Default: func() string { return def },
	})
}

func hasError(r check.Report, section string) bool {
	return slices.ContainsFunc(r.Findings, func(f check.Finding) bool {
		return f.Section == section && f.Severity == pack.SeverityError
	})
}

// FindingNotes is what the check said of a section, one note a finding:
// its message, then its hint on a line of its own, said once however many
// findings share it.
func FindingNotes(sec *pack.Section, r check.Report) []string {
	var notes []string
	said := map[string]bool{}
	for _, f := range r.Findings {
		if f.Section != sec.ID {
			continue
		}
		n := text.CleanLine(f.Message)
		if f.Quote != "" {
			n += "\n“" + text.CleanLine(f.Quote) + "”"
		}
		if h := text.CleanLine(f.Hint); h != "" && !said[h] {
			said[h] = true
			n += "\nhint: " + h
		}
		notes = append(notes, n)
	}
	return notes
}

// rehearsal asks the follow-ups chosen for the story and keeps each
// answer, under its question, in the story's follow-ups section.
func (st *Step) Rehearsal() error {
	if st.Rehearse == nil {
		return nil
	}
	picks, err := st.picks()
	if err != nil {
		return err
	}
	intro := session.GuideBlock(st.panel, "followups", false)
	sec := st.Rehearse
	for k, f := range picks {
		question := text.CleanLine(f.Question)
		guidance := ""
		if strings.TrimSpace(f.Why) != "" {
			guidance = "What they are testing: " + f.Why
		}
		_, err := st.s.Ask(session.Question{
			ID:       fmt.Sprintf("%s.followup.%d", st.id, k),
			Kind:     session.Text,
			Message:  question,
			Intro:    intro,
			Heading:  fmt.Sprintf("%s · follow-up %d of %d", st.Label, k+1, len(picks)),
			Guidance: guidance,
			Default: func() string {
				story, err := st.Load()
				if err != nil {
					return ""
				}
				txt, _ := story.Section(st.Rubric, sec.ID)
				ans, _ := followup.Answer(txt, question)
				return ans
			},
			Save: func(ans string) error {
				story, err := st.Load()
				if err != nil {
					return err
				}
				txt, _ := story.Section(st.Rubric, sec.ID)
				return st.ws.SetSection(story, st.Rubric, sec.ID, followup.Set(txt, question, ans))
			},
			InFile: true,
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// picks are the follow-ups to rehearse: chosen once, then kept in the
// progress, so a story edited between two runs keeps its questions.
func (st *Step) picks() ([]pack.Followup, error) {
	key := "picked." + st.id
	if v, ok := st.s.Answered(key); ok {
		var out []pack.Followup
		for _, id := range strings.Split(v, ",") {
			if i := slices.IndexFunc(st.Bank, func(f pack.Followup) bool { return f.ID == id }); i >= 0 {
				out = append(out, st.Bank[i])
			}
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	story, err := st.Load()
	if err != nil {
		return nil, err
	}
	rep, err := st.Report()
	if err != nil {
		return nil, err
	}
	text := story.Meta.Title + "\n" + story.Body
	if own, ok := story.Section(st.Rubric, st.Rehearse.ID); ok && own != "" {
		// Its own answers would steer the choice on the next run.
		text = strings.Replace(text, own, "", 1)
	}
	picked := followup.Choose(st.Bank, text, rep.WeakSections(), followupsPerStory)
	ids := make([]string, len(picked))
	for i, f := range picked {
		ids[i] = f.ID
	}
	st.s.Note(key, strings.Join(ids, ","))
	return picked, nil
}

// StoryStatus is where a story stands after a session.
type StoryStatus struct {
	Path     string
	Title    string
	Rank     int
	Errors   int
	Warnings int
	// Missing are the titles of the required sections still missing.
	Missing []string
	// Verdict is the check's (ready, needs-work, incomplete) and Reasons
	// say why: "no figure in Result".
	Verdict string
	Reasons []string
}

// StatusOf is where a story or answer stands by its check.
func StatusOf(path, title string, rank int, rep check.Report, r *pack.Rubric) StoryStatus {
	return StoryStatus{
		Path: path, Title: title, Rank: rank,
		Errors: rep.Summary.Errors, Warnings: rep.Summary.Warnings,
		Missing: MissingRequired(rep, r),
		Verdict: rep.Verdict, Reasons: slices.Clone(rep.Reasons),
	}
}

// Ready reports whether the check's verdict is ready.
func (s StoryStatus) Ready() bool { return s.Verdict == check.VerdictReady }

// Summary says where the story stands in the check's words, its verdict
// and the reasons: "ready", "needs work: no figure in Result", or
// "incomplete: no Trade-offs, no Lessons". A story with no error but a
// weak signal needs work: it is never said to pass.
func (s StoryStatus) Summary() string {
	if s.Verdict != "" {
		return check.Report{Verdict: s.Verdict, Reasons: s.Reasons}.VerdictLine()
	}
	// A status built without a check's verdict: say only what is sure.
	switch {
	case len(s.Missing) > 0:
		return "incomplete: missing " + strings.Join(s.Missing, ", ")
	case s.Errors > 0:
		return "incomplete: " + text.Plural(s.Errors, "error")
	}
	return "not checked"
}

func (st *Step) Status() (StoryStatus, error) {
	story, err := st.Load()
	if err != nil {
		return StoryStatus{}, err
	}
	rep, err := st.Report()
	if err != nil {
		return StoryStatus{}, err
	}
	return StatusOf(story.Path, story.Meta.Title, story.Meta.Rank, rep, st.Rubric), nil
}

// PanelFor is the panel whose answers a kind of story is checked with.
func PanelFor(p *pack.Pack, kind string) *pack.Panel {
	for i := range p.Panels {
		if p.Panels[i].Rubric == kind {
			return &p.Panels[i]
		}
	}
	return nil
}

// Skeleton is a new story's body: a heading per section, in the rubric's
// order, so the file reads as the outline still to fill.
func Skeleton(r *pack.Rubric) string {
	var b strings.Builder
	for i, sec := range r.Sections {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("## " + text.CleanLine(sec.Title) + "\n")
	}
	return b.String()
}

// Outcome is what a session leaves behind.
type Outcome struct {
	// Timeline is the timeline's path; "" for a session without one.
	Timeline string
	Roles    int // roles in the timeline
	Stories  []StoryStatus
	// Sheet is the prep sheet's path; "" when it was not written.
	Sheet string
}

// MissingRequired are the titles of the required sections a check found
// missing.
func MissingRequired(rep check.Report, r *pack.Rubric) []string {
	var out []string
	for _, st := range rep.Sections {
		i := slices.IndexFunc(r.Sections, func(sec pack.Section) bool { return sec.ID == st.ID })
		if st.Status == check.StatusMissing && i >= 0 && r.Sections[i].Level == pack.Required {
			out = append(out, st.Title)
		}
	}
	return out
}
