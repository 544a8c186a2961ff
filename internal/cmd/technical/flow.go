package technical

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/interviewer"
	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/packdoc"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/storyflow"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

const (
	// technicalPrefix starts the progress name of each scenario,
	// sessions/technical-<scenario>.yaml, so that several can be under
	// way and each resumes on its own.
	technicalPrefix = "technical-"
	// trackGuidePrefix and a track's name make the id of the technical
	// panel's guide to that track.
	trackGuidePrefix = "track_"
	// validationID is the step a candidate out of time is sent to: in
	// the room, saying how you would know it works is how you wrap up.
	validationID = "validation"
	// otherTrack holds the scenarios that name no track.
	otherTrack = "other"

	timeUpJump    = "jump"
	timeUpCarryOn = "carry-on"
)

// TechnicalOptions are the flags of prep technical.
// The command checks them once, before the session starts
// (CheckTechnicalFlags, the --timer range); Technical takes them as
// checked.
type TechnicalOptions struct {
	Track    string // a track's name; "" asks, unless Scenario settles it
	Scenario string // an exercise id; "" asks
	// Timer is the time the answer is given; 0 is none, except that a
	// session started with a timer keeps it when it resumes.
	Timer time.Duration
	// Now is the timer's clock; nil is time.Now.
	Now func() time.Time
}

// Track is one track of the Technical Skills Panel and its scenarios.
type Track struct {
	ID string // distributed, frontend, debugging, …
	// Title is its line in the menu: its guide's title, else its name.
	Title     string
	Guide     *pack.Guide // nil when the panel has no guide for it
	Scenarios []*pack.Exercise
}

// TechnicalOutcome is what prep technical leaves behind.
type TechnicalOutcome struct {
	// Answer is the answer file and its check (Rank is always 0).
	Answer   storyflow.StoryStatus
	Scenario string
	// Hints are the steps at which each hint was taken, in order.
	Hints []string
	// Skipped are the steps left out when time ran out.
	Skipped []string
	// Covered and KeyPoints count the scenario's key points the answer
	// covered, of all of them.
	Covered, KeyPoints int
	// FactsAsked and FactsMissed are the ids of the facts the questions
	// reached and of the others.
	FactsAsked, FactsMissed []string
	// Followups are the follow-up questions asked.
	Followups []string
}

// technicalContent is the panel and rubric prep technical needs.
func technicalContent(p *pack.Pack) (*pack.Panel, *pack.Rubric, error) {
	panel, ok := p.Panel(pack.TechnicalPanel)
	if !ok {
		return nil, nil, fmt.Errorf("the content pack has no technical panel; add one to your --content pack (%s content show technical shows the built-in one)", progname.Name())
	}
	rid := panel.Rubric
	if rid == "" {
		rid = workspace.KindDesign
	}
	r, ok := p.Rubric(rid)
	if !ok {
		return nil, nil, fmt.Errorf("the technical panel checks answers with rubric %q, which the content pack does not have; add it or fix the panel's rubric", rid)
	}
	return panel, r, nil
}

// Tracks lists the tracks of the pack's Technical Skills scenarios (the
// exercises of the technical panel's kind): those with a guide first, in
// the guides' order, then any others in the order of their scenarios.
func Tracks(p *pack.Pack) []Track {
	panel, r, err := technicalContent(p)
	if err != nil {
		return nil
	}
	byID := map[string]*Track{}
	var order []string
	add := func(id string) *Track {
		if t, ok := byID[id]; ok {
			return t
		}
		t := &Track{ID: id, Title: id}
		if g, ok := panel.Guide(trackGuidePrefix + id); ok {
			t.Guide, t.Title = g, text.CleanLine(g.Title)
		}
		byID[id] = t
		order = append(order, id)
		return t
	}
	for i := range p.Exercises {
		e := &p.Exercises[i]
		if !isScenarioKind(p, r, e.Kind) {
			continue
		}
		id := e.Track
		if id == "" {
			id = otherTrack
		}
		t := add(id)
		t.Scenarios = append(t.Scenarios, e)
	}
	rank := func(id string) int {
		if i := slices.IndexFunc(panel.Guides, func(g pack.Guide) bool { return g.ID == trackGuidePrefix+id }); i >= 0 {
			return i
		}
		return len(panel.Guides)
	}
	slices.SortStableFunc(order, func(a, b string) int { return rank(a) - rank(b) })
	out := make([]Track, len(order))
	for i, id := range order {
		out[i] = *byID[id]
	}
	return out
}

