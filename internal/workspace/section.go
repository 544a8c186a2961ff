package workspace

import (
	"errors"
	"fmt"
	"strings"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/text"
)

// SetSection sets the text of section id of rubric r in the story's body
// and saves the story. The section is where `prep check` finds its label
// (sections.FindMarked): a heading of any level, numbered or not ("## 1.
// Situation"), a setext heading, a bold label, a "Label:" line, a letter
// (S:), or one of the rubric's other names for it ("Context"). Its label
// keeps its line and its own text, up to the next label, is replaced by
// text; a label that shares its line with text ("**Result:** 40 min")
// keeps itself and its separator, and text follows it. Only when no label
// marks the section is a "## Title" section added at the end. Everything
// else in the body stays byte for byte.
//
// When the file changed on disk since s was read (the candidate edited it
// in an editor meanwhile), the section is set in the file's new version
// and *s becomes that: the candidate's edits and the new text are both
// kept. A file that does not parse is not touched (a ParseError, Refused).
func (w *Workspace) SetSection(s *Story, r *pack.Rubric, id, text string) error {
	if _, err := rubricSection(r, id); err != nil {
		return err
	}
	unlock, err := w.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	var known *onDisk
	if s.Path != "" {
		data, exists, err := readFile(s.Path)
		if err != nil {
			return refused(err)
		}
		if exists && s.disk.changed(data, exists) {
			fresh, err := parseStory(s.Path, data)
			if err != nil {
				return refused(err)
			}
			*s = *fresh
		}
		// Read under the lock: the save checks this, not a second read.
		known = &onDisk{data: data, exists: exists}
	}
	body, err := setSection(s.Body, r, id, text)
	if err != nil {
		return err
	}
	old := s.Body
	s.Body = body
	if err := w.saveKnown(s, known); err != nil {
		s.Body = old
		return err
	}
	return nil
}

// Section returns the text of section id of rubric r as the story holds
// it, the Markdown SetSection would replace, without the blank lines
// around it; ok is false when no label marks the section.
func (s *Story) Section(r *pack.Rubric, id string) (text string, ok bool) {
	return sectionText(s.Body, r, id)
}

// rubricSection is section id of rubric r.
func rubricSection(r *pack.Rubric, id string) (*pack.Section, error) {
	if r == nil {
		return nil, errors.New("a section was set with no rubric to find it by; this is a bug in prep, please report it")
	}
	for i := range r.Sections {
		if r.Sections[i].ID == id {
			return &r.Sections[i], nil
		}
	}
	return nil, fmt.Errorf("the rubric %q has no section %q; this is a bug in prep or in the content pack, please report it", r.ID, id)
}

// span is where a section's label and its own text lie in a body's lines
// (0-based indexes).
type span struct {
	label int // the label's line
	// start..end (end excluded) are the lines of its text under the
	// label: the lines SetSection replaces. start is after the label and
	// a setext underline (and the end of a comment opened on the label's
	// line); end is after its last line of text, or start when it has
	// none.
	start, end int
	// inline is true when the label's line holds text too; prefix is
	// that line up to the text: "**Result:** ", "- R: ".
	inline bool
	prefix string
	// underline is true when the label is a setext heading, whose
	// underline is the line after it.
	underline bool
}

