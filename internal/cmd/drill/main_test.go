package drill_test

import (
	"os"
	"testing"

	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/internal/workspace"
)

// No test here checks that a write survives a power cut (the tests that
// kill a real prep process do, in internal/e2e), so writes skip fsync:
// on a real disk each costs milliseconds.
//
// The guided sessions' tests write some ten thousand files; they do it on
// a RAM disk where Linux has one (sessiontest.RAMTempDir).
func TestMain(m *testing.M) {
	workspace.SkipSyncForTests()
	cleanup := sessiontest.RAMTempDir()
	code := m.Run()
	cleanup()
	os.Exit(code)
}
