package packdoc

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/pack"
)

// A reference reads in a terminal: its title once, headings underlined,
// paragraphs and list items refilled, tables and code kept line for line.
func TestReferenceMarkdown(t *testing.T) {
	var b strings.Builder
	err := Reference(&b, Width, &pack.Reference{
		Title:   "Fundamentals",
		Summary: "Numbers to know.",
		Text: "# Fundamentals\n\nSome **bold** words,\nwrapped by the author.\n\n## Latency\n\n| Op | Time |\n|---|---|\n| RAM | 100 ns |\n\n" +
			"- one item that is long enough to need wrapping when the width is small enough\n- two\n\n```\ncode  stays\n```\nAfter.\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `Fundamentals
Numbers to know.

Some bold words, wrapped by the author.

Latency
-------

  | Op | Time |
  |---|---|
  | RAM | 100 ns |

  - one item that is long enough to need wrapping when the width is small
    enough
  - two

    code  stays

After.

`
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// An example shows each note as the words quoted and what they tell.
func TestExampleNotes(t *testing.T) {
	var b strings.Builder
	err := Example(&b, Width, &pack.Example{Title: "T", Kind: "star", Strength: "strong", Text: "We cut p99 to 210 ms.",
		Notes: []pack.Note{{Quote: "cut p99 to 210 ms", Hears: "A figure they can check."}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "  - \u201ccut p99 to 210 ms\u201d \u2014 A figure they can check.\n") {
		t.Errorf("the note is not shown as quote — what the interviewer hears:\n%s", b.String())
	}
}
