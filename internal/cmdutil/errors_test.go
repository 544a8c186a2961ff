package cmdutil

import (
	"errors"
	"fmt"
	"testing"

	"github.com/prepcli/prep/prompts"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		code   int
		silent bool
	}{
		{"no error", nil, ExitOK, false},
		{"findings already printed", ErrFindings, ExitFindings, true},
		{"a plain error could not run", errors.New("x.md: cannot read"), ExitCannotRun, false},
		{"a usage mistake could not run", FlagErrorf("no FILE"), ExitCannotRun, false},
		{"Ctrl-C at a prompt", prompts.ErrInterrupted, ExitInterrupted, true},
		{"Ctrl-C with a half-typed draft", fmt.Errorf("asking: %w", &prompts.Interrupted{Draft: "I learnt"}), ExitInterrupted, true},
		{"Ctrl-C with a message to print", &ExitError{Code: ExitInterrupted, Err: errors.New("stopped; everything is saved")}, ExitInterrupted, false},
	}
	for _, tt := range tests {
		if got := ExitCode(tt.err); got != tt.code {
			t.Errorf("%s: exit status %d, want %d", tt.name, got, tt.code)
		}
		if tt.err == nil {
			continue
		}
		if got := Silent(tt.err); got != tt.silent {
			t.Errorf("%s: silent %v, want %v", tt.name, got, tt.silent)
		}
	}
}
