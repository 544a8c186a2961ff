package session

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/prepcli/prep/internal/workspace"
)

// t0 is the clock of every test workspace.
var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

// fixture is a candidate's workspace; each run opens it afresh, as a new
// prep process would. (The tests of the commands' flows share
// sessiontest.Fixture, which this package's own tests cannot import.)
type fixture struct {
	t   *testing.T
	dir string
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, dir: filepath.Join(t.TempDir(), "ws")}
}

func (f *fixture) ws() *workspace.Workspace {
	f.t.Helper()
	ws, err := workspace.Open(f.dir, func() time.Time { return t0 })
	if err != nil {
		f.t.Fatal(err)
	}
	return ws
}
