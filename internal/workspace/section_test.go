package workspace

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
)

func TestSetSectionTouchesOnlyItsSection(t *testing.T) {
	tests := []struct {
		name, body, id, text, want string
	}{{
		name: "replaces the text under the heading, keeps the rest",
		body: "Intro I wrote.\n\n## Situation\n\nOld.\nStill old.\n\n## Task\n\nMine.\n",
		id:   "situation", text: "New text.",
		want: "Intro I wrote.\n\n## Situation\n\nNew text.\n\n## Task\n\nMine.\n",
	}, {
		name: "subheadings belong to the section; a higher heading ends it",
		body: "# Story\n\n## Action\n\nOld.\n\n### Detail\n\nOld detail.\n\n# Appendix\n\nKept.\n",
		id:   "action", text: "I rebuilt the queue.",
		want: "# Story\n\n## Action\n\nI rebuilt the queue.\n\n# Appendix\n\nKept.\n",
	}, {
		// Was: a blank line added under the heading. The candidate's
		// layout, text right under its heading, is kept instead.
		name: "any level, any case, trailing colon, emphasis and closing hashes",
		body: "### **result:** ###\nold\n### Next\nkept\n",
		id:   "result", text: "Latency fell 40%.",
		want: "### **result:** ###\nLatency fell 40%.\n\n### Next\nkept\n",
	}, {
		name: "the last section, and a body with no final newline",
		body: "## Situation\n\nS.\n\n## Result\n\nold",
		id:   "result", text: "New.",
		want: "## Situation\n\nS.\n\n## Result\n\nNew.\n",
	}, {
		name: "no final newline is kept when the section is not last",
		body: "## Result\n\nold\n\n## Lessons\n\nL.",
		id:   "result", text: "New.",
		want: "## Result\n\nNew.\n\n## Lessons\n\nL.",
	}, {
		name: "a heading inside fenced code is code, not a section",
		body: "## Action\n\n```md\n## Result\nnot a heading\n```\n\n~~~\n## Result\n~~~\n",
		id:   "result", text: "Done.",
		want: "## Action\n\n```md\n## Result\nnot a heading\n```\n\n~~~\n## Result\n~~~\n\n## Result\n\nDone.\n",
	}, {
		name: "appends after text with no blank line at its end",
		body: "Just notes",
		id:   "situation", text: "Slow.",
		want: "Just notes\n\n## Situation\n\nSlow.\n",
	}, {
		name: "appends after a blank line without adding another",
		body: "Notes.\n\n",
		id:   "situation", text: "Slow.",
		want: "Notes.\n\n## Situation\n\nSlow.\n",
	}, {
		name: "an empty body",
		body: "",
		id:   "situation", text: "\r\n\r\nFirst line.\r\nSecond line.\r\n\r\n",
		want: "## Situation\n\nFirst line.\nSecond line.\n",
	}, {
		name: "an empty text leaves the heading alone",
		body: "## Situation\n\nOld.\n\n## Task\n",
		id:   "situation", text: "  \n",
		want: "## Situation\n\n## Task\n",
	}, {
		// Was: a second "## Result" appended. prep check reads "#Result"
		// as the Result section, so that is where the text goes.
		name: "#Result without a space is the checker's Result too",
		body: "#Result\nold\n",
		id:   "result", text: "New.",
		want: "#Result\nNew.\n",
	}, {
		// Was: only the first replaced, the second kept. The checker reads
		// a label right after its own text as more of the section, so
		// Section shows both and the text set replaces both.
		name: "a heading again right after its text continues the section",
		body: "## Result\n\nFirst.\n\n## Result\n\nSecond.\n\n## Lessons\n\nL.\n",
		id:   "result", text: "Third.",
		want: "## Result\n\nThird.\n\n## Lessons\n\nL.\n",
	}, {
		name: "a label inside its own section's text is part of it",
		body: "## Lessons\n\nMy mistake: no lag alert.\nI now ship the alert first.\n\n## Architecture\n\nA relay.\n",
		id:   "lessons", text: "Mistakes: I shipped without an alert.",
		want: "## Lessons\n\nMistakes: I shipped without an alert.\n\n## Architecture\n\nA relay.\n",
	}, {
		name: "a label marked twice: the sections between its two labels stay",
		body: "## Result\n\nFirst.\n\n## Task\n\nMine.\n\n## Notes\n\nRaw.\n\n## Result\n\nSecond.\n",
		id:   "result", text: "Third.",
		want: "## Result\n\nThird.\n\n## Task\n\nMine.\n\n## Notes\n\nRaw.\n\n## Result\n\nSecond.\n",
	}, {
		name: "indented code is text: its lines stay as typed",
		body: "## Action\n\n    ## not a heading\n",
		id:   "action", text: "    code()\nprose",
		want: "## Action\n\n    code()\nprose\n",
	}, {
		name: "a numbered heading is the section",
		body: "## 1. Situation\n\nOur export took nine hours.\n\n### 2) Task\n\nMake it fast.\n",
		id:   "situation", text: "Our nightly export took nine hours.",
		want: "## 1. Situation\n\nOur nightly export took nine hours.\n\n### 2) Task\n\nMake it fast.\n",
	}, {
		name: "another name for it, from the rubric",
		body: "## Context\n\nOld.\n\n## Outcome\n\nR.\n",
		id:   "situation", text: "New.",
		want: "## Context\n\nNew.\n\n## Outcome\n\nR.\n",
	}, {
		name: "a bold label sharing its line keeps the label and its colon",
		body: "**Situation:** Old, on the label's line.\nAnd the next.\n\n**Task:** T.\n",
		id:   "situation", text: "New.\nSecond line.",
		want: "**Situation:** New.\nSecond line.\n\n**Task:** T.\n",
	}, {
		name: "bold closing after the colon, and text that opens with emphasis",
		body: "**Result**: *old*\n",
		id:   "result", text: "_40%_ faster.",
		want: "**Result**: _40%_ faster.\n",
	}, {
		name: "a Label: line in a list, emptied",
		body: "- Situation: S.\n- Result: it takes 40 minutes now.\n- Lessons: L.\n",
		id:   "result", text: "",
		want: "- Situation: S.\n- Result:\n- Lessons: L.\n",
	}, {
		name: "a letter with a hyphen",
		body: "S- The export was slow.\nT- Make it fast.\nA-I profiled it.\n",
		id:   "action", text: "I split the job.",
		want: "S- The export was slow.\nT- Make it fast.\nA-I split the job.\n",
	}, {
		name: "a label alone on its line, text right under it",
		body: "Situation:\nOld.\n\nTask:\nT.\n",
		id:   "situation", text: "New.",
		want: "Situation:\nNew.\n\nTask:\nT.\n",
	}, {
		name: "an empty bold label gets a blank line and the text",
		body: "**Situation**\n\n**Task**\nT.\n",
		id:   "situation", text: "New.",
		want: "**Situation**\n\nNew.\n\n**Task**\nT.\n",
	}, {
		name: "a setext heading keeps its underline",
		body: "Situation\n---------\nOld.\n\nTask\n----\nT.\n",
		id:   "situation", text: "New.",
		want: "Situation\n---------\nNew.\n\nTask\n----\nT.\n",
	}, {
		name: "an empty setext heading",
		body: "Situation\n=========\n\nTask\n====\nT.\n",
		id:   "situation", text: "New.",
		want: "Situation\n=========\n\nNew.\n\nTask\n====\nT.\n",
	}, {
		name: "fenced code in the section goes whole, closing fence too",
		body: "## Action\n\nI wrote:\n```go\nsplit()\n```\n\n## Result\n\nR.\n",
		id:   "action", text: "I split the job.",
		want: "## Action\n\nI split the job.\n\n## Result\n\nR.\n",
	}, {
		name: "a template's prompt under a heading with a placeholder",
		body: "## Situation\n<!-- what was at stake? -->\nTODO\n\n## Task\n",
		id:   "situation", text: "New.",
		want: "## Situation\nNew.\n\n## Task\n",
	}, {
		name: "a comment opened on the label's line stays whole",
		body: "## Situation <!-- what\nwas at stake? -->\nOld.\n\n## Task\n",
		id:   "situation", text: "New.",
		want: "## Situation <!-- what\nwas at stake? -->\nNew.\n\n## Task\n",
	}, {
		name: "a fence left open at the end is closed before a heading is added",
		body: "## Action\n\n```\nsplit()\n",
		id:   "result", text: "Done.",
		want: "## Action\n\n```\nsplit()\n```\n\n## Result\n\nDone.\n",
	}, {
		name: "a section with no label is added under its title",
		body: "## Situation\n\nS.\n",
		id:   "followups", text: "- **Why Kafka?** Ordering.",
		want: "## Situation\n\nS.\n\n## Follow-ups\n\n- **Why Kafka?** Ordering.\n",
	}}
	r := rubric(t, "star")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := setSection(tt.body, r, tt.id, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("setSection (-want +got):\n%s", diff)
			}
			// What the checker reads is what was set, once.
			doc := &document.Doc{Name: "s.md", Body: got, BodyLine: 1}
			sec, ok := sections.FindMarked(doc, r).Section(tt.id)
			if !ok || sec.Text == "" && strings.TrimSpace(tt.text) != "" {
				t.Errorf("the checker does not find %s in %q", tt.id, got)
			}
		})
	}
}

