// Package testdisk is how tests use the disk: their temporary files on a
// RAM disk, and the workspace's writes without fsync.
//
// The tests that write many files (the guided sessions', the end-to-end
// kill test's, the bundle tests' copies of prep) spend most of their
// time in the file system when it is a busy disk: creating, renaming
// and syncing a file there costs up to a few milliseconds. On tmpfs the
// same calls behave the same way for a process (a rename is atomic, a
// killed process leaves what it wrote) at memory speed; only a power
// cut, which no test can stage, would tell the two apart.
package testdisk

import (
	"os"
	"runtime"
	"testing"

	"github.com/prepcli/prep/internal/workspace"
)

// ram is where Linux keeps a RAM disk for everyone's use.
const ram = "/dev/shm"

// UseRAM points TMPDIR, and so t.TempDir and os.MkdirTemp, at a new
// directory on the RAM disk, where Linux has one; the cleanup removes
// it. A TMPDIR the caller set is kept, and elsewhere UseRAM does
// nothing. Call it from TestMain, and only when the test binary runs its
// tests: a binary that also plays prep or an editor for its tests would
// otherwise leave a directory behind at each run.
func UseRAM() (cleanup func()) {
	if runtime.GOOS != "linux" || os.Getenv("TMPDIR") != "" {
		return func() {}
	}
	dir, err := os.MkdirTemp(ram, "prep-test-")
	if err != nil {
		return func() {}
	}
	os.Setenv("TMPDIR", dir)
	return func() { os.RemoveAll(dir) }
}

// M runs a test binary's tests with UseRAM, for a TestMain that hands
// its testing.M to another runner, such as testscript.Main, which exits
// without returning: M's Run sets the RAM disk up only when the tests
// run (not when the binary plays prep for them) and removes it when they
// end.
type M struct{ Tests interface{ Run() int } }

// Run runs the tests on the RAM disk.
func (m M) Run() int {
	cleanup := UseRAM()
	defer cleanup()
	return m.Tests.Run()
}

// Main runs the tests of a package that writes through the workspace.
// None of them checks that a write survives a power cut, so writes skip
// fsync (the tests that kill a real prep process, in cmd/prep, keep
// it), and their files are on the RAM disk (UseRAM).
func Main(m *testing.M) {
	workspace.SkipSyncForTests()
	os.Exit(M{Tests: m}.Run())
}
