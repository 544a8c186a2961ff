package sheet

import (
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/document"
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

// Limits that keep three stories on about one page. Words, not letters:
// a cut mid-word reads worse than a slightly longer line.
const (
	summaryWords  = 18 // for each of its two sentences
	sentenceWords = 20 // a number, the decision, the road not taken
	questionWords = 16
	answerWords   = 16 // a cue to the answer, not the answer
	lessonWords   = 25
	maxNumbers    = 3
	maxRoads      = 1
	maxFollowups  = 3
	maxWeak       = 4
	roleWords     = 18
	fullRoles     = 2 // older roles get one line: the recent ones carry the call
)

// Words that mark a choice and a lesson drawn, matched as whole words.
// What counts as a figure, an alternative turned down or a mistake is
// the checker's own reading (package wording), so the sheet and the
// check agree.
var (
	choiceWords = []string{"chose", "choose", "picked", "went with", "decided", "opted", "settled on", "selected", "we used", "i used", "i kept", "we kept"}
	learnWords  = []string{"learned", "learnt", "lesson", "lessons", "next time", "now i", "since then", "taught me", "would do differently", "i'd do", "i would", "today i"}
)

// parsed is one story read for the sheet: its sections' text, by id.
type parsed struct {
	text map[string]string
	// order is the rubric's section ids, in its order.
	order []string
	// followups are read from the section's Markdown, where list items
	// and "A:" lines are still there to part questions from answers.
	followups []Followup
}

func parse(body string, r *pack.Rubric) parsed {
	p := parsed{text: map[string]string{}}
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
			p.followups = parseFollowups(raw)
		} else {
			// Placed from its wording, with no label: the checker's
			// text has one question per line.
			p.followups = parseFollowups(strings.ReplaceAll(t, "\n", "\n\n"))
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

// summary is the story in one line: the first sentence of the situation
// and of the task.
func (p parsed) summary() (string, bool) {
	var parts []string
	cut := false
	seen := map[string]bool{}
	for _, id := range p.summaryIDs() {
		// A story that opens Situation and Task with the same sentence
		// says it once.
		if s := p.first(id); s != "" && !seen[s] {
			seen[s] = true
			s, c := capWords(s, summaryWords)
			parts = append(parts, s)
			cut = cut || c
		}
	}
	return strings.Join(parts, " "), cut
}

// numbers are the sentences with figures: the result's first, then those
// elsewhere in the story, in rubric order, leaving out what skip holds.
func (p parsed) numbers(skip map[string]bool) (out []string, more bool) {
	ids := []string{idResult}
	for _, id := range p.order {
		if id != idResult && id != idFollowups {
			ids = append(ids, id)
		}
	}
	seen := map[string]bool{}
	for _, id := range ids {
		for _, s := range sentences(p.text[id]) {
			if !wording.Quantity(s).Found() || seen[s] || skip[s] {
				continue
			}
			seen[s] = true
			if len(out) == maxNumbers {
				return out, true
			}
			out = append(out, s)
		}
	}
	return out, false
}

// decision is the choice the story turns on, and the roads not taken:
// from the trade-offs, else from the architecture.
func (p parsed) decision() (choice string, roads []string, moreRoads bool) {
	var ss []string
	for _, id := range decisionIDs {
		if ss = sentences(p.text[id]); len(ss) > 0 {
			break
		}
	}
	if len(ss) == 0 {
		return "", nil, false
	}
	ci := 0
	for i, s := range ss {
		if containsAny(s, choiceWords) {
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
			if len(roads) == maxRoads {
				return choice, roads, true
			}
			roads = append(roads, s)
		}
	}
	return choice, roads, false
}

// choiceNamesAlternative reports whether the decision's sentence already
// says what was turned down ("X rather than Y").
func choiceNamesAlternative(s string) bool { return wording.Alternative(s).Found() }

// lesson is what went wrong and what was learned: the lessons' sentence
// that names a mistake, then the one that draws the lesson (the first
// sentence when neither is marked).
func (p parsed) lesson() string {
	var ss []string
	for _, id := range lessonIDs {
		if ss = sentences(p.text[id]); len(ss) > 0 {
			break
		}
	}
	if len(ss) == 0 {
		return ""
	}
	wrong, learned := -1, -1
	for i, s := range ss {
		if wrong < 0 && wording.Mistake(s).Found() {
			wrong = i
		}
		if learned < 0 && containsAny(s, learnWords) {
			learned = i
		}
	}
	switch {
	case wrong >= 0 && learned >= 0 && wrong != learned:
		if wrong > learned {
			wrong, learned = learned, wrong
		}
		return ss[wrong] + " " + ss[learned]
	case learned >= 0:
		return ss[learned]
	case wrong >= 0:
		return ss[wrong]
	}
	return ss[0]
}
