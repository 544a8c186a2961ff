package readiness

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/rehearsal"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// Report is prep status: readiness per panel. Its JSON (--format json) is
// a contract: keys are never renamed or removed, only added.
type Report struct {
	Date string `json:"date"` // today, 2006-01-02
	// Interview is null when no interview date is set.
	Interview  *Interview  `json:"interview"`
	Background *Background `json:"background"` // null when the pack has no such panel
	Technical  *Technical  `json:"technical"`
	Culture    *Culture    `json:"culture"`
	Drills     Drills      `json:"drills"`
	// Problems are the workspace files that could not be read, one line
	// each: path (and line), what is wrong, what to do.
	Problems []string `json:"problems"`
}

// Interview is the interview date and the days left to it (0 on the day,
// negative after it).
type Interview struct {
	Date     string `json:"date"`
	DaysLeft int    `json:"days_left"`
}

// Progress is a figure out of a target: what a bar shows.
type Progress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// Background is the Background Panel's readiness.
type Background struct {
	Title         string `json:"title"`
	TimelineRoles int    `json:"timeline_roles"`
	// TimelineProblem is why timeline.yaml could not be read (also in
	// problems); TimelineRoles is then 0 for want of knowing.
	TimelineProblem string `json:"timeline_problem,omitempty"`
	// Drafted counts the featured stories (ranked 1–3) out of 3, Ready
	// those whose check's verdict is ready, and Passing (kept for scripts
	// that read it) those whose check finds no error, weak or not.
	Drafted Progress `json:"drafted"`
	Passing Progress `json:"passing"`
	Ready   Progress `json:"ready"`
	// Stories are the featured stories, by rank.
	Stories []StoryStatus `json:"stories"`
	// Signals are what the panel's interviewers look for, each covered
	// or not by a featured story (see coverage in the command's help).
	Signals SignalList `json:"signals"`
	// Followups counts the follow-ups answered in the featured stories,
	// out of 3 per story.
	Followups Progress `json:"followups"`
}

// StoryStatus is one story and how it fares.
type StoryStatus struct {
	File  string `json:"file"` // stories/name.md
	Title string `json:"title"`
	Rank  int    `json:"rank"`
	Kind  string `json:"kind"`
	// Passes is true when the check finds no error: a story that needs
	// work still passes. Verdict and Reasons say whether it is ready.
	Passes   bool `json:"passes"`
	Errors   int  `json:"errors"`
	Warnings int  `json:"warnings"`
	// Verdict is the check's: ready, needs-work or incomplete; "" when
	// the story's kind has no rubric. Reasons say why, in a few words.
	Verdict string   `json:"verdict"`
	Reasons []string `json:"reasons"`
	// Followups counts its follow-up questions with an answer.
	Followups int `json:"followups"`
	// Rehearsals are its spoken rehearsals (prep rehearse), oldest
	// first.
	Rehearsals []rehearsal.Entry `json:"rehearsals"`
}

// SignalList is a panel's signals, how many are covered, and each one.
type SignalList struct {
	Progress
	Items []Signal `json:"items"`
}

// Signal is one point the panel looks for.
type Signal struct {
	Title string `json:"title"`
	// Evidence are the rubric's section and signal ids that show it; empty
	// when the pack gives none, and the candidate judges it alone.
	Evidence []string `json:"evidence"`
	// CoveredBy are the featured stories that show it.
	CoveredBy []string `json:"covered_by"`
	// Needs says in words what the evidence asks of a story; not in the
	// JSON, which names the evidence.
	Needs string `json:"-"`
	// Gaps say, per featured story of the panel's kind, why it does not
	// show it yet: "story 2: no Lessons, no mistake in Lessons"; not in
	// the JSON.
	Gaps []string `json:"-"`
}

// Technical is the Technical Skills Panel's readiness.
type Technical struct {
	Title string `json:"title"`
	// Practice are the practice answers saved (prep technical, prep drill
	// scale): how many of each kind, how many pass their check and how
	// many are ready, and each.
	Practice Practice `json:"practice"`
	// Decks are the drills, one per deck.
	Decks []Deck `json:"decks"`
}

// Practice sums up practice/.
type Practice struct {
	Design  int            `json:"design"`
	Scale   int            `json:"scale"`
	Passing int            `json:"passing"`
	Ready   int            `json:"ready"`
	Files   []PracticeFile `json:"files"`
}

