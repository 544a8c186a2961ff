package sections

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/pack"
)

// matcher is a rubric compiled for finding sections: every label of every
// section reduced to a key, built once per rubric.
type matcher struct {
	secs    []pack.Section
	keys    map[string]int // normalized label → section index
	letters map[rune]int   // "S" → situation
	// maxToks is the most words any label has; longer text is no label.
	maxToks int
	// maxLabel is how far into a line a label's separator can be, in
	// bytes, with room for numbering, emoji and filler words.
	maxLabel  int
	cues      []Phrases
	cueWeight [][]float64
	// starts holds the first word of every label, and the words that may
	// come before one (fillers, numbering), so most text is turned away
	// after one lookup.
	starts map[string]bool
	det    detectors
	kind   string // the rubric's id, which names its model
}

type cached struct {
	first *pack.Section
	n     int
	m     *matcher
}

var matchers sync.Map // *pack.Rubric → *cached

// matcherFor returns the compiled rubric, building it on first use. Packs
// are not changed once loaded; a rubric whose sections were replaced since
// is compiled again.
func matcherFor(r *pack.Rubric) *matcher {
	var first *pack.Section
	if len(r.Sections) > 0 {
		first = &r.Sections[0]
	}
	if v, ok := matchers.Load(r); ok {
		if c := v.(*cached); c.first == first && c.n == len(r.Sections) {
			return c.m
		}
	}
	m := newMatcher(r)
	matchers.Store(r, &cached{first: first, n: len(r.Sections), m: m})
	return m
}

func newMatcher(r *pack.Rubric) *matcher {
	// The maps and lists are sized up front (and NewPhrases's): grown
	// piece by piece they made a third of the allocations of the first
	// check of a run, and in a fresh process each size class grown
	// through is fresh memory to fault in (BenchmarkNewMatcher).
	labels := 0
	for _, s := range r.Sections {
		labels += 2 + len(s.Aliases)
	}
	m := &matcher{
		secs:      r.Sections,
		keys:      make(map[string]int, labels),
		starts:    make(map[string]bool, labels+len(fillers.Get())+len(numberingWords)),
		letters:   make(map[rune]int),
		cues:      make([]Phrases, len(r.Sections)),
		cueWeight: make([][]float64, len(r.Sections)),
		det:       newDetectors(r),
		kind:      r.ID,
	}
	longest := 0
	var w []string // a label's words, reused
	var key []byte // a label's key, reused: only a new key is copied
	for i, s := range r.Sections {
		// The id is a label too, so YAML keys like breaks_first always match.
		for j := -2; j < len(s.Aliases); j++ {
			name := s.ID
			switch {
			case j == -1:
				name = s.Title
			case j >= 0:
				name = s.Aliases[j]
			}
			w = appendLabelWords(w[:0], name)
			if len(w) == 0 {
				continue
			}
			key = key[:0]
			for _, t := range w {
				key = append(key, t...)
			}
			m.starts[w[0]] = true
			if _, taken := m.keys[string(key)]; !taken {
				m.keys[string(key)] = i
			}
			m.maxToks = max(m.maxToks, len(w))
			longest = max(longest, len(name))
		}
		for _, l := range s.Letters {
			l = strings.TrimSpace(l)
			r, size := utf8.DecodeRuneInString(l)
			if size == 0 || size != len(l) || !unicode.IsLetter(r) {
				continue
			}
			if _, taken := m.letters[unicode.ToUpper(r)]; !taken {
				m.letters[unicode.ToUpper(r)] = i
			}
		}
		// Each cue is its own list, so a match can weigh as many words as
		// the cue has: "asked to" says more than "was".
		lists := make([][]string, len(s.Cues))
		m.cueWeight[i] = make([]float64, len(s.Cues))
		for j, c := range s.Cues {
			lists[j] = s.Cues[j : j+1 : j+1]
			m.cueWeight[i][j] = float64(max(1, CountWords(c)))
		}
		m.cues[i] = NewPhrases(lists...)
	}
	for w := range fillers.Get() {
		m.starts[w] = true
	}
	for _, w := range numberingWords {
		m.starts[w] = true
	}
	m.maxLabel = longest + 48
	return m
}

