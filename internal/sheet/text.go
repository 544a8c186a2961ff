package sheet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentences splits text into sentences, each on one line. A blank line
// ends a sentence too, so a list item without a full stop stays whole.
// "2.1 s" and "e.g. this" are not split: a break needs a space after the
// stop and no lower-case letter next.
func sentences(text string) []string {
	var out []string
	for _, para := range paragraphs(text) {
		start := 0
		for i := 0; i < len(para); {
			r, size := utf8.DecodeRuneInString(para[i:])
			i += size
			if r != '.' && r != '!' && r != '?' {
				continue
			}
			// Closing quotes, brackets and emphasis belong to the sentence.
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
			if unicode.IsLower(next) {
				continue
			}
			out = append(out, strings.TrimSpace(para[start:j]))
			start, i = j+1, j+1
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

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
