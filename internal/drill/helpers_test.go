package drill

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
)

// t0 is the tests' clock: a Friday morning, UTC.
var t0 = time.Date(2026, 1, 2, 9, 30, 0, 0, time.UTC)

func day(n int) time.Time { return t0.AddDate(0, 0, n) }

var loadPack = sync.OnceValues(func() (*pack.Pack, error) {
	return pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
})

// testPack is the built-in pack (its rubrics) with small banks of its
// own, so the tests do not move when the content is edited.
func testPack(t *testing.T) *pack.Pack {
	t.Helper()
	p, err := loadPack()
	if err != nil {
		t.Fatal(err)
	}
	cp := *p
	cp.Tradeoffs = []pack.Tradeoff{
		{ID: "queue-or-call", Title: "A queue or a direct call", Options: []string{"Direct call", "Queue"}, Dimensions: []string{"latency", "coupling"}, Notes: "A queue moves load in time."},
		{ID: "push-or-pull", Title: "Push or pull", Options: []string{"Push", "Pull"}},
	}
	cp.Exercises = []pack.Exercise{
		{ID: "rate-limiter", Title: "A rate limiter", Kind: "scale", Prompt: "Scale it.", Hints: []string{"Count first."}, Notes: "Redis breaks first."},
		{ID: "design-one", Title: "A design scenario", Kind: "design", Track: "distributed", Prompt: "Design it."},
	}
	cp.Followups = []pack.Followup{
		{ID: "why-db", Question: "Why that database?", Sections: []string{"architecture"}, Topics: []string{"postgres"}},
		{ID: "second-best", Question: "What was the second-best option?", Sections: []string{"tradeoffs"}},
	}
	return &cp
}

func openWS(t *testing.T) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(filepath.Join(t.TempDir(), "ws"), func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// ledgerBody is a story whose Trade-offs hold two decisions and a cost,
// and whose Architecture holds one sentence.
const ledgerBody = `
## Situation

Checkout wrote every ledger entry to one Postgres primary.

## Trade-offs

I chose an outbox and Kafka rather than sharding the balances table, because sharding was risky.
We ruled out an in-memory queue, since a crash would lose entries.
The cost I accepted: balances became eventually consistent.

## Architecture

An outbox table written in the same transaction as the order feeds a relay to Kafka.
`

func saveStory(t *testing.T, ws *workspace.Workspace, title string, rank int, body string) *workspace.Story {
	t.Helper()
	s := &workspace.Story{Meta: workspace.StoryMeta{Title: title, Kind: "star", Rank: rank}, Body: body}
	if err := ws.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	return s
}

func stories(t *testing.T, ws *workspace.Workspace) []workspace.Story {
	t.Helper()
	s, errs := ws.Stories()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return s
}

// chooseAll stands in for followup.Choose: every question, in
// bank order.
func chooseAll(bank []pack.Followup, _ string, _ map[string]bool, n int) []pack.Followup {
	return bank[:min(n, len(bank))]
}

func ids(cards []Card) []string {
	out := []string{}
	for _, c := range cards {
		out = append(out, c.ID)
	}
	return out
}

func itemIDs(items []Item) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Card.ID)
	}
	return out
}