// mayStart reports whether a label can start as t does: with a digit, a
// roman numeral or letter that numbers it ("IV.", "a)"), or a word that is
// the first of some label, a filler or a numbering word.
func (m *matcher) mayStart(t string) bool {
	i := 0
	for i < len(t) && !wordByte(t[i]) {
		i++
	}
	j := i
	for j < len(t) && j-i < 32 && (t[j] >= utf8.RuneSelf || asciiAlnum[t[j]]) {
		if t[j] >= utf8.RuneSelf {
			return true // a word beyond ASCII: let appendKey fold its case
		}
		j++
	}
	if i == j || j-i >= 32 || isDigit(t[i]) {
		return true // numbering, or a word too long to judge here
	}
	var buf [32]byte
	w := buf[:0]
	for k := i; k < j; k++ {
		c := t[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		w = append(w, c)
	}
	if j < len(t) && (t[j] == '.' || t[j] == ')') && (j-i == 1 || romanWord(string(w))) {
		return true
	}
	if len(w) > 3 && w[len(w)-1] == 's' {
		switch w[len(w)-2] {
		case 's', 'u', 'i':
		default:
			w = w[:len(w)-1]
		}
	}
	return m.starts[string(w)]
}

// label matches an inline label ("Result:", "**Outcome**", "R:"): it must
// be a section's label itself, not a phrase that contains one.
func (m *matcher) label(s string) (int, bool) {
	t := trimDecor(s)
	if t == "" || len(t) > m.maxLabel {
		return -1, false
	}
	if r, size := utf8.DecodeRuneInString(t); size == len(t) {
		if !unicode.IsUpper(r) {
			return -1, false
		}
		i, ok := m.letters[r]
		return i, ok
	}
	if !m.mayStart(t) {
		return -1, false
	}
	var buf [64]byte
	key, n := appendKey(buf[:0], t)
	if n == 0 || n > m.maxToks {
		return -1, false
	}
	i, ok := m.keys[string(key)]
	return i, ok
}

// appendKey appends to buf what labelWords would give for s, joined, and
// says how many words that is. It is labelWords without allocating, for
// the many lines that only might start with a label.
func appendKey(buf []byte, s string) ([]byte, int) {
	s = stripParen(stripNumbering(s))
	n := 0
	leading := true
	for i := 0; i < len(s); {
		start := len(buf)
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !asciiAlnum[c] {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			i += size
		}
		tok := buf[start:]
		if len(tok) == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if leading && fillers.Get()[string(tok)] {
			buf = buf[:start]
			continue
		}
		leading = false
		if len(tok) > 3 && tok[len(tok)-1] == 's' {
			switch tok[len(tok)-2] {
			case 's', 'u', 'i':
			default:
				buf = buf[:len(buf)-1]
			}
		}
		n++
	}
	return buf, n
}

// heading matches the text of a heading. Beyond a label itself it accepts
// a label at the start or end of a short heading ("Outline use cases"),
// several parts ("Situation and task", "Bottlenecks / scaling") and a
// label followed by text ("Result: 40% faster"), whose label is then
// "Result" and rest "40% faster".
func (m *matcher) heading(text string) (secs []int, label, rest string) {
	text = strings.TrimSpace(text)
	s := strings.TrimSpace(stripNumbering(text))
	if s == "" {
		return nil, "", ""
	}
	if i, ok := m.label(s); ok {
		return []int{i}, text, ""
	}
	if l, after, ok := findSep(s, len(s)); ok && strings.TrimSpace(after) != "" {
		if secs := m.parts(l); len(secs) > 0 {
			// stripNumbering only cuts from the front, so after ends text.
			label = strings.TrimRight(text[:len(text)-len(after)], " \t:-–—：")
			return secs, label, strings.TrimSpace(after)
		}
	}
	return m.parts(s), text, ""
}

// labelParts matches an inline label that names several sections
// ("Outcome & impact", "What went wrong / lessons learned"): every part
// must be a label itself.
func (m *matcher) labelParts(s string) []int {
	ps := splitParts(s)
	if len(ps) < 2 {
		return nil
	}
	var out []int
	for _, p := range ps {
		if strings.TrimSpace(p) == "" {
			continue
		}
		i, ok := m.label(p)
		if !ok {
			return nil
		}
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// parts matches the parts of a heading. When it has several, each must
// name a section: "Use cases and constraints" names two, while "Metrics
// and analytics" is a feature's name, not Validation.
func (m *matcher) parts(s string) []int {
	ps := splitParts(s)
	if len(ps) > 1 {
		var out []int
		for _, p := range ps {
			if len(labelWords(p)) == 0 {
				continue
			}
			got := m.partsOf([]string{p})
			if len(got) == 0 {
				return nil
			}
			for _, i := range got {
				if !slices.Contains(out, i) {
					out = append(out, i)
				}
			}
		}
		return out
	}
	return m.partsOf(ps)
}

func (m *matcher) partsOf(ps []string) []int {
	var out []int
	add := func(i int) {
		for _, j := range out {
			if i == j {
				return
			}
		}
		out = append(out, i)
	}
	for _, p := range ps {
		w := labelWords(p)
		if len(w) == 0 {
			continue
		}
		if i, ok := m.keys[strings.Join(w, "")]; ok {
			add(i)
			continue
		}
		// A long heading is a title that happens to start with a label
		// ("Impact of caching on the checkout flow"), not a label.
		if len(w) > m.maxToks+3 {
			continue
		}
		for k := min(len(w)-1, m.maxToks); k >= 1; k-- {
			if i, ok := m.keys[strings.Join(w[:k], "")]; ok {
				add(i)
				break
			}
		}
		for k := max(1, len(w)-m.maxToks); k < len(w); k++ {
			if i, ok := m.keys[strings.Join(w[k:], "")]; ok {
				add(i)
				break
			}
		}
	}
	return out
}

// splitParts splits a heading at "and", "&", "/", ",", "+", ";" and "|".
func splitParts(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&', '/', ',', '+', ';', '|':
			parts = append(parts, s[start:i])
			start = i + 1
		case 'a', 'A':
			if i+3 <= len(s) && strings.EqualFold(s[i:i+3], "and") &&
				(i == 0 || !wordByte(s[i-1])) && (i+3 == len(s) || !wordByte(s[i+3])) {
				parts = append(parts, s[start:i])
				start = i + 3
				i += 2
			}
		}
	}
	return append(parts, s[start:])
}

func wordByte(c byte) bool { return c >= utf8.RuneSelf || asciiAlnum[c] }

// fillers are words that may lead a label without changing it.
var fillers = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"the": true, "a": true, "an": true, "my": true, "our": true, "your": true, "their": true,
		"his": true, "her": true,
	}
}}

