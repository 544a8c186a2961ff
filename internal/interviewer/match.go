package interviewer

import (
	"slices"
	"strings"

	"github.com/prepcli/prep/internal/pack"
)

// Scores: a phrase the item lists counts twice its length in words, so a
// longer, more specific phrase wins over a shorter one. Words of the
// item's topic or check, not in that order, count one each, but only when
// two of them are used (or the topic has one word): one shared word such
// as "node" says little ("disk usage on the nodes" is not about "timeout
// settings of the Node.js server"). Only the best score matters; when
// neither reaches an item, the words of what it tells may (told).
const (
	phraseWeight = 2
	topicWeight  = 1
)

// target is something a free-text request can reach: a fact or an
// evidence item.
type target struct {
	name  string   // the topic or the check, as a whole phrase
	words []string // the phrases listed for it
	// told is what the item says when reached (a fact's answer, what a
	// check shows): its words are the last resort.
	told string
}

// Matcher matches free-text requests to a scenario's facts and evidence.
// Its zero value works; one made by NewMatcher also knows how common each
// listed phrase is across the pack, to settle ties.
type Matcher struct {
	// uses is how many facts and evidence items of the whole pack list
	// each phrase (as its stems, joined by spaces).
	uses map[string]int
}

// NewMatcher counts the phrases of every fact and evidence item in p. When
// two items match a question equally well, the one matched by the rarer
// phrase wins: in "do customers care about GDPR?", "gdpr" names one
// concern while "customers" is listed by many scenarios' facts.
func NewMatcher(p *pack.Pack) *Matcher {
	m := &Matcher{uses: map[string]int{}}
	count := func(words []string) {
		seen := map[string]bool{}
		for _, w := range words {
			k := strings.Join(Words(w), " ")
			if k != "" && !seen[k] {
				seen[k] = true
				m.uses[k]++
			}
		}
	}
	for i := range p.Exercises {
		for _, f := range p.Exercises[i].AllFacts() {
			count(f.Words)
		}
		for _, e := range p.Exercises[i].Evidence {
			count(e.Words)
		}
	}
	return m
}

// best returns the index of the target the text asks for, or -1 when it
// asks for none. Of equal scores the one matched by the rarer phrase
// wins, then the first.
func (m *Matcher) best(text string, targets []target) int {
	return m.bestIn(text, targets, false)
}

// bestIn is best; part says the text is one request of a longer
// question (see told).
func (m *Matcher) bestIn(text string, targets []target, part bool) int {
	ws := Words(text)
	if len(ws) == 0 {
		return -1
	}
	have := map[string]bool{}
	for _, w := range ws {
		have[w] = true
	}
	top, uses, at := 0, 0, -1
	for i, t := range targets {
		s, by := score(ws, have, t, part)
		u := 0
		if m != nil && by != "" {
			u = m.uses[by]
		}
		if s > top || (s == top && s > 0 && u < uses) {
			top, uses, at = s, u, i
		}
	}
	return at
}

// score is how well the text asks for t, and the listed phrase that
// gave the score ("" when the topic's words did).
func score(ws []string, have map[string]bool, t target, part bool) (int, string) {
	s, by := 0, ""
	for _, w := range append([]string{t.name}, t.words...) {
		if p := phraseOf(w); p.in(ws) && phraseWeight*len(p) > s {
			s, by = phraseWeight*len(p), strings.Join(p, " ")
		}
	}
	stop := stopWords.Get()
	n, content := 0, 0
	seen := map[string]bool{}
	for _, w := range Words(t.name) {
		if stop[w] || seen[w] {
			continue
		}
		seen[w] = true
		content++
		if have[w] {
			n++
		}
	}
	if n < 2 && !(content == 1 && n == 1) {
		n = 0
	}
	if topicWeight*n > s {
		return scale * topicWeight * n, ""
	}
	if s > 0 {
		return scale * s, by
	}
	return told(have, t.told, part), ""
}

// scale puts every phrase or topic score above any score from what an
// item tells.
const scale = 16

