package interviewer

import (
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
		s, by := score(ws, have, t)
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
func score(ws []string, have map[string]bool, t target) (int, string) {
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
	return told(have, t.told), ""
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
// brought in too many wrong ones.
func told(have map[string]bool, text string) int {
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
	if n < 3 && (n < 2 || 2*n < q) {
		return 0
	}
	return min(n, scale-1)
}

// Fact returns the index in facts of the fact a question asks for, or -1
// when it asks for none of them (the interviewer then gives its neutral
// reply). A fact already told can be asked for again.
func (m *Matcher) Fact(question string, facts []pack.Fact) int {
	ts := make([]target, len(facts))
	for i, f := range facts {
		ts[i] = target{f.Topic, f.Words, f.Answer}
	}
	return m.best(question, ts)
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
