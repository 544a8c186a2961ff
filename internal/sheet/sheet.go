// Package sheet renders the prep sheet: one Markdown page to read the
// evening before the call, per panel. For the Background Panel it holds
// the résumé timeline, each featured story as a brief (the one-line
// pitch, the figures, the architecture, the decision and the road not
// taken, the mistake and the lesson, the follow-ups with their prepared
// answers), the open gaps the checker found and the other stories by
// title; for the Technical Skills Panel the practice answers and the
// drills due; for the Culture Panel the culture stories. It quotes whole
// sentences only, never one cut short. It takes plain data and returns
// text, so it reads no file and cannot fail.
package sheet

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/wording"
	"github.com/prepcli/prep/internal/workspace"
)

// DefaultKind is the rubric of a story whose front matter names none.
const DefaultKind = "star"

// Input is everything the sheet shows.
type Input struct {
	// Now dates the sheet; its location is the one the date is given in.
	Now time.Time
	// Company is who the interview is with (the pack's); may be empty.
	Company string
	// Timeline is the résumé, most recent role first.
	Timeline []workspace.Role
	// Stories are every story that could be read, in any order: ranked
	// ones (1-3) are featured, in rank order, the others listed by title.
	Stories []Story
	// Rubrics are the pack's, for finding a story's sections by kind.
	Rubrics []pack.Rubric
	// Words are the pack's sheet block: the headings a pitch sits under,
	// the words that mark a choice and a lesson.
	Words pack.Sheet
	// Problems are files that could not be read, one line each (path and
	// line first): they are open gaps too.
	Problems []string
	// Practice are the practice answers (prep technical, prep drill
	// scale), shown under the Technical Skills Panel.
	Practice []Story
	// Drills are the drill decks and the cards due in each today;
	// NextDrill is the day the next card is due when none is today.
	Drills    []Drill
	NextDrill string
	// Panels are the panels' titles, as the pack names them; an empty
	// one takes the default pack's.
	Panels Panels
	// Extra are sections from elsewhere in prep, shown at the end.
	Extra []Section
}

// Panels are the three panels' titles.
type Panels struct {
	Background, Technical, Culture string
}

// Drill is one drill deck: its name in words ("trade-offs") and the
// cards due in it today.
type Drill struct {
	Deck string
	Due  int
}

// Story is one story as the sheet needs it.
type Story struct {
	// File is how the sheet names it: "stories/ledger.md".
	File  string
	Title string
	Kind  string // a rubric id; "" is DefaultKind
	Rank  int    // 1-3 featured, 0 not
	// Panel is the panel its front matter names: a story of kind culture
	// or of panel culture is shown under the Culture Panel.
	Panel string
	// Body is the Markdown after the front matter.
	Body string
	// Report is its check; Unchecked says why there is none, when the
	// story could not be checked (a kind the pack does not know).
	Report    check.Report
	Unchecked string
}

// Section is a titled block of Markdown for Input.Extra.
type Section struct {
	Title    string
	Markdown string
}

// part is one section of the sheet. The sheet is these, in order; a new
// kind of content is one more part (or, from outside, an Input.Extra).
type part func(b *builder)

var parts = []part{header, background, timeline, featured, gaps, others, technical, practice, drills, culture, extra}

