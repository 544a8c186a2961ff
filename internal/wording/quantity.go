package wording

import (
	"strings"
)

// Quantity finds the first real quantity in text: a figure with a unit, a
// percent, a multiple, money, a count of something, a before and after,
// or words that quantify ("cut by half", "three times faster", "from
// hours to minutes", "zero incidents", "a dozen"). Versions, dates,
// years, quarters, sprint numbers and names with digits in them (S3,
// "p99" on its own, SOC 2, OAuth 2.1, us-east-1) are not quantities.
func Quantity(text string) Match {
	for _, sent := range Sentences(text) {
		if m := quantityToks(sent, tokenize(sent)); m.Found() {
			return m
		}
	}
	return Match{}
}

func quantityToks(sent string, toks []token) Match {
	for i := range toks {
		if j, ok := quantityAt(sent, toks, i); ok {
			return match(sent, toks, i-1, j)
		}
	}
	return Match{}
}

// quantityAt reports whether a quantity starts at token i, and its last
// token.
func quantityAt(sent string, toks []token, i int) (int, bool) {
	t := toks[i].low
	next := at(toks, i+1)
	switch {
	case t == "%" || t == "×":
		return i, i > 0 && hasDigit(toks[i-1].low)
	case t == "$" || t == "€" || t == "£":
		return i + 1, hasDigit(next)
	case t == "→":
		return i + 1, i > 0 && (hasDigit(toks[i-1].low) || unitWords.at(toks, i-1)) && (hasDigit(next) || unitWords.at(toks, i+1))
	}
	if hasDigit(t) {
		return numberQuantity(sent, toks, i)
	}
	switch {
	case multipliers.at(toks, i):
		return i, true
	case t == "half":
		prev := at(toks, i-1)
		return i, prev == "by" || prev == "in" || next == "the" || next == "as" || next == "of" && prev != "first" && prev != "second"
	case t == "zero" || t == "no" && next == "more":
		return i + 1, t == "zero" && isNounish(next)
	case t == "from" && (unitWords.at(toks, i+1) || frequency.at(toks, i+1)):
		// "from hours to minutes", "from weekly to daily"
		for k := i + 2; k < len(toks) && k < i+5; k++ {
			if toks[k].low == "to" && (unitWords.at(toks, k+1) || frequency.at(toks, k+1)) {
				return k + 1, true
			}
		}
	case t == "order" || t == "orders":
		return i + 2, next == "of" && at(toks, i+2) == "magnitude"
	case numberWords.at(toks, i):
		return wordQuantity(toks, i)
	}
	return i, false
}

// numberQuantity decides for a token with a digit in it.
func numberQuantity(sent string, toks []token, i int) (int, bool) {
	t := toks[i].low
	num, suffix := splitNumber(t)
	if num == "" {
		return i, false // "p99", "s3", "ec2", "us-east-1", "2fa", "ipv6"
	}
	if suffix != "" {
		// "200ms", "10k", "3x", "2.5m", "40gb", "99.9%"; "4th" ranks.
		return i, unitSuffix.has(suffix)
	}
	if strings.Contains(t, "/") {
		return i, fractionLike(t) // "9/10" but not "24/7" or "1/2023"
	}
	next := at(toks, i+1)
	switch {
	case timeOfDay.at(toks, i+1):
		return i, false
	case next == "%" || next == "percent" || next == "per" && at(toks, i+2) == "cent" || next == "x" || next == "×" || next == "times":
		return i + 1, true
	case unitWords.at(toks, i+1) || scaleWords.at(toks, i+1):
		return i + 1, true
	}
	// A number after a name is a version or a designation: Kubernetes
	// 1.27, SOC 2, Java 17, sprint 14, version 2, step 4.
	if designators.at(toks, i-1) || i > 0 && isCapitalized(toks[i-1].text) && !sentenceStart(toks, i-1) && !countAfter(toks, i) {
		return i, false
	}
	if isYear(num) && !countAfter(toks, i) {
		return i, false
	}
	switch {
	case next == "→" || next == "to" && hasDigit(at(toks, i+2)):
		return i + 2, true
	case countAfter(toks, i):
		return i + 1, true
	case approx.at(toks, i-1):
		return i, true
	}
	return i, false
}