// PracticeFile is one practice answer.
type PracticeFile struct {
	File  string `json:"file"` // practice/name.md
	Title string `json:"title"`
	Kind  string `json:"kind"`
	// Passes is true when the check finds no error; Verdict and Reasons
	// are as a story's.
	Passes  bool     `json:"passes"`
	Verdict string   `json:"verdict"`
	Reasons []string `json:"reasons"`
}

// Deck is one drill deck's figures.
type Deck struct {
	Deck  string `json:"deck"`  // tradeoffs, scale, followups
	Cards int    `json:"cards"` // cards it has now
	Seen  int    `json:"seen"`  // of them, reviewed at least once
	Due   int    `json:"due"`   // due today
	Done  int    `json:"done_7_days"`
}

// Culture is the Culture Panel's readiness.
type Culture struct {
	Title string `json:"title"`
	// Stories counts the culture stories.
	Stories int `json:"stories"`
	// Values are the values the team names (prep culture's), each with
	// the culture stories that show it.
	Values ValueList `json:"values"`
}

// ValueList is the values, how many have a story, and each one.
type ValueList struct {
	Progress
	Items []Value `json:"items"`
}

// Value is one value and its stories.
type Value struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Stories are the culture stories that show the value: each of its
	// key points met by a sentence of the story (see culture).
	Stories []string `json:"stories"`
	// Needs are the value's key points, what a story must tell for it to
	// count; empty when the pack gives none.
	Needs []string `json:"needs"`
	// Gaps are the stories that name the value in their Value section but
	// do not show it yet, each with the points still missing.
	Gaps []Gap `json:"gaps"`
}

// Gap is a story that names a value without showing it yet.
type Gap struct {
	File    string   `json:"file"`
	Missing []string `json:"missing"`
}

// Drills is the drills overall.
type Drills struct {
	DueToday int `json:"due_today"`
	Done     int `json:"done_7_days"`
	// NextDue is the first day after today with a card due, when no card
	// is due today; "" otherwise.
	NextDue string `json:"next_due"`
}

// followupsPerStory is how many follow-ups prep background rehearses for
// each featured story: the target a story's follow-ups are counted
// against.
const followupsPerStory = 3

// Gather reads the workspace and builds the report.
func Gather(ws *workspace.Workspace, p *pack.Pack, now, interview time.Time) (*Report, error) {
	plan := drill.Plan{Now: now, Interview: interview}
	rep := &Report{Date: plan.Today().String(), Problems: []string{}}
	if n, ok := plan.DaysLeft(); ok {
		iv, _ := plan.InterviewDay()
		rep.Interview = &Interview{Date: iv.String(), DaysLeft: n}
	}
	stories, errs := ws.Stories()
	for _, e := range errs {
		rep.Problems = append(rep.Problems, text.CleanLine(e.Error()))
	}
	for _, c := range workspace.Clashes(stories) {
		rep.Problems = append(rep.Problems, text.CleanLine(filepath.Join(ws.Dir(), workspace.StoriesDir)+": "+c.Error()))
	}
	checks := map[string]check.Report{}
	for i := range stories {
		s := &stories[i]
		if r, ok := p.Rubric(kindOf(s)); ok {
			checks[s.Path] = check.Check(s.Doc(), r)
		}
	}
	if panel, ok := p.Panel(pack.BackgroundPanel); ok {
		bg, err := background(ws, p, panel, stories, checks)
		if err != nil {
			return nil, err
		}
		if bg.TimelineProblem != "" {
			rep.Problems = append(rep.Problems, bg.TimelineProblem)
		}
		// The rehearsals of each featured story, from the practice log.
		log, err := rehearsal.Load(ws)
		if err != nil {
			rep.Problems = append(rep.Problems, text.CleanLine(err.Error()))
		}
		for i := range bg.Stories {
			bg.Stories[i].Rehearsals = rehearsal.Of(log, filepath.Base(bg.Stories[i].File))
			if bg.Stories[i].Rehearsals == nil {
				bg.Stories[i].Rehearsals = []rehearsal.Entry{}
			}
		}
		rep.Background = bg
	}
	store, err := drill.Load(ws)
	if err != nil {
		return nil, err
	}
	cards := drill.Cards(drill.Sources{Pack: p, Stories: stories, Followups: true})
	stats := plan.Stats(cards, store)
	for _, s := range stats {
		rep.Drills.DueToday += s.Due
		rep.Drills.Done += s.Done
	}
	if rep.Drills.DueToday == 0 {
		if next, ok := plan.NextDue(cards, store); ok {
			rep.Drills.NextDue = next.String()
		}
	}
	if panel, ok := p.Panel("technical"); ok {
		rep.Technical = technical(ws, p, panel, stats, rep)
	}
	if panel, ok := p.Panel(pack.CulturePanel); ok {
		rep.Culture = culture(p, panel, stories)
	}
	return rep, nil
}

