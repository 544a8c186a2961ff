package wording

import "strings"

// Mistake finds the first sentence that owns up to something that went
// wrong or was misjudged: "I assumed the cache was warm", "we launched
// without a kill switch", "it tripped during a deploy", "I had never read
// the runbook", "it paged three teams at 2 a.m.". A platitude ("failure
// is part of learning", "communication is key", "next time I will plan
// better") is not one: it names nothing that happened.
func Mistake(text string) Match {
	for _, sent := range Sentences(text) {
		if m := mistakeIn(sent, true); m.Found() {
			return m
		}
	}
	return Match{}
}

// ClearMistake is Mistake without the weak cues ("slow", "a problem",
// "harder than expected"), which tell of a mistake only in a part about
// lessons: elsewhere they describe the problem being solved.
func ClearMistake(text string) Match {
	for _, sent := range Sentences(text) {
		if m := mistakeIn(sent, false); m.Found() {
			return m
		}
	}
	return Match{}
}

func mistakeIn(sent string, weak bool) Match { return mistakeToks(sent, tokenize(sent), weak) }

func mistakeToks(sent string, toks []token, weak bool) Match {
	past := pastTense(toks)
	for i := range toks {
		t := toks[i].low
		next := at(toks, i+1)
		switch {
		case strongMistake.at(toks, i):
			return match(sent, toks, i-1, i+1)
		case t == "should" && (next == "have" || next == "'ve") || t == "should've" || t == "shouldn't" && next == "have":
			return match(sent, toks, i-1, i+2)
		case (t == "would" || t == "could") && next == "have" && hindsightVerbs.at(toks, i+2):
			// "rolling region by region would have caught it"
			return match(sent, toks, i-1, i+2)
		case t == "went" && next == "wrong" || t == "got" && next == "wrong" || t == "was" && next == "wrong" || t == "were" && next == "wrong":
			return match(sent, toks, i-1, i+1)
		case t == "too" && tooWhat.at(toks, i+1) && past:
			return match(sent, toks, i-1, i+1)
		case t == "without" && i > 0 && (launchVerbs.at(toks, i-1) || launchVerbs.at(toks, i-2) || launchVerbs.at(toks, i-3)):
			return match(sent, toks, i-2, i+2)
		case (t == "never" || t == "hadn't" || t == "didn't" || t == "wasn't" || t == "weren't" || t == "couldn't" || t == "forgot" ||
			t == "did" && next == "not" || t == "had" && next == "not") && past && ownSubject(toks, i):
			return match(sent, toks, i-1, i+2)
		case t == "not" && (at(toks, i-1) == "did" || at(toks, i-1) == "had") && ownSubject(toks, i-1):
			return match(sent, toks, i-2, i+1)
		case weak && weakMistake.at(toks, i) && past:
			return match(sent, toks, i-1, i+1)
		case t == "took" && next == "down" || t == "went" && next == "down" || t == "blew" && next == "up" || t == "rolled" && next == "back" ||
			t == "roll" && next == "back" || t == "woke" && next == "up" || t == "cost" && (next == "us" || next == "me") || t == "fell" && next == "over":
			return match(sent, toks, i-1, i+1)
		case (t == "than" && (next == "expected" || next == "planned" || next == "we" && expectVerbs.at(toks, i+2) || next == "i" && expectVerbs.at(toks, i+2))) && past:
			return match(sent, toks, i-2, i+2)
		}
	}
	return Match{}
}

// ownSubject reports whether a negation near token i has a person or the
// system as its subject ("I never", "we didn't", "it wasn't"), not a
// generic one ("you don't", "people never").
func ownSubject(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch at(toks, k) {
		case "i", "we", "it", "our", "my", "the", "nobody", "no", "they", "team", "that", "this":
			return true
		case "you", "people", "one", "engineers", "everyone":
			return false
		}
	}
	return false
}

// pastTense reports whether a sentence tells of something that happened:
// a verb in the past tense, not a rule for the future.
func pastTense(toks []token) bool {
	for i, t := range toks {
		w := t.low
		if pastWords.at(toks, i) {
			return true
		}
		if len(w) > 4 && strings.HasSuffix(w, "ed") && !notPast.at(toks, i) {
			return true
		}
	}
	return false
}

