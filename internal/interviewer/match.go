package interviewer

import "github.com/prepcli/prep/internal/pack"

// Scores: a phrase the item lists counts twice its length in words, so a
// longer, more specific phrase wins over a shorter one. Words of the
// item's topic or check, not in that order, count one each, but only when
// two of them are used (or the topic has one word): one shared word such
// as "node" says little ("disk usage on the nodes" is not about "timeout
// settings of the Node.js server"). Only the best score matters.
const (
	phraseWeight = 2
	topicWeight  = 1
)

// target is something a free-text request can reach: a fact or an
// evidence item.
type target struct {
	name  string   // the topic or the check, as a whole phrase
	words []string // the phrases listed for it
}

// best returns the index of the target the text asks for, or -1 when it
// asks for none. The first target wins a tie.
func best(text string, targets []target) int {
	ws := Words(text)
	if len(ws) == 0 {
		return -1
	}
	have := map[string]bool{}
	for _, w := range ws {
		have[w] = true
	}
	top, at := 0, -1
	for i, t := range targets {
		if s := score(ws, have, t); s > top {
			top, at = s, i
		}
	}
	return at
}

func score(ws []string, have map[string]bool, t target) int {
	s := 0
	for _, w := range append([]string{t.name}, t.words...) {
		if p := phraseOf(w); p.in(ws) {
			s = max(s, phraseWeight*len(p))
		}
	}
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
	return max(s, topicWeight*n)
}

// Fact returns the index in facts of the fact a question asks for, or -1
// when it asks for none of them (the interviewer then gives its neutral
// reply). A fact already told can be asked for again.
func Fact(question string, facts []pack.Fact) int {
	ts := make([]target, len(facts))
	for i, f := range facts {
		ts[i] = target{f.Topic, f.Words}
	}
	return best(question, ts)
}

// Evidence returns the index in items of the evidence the named check
// would show, or -1 when the scenario has nothing for it.
func Evidence(check string, items []pack.Evidence) int {
	ts := make([]target, len(items))
	for i, e := range items {
		ts[i] = target{e.Check, e.Words}
	}
	return best(check, ts)
}