// told scores a request by the content words it shares with what the
// item tells ("how many people are in a doc at once?" against "up to 40
// people edit one document"), for the questions no listed phrase
// reaches: three shared words, or two that are at least half of the
// question's own, and however many, less than any phrase. On the tune
// slice of the question corpus this took the right answers from 71% to
// 81% and the wrong ones from 3.9% to 5.2%; one shared word alone
// brought in too many wrong ones. A part of a question (part) needs the
// three: two words are half of most parts ("how many API hosts" shares
// "API hosts" with an answer about deploys).
func told(have map[string]bool, text string, part bool) int {
	if text == "" {
		return 0
	}
	stop := stopWords.Get()
	n := 0
	seen := map[string]bool{}
	for _, w := range Words(text) {
		if stop[w] || seen[w] || len(w) < 3 {
			continue
		}
		seen[w] = true
		if have[w] {
			n++
		}
	}
	q := 0
	for w := range have {
		if !stop[w] && len(w) >= 3 {
			q++
		}
	}
	if n < 3 && (part || n < 2 || 2*n < q) {
		return 0
	}
	return min(n, scale-1)
}

// Facts returns the indexes in facts of what a question asks for, in the
// order it asks, or none when it asks for none of them (the interviewer
// then gives its neutral reply). Most questions ask for one fact; one that
// joins requests ("what's the DAU and how many list calls a second?") is
// answered with each request's own fact when they are different facts,
// as an interviewer answers both halves, at most maxAsked. A fact already
// told can be asked for again.
func (m *Matcher) Facts(question string, facts []pack.Fact) []int {
	ts := factTargets(facts)
	var got []int
	for _, part := range requests(question) {
		if i := m.bestIn(part, ts, true); i >= 0 && !slices.Contains(got, i) && len(got) < maxAsked {
			got = append(got, i)
		}
	}
	if len(got) > 1 {
		return got
	}
	if i := m.best(question, ts); i >= 0 {
		return []int{i}
	}
	return nil
}

// maxAsked is the most facts one question is answered with.
const maxAsked = 3

func factTargets(facts []pack.Fact) []target {
	ts := make([]target, len(facts))
	for i, f := range facts {
		ts[i] = target{f.Topic, f.Words, f.Answer}
	}
	return ts
}

// requests splits a question into the requests it joins: at a question
// mark or semicolon with more after it, and at "and", "&" or a comma
// followed by a word that opens a question of its own ("… and how many
// photos?", "…, when do they need it?"). "Price and stock updates" stays
// whole: nothing opens a question after its "and".
func requests(question string) []string {
	var out []string
	for _, sentence := range strings.FieldsFunc(question, func(r rune) bool { return r == '?' || r == ';' }) {
		fields := strings.Fields(sentence)
		start := 0
		for i := 1; i+1 < len(fields); i++ {
			join := strings.ToLower(fields[i])
			comma := strings.HasSuffix(fields[i-1], ",")
			if (join == "and" || join == "&") && opensQuestion(fields[i+1]) {
				out = appendPart(out, fields[start:i])
				start = i + 1
			} else if comma && opensQuestion(fields[i]) {
				out = appendPart(out, fields[start:i])
				start = i
			}
		}
		out = appendPart(out, fields[start:])
	}
	return out
}

func appendPart(out, fields []string) []string {
	if p := strings.Trim(strings.Join(fields, " "), " ,"); p != "" {
		out = append(out, p)
	}
	return out
}

// opensQuestion reports whether word starts a question of its own.
func opensQuestion(word string) bool {
	w := strings.ToLower(strings.Trim(word, ",.:!\"'"))
	w, _, _ = strings.Cut(w, "'")
	w, _, _ = strings.Cut(w, "’")
	switch w {
	case "what", "whats", "how", "hows", "when", "where", "who", "whose", "which", "why",
		"is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should", "has", "have", "any":
		return true
	}
	return false
}

// Evidence returns the index in items of the evidence the named check
// would show, or -1 when the scenario has nothing for it.
func (m *Matcher) Evidence(check string, items []pack.Evidence) int {
	ts := make([]target, len(items))
	for i, e := range items {
		ts[i] = target{e.Check, e.Words, e.Shows}
	}
	return m.best(check, ts)
}