// isScenarioKind reports whether exercises of kind are Technical Skills
// scenarios: those checked with the panel's rubric, and debugging
// scenarios, which follow the debug rubric's steps when the pack has it.
func isScenarioKind(p *pack.Pack, panelRubric *pack.Rubric, kind string) bool {
	if kind == panelRubric.ID {
		return true
	}
	if kind == workspace.KindDebug {
		_, ok := p.Rubric(kind)
		return ok
	}
	return false
}

// errNoScenarios is a pack with a technical panel and no scenario for it.
var errNoScenarios error = &lazy.Error{Msg: "the content pack has no Technical Skills scenarios; add exercises of kind design or debug to your --content pack"}

// CheckTechnicalFlags says what is wrong with a --track or --scenario
// before anything is asked: a name the pack does not have, or a scenario
// of another track.
func CheckTechnicalFlags(p *pack.Pack, track, scenario string) error {
	tracks := Tracks(p)
	if len(tracks) == 0 {
		if _, _, err := technicalContent(p); err != nil {
			return err
		}
		return errNoScenarios
	}
	if track != "" && !slices.ContainsFunc(tracks, func(t Track) bool { return t.ID == track }) {
		ids := make([]string, len(tracks))
		for i, t := range tracks {
			ids[i] = t.ID
		}
		return fmt.Errorf("--track %q: not a track of the content pack; use one of %s", track, strings.Join(ids, ", "))
	}
	if scenario == "" {
		return nil
	}
	t, ex := findScenario(tracks, scenario)
	if ex == nil {
		return fmt.Errorf("--scenario %q: no Technical Skills scenario has that id; %s content list --type exercise shows them", scenario, progname.Name())
	}
	if track != "" && t.ID != track {
		return fmt.Errorf("--scenario %q is in track %s, not %s; drop --track or choose another scenario", scenario, t.ID, track)
	}
	return nil
}

func findScenario(tracks []Track, id string) (*Track, *pack.Exercise) {
	for i := range tracks {
		for _, e := range tracks[i].Scenarios {
			if e.ID == id {
				return &tracks[i], e
			}
		}
	}
	return nil, nil
}

// technical is one run of prep technical.
type technical struct {
	env   session.Env
	ws    *workspace.Workspace
	panel *pack.Panel
	// design is the panel's rubric; rubric is the scenario's own, once
	// known (debug for a debugging scenario of kind debug).
	design *pack.Rubric
	rubric *pack.Rubric
	tracks []Track
	now    func() time.Time
	// introduced is set once the welcome and the panel's intro are shown.
	introduced bool

	// Set once the scenario is known.
	s     *session.Session
	ex    *pack.Exercise
	track *Track
	file  string // the answer's file name in practice/
	// hintSteps are the steps each hint was taken at, in order.
	hintSteps []string
	clock     *answerTimer // nil without a timer
	// stepHead shows the current step's guide and heading; a loop calls
	// it before replaying questions asked before a stop.
	stepHead func()
	// match answers questions and named checks; made on first use.
	match *interviewer.Matcher
}

// Technical runs prep technical: a track and a scenario chosen (question
// ids "track" and "scenario"), the scenario shown as an interviewer would
// put it, then the answer one step at a time in the rubric's order, with
// hints on request ("hint.<step>.K") before each step's answer
// ("answer.<step>"), an optional timer ("timeup" when it runs out), the
// check of the answer file and the scenario's reference notes. A scenario
// that stopped halfway offers to resume ("resume").
//
// When the candidate stops at a prompt the error is prompts.ErrInterrupted,
// with every answer given so far saved.
func Technical(env session.Env, opts TechnicalOptions) (*TechnicalOutcome, error) {
	if err := env.Check(); err != nil {
		return nil, err
	}
	panel, rubric, err := technicalContent(env.Pack)
	if err != nil {
		return nil, err
	}
	// The flags were checked once, by the command, before the session
	// (CheckTechnicalFlags and the --timer range); a pack without
	// scenarios is said here when no flag named one.
	tracks := Tracks(env.Pack)
	if len(tracks) == 0 {
		return nil, errNoScenarios
	}
	t := &technical{env: env, ws: env.Workspace, panel: panel, design: rubric, rubric: rubric, tracks: tracks, now: opts.Now}
	if t.now == nil {
		t.now = time.Now
	}
	// Held across the choice and the session, so another prep technical
	// cannot start the same scenario in between. It is the sessions' lock,
	// not the workspace's: other commands go on while a question waits.
	unlock, err := t.ws.LockSession(session.LockName(technicalPrefix))
	if err != nil {
		return nil, err
	}
	defer unlock()

	fmt.Fprintf(env.IO.Out, "%s\n%s\n", session.PanelHeader(env.Pack, panel), text.Wrap(text.Clean(panel.Summary), "  ", "  ", packdoc.FitWidth(env.IO.TerminalWidth())))
	resumed, err := t.pick(opts)
	if t.s != nil {
		defer t.s.Close()
	}
	if err != nil {
		return nil, err
	}
	return t.run(resumed, opts.Timer)
}