func kindOf(s *workspace.Story) string {
	if s.Meta.Kind == "" {
		return workspace.KindStar
	}
	return s.Meta.Kind
}

func rel(ws *workspace.Workspace, path string) string {
	r, err := filepath.Rel(ws.Dir(), path)
	if err != nil {
		return path
	}
	return filepath.ToSlash(r)
}

// background is the Background Panel: the timeline, the featured stories
// and their checks, the signals they cover, the follow-ups rehearsed.
func background(ws *workspace.Workspace, p *pack.Pack, panel *pack.Panel, stories []workspace.Story, checks map[string]check.Report) (*Background, error) {
	bg := &Background{
		Title:     text.CleanLine(panel.Title),
		Drafted:   Progress{Total: workspace.MaxRank},
		Passing:   Progress{Total: workspace.MaxRank},
		Ready:     Progress{Total: workspace.MaxRank},
		Stories:   []StoryStatus{},
		Signals:   SignalList{Items: []Signal{}},
		Followups: Progress{},
	}
	if t, err := ws.Timeline(); err == nil {
		bg.TimelineRoles = len(t.Roles)
	} else {
		bg.TimelineProblem = text.CleanLine(err.Error())
	}
	var featured []*workspace.Story
	for i := range stories {
		s := &stories[i]
		if s.Meta.Rank < 1 || s.Meta.Rank > workspace.MaxRank {
			continue
		}
		featured = append(featured, s)
		st := StoryStatus{File: rel(ws, s.Path), Title: text.CleanLine(s.Meta.Title), Rank: s.Meta.Rank, Kind: kindOf(s), Reasons: []string{}}
		if rep, ok := checks[s.Path]; ok {
			st.Errors, st.Warnings = rep.Summary.Errors, rep.Summary.Warnings
			st.Passes = rep.Summary.Errors == 0
			st.Verdict, st.Reasons = rep.Verdict, reasons(rep)
		}
		if r, ok := p.Rubric(kindOf(s)); ok {
			if text, ok := s.Section(r, followup.Section); ok {
				st.Followups = followup.Answered(text)
			}
		}
		bg.Drafted.Done++
		if st.Passes {
			bg.Passing.Done++
		}
		if st.Verdict == check.VerdictReady {
			bg.Ready.Done++
		}
		bg.Followups.Done += st.Followups
		bg.Stories = append(bg.Stories, st)
	}
	bg.Drafted.Done = min(bg.Drafted.Done, bg.Drafted.Total)
	bg.Passing.Done = min(bg.Passing.Done, bg.Passing.Total)
	bg.Ready.Done = min(bg.Ready.Done, bg.Ready.Total)
	bg.Followups.Total = followupsPerStory * max(len(featured), 1)
	bg.Followups.Done = min(bg.Followups.Done, bg.Followups.Total)

	rubric, _ := p.Rubric(panel.Rubric)
	for _, pt := range panel.LooksFor {
		sig := Signal{Title: text.CleanLine(pt.Title), Evidence: slices.Clone(pt.Evidence), CoveredBy: []string{}, Needs: needs(rubric, pt.Evidence)}
		if sig.Evidence == nil {
			sig.Evidence = []string{}
		}
		for _, s := range featured {
			rep, ok := checks[s.Path]
			if !ok || rubric == nil || rep.Kind != rubric.ID {
				continue
			}
			if covers(rep, rubric, pt.Evidence) {
				sig.CoveredBy = append(sig.CoveredBy, rel(ws, s.Path))
			} else if why := blockers(rep, rubric, pt.Evidence); len(why) > 0 {
				sig.Gaps = append(sig.Gaps, fmt.Sprintf("story %d: %s", s.Meta.Rank, strings.Join(why, ", ")))
			}
		}
		bg.Signals.Total++
		if len(sig.CoveredBy) > 0 {
			bg.Signals.Done++
		}
		bg.Signals.Items = append(bg.Signals.Items, sig)
	}
	return bg, nil
}

// reasons are a check's reasons for its verdict, never null in JSON.
func reasons(rep check.Report) []string {
	if len(rep.Reasons) == 0 {
		return []string{}
	}
	return slices.Clone(rep.Reasons)
}

