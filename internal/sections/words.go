package sections

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/lazy"
)

// CountWords counts words as a reader would: runs of non-space text that
// hold a letter or a digit, so Markdown syntax (**, -, #, >, |) adds nothing.
func CountWords(s string) int {
	var ps *phraseSet
	return ps.countIn(s, nil)
}

// Byte classes, so the loops that read every byte of an answer take one
// table lookup per byte.
const (
	clsOther = iota // ASCII punctuation and symbols
	clsAlnum        // ASCII letters and digits
	clsSpace        // ASCII white space
	clsApos         // the ASCII apostrophe, which may sit inside a word
	clsHigh         // a byte of a multi-byte character: decode it
)

// cls is the class of each byte, and asciiAlnum marks the ASCII letters
// and digits. Written out, so the linker lays them down and nothing runs
// at start-up; TestByteClasses checks them against their definitions.
var cls = [256]uint8{
	'0': clsAlnum, '1': clsAlnum, '2': clsAlnum, '3': clsAlnum, '4': clsAlnum, '5': clsAlnum, '6': clsAlnum, '7': clsAlnum,
	'8': clsAlnum, '9': clsAlnum, 'A': clsAlnum, 'B': clsAlnum, 'C': clsAlnum, 'D': clsAlnum, 'E': clsAlnum, 'F': clsAlnum,
	'G': clsAlnum, 'H': clsAlnum, 'I': clsAlnum, 'J': clsAlnum, 'K': clsAlnum, 'L': clsAlnum, 'M': clsAlnum, 'N': clsAlnum,
	'O': clsAlnum, 'P': clsAlnum, 'Q': clsAlnum, 'R': clsAlnum, 'S': clsAlnum, 'T': clsAlnum, 'U': clsAlnum, 'V': clsAlnum,
	'W': clsAlnum, 'X': clsAlnum, 'Y': clsAlnum, 'Z': clsAlnum, 'a': clsAlnum, 'b': clsAlnum, 'c': clsAlnum, 'd': clsAlnum,
	'e': clsAlnum, 'f': clsAlnum, 'g': clsAlnum, 'h': clsAlnum, 'i': clsAlnum, 'j': clsAlnum, 'k': clsAlnum, 'l': clsAlnum,
	'm': clsAlnum, 'n': clsAlnum, 'o': clsAlnum, 'p': clsAlnum, 'q': clsAlnum, 'r': clsAlnum, 's': clsAlnum, 't': clsAlnum,
	'u': clsAlnum, 'v': clsAlnum, 'w': clsAlnum, 'x': clsAlnum, 'y': clsAlnum, 'z': clsAlnum,
	' ': clsSpace, '\t': clsSpace, '\n': clsSpace, '\r': clsSpace, '\v': clsSpace, '\f': clsSpace,
	'\'': clsApos,
	0x80: clsHigh, 0x81: clsHigh, 0x82: clsHigh, 0x83: clsHigh, 0x84: clsHigh, 0x85: clsHigh, 0x86: clsHigh, 0x87: clsHigh,
	0x88: clsHigh, 0x89: clsHigh, 0x8A: clsHigh, 0x8B: clsHigh, 0x8C: clsHigh, 0x8D: clsHigh, 0x8E: clsHigh, 0x8F: clsHigh,
	0x90: clsHigh, 0x91: clsHigh, 0x92: clsHigh, 0x93: clsHigh, 0x94: clsHigh, 0x95: clsHigh, 0x96: clsHigh, 0x97: clsHigh,
	0x98: clsHigh, 0x99: clsHigh, 0x9A: clsHigh, 0x9B: clsHigh, 0x9C: clsHigh, 0x9D: clsHigh, 0x9E: clsHigh, 0x9F: clsHigh,
	0xA0: clsHigh, 0xA1: clsHigh, 0xA2: clsHigh, 0xA3: clsHigh, 0xA4: clsHigh, 0xA5: clsHigh, 0xA6: clsHigh, 0xA7: clsHigh,
	0xA8: clsHigh, 0xA9: clsHigh, 0xAA: clsHigh, 0xAB: clsHigh, 0xAC: clsHigh, 0xAD: clsHigh, 0xAE: clsHigh, 0xAF: clsHigh,
	0xB0: clsHigh, 0xB1: clsHigh, 0xB2: clsHigh, 0xB3: clsHigh, 0xB4: clsHigh, 0xB5: clsHigh, 0xB6: clsHigh, 0xB7: clsHigh,
	0xB8: clsHigh, 0xB9: clsHigh, 0xBA: clsHigh, 0xBB: clsHigh, 0xBC: clsHigh, 0xBD: clsHigh, 0xBE: clsHigh, 0xBF: clsHigh,
	0xC0: clsHigh, 0xC1: clsHigh, 0xC2: clsHigh, 0xC3: clsHigh, 0xC4: clsHigh, 0xC5: clsHigh, 0xC6: clsHigh, 0xC7: clsHigh,
	0xC8: clsHigh, 0xC9: clsHigh, 0xCA: clsHigh, 0xCB: clsHigh, 0xCC: clsHigh, 0xCD: clsHigh, 0xCE: clsHigh, 0xCF: clsHigh,
	0xD0: clsHigh, 0xD1: clsHigh, 0xD2: clsHigh, 0xD3: clsHigh, 0xD4: clsHigh, 0xD5: clsHigh, 0xD6: clsHigh, 0xD7: clsHigh,
	0xD8: clsHigh, 0xD9: clsHigh, 0xDA: clsHigh, 0xDB: clsHigh, 0xDC: clsHigh, 0xDD: clsHigh, 0xDE: clsHigh, 0xDF: clsHigh,
	0xE0: clsHigh, 0xE1: clsHigh, 0xE2: clsHigh, 0xE3: clsHigh, 0xE4: clsHigh, 0xE5: clsHigh, 0xE6: clsHigh, 0xE7: clsHigh,
	0xE8: clsHigh, 0xE9: clsHigh, 0xEA: clsHigh, 0xEB: clsHigh, 0xEC: clsHigh, 0xED: clsHigh, 0xEE: clsHigh, 0xEF: clsHigh,
	0xF0: clsHigh, 0xF1: clsHigh, 0xF2: clsHigh, 0xF3: clsHigh, 0xF4: clsHigh, 0xF5: clsHigh, 0xF6: clsHigh, 0xF7: clsHigh,
	0xF8: clsHigh, 0xF9: clsHigh, 0xFA: clsHigh, 0xFB: clsHigh, 0xFC: clsHigh, 0xFD: clsHigh, 0xFE: clsHigh, 0xFF: clsHigh,
}

