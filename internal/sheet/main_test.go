package sheet_test

import (
	"testing"

	"github.com/prepcli/prep/internal/testdisk"
)

// TestMain skips fsync and puts the test directories on a RAM disk; see
// testdisk.Main.
func TestMain(m *testing.M) { testdisk.Main(m) }