// introduce shows, once, what a fresh start shows: the welcome and the
// panel's intro.
func (t *technical) introduce(s *session.Session) {
	if t.introduced {
		return
	}
	t.introduced = true
	s.Welcome(t.env.Pack)
	s.Show(session.GuideBlock(t.panel, "intro", false))
}

// progressName is the progress file of a scenario's session; an id too
// long for a session name is cut and made unique again with its hash.
func progressName(id string) string {
	name := technicalPrefix + id
	if len(name) <= 64 {
		return name
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return fmt.Sprintf("%s-%08x", name[:64-9], h.Sum32())
}

// pick settles the scenario and opens its session: the one given by
// --scenario, or the latest one that stopped halfway if the candidate
// resumes it, or one chosen by track. It reports whether the session
// resumes where it stopped.
func (t *technical) pick(opts TechnicalOptions) (bool, error) {
	if opts.Scenario != "" {
		tr, ex := findScenario(t.tracks, opts.Scenario)
		return t.open(tr, ex)
	}
	if opts.Track == "" {
		tr, ex, err := t.latestStopped()
		if err != nil {
			return false, err
		}
		if ex != nil {
			resumed, err := t.open(tr, ex)
			if err != nil || resumed {
				return resumed, err
			}
			// Started over: the choice comes again, and this scenario's
			// answer file waits with its text as defaults.
			t.s.Close()
			t.s = nil
		}
	}
	tr, ex, err := t.choose(opts.Track)
	if err != nil {
		return false, err
	}
	return t.open(tr, ex)
}

// open opens the session of a scenario and, when it stopped halfway,
// asks whether to resume it.
func (t *technical) open(tr *Track, ex *pack.Exercise) (bool, error) {
	s, err := session.Open(t.ws, progressName(ex.ID), t.env.Prompter, t.env.IO)
	if err != nil {
		return false, err
	}
	t.s, t.ex, t.track, t.file = s, ex, tr, ex.ID+".md"
	t.rubric = t.design
	if r, ok := t.env.Pack.Rubric(ex.Kind); ok {
		t.rubric = r
	}
	step, ok := s.Stopped()
	if !ok {
		return false, nil
	}
	return s.Resume(t.where(step))
}

// latestStopped is the scenario whose session stopped halfway most
// recently, if any; a progress file prep cannot read is reported.
func (t *technical) latestStopped() (*Track, *pack.Exercise, error) {
	dir := filepath.Join(t.ws.Dir(), workspace.SessionsDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: cannot read: %v; check its permissions", dir, errors.Unwrap(err))
	}
	var best *workspace.Progress
	var bestTrack *Track
	var bestEx *pack.Exercise
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || !strings.HasPrefix(name, technicalPrefix) || !e.Type().IsRegular() {
			continue
		}
		prog, err := t.ws.Progress(name)
		if err != nil {
			return nil, nil, err
		}
		tr, ex := findScenario(t.tracks, prog.Answers["scenario"])
		if len(prog.Answers) == 0 || ex == nil || progressName(ex.ID) != name {
			continue // finished, or a scenario this pack no longer has
		}
		if best == nil || prog.Updated.After(best.Updated) {
			best, bestTrack, bestEx = prog, tr, ex
		}
	}
	return bestTrack, bestEx, nil
}

