package wording

import (
	"strings"
	"unicode/utf8"
)

// Voice counts who acts in text: the candidate ("I profiled", "I've
// rewritten", "my patch", "did it myself") and the group ("we", "our",
// "us", "the team", "my team"). "I think", "I remember", "the I in I/O",
// "I would" and "my team did" are not the candidate acting.
type Voice struct {
	Own   int   // the candidate as the one who acts
	Group int   // we-words
	First Match // the first own action, for quoting
	// FirstGroup is the first sentence in "we", quoted when the story
	// is told without an own action.
	FirstGroup Match
}

// CountVoice counts the voice of text; we adds words that count as the
// group's, beyond the usual ones.
func CountVoice(text string, we []string) Voice {
	extra := newSet()
	for _, w := range we {
		extra[strings.ToLower(strings.TrimSpace(w))] = true
	}
	var v Voice
	// Who acts is read word by word: only around a pronoun (or "team")
	// is the text tokenized, a short window at a time into one buffer,
	// so a long answer costs a scan. A quote is cut to its sentence
	// afterwards.
	var win []token
	low := asciiLower(text)
	prevStart := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if !wordAt(text, i) {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		j := i + 1
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if asciiWord[c] || c == '\'' && j+1 < len(text) && wordAt(text, j+1) {
					j++
					continue
				}
				break
			}
			if !wordAt(text, j) {
				break
			}
			_, size := utf8.DecodeRuneInString(text[j:])
			j += size
		}
		if w := text[i:j]; j-i <= 9 && (mayBeVoice(w) && voiceWords.has(wordLower(w, low[i:j])) || len(extra) > 0 && extra[lower(w)]) {
			end := min(len(text), j+64)
			// The window's tokens are looked up in the word lists only
			// as ownAction reads them (wordList.in): a few around "I".
			win = appendWords(win[:0], text[prevStart:end], low[prevStart:end])
			// The window starts at the word before; find this word in it.
			k := 0
			for k < len(win) && prevStart+win[k].start < i {
				k++
			}
			if k < len(win) {
				v.addAt(text[prevStart:end], win, k, extra, prevStart, text)
			}
		}
		prevStart = i
		i = j
	}
	if v.First.Found() {
		v.First.Sentence = sentenceAround(text, v.First.Sentence)
	}
	if v.FirstGroup.Found() {
		v.FirstGroup.Sentence = sentenceAround(text, v.FirstGroup.Sentence)
		v.FirstGroup.Words = v.FirstGroup.Sentence
	}
	return v
}

// addAt counts token k of a window of text (which starts at offset in
// full).
func (v *Voice) addAt(win string, toks []token, k int, extra set, offset int, full string) {
	if e, ok := ownAction(toks, k); ok {
		if v.Own == 0 {
			v.First = Match{Sentence: full[offset+toks[k].start:], Words: win[toks[k].start:toks[e].end]}
		}
		v.Own++
		return
	}
	if groupWord(toks, k) || extra[toks[k].low] && !pronounI(toks[k].low) {
		if v.Group == 0 {
			v.FirstGroup = Match{Sentence: full[offset+toks[k].start:], Words: toks[k].text}
		}
		v.Group++
	}
}

// add counts the tokens of text. It leaves in each Match's Sentence the
// text from the match on, for sentenceAround to cut.
func (v *Voice) add(text string, toks []token, extra set) {
	for i := range toks {
		if k, ok := ownAction(toks, i); ok {
			if v.Own == 0 {
				v.First = Match{Sentence: text[toks[i].start:], Words: text[toks[i].start:toks[k].end]}
			}
			v.Own++
			continue
		}
		if groupWord(toks, i) || extra[toks[i].low] && !pronounI(toks[i].low) {
			if v.Group == 0 {
				v.FirstGroup = Match{Sentence: text[toks[i].start:], Words: toks[i].text}
			}
			v.Group++
		}
	}
}

// sentenceAround returns the sentence of text that holds the start of
// from, a suffix of text.
func sentenceAround(text, from string) string {
	at := len(text) - len(from)
	start := 0
	for i := at - 1; i > 0; i-- {
		if text[i] == '\n' || (text[i] == ' ' && strings.IndexByte(".!?", text[i-1]) >= 0) {
			start = i + 1
			break
		}
	}
	end := len(text)
	for i := at; i < len(text); i++ {
		if text[i] == '\n' && (i+1 == len(text) || text[i+1] == '\n') || strings.IndexByte(".!?", text[i]) >= 0 && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			end = i + 1
			break
		}
	}
	return strings.Join(strings.Fields(text[start:end]), " ")
}

func groupWord(toks []token, i int) bool {
	switch toks[i].low {
	case "we", "our", "us", "ours", "we've", "we'd", "we're", "we'll", "ourselves":
		// "US" the country, in capitals, is no one.
		return toks[i].text != "US"
	case "team":
		p := at(toks, i-1)
		return p == "the" || p == "my" || p == "our"
	}
	return false
}

