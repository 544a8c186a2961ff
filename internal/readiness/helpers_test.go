package readiness

import (
	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
)

// testPack is the built-in pack with small banks of its own, so the
// figures do not move when the content is edited (as prep status's tests
// have it).
func testPack() (*pack.Pack, error) {
	p, err := pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		return nil, err
	}
	p.Tradeoffs = []pack.Tradeoff{
		{ID: "queue-or-call", Title: "A queue or a direct call", Options: []string{"Direct call", "Queue"}},
		{ID: "push-or-pull", Title: "Push or pull", Options: []string{"Push", "Pull"}},
	}
	p.Exercises = []pack.Exercise{{ID: "rate-limiter", Title: "A rate limiter", Kind: "scale", Prompt: "Scale it."}}
	p.Followups = []pack.Followup{
		{ID: "why-db", Question: "Why that database?", Sections: []string{"architecture"}, Topics: []string{"postgresql"}},
		{ID: "second-best", Question: "What was the second-best option?", Sections: []string{"tradeoffs"}},
	}
	return p, nil
}