// choose asks for a track, unless given, and a scenario of it. The choice
// is not kept: making it again costs nothing, and the scenario's own
// session keeps everything after it.
func (t *technical) choose(trackID string) (*Track, *pack.Exercise, error) {
	// A session with no progress, used only to print: the choice looks
	// like the rest of the session and keeps nothing.
	out := session.Printer(t.env.IO)
	t.introduce(out)
	var tr *Track
	if trackID == "" && len(t.tracks) > 1 {
		opts := make([]session.Option, len(t.tracks))
		for i, k := range t.tracks {
			opts[i] = session.Option{Value: k.ID, Label: k.Title}
		}
		id, err := t.selectOne(out, "track", "Which track? (it depends on the role)", opts)
		if err != nil {
			return nil, nil, err
		}
		trackID = id
	}
	if trackID == "" {
		trackID = t.tracks[0].ID
	}
	i := slices.IndexFunc(t.tracks, func(k Track) bool { return k.ID == trackID })
	if i < 0 {
		return nil, nil, fmt.Errorf("track %q: not a track of the content pack; this is a bug in prep, please report it", trackID)
	}
	tr = &t.tracks[i]
	if tr.Guide != nil {
		out.Show(&session.Block{Key: "guide." + t.panel.ID + "." + tr.Guide.ID, Title: tr.Guide.Title, Text: tr.Guide.Text, Items: tr.Guide.Questions})
	}
	list := &session.Block{Title: "Scenarios"}
	opts := make([]session.Option, len(tr.Scenarios))
	for k, e := range tr.Scenarios {
		opts[k] = session.Option{Value: e.ID, Label: text.CleanLine(e.Title)}
		list.Items = append(list.Items, text.CleanLine(e.Title)+": "+firstSentence(e.Prompt, 110))
	}
	out.Show(list)
	id, err := t.selectOne(out, "scenario", "Which scenario will you answer?", opts)
	if err != nil {
		return nil, nil, err
	}
	_, ex := findScenario(t.tracks[i:i+1], id)
	return tr, ex, nil
}

// selectOne asks a choice outside any session's progress.
func (t *technical) selectOne(out *session.Session, id, msg string, opts []session.Option) (string, error) {
	labels := make([]string, len(opts))
	for i, o := range opts {
		labels[i] = text.Clean(o.Label)
	}
	i, err := t.env.Prompter.Select(prompts.Question{ID: id, Message: text.Clean(msg)}, labels, 0)
	if err != nil {
		return "", err
	}
	if i < 0 || i >= len(opts) {
		return "", fmt.Errorf("question %q: choice %d is not one of its %d options; this is a bug in prep, please report it", id, i+1, len(opts))
	}
	return opts[i].Value, nil
}

// firstSentence is the start of text up to its first full stop, cut at a
// word before max runes.
func firstSentence(txt string, max int) string {
	s := text.CleanLine(txt)
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' {
			s = s[:i+1]
			break
		}
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	cut := string(r)
	if j := strings.LastIndexByte(cut, ' '); j > 0 {
		cut = cut[:j]
	}
	return strings.TrimRight(cut, ",;:") + "…"
}

// where describes a step of a scenario's session for the resume question.
func (t *technical) where(step string) string {
	title := strconv.Quote(text.CleanLine(t.ex.Title))
	parts := strings.Split(step, ".")
	switch parts[0] {
	case "ask":
		return title + ", asking the interviewer questions"
	case "change":
		return title + ", the change of requirements"
	case "followup":
		return title + ", the follow-up questions"
	case "framing":
		return title + ", its start"
	case "answer", "hint", "check":
		if len(parts) > 1 {
			if sec := t.section(parts[1]); sec != nil {
				return title + ", " + text.CleanLine(sec.Title)
			}
		}
	case "timeup":
		return title + ", when time ran out"
	}
	return title + ", its start"
}

func (t *technical) section(id string) *pack.Section {
	i := slices.IndexFunc(t.rubric.Sections, func(s pack.Section) bool { return s.ID == id })
	if i < 0 {
		return nil
	}
	return &t.rubric.Sections[i]
}

// run answers the scenario, then checks the answer and shows the notes.
func (t *technical) run(resumed bool, budget time.Duration) (*TechnicalOutcome, error) {
	s := t.s
	s.Note("scenario", t.ex.ID)
	s.Note("track", t.track.ID)
	t.hintSteps = t.recordedHints()
	if !resumed {
		t.introduce(s)
	}
	// The framing is read before the clock starts: it is not part of the
	// answer's time.
	if err := t.framing(); err != nil {
		return nil, err
	}
	t.clock = t.startTimer(budget)
	if err := t.saveFront(t.hintSteps); err != nil {
		return nil, err
	}
	t.showScenario()
	if !resumed {
		s.Show(session.GuideBlock(t.panel, "thinking_aloud", false))
		if t.clock != nil {
			t.showSplit()
		}
	}
	for i := range t.rubric.Sections {
		if err := t.step(i); err != nil {
			return nil, err
		}
		if ch := t.ex.Change; ch != nil && ch.After == t.rubric.Sections[i].ID && !t.skipped(&t.rubric.Sections[i]) {
			if err := t.change(); err != nil {
				return nil, err
			}
		}
	}
	return t.end()
}