// Render returns the sheet as Markdown.
func Render(in Input) string {
	b := &builder{in: in}
	for _, s := range in.Stories {
		switch {
		case s.Rank >= 1 && s.Rank <= workspace.MaxRank:
			b.featured = append(b.featured, s)
		case isCulture(s):
			b.culture = append(b.culture, s)
		default:
			b.others = append(b.others, s)
		}
	}
	// Shared ranks (a hand edit) keep file order, so the sheet is stable.
	slices.SortStableFunc(b.featured, func(x, y Story) int {
		return cmp.Or(cmp.Compare(x.Rank, y.Rank), strings.Compare(x.File, y.File))
	})
	byTitle := func(x, y Story) int {
		return cmp.Or(strings.Compare(strings.ToLower(titleOf(x)), strings.ToLower(titleOf(y))), strings.Compare(x.File, y.File))
	}
	slices.SortStableFunc(b.others, byTitle)
	slices.SortStableFunc(b.culture, byTitle)
	b.practice = slices.Clone(in.Practice)
	slices.SortStableFunc(b.practice, byTitle)
	// Each featured story is read once, for its block and its gaps.
	for _, s := range b.featured {
		b.parsed = append(b.parsed, parse(s.Body, b.rubric(s.Kind), b.in.Words))
	}
	for _, p := range parts {
		p(b)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

type builder struct {
	strings.Builder
	in                                  Input
	featured, others, culture, practice []Story
	parsed                              []parsed // of featured, by index
}

// isCulture reports a story for the Culture Panel.
func isCulture(s Story) bool {
	return s.Kind == workspace.KindCulture || strings.EqualFold(strings.TrimSpace(s.Panel), "culture")
}

// panelHeading opens a panel's part of the sheet.
func (b *builder) panel(title, def string) {
	b.line("## %s", cmp.Or(text.OneLine(title), def))
	b.line("")
}

func (b *builder) line(format string, args ...any) {
	fmt.Fprintf(b, format, args...)
	b.WriteByte('\n')
}

func (b *builder) heading(title string) {
	b.line("### %s", title)
	b.line("")
}

func (b *builder) rubric(kind string) *pack.Rubric {
	if kind == "" {
		kind = DefaultKind
	}
	for i := range b.in.Rubrics {
		if b.in.Rubrics[i].ID == kind {
			return &b.in.Rubrics[i]
		}
	}
	return nil
}

func titleOf(s Story) string {
	if t := text.OneLine(s.Title); t != "" {
		return t
	}
	return s.File
}

func header(b *builder) {
	title := "Prep sheet"
	if c := text.OneLine(b.in.Company); c != "" {
		title += ": " + c
	}
	b.line("# %s", title)
	b.line("")
	featured := "no featured stories yet"
	switch n := len(b.featured); n {
	case 0:
	case 1:
		featured = "1 featured story"
	default:
		featured = strconv.Itoa(n) + " featured stories"
	}
	b.line("%s · %s", b.in.Now.Format("Monday 2 January 2006"), featured)
	b.line("")
}

func timeline(b *builder) {
	b.heading("Timeline")
	if len(b.in.Timeline) == 0 {
		b.line("No roles yet: `%s background` walks you through your résumé, most recent role first.", progname.Name())
		b.line("")
		return
	}
	for i, r := range b.in.Timeline {
		head := "**" + orDash(text.OneLine(r.Company)) + "**"
		if t := text.OneLine(r.Title); t != "" {
			head += ", " + t
		}
		if d := dates(r.Start, r.End); d != "" {
			head += " (" + d + ")"
		}
		b.line("- %s", head)
		if i >= fullRoles {
			continue
		}
		if o := fit(r.Owned, roleWords); o != "" {
			b.line("  - Owned: %s", o)
		}
		if m := fit(r.Impact, roleWords); m != "" {
			b.line("  - Impact: %s", m)
		}
	}
	b.line("")
}

func dates(start, end string) string {
	start, end = text.OneLine(start), text.OneLine(end)
	switch {
	case start != "" && end != "":
		return start + " – " + end
	case start != "":
		return "from " + start
	case end != "":
		return "until " + end
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func featured(b *builder) {
	b.heading("Featured stories")
	if len(b.featured) == 0 {
		b.line("None ranked yet: rank your strongest two or three projects with `%[1]s story rank REF 1` (`%[1]s story list` shows them).", progname.Name())
		b.line("")
		return
	}
	for i, s := range b.featured {
		story(b, s, b.parsed[i])
	}
}

const notYet = "*not written yet*"

func background(b *builder) { b.panel(b.in.Panels.Background, "Background Panel") }

// story is one featured story as a brief: whole sentences of its own,
// each part shown when the story's kind has a section for it.
func story(b *builder, s Story, p parsed) {
	b.line("#### %d. %s", s.Rank, titleOf(s))
	b.line("")
	// The check's verdict and its reasons: "ready", "needs work: no
	// figure in Result"; the open gaps below give the detail.
	b.line("*%s · %s*", s.File, verdictOf(s))
	b.line("")
	or := func(t string) string { return cmp.Or(text.OneLine(t), notYet) }

	sum := p.summary()
	b.line("- **Pitch:** %s", or(sum))

	shown := map[string]bool{}
	for _, x := range sentences(sum) {
		shown[x] = true
	}
	switch nums := p.numbers(shown); len(nums) {
	case 0:
		b.line("- **Figures:** %s", notYet)
	case 1:
		b.line("- **Figures:** %s", nums[0])
	default:
		b.line("- **Figures:**")
		for _, n := range nums {
			b.line("  - %s", n)
		}
	}

	if p.has([]string{"architecture"}) {
		b.line("- **Architecture:** %s", or(p.first("architecture")))
	}
	choice, roads := p.decision()
	if p.has(decisionIDs) {
		b.line("- **Decision:** %s", or(choice))
	}
	switch {
	case !p.has(roadIDs):
	case len(roads) > 0:
		b.line("- **Turned down:** %s", strings.Join(roads, " "))
	case choice != "" && choiceNamesAlternative(choice):
		// The decision's own sentence says what was turned down.
	default:
		b.line("- **Turned down:** %s", notYet)
	}

	if p.has(lessonIDs) {
		mistake, learned := p.lesson()
		if mistake != "" || learned == "" {
			b.line("- **Mistake:** %s", or(mistake))
		}
		b.line("- **Lesson:** %s", or(learned))
	}

	switch {
	case !p.has([]string{idFollowups}):
	case len(p.followups) == 0:
		b.line("- **Follow-ups:** %s", notYet)
	default:
		b.line("- **Follow-ups:**")
		for i, f := range p.followups {
			if i == maxFollowups {
				b.line("  - %d more in %s", len(p.followups)-maxFollowups, s.File)
				break
			}
			q := strings.TrimSpace(strings.Trim(text.OneLine(f.Question), "*_"))
			a := "*no answer prepared yet*"
			if f.Answer != "" {
				a = fit(f.Answer, answerWords)
			}
			b.line("  - *%s* %s", q, a)
		}
	}
	b.line("")
}

// verdictOf is a story's check in a few words: "ready", "needs work: no
// figure in Result", "not checked".
func verdictOf(s Story) string {
	if s.Unchecked != "" || s.Report.Verdict == "" {
		return "not checked"
	}
	return text.OneLine(s.Report.VerdictLine())
}

func technical(b *builder) { b.panel(b.in.Panels.Technical, "Technical Skills Panel") }

// practiceParts are, for each kind of practice answer, the sections whose
// first sentence recalls it: the plan, then what it turned down.
var (
	practiceMain = []string{"mvp", "breaks_first", "root_cause", "decision"}
	practiceRoad = []string{"tradeoffs", "mitigation", "alternatives", "hypotheses"}
)

// practice lists the practice answers: each one's verdict, its plan in
// one sentence and the option it turned down.
func practice(b *builder) {
	b.heading("Practice answers")
	if len(b.practice) == 0 {
		b.line("None yet: `%s technical` runs a design, frontend or debugging scenario as the panel would.", progname.Name())
		b.line("")
		return
	}
	for _, s := range b.practice {
		p := parse(s.Body, b.rubric(s.Kind), b.in.Words)
		b.line("- **%s** (%s · %s)", titleOf(s), s.File, verdictOf(s))
		if t, id := p.firstOf(practiceMain...); t != "" {
			b.line("  - %s: %s", sectionTitle(b.rubric(s.Kind), id), t)
		}
		for _, id := range practiceRoad {
			if m := wording.Alternative(p.text[id]); m.Found() {
				b.line("  - %s: %s", sectionTitle(b.rubric(s.Kind), id), text.OneLine(m.Sentence))
				break
			}
		}
	}
	b.line("")
}

func sectionTitle(r *pack.Rubric, id string) string {
	if r != nil {
		for _, s := range r.Sections {
			if s.ID == id {
				return text.OneLine(s.Title)
			}
		}
	}
	return id
}

// drills says what is due today, deck by deck.
func drills(b *builder) {
	b.heading("Drills due")
	var due []string
	total := 0
	for _, d := range b.in.Drills {
		if d.Due > 0 {
			due = append(due, fmt.Sprintf("%d %s", d.Due, text.OneLine(d.Deck)))
			total += d.Due
		}
	}
	switch {
	case total > 0:
		b.line("%s due today: `%s drill` runs them.", strings.Join(due, ", "), progname.Name())
	case b.in.NextDrill != "":
		b.line("Nothing due today; the next card is due on %s.", text.OneLine(b.in.NextDrill))
	default:
		b.line("Nothing due today.")
	}
	b.line("")
}

// culture lists the culture stories, each in a few whole sentences: the
// value it shows, what happened, what changed, what was learned.
func culture(b *builder) {
	b.panel(b.in.Panels.Culture, "Culture Panel")
	b.heading("Culture stories")
	if len(b.culture) == 0 {
		b.line("None yet: `%s culture` guides a short true story for one of the values the team lives by.", progname.Name())
		b.line("")
		return
	}
	for _, s := range b.culture {
		p := parse(s.Body, b.rubric(s.Kind), b.in.Words)
		b.line("- **%s** (%s · %s)", titleOf(s), s.File, verdictOf(s))
		if v := p.first("value"); v != "" {
			b.line("  - Value: %s", v)
		}
		if t := cmp.Or(p.pitch, p.first(idSituation)); t != "" {
			b.line("  - Pitch: %s", t)
		}
		if t := cmp.Or(p.firstWith(idResult, func(x string) bool { return wording.Quantity(x).Found() }), p.first(idResult)); t != "" {
			b.line("  - Result: %s", t)
		}
		if _, l := p.lesson(); l != "" {
			b.line("  - Lesson: %s", l)
		}
	}
	b.line("")
}

// gaps lists, per featured story, what the checker found missing or weak,
// and the files that could not be read at all.
func gaps(b *builder) {
	if len(b.featured) == 0 && len(b.in.Problems) == 0 {
		return
	}
	b.heading("Open gaps")
	for _, p := range b.in.Problems {
		b.line("- Could not read %s", text.OneLine(p))
	}
	for i, s := range b.featured {
		head := fmt.Sprintf("**%s** (%s)", titleOf(s), s.File)
		if s.Unchecked != "" {
			b.line("- %s: not checked: %s", head, text.OneLine(s.Unchecked))
			continue
		}
		if s.Report.Verdict == "" {
			b.line("- %s: not checked.", head)
			continue
		}
		var lines []string
		titles := map[string]string{}
		for _, sec := range s.Report.Sections {
			titles[sec.ID] = sec.Title
		}
		var missing, worth, weak []string
		for _, f := range s.Report.Findings {
			switch {
			case f.Rule == check.RuleMissingSection && f.Severity == pack.SeverityError:
				missing = append(missing, cmp.Or(titles[f.Section], f.Section))
			case f.Rule == check.RuleMissingSection:
				worth = append(worth, cmp.Or(titles[f.Section], f.Section))
			default:
				if m := text.OneLine(f.Message); !slices.Contains(weak, m) {
					weak = append(weak, m)
				}
			}
		}
		if len(missing) > 0 {
			lines = append(lines, "missing: "+strings.Join(missing, ", "))
		}
		if len(worth) > 0 {
			lines = append(lines, "worth adding: "+strings.Join(worth, ", "))
		}
		for i, w := range weak {
			if i == maxWeak {
				lines = append(lines, fmt.Sprintf("and %d more: run `%s story check %d`", len(weak)-maxWeak, progname.Name(), s.Rank))
				break
			}
			lines = append(lines, w)
		}
		for _, f := range b.parsed[i].followups {
			if f.Answer == "" {
				lines = append(lines, "no answer prepared for: "+text.OneLine(f.Question))
			}
		}
		if len(lines) == 0 {
			b.line("- %s: nothing open.", head)
			continue
		}
		b.line("- %s", head)
		for _, l := range lines {
			b.line("  - %s", l)
		}
	}
	b.line("")
}

func extra(b *builder) {
	for _, s := range b.in.Extra {
		body := strings.TrimSpace(s.Markdown)
		if text.OneLine(s.Title) == "" && body == "" {
			continue
		}
		b.panel(s.Title, "More")
		if body != "" {
			b.line("%s", body)
			b.line("")
		}
	}
}

func others(b *builder) {
	if len(b.others) == 0 {
		return
	}
	b.heading("Other stories")
	for _, s := range b.others {
		b.line("- %s (%s)", titleOf(s), s.File)
	}
	b.line("")
}