// locate finds section id of rubric r in lines, the body split by
// splitLines, as the checker finds it.
func locate(body string, lines []string, r *pack.Rubric, id string) (span, bool) {
	doc := &document.Doc{Name: "story.md", Format: document.Markdown, Body: body, BodyLine: 1}
	sec, ok := sections.FindMarked(doc, r).Section(id)
	if !ok || sec.Inferred || sec.Line < 1 || sec.Line > len(lines) {
		return span{}, false
	}
	sp := span{label: sec.Line - 1, inline: sec.Inline}
	last := min(max(sec.End, sec.Line), len(lines)) // 1-based: its last line
	sp.start = sp.label + 1
	// An underline (or a rule) right under the label is never text: it
	// stays with the label.
	if sp.start < len(lines) && setextUnderline(lines[sp.start]) {
		sp.underline = true
		sp.start++
	}
	if sp.inline {
		sp.prefix, sp.inline = inlinePrefix(lines[sp.label], sec)
	}
	from := sp.label
	if !sp.inline {
		// The label keeps its line, and a comment opened there keeps
		// the line that closes it.
		var st openState
		for i := sp.label; i < sp.start; i++ {
			st.step(lines[i])
		}
		for st.comment && sp.start < len(lines) {
			st.step(lines[sp.start])
			sp.start++
		}
		from = sp.start
	}
	sp.end = max(last, sp.start)
	// A fenced block or a comment its text opens is replaced whole: its
	// closing line goes with it.
	var st openState
	for i := from; i < sp.end; i++ {
		st.step(lines[i])
	}
	for st.open() && sp.end < len(lines) {
		st.step(lines[sp.end])
		sp.end++
	}
	return sp, true
}

// setextUnderline reports a line of = or - alone (at least three,
// indented at most three spaces): the underline of a setext heading.
func setextUnderline(line string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return false
	}
	t = strings.TrimRight(t, " \t")
	return len(t) >= 3 && (t[0] == '=' || t[0] == '-') && strings.Trim(t, t[:1]) == ""
}

// inlinePrefix is the label's line up to the text after the label: the
// label as written, the emphasis that closes it, its separator and the
// blanks after them ("**Result:** ", "- R: ", "Outcome — "). ok is false
// when the line does not hold the label as the checker gave it; the line
// is then kept whole, as a label alone.
func inlinePrefix(line string, sec sections.Section) (prefix string, ok bool) {
	i := -1
	if sec.Label != "" {
		i = strings.Index(line, sec.Label)
	}
	if i < 0 {
		// The label is not in the line as written: the text after it is.
		if first, _, _ := strings.Cut(sec.Text, "\n"); first != "" {
			if k := strings.LastIndex(line, first); k > 0 {
				return line[:k], true
			}
		}
		return "", false
	}
	// Emphasis opened before the label closes after it, before or after
	// the separator: "**Result**: ", "**Result:** ". Only as much of it as
	// opened is skipped, so text that starts with emphasis keeps it.
	open := 0
	for open < 3 && i-open > 0 && emphasis(line[i-open-1]) {
		open++
	}
	j := i + len(sec.Label)
	closeEmphasis := func() {
		for j < len(line) && open > 0 && emphasis(line[j]) {
			j, open = j+1, open-1
		}
	}
	closeEmphasis()
	glued := j == i+len(sec.Label) && len(sec.Label) == 1 // "A-I profiled"
	j = skipBlanks(line, j)
	for _, sep := range []string{":", "：", "—", "–", "-"} {
		if !strings.HasPrefix(line[j:], sep) {
			continue
		}
		// A hyphen is a separator with a blank after it, or right after a
		// letter label; otherwise it starts the text ("-40%").
		if k := j + len(sep); sep != "-" || glued || k == len(line) || line[k] == ' ' || line[k] == '\t' {
			j = k
			closeEmphasis()
		}
		break
	}
	return line[:skipBlanks(line, j)], true
}

func emphasis(c byte) bool { return c == '*' || c == '_' }

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// sectionText is Story.Section on a body in memory.
func sectionText(body string, r *pack.Rubric, id string) (string, bool) {
	if _, err := rubricSection(r, id); err != nil {
		return "", false
	}
	lines := splitLines(body)
	sp, ok := locate(body, lines, r, id)
	if !ok {
		return "", false
	}
	var parts []string
	if sp.inline {
		parts = append(parts, strings.TrimRight(lines[sp.label][len(sp.prefix):], " \t"))
	}
	parts = append(parts, lines[sp.start:sp.end]...)
	return strings.Trim(strings.Join(parts, "\n"), "\n"), true
}