// A session on a story marked the ways candidates mark it ("## 1.
// Situation", "**Situation:**", "## Context") edits the section where it
// is and adds no second "## Situation"; the checker then reads the new
// text as the Situation.
func TestSetSectionEditsInPlaceWhereverTheLabelIs(t *testing.T) {
	tests := []struct{ name, body, want string }{{
		name: "numbered heading",
		body: "## 1. Situation\n\nTODO\n\n## 2. Task\n\nMake it fast.\n",
		want: "## 1. Situation\n\nThe nightly export took nine hours.\n\n## 2. Task\n\nMake it fast.\n",
	}, {
		name: "bold label on the text's line",
		body: "**Situation:** slow.\n\n**Task:** Make it fast.\n",
		want: "**Situation:** The nightly export took nine hours.\n\n**Task:** Make it fast.\n",
	}, {
		name: "another name",
		body: "## Context\n\nSlow.\n\n## Task\n\nMake it fast.\n",
		want: "## Context\n\nThe nightly export took nine hours.\n\n## Task\n\nMake it fast.\n",
	}}
	r := rubric(t, "star")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _ := newWS(t)
			path := put(t, w, "stories/export.md", "---\ntitle: Export\n---\n"+tt.body)
			s, err := w.Story("export")
			if err != nil {
				t.Fatal(err)
			}
			if err := w.SetSection(s, r, "situation", "The nightly export took nine hours."); err != nil {
				t.Fatal(err)
			}
			doc, err := document.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, doc.Body); diff != "" {
				t.Errorf("story body (-want +got):\n%s", diff)
			}
			if n := strings.Count(strings.ToLower(doc.Body), "situation"); n > 1 {
				t.Errorf("the story names its Situation %d times:\n%s", n, doc.Body)
			}
			sec, ok := sections.Find(doc, r).Section("situation")
			if !ok || sec.Text != "The nightly export took nine hours." {
				t.Errorf("prep check reads the Situation as %q, %v", sec.Text, ok)
			}
			got, ok := s.Section(r, "situation")
			if !ok || got != "The nightly export took nine hours." {
				t.Errorf("Section(situation) = %q, %v", got, ok)
			}
		})
	}
}

