package speech

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/transcript"
)

// fillerWords are sounds that fill a silence, counted wherever heard.
// "Ah" and "hmm" are left out: recognisers write them for breaths and
// noise, and a count that blames the candidate for those misleads.
var fillerWords = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		"um": "um", "umm": "um", "uhm": "um",
		"uh": "uh", "uhh": "uh",
		"er": "er", "erm": "erm",
	}
}}

// likeAfter are the words after which "like" is a filler ("it was, like,
// 300 ms"; "and like the cache"), not a verb ("I'd like", "we like") or a
// comparison ("looks like", "something like"). Only these count, so the
// count stays a floor rather than blaming a real "like".
var likeAfter = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"": true, "and": true, "so": true, "but": true, "or": true, "was": true, "is": true, "were": true,
		"it's": true, "um": true, "uh": true, "er": true, "erm": true, "like": true, "know": true,
		"then": true, "mean": true, "basically": true, "literally": true, "totally": true,
	}
}}

// youKnowNot are the words before "you know" that make it a question or
// a real clause ("do you know", "if you know"), not a filler.
var youKnowNot = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"do": true, "did": true, "don't": true, "if": true, "what": true, "how": true, "as": true,
		"would": true, "could": true, "will": true, "can": true, "because": true, "whether": true,
	}
}}

func norm(w string) string {
	return strings.ToLower(strings.Trim(strings.ReplaceAll(w, "’", "'"), ".,!?;:\"'"))
}

// fillers counts the filler words of what was said.
func fillers(ws []transcript.Word) Fillers {
	f := Fillers{Words: map[string]int{}}
	prev := func(i int) string {
		if i == 0 || ws[i-1].Stop {
			return ""
		}
		return norm(ws[i-1].Text)
	}
	for i, w := range ws {
		n := norm(w.Text)
		switch {
		case fillerWords.Get()[n] != "":
			f.Words[fillerWords.Get()[n]]++
		case n == "like" && likeAfter.Get()[prev(i)] && !(i+1 < len(ws) && norm(ws[i+1].Text) == "to"):
			f.Words["like"]++
		case n == "know" && prev(i) == "you" && !youKnowNot.Get()[prev(i-1)] && !(i+1 < len(ws) && isObject(norm(ws[i+1].Text)) && !w.Stop):
			f.Words["you know"]++
		default:
			continue
		}
		f.Count++
	}
	if len(ws) > 0 {
		f.Per100 = round(float64(f.Count)*100/float64(len(ws)), 1)
	}
	return f
}

// isObject is a word after "you know" that makes it a verb with its
// object ("you know the schema"), not a filler.
func isObject(w string) bool {
	switch w {
	case "the", "that", "this", "what", "how", "why", "when", "where", "who", "it", "them", "him", "her", "more", "about":
		return true
	}
	return false
}

// heard is what was said, for finding beats in it: its words, lower
// case, and the numbers said in words read as figures ("three hundred
// and twenty" is 320).
type heard struct {
	words map[string]bool
	stems map[string]bool
	// seq is every word's stem, in order, for phrases.
	seq []string
}

func newHeard(ws []transcript.Word) heard {
	h := heard{words: map[string]bool{}, stems: map[string]bool{}}
	var toks []string
	for _, w := range ws {
		toks = append(toks, strings.FieldsFunc(norm(w.Text), func(r rune) bool { return r == '-' || r == '/' })...)
	}
	for _, t := range toks {
		h.add(t)
		h.seq = append(h.seq, stem(t))
	}
	for _, n := range spokenNumbers(toks) {
		h.add(n)
	}
	return h
}

func (h heard) add(w string) {
	h.words[w] = true
	h.stems[stem(w)] = true
}

// said reports whether a beat was heard: most of its key words, and
// every figure it holds, were said. Recognisers mishear, so a beat needs
// half of its words, not all.
func (h heard) said(b Beat) bool {
	if len(b.Phrases) > 0 {
		for _, p := range b.Phrases {
			if h.phrase(p) {
				return true
			}
		}
		return false
	}
	keys := b.Words
	if len(keys) == 0 {
		keys = KeyWords(b.Text)
	}
	if len(keys) == 0 {
		return false
	}
	hit, nums, numHit := 0, 0, 0
	for _, k := range keys {
		k = norm(k)
		ok := h.words[k] || h.stems[stem(k)]
		if isNumber(k) {
			nums++
			if ok {
				numHit++
			}
		}
		if ok {
			hit++
		}
	}
	if nums > 0 && numHit == 0 {
		return false
	}
	return hit*2 >= len(keys)
}