// labelWords reduces a label to the words that identify it: lowercase,
// letters and digits only, without numbering ("1.", "Step 3:", "Part II"),
// a trailing "(…)" aside, leading filler words or a plural s.
func labelWords(s string) []string {
	return appendLabelWords(nil, s)
}

// appendLabelWords is labelWords appending to dst.
func appendLabelWords(dst []string, s string) []string {
	s = stripParen(stripNumbering(s))
	w := tokens(dst, strings.ToLower(s))
	for len(w) > 0 && fillers.Get()[w[0]] {
		w = w[1:]
	}
	for i, t := range w {
		w[i] = singular(t)
	}
	return w
}

// singular drops a plural s so "Trade-offs" matches "Trade-off" and
// "Lessons learned" matches "Lesson learned"; both sides get the same.
func singular(t string) string {
	if len(t) > 3 && t[len(t)-1] == 's' {
		switch t[len(t)-2] {
		case 's', 'u', 'i':
			return t
		}
		return t[:len(t)-1]
	}
	return t
}

// stripParen drops a trailing aside: "Result (what changed)" → "Result".
func stripParen(s string) string {
	t := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || decor(r) && r != ')' })
	if !strings.HasSuffix(t, ")") {
		return s
	}
	i := strings.LastIndexByte(t, '(')
	if i <= 0 || !strings.ContainsFunc(t[:i], func(r rune) bool { return unicode.IsLetter(r) }) {
		return s
	}
	return t[:i]
}

