package sheet

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Whatever a story file holds, the sheet is made: no panic, and the
// story's block is there.
func FuzzRender(f *testing.F) {
	f.Add("## Follow-ups\n\n- __Why?__ Because.\n- **Q: Why not?**\n    A: no.\n")
	f.Add("Q: a\nA:\n\n### \n- \n1) x?\n```\n## Follow-ups\n```\n")
	f.Add("## Result\n\nUp 3%. Down $4. \xff\xfe. ?. !\n\n## Trade-offs\n\nI chose A rather than B.")
	rs, ws := rubrics(f), words(f)
	f.Fuzz(func(t *testing.T, body string) {
		out := Render(Input{
			Now:     time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC),
			Rubrics: rs,
			Words:   ws,
			Stories: []Story{{File: "stories/x.md", Title: "X", Rank: 1, Body: body}, {File: "stories/y.md", Title: "Y", Body: body}},
		})
		if !strings.Contains(out, "### 1. X") {
			t.Errorf("no block for the featured story:\n%s", out)
		}
		if utf8.ValidString(body) && !utf8.ValidString(out) {
			t.Errorf("valid UTF-8 in, invalid out:\n%q", out)
		}
	})
}
