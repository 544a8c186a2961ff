package wording

import "strings"

// Alternative finds the first sentence that names an option not taken:
// "Postgres rather than DynamoDB", "instead of a cron job", "we
// considered a CDN", "Prerender.io would have been simpler", "the obvious
// pick was Redis", "why not Kafka?", "we ruled out sharding". "Other
// options", a tension between qualities ("speed vs. quality") or a cost
// alone names none.
func Alternative(text string) Match {
	for _, sent := range Sentences(text) {
		if m := alternativeIn(sent); m.Found() {
			return m
		}
	}
	return enumerated(text)
}

// enumerated finds options laid out side by side with their own markers,
// "(a) keep the date … (b) move it …" or "Option 1 … Option 2": two
// distinct markers are two options weighed, even when no sentence says
// which lost. It returns the first option's marker and its words.
func enumerated(text string) Match {
	low := strings.ToLower(text)
	seen := map[byte]bool{}
	first := -1
	for i := 0; i < len(low); i++ {
		c := low[i]
		if !(c >= 'a' && c <= 'e' || c >= '1' && c <= '5') {
			continue
		}
		start := -1
		switch {
		case i+1 < len(low) && low[i+1] == ')' && i > 0 && low[i-1] == '(':
			start = i - 1 // "(a)"
		case i+1 < len(low) && low[i+1] == ')' && lineStart(low, i):
			start = i // "a)" opening a line
		case i+1 >= len(low) || !isWordByte(low[i+1]):
			for _, w := range []string{"option ", "plan ", "alternative "} {
				if strings.HasSuffix(low[:i], w) && (i == len(w) || !isWordByte(low[i-len(w)-1])) {
					start = i - len(w)
				}
			}
		}
		if start < 0 {
			continue
		}
		if first < 0 {
			first = start
		}
		seen[c] = true
	}
	if len(seen) < 2 {
		return Match{}
	}
	end := strings.IndexAny(text[first:], ";\n")
	if end < 0 {
		end = len(text) - first
	}
	words := strings.TrimSpace(text[first : first+end])
	return Match{Sentence: words, Words: words}
}