var numberingWords = [...]string{"step", "part", "section", "phase", "stage", "chapter", "question", "q"}

// numberingWord reports words that number a heading: "Step 3", "Part II".
func numberingWord(w string) bool {
	for _, n := range numberingWords {
		if strings.EqualFold(w, n) {
			return true
		}
	}
	return false
}

// stripNumbering drops the numbering before a label: "1.", "2)", "(3)",
// "#4", "1.2", "Step 3:", "Part II -", "IV.", "a)".
func stripNumbering(s string) string {
	for {
		s = trimDecorLeft(s)
		if s == "" {
			return s
		}
		switch c := s[0]; {
		case isDigit(c):
			j := 0
			for j < len(s) && (isDigit(s[j]) || s[j] == '.' && j+1 < len(s) && isDigit(s[j+1])) {
				j++
			}
			if j == len(s) || !numberEnd(s[j]) {
				return s // "100x scale" or a bare number is text, not numbering
			}
			s = s[j+1:]
		case c == '(' || c == '#':
			j := 1
			for j < len(s) && (isDigit(s[j]) || c == '(' && isRoman(s[j])) {
				j++
			}
			if j == 1 {
				return s
			}
			if c == '(' {
				if j >= len(s) || s[j] != ')' {
					return s
				}
				j++
			}
			s = s[j:]
		default:
			j := 0
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			word := s[:j]
			switch {
			case j == 0:
				return s
			case numberingWord(word):
				k := j
				for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
					k++
				}
				n := k
				for n < len(s) && (isDigit(s[n]) || isRoman(s[n])) {
					n++
				}
				if k == j || n == k || n < len(s) && !numberEnd(s[n]) {
					return s // "Steps taken", "Part of the team"
				}
				s = s[n:]
				if s != "" {
					s = s[1:]
				}
			case j < len(s) && (s[j] == '.' || s[j] == ')') && romanWord(word) && (j+1 == len(s) || s[j+1] == ' '):
				s = s[j+1:]
			case j == 1 && j < len(s) && s[j] == ')':
				s = s[j+1:]
			default:
				return s
			}
		}
	}
}

func numberEnd(c byte) bool {
	switch c {
	case '.', ')', ':', '-', ' ', '\t':
		return true
	}
	return false
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isRoman(c byte) bool {
	switch c {
	case 'i', 'v', 'x', 'I', 'V', 'X':
		return true
	}
	return false
}

func romanWord(w string) bool {
	if len(w) == 0 || len(w) > 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isRoman(w[i]) {
			return false
		}
	}
	return true
}

// decor reports runes that decorate a label without being part of it:
// emoji, symbols, variation selectors, zero-width spaces, punctuation.
func decor(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// trimDecorLeft drops leading spaces and decoration, but keeps "(" and
// "#" that may open numbering: "(2)", "#3".
func trimDecorLeft(s string) string {
	for i, r := range s {
		if r == '(' || r == '#' || !decor(r) {
			return s[i:]
		}
	}
	return ""
}

// trimDecor drops decoration on both sides: "✅ Outcome\u200b" → "Outcome".
func trimDecor(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return decor(r) && r != '(' && r != ')' && r != '#' })
}
