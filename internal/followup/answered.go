package followup

import (
	"strings"
)

// Answered counts the items of a story's follow-ups section that have an
// answer: on the item's line after the question, or indented under it, as
// Set keeps them. It reads list items only, as prep status always has;
// Parse, which the sheet uses, also reads "Q:"/"A:" lines and questions
// as headings, so the two can differ on a section written by hand.
func Answered(text string) int {
	n := 0
	item, answered := false, false
	flush := func() {
		if item && answered {
			n++
		}
		item, answered = false, false
	}
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		indented := len(line) > 0 && (line[0] == ' ' || line[0] == '\t')
		switch {
		case trimmed == "":
		case !indented && isItem(trimmed):
			flush()
			item = true
			answered = afterQuestion(trimmed) != ""
		case item:
			answered = true
		}
	}
	flush()
	return n
}

func isItem(line string) bool {
	return strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "+ ")
}

// afterQuestion is what follows the question on an item's line: the text
// after its bold question, or after its question mark.
func afterQuestion(line string) string {
	rest := strings.TrimSpace(line[2:])
	if strings.HasPrefix(rest, "**") {
		if end := strings.Index(rest[2:], "**"); end >= 0 {
			return strings.TrimSpace(rest[end+4:])
		}
		return ""
	}
	if i := strings.Index(rest, "? "); i >= 0 {
		return strings.TrimSpace(rest[i+2:])
	}
	return ""
}