// ownAction reports whether token i starts the candidate acting, and the
// last token of the words that show it.
func ownAction(toks []token, i int) (int, bool) {
	t := toks[i]
	switch t.low {
	case "i", "i've", "i'd":
		if t.text[0] != 'I' && t.text[0] != 'i' {
			return i, false
		}
		if strings.ContainsAny(t.text, "/") {
			return i, false // I/O
		}
		prev := at(toks, i-1)
		if prev == "the" || prev == "an" || prev == "letter" || prev == "in" && t.low == "i" && at(toks, i+1) == "" {
			return i, false // "the I in I/O"
		}
		j := i + 1
		if t.low == "i'd" {
			// "I'd built" is an action; "I'd say" is not.
			if !strings.HasSuffix(at(toks, j), "ed") || stative.in(toks, j) {
				return i, false
			}
		}
		for j < len(toks) && adverbs.in(toks, j) {
			j++
		}
		v := at(toks, j)
		if v == "had" || v == "have" && t.low == "i" || v == "then" {
			j++
			v = at(toks, j)
		}
		switch {
		case v == "":
			return i, false
		case v == "was" || v == "am" || v == "'m":
			// "I was responsible for", "I was the one who", "I was asked
			// to lead" count; "I was surprised" does not.
			w := at(toks, j+1)
			if w == "responsible" || w == "tasked" || w == "asked" || w == "assigned" || w == "the" || w == "in" && at(toks, j+2) == "charge" || w == "leading" || w == "brought" || w == "on" && at(toks, j+2) == "call" {
				return j + 1, true
			}
			return i, false
		case stative.in(toks, j) || modal.in(toks, j):
			return i, false
		}
		if verbLike(toks, j) {
			return j, true
		}
		return i, false
	case "my":
		if ownNouns.in(toks, i+1) {
			return i + 1, true
		}
	case "myself":
		p := at(toks, i-1)
		return i, p != "" && !stative.in(toks, i-1) && p != "told" && p != "asked"
	}
	return i, false
}

// verbLike is a rough test that token j, after "I", is a verb of doing.
func verbLike(toks []token, j int) bool {
	if doingVerbs.in(toks, j) {
		return true
	}
	v := at(toks, j)
	return strings.HasSuffix(v, "ed") || strings.HasSuffix(v, "ied") || strings.HasSuffix(v, "t") && len(v) > 3 && irregularPast.in(toks, j)
}

var voiceLists = [...]listWords{
	{adverbs, []string{"also", "then", "personally", "eventually", "first", "quickly", "just", "still", "actually",
		"finally", "initially", "later", "immediately", "carefully", "manually", "myself", "alone", "single-handedly",
		"directly", "ultimately", "instead", "soon", "proactively", "independently", "together", "again", "simply",
		"mostly", "largely", "partly", "even", "only", "always", "often", "usually", "never"}},
	{stative, []string{"think", "thought", "believe", "believed", "remember", "remembered", "recall", "guess", "guessed", "feel",
		"felt", "hope", "hoped", "suppose", "mean", "meant", "wonder", "wondered", "imagine", "like", "liked", "love",
		"loved", "enjoy", "enjoyed", "know", "knew", "reckon", "learned", "learnt", "realized", "realised", "understood",
		"understand", "saw", "see", "wish", "wished", "want", "wanted", "agree", "agreed", "appreciated",
		"appreciate", "say", "said", "heard", "hear", "joined", "sat", "needed", "need",
		"admit", "was", "am", "'m", "would", "will", "should", "could", "can", "might", "must", "may", "do", "don't", "didn't",
		"did", "have", "haven't", "hadn't", "wasn't", "can't", "couldn't", "won't", "wouldn't", "shall", "assumed", "expected",
		"trusted", "underestimated", "overestimated", "forgot", "missed", "misjudged", "overlooked", "hesitated", "struggled",
		"worried", "panicked", "doubted", "did't", "ignored", "neglected", "skipped", "rushed", "regret", "regretted", "failed"}},
	{modal, []string{"would", "will", "should", "could", "can", "might", "must", "may", "shall", "'d", "'ll"}},
	// ownNouns follow "my" when the thing was the candidate's own work.
	{ownNouns, []string{"change", "changes", "patch", "patches", "pr", "prs", "pull", "design", "proposal", "script", "scripts",
		"fix", "fixes", "code", "part", "role", "contribution", "prototype", "rfc", "doc", "plan", "migration", "tool",
		"analysis", "benchmark", "benchmarks", "implementation", "commit", "commits", "work", "idea", "draft", "query",
		"refactor", "rewrite", "decision", "recommendation", "spike", "investigation", "own"}},
	{doingVerbs, []string{"built", "wrote", "led", "ran", "drove", "took", "made", "found", "split", "set", "cut", "put",
		"rewrote", "shipped", "sent", "chose", "brought", "began", "began", "did", "hit", "kept", "held", "caught", "dug",
		"own", "owned", "lead", "build", "write", "run", "drive", "design", "profile", "pair", "paired", "own", "spent",
		"spun", "stood", "sat", "taught", "gave", "got", "rolled", "went", "broke", "tore", "swapped", "replaced", "read",
		"fed", "bisected", "traced", "debugged", "benchmarked", "migrated", "moved", "convinced", "pushed", "pitched",
		"mentored", "coached", "paired", "reviewed", "wrote", "added", "removed", "started", "kicked", "opened", "filed",
		"took", "sketched", "drew", "measured", "instrumented", "proposed", "negotiated", "personally", "single-handedly"}},
	{irregularPast, []string{"built", "sent", "spent", "kept", "dealt", "meant", "felt", "lent", "lost", "left", "slept", "swept", "went"}},
	{voiceWords, []string{"i", "i've", "i'd", "my", "myself", "we", "our", "us", "ours", "we've", "we'd", "we're", "we'll", "ourselves", "team"}},
}

// wordLower is lower(w) for a word whose asciiLower is low, without
// allocating when it is ASCII.
func wordLower(w, low string) string {
	if isASCII(w) {
		return low
	}
	return lower(w)
}

// pronounI keeps a pack's list of we-words from counting the candidate.
func pronounI(w string) bool {
	return w == "i" || w == "my" || w == "me" || w == "mine" || w == "myself"
}

// mayBeVoice turns most words away before any lookup: every voice word
// starts with i, m, o, t, u or w.
func mayBeVoice(w string) bool {
	switch w[0] {
	case 'i', 'I', 'm', 'M', 'o', 'O', 't', 'T', 'u', 'U', 'w', 'W':
		return true
	}
	return false
}
