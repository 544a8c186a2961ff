package followup

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseFollowups(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Followup
	}{
		{
			name: "bold questions, as prep writes them",
			text: "\n- **Why Kafka and not SQS?** Ordering per merchant.\n- **What breaks at 100x?** The relay: one process.\n",
			want: []Followup{{"Why Kafka and not SQS?", "Ordering per merchant."}, {"What breaks at 100x?", "The relay: one process."}},
		},
		{
			name: "the guided session's form: the answer indented under the question",
			text: "- **Why that database? What would have made you pick another?**\n    Postgres held the orders,\n    and the outbox needed its transactions.\n\n    - one more point\n- **What breaks first at 100x?**\n    The relay.\n",
			want: []Followup{
				{"Why that database? What would have made you pick another?", "Postgres held the orders, and the outbox needed its transactions. one more point"},
				{"What breaks first at 100x?", "The relay."},
			},
		},
		{
			name: "plain questions with the answer after the mark",
			text: "- Why Kafka and not SQS? Ordering per merchant.\n* How did you measure it? p99 from the load balancer's logs.\n",
			want: []Followup{{"Why Kafka and not SQS?", "Ordering per merchant."}, {"How did you measure it?", "p99 from the load balancer's logs."}},
		},
		{
			name: "Q: and A: lines, a blank line between pairs",
			text: "Q: Why Kafka?\nA: Ordering per merchant,\nand replay after a crash.\n\nQ: What would you change?\n\nA: Ship the lag alert first.\n",
			want: []Followup{{"Why Kafka?", "Ordering per merchant, and replay after a crash."}, {"What would you change?", "Ship the lag alert first."}},
		},
		{
			name: "Q: and A: on one list item",
			text: "- Q: Why Kafka? A: Ordering.\n",
			want: []Followup{{"Why Kafka?", "Ordering."}},
		},
		{
			name: "answer in a nested item or an indented line",
			text: "1. Why not shard the table?\n   - The migration was too risky before the peak.\n2. **Why an outbox?**\n   It commits with the order, so nothing is lost.\n",
			want: []Followup{{"Why not shard the table?", "The migration was too risky before the peak."}, {"Why an outbox?", "It commits with the order, so nothing is lost."}},
		},
		{
			name: "questions as sub-headings",
			text: "### Why Kafka and not SQS?\n\nOrdering per merchant.\n\n### What breaks first at 100x?\nThe relay.\n",
			want: []Followup{{"Why Kafka and not SQS?", "Ordering per merchant."}, {"What breaks first at 100x?", "The relay."}},
		},
		{
			name: "a question not answered yet",
			text: "- **Why not Postgres full-text search?**\n- What happens when the broker is down?\n",
			want: []Followup{{"Why not Postgres full-text search?", ""}, {"What happens when the broker is down?", ""}},
		},
		{
			name: "a bold question with a colon and a dash",
			text: "- **Why Kafka?**: ordering.\n- **Why an outbox?** — atomic with the order.\n",
			want: []Followup{{"Why Kafka?", "ordering."}, {"Why an outbox?", "atomic with the order."}},
		},
		{
			name: "bare paragraphs",
			text: "Why Kafka? Ordering per merchant.\n\nWhy not SQS?\n\nNo ordering across a merchant's messages.\n",
			want: []Followup{{"Why Kafka?", "Ordering per merchant."}, {"Why not SQS?", "No ordering across a merchant's messages."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Parse(tt.text)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