// covers reports whether a story's check shows every piece of evidence:
// each section present and not thin, and no finding of each signal. No
// evidence shows nothing.
func covers(rep check.Report, r *pack.Rubric, evidence []string) bool {
	if len(evidence) == 0 {
		return false
	}
	status := map[string]string{}
	for _, s := range rep.Sections {
		status[s.ID] = s.Status
	}
	fired := map[string]bool{}
	for _, f := range rep.Findings {
		fired[f.Rule] = true
	}
	for _, id := range evidence {
		isSection := slices.ContainsFunc(r.Sections, func(s pack.Section) bool { return s.ID == id })
		switch {
		case isSection && status[id] != check.StatusOK:
			return false
		case !isSection && fired[id]:
			return false
		}
	}
	return true
}

// needs says in words what evidence asks of a story, for when no story
// is there to show it: "Task and Contribution written, with your own
// part clear", the signals said as the check's reasons would put them
// ("not: your own part unclear").
func needs(r *pack.Rubric, evidence []string) string {
	var secs, sigs []string
	for _, id := range evidence {
		i := -1
		if r != nil {
			i = slices.IndexFunc(r.Sections, func(s pack.Section) bool { return s.ID == id })
		}
		if i >= 0 {
			secs = append(secs, text.CleanLine(r.Sections[i].Title))
		} else {
			sigs = append(sigs, signalReason(r, id))
		}
	}
	out := andList(secs)
	if out != "" {
		out += " written"
	}
	if len(sigs) > 0 {
		if out != "" {
			out += ", "
		}
		out += "and none of: " + strings.Join(sigs, ", ")
	}
	return out
}

// blockers say, in the check's own words, why one story does not show
// the evidence: "no Lessons", "Architecture too thin", "no mistake in
// Lessons" (a finding's Reason).
func blockers(rep check.Report, r *pack.Rubric, evidence []string) []string {
	status := map[string]check.SectionStatus{}
	for _, s := range rep.Sections {
		status[s.ID] = s
	}
	var out []string
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for _, id := range evidence {
		if i := slices.IndexFunc(r.Sections, func(s pack.Section) bool { return s.ID == id }); i >= 0 {
			title := text.CleanLine(r.Sections[i].Title)
			switch status[id].Status {
			case check.StatusOK:
			case check.StatusThin:
				add(title + " too thin")
			default:
				add("no " + title)
			}
			continue
		}
		for _, f := range rep.Findings {
			if f.Rule == id {
				add(text.CleanLine(cmp.Or(f.Reason, signalReason(r, id))))
			}
		}
	}
	return out
}

// signalReason is a rubric signal's reason in words, with no figure of
// a particular story: "no figure in Result", "too long to tell". A
// signal with no reason is named by its id's words.
func signalReason(r *pack.Rubric, id string) string {
	var sig *pack.Signal
	if r != nil {
		for i := range r.Signals {
			if r.Signals[i].ID == id {
				sig = &r.Signals[i]
			}
		}
	}
	if sig == nil || strings.TrimSpace(sig.Reason) == "" {
		return strings.ReplaceAll(id, "-", " ")
	}
	reason := sig.Reason
	if i := slices.IndexFunc(r.Sections, func(s pack.Section) bool { return s.ID == sig.Section }); i >= 0 {
		reason = strings.ReplaceAll(reason, "{section}", text.CleanLine(r.Sections[i].Title))
	}
	// A figure only a story has ("about {minutes} min") is left out,
	// with the brackets around it.
	reason = reBraced.Get().ReplaceAllString(reason, "")
	return text.CleanLine(reason)
}

// reBraced is a placeholder left in a reason, with the brackets and the
// words around it: " (about {minutes} min)" or "{words}".
var reBraced = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`\s*\([^()]*\{[^{}]*\}[^()]*\)|\{[^{}]*\}`) }}