var asciiAlnum = [utf8.RuneSelf]bool{
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true, 'A': true, 'B': true, 'C': true,
	'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true, 'J': true, 'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true,
	'Q': true, 'R': true, 'S': true, 'T': true, 'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true, 'a': true, 'b': true, 'c': true,
	'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true, 'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true,
	'q': true, 'r': true, 's': true, 't': true, 'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
}

// tokens appends the runs of letters and digits of s (already lowercased)
// to dst. Apostrophes, hyphens and zero-width characters split runs; a
// label's key joins them again, so "Trade-offs", "Trade offs" and
// "Tradeoffs" name one section.
func tokens(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var alnum bool
		size := 1
		if c < utf8.RuneSelf {
			alnum = asciiAlnum[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			alnum = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if alnum {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = append(dst, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// Phrases matches lists of words and phrases as whole words, ignoring
// case, punctuation and spacing: "vs" matches "vs.", "trade-off" matches
// "tradeoffs", "instead of" matches "Instead of". An apostrophe stays in
// its word, so "we're" never matches "were"; a word with one also counts as
// its part before it ("we're" as "we", "team's" as "team") when nothing
// matches it whole. The zero Phrases matches nothing.
type Phrases struct {
	s *phraseSet
}

type phraseSet struct {
	keys  []string // lowercase, words joined: "insteadof", "we're"
	list  []int    // which list each key came from
	multi []bool   // whether each key was written as several words
	n     int      // how many lists
	// byFirst[c]..byFirst[c+1] index the keys that start with byte c, so
	// most words are passed over without trying a single phrase.
	byFirst [257]uint16
}

// NewPhrases prepares lists of phrases for matching: the cues that place
// unlabelled text, and the phrases of a needs_phrase signal (Contains).
func NewPhrases(lists ...[]string) Phrases {
	type entry struct {
		key   string
		list  int
		multi bool
	}
	n := 0
	for _, list := range lists {
		n += len(list)
	}
	entries := make([]entry, 0, n)
	var b []byte // the key of a phrase of several words, reused
	for li, list := range lists {
		for _, s := range list {
			text := strings.ToLower(s)
			if strings.Contains(text, "’") {
				text = strings.ReplaceAll(text, "’", "'")
			}
			// A phrase of one word is its own key, a slice of text:
			// most cues are, and the first check of a run builds them all.
			words, key := 0, ""
			b = b[:0]
			for i := 0; ; {
				start, end := nextWord(text, i)
				if start < 0 {
					break
				}
				if words == 0 {
					key = text[start:end]
				} else {
					if words == 1 {
						b = append(b, key...)
					}
					b = append(b, text[start:end]...)
				}
				words++
				i = end
			}
			if words > 1 {
				key = string(b)
			}
			if key != "" && len(entries) < 1<<16-1 {
				entries = append(entries, entry{key, li, words > 1})
			}
		}
	}
	if len(entries) == 0 {
		return Phrases{}
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return cmp.Compare(a.key[0], b.key[0]) })
	ps := &phraseSet{n: len(lists), keys: make([]string, len(entries)), list: make([]int, len(entries)), multi: make([]bool, len(entries))}
	for i, e := range entries {
		ps.keys[i], ps.list[i], ps.multi[i] = e.key, e.list, e.multi
	}
	k := 0
	for c := 0; c <= 256; c++ {
		for k < len(ps.keys) && int(ps.keys[k][0]) < c {
			k++
		}
		ps.byFirst[c] = uint16(k)
	}
	return Phrases{s: ps}
}

// Empty reports whether there is nothing to match.
func (p Phrases) Empty() bool { return p.s == nil }

// Contains reports whether a phrase of any list stands in text. It stops
// at the first, so a trade-off named early costs a few words' reading.
func (p Phrases) Contains(text string) bool {
	return p.s != nil && p.s.scan(text, nil, true) < 0
}

// countIn adds to counts the places in s where each list's phrases stand,
// not overlapping, taking the longest phrase at each place so "I'm" counts
// once. In the same reading it counts words as CountWords does, since the
// checker wants both for every line of an answer. A nil set counts words.
// It reads s in place, and passes over a word whose first letter starts
// no phrase after one table lookup.
func (ps *phraseSet) countIn(s string, counts []int) (words int) {
	return ps.scan(s, counts, false)
}

// scan is countIn; with stop it returns -1 at the first phrase found,
// for a signal that only asks whether there is one.
func (ps *phraseSet) scan(s string, counts []int, stop bool) (words int) {
	n := len(s)
	has := false // the current run of non-space text holds a word
	skip := 0    // words before this offset are part of a phrase counted already
	for i := 0; i < n; {
		switch cls[s[i]] {
		case clsSpace:
			if has {
				words++
				has = false
			}
			i++
			continue
		case clsOther, clsApos:
			i++
			continue
		case clsHigh:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				if has {
					words++
					has = false
				}
				i += size
				continue
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += size
				continue
			}
		}
		has = true
		start := i
		apos := -1
		for i < n {
			for i < n && cls[s[i]] == clsAlnum {
				i++
			}
			if i >= n {
				break
			}
			if c := cls[s[i]]; c == clsApos {
				if i+1 < n && startsAlnum(s[i+1:]) {
					if apos < 0 {
						apos = i
					}
					i++
					continue
				}
				break
			} else if c != clsHigh {
				break
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i += size
				continue
			}
			if r == '’' && i+size < n && startsAlnum(s[i+size:]) {
				if apos < 0 {
					apos = i
				}
				i += size
				continue
			}
			break
		}
		if ps == nil || start < skip {
			continue
		}
		end := i
		fc := s[start]
		if fc >= utf8.RuneSelf {
			fc = foldByte(s, start)
		} else if 'A' <= fc && fc <= 'Z' {
			fc += 'a' - 'A'
		}
		lo, hi := ps.byFirst[fc], ps.byFirst[int(fc)+1]
		if lo == hi {
			continue
		}
		best, which := 0, 0
		for k := lo; k < hi; k++ {
			// A word longer than the phrase (and its plural s) cannot
			// match it, whether the phrase is one word or several; a word
			// of one or two letters starts a one-word phrase only as all
			// of it ("vs"), not as a piece ("a" of "alternative").
			if key := ps.keys[k]; end-start <= len(key)+1 && (end-start >= 3 || ps.multi[k] || end-start >= len(key)) {
				if e := matchFrom(key, s, start, end); e > best {
					best, which = e, ps.list[k]
				}
			}
		}
		if best == 0 && apos > 0 {
			for k := lo; k < hi; k++ {
				if e := matchFrom(ps.keys[k], s, start, apos); e == apos {
					best, which = end, ps.list[k]
					break
				}
			}
		}
		if best > 0 {
			if stop {
				return -1
			}
			counts[which]++
			skip = best
		}
	}
	if has {
		words++
	}
	return words
}

// nextWord finds the next word at or after i: a run of letters and
// digits, with apostrophes inside it ("we're", "didn’t"). start is -1 when
// there is none.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiAlnum[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return -1, -1
	}
	start = i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiAlnum[c] {
				i++
				continue
			}
			if c == '\'' && i+1 < len(s) && startsAlnum(s[i+1:]) {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' && i+size < len(s) && startsAlnum(s[i+size:]) {
			i += size
			continue
		}
		break
	}
	return start, i
}

