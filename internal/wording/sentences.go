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
// wrapped prose is joined; "2.1 s", "e.g. this" and "Prerender.io" are
// not split.
func Sentences(text string) []string {
	var out []string
	for _, para := range lines(text) {
		start := 0
		for i := 0; i < len(para); {
			r, size := utf8.DecodeRuneInString(para[i:])
			i += size
			if r != '.' && r != '!' && r != '?' && r != ';' {
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
		l = strings.Join(strings.Fields(l), " ")
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
}

// tokenize splits a sentence into tokens: runs of letters, digits and the
// marks that live inside words ("p99", "us-east-1", "2.1s", "don't",
// "I/O", "$40k"), and single symbols (%, →, ×, $).
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !inWord(r) {
			if strings.ContainsRune("%→×~$€£>", r) {
				toks = append(toks, token{text: s[i : i+size], low: s[i : i+size], start: i, end: i + size})
			} else if r == '-' && i+1 < len(s) && s[i+1] == '>' {
				toks = append(toks, token{text: "->", low: "→", start: i, end: i + 2})
				i += 2
				continue
			}
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if inWord(r) {
				j += n
				continue
			}
			// Inner marks join when a letter or digit follows: "1.27",
			// "us-east-1", "don't", "I/O", "a.m", "1,200".
			if strings.ContainsRune(".-'’/,_", r) && j+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+n:]); inWord(r2) && (r != ',' || isDigitByte(s[j-1]) && isDigitByte(s[j+n])) {
					j += n
					continue
				}
			}
			break
		}
		w := s[i:j]
		toks = append(toks, token{text: w, low: strings.ToLower(strings.ReplaceAll(w, "’", "'")), start: i, end: j})
		i = j
	}
	return toks
}

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
