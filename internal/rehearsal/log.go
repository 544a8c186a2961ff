// Package rehearsal keeps the log of spoken rehearsals (prep rehearse)
// in the workspace: when, how long, which beats were said. It is
// practice, kept apart from the stories, which a rehearsal never changes.
package rehearsal

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/workspace"
)

// File is the log, in the workspace.
const File = "rehearsals.yaml"

const header = `# prep rehearse: each spoken rehearsal, oldest first. This is practice:
# your stories are not changed by it. You may edit or delete entries.
`

// Entry is one rehearsal.
type Entry struct {
	Date time.Time `yaml:"date" json:"date"`
	// Story is the story's file name ("ledger.md"); Scenario the
	// technical scenario's id. One of them is set.
	Story    string `yaml:"story,omitempty" json:"story,omitempty"`
	Scenario string `yaml:"scenario,omitempty" json:"scenario,omitempty"`
	Title    string `yaml:"title,omitempty" json:"title,omitempty"`
	// Seconds is the time taken: speaking time from a transcript, or the
	// countdown's elapsed time.
	Seconds int `yaml:"seconds" json:"seconds"`
	Limit   int `yaml:"limit" json:"limit"`
	// Beats and Said count the beats of the cue card, and those said.
	Beats int `yaml:"beats" json:"beats"`
	Said  int `yaml:"said" json:"said"`
	// Missed names the beats not said ("figure", "lesson").
	Missed  []string `yaml:"missed,omitempty,flow" json:"missed,omitempty"`
	WPM     int      `yaml:"wpm,omitempty" json:"wpm,omitempty"`
	Fillers int      `yaml:"fillers,omitempty" json:"fillers,omitempty"`
	// How is how it was checked: "self-check", or the recogniser or
	// transcript file.
	How string `yaml:"how,omitempty" json:"how,omitempty"`
}

type file struct {
	Rehearsals []Entry `yaml:"rehearsals" json:"rehearsals"`
}

const known = "rehearsals, and in each: date, story, scenario, title, seconds, limit, beats, said, missed, wpm, fillers and how"

// Load reads the log; a log not written yet is empty. A log that does
// not parse is an error naming its line, and is never written over.
func Load(ws *workspace.Workspace) ([]Entry, error) {
	data, _, err := ws.ReadFile(File)
	if err != nil {
		return nil, err
	}
	var f file
	if err := workspace.DecodeStrict(ws.Path(File), data, &f, known); err != nil {
		return nil, err
	}
	return f.Rehearsals, nil
}

// Add appends an entry, under the workspace's lock, so two prep
// processes never lose each other's rehearsal.
func Add(ws *workspace.Workspace, e Entry) error {
	unlock, err := ws.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	data, _, err := ws.ReadFile(File)
	if err != nil {
		return workspace.Refused(err)
	}
	var f file
	if err := workspace.DecodeStrict(ws.Path(File), data, &f, known); err != nil {
		return workspace.Refused(err)
	}
	f.Rehearsals = append(f.Rehearsals, e)
	out, err := workspace.EncodeYAML(header, f)
	if err != nil {
		return err
	}
	return ws.WriteFile(File, out)
}

// Of is the entries for one story file name, oldest first.
func Of(entries []Entry, story string) []Entry {
	var out []Entry
	for _, e := range entries {
		if e.Story == story {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return cmp.Compare(a.Date.Unix(), b.Date.Unix()) })
	return out
}

// Line is an entry on one line, as the history shows it:
// "7 Mar 2026  2:31 of 3:00  5 of 6 beats  142 wpm".
func Line(e Entry) string {
	var b strings.Builder
	b.WriteString(e.Date.Local().Format("2 Jan 2006"))
	switch {
	case e.Seconds == 0:
		// A plain text transcript has no times.
		b.WriteString("  untimed")
	case e.Limit > 0:
		fmt.Fprintf(&b, "  %s of %s", clock(e.Seconds), clock(e.Limit))
	default:
		fmt.Fprintf(&b, "  %s", clock(e.Seconds))
	}
	if e.Beats > 0 {
		fmt.Fprintf(&b, "  %d of %d beats", e.Said, e.Beats)
	}
	if e.WPM > 0 {
		fmt.Fprintf(&b, "  %d wpm", e.WPM)
	}
	return b.String()
}

// Summary is a story's rehearsals in a few words, for lists: "3
// rehearsals, last 7 Mar: 2:31, 5 of 6 beats"; "" for none.
func Summary(entries []Entry) string {
	if len(entries) == 0 {
		return ""
	}
	last := entries[len(entries)-1]
	n := "1 rehearsal"
	if len(entries) > 1 {
		n = fmt.Sprintf("%d rehearsals", len(entries))
	}
	s := fmt.Sprintf("%s, last %s", n, last.Date.Local().Format("2 Jan"))
	if last.Seconds > 0 {
		s += ": " + clock(last.Seconds)
	}
	if last.Beats > 0 {
		s += fmt.Sprintf(", %d of %d beats", last.Said, last.Beats)
	}
	return s
}

func clock(s int) string { return fmt.Sprintf("%d:%02d", s/60, s%60) }
