package session_test

import (
	"os"
	"runtime"
	"testing"

	"github.com/prepcli/prep/internal/workspace"
)

// No test here checks that a write survives a power cut or a kill (the
// tests that kill a real prep process do, in internal/e2e, on the real
// disk), so writes skip fsync, and the workspaces live on a RAM disk
// where Linux has one: these tests write some ten thousand files, and
// on a busy disk creating and renaming a file costs up to a millisecond
// even without fsync. A TMPDIR set by the caller is kept.
func TestMain(m *testing.M) {
	workspace.SkipSyncForTests()
	cleanup := ramTempDir()
	code := m.Run()
	cleanup()
	os.Exit(code)
}

func ramTempDir() (cleanup func()) {
	const shm = "/dev/shm"
	if runtime.GOOS != "linux" || os.Getenv("TMPDIR") != "" {
		return func() {}
	}
	dir, err := os.MkdirTemp(shm, "prep-session-test-")
	if err != nil {
		return func() {}
	}
	os.Setenv("TMPDIR", dir)
	return func() { os.RemoveAll(dir) }
}