// recordedHints rebuilds, from the progress, the steps at which hints
// were taken.
func (t *technical) recordedHints() []string {
	var out []string
	for _, sec := range t.rubric.Sections {
		for k := 0; ; k++ {
			if v, ok := t.s.Answered(hintID(sec.ID, k)); !ok || v != session.Yes {
				break
			}
			out = append(out, sec.ID)
		}
	}
	return out
}

func hintID(section string, k int) string { return fmt.Sprintf("hint.%s.%d", section, k) }

// saveFront writes the answer file's front matter (and, for a new file,
// its outline), with the hints taken at steps.
func (t *technical) saveFront(steps []string) error {
	return t.ws.EditPractice(t.file, func(p *workspace.Practice) error {
		if strings.TrimSpace(p.Body) == "" {
			// The prompt on top, on one line so that no part of it can
			// pass for a section's label.
			p.Body = "> " + text.CleanLine(t.ex.Prompt) + "\n\n" + storyflow.Skeleton(t.rubric)
		}
		p.SetField("title", text.CleanLine(t.ex.Title))
		p.SetField("kind", t.rubric.ID)
		p.SetField("panel", t.panel.ID)
		p.SetField("scenario", t.ex.ID)
		if t.ex.Track != "" {
			p.SetField("track", t.ex.Track)
		}
		p.SetField("hints", len(steps))
		p.SetField("hint_steps", append([]string{}, steps...))
		if t.clock != nil {
			p.SetField("timer", shortDuration(t.clock.budget))
		} else {
			p.SetField("timer", nil)
		}
		return nil
	})
}

// showScenario puts the scenario as an interviewer would: the problem
// and, when the scenario has one, the system as it stands. The figures
// come only when asked for (askLoop).
func (t *technical) showScenario() {
	s, ex := t.s, t.ex
	head := "Scenario: " + text.CleanLine(ex.Title)
	if t.track.ID != otherTrack {
		head += " (" + t.track.ID + ")"
	}
	s.Printf("\n%s\n%s\n", head, s.Wrap(ex.Prompt, "  ", "  "))
	if strings.TrimSpace(ex.Architecture) != "" {
		// A sketch keeps its lines: reflowing would break its arrows.
		s.Printf("\n  The system as it stands:\n")
		for _, l := range strings.Split(strings.TrimRight(text.Clean(ex.Architecture), "\n"), "\n") {
			s.Printf("    %s\n", strings.TrimRight(l, " \t"))
		}
	}
	if n := len(ex.Hints); n > 0 {
		s.Printf("\n%s\n", s.Wrap(fmt.Sprintf("Hints: %d, on request before each step, one at a time, as the interviewers would nudge you.", n), "  ", "  "))
	}
	s.ClearHeading()
}

// showSplit suggests how to spend the time, step by step.
func (t *technical) showSplit() {
	c := t.clock
	t.s.Printf("\nYour %s, split the way the panel would spend them:\n", sayMinutes(c.budget))
	w := 0
	for _, sec := range t.rubric.Sections {
		w = max(w, utf8.RuneCountInString(text.CleanLine(sec.Title)))
	}
	for i, sec := range t.rubric.Sections {
		title := text.CleanLine(sec.Title)
		pad := strings.Repeat(" ", w-utf8.RuneCountInString(title))
		t.s.Printf("  %s%s  %7s   done by %s\n", title, pad, sayMinutes(c.share(i)), sayMinutes(c.mark(i)))
	}
}