func startsAlnum(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return asciiAlnum[c]
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// foldByte is the first byte of the lowercased word at s[i:].
func foldByte(s string, i int) byte {
	c := s[i]
	if c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return c
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	var b [utf8.UTFMax]byte
	utf8.EncodeRune(b[:], unicode.ToLower(r))
	return b[0]
}

// matchFrom reports where the words from s[start:end] on spell key, as
// the offset just past the last of them, or 0 if they do not. A plural s
// on the last word is allowed for phrases of four letters or more, so
// "alternative" matches "alternatives" but "I" never matches "is".
func matchFrom(key, s string, start, end int) int {
	pos := 0
	for {
		word := s[start:end]
		rem := key[pos:]
		if n := foldPrefix(rem, word); n >= 0 {
			pos += n
			if pos == len(key) {
				return end
			}
		} else {
			if len(key) >= 4 && len(word) > 1 && (word[len(word)-1] == 's' || word[len(word)-1] == 'S') &&
				foldPrefix(rem, word[:len(word)-1]) == len(rem) {
				return end
			}
			return 0
		}
		start, end = nextWord(s, end)
		if start < 0 {
			return 0
		}
	}
}

// foldPrefix reports whether word, lowercased, is a prefix of key, and
// how many bytes of key it covers; -1 if it is not a prefix.
func foldPrefix(key, word string) int {
	if len(word) > len(key) {
		if !isASCII(word) {
			return foldPrefixSlow(key, word)
		}
		return -1
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return foldPrefixSlow(key, word)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return -1
		}
	}
	return len(word)
}

