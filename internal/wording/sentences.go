// Package wording reads what an answer's words show: a real quantity, an
// alternative that was turned down, the candidate acting in the first
// person, a mistake owned up to. Each detector returns the words that
// decided, so a finding can quote them and a candidate can see why.
//
// The detectors are rules over tokens, not keyword lists: "Kubernetes
// 1.27" holds a digit but no quantity, "other options" names no option,
// "I think" is not an action, "failure is part of learning" owns no
// mistake. docs/accuracy.md measures them on a labelled corpus.
package wording

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into sentences, each on one line. A blank line
// ends a sentence, and so does a line break before a capital letter or
// after a line that ends in a stop, so list items stay apart while
// wrapped prose is joined; "2.1 s", "e.g. this", "e.g. Kafka",
// "Prerender.io" and inline code ("`SELECT ... FOR UPDATE`") are not
// split.
func Sentences(text string) []string {
	var out []string
	for _, para := range lines(text) {
		start := 0
		for i := 0; i < len(para); {
			r, size := utf8.DecodeRuneInString(para[i:])
			if r == '`' {
				// Inline code runs to the next run of as many backticks;
				// one left open is a stray mark, not code.
				n := len(para[i:]) - len(strings.TrimLeft(para[i:], "`"))
				if end := strings.Index(para[i+n:], para[i:i+n]); end >= 0 {
					i += n + end + n
					continue
				}
				i += n
				continue
			}
			i += size
			if r != '.' && r != '!' && r != '?' && r != ';' {
				continue
			}
			if r == '.' && abbreviation(para[start:i-1]) {
				continue
			}
			j := i
			for j < len(para) {
				c, n := utf8.DecodeRuneInString(para[j:])
				if !strings.ContainsRune(`"')]*_’”`, c) {
					break
				}
				j += n
			}
			if j >= len(para) || para[j] != ' ' {
				continue
			}
			next, _ := utf8.DecodeRuneInString(para[j+1:])
			if unicode.IsLower(next) && r != ';' {
				continue
			}
			if s := strings.TrimSpace(para[start:j]); s != "" {
				out = append(out, s)
			}
			start, i = j+1, j+1
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// abbreviation reports whether the text before a full stop ends in an
// abbreviation that never ends a sentence: "e.g", "i.e", "vs", "cf".
func abbreviation(before string) bool {
	k := len(before)
	for k > 0 && (isLetterByte(before[k-1]) || before[k-1] == '.') {
		k--
	}
	if k > 0 && before[k-1] >= utf8.RuneSelf {
		return false
	}
	switch strings.ToLower(before[k:]) {
	case "e.g", "i.e", "vs", "cf":
		return true
	}
	return false
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// lines joins the wrapped lines of each paragraph and keeps apart the
// lines that start something new.
func lines(text string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	prevEnd := byte('.')
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l = squeeze(l)
		if l == "" {
			flush()
			prevEnd = '.'
			continue
		}
		first, _ := utf8.DecodeRuneInString(l)
		if cur.Len() > 0 && (unicode.IsUpper(first) || unicode.IsDigit(first) || strings.IndexByte(".!?:;", prevEnd) >= 0 || !unicode.IsLetter(first)) {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(l)
		prevEnd = l[len(l)-1]
	}
	flush()
	return out
}

// A token is one word, number or symbol of a sentence.
type token struct {
	text  string // as written
	low   string // lower case, without surrounding punctuation
	start int    // byte offset in the sentence
	end   int
	// lists are the package's word lists low is in, and listed, once
	// it is looked up: appendTokens looks every token up, appendWords
	// none.
	lists wordList
}

// tokenize splits a sentence into tokens: runs of letters, digits and the
// marks that live inside words ("p99", "us-east-1", "2.1s", "don't",
// "I/O", "$40k"), and single symbols (%, →, ×, $).
func tokenize(s string) []token { return appendTokens(make([]token, 0, len(s)/5+1), s) }

// appendTokens is tokenize into dst, so a caller reading many sentences
// reuses one buffer.
func appendTokens(toks []token, s string) []token {
	first := len(toks)
	toks = appendWords(toks, s, asciiLower(s))
	lookUp(toks[first:])
	return toks
}

// lookUp looks each token up once in the table of every word list,
// rather than once for each list a detector asks about.
func lookUp(toks []token) {
	for k := range toks {
		toks[k].lists = listsOfWord(toks[k].low) | listed
	}
}

// appendWords is appendTokens without looking the tokens up in the word
// lists; ls is asciiLower(s), made once, so a token's lower case is a
// slice of it rather than an allocation of its own (and a caller reading
// windows of one text lowers the text once). ASCII, nearly all of any
// answer, takes a table lookup per byte; other runes are decoded.
func appendWords(toks []token, s, ls string) []token {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !asciiWord[c] {
			switch {
			case c == '%' || c == '~' || c == '$' || c == '>':
				toks = append(toks, token{text: s[i : i+1], low: s[i : i+1], start: i, end: i + 1})
			case c == '-' && i+1 < len(s) && s[i+1] == '>':
				toks = append(toks, token{text: "->", low: "→", start: i, end: i + 2})
				i += 2
				continue
			}
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !inWord(r) {
				if strings.ContainsRune("→×€£", r) {
					toks = append(toks, token{text: s[i : i+size], low: s[i : i+size], start: i, end: i + size})
				}
				i += size
				continue
			}
		}
		j := i
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if asciiWord[c] {
					j++
					continue
				}
				// Inner marks join when a letter or digit follows: "1.27",
				// "us-east-1", "don't", "I/O", "a.m", "1,200".
				if innerMark[c] && j+1 < len(s) && wordAt(s, j+1) && (c != ',' || isDigitByte(s[j-1]) && isDigitByte(s[j+1])) {
					j++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if inWord(r) {
				j += n
				continue
			}
			if r == '’' && j+n < len(s) && wordAt(s, j+n) {
				j += n
				continue
			}
			break
		}
		w := s[i:j]
		low := ls[i:j]
		if !isASCII(w) {
			low = lower(w)
		}
		toks = append(toks, token{text: w, low: low, start: i, end: j})
		i = j
	}
	return toks
}

// wordAt reports whether a letter or digit starts at s[i].
func wordAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return inWord(r)
}

// asciiWord marks the ASCII letters and digits; innerMark the marks that
// may sit inside a word. Written out, so the linker lays them down and
// nothing runs at start-up.
var asciiWord = [utf8.RuneSelf]bool{
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true, 'A': true, 'B': true, 'C': true,
	'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true, 'J': true, 'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true,
	'Q': true, 'R': true, 'S': true, 'T': true, 'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true, 'a': true, 'b': true, 'c': true,
	'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true, 'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true,
	'q': true, 'r': true, 's': true, 't': true, 'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
}

var innerMark = [utf8.RuneSelf]bool{'.': true, '-': true, '\'': true, '/': true, ',': true, '_': true}

func inWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// Match is the words that decided, within the text given to a detector.
type Match struct {
	Sentence string // the whole sentence
	Words    string // the words themselves
}

func (m Match) Found() bool { return m.Words != "" }

func match(sent string, toks []token, from, to int) Match {
	if from < 0 {
		from = 0
	}
	if to >= len(toks) {
		to = len(toks) - 1
	}
	return Match{Sentence: sent, Words: sent[toks[from].start:toks[to].end]}
}

// set is a word list for lookups.
type set map[string]bool

func newSet(words ...string) set {
	s := make(set, len(words))
	for _, w := range words {
		s[w] = true
	}
	return s
}

// at returns the lower-case token i, or "" outside the sentence.
func at(toks []token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].low
}

// seq reports whether the tokens from i spell words.
func seq(toks []token, i int, words ...string) bool {
	for k, w := range words {
		if at(toks, i+k) != w {
			return false
		}
	}
	return true
}

// lower is strings.ToLower with the typographic apostrophe made plain,
// without allocating for a word that is lower case ASCII already.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		}
	}
	return w
}