func TestSetSectionSavesAndKeepsEditsMadeInAnEditor(t *testing.T) {
	w, c := newWS(t)
	r := rubric(t, "star")
	s := &Story{Meta: StoryMeta{Title: "Search"}}
	if err := w.SetSection(s, r, "situation", "Search took 4 s."); err != nil {
		t.Fatal(err)
	}
	if err := w.SetSection(s, r, "task", "Make it fast."); err != nil {
		t.Fatal(err)
	}
	// The candidate adds a line to the Situation in an editor, then
	// answers the next question in the session.
	editor := strings.Replace(get(t, s.Path), "Search took 4 s.", "Search took 4 s.\nUsers left.", 1)
	put(t, w, "stories/search.md", editor)
	c.add(90 * time.Minute)
	if err := w.SetSection(s, r, "task", "Make it fast, in a quarter."); err != nil {
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
	got, ok := s.Section(r, "situation")
	if !ok || got != "Search took 4 s.\nUsers left." {
		t.Errorf("Section(situation) = %q, %v; the editor's line should be in the story", got, ok)
	}
	if _, ok := s.Section(r, "result"); ok {
		t.Error("Section(result) found a section that is not there")
	}
	if err := w.SetSection(s, r, "nonsense", "x"); err == nil {
		t.Error("SetSection set a section the rubric does not have")
	}
}

// Section reads what the label holds, as SetSection would replace it.
func TestSectionReadsTheLabelsOwnText(t *testing.T) {
	r := rubric(t, "star")
	body := "## 1. Situation\n\n- Nine hours.\n- Into business hours.\n\n## Notes\n\nraw\n\nResult: it takes 40 minutes now.\nStill the result.\n\n### 2) Task\n"
	for _, tt := range []struct {
		id, want string
		ok       bool
	}{
		{"situation", "- Nine hours.\n- Into business hours.", true},
		{"result", "it takes 40 minutes now.\nStill the result.", true},
		{"task", "", true},
		{"lessons", "", false},
	} {
		got, ok := (&Story{Body: body}).Section(r, tt.id)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Section(%s) = %q, %v; want %q, %v", tt.id, got, ok, tt.want, tt.ok)
		}
	}
}

