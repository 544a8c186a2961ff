package session

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// Env is what a guided session needs.
type Env struct {
	IO        *iostreams.IOStreams
	Prompter  prompts.Prompter
	Workspace *workspace.Workspace
	Pack      *pack.Pack
	// Sheet renders the prep sheet (Markdown) from the workspace as it is
	// now; prep background writes it to SheetFile in the workspace. Nil
	// when this build cannot, and the end of the session names the
	// command that will.
	Sheet func() ([]byte, error)
}

func (e Env) check() error {
	switch {
	case e.IO == nil, e.Prompter == nil, e.Workspace == nil, e.Pack == nil:
		return errors.New("a guided session was started without its streams, prompter, workspace or content pack; this is a bug in prep, please report it")
	}
	return nil
}

// What the story step relies on.
const (
	// rehearsalID is the rubric section the follow-up rehearsal fills.
	rehearsalID = "followups"
	// followupsPerStory is how many follow-ups are rehearsed per story.
	followupsPerStory = 3
	moveOn            = "move-on"
)

// storyStep writes one story, section by section, checks it, lets the
// candidate fix what the check found, and rehearses its follow-ups.
type storyStep struct {
	s      *Session
	ws     *workspace.Workspace
	id     string // question id prefix: "story.0", or "story" for prep story new
	name   string // the story's file name in stories/
	label  string // heading glue: "Story 1 of 3: Payments migration"
	rubric *pack.Rubric
	panel  *pack.Panel // for the guides; may be nil
	// rehearse is the rubric's follow-ups section, which the rehearsal
	// fills instead of a question of its own; nil when there is none.
	rehearse *pack.Section
	bank     []pack.Followup
}

func newStoryStep(s *Session, env Env, id, name, label string, r *pack.Rubric, panel *pack.Panel) *storyStep {
	st := &storyStep{s: s, ws: env.Workspace, id: id, name: name, label: label, rubric: r, panel: panel, bank: env.Pack.Followups}
	if probes := panelProbes(panel); len(probes) > 0 {
		// A panel with follow-ups of its own (the culture panel's probes
		// of each value) rehearses its stories on those, not on the
		// bank's technical ones.
		st.bank = probes
	}
	if len(st.bank) > 0 {
		if i := slices.IndexFunc(r.Sections, func(sec pack.Section) bool { return sec.ID == rehearsalID }); i >= 0 {
			st.rehearse = &r.Sections[i]
		}
	}
	return st
}

// run asks what is left of the story; when it asked anything in this
// run, it ends by saying where the story stands.
func (st *storyStep) run() error {
	before := st.s.Asked()
	intro := guideBlock(st.panel, "story", false)
	for i := range st.rubric.Sections {
		sec := &st.rubric.Sections[i]
		if sec == st.rehearse {
			continue
		}
		q := st.sectionQuestion(st.id+"."+sec.ID, sec, sec.Guidance)
		q.Intro = intro
		if _, err := st.s.Ask(q); err != nil {
			return err
		}
	}
	if err := st.fixLoop(); err != nil {
		return err
	}
	if err := st.rehearsal(); err != nil {
		return err
	}
	if st.s.Asked() > before {
		status, err := st.status()
		if err != nil {
			return err
		}
		st.s.Printf("\n%s\n", st.s.wrap(oneLine(st.label)+": "+status.Summary(), "", "  "))
	}
	return nil
}

// load reads the story afresh: the candidate may have edited it in an
// editor since the last question.
func (st *storyStep) load() (*workspace.Story, error) {
	story, err := st.ws.Story(st.name)
	if err == nil && story.Name() != st.name {
		// Story looks names up loosely; only this very file will do.
		err = workspace.ErrNotFound
	}
	if errors.Is(err, workspace.ErrNotFound) {
		path := filepath.Join(st.ws.Dir(), workspace.StoriesDir, st.name)
		return nil, fmt.Errorf("%s: the story this session was writing is gone; put it back, or run the command again and choose Start over", path)
	}
	return story, err
}