// step asks one step of the answer: the time check, hints on request,
// then the answer itself.
func (t *technical) step(i int) error {
	s := t.s
	sec := &t.rubric.Sections[i]
	answerID := "answer." + sec.ID
	if _, ok := s.Answered(answerID); ok || t.skipped(sec) {
		return nil
	}
	heading := fmt.Sprintf("%s · %s (step %d of %d)", text.CleanLine(t.ex.Title), text.CleanLine(sec.Title), i+1, len(t.rubric.Sections))
	var notes []string
	if t.clock != nil {
		notes = append(notes, t.clock.status(i, text.CleanLine(sec.Title)))
		jumped, err := t.timeUp(sec, heading)
		if err != nil || jumped {
			return err
		}
	}
	t.stepStarted(sec)
	// The step's guidance goes with the first question really asked; a
	// question of a loop keeps its own guidance, and the step's then goes
	// with its answer.
	fresh, looped := true, false
	dress := func(q *session.Question) {
		q.Notes = notes
		if strings.HasPrefix(q.ID, askPrefix) || strings.HasPrefix(q.ID, checkPref) {
			looped = true
		}
		if !fresh {
			if q.ID == answerID && looped {
				q.Guidance = sec.Guidance
			}
			return
		}
		q.Intro = session.GuideBlock(t.panel, sec.ID, true)
		q.Heading = heading
		if q.Guidance == "" {
			q.Guidance = sec.Guidance
		}
	}
	ask := func(q session.Question) (string, error) {
		dress(&q)
		before := s.Asked()
		ans, err := s.Ask(q)
		if s.Asked() > before {
			fresh, notes = false, nil
		}
		return ans, err
	}
	t.stepHead = func() {
		s.Show(session.GuideBlock(t.panel, sec.ID, true))
		s.Heading(heading)
		fresh = false
	}
	if i == 0 {
		if err := t.askLoop(ask); err != nil {
			return err
		}
	}
	if err := t.checkLoop(sec, ask); err != nil {
		return err
	}
	base := slices.IndexFunc(t.hintSteps, func(id string) bool { return id == sec.ID })
	if base < 0 {
		base = len(t.hintSteps)
	}
	for k := 0; ; k++ {
		n := base + k // the hint this one would reveal
		id := hintID(sec.ID, k)
		rec, replay := s.Answered(id)
		if replay {
			if rec != session.Yes {
				break
			}
			if n < len(t.ex.Hints) {
				notes = append(notes, t.hintText(n))
			}
			continue
		}
		left := len(t.ex.Hints) - len(t.hintSteps)
		if left <= 0 {
			break
		}
		ans, err := ask(session.Question{
			ID:      id,
			Kind:    session.Confirm,
			Message: fmt.Sprintf("Take a hint before you answer? (%d of %d left)", left, len(t.ex.Hints)),
			Help:    "Hints come one at a time, as the interviewers would nudge you; the answer file records how many you took.",
			Default: func() string { return session.No },
			Save: func(ans string) error {
				t.tick()
				if ans != session.Yes {
					return nil
				}
				return t.saveFront(append(slices.Clone(t.hintSteps), sec.ID))
			},
		})
		if err != nil {
			return err
		}
		if ans != session.Yes {
			break
		}
		t.hintSteps = append(t.hintSteps, sec.ID)
		s.Printf("%s\n", s.Wrap(t.hintText(len(t.hintSteps)-1), "  ", "    "))
	}
	_, err := ask(session.Question{
		ID:      answerID,
		Kind:    session.Text,
		Message: sec.Question,
		Default: func() string {
			p, err := t.ws.Practice(t.file)
			if err != nil {
				return "" // Save reports it
			}
			txt, _ := p.Section(t.rubric, sec.ID)
			return txt
		},
		Save: func(ans string) error {
			t.tick()
			return t.ws.EditPractice(t.file, func(p *workspace.Practice) error {
				return p.SetSection(t.rubric, sec.ID, ans)
			})
		},
	})
	if err == nil {
		t.overrun(i)
	}
	return err
}

func (t *technical) hintText(n int) string {
	return packdoc.Hint(n, len(t.ex.Hints), t.ex.Hints[n])
}

// wrapUp is the step a candidate out of time is sent to.
func (t *technical) wrapUp() *pack.Section {
	if sec := t.section(validationID); sec != nil {
		return sec
	}
	return &t.rubric.Sections[len(t.rubric.Sections)-1]
}

// skipped reports whether sec was left out when time ran out: after a
// jump to the wrap-up step, every step not answered by then is.
func (t *technical) skipped(sec *pack.Section) bool {
	v, _ := t.s.Answered("timeup")
	return v == timeUpJump && sec != t.wrapUp()
}

