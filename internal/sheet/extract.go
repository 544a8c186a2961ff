package sheet

import (
	"regexp"
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/wording"
	"github.com/prepcli/prep/internal/workspace"
)

// Section ids the sheet draws on: the star rubric's, and their like in
// the other default rubrics. A story of another kind has some of them or
// none; the sheet then says less, never fails.
const (
	idSituation = "situation"
	idTask      = "task"
	idResult    = "result"
	idFollowups = "followups"
)

var (
	// decisionIDs hold the choice, in order of preference.
	decisionIDs = []string{"tradeoffs", "decision", "architecture", "mitigation"}
	// roadIDs hold the alternatives turned down.
	roadIDs = []string{"tradeoffs", "alternatives", "decision", "architecture", "mitigation"}
	// lessonIDs hold what went wrong and what was learned.
	lessonIDs = []string{"lessons", "reflection"}
)

// Limits that keep three stories on about one page. The sheet shows
// whole sentences only: it keeps fewer of them rather than cut one.
const (
	maxNumbers = 3
	maxRoads   = 1
	maxWeak    = 4
	// maxFollowups are the follow-ups shown per story, each question in
	// full and its answer in whole sentences up to answerWords.
	maxFollowups = 4
	answerWords  = 45
	roleWords    = 30 // what a role owned and its impact
	fullRoles    = 2  // older roles get one line: the recent ones carry the call
)

// numberIDs are the sections whose figures the sheet lists, the result
// first: what changed, what was found, what it was for. The figures of
// the trade-offs, the lessons and the follow-ups belong to those parts.
var numberIDs = []string{"result", "action", "situation", "task", "architecture", "contribution",
	"verification", "validation", "bottlenecks", "breaks_first", "evidence", "fix"}

// The headings a story's pitch may sit under, and the words that mark a
// choice and a lesson drawn, are the pack's (pack.Sheet: the "sheet:"
// block under "pack:"), so a company's pack can reword them. What counts
// as a figure, an alternative turned down or a mistake is the checker's
// own reading (package wording), so the sheet and the check agree.

// parsed is one story read for the sheet: its sections' text, by id.
type parsed struct {
	text map[string]string
	// order is the rubric's section ids, in its order.
	order []string
	// followups are read from the section's Markdown, where list items
	// and "A:" lines are still there to part questions from answers.
	followups []followup.Followup
	// pitch is the story's own one-line pitch, under a heading of its
	// own ("## Pitch"), whole sentences; "" when it has none.
	pitch string
	// words are the pack's: what marks a choice and a lesson.
	words pack.Sheet
}

func parse(body string, r *pack.Rubric, words pack.Sheet) parsed {
	p := parsed{text: map[string]string{}, pitch: pitchOf(body, words.PitchTitles), words: words}
	if r == nil {
		p.text[idSituation] = body
		return p
	}
	doc := &document.Doc{Name: "story.md", Format: document.Markdown, Body: body, BodyLine: 1}
	res := sections.Find(doc, r)
	for _, s := range r.Sections {
		p.order = append(p.order, s.ID)
	}
	for _, s := range res.Sections {
		// A part the checker found told inside the follow-ups ("Why not
		// X?" answered there) is a question and its answer, not the
		// story's own words for that part: the sheet shows it with the
		// follow-ups, not again as the decision or the lesson.
		if !s.Empty && s.Within != idFollowups {
			p.text[s.ID] = s.Text
		}
	}
	// The follow-ups are read from the Markdown of the section the checker
	// found, where list items and "A:" lines still part questions from
	// answers.
	if t := p.text[idFollowups]; t != "" {
		if raw, ok := (&workspace.Story{Body: body}).Section(r, idFollowups); ok && strings.TrimSpace(raw) != "" {
			p.followups = followup.Parse(raw)
		} else {
			// Placed from its wording, with no label: the checker's
			// text has one question per line.
			p.followups = followup.Parse(strings.ReplaceAll(t, "\n", "\n\n"))
		}
	}
	return p
}

// first is the first sentence of a section, "" when it is empty.
func (p parsed) first(id string) string {
	if s := sentences(p.text[id]); len(s) > 0 {
		return s[0]
	}
	return ""
}

// has reports whether the story's rubric has one of the sections ids.
func (p parsed) has(ids []string) bool {
	for _, id := range p.order {
		if slices.Contains(ids, id) {
			return true
		}
	}
	return false
}

// summaryIDs are the sections the one-line summary comes from: the
// situation and the task, or the first two of another kind of answer.
func (p parsed) summaryIDs() []string {
	if len(p.order) == 0 || slices.Contains(p.order, idSituation) && slices.Contains(p.order, idTask) {
		return []string{idSituation, idTask}
	}
	return p.order[:min(2, len(p.order))]
}