// squeeze trims a line and makes each run of blanks one space; most
// lines need nothing, and are returned as they are.
func squeeze(l string) string {
	l = strings.TrimSpace(l)
	wide := false
	for i := 0; i < len(l); i++ {
		if c := l[i]; c == '\t' || c == '\r' || c == ' ' && i+1 < len(l) && l[i+1] == ' ' {
			return strings.Join(strings.Fields(l), " ")
		} else if c >= utf8.RuneSelf {
			wide = true
		}
	}
	// A line beyond ASCII (a dash, a curly quote) needs squeezing only
	// for a blank other than the space between its words; it is the
	// blanks of Fields that count then, \v and \f among them.
	if wide && strings.ContainsFunc(l, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) {
		return strings.Join(strings.Fields(l), " ")
	}
	return l
}

// asciiLower lowers the ASCII letters of s, in one allocation, or none
// when there is no capital to lower. The runs between capitals are
// copied whole: capitals are few.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i < len(s) {
		b.WriteString(s[:i])
		b.WriteByte(s[i] + 'a' - 'A')
		s = s[i+1:]
		i = 0
		for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
			i++
		}
	}
	b.WriteString(s)
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// A wordList is one of the package's word lists, as a bit: the words of
// every list are in one table (wordSlots), which gives a word the lists it
// is in, so a token is looked up once when it is made, not once for each
// list a detector asks about.
type wordList uint64

// The word lists. Their words are beside the detectors that use them:
// quantityLists, alternativeLists, mistakeLists and voiceLists.
const (
	unitSuffix wordList = 1 << iota
	unitWords
	frequency
	scaleWords
	multipliers
	numberWords
	designators
	approx
	timeOfDay
	countNouns
	notNouns
	shortAdjectives
	intentWords
	weighers
	skippable
	genericWords
	quantifiers
	pronouns
	choosingVerbs
	alternativeNouns
	qualities
	weighingWords
	strongMistake
	weakMistake
	hindsightVerbs
	tooWhat
	launchVerbs
	expectVerbs
	pastWords
	notPast
	reflectionWords
	voiceWords
	adverbs
	stative
	modal
	ownNouns
	doingVerbs
	irregularPast

	// listed marks a token that has been looked up, in no list or some.
	listed wordList = 1 << 63
)

// listWords is one word list's words.
type listWords struct {
	list  wordList
	words []string
}

// has reports whether w is in the list.
func (l wordList) has(w string) bool { return listsOfWord(w)&l != 0 }

// at reports whether token i is in the list; there is no token outside
// the sentence.
func (l wordList) at(toks []token, i int) bool {
	return i >= 0 && i < len(toks) && toks[i].lists&l != 0
}

// in is at for tokens that may not have been looked up (appendWords):
// it looks token i up the first time it is asked about. CountVoice reads
// a window around every pronoun, and only a few of its tokens, after
// "I", are ever asked about.
func (l wordList) in(toks []token, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	if toks[i].lists == 0 {
		toks[i].lists = listsOfWord(toks[i].low) | listed
	}
	return toks[i].lists&l != 0
}
