package drill

import (
	"strings"

	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// LogFile is the day's drill log, slash-separated in the workspace:
// practice/drills-2026-01-10.md. It keeps every trade-off and follow-up
// answer of the day, each on disk before the next card is shown.
func LogFile(day Day) string { return workspace.PracticeDir + "/drills-" + day.String() + ".md" }

// LogEntry is one card's entry in a day's log. Every field is one line.
type LogEntry struct {
	Card    string // the card's id: the entry's key
	Title   string // its heading
	Asked   string // the question as it was put
	Answer  string
	Earlier string // the prepared follow-up answer the new one replaced in the story, when the candidate chose to
	Grade   string // "Good; next review on 2026-01-13"
}

// The entry's fields as the file labels them, in order.
var logFields = []struct {
	label string
	field func(*LogEntry) *string
}{
	{"Asked", func(e *LogEntry) *string { return &e.Asked }},
	{"Answer", func(e *LogEntry) *string { return &e.Answer }},
	{"Earlier answer", func(e *LogEntry) *string { return &e.Earlier }},
	{"Grade", func(e *LogEntry) *string { return &e.Grade }},
}

func cardMarker(id string) string { return "<!-- card: " + id + " -->" }

// ReadLogEntry reads card id's entry in the day's log.
func ReadLogEntry(ws *workspace.Workspace, day Day, id string) (LogEntry, bool, error) {
	data, _, err := ws.ReadFile(LogFile(day))
	if err != nil {
		return LogEntry{}, false, err
	}
	lines := splitLines(string(data))
	start, end, ok := findEntry(lines, id)
	if !ok {
		return LogEntry{}, false, nil
	}
	e := LogEntry{Card: id, Title: strings.TrimSpace(strings.TrimPrefix(lines[start], "##"))}
	for _, l := range lines[start:end] {
		for _, f := range logFields {
			if v, ok := strings.CutPrefix(l, "**"+f.label+":** "); ok {
				*f.field(&e) = v
			}
		}
	}
	return e, true, nil
}

// SaveLogEntry writes e into the day's log: in place of the card's entry
// when the log has one, else at its end. Everything else in the file
// stays as it is.
func SaveLogEntry(ws *workspace.Workspace, day Day, e LogEntry) error {
	unlock, err := ws.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	rel := LogFile(day)
	data, exists, err := ws.ReadFile(rel)
	if err != nil {
		return workspace.Refused(err)
	}
	lines := splitLines(string(data))
	if !exists || strings.TrimSpace(string(data)) == "" {
		lines = []string{"# Drills on " + day.String(), ""}
	}
	block := e.lines()
	if start, end, ok := findEntry(lines, e.Card); ok {
		lines = append(lines[:start:start], append(block, lines[end:]...)...)
	} else {
		for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1]
		}
		lines = append(lines, "")
		lines = append(lines, block...)
	}
	out := strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
	return ws.WriteFile(rel, []byte(out))
}

// lines renders the entry, with a blank line after it.
func (e LogEntry) lines() []string {
	out := []string{"## " + text.CleanLine(e.Title), cardMarker(e.Card), ""}
	for _, f := range logFields {
		if v := text.CleanLine(*f.field(&e)); v != "" {
			out = append(out, "**"+f.label+":** "+v, "")
		}
	}
	return out
}

// findEntry finds card id's entry: from its heading to the next heading
// of the same level (or the end).
func findEntry(lines []string, id string) (start, end int, ok bool) {
	mark := cardMarker(id)
	at := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == mark {
			at = i
			break
		}
	}
	if at < 1 || !strings.HasPrefix(lines[at-1], "## ") {
		return 0, 0, false
	}
	end = len(lines)
	for i := at + 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "## ") {
			end = i
			break
		}
	}
	return at - 1, end, true
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(s, "\r\n", "\n"), "\n"), "\n")
}
