//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

import (
	"runtime"
	"testing"
)

func TestBackgroundPTY(t *testing.T) {
	t.Skipf("no pseudo-terminal on %s; prep background is driven through one on Unix", runtime.GOOS)
}

func TestKillNeverLosesAnAnswer(t *testing.T) {
	t.Skipf("no pseudo-terminal on %s; the kill test runs on Unix", runtime.GOOS)
}

func TestCtrlCKeepsAHalfTypedAnswer(t *testing.T) {
	t.Skipf("no pseudo-terminal on %s; the keyboard and the editor are driven through one on Unix", runtime.GOOS)
}

func TestEditorLeftWithoutSaving(t *testing.T) {
	t.Skipf("no pseudo-terminal on %s; the keyboard and the editor are driven through one on Unix", runtime.GOOS)
}

func TestCtrlCInTheEditor(t *testing.T) {
	t.Skipf("no pseudo-terminal on %s; the keyboard and the editor are driven through one on Unix", runtime.GOOS)
}

func TestFallbackEditorSaysHowToLeave(t *testing.T) {
	t.Skipf("no pseudo-terminal on %s; the keyboard and the editor are driven through one on Unix", runtime.GOOS)
}
