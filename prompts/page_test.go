package prompts

import (
	"strings"
	"testing"
)

// Survey shows 7 options of a Select and scrolls the others out of sight
// with no sign of them: a "fix a section now" list of ten showed its
// first items only when scrolled back up. Every option is on screen when
// the list fits the terminal; when it does not, the question says so.
func TestSelectShowsEveryOptionOrSaysSo(t *testing.T) {
	ten := []string{"Situation", "Task", "Action", "Result", "Trade-offs", "Lessons", "Architecture", "Contribution", "Follow-ups", "Move on"}
	q := Question{ID: "story.0.fix.0", Message: "Fix a section now, or move on?"}
	for _, rows := range []int{0, 24, 60} {
		p := selectPrompt(q, ten, 9, rows)
		if p.PageSize != len(ten) {
			t.Errorf("%d rows: %d of %d options shown", rows, p.PageSize, len(ten))
		}
		if p.Message != q.Message {
			t.Errorf("%d rows: message %q, want %q", rows, p.Message, q.Message)
		}
	}
	p := selectPrompt(q, ten, 9, 8)
	if p.PageSize >= len(ten) || !strings.Contains(p.Message, "10 choices") {
		t.Errorf("8 rows: page of %d, message %q; want a page that fits and a message naming the 10 choices", p.PageSize, p.Message)
	}
}
