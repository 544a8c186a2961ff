package text

import (
	"strings"
	"unicode/utf8"
)

// Wrap reflows text to width columns. Paragraphs (split by blank lines)
// are filled; a line that starts a list item ("- ", "* ", "1. ") starts a
// new line, so authors' lists survive. first prefixes the first line,
// rest every other. The text is cleaned of control characters (Clean).
func Wrap(text, first, rest string, width int) string {
	var b strings.Builder
	prefix := first
	for pi, para := range strings.Split(strings.TrimSpace(Clean(text)), "\n\n") {
		if pi > 0 {
			b.WriteString("\n" + strings.TrimRight(rest, " ") + "\n")
		}
		for li, item := range Items(para) {
			if li > 0 {
				b.WriteString("\n")
			}
			fill(&b, item, prefix, rest, width)
			prefix = rest
		}
	}
	return b.String()
}

// Fill fills text as one paragraph within width columns, its line ends
// taken as spaces: first prefixes the first line, rest every other, and a
// word longer than a line has one of its own. Unlike Wrap it keeps no
// paragraphs or list items and leaves control characters as they are.
func Fill(text, first, rest string, width int) string {
	var b strings.Builder
	fill(&b, text, first, rest, width)
	return b.String()
}

// Items splits a paragraph into its list items, each on one line, or
// returns it whole: a line that starts a list item (IsItem) starts a new
// one, and any other line is joined to the one before, except that a
// line back at the list's own margin after an item starts a paragraph of
// its own: in "- Stream wins.\n  Cost: state.\nMost do both." the last
// line closes the list rather than running on in its item, as the
// content's notes mean it. Within a paragraph a list starts with a bullet
// or "1.", as in Markdown, so prose that wraps onto a line starting
// "900. That is…" is no list.
func Items(para string) []string {
	var out []string
	inItem := false // the last entry is a list item
	margin := 0     // the indent of the last item's marker
	for _, raw := range strings.Split(para, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
		switch {
		case IsItem(line) && (len(out) == 0 || inItem || opensList(line)):
			out = append(out, line)
			inItem, margin = true, indent
		case len(out) == 0 || inItem && indent <= margin:
			out = append(out, line)
			inItem = false
		default:
			out[len(out)-1] += " " + line
		}
	}
	return out
}

// opensList reports whether an item marker can start a list in the middle
// of a paragraph: a bullet, or the number 1.
func opensList(line string) bool {
	m := ItemMarker(line)
	return m == "- " || m == "* " || strings.TrimLeft(m[:len(m)-2], "0") == "1"
}

// IsItem reports whether line starts a Markdown list item: "- ", "* ",
// "1. " or "1) ".
func IsItem(line string) bool { return ItemMarker(line) != "" }

// ItemMarker is the marker a list item starts with, its space included
// ("- ", "12. "), or "" when line starts none.
func ItemMarker(line string) string {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") {
		return line[:2]
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' ' {
		return line[:i+2]
	}
	return ""
}

// WrapList reflows text as Wrap does, every line after indent, but a
// list item's following lines hang under its text rather than its
// marker:
//
//   - a long item that
//     goes on here
//
// Paragraphs stay apart by a blank line. The text is cleaned (Clean).
func WrapList(text, indent string, width int) string {
	var b strings.Builder
	for pi, para := range strings.Split(strings.TrimSpace(Clean(text)), "\n\n") {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		for i, it := range Items(para) {
			if i > 0 {
				b.WriteString("\n")
			}
			m := ItemMarker(it)
			b.WriteString(Wrap(strings.TrimPrefix(it, m), indent+m, indent+strings.Repeat(" ", len(m)), width))
		}
	}
	return b.String()
}

func fill(b *strings.Builder, text, first, rest string, width int) {
	col := 0
	for i, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case i == 0:
			b.WriteString(first)
			col = utf8.RuneCountInString(first)
		case col+1+n > width:
			b.WriteString("\n" + rest)
			col = utf8.RuneCountInString(rest)
		default:
			b.WriteString(" ")
			col++
		}
		b.WriteString(word)
		col += n
	}
}
