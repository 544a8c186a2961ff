package workspace

import (
	"errors"
	"strings"
)

// SetSection sets the text under the heading title in the story's body and
// saves the story. The first Markdown heading (# to ######, any level)
// whose text is title, ignoring case, spacing, a trailing colon and
// emphasis, keeps its line; what lies under it up to the next heading of
// the same or a higher level is replaced by text. With no such heading, a
// "## title" section is added at the end. Everything else in the body
// stays byte for byte; headings inside fenced code do not count.
//
// When the file changed on disk since s was read (the candidate edited it
// in an editor meanwhile), the section is set in the file's new version
// and *s becomes that: the candidate's edits and the new text are both
// kept. A file that does not parse is not touched (a ParseError, Refused).
func (w *Workspace) SetSection(s *Story, title, text string) error {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return errors.New("a section needs a title, such as Situation or Result")
	}
	unlock, err := w.Lock()
	if err != nil {
		return err
	}
	defer unlock()
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
	}
	body := setSection(s.Body, title, text)
	old := s.Body
	s.Body = body
	if err := w.save(s); err != nil {
		s.Body = old
		return err
	}
	return nil
}

// Section returns the text under the heading title, as SetSection finds
// it, without the blank lines around it; ok is false with no such heading.
func (s *Story) Section(title string) (text string, ok bool) {
	lines := splitLines(s.Body)
	start, end, ok := findSection(lines, strings.Join(strings.Fields(title), " "))
	if !ok {
		return "", false
	}
	return strings.Trim(strings.Join(lines[start+1:end], "\n"), "\n"), true
}

// setSection is SetSection on a body in memory.
func setSection(body, title, text string) string {
	block := sectionLines(text)
	lines := splitLines(body)
	start, end, ok := findSection(lines, title)
	var out []string
	if ok {
		out = append(out, lines[:start+1]...)
		out = append(out, block...)
		if end < len(lines) {
			out = append(out, "")
			out = append(out, lines[end:]...)
		}
		s := strings.Join(out, "\n")
		if end < len(lines) && body != "" && !strings.HasSuffix(body, "\n") {
			return s // the body had no final newline, and still has none
		}
		return s + "\n"
	}
	out = lines
	if len(out) > 0 && strings.TrimSpace(out[len(out)-1]) != "" {
		out = append(out, "")
	}
	out = append(out, "## "+title)
	out = append(out, block...)
	return strings.Join(out, "\n") + "\n"
}

// sectionLines is text as the lines under a heading: a blank line, then
// the text without blank lines around it; nothing for an empty text.
func sectionLines(text string) []string {
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
	return append([]string{""}, lines...)
}

// splitLines splits a body into lines, the final newline ending the last
// line rather than starting an empty one.
func splitLines(body string) []string {
	if body == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(body, "\n"), "\n")
}

// findSection finds the heading title: its line, and the line of the next
// heading of the same or a higher level (or len(lines)).
func findSection(lines []string, title string) (start, end int, ok bool) {
	want := headingKey(title)
	var fence string
	level := 0
	start = -1
	for i, line := range lines {
		if f, ok := fenceMark(line); ok {
			switch {
			case fence == "":
				fence = f
			case closesFence(line, fence):
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		l, text, ok := atxHeading(line)
		if !ok {
			continue
		}
		if start < 0 {
			if headingKey(text) == want {
				start, level = i, l
			}
		} else if l <= level {
			return start, i, true
		}
	}
	if start < 0 {
		return -1, -1, false
	}
	return start, len(lines), true
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

// atxHeading reads "## Text ##" (indented at most three spaces).
func atxHeading(line string) (level int, text string, ok bool) {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return 0, "", false
	}
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 {
		return 0, "", false
	}
	rest := t[level:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, "", false
	}
	rest = strings.TrimSpace(rest)
	// A closing run of #, after a space, is not part of the text.
	if trimmed := strings.TrimRight(rest, "#"); trimmed != rest && (trimmed == "" || strings.HasSuffix(trimmed, " ") || strings.HasSuffix(trimmed, "\t")) {
		rest = strings.TrimSpace(trimmed)
	}
	return level, rest, true
}

// headingKey is how headings are compared: "**Result:**" and "result"
// are one heading.
func headingKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	for {
		t := strings.TrimSpace(strings.TrimSuffix(strings.Trim(s, "*_"), ":"))
		if t == s {
			return s
		}
		s = t
	}
}
