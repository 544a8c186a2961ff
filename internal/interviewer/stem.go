// Package interviewer is what a technical interviewer does with what the
// candidate says: answer a question with the fact it asks for, show what a
// named check reveals, hold an answer against the reference key points and
// pick follow-ups from what it names. It only reads text; the session does
// the talking and the saving.
//
// Everything here is deterministic and explainable: words are compared as
// stems, a phrase of several words must appear in order, and a tie goes to
// the item listed first, so the same question always gets the same answer
// and the report can quote why.
package interviewer

import (
	"slices"
	"strings"
	"unicode"

	"github.com/prepcli/prep/internal/lazy"
)

// Words splits text into lowercase word stems. A word is a run of letters
// and digits, so "fan-out" is two words and "p99" one, and a phrase never
// matches inside a longer word ("cache" is not in "cachet").
func Words(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		f = strings.Trim(f, "'")
		f = strings.TrimSuffix(f, "'s")
		if f == "" {
			continue
		}
		if long, ok := shortForms.Get()[f]; ok {
			for _, w := range strings.Fields(long) {
				out = append(out, Stem(w))
			}
			continue
		}
		out = append(out, Stem(f))
	}
	return out
}

// shortForms are abbreviations engineers write for what the content names
// in full; both sides of a comparison read them in full, so "LB" meets
// "load balancer" and "k8s" meets "Kubernetes".
var shortForms = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		"lb": "load balancer", "lbs": "load balancers", "db": "database", "dbs": "databases",
		"k8s": "kubernetes", "repl": "replication", "perf": "performance",
		"config": "configuration", "configs": "configurations", "infra": "infrastructure",
		"authn": "authentication", "authz": "authorization",
		"msg": "message", "msgs": "messages", "req": "request", "reqs": "requests",
		"env": "environment", "prod": "production", "deps": "dependencies", "dep": "dependency",
	}
}}

// Stem strips the common English endings, lightly: enough that "users",
// "caching" and "latencies" meet "user", "cache" and "latency", not so much
// that different words meet. Both sides of every comparison go through it,
// so it need not give real roots.
func Stem(w string) string {
	if len(w) <= 3 || !isLetters(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		w = w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		w = w[:len(w)-2]
	}
	if strings.HasSuffix(w, "e") && len(w) > 4 {
		w = w[:len(w)-1]
	}
	// "shipped", "mapping": a doubled final consonant left by the suffix.
	if n := len(w); n >= 4 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' {
			return false
		}
	}
	return true
}

// phrase is a phrase to look for, as stems.
type phrase []string

func phraseOf(s string) phrase { return Words(s) }

// in reports whether p appears in words, its words adjacent and in order.
func (p phrase) in(words []string) bool { return p.find(words, 0) >= 0 }

// find is where p next appears in words, at or after from; -1 when it
// does not, or when p is empty.
func (p phrase) find(words []string, from int) int {
	if len(p) == 0 {
		return -1
	}
	for i := from; i+len(p) <= len(words); i++ {
		if slices.Equal(words[i:i+len(p)], p) {
			return i
		}
	}
	return -1
}

// stop words say nothing about what a question is after, so a topic's
// single words count only when they are not among them.
var stopWords = lazy.Value[map[string]bool]{F: func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of to in on at by for from with per and or is are was be
		what how many much do doe does we you i it its this that there their they our your my
		which who when where why can could would should will any some about as if than then
		use us me get have has had not no`) {
		m[Stem(w)] = true
	}
	return m
}}