// timeUp, once time has run out, offers to go straight to the wrap-up
// step. It reports whether the candidate went there, skipping sec.
func (t *technical) timeUp(sec *pack.Section, heading string) (bool, error) {
	wu := t.wrapUp()
	if _, asked := t.s.Answered("timeup"); asked || t.clock.left() > 0 || sec == wu {
		return false, nil
	}
	if _, done := t.s.Answered("answer." + wu.ID); done {
		return false, nil
	}
	ans, err := t.s.Ask(session.Question{
		ID:       "timeup",
		Kind:     session.Select,
		Message:  fmt.Sprintf("Go to %s now, or carry on with %s?", text.CleanLine(wu.Title), text.CleanLine(sec.Title)),
		Heading:  heading,
		Intro:    session.GuideBlock(t.panel, "time_up", false),
		Guidance: fmt.Sprintf("Time is up after %s. Nothing stops you carrying on; the steps you leave out stay empty, and the check will say so.", sayMinutes(t.clock.budget)),
		Options:  []session.Option{{Value: timeUpJump, Label: "Go to " + text.CleanLine(wu.Title)}, {Value: timeUpCarryOn, Label: "Carry on"}},
		Default:  func() string { return timeUpJump },
		Save:     func(string) error { t.tick(); return nil },
	})
	return ans == timeUpJump, err
}

// tick records the time used so far, with the answer being saved.
func (t *technical) tick() {
	if t.clock != nil {
		t.s.Note("timer.used", strconv.Itoa(int(t.clock.used()/time.Second)))
	}
}

// end checks the answer file, shows the reference notes, and says where
// everything is.
func (t *technical) end() (*TechnicalOutcome, error) {
	s := t.s
	rel := filepath.Join(workspace.PracticeDir, t.file)
	path := filepath.Join(t.ws.Dir(), rel)
	doc, err := document.ReadFile(path)
	if err != nil {
		return nil, err
	}
	rep := check.Check(doc, t.rubric)
	s.Heading(text.CleanLine(t.ex.Title) + " · the check")
	s.ShowCheck(rel, rep)
	out := &TechnicalOutcome{
		Answer:   storyflow.StatusOf(path, text.CleanLine(t.ex.Title), 0, rep, t.rubric),
		Scenario: t.ex.ID,
		Hints:    slices.Clone(t.hintSteps),
	}
	if v, _ := s.Answered("timeup"); v == timeUpJump {
		for _, sec := range t.rubric.Sections {
			if _, ok := s.Answered("answer." + sec.ID); !ok {
				out.Skipped = append(out.Skipped, sec.ID)
			}
		}
	}
	// The answer's time ends with the check: follow-ups come after it, in
	// the room as here.
	var used time.Duration
	if t.clock != nil {
		used = t.clock.used()
	}
	ir := t.report()
	out.KeyPoints, out.Covered = len(ir.Coverage), interviewer.CountCovered(ir.Coverage)
	out.FactsAsked, out.FactsMissed = ir.FactsAsked, ir.FactsMissed
	fu, err := t.followups()
	if err != nil {
		return nil, err
	}
	out.Followups = fu
	if strings.TrimSpace(t.ex.Notes) != "" {
		s.Printf("\nReference notes: compare them with your answer\n%s\n", text.WrapList(t.ex.Notes, "  ", s.Width()))
	}
	s.Printf("\nYour answer is in %s: %s.\n", path, out.Answer.Summary())
	s.Printf("  Hints taken: %d of %d.", len(t.hintSteps), len(t.ex.Hints))
	if t.clock != nil {
		s.Printf(" Time: %s of %s.", sayRoughly(used), sayMinutes(t.clock.budget))
	}
	s.Printf("\n\nNext:\n")
	next := [][2]string{
		{progname.Name() + " technical --scenario " + t.ex.ID, "answer it again, with what you wrote as defaults"},
		{progname.Name() + " technical", "another scenario"},
		{progname.Name() + " check " + path, "check the answer again after editing it"},
	}
	// A worked answer of the same kind, strong and weak, to compare with.
	for _, e := range t.env.Pack.Examples {
		if e.Kind == t.rubric.ID {
			next = append(next, [2]string{progname.Name() + " content show example/" + e.ID, "a " + e.Strength + " " + e.Kind + " answer, with what an interviewer hears in it"})
		}
	}
	s.Next(next)
	if err := s.Finish(); err != nil {
		return nil, err
	}
	return out, nil
}