func (st *storyStep) sectionQuestion(id string, sec *pack.Section, guidance string) Question {
	return Question{
		ID:       id,
		Kind:     Text,
		Message:  sec.Question,
		Heading:  st.label + " · " + sec.Title,
		Guidance: guidance,
		Default: func() string {
			story, err := st.load()
			if err != nil {
				return "" // Save reports it
			}
			text, _ := story.Section(st.rubric, sec.ID)
			return text
		},
		Save: func(ans string) error {
			story, err := st.load()
			if err != nil {
				return err
			}
			return st.ws.SetSection(story, st.rubric, sec.ID, ans)
		},
	}
}

// report checks the story as prep check would.
func (st *storyStep) report() (check.Report, error) {
	story, err := st.load()
	if err != nil {
		return check.Report{}, err
	}
	doc, err := document.ReadFile(story.Path)
	if err != nil {
		return check.Report{}, err
	}
	return check.Check(doc, st.rubric), nil
}

// pending drops from a report what the rehearsal, still to come, will
// fill: it is not for the candidate to fix now.
func (st *storyStep) pending(r check.Report) check.Report {
	if st.rehearse == nil {
		return r
	}
	out := r
	out.Findings = nil
	out.Summary = check.Summary{}
	for _, f := range r.Findings {
		if f.Section == st.rehearse.ID {
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
	out.Sections = slices.DeleteFunc(slices.Clone(r.Sections), func(s check.SectionStatus) bool { return s.ID == st.rehearse.ID })
	return out
}

// fixable lists the sections a fix can help, in rubric order: those with
// a finding, or missing or thin.
func (st *storyStep) fixable(r check.Report) []*pack.Section {
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
	for i := range st.rubric.Sections {
		sec := &st.rubric.Sections[i]
		if weak[sec.ID] && sec != st.rehearse {
			out = append(out, sec)
		}
	}
	return out
}

// showReport prints a check in the session's compact form.
func (st *storyStep) showReport(r check.Report) {
	showCheck(st.s, filepath.Join(workspace.StoriesDir, st.name), r)
}

// showCheck prints the check of the file rel (in the workspace) in the
// session's compact form.
func showCheck(s *Session, rel string, r check.Report) {
	if len(r.Findings) == 0 {
		s.Printf("\n%s\n", s.wrap(fmt.Sprintf("The check of %s finds nothing to fix.", rel), "", "  "))
		return
	}
	// The verdict first, as the story list will show it, then the detail.
	s.Printf("\n%s\n", s.wrap(fmt.Sprintf("The check of %s finds %s; %s.", rel, counts(r.Summary), r.VerdictLine()), "", "  "))
	// A hint is said once: findings of one kind (a weak verb in seven
	// sentences) share it, and the quote tells them apart.
	said := map[string]bool{}
	for _, f := range r.Findings {
		s.Printf("%s\n", s.wrap(f.Message, fmt.Sprintf("  %-7s  ", f.Severity), "           "))
		if f.Quote != "" && f.Section != "" {
			s.Printf("%s\n", s.wrap("“"+f.Quote+"”", "           ", "           "))
		}
		if h := oneLine(f.Hint); h != "" && !said[h] {
			said[h] = true
			s.Printf("%s\n", s.wrap("hint: "+h, "           ", "           "))
		}
	}
}

func counts(s check.Summary) string {
	return plural(s.Errors, "error") + " and " + plural(s.Warnings, "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// fixLoop shows the check and lets the candidate rewrite a section the
// check found wanting, as often as it likes, then move on. Round k asks
// <id>.fix.k (a section, or Move on) and <id>.revise.k (its new text).
func (st *storyStep) fixLoop() error {
	for k := 0; ; k++ {
		fixID := fmt.Sprintf("%s.fix.%d", st.id, k)
		reviseID := fmt.Sprintf("%s.revise.%d", st.id, k)
		var rep *check.Report
		choice, done := st.s.Answered(fixID)
		if !done {
			r, err := st.report()
			if err != nil {
				return err
			}
			r = st.pending(r)
			rep = &r
			if choice, err = st.askFix(fixID, r); err != nil {
				return err
			}
		}
		i := slices.IndexFunc(st.rubric.Sections, func(s pack.Section) bool { return s.ID == choice })
		if choice == moveOn || i < 0 {
			return nil
		}
		sec := &st.rubric.Sections[i]
		q := st.sectionQuestion(reviseID, sec, sec.Guidance)
		if _, ok := st.s.Answered(reviseID); !ok {
			if rep == nil {
				r, err := st.report()
				if err != nil {
					return err
				}
				r = st.pending(r)
				rep = &r
			}
			q.Notes = findingNotes(sec, *rep)
		}
		if _, err := st.s.Ask(q); err != nil {
			return err
		}
	}
}

// askFix shows the check and asks which section to fix; with nothing a
// fix could help, it asks nothing and moves on.
func (st *storyStep) askFix(id string, rep check.Report) (string, error) {
	st.s.Heading(st.label + " · the check")
	st.showReport(rep)
	fixable := st.fixable(rep)
	if len(fixable) == 0 {
		// Recorded, so a resumed run does not check and print this story
		// again; it reaches the disk with the next save of the progress.
		st.s.Note(id, moveOn)
		return moveOn, nil
	}
	opts := make([]Option, 0, len(fixable)+1)
	def := moveOn
	for _, sec := range fixable {
		opts = append(opts, Option{Value: sec.ID, Label: sec.Title})
		if def == moveOn && hasError(rep, sec.ID) {
			def = sec.ID
		}
	}
	opts = append(opts, Option{Value: moveOn, Label: "Move on"})
	return st.s.Ask(Question{
		ID:      id,
		Kind:    Select,
		Message: "Fix a section now, or move on?",
		Heading: st.label + " · the check",
		Options: opts,
		Default: func() string { return def },
	})
}

func hasError(r check.Report, section string) bool {
	return slices.ContainsFunc(r.Findings, func(f check.Finding) bool {
		return f.Section == section && f.Severity == pack.SeverityError
	})
}

// findingNotes is what the check said of a section, one note a finding:
// its message, then its hint on a line of its own, said once however many
// findings share it.
func findingNotes(sec *pack.Section, r check.Report) []string {
	var notes []string
	said := map[string]bool{}
	for _, f := range r.Findings {
		if f.Section != sec.ID {
			continue
		}
		n := oneLine(f.Message)
		if f.Quote != "" {
			n += "\n“" + oneLine(f.Quote) + "”"
		}
		if h := oneLine(f.Hint); h != "" && !said[h] {
			said[h] = true
			n += "\nhint: " + h
		}
		notes = append(notes, n)
	}
	return notes
}

// rehearsal asks the follow-ups chosen for the story and keeps each
// answer, under its question, in the story's follow-ups section.
func (st *storyStep) rehearsal() error {
	if st.rehearse == nil {
		return nil
	}
	picks, err := st.picks()
	if err != nil {
		return err
	}
	intro := guideBlock(st.panel, "followups", false)
	sec := st.rehearse
	for k, f := range picks {
		question := oneLine(f.Question)
		guidance := ""
		if strings.TrimSpace(f.Why) != "" {
			guidance = "What they are testing: " + f.Why
		}
		_, err := st.s.Ask(Question{
			ID:       fmt.Sprintf("%s.followup.%d", st.id, k),
			Kind:     Text,
			Message:  question,
			Intro:    intro,
			Heading:  fmt.Sprintf("%s · follow-up %d of %d", st.label, k+1, len(picks)),
			Guidance: guidance,
			Default: func() string {
				story, err := st.load()
				if err != nil {
					return ""
				}
				text, _ := story.Section(st.rubric, sec.ID)
				ans, _ := followup.Answer(text, question)
				return ans
			},
			Save: func(ans string) error {
				story, err := st.load()
				if err != nil {
					return err
				}
				text, _ := story.Section(st.rubric, sec.ID)
				return st.ws.SetSection(story, st.rubric, sec.ID, followup.Set(text, question, ans))
			},
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// picks are the follow-ups to rehearse: chosen once, then kept in the
// progress, so a story edited between two runs keeps its questions.
func (st *storyStep) picks() ([]pack.Followup, error) {
	key := "picked." + st.id
	if v, ok := st.s.Answered(key); ok {
		var out []pack.Followup
		for _, id := range strings.Split(v, ",") {
			if i := slices.IndexFunc(st.bank, func(f pack.Followup) bool { return f.ID == id }); i >= 0 {
				out = append(out, st.bank[i])
			}
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	story, err := st.load()
	if err != nil {
		return nil, err
	}
	rep, err := st.report()
	if err != nil {
		return nil, err
	}
	text := story.Meta.Title + "\n" + story.Body
	if own, ok := story.Section(st.rubric, st.rehearse.ID); ok && own != "" {
		// Its own answers would steer the choice on the next run.
		text = strings.Replace(text, own, "", 1)
	}
	picked := followup.Choose(st.bank, text, weakSections(rep), followupsPerStory)
	ids := make([]string, len(picked))
	for i, f := range picked {
		ids[i] = f.ID
	}
	st.s.Note(key, strings.Join(ids, ","))
	return picked, nil
}

// weakSections are the sections a check found missing, thin or flagged.
func weakSections(r check.Report) map[string]bool {
	weak := map[string]bool{}
	for _, s := range r.Sections {
		if s.Status != check.StatusOK {
			weak[s.ID] = true
		}
	}
	for _, f := range r.Findings {
		if f.Section != "" {
			weak[f.Section] = true
		}
	}
	return weak
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

// statusOf is where a story or answer stands by its check.
func statusOf(path, title string, rank int, rep check.Report, r *pack.Rubric) StoryStatus {
	return StoryStatus{
		Path: path, Title: title, Rank: rank,
		Errors: rep.Summary.Errors, Warnings: rep.Summary.Warnings,
		Missing: missingRequired(rep, r),
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
		return "incomplete: " + plural(s.Errors, "error")
	}
	return "not checked"
}

func (st *storyStep) status() (StoryStatus, error) {
	story, err := st.load()
	if err != nil {
		return StoryStatus{}, err
	}
	rep, err := st.report()
	if err != nil {
		return StoryStatus{}, err
	}
	return statusOf(story.Path, story.Meta.Title, story.Meta.Rank, rep, st.rubric), nil
}

// guideBlock is a panel's guide as a block of guidance; nil when the pack
// has no such guide. withItems adds the guide's questions as a list.
func guideBlock(p *pack.Panel, id string, withItems bool) *Block {
	if p == nil {
		return nil
	}
	g, ok := p.Guide(id)
	if !ok {
		return nil
	}
	b := &Block{Key: "guide." + p.ID + "." + id, Title: g.Title, Text: g.Text}
	if withItems {
		b.Items = g.Questions
	}
	return b
}

// panelFor is the panel whose answers a kind of story is checked with.
func panelFor(p *pack.Pack, kind string) *pack.Panel {
	for i := range p.Panels {
		if p.Panels[i].Rubric == kind {
			return &p.Panels[i]
		}
	}
	return nil
}

// skeleton is a new story's body: a heading per section, in the rubric's
// order, so the file reads as the outline still to fill.
func skeleton(r *pack.Rubric) string {
	var b strings.Builder
	for i, sec := range r.Sections {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("## " + oneLine(sec.Title) + "\n")
	}
	return b.String()
}