// Setting a section twice gives what setting it once gave, and Section
// reads back the text set, whatever the body around it.
func FuzzSetSection(f *testing.F) {
	f.Add("## Situation\n\nold\n\n## Task\n\nT\n", uint8(0), "new")
	f.Add("```\n## Result\n```\n", uint8(3), "R")
	f.Add("# A\n## 1. Situation\n### C\ntext", uint8(0), "x\n\ny")
	f.Add("", uint8(5), "")
	f.Add("~~~~\n~~~\n## Result\n~~~~\n## Result\n", uint8(3), "z")
	f.Add("**Result:** old\nmore\n\nContext: c\n", uint8(3), "a\nb")
	f.Add("Situation\n---\nold\n", uint8(0), "new")
	f.Add("## Action <!-- do\n-->\nx\n", uint8(2), "y")
	r := rubric(f, "star")
	f.Fuzz(func(t *testing.T, body string, which uint8, text string) {
		id := r.Sections[int(which)%len(r.Sections)].ID
		if !plainText(r, text) {
			return // text that marks sections or opens code changes what it is in
		}
		once, err := setSection(body, r, id, text)
		if err != nil {
			t.Fatal(err)
		}
		twice, _ := setSection(once, r, id, text)
		if twice != once {
			t.Fatalf("not idempotent:\nonce:  %q\ntwice: %q", once, twice)
		}
		got, ok := sectionText(once, r, id)
		want := strings.Join(textLines(text), "\n")
		if !ok || trimLines(got) != trimLines(want) {
			t.Fatalf("in %q\nSection = %q, %v; want %q", once, got, ok, want)
		}
	})
}

// plainText reports text that, set as a section, stays that section's
// text: no line of it is a label, a heading, a fence, a comment, a rule
// or indented code, and it does not start with what could end a label.
func plainText(r *pack.Rubric, text string) bool {
	lines := textLines(text)
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if t != line || strings.ContainsAny(t, "#`~<>=|\r*_:-—–：") || !utf8.ValidString(t) {
			return false
		}
		doc := &document.Doc{Name: "t.md", Body: "\n" + t + "\n", BodyLine: 1}
		if len(sections.FindMarked(doc, r).Sections) > 0 {
			return false
		}
	}
	return true
}

func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	return strings.Join(lines, "\n")
}
