package session_test

import (
	"testing"

	"github.com/prepcli/prep/internal/session/sessiontest"
)

// TestMain skips fsync and puts the test directories on a RAM disk; see
// sessiontest.Main.
func TestMain(m *testing.M) { sessiontest.Main(m) }
