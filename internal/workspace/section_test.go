package workspace

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSetSectionTouchesOnlyItsSection(t *testing.T) {
	tests := []struct {
		name, body, title, text, want string
	}{{
		name:  "replaces the text under the heading, keeps the rest",
		body:  "Intro I wrote.\n\n## Situation\n\nOld.\nStill old.\n\n## Task\n\nMine.\n",
		title: "Situation", text: "New text.",
		want: "Intro I wrote.\n\n## Situation\n\nNew text.\n\n## Task\n\nMine.\n",
	}, {
		name:  "subheadings belong to the section; a higher heading ends it",
		body:  "# Story\n\n## Action\n\nOld.\n\n### Detail\n\nOld detail.\n\n# Appendix\n\nKept.\n",
		title: "Action", text: "I rebuilt the queue.",
		want: "# Story\n\n## Action\n\nI rebuilt the queue.\n\n# Appendix\n\nKept.\n",
	}, {
		name:  "any level, any case, trailing colon, emphasis and closing hashes",
		body:  "### **result:** ###\nold\n### Next\nkept\n",
		title: "Result", text: "Latency fell 40%.",
		want: "### **result:** ###\n\nLatency fell 40%.\n\n### Next\nkept\n",
	}, {
		name:  "the last section, and a body with no final newline",
		body:  "## Situation\n\nS.\n\n## Result\n\nold",
		title: "Result", text: "New.",
		want: "## Situation\n\nS.\n\n## Result\n\nNew.\n",
	}, {
		name:  "no final newline is kept when the section is not last",
		body:  "## Result\n\nold\n\n## Lessons\n\nL.",
		title: "Result", text: "New.",
		want: "## Result\n\nNew.\n\n## Lessons\n\nL.",
	}, {
		name:  "a heading inside fenced code is code, not a section",
		body:  "## Action\n\n```md\n## Result\nnot a heading\n```\n\n~~~\n## Result\n~~~\n",
		title: "Result", text: "Done.",
		want: "## Action\n\n```md\n## Result\nnot a heading\n```\n\n~~~\n## Result\n~~~\n\n## Result\n\nDone.\n",
	}, {
		name:  "appends after text with no blank line at its end",
		body:  "Just notes",
		title: "Situation", text: "S.",
		want: "Just notes\n\n## Situation\n\nS.\n",
	}, {
		name:  "appends after a blank line without adding another",
		body:  "Notes.\n\n",
		title: "Situation", text: "S.",
		want: "Notes.\n\n## Situation\n\nS.\n",
	}, {
		name:  "an empty body",
		body:  "",
		title: "Situation", text: "\r\n\r\nFirst line.\r\nSecond line.\r\n\r\n",
		want: "## Situation\n\nFirst line.\nSecond line.\n",
	}, {
		name:  "an empty text leaves the heading alone",
		body:  "## Situation\n\nOld.\n\n## Task\n",
		title: "Situation", text: "  \n",
		want: "## Situation\n\n## Task\n",
	}, {
		name:  "#Result without a space is not a heading",
		body:  "#Result\nold\n",
		title: "Result", text: "New.",
		want: "#Result\nold\n\n## Result\n\nNew.\n",
	}, {
		name:  "only the first of two headings of that name",
		body:  "## Result\n\nA.\n\n## Result\n\nB.\n",
		title: "Result", text: "C.",
		want: "## Result\n\nC.\n\n## Result\n\nB.\n",
	}, {
		name:  "indented code is text: its lines stay as typed",
		body:  "## Action\n\n    ## not a heading\n",
		title: "Action", text: "    code()\nprose",
		want: "## Action\n\n    code()\nprose\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := setSection(tt.body, tt.title, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("setSection (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSetSectionSavesAndKeepsEditsMadeInAnEditor(t *testing.T) {
	w, c := newWS(t)
	s := &Story{Meta: StoryMeta{Title: "Search"}}
	if err := w.SetSection(s, "Situation", "Search took 4 s."); err != nil {
		t.Fatal(err)
	}
	if err := w.SetSection(s, "Task", "Make it fast."); err != nil {
		t.Fatal(err)
	}
	// The candidate adds a line to the Situation in an editor, then
	// answers the next question in the session.
	editor := strings.Replace(get(t, s.Path), "Search took 4 s.", "Search took 4 s.\nUsers left.", 1)
	put(t, w, "stories/search.md", editor)
	c.add(90 * time.Minute)
	if err := w.SetSection(s, "Task", "Make it fast, in a quarter."); err != nil {
		t.Fatal(err)
	}
	want := `---
title: Search
kind: star
rank: 0
created: 2026-01-02T15:04:05Z
updated: 2026-01-02T16:34:05Z
---

## Situation

Search took 4 s.
Users left.

## Task

Make it fast, in a quarter.
`
	if diff := cmp.Diff(want, get(t, s.Path)); diff != "" {
		t.Errorf("file (-want +got):\n%s", diff)
	}
	got, ok := s.Section("situation")
	if !ok || got != "Search took 4 s.\nUsers left." {
		t.Errorf("Section(situation) = %q, %v; the editor's line should be in the story", got, ok)
	}
	if _, ok := s.Section("Result"); ok {
		t.Error("Section(Result) found a section that is not there")
	}
}

// Setting a section twice gives what setting it once gave, and Section
// reads back the text set, whatever the body around it.
func FuzzSetSection(f *testing.F) {
	f.Add("## Situation\n\nold\n\n## Task\n\nT\n", "Situation", "new")
	f.Add("```\n## Result\n```\n", "Result", "R")
	f.Add("# A\n## B\n### C\ntext", "b", "x\n\ny")
	f.Add("", "Lessons", "")
	f.Add("~~~~\n~~~\n## X\n~~~~\n## X\n", "X", "z")
	f.Fuzz(func(t *testing.T, body, title, text string) {
		title = strings.Join(strings.Fields(title), " ")
		once := setSection(body, title, text)
		if title == "" || strings.ContainsAny(title, "\r") || unclosedFence(splitLines(once)) {
			return // a heading appended inside an open fence is code
		}
		if _, txt, ok := atxHeading("## " + title); !ok || headingKey(txt) != headingKey(title) {
			return // a title that is not read back as itself, like "#"
		}
		for _, line := range splitLines(strings.ReplaceAll(text, "\r", "\n")) {
			if _, _, ok := atxHeading(line); ok {
				return // a heading in the text starts a section of its own
			}
			if _, ok := fenceMark(line); ok {
				return
			}
		}
		twice := setSection(once, title, text)
		if twice != once {
			t.Fatalf("not idempotent:\nonce:  %q\ntwice: %q", once, twice)
		}
		s := Story{Body: once}
		got, ok := s.Section(title)
		want := strings.Join(sectionLines(text), "\n")
		want = strings.TrimPrefix(want, "\n")
		if !ok || got != want {
			t.Fatalf("Section = %q, %v; want %q", got, ok, want)
		}
	})
}

// unclosedFence reports a fenced code block still open at the end.
func unclosedFence(lines []string) bool {
	fence := ""
	for _, line := range lines {
		if f, ok := fenceMark(line); ok {
			switch {
			case fence == "":
				fence = f
			case closesFence(line, fence):
				fence = ""
			}
		}
	}
	return fence != ""
}