func foldPrefixSlow(key, word string) int {
	w := strings.ReplaceAll(strings.ToLower(word), "’", "'")
	if strings.HasPrefix(key, w) {
		return len(w)
	}
	return -1
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// placeholderStart are words that mark a line as a note to self.
var placeholderStart = [...]string{"todo", "tbd", "tbc", "tba", "fixme", "xxx", "wip"}

// placeholderLine are whole lines (letters only, joined) that say nothing.
var placeholderLine = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"todo": true, "na": true, "none": true, "fillin": true, "fillmein": true, "fillthisin": true,
		"comingsoon": true, "writeme": true, "writethis": true, "placeholder": true, "later": true,
		"tobedone": true, "tobedecided": true, "tobewritten": true, "tk": true,
	}
}}

// IsPlaceholder reports whether text holds nothing but placeholders: no
// words at all, "...", TODO or TBD notes, "<fill in>" or "[describe it]".
func IsPlaceholder(text string) bool {
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		if !placeholder(line) {
			return false
		}
	}
	return true
}

func placeholder(line string) bool {
	if strings.IndexByte(line, '<') >= 0 || strings.IndexByte(line, '[') >= 0 {
		line = dropBracketed(line)
	}
	i := 0
	for i < len(line) && !wordByte(line[i]) {
		i++
	}
	if i == len(line) {
		return true // no words: "...", "-", "<fill in>"
	}
	j := i
	for j < len(line) && wordByte(line[j]) {
		j++
	}
	for _, w := range placeholderStart {
		if strings.EqualFold(line[i:j], w) {
			return true
		}
	}
	// Every whole-line placeholder is short; a longer line is text.
	if len(line) > 40 {
		return false
	}
	return placeholderLine.Get()[strings.Join(tokens(nil, strings.ToLower(line)), "")]
}

// dropBracketed removes <…> and […] spans, the shapes of template prompts
// ("<your situation here>", "[add numbers]"), but keeps Markdown link text.
func dropBracketed(s string) string {
	var b strings.Builder
	// Once a closer is not found it never will be further on: remembering
	// that keeps a line of a million "<" linear.
	noAngle, noSquare := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '<' && !noAngle || c == '[' && !noSquare {
			closer := byte('>')
			if c == '[' {
				closer = ']'
			}
			j := strings.IndexByte(s[i+1:], closer)
			if j < 0 {
				if c == '<' {
					noAngle = true
				} else {
					noSquare = true
				}
				b.WriteByte(c)
				continue
			}
			end := i + 1 + j
			if c == '[' && (end+1 < len(s) && s[end+1] == '(' || CountWords(s[i+1:end]) > 8) {
				// A link's text is content, and so is a long aside in
				// brackets: "[Example: my team was split on …]".
				b.WriteString(s[i+1 : end])
			}
			i = end
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