// wordQuantity decides for a number said in words: "three teams", "a
// dozen services", "thousands of users", "two weeks".
func wordQuantity(toks []token, i int) (int, bool) {
	next := at(toks, i+1)
	if next == "of" && plural(at(toks, i+2)) {
		return i + 2, true // "hundreds of requests"
	}
	if next == "times" || next == "fold" || unitWords.at(toks, i+1) || scaleWords.at(toks, i+1) {
		return i + 1, true
	}
	if countAfter(toks, i) {
		return i + 1, true
	}
	return i, false
}

// countAfter reports whether the token after i is what the number counts:
// a plural noun ("14 services", "three teams", "2 engineers"), perhaps
// after one adjective ("3 new services", "40 failed jobs").
func countAfter(toks []token, i int) bool {
	n := at(toks, i+1)
	if plural(n) || countNouns.at(toks, i+1) {
		return true
	}
	if n != "" && !notNouns.at(toks, i+1) && (plural(at(toks, i+2)) || countNouns.at(toks, i+2)) && !strings.ContainsAny(n, "0123456789") {
		return adjectiveLike(n)
	}
	return false
}

func adjectiveLike(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "al") || strings.HasSuffix(w, "ent") ||
		strings.HasSuffix(w, "ive") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ous") ||
		strings.HasSuffix(w, "ble") || shortAdjectives.has(w)
}

