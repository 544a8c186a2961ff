package packdoc

import (
	"strings"

	"github.com/prepcli/prep/internal/text"
)

// markdown renders the Markdown an example or a reference is written in
// for a terminal: headings as plain lines with a rule under the top ones,
// paragraphs and list items refilled to the width, fenced code and tables
// kept line for line (their layout is their meaning), emphasis marks
// dropped. A first heading that only repeats title (already shown above
// it) is left out.
func (d *doc) markdown(md, title, indent string) {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "#") && title != "" && strings.EqualFold(plain(strings.TrimSpace(strings.TrimLeft(t, "#"))), strings.TrimSpace(title)) {
			lines = lines[i+1:]
		}
		break
	}
	table := false // the last line written was a table row
	var para []string
	blank := true // the last thing written ends with a blank line
	flush := func() {
		if len(para) == 0 {
			return
		}
		for _, item := range text.Items(strings.Join(para, "\n")) {
			first, rest := indent, indent
			if text.IsItem(item) {
				marker, body, _ := strings.Cut(item, " ")
				first = indent + "  " + marker + " "
				rest = indent + strings.Repeat(" ", len(marker)+3)
				item = body
			}
			d.printf("%s\n", text.Wrap(plain(item), first, rest, d.width))
		}
		d.printf("\n")
		para, blank = nil, true
	}
	fence := false
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			flush()
			fence = !fence
			if !fence {
				d.printf("\n")
				blank = true
			}
		case fence:
			d.printf("%s\n", strings.TrimRight(indent+"    "+line, " "))
		case trimmed == "":
			flush()
			if table {
				d.printf("\n")
				table, blank = false, true
			}
		case strings.HasPrefix(trimmed, "#"):
			flush()
			level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
			title := plain(strings.TrimSpace(strings.TrimLeft(trimmed, "#")))
			if !blank {
				d.printf("\n")
			}
			d.printf("%s%s\n", indent, title)
			if level <= 2 {
				d.printf("%s%s\n", indent, strings.Repeat("-", min(len([]rune(title)), max(d.width-len(indent), 1))))
			}
			d.printf("\n")
			blank = true
		case strings.HasPrefix(trimmed, "|"):
			flush()
			d.printf("%s\n", strings.TrimRight(indent+"  "+trimmed, " "))
			blank, table = false, true
		default:
			para = append(para, line)
			blank = false
		}
	}
	flush()
}

// plain drops the Markdown marks a terminal cannot show: bold and italic
// stars, and backticks around code.
func plain(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	s = strings.ReplaceAll(s, "`", "")
	return s
}