// lineStart reports whether only spaces or a list bullet come before
// byte i on its line.
func lineStart(s string, i int) bool {
	for i--; i >= 0 && s[i] != '\n'; i-- {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '-' && s[i] != '*' {
			return false
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

func alternativeIn(sent string) Match { return alternativeToks(sent, tokenize(sent)) }

func alternativeToks(sent string, toks []token) Match {
	for i := range toks {
		t := toks[i].low
		next := at(toks, i+1)
		switch {
		case seq(toks, i, "instead", "of") || seq(toks, i, "rather", "than") || seq(toks, i, "as", "opposed", "to") ||
			seq(toks, i, "in", "favour", "of") || seq(toks, i, "in", "favor", "of"):
			if !genericAfter(toks, i+2) && !qualities.at(toks, i+2) && !bareGerund(toks, i+2) {
				return match(sent, toks, i, i+2)
			}
		case t == "instead" && i > 0:
			return match(sent, toks, i-1, i)
		case t == "over" && chooser(toks, i):
			if !genericAfter(toks, i+1) && !qualities.at(toks, i+1) {
				return match(sent, toks, i-2, i+1)
			}
		case weighers.at(toks, i):
			if k := objectAfter(toks, i+1); k > 0 {
				return match(sent, toks, i, k)
			}
		case (t == "looked" || t == "look" || t == "looking") && (next == "at" || next == "into"):
			// "I looked at Style Dictionary" weighs a named tool.
			if k := objectAfter(toks, i+2); k > 0 {
				return match(sent, toks, i, k)
			}
		case (t == "would" || t == "could" || t == "might") && (next == "have" || next == "'ve") || t == "would've" || t == "could've":
			if k := hypothetical(toks, i); k >= 0 {
				return match(sent, toks, k, i+2)
			}
		case t == "tempting" || t == "obvious" && (alternativeNouns.at(toks, i+1) || next == "one") || t == "default" && alternativeNouns.at(toks, i+1) ||
			t == "textbook" && (alternativeNouns.at(toks, i+1) || next == "answer"):
			return match(sent, toks, i-1, i+1)
		case seq(toks, i, "why", "not") && i+2 < len(toks) && !genericAfter(toks, i+2):
			return match(sent, toks, i, i+2)
		case t == "ruled" && next == "out" || t == "rejected" || t == "turned" && next == "down" || t == "decided" && next == "against" ||
			t == "passed" && next == "on" || t == "chose" && next == "not" || t == "avoided" || t == "dropped" && next == "the" && at(toks, i+2) == "idea":
			if !genericAfter(toks, i+1) && !genericAfter(toks, i+2) {
				return match(sent, toks, i, i+2)
			}
		case (t == "didn't" || t == "did" && next == "not") && goWith(toks, i):
			return match(sent, toks, i, i+3)
		case t == "other" && at(toks, i-1) == "the" && (next == "is" || next == "was" || next == "option" || next == "approach" || next == "way") && i+2 < len(toks):
			// "One is sharding. The other is a waiting room."
			return match(sent, toks, i-1, i+2)
		case (t == "option" || t == "alternative" || t == "approach") && (isLabelNumber(next) || next == "was" || next == "would" || next == ":" || next == "is"):
			prev := at(toks, i-1)
			if prev != "best" && prev != "right" && prev != "only" && prev != "safest" && prev != "chosen" && prev != "final" {
				return match(sent, toks, i-1, i+1)
			}
		case t == "vs" || t == "vs." || t == "versus" || t == "or" && i > 0 && at(toks, i-1) == "build" && next == "buy":
			if i > 0 && i+1 < len(toks) && !qualities.at(toks, i-1) && !qualities.at(toks, i+1) && !qualityPhrase(toks, i) {
				return match(sent, toks, i-1, i+1)
			}
		}
	}
	return Match{}
}

// chooser reports whether a verb of choosing comes shortly before token
// i: "chose Postgres over DynamoDB", "went with gRPC over REST".
func chooser(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		switch at(toks, k) {
		case "chose", "chosen", "choose", "choosing", "picked", "pick", "preferred", "prefer", "opted", "selected", "favoured", "favored", "favour", "favor", "prioritised", "prioritized", "with", "took":
			return true
		}
	}
	return false
}

// objectAfter finds what a verb of weighing ("considered", "evaluated")
// took as its object, and returns its last token, or 0 when the object
// is generic ("other options", "a few approaches") with no names after.
func objectAfter(toks []token, i int) int {
	for i < len(toks) && skippable.at(toks, i) {
		i++
	}
	if i >= len(toks) {
		return 0
	}
	if genericAfter(toks, i) {
		// "several options: Kafka, SQS and Pub/Sub" names them after all.
		for k := i; k < len(toks) && k < i+6; k++ {
			if w := at(toks, k); w == "like" || w == "including" || w == "such" || w == "e.g" || w == "namely" {
				return min(k+1, len(toks)-1)
			}
		}
		return 0
	}
	if pronouns.at(toks, i) {
		return 0
	}
	return i
}

// genericAfter reports whether the words from i are a generic stand-in
// for options rather than an option: "other options", "alternatives",
// "a few approaches", "different ways", "it", "this".
func genericAfter(toks []token, i int) bool {
	for i < len(toks) && (at(toks, i) == "a" || at(toks, i) == "the" || at(toks, i) == "all" || at(toks, i) == "some" || at(toks, i) == "any") {
		i++
	}
	switch {
	case i >= len(toks):
		return true
	case genericWords.at(toks, i):
		return true
	case quantifiers.at(toks, i) && genericWords.at(toks, i+1):
		return true
	case quantifiers.at(toks, i) && genericWords.at(toks, i+2):
		return true
	}
	return false
}

// hypothetical finds the subject of "would have" that is an option, not a
// person or a pronoun: "Prerender.io would have been simpler", "a
// managed queue would have cost more"; or "we could have used Redis".
// It returns the subject's first token, or -1.
func hypothetical(toks []token, i int) int {
	verb := at(toks, i+2)
	if toks[i].low == "would've" || toks[i].low == "could've" {
		verb = at(toks, i+1)
	}
	if (at(toks, i) == "could" || at(toks, i) == "could've") && choosingVerbs.has(verb) {
		return max(0, i-1)
	}
	k := i - 1
	if k < 0 {
		return -1
	}
	subj := at(toks, k)
	if pronouns.at(toks, k) || subj == "i" || subj == "we" || subj == "you" || subj == "they" || subj == "which" || subj == "what" || subj == "everything" || subj == "nothing" || subj == "something" || subj == "who" {
		return -1
	}
	if verb != "been" && verb != "cost" && verb != "meant" && verb != "needed" && verb != "required" && verb != "given" && verb != "made" && verb != "added" && verb != "forced" && verb != "saved" && verb != "worked" && verb != "taken" && verb != "doubled" && verb != "solved" {
		return -1
	}
	return k
}

// goWith matches "didn't go with X", "did not use X", "didn't pick X".
func goWith(toks []token, i int) bool {
	j := i + 1
	if at(toks, i) == "did" {
		j = i + 2
	}
	switch at(toks, j) {
	case "go", "use", "pick", "choose", "adopt", "build", "buy":
		return !genericAfter(toks, j+1) && !genericAfter(toks, j+2)
	}
	return false
}

func isLabelNumber(w string) bool {
	return len(w) == 1 && (w[0] >= '1' && w[0] <= '9' || w[0] >= 'a' && w[0] <= 'd') || w == "one" || w == "two" || w == "three"
}

// qualityPhrase catches "time to market vs quality" and "build time vs.
// cost", where a quality is the head on either side.
func qualityPhrase(toks []token, i int) bool {
	return qualities.at(toks, i-1) || qualities.at(toks, i+1) || qualities.at(toks, i+2) && at(toks, i+1) == "and"
}

var alternativeLists = [...]listWords{
	{weighers, []string{"considered", "consider", "considering", "evaluated", "evaluating", "prototyped", "trialled", "trialed",
		"benchmarked", "compared", "weighed", "explored", "investigated", "debated", "discussed"}},
	{skippable, []string{"a", "an", "the", "using", "building", "moving", "to", "adding", "switching", "just", "also",
		"briefly", "seriously", "first", "initially", "both", "either", "going", "with", "writing", "buying"}},
	{genericWords, []string{"options", "option", "alternatives", "alternative", "approaches", "approach", "ways", "solutions",
		"choices", "possibilities", "ideas", "things", "tools", "paths", "designs", "everything", "it", "this", "that",
		"them", "these", "those", "other", "others", "different", "various", "multiple", "several", "many", "few",
		"couple", "number", "bunch", "lot", "lots", "trade-offs", "tradeoffs", "pros", "cons", "risks", "costs",
		"what", "how", "whether", "if", "carefully", "long", "hard"}},
	{quantifiers, []string{"other", "few", "several", "many", "some", "different", "various", "multiple", "couple", "two", "three", "number", "bunch", "lot", "of"}},
	{pronouns, []string{"it", "this", "that", "these", "those", "they", "them", "he", "she", "there", "here", "which"}},
	{choosingVerbs, []string{"used", "gone", "went", "picked", "chosen", "chose", "adopted", "bought", "built", "written", "kept", "stayed", "stuck", "switched", "moved", "migrated", "run", "done", "added"}},
	{alternativeNouns, []string{"pick", "choice", "answer", "option", "move", "approach", "route", "path", "solution", "candidate", "fix", "tool"}},
	{qualities, []string{"speed", "quality", "cost", "costs", "time", "latency", "throughput", "consistency", "availability",
		"simplicity", "complexity", "flexibility", "performance", "reliability", "safety", "correctness", "accuracy",
		"scope", "velocity", "risk", "control", "freshness", "durability", "security", "usability", "maintainability",
		"scalability", "convenience", "coverage", "depth", "breadth", "effort", "money", "price", "features", "polish",
		"perfection", "shipping", "deadline", "deadlines", "stability", "innovation", "precision", "recall", "memory",
		"cpu", "storage", "space", "readability", "robustness", "predictability", "autonomy", "ux", "dx", "fast", "slow",
		"cheap", "good", "right", "now", "later", "short-term", "long-term", "compute", "engineering"}},
	// weighingWords name the weighing itself. Verbs such as "considered" or
	// "chose" are left to Alternative, which checks what they take: "we
	// considered this a data problem" weighs nothing.
	{weighingWords, []string{"trade-off", "trade-offs", "tradeoff", "tradeoffs", "options", "option", "alternative",
		"alternatives", "approaches", "weighed", "weighing", "versus", "vs", "vs.", "downside", "downsides",
		"sacrificed", "sacrifice", "compromise", "compromised"}},
}

// bareGerund reports "instead of guessing" and "rather than waiting":
// an activity with no object names no option.
func bareGerund(toks []token, i int) bool {
	w := at(toks, i)
	if !strings.HasSuffix(w, "ing") || len(w) < 5 {
		return false
	}
	next := at(toks, i+1)
	return next == "" || next == "and" || next == "or" || next == "it" || next == "around" || next == "blindly" || next == "more"
}

// Weighing finds a sentence that weighs a choice at all, named or not:
// "we discussed different approaches", "it was a speed vs. quality
// trade-off". It shows the answer addresses its trade-offs, however
// vaguely; Alternative says whether it names one.
func Weighing(text string) Match {
	for _, sent := range Sentences(text) {
		if m := weighingToks(sent, tokenize(sent)); m.Found() {
			return m
		}
	}
	return Match{}
}

func weighingToks(sent string, toks []token) Match {
	if m := weighedToks(sent, toks); m.Found() {
		return m
	}
	return alternativeToks(sent, toks)
}

// weighedToks finds the words of weighing itself, without an alternative.
func weighedToks(sent string, toks []token) Match {
	for i := range toks {
		t, next := toks[i].low, at(toks, i+1)
		if weighingWords.at(toks, i) || t == "pros" && next == "and" || t == "gave" && next == "up" ||
			t == "balance" && (next == "between" || at(toks, i-1) == "a") || t == "middle" && next == "ground" ||
			seq(toks, i, "at", "the", "cost", "of") || seq(toks, i, "at", "the", "expense", "of") || seq(toks, i, "in", "exchange", "for") ||
			t == "cost" && (next == "is" || next == "was") && at(toks, i-1) == "the" {
			return match(sent, toks, i-1, i+1)
		}
	}
	return Match{}
}
