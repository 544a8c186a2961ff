package sheet

import (
	"testing"

	"github.com/prepcli/prep/internal/pack"
)

// The pitch headings and the words that mark a choice and a lesson are
// the pack's: a company's pack that rewords them is read by its words.
func TestCardReadsByThePacksWords(t *testing.T) {
	var star *pack.Rubric
	for _, r := range rubrics(t) {
		if r.ID == "star" {
			star = &r
		}
	}
	body := "## In short\n\nMoved the ledger off the batch job.\n\n" +
		"## Trade-offs\n\nKafka was the team's default. We settled for Postgres over Kafka because the outbox needed transactions.\n\n" +
		"## Lessons\n\nThe rollout took a week. The habit I kept is to measure the lag first.\n"
	builtIn := CardOf(body, star, words(t))
	if builtIn.Pitch == "Moved the ledger off the batch job." {
		t.Errorf("built-in words: pitch %q, taken from \"In short\", not a built-in pitch heading", builtIn.Pitch)
	}
	if want := "Kafka was the team's default."; builtIn.Decision != want {
		t.Errorf("built-in words: decision %q, want the first sentence %q (no built-in choice word)", builtIn.Decision, want)
	}
	own := pack.Sheet{PitchTitles: []string{"In Short"}, ChoiceWords: []string{"settled for"}, LearnWords: []string{"the habit i kept"}}
	c := CardOf(body, star, own)
	if want := "Moved the ledger off the batch job."; c.Pitch != want {
		t.Errorf("pack's words: pitch %q, want %q", c.Pitch, want)
	}
	if want := "We settled for Postgres over Kafka because the outbox needed transactions."; c.Decision != want {
		t.Errorf("pack's words: decision %q, want %q", c.Decision, want)
	}
	if want := "The habit I kept is to measure the lag first."; c.Lesson != want {
		t.Errorf("pack's words: lesson %q, want %q", c.Lesson, want)
	}
}
