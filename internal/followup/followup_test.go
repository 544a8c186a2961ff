package followup

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
)

func TestChooseFollowups(t *testing.T) {
	ids := func(fs []pack.Followup) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.ID)
		}
		return out
	}
	tests := []struct {
		name string
		text string
		weak map[string]bool
		n    int
		want []string
	}{
		{"topics first, then the general ones in bank order",
			"We moved writes to Kafka and kept PostgreSQL as the database.", nil, 3,
			[]string{"why-db", "why-queue", "differently"}},
		{"a topic is a whole word, any case and punctuation",
			"The queues were fine; the Queue, though, was not.", nil, 2,
			[]string{"why-queue", "differently"}},
		{"a weak section lifts the questions that probe it",
			"A story about nothing in particular.", map[string]bool{"tradeoffs": true}, 2,
			[]string{"second-best", "differently"}},
		{"questions about something else come only when nothing else is left",
			"Plain text.", nil, 4,
			[]string{"differently", "second-best", "why-db", "why-queue"}},
		{"more wanted than the bank holds",
			"Kubernetes everywhere.", nil, 9,
			[]string{"k8s", "differently", "second-best", "why-db", "why-queue"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(Choose(testBank, tc.text, tc.weak, tc.n))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSetFollowup(t *testing.T) {
	const q1, q2 = "Why Postgres?", "What broke?"
	tests := []struct {
		name, section, question, answer, want string
	}{
		{"into an empty section", "", q1, "Transactions.", "- **Why Postgres?**\n    Transactions."},
		{"after the candidate's own notes",
			"Notes of mine.\n", q2, "The relay.",
			"Notes of mine.\n\n- **What broke?**\n    The relay."},
		{"replacing an answer in place, the rest kept",
			"- **Why Postgres?**\n    Old answer\n    on two lines.\n\n- **What broke?**\n    The relay.\n\nA closing note.",
			q1, "New answer.",
			"- **Why Postgres?**\n    New answer.\n\n- **What broke?**\n    The relay.\n\nA closing note."},
		{"an empty answer keeps the question",
			"", q1, "", "- **Why Postgres?**"},
		{"several paragraphs",
			"", q1, "One.\n\nTwo.", "- **Why Postgres?**\n    One.\n\n    Two."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Set(tc.section, tc.question, tc.answer)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("section (-want +got):\n%s", diff)
			}
			back, ok := Answer(got, tc.question)
			if !ok || back != tc.answer {
				t.Errorf("read back %q, %v; want %q", back, ok, tc.answer)
			}
		})
	}
}

// An answer that looks like Markdown structure stays inside its item: the
// story's other sections are not cut apart by it.
func TestFollowupAnswerCannotBreakTheStory(t *testing.T) {
	dir := t.TempDir()
	ws, err := workspace.Open(dir, func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	st := &workspace.Story{Meta: workspace.StoryMeta{Title: "T"}, Body: "## Follow-ups\n\n## Result\n\nFast.\n"}
	if err := ws.SaveStory(st); err != nil {
		t.Fatal(err)
	}
	answer := "## Result\n```\ncode\n```\nLast line."
	star, _ := testPack(t).Rubric(workspace.KindStar)
	text, _ := st.Section(star, "followups")
	if err := ws.SetSection(st, star, "followups", Set(text, "Q?", answer)); err != nil {
		t.Fatal(err)
	}
	back, err := ws.Story(st.Name())
	if err != nil {
		t.Fatal(err)
	}
	res, _ := back.Section(star, "result")
	fu, _ := back.Section(star, "followups")
	got, _ := Answer(fu, "Q?")
	if res != "Fast." || got != answer {
		t.Errorf("Result = %q, answer = %q; want %q and %q", res, got, "Fast.", answer)
	}
}

// What Set writes, Answered counts: an item with an answer counts, one
// with an empty answer does not.
func TestAnsweredCountsWhatSetWrites(t *testing.T) {
	text := Set("", "Why Postgres?", "Transactions.")
	text = Set(text, "What broke?", "")
	text = Set(text, "What next?", "Shard it.\n\nLater.")
	if got := Answered(text); got != 2 {
		t.Errorf("Answered = %d, want 2 in:\n%s", got, text)
	}
}

// A section written by hand in "Q:"/"A:" lines is counted as the sheet
// reads it: status and the sheet agree.
func TestAnsweredReadsAsTheSheetDoes(t *testing.T) {
	text := "Q: Why not Kafka?\nA: Ordering per merchant was enough.\n\nQ: What would you change?\n"
	got, want := Answered(text), 0
	for _, f := range Parse(text) {
		if f.Answer != "" {
			want++
		}
	}
	if got != 1 || got != want {
		t.Errorf("Answered = %d, Parse finds %d answered; want 1 and 1", got, want)
	}
}