// summary is the story in one line when it has no pitch of its own: the
// first whole sentence of the situation and of the task.
func (p parsed) summary() string {
	if p.pitch != "" {
		return p.pitch
	}
	var parts []string
	seen := map[string]bool{}
	for _, id := range p.summaryIDs() {
		// A story that opens Situation and Task with the same sentence
		// says it once.
		if s := p.first(id); s != "" && !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// numbers are the sentences with real quantities (as the checker reads
// them: a year or a version is none), the result's first, then those of
// the sections that tell what happened, leaving out what skip holds.
func (p parsed) numbers(skip map[string]bool) (out []string) {
	seen := map[string]bool{}
	for _, id := range numberIDs {
		for _, s := range sentences(p.text[id]) {
			if seen[s] || skip[s] || !wording.Quantity(s).Found() {
				continue
			}
			seen[s] = true
			out = append(out, s)
			if len(out) == maxNumbers {
				return out
			}
		}
	}
	return out
}

// decision is the choice the story turns on, and the road not taken:
// from the trade-offs, else from the architecture.
func (p parsed) decision() (choice string, roads []string) {
	var ss []string
	for _, id := range decisionIDs {
		if ss = sentences(p.text[id]); len(ss) > 0 {
			break
		}
	}
	if len(ss) == 0 {
		return "", nil
	}
	ci := 0
	for i, s := range ss {
		if containsAny(s, p.words.ChoiceWords) {
			ci = i
			break
		}
	}
	choice = ss[ci]
	seen := map[string]bool{choice: true}
	for _, id := range roadIDs {
		for _, s := range sentences(p.text[id]) {
			if seen[s] || !wording.Alternative(s).Found() {
				continue
			}
			seen[s] = true
			roads = append(roads, s)
			if len(roads) == maxRoads {
				return choice, roads
			}
		}
	}
	return choice, roads
}

// choiceNamesAlternative reports whether the decision's sentence already
// says what was turned down ("X rather than Y").
func choiceNamesAlternative(s string) bool { return wording.Alternative(s).Found() }

// lesson is what went wrong and what was learned, each a whole sentence
// of the lessons: the mistake as the checker reads one (a clear one
// first), and the lesson drawn ("" for a part not found).
func (p parsed) lesson() (mistake, learned string) {
	var ss []string
	for _, id := range lessonIDs {
		if ss = sentences(p.text[id]); len(ss) > 0 {
			break
		}
	}
	for _, s := range ss {
		if wording.ClearMistake(s).Found() {
			mistake = s
			break
		}
	}
	if mistake == "" {
		for _, s := range ss {
			if wording.Mistake(s).Found() {
				mistake = s
				break
			}
		}
	}
	for _, s := range ss {
		if s != mistake && containsAny(s, p.words.LearnWords) {
			learned = s
			break
		}
	}
	if learned == "" {
		for _, s := range ss {
			if s != mistake && wording.Reflection(s).Found() {
				learned = s
				break
			}
		}
	}
	if mistake == "" && learned == "" && len(ss) > 0 {
		learned = ss[0]
	}
	return mistake, learned
}

// firstOf is the first whole sentence of the first of ids the story
// has, with that section's id.
func (p parsed) firstOf(ids ...string) (string, string) {
	for _, id := range ids {
		if s := p.first(id); s != "" {
			return s, id
		}
	}
	return "", ""
}

// pitchOf is the paragraph under a story's pitch heading ("## Pitch",
// "**In one line:**"; titles, matched ignoring case), as whole sentences
// on one line.
func pitchOf(body string, titles []string) string {
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	for i, raw := range lines {
		line := strings.TrimSpace(raw)
		label, rest := line, ""
		if m := reHeading.Get().FindStringSubmatch(line); m != nil {
			label = m[2]
		} else if strings.HasPrefix(line, "**") {
			if j := strings.Index(line[2:], "**"); j >= 0 {
				label, rest = line[2:2+j], strings.TrimSpace(line[4+j:])
			}
		} else {
			continue
		}
		label = strings.ToLower(strings.TrimRight(strings.TrimSpace(label), ":"))
		if !slices.ContainsFunc(titles, func(t string) bool { return strings.EqualFold(strings.TrimSpace(t), label) }) {
			continue
		}
		var para []string
		if rest = strings.TrimSpace(strings.TrimPrefix(rest, ":")); rest != "" {
			para = append(para, rest)
		}
		for _, l := range lines[i+1:] {
			l = strings.TrimSpace(l)
			if l == "" && len(para) > 0 {
				break
			}
			if reHeading.Get().MatchString(l) && l != "" {
				break
			}
			if l != "" {
				para = append(para, l)
			}
		}
		return strings.Join(sentences(strings.Join(para, " ")), " ")
	}
	return ""
}

// firstWith is the first whole sentence of a section for which ok holds.
func (p parsed) firstWith(id string, ok func(string) bool) string {
	for _, s := range sentences(p.text[id]) {
		if ok(s) {
			return s
		}
	}
	return ""
}

// reHeading is an ATX heading: its level's run of # and its text.
var reHeading = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
	return regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
}}