var mistakeLists = [...]listWords{
	{strongMistake, []string{"mistake", "mistakes", "mistaken", "misjudged", "misjudgement", "misjudgment", "misread",
		"misestimated", "underestimated", "overestimated", "overlooked", "assumed", "assumption", "assumptions",
		"outage", "outages", "incident", "incidents", "postmortem", "post-mortem", "rollback", "rolled-back", "regression",
		"regressed", "paged", "broke", "crashed", "leaked", "tripped", "backfired", "slipped", "forgot", "forgotten",
		"neglected", "rushed", "misconfigured", "miscalculated", "underinvested", "over-engineered", "overengineered",
		"overbuilt", "prematurely", "wrongly", "naively", "naive", "blindsided", "oversight", "misstep", "blunder",
		"data-loss", "corrupted", "corruption", "hotfix", "reverted", "revert", "firefighting", "sev1", "sev-1", "p0",
		"p1", "escalation", "escalated", "dropped", "hadn't", "ignored", "skipped", "failed", "missed", "lost", "broken",
		"wrong", "bug", "bugs", "late", "delayed", "delay", "overran", "overspent", "churned", "complained", "flaky",
		"painful", "burned", "burnt", "stalled", "timed", "deadlocked", "deadlock", "overloaded", "exhausted", "spiked",
		"throttled", "duplicated", "double-charged", "mis-sized", "undersized", "oversized", "surprised", "surprise",
		"hurt", "struggled", "regretted", "regret", "off-by-one"}},
	{weakMistake, []string{"noticed", "discovered", "realised", "realized", "leakage", "leak", "turned", "ended", "pain", "problem", "problems", "issue", "issues", "error", "errors", "risk", "debt", "harder",
		"longer", "unexpected", "unexpectedly", "expensive", "slow", "slower", "confusing", "confused", "friction", "gap",
		"blocked", "stuck", "rework", "redo", "redid", "wasted", "waste"}},
	{hindsightVerbs, []string{"caught", "prevented", "avoided", "saved", "spotted", "helped", "stopped", "flagged", "found", "shown", "told"}},
	{tooWhat, []string{"late", "early", "long", "slow", "much", "many", "little", "few", "big", "small", "fast", "optimistic", "aggressive", "complex", "clever", "soon"}},
	{launchVerbs, []string{"shipped", "launched", "deployed", "released", "rolled", "went", "merged", "started", "built",
		"migrated", "ran", "cut", "switched", "moved", "live", "out", "production", "it", "changes", "feature", "we", "i"}},
	{expectVerbs, []string{"expected", "planned", "thought", "estimated", "assumed", "hoped"}},
	{pastWords, []string{"was", "were", "had", "did", "didn't", "hadn't", "wasn't", "weren't", "broke", "took", "went",
		"forgot", "made", "ran", "hit", "got", "caught", "shipped", "lost", "left", "spent", "cost", "kept", "fell",
		"blew", "woke", "sent", "wrote", "built", "chose", "saw", "found", "came", "began", "knew", "thought", "never",
		"couldn't", "wouldn't", "ago", "then", "paged"}},
	{notPast, []string{"need", "needed", "speed", "feed", "seed", "based", "related", "detailed", "advanced", "limited",
		"learned", "shared", "distributed", "automated", "dedicated", "focused", "sophisticated", "complicated",
		"experienced", "talented", "skilled", "balanced", "interested", "required", "proceed", "succeed", "exceed",
		"embed", "indeed", "guaranteed", "unexpected", "expected", "planned", "managed", "informed", "involved"}},
	{reflectionWords, []string{"learned", "learnt", "lesson", "lessons", "takeaway", "takeaways", "hindsight", "retrospect",
		"realised", "realized", "reflection", "regret"}},
}

// Reflection finds a sentence that draws a lesson or looks back, with or
// without a mistake in it: "I learned…", "in hindsight", "next time".
// It shows the answer has its lessons part; Mistake says whether it owns
// up to something.
func Reflection(text string) Match {
	for _, sent := range Sentences(text) {
		if m := reflectionToks(sent, tokenize(sent)); m.Found() {
			return m
		}
	}
	return Match{}
}

func reflectionToks(sent string, toks []token) Match {
	if m := lessonToks(sent, toks); m.Found() {
		return m
	}
	return mistakeToks(sent, toks, false)
}

// lessonToks finds the words that draw a lesson or look back, without
// a mistake: "I learned", "in hindsight", "next time".
func lessonToks(sent string, toks []token) Match {
	for i := range toks {
		t, next := toks[i].low, at(toks, i+1)
		switch {
		case reflectionWords.at(toks, i),
			t == "in" && next == "hindsight", t == "looking" && next == "back", t == "next" && next == "time",
			t == "differently", t == "taught" && (next == "me" || next == "us"), t == "if" && next == "i" && at(toks, i+2) == "did":
			return match(sent, toks, i-1, i+1)
		}
	}
	return Match{}
}
