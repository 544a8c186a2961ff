package storyflow_test

import (
	"os"
	"testing"

	"github.com/prepcli/prep/internal/workspace"
)

// No test here checks that a write survives a power cut (the tests that
// kill a real prep process do, in internal/e2e), so writes skip fsync.
func TestMain(m *testing.M) {
	workspace.SkipSyncForTests()
	os.Exit(m.Run())
}