// phraseGap is how many words may come between two words of a phrase
// ("cache the reads" still says "cache reads").
const phraseGap = 3

// phrase reports whether a phrase's words were said in order, each
// within phraseGap words of the one before.
func (h heard) phrase(p string) bool {
	var want []string
	for _, w := range strings.Fields(norm(p)) {
		want = append(want, stem(norm(w)))
	}
	if len(want) == 0 {
		return false
	}
	for start := range h.seq {
		if h.seq[start] != want[0] {
			continue
		}
		at, ok := start, true
		for _, w := range want[1:] {
			found := false
			for j := at + 1; j < len(h.seq) && j <= at+1+phraseGap; j++ {
				if h.seq[j] == w {
					at, found = j, true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// KeyWords are the words of a sentence that show it was said: its
// figures and its longer words, not the small words every sentence has.
// At most eight, the rarest-looking (longest) first after the figures.
func KeyWords(text string) []string {
	var nums, long []string
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '.' || r == ',')
	}) {
		f = strings.Trim(f, ".,'")
		if n := strings.ReplaceAll(f, ",", ""); isNumber(n) {
			f = n
		}
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		switch {
		case isNumber(f):
			nums = append(nums, f)
		case len(f) >= 5 && !stopWords.Get()[f]:
			long = append(long, f)
		}
	}
	// Longer words first: "idempotency" tells more than "which".
	for i := 1; i < len(long); i++ {
		for j := i; j > 0 && len(long[j]) > len(long[j-1]); j-- {
			long[j], long[j-1] = long[j-1], long[j]
		}
	}
	out := append(nums, long...)
	if len(out) > 8 {
		out = out[:8]
	}
	return out
}

var stopWords = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"about": true, "after": true, "again": true, "because": true, "before": true, "being": true,
		"could": true, "every": true, "their": true, "there": true, "these": true, "those": true,
		"which": true, "while": true, "would": true, "should": true, "where": true, "other": true,
		"things": true, "thing": true, "really": true, "first": true, "later": true, "since": true,
	}
}}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	_, err := strconv.ParseFloat(w, 64)
	return err == nil
}

// stem is a word's first six letters, so "migrated" and "migration"
// meet, and "latency" meets "latencies".
func stem(w string) string {
	r := []rune(w)
	if len(r) > 6 {
		r = r[:6]
	}
	return string(r)
}

var smallNumbers = lazy.Value[map[string]int]{F: func() map[string]int {
	return map[string]int{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
}}

var scales = lazy.Value[map[string]int]{F: func() map[string]int {
	return map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000}
}}

// spokenNumbers reads the numbers said in words: "three hundred and
// twenty" is "320", "two point one" is "2.1"; each run of number words
// gives its value, and its "point" part when there is one.
func spokenNumbers(toks []string) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		total, cur, n := 0, 0, 0
		j := i
		for ; j < len(toks); j++ {
			t := toks[j]
			if v, ok := smallNumbers.Get()[t]; ok {
				cur += v
				n++
				continue
			}
			if s, ok := scales.Get()[t]; ok && n > 0 {
				if s == 100 {
					cur *= s
				} else {
					total += cur * s
					cur = 0
				}
				n++
				continue
			}
			if t == "and" && n > 0 && j+1 < len(toks) {
				if _, ok := smallNumbers.Get()[toks[j+1]]; ok {
					continue
				}
			}
			break
		}
		if n == 0 {
			continue
		}
		v := strconv.Itoa(total + cur)
		out = append(out, v)
		// "two point one": the decimal, digit by digit.
		if j+1 < len(toks) && toks[j] == "point" {
			frac := ""
			for k := j + 1; k < len(toks); k++ {
				d, ok := smallNumbers.Get()[toks[k]]
				if !ok || d > 9 {
					break
				}
				frac += strconv.Itoa(d)
			}
			if frac != "" {
				out = append(out, v+"."+frac)
			}
		}
		i = j - 1
	}
	return out
}