// plural is a rough test for a plural noun: it ends in s and is not one of
// the little words that do.
func plural(w string) bool {
	if len(w) < 3 || !strings.HasSuffix(w, "s") || notNouns.has(w) || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "'s") {
		return false
	}
	for _, r := range w {
		if !('a' <= r && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}

func isNounish(w string) bool { return w != "" && !notNouns.has(w) && !hasDigit(w) }

// splitNumber splits "2.5m" into "2.5" and "m"; "p99" and "us-east-1",
// which do not start with a number, give "".
func splitNumber(t string) (num, suffix string) {
	j := 0
	for j < len(t) && (isDigitByte(t[j]) || (t[j] == '.' || t[j] == ',') && j+1 < len(t) && isDigitByte(t[j+1])) {
		j++
	}
	if j == 0 {
		return "", ""
	}
	rest := t[j:]
	if rest != "" && rest[0] == '/' {
		return t[:j], ""
	}
	if strings.ContainsAny(rest, "0123456789") {
		return "", "" // "2fa2", "3d2"
	}
	rest = strings.TrimPrefix(rest, "-")
	return t[:j], rest
}

func fractionLike(t string) bool {
	a, b, _ := strings.Cut(t, "/")
	if a == "" || b == "" || strings.ContainsAny(a+b, "abcdefghijklmnopqrstuvwxyz") || b == "7" || len(b) == 4 {
		return false
	}
	return true
}

func isYear(num string) bool {
	if len(num) != 4 || strings.ContainsAny(num, ".,") {
		return false
	}
	return num >= "1950" && num <= "2099"
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func isCapitalized(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// sentenceStart reports whether token i opens its sentence (so its
// capital says nothing about it being a name).
func sentenceStart(toks []token, i int) bool { return i == 0 }

var quantityLists = [...]listWords{
	// unitSuffix are what may be glued to a number and make it a quantity.
	{unitSuffix, []string{"ms", "s", "sec", "secs", "m", "min", "mins", "h", "hr", "hrs", "d", "k", "b", "bn", "x",
		"gb", "mb", "kb", "tb", "pb", "gib", "mib", "tib", "%", "rps", "qps", "tps", "ns", "us", "µs", "µ", "w", "kw",
		"gbps", "mbps", "kbps", "usd", "eur", "pp", "fold", "mm"}},
	{unitWords, []string{"ms", "millisecond", "milliseconds", "microseconds", "µs", "ns", "nanoseconds", "s", "sec", "secs", "second", "seconds",
		"min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks",
		"month", "months", "year", "years", "quarter", "quarters", "gb", "mb", "kb", "tb", "pb", "gib", "mib",
		"bytes", "byte", "rps", "qps", "tps", "req", "requests", "rpm", "dollars", "usd", "eur", "euros", "pounds",
		"gbps", "mbps", "points", "pp", "percent", "cores", "nodes", "servers", "instances", "x", "k", "ms.",
		"overnight", "weekly", "daily", "hourly", "monthly", "instantly", "realtime", "real-time", "seconds."}},
	{frequency, []string{"weekly", "daily", "hourly", "monthly", "quarterly", "yearly", "annually", "nightly", "manual", "manually", "never", "once"}},
	{scaleWords, []string{"k", "thousand", "thousands", "million", "millions", "billion", "billions", "hundred", "hundreds", "dozen", "grand", "m", "bn"}},
	{multipliers, []string{"twice", "thrice", "halved", "doubled", "tripled", "quadrupled", "tenfold", "hundredfold", "twofold", "threefold", "fivefold"}},
	{numberWords, []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "hundreds", "thousand", "thousands",
		"million", "millions", "billion", "billions", "dozen", "dozens"}},
	// designators come before a number that names rather than counts.
	{designators, []string{"q1", "q2", "q3", "q4", "sprint", "version", "v", "release", "iteration", "phase", "step", "stage",
		"level", "tier", "gen", "generation", "series", "chapter", "section", "page", "ticket", "issue", "pr", "jira",
		"room", "floor", "number", "#", "week", "day", "soc", "iso", "rfc", "http", "python", "java", "node", "ios", "android",
		"windows", "postgres", "postgresql", "mysql", "kubernetes", "k8s", "rails", "angular", "vue", "react",
		"php", "ruby", "go", "scala", "spark", "kafka", "redis", "elasticsearch", "oauth", "tls", "ssl", "ipv",
		"es", "ecmascript", "type", "class", "category", "grade", "severity", "sev", "priority"}},
	{approx, []string{"~", "about", "around", "roughly", "nearly", "almost", "approximately", "over", "under", "below", "above", "than", "only", "just", "upto", "saved", "cut", "reduced", "to", "from", "by"}},
	{timeOfDay, []string{"am", "pm", "a.m", "p.m", "o'clock", "a.m.", "p.m."}},
	{countNouns, []string{"people", "staff", "customer", "user", "engineer", "person", "team", "service", "incident",
		"percent", "man-hours", "headcount", "data", "traffic", "downtime", "pages", "hour", "minute", "second", "day", "week", "month"}},
	{notNouns, []string{"is", "was", "has", "its", "this", "us", "as", "yes", "his", "hers", "ours", "yours", "theirs",
		"does", "goes", "plus", "thus", "less", "across", "always", "perhaps", "sometimes", "various", "previous",
		"famous", "nervous", "obvious", "serious", "this", "those", "these", "was", "were", "has", "and", "or",
		"of", "to", "in", "on", "at", "for", "with", "the", "a", "an", "so", "that", "then", "but", "it", "we", "i",
		"they", "he", "she", "you", "because", "when", "after", "before", "from", "by", "into", "per", "onto", "via",
		"besides", "alias", "status", "bonus", "canvas", "corpus", "campus", "virus", "chaos", "kudos", "focus",
		"versus", "bus", "gas", "analysis", "basis", "thesis", "axis", "redis", "kubernetes", "jenkins", "postgres",
		"aws", "gcs", "dns", "vs", "os", "ios", "js", "ts", "css", "tls", "ssl", "https", "sms", "cms", "ms", "s", "its"}},
	{shortAdjectives, []string{"new", "old", "big", "small", "large", "more", "fewer", "extra", "full", "open", "major",
		"minor", "key", "core", "main", "separate", "distinct", "different", "critical", "flaky", "slow", "fast",
		"active", "daily", "weekly", "monthly", "concurrent", "unique", "legacy", "duplicate", "manual", "paying",
		"enterprise", "senior", "junior", "backend", "frontend", "mobile", "product", "open-source", "p1", "sev-1"}},
	{intentWords, []string{"goal", "goals", "target", "targets", "aim", "aimed", "objective", "must", "should", "would", "will", "budget", "requirement", "sla", "slo", "deadline", "tasked", "asked", "bar", "brief", "mandate", "assigned", "owned", "responsible"}},
}

// Intent reports a sentence that states an aim rather than what
// happened: "we needed to get it under 200 ms", "the goal was 99.9%".
func Intent(sentence string) bool { return intentToks(tokenize(sentence)) }

func intentToks(toks []token) bool {
	for i := range toks {
		t, next := toks[i].low, at(toks, i+1)
		switch {
		case intentWords.at(toks, i):
			return true
		case (t == "needed" || t == "had" || t == "wanted" || t == "was" || t == "were") && next == "to" && at(toks, i+2) != "be":
			return true
		case t == "so" && next == "that":
			return true
		case (t == "gave" || t == "handed") && next == "me", t == "my" && (next == "job" || next == "task" || next == "brief" || next == "role"):
			return true
		}
	}
	return false
}
