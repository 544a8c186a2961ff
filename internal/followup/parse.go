package followup

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/text"
)

// Followup is one question the panel may ask, with the answer prepared
// for it ("" when none is written yet).
type Followup struct {
	Question string
	Answer   string
}

var (
	// reItem is a list item's marker: "- ", "* ", "+ ", "1. " or "1) ".
	reItem = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^([-*+]|\d{1,3}[.)])\s+`) }}
	// reQ and reA are "Q:" and "A:" labels (also "Question:", "Answer:").
	reQ = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:\*\*|__)?(?:q|question)\s*[:.](?:\*\*|__)?\s*`)
	}}
	reA = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:\*\*|__)?(?:a|answer)\s*[:.](?:\*\*|__)?\s*`)
	}}
	// reInlineA is an answer label inside a line: "Q: Why? A: Because."
	reInlineA = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`(?i)\s(?:\*\*|__)?(?:a|answer):(?:\*\*|__)?\s*`) }}
	// reBold is a question in bold at the start of an item.
	reBold = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^(?:\*\*(.+?)\*\*|__(.+?)__)`) }}
	// reHeading is an ATX heading: its level's run of # and its text.
	reHeading = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
		return regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	}}
)

// item is a follow-up as written: its lines, and its answer's lines when
// the answer is labelled "A:" apart.
type item struct {
	q, a     []string
	labelled bool // started with "Q:": only an "A:" line starts its answer
	inAnswer bool
}

// Parse reads the follow-ups a candidate wrote in the forms prep
// and people use: list items with the question in bold ("**Why Kafka?**
// Ordering.", the answer on the line or indented under it, as the guided
// session writes them), list items with the answer after the question
// mark ("Why Kafka? Ordering."), "Q:" and "A:" lines, and questions as
// sub-headings or lines of their own with the answer under them. An item
// with no answer keeps an empty one.
func Parse(text string) []Followup {
	var items []*item
	var cur *item
	blank := false
	for _, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line := strings.TrimSpace(raw)
		indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
		if line == "" {
			blank = true
			continue
		}
		wasBlank := blank
		blank = false
		if m := reHeading.Get().FindStringSubmatch(line); m != nil {
			// The lines under a question's heading are its answer.
			cur = &item{q: []string{m[2]}, inAnswer: true}
			items = append(items, cur)
			continue
		}
		if loc := reItem.Get().FindStringIndex(line); loc != nil {
			rest := line[loc[1]:]
			if indent >= 2 && cur != nil {
				// A nested item continues the one above: often the answer.
				cur.add(rest)
				continue
			}
			cur = newItem(rest)
			items = append(items, cur)
			continue
		}
		if m := reA.Get().FindStringIndex(line); m != nil && cur != nil {
			cur.inAnswer = true
			cur.a = append(cur.a, line[m[1]:])
			continue
		}
		if reQ.Get().MatchString(line) || cur == nil || (wasBlank && indent < 2 && !(cur.waiting() && !strings.HasSuffix(line, "?"))) {
			cur = newItem(line)
			items = append(items, cur)
			continue
		}
		cur.add(line)
	}

	var out []Followup
	for _, it := range items {
		if f, ok := it.followup(); ok {
			out = append(out, f)
		}
	}
	return out
}

func newItem(line string) *item {
	it := &item{}
	if m := reQ.Get().FindStringIndex(line); m != nil {
		it.labelled = true
		line = line[m[1]:]
		if loc := reInlineA.Get().FindStringIndex(line); loc != nil {
			it.q = []string{line[:loc[0]]}
			it.a = []string{line[loc[1]:]}
			it.inAnswer = true
			return it
		}
	}
	it.q = []string{line}
	return it
}

// waiting reports a question whose answer has not come yet, so that a
// blank line between the two does not part them: a "Q:" item before its
// "A:", or a bare question.
func (it *item) waiting() bool {
	if it.labelled {
		return !it.inAnswer
	}
	return len(it.a) == 0 && strings.HasSuffix(strings.TrimRight(strings.Join(it.q, " "), " *_"), "?")
}

func (it *item) add(line string) {
	if it.inAnswer {
		it.a = append(it.a, line)
	} else {
		it.q = append(it.q, line)
	}
}

// followup splits an item into its question and answer.
func (it *item) followup() (Followup, bool) {
	q := text.OneLine(strings.Join(it.q, " "))
	a := text.OneLine(strings.Join(it.a, " "))
	if it.labelled || len(it.a) > 0 {
		return Followup{Question: unbold(q), Answer: a}, q != ""
	}
	if m := reBold.Get().FindStringSubmatchIndex(q); m != nil {
		var inner string
		if m[2] >= 0 {
			inner = q[m[2]:m[3]]
		} else {
			inner = q[m[4]:m[5]]
		}
		inner = reQ.Get().ReplaceAllString(strings.TrimSpace(inner), "")
		return Followup{Question: strings.TrimRight(inner, ": "), Answer: trimLead(q[m[1]:])}, inner != ""
	}
	if i := questionEnd(q); i > 0 {
		return Followup{Question: q[:i], Answer: trimLead(q[i:])}, true
	}
	return Followup{Question: q}, q != ""
}

// questionEnd is the index just past the question mark that ends the
// question, or 0: a "?" followed by a space or the end.
func questionEnd(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '?' && (i+1 == len(s) || s[i+1] == ' ') {
			return i + 1
		}
	}
	return 0
}

// trimLead drops what people put between a question and its answer.
func trimLead(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(":–—-→>", r)
	})
	return reA.Get().ReplaceAllString(s, "")
}

func unbold(s string) string {
	if m := reBold.Get().FindStringSubmatch(s); m != nil && len(m[0]) == len(s) {
		return strings.TrimSpace(m[1] + m[2])
	}
	return s
}
