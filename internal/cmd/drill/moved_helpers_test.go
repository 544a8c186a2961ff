package drill

import (
	"time"

	"github.com/prepcli/prep/prompts"
)

// Helpers the session tests shared, kept for the tests that moved here.

func (s slowPrompter) Select(q prompts.Question, o []string, d int) (int, error) {
	*s.now = s.now.Add(s.per)
	return s.Prompter.Select(q, o, d)
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// slowPrompter is a candidate who takes per to answer each question, on
// the clock the timer reads.
type slowPrompter struct {
	prompts.Prompter
	now *time.Time
	per time.Duration
}
