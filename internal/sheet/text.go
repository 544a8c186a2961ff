package sheet

import (
	"github.com/prepcli/prep/internal/wording"
	"strings"
	"unicode"
)

// sentences splits text as the checker does, so the sheet quotes the
// sentences the check judged.
func sentences(text string) []string { return wording.Sentences(text) }

// paragraphs are text's blocks between blank lines, each on one line.
func paragraphs(text string) []string {
	var out []string
	for _, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p := strings.Join(strings.Fields(block), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// capWords keeps the first n words of s, marking a cut with "…"; cut says
// whether it cut.
func capWords(s string, n int) (string, bool) {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " "), false
	}
	return strings.TrimRight(strings.Join(f[:n], " "), ",;:—-") + "…", true
}

// containsAny reports whether s holds one of the phrases as whole words,
// ignoring case.
func containsAny(s string, phrases []string) bool {
	l := " " + strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ") + " "
	for _, p := range phrases {
		if strings.Contains(l, " "+p+" ") {
			return true
		}
	}
	return false
}

// oneLine is s with its white space, line ends included, made single
// spaces: a title or a timeline entry must not break the sheet's layout.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
