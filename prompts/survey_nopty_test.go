//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package prompts

import (
	"runtime"
	"testing"
)

func TestSurveyInATerminal(t *testing.T) {
	t.Skipf("no pseudo-terminal on %s; the terminal prompts are exercised on Unix", runtime.GOOS)
}

func TestTextAndDraftsInATerminal(t *testing.T) {
	t.Skipf("no pseudo-terminal on %s; the terminal prompts are exercised on Unix", runtime.GOOS)
}
