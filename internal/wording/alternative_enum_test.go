package wording

import "testing"

// Options laid out with their own markers name alternatives, even when
// no sentence says which lost; one marker, or letters inside words, do not.
func TestAlternativeMarkedOptions(t *testing.T) {
	for _, tt := range []struct {
		text, want string
	}{
		{"(a) keep 14 March with a 4-hour window; (b) move to 28 March and backfill; (c) split it.", "(a) keep 14 March with a 4-hour window"},
		{"Option 1: a read replica per region.\nOption 2: one global primary.", "Option 1"},
		{"a) shard now\nb) wait for the new cluster", "a) shard now"},
		{"Plan A was the rewrite. Plan B was a cache in front.", "Plan A was the rewrite. Plan B was a cache in front."},
		{"(a) keep the date and accept the window.", ""},
		{"We picked a plan and shipped it in 2 weeks with 3 engineers.", ""},
		{"The p99 fell (see graph 1) and costs fell (see table 2).", ""},
	} {
		if got := Alternative(tt.text).Words; got != tt.want {
			t.Errorf("Alternative(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
