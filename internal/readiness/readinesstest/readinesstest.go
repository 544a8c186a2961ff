// Package readinesstest holds the pack the readiness figures are tested
// against, shared by the readiness package's tests and prep status's.
// Only tests import it.
package readinesstest

import (
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/pack/compiled"
)

// Pack is the built-in pack with small banks of its own, so the figures
// the tests expect do not move when the content is edited.
func Pack() *pack.Pack {
	p := compiled.Embedded()
	p.Tradeoffs = []pack.Tradeoff{
		{ID: "queue-or-call", Title: "A queue or a direct call", Options: []string{"Direct call", "Queue"}},
		{ID: "push-or-pull", Title: "Push or pull", Options: []string{"Push", "Pull"}},
	}
	p.Exercises = []pack.Exercise{{ID: "rate-limiter", Title: "A rate limiter", Kind: "scale", Prompt: "Scale it."}}
	p.Followups = []pack.Followup{
		{ID: "why-db", Question: "Why that database?", Sections: []string{"architecture"}, Topics: []string{"postgresql"}},
		{ID: "second-best", Question: "What was the second-best option?", Sections: []string{"tradeoffs"}},
	}
	return p
}