// setSection is SetSection on a body in memory.
func setSection(body string, r *pack.Rubric, id, text string) (string, error) {
	sec, err := rubricSection(r, id)
	if err != nil {
		return "", err
	}
	block := textLines(text)
	lines := splitLines(body)
	sp, ok := locate(body, lines, r, id)
	if !ok {
		return appendSection(lines, sec, block), nil
	}
	out := append([]string(nil), lines[:sp.label]...)
	if sp.inline {
		first, more := "", block
		if len(block) > 0 {
			first, more = block[0], block[1:]
		}
		out = append(out, strings.TrimRight(sp.prefix+first, " \t"))
		if sp.underline {
			out = append(out, lines[sp.label+1])
			if len(more) > 0 {
				out = append(out, "")
			}
		}
		out = append(out, more...)
	} else {
		out = append(out, lines[sp.label:sp.start]...)
		if len(block) > 0 {
			out = append(out, gap(lines, sp)...)
			out = append(out, block...)
		}
	}
	rest := lines[sp.end:]
	if len(block) > 0 && len(rest) > 0 && strings.TrimSpace(rest[0]) != "" {
		out = append(out, "") // the next label is not glued to the new text
	}
	out = append(out, rest...)
	s := strings.Join(out, "\n")
	if len(rest) > 0 && body != "" && !strings.HasSuffix(body, "\n") {
		return s, nil // the body had no final newline, and still has none
	}
	return s + "\n", nil
}

// gap is what goes between a label alone on its line and its new text:
// the blank lines the old text had there, or one for a section that had
// none.
func gap(lines []string, sp span) []string {
	i := sp.start
	for i < sp.end && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == sp.end {
		return []string{""}
	}
	return lines[sp.start:i]
}

// appendSection adds "## Title" and block at the end of lines, after a
// blank line, closing first a fenced block or comment left open at the
// end, which would otherwise swallow the heading.
func appendSection(lines []string, sec *pack.Section, block []string) string {
	out := append([]string(nil), lines...)
	var st openState
	for _, line := range lines {
		st.step(line)
	}
	switch {
	case st.fence != "":
		out = append(out, st.fence)
	case st.comment:
		out = append(out, "-->")
	}
	if len(out) > 0 && strings.TrimSpace(out[len(out)-1]) != "" {
		out = append(out, "")
	}
	title := text.OneLine(sec.Title)
	if title == "" {
		title = sec.ID
	}
	out = append(out, "## "+title)
	if len(block) > 0 {
		out = append(out, "")
		out = append(out, block...)
	}
	return strings.Join(out, "\n") + "\n"
}

// textLines is text as lines, without blank lines around it; nil for an
// empty text.
func textLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return nil
	}
	return lines
}

// splitLines splits a body into lines, the final newline ending the last
// line rather than starting an empty one.
func splitLines(body string) []string {
	if body == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(body, "\n"), "\n")
}

// openState is what is left open after some lines: a fenced code block
// (its fence) or an HTML comment.
type openState struct {
	fence   string
	comment bool
}

func (o openState) open() bool { return o.fence != "" || o.comment }

// step reads one more line. Only the bounds of fences and comments are
// read: the checker decides what is a label, and this only keeps a
// rewrite from cutting a fenced block or a comment in half.
func (o *openState) step(line string) {
	switch {
	case o.fence != "":
		if closesFence(line, o.fence) {
			o.fence = ""
		}
	case o.comment:
		if strings.Contains(line, "-->") {
			o.comment = strings.LastIndex(line, "<!--") > strings.LastIndex(line, "-->")
		}
	default:
		if f, ok := fenceMark(line); ok {
			o.fence = f
			return
		}
		if i := strings.LastIndex(line, "<!--"); i >= 0 {
			o.comment = !strings.Contains(line[i:], "-->")
		}
	}
}

// fenceMark reports a line opening or closing fenced code (``` or ~~~,
// indented at most three spaces) and its run of fence characters.
func fenceMark(line string) (string, bool) {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return "", false
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.Contains(t[n:], "`")) {
		return "", false
	}
	return t[:n], true
}

// closesFence: same character, at least as long, nothing after it.
func closesFence(line, open string) bool {
	t := strings.TrimLeft(line, " ")
	f, _ := fenceMark(line)
	return f != "" && f[0] == open[0] && len(f) >= len(open) && strings.TrimSpace(t[len(f):]) == ""
}
