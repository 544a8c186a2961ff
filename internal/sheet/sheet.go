// Package sheet renders the prep sheet: one Markdown page to read the
// evening before the call. It holds the résumé timeline, each featured
// story condensed (a one-line summary, the numbers, the decision and the
// roads not taken, the lesson, the follow-ups with their prepared
// answers), the open gaps the checker found, and the other stories by
// title. It takes plain data and returns text, so it reads no file and
// cannot fail.
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
	// Problems are files that could not be read, one line each (path and
	// line first): they are open gaps too.
	Problems []string
	// Extra are sections from elsewhere in prep, shown after the open
	// gaps in order: the place for the drills when there are drills.
	Extra []Section
}

// Story is one story as the sheet needs it.
type Story struct {
	// File is how the sheet names it: "stories/ledger.md".
	File  string
	Title string
	Kind  string // a rubric id; "" is DefaultKind
	Rank  int    // 1-3 featured, 0 not
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

var parts = []part{header, timeline, featured, gaps, extra, others}

// Render returns the sheet as Markdown.
func Render(in Input) string {
	b := &builder{in: in}
	for _, s := range in.Stories {
		if s.Rank >= 1 && s.Rank <= workspace.MaxRank {
			b.featured = append(b.featured, s)
		} else {
			b.others = append(b.others, s)
		}
	}
	// Shared ranks (a hand edit) keep file order, so the sheet is stable.
	slices.SortStableFunc(b.featured, func(x, y Story) int {
		return cmp.Or(cmp.Compare(x.Rank, y.Rank), strings.Compare(x.File, y.File))
	})
	slices.SortStableFunc(b.others, func(x, y Story) int {
		return cmp.Or(strings.Compare(strings.ToLower(titleOf(x)), strings.ToLower(titleOf(y))), strings.Compare(x.File, y.File))
	})
	// Each featured story is read once, for its block and its gaps.
	for _, s := range b.featured {
		b.parsed = append(b.parsed, parse(s.Body, b.rubric(s.Kind)))
	}
	for _, p := range parts {
		p(b)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

type builder struct {
	strings.Builder
	in               Input
	featured, others []Story
	parsed           []parsed // of featured, by index
}

func (b *builder) line(format string, args ...any) {
	fmt.Fprintf(b, format, args...)
	b.WriteByte('\n')
}

func (b *builder) heading(title string) {
	b.line("## %s", title)
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
	if t := oneLine(s.Title); t != "" {
		return t
	}
	return s.File
}

func header(b *builder) {
	title := "Prep sheet"
	if c := oneLine(b.in.Company); c != "" {
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
		head := "**" + orDash(oneLine(r.Company)) + "**"
		if t := oneLine(r.Title); t != "" {
			head += ", " + t
		}
		if d := dates(r.Start, r.End); d != "" {
			head += " (" + d + ")"
		}
		b.line("- %s", head)
		if i >= fullRoles {
			continue
		}
		if o, _ := capWords(r.Owned, roleWords); o != "" {
			b.line("  - Owned: %s", o)
		}
		if m, _ := capWords(r.Impact, roleWords); m != "" {
			b.line("  - Impact: %s", m)
		}
	}
	b.line("")
}

func dates(start, end string) string {
	start, end = oneLine(start), oneLine(end)
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

// story condenses one featured story. A part cut short ends in "…", and
// the story then points to its file for the rest.
func story(b *builder, s Story, p parsed) {
	b.line("### %d. %s", s.Rank, titleOf(s))
	b.line("")
	// The check's verdict and its reasons: "ready", "needs work: no
	// figure in Result"; the open gaps below give the detail.
	status := oneLine(s.Report.VerdictLine())
	if s.Unchecked != "" || s.Report.Verdict == "" {
		status = "not checked"
	}
	b.line("*%s · %s*", s.File, status)
	b.line("")

	cut := false
	capped := func(text string, words int) string {
		t, c := capWords(text, words)
		cut = cut || c
		if t == "" {
			return notYet
		}
		return t
	}

	sum, c := p.summary()
	cut = cut || c
	b.line("- **In one line:** %s", capped(sum, summaryWords*2))

	shown := map[string]bool{}
	for _, id := range p.summaryIDs() {
		if f := p.first(id); f != "" {
			shown[f] = true
		}
	}
	nums, more := p.numbers(shown)
	cut = cut || more
	switch len(nums) {
	case 0:
		b.line("- **Numbers:** %s", notYet)
	case 1:
		b.line("- **Numbers:** %s", capped(nums[0], sentenceWords))
	default:
		b.line("- **Numbers:**")
		for _, n := range nums {
			b.line("  - %s", capped(n, sentenceWords))
		}
	}

	// Each part below is shown when the story's kind has a section for it.
	choice, roads, moreRoads := p.decision()
	cut = cut || moreRoads
	if p.has(decisionIDs) {
		b.line("- **Decision:** %s", capped(choice, sentenceWords))
	}
	switch {
	case !p.has(roadIDs):
	case len(roads) > 0:
		var rs []string
		for _, road := range roads {
			rs = append(rs, capped(road, sentenceWords))
		}
		b.line("- **Road not taken:** %s", strings.Join(rs, " "))
	case choice != "" && choiceNamesAlternative(choice):
		// The decision's own sentence says what was turned down.
	default:
		b.line("- **Road not taken:** %s", notYet)
	}

	if p.has(lessonIDs) {
		b.line("- **Lesson:** %s", capped(p.lesson(), lessonWords))
	}

	switch {
	case !p.has([]string{idFollowups}):
	case len(p.followups) == 0:
		b.line("- **Follow-ups:** %s", notYet)
	default:
		b.line("- **Follow-ups:**")
		for i, f := range p.followups {
			if i == maxFollowups {
				b.line("  - and %d more", len(p.followups)-maxFollowups)
				cut = true
				break
			}
			q := strings.TrimSpace(strings.Trim(capped(f.Question, questionWords), "*_"))
			a := "*no answer prepared yet*"
			if f.Answer != "" {
				a = capped(f.Answer, answerWords)
			}
			b.line("  - *%s* %s", q, a)
		}
	}
	if cut {
		b.line("")
		b.line("(see %s for the rest)", s.File)
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
		b.line("- Could not read %s", oneLine(p))
	}
	for i, s := range b.featured {
		head := fmt.Sprintf("**%s** (%s)", titleOf(s), s.File)
		if s.Unchecked != "" {
			b.line("- %s: not checked: %s", head, oneLine(s.Unchecked))
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
				if m := oneLine(f.Message); !slices.Contains(weak, m) {
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
				q, _ := capWords(f.Question, questionWords)
				lines = append(lines, "no answer prepared for: "+q)
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
		if oneLine(s.Title) == "" && body == "" {
			continue
		}
		b.heading(oneLine(s.Title))
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