func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// technical is the Technical Skills Panel: the practice answers saved and
// the drill decks.
func technical(ws *workspace.Workspace, p *pack.Pack, panel *pack.Panel, stats []drill.Stats, rep *Report) *Technical {
	t := &Technical{Title: text.CleanLine(panel.Title), Practice: Practice{Files: []PracticeFile{}}, Decks: []Deck{}}
	dir := ws.Path(workspace.PracticeDir)
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		rep.Problems = append(rep.Problems, dir+": cannot read: "+err.Error()+"; check its permissions")
	}
	names := []string{}
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && !strings.HasPrefix(n, ".") && strings.EqualFold(filepath.Ext(n), ".md") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		path := filepath.Join(dir, n)
		doc, err := document.ReadFile(path)
		if err != nil {
			rep.Problems = append(rep.Problems, text.CleanLine(err.Error()))
			continue
		}
		if doc.Kind != workspace.KindDesign && doc.Kind != workspace.KindScale {
			continue // the day's drill log, or notes of the candidate's own
		}
		f := PracticeFile{File: workspace.PracticeDir + "/" + n, Title: text.CleanLine(doc.Title), Kind: doc.Kind, Reasons: []string{}}
		if r, ok := p.Rubric(doc.Kind); ok {
			rep := check.Check(doc, r)
			f.Passes = !rep.HasErrors()
			f.Verdict, f.Reasons = rep.Verdict, reasons(rep)
		}
		if doc.Kind == workspace.KindDesign {
			t.Practice.Design++
		} else {
			t.Practice.Scale++
		}
		if f.Passes {
			t.Practice.Passing++
		}
		if f.Verdict == check.VerdictReady {
			t.Practice.Ready++
		}
		t.Practice.Files = append(t.Practice.Files, f)
	}
	for _, s := range stats {
		t.Decks = append(t.Decks, Deck{Deck: string(s.Deck), Cards: s.Cards, Seen: s.Seen, Due: s.Due, Done: s.Done})
	}
	return t
}

// culture is the Culture Panel: for each value prep culture offers, the
// culture stories that show it.
//
// A story shows a value on evidence, not on structure: each of the
// value's key points (in the pack, under the value's guide) is met by a
// sentence of what the story tells, its Value section and follow-ups left
// out (CultureEvidence). Ownership, in the built-in pack, needs
// the candidate acting ("I"), on something nobody handed it, with an
// outcome. A value the pack gives no key points falls back to the story
// that names it in its Value section (or title): the value's name (its
// guide's title up to a colon) or its id.
func culture(p *pack.Pack, panel *pack.Panel, stories []workspace.Story) *Culture {
	c := &Culture{Title: text.CleanLine(panel.Title), Values: ValueList{Items: []Value{}}}
	rid := panel.Rubric
	if rid == "" {
		rid = workspace.KindCulture
	}
	rubric, _ := p.Rubric(rid)
	var named []string // what each culture story says its value is
	var files []string
	var shown []map[string]ValueEvidence // by value id, per story
	for i := range stories {
		s := &stories[i]
		if kindOf(s) != rid && s.Meta.Panel != panel.ID {
			continue
		}
		c.Stories++
		value := s.Meta.Title
		if rubric != nil {
			if sec, ok := sections.Find(s.Doc(), rubric).Section("value"); ok && !sec.Empty {
				value = sec.Text
			}
		}
		named = append(named, " "+strings.Join(text.Words(value), " ")+" ")
		files = append(files, filepath.ToSlash(filepath.Join(workspace.StoriesDir, s.Name())))
		ev := map[string]ValueEvidence{}
		for _, ve := range CultureEvidence(p, rubric, s) {
			ev[ve.Value.ID] = ve
		}
		shown = append(shown, ev)
	}
	for _, g := range p.CultureValues() {
		name, _, _ := strings.Cut(text.CleanLine(g.Title), ":")
		v := Value{ID: g.ID, Title: strings.TrimSpace(name), Stories: []string{}, Needs: []string{}, Gaps: []Gap{}}
		for _, kp := range g.KeyPoints {
			v.Needs = append(v.Needs, text.CleanLine(kp.Point))
		}
		keys := []string{strings.Join(text.Words(name), " "), strings.Join(text.Words(g.ID), " ")}
		for i, hay := range named {
			names := slices.ContainsFunc(keys, func(k string) bool { return k != "" && strings.Contains(hay, " "+k+" ") })
			if len(g.KeyPoints) == 0 {
				if names {
					v.Stories = append(v.Stories, files[i])
				}
				continue
			}
			ve := shown[i][g.ID]
			switch {
			case ve.Shown():
				v.Stories = append(v.Stories, files[i])
			case names:
				gap := Gap{File: files[i], Missing: []string{}}
				for _, kp := range ve.Missing() {
					gap.Missing = append(gap.Missing, text.CleanLine(kp.Point))
				}
				v.Gaps = append(v.Gaps, gap)
			}
		}
		c.Values.Total++
		if len(v.Stories) > 0 {
			c.Values.Done++
		}
		c.Values.Items = append(c.Values.Items, v)
	}
	return c
}
