package sheet

import (
	"strings"
	"unicode"

	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/wording"
)

// sentences splits text as the checker does, so the sheet quotes the
// sentences the check judged.
// A piece that ends in ";" or ":" is joined to the next, so that the
// sheet never shows a sentence cut at its semicolon.
func sentences(text string) []string {
	var out []string
	join := false
	for _, s := range wording.Sentences(text) {
		if join && len(out) > 0 {
			out[len(out)-1] += " " + s
		} else {
			out = append(out, s)
		}
		join = strings.HasSuffix(s, ";") || strings.HasSuffix(s, ":")
	}
	return out
}

// containsAny reports whether s holds one of the phrases as whole words,
// ignoring case.
func containsAny(s string, phrases []string) bool {
	l := " " + strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ") + " "
	for _, p := range phrases {
		if p = strings.ToLower(text.OneLine(p)); p != "" && strings.Contains(l, " "+p+" ") {
			return true
		}
	}
	return false
}

// fit is text's whole sentences on one line, as many as fit in n words:
// the first always, however long, since the sheet never cuts one short;
// the others only while they fit.
func fit(para string, n int) string {
	var out []string
	words := 0
	for _, s := range sentences(para) {
		w := len(strings.Fields(s))
		if len(out) > 0 && words+w > n {
			break
		}
		out = append(out, s)
		words += w
	}
	return text.OneLine(strings.Join(out, " "))
}
