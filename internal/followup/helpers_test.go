package followup

import (
	"sync"
	"testing"
	"time"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
)

// t0 is the clock of the test workspace.
var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

// testBank stands for a pack's follow-up bank, so which follow-ups a story
// gets does not change when the content is edited.
var testBank = []pack.Followup{
	{ID: "why-db", Question: "Why that database and not another?", Sections: []string{"architecture", "tradeoffs"}, Topics: []string{"database", "postgres", "postgresql", "mysql"}, Why: "Whether the choice came from the access patterns."},
	{ID: "why-queue", Question: "Why a queue there?", Sections: []string{"architecture", "tradeoffs"}, Topics: []string{"queue", "kafka"}, Why: "What the queue bought and what it cost."},
	{ID: "k8s", Question: "Did this need Kubernetes?", Sections: []string{"architecture"}, Topics: []string{"kubernetes"}, Why: "Whether the complexity paid for itself."},
	{ID: "differently", Question: "What would you do differently?", Sections: []string{"lessons"}, Why: "Honest reflection."},
	{ID: "second-best", Question: "What was the second-best option?", Sections: []string{"tradeoffs"}, Why: "Whether real alternatives were weighed."},
}

var loadPack = sync.OnceValues(func() (*pack.Pack, error) {
	return pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
})

func testPack(t *testing.T) *pack.Pack {
	t.Helper()
	p, err := loadPack()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
