package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/prepcli/prep/internal/testdisk"
)

// This test binary is prep too, so that the tests run the code it was
// compiled from and nothing is built: testscript.Main links it into a
// directory on PATH under the names prep and prep-acme, and run under
// those names it is prep; copies under other names are prep when asPrepEnv
// is set (the bundle tests' copies).
//
// The scripts in testdata/script run the program as a user would:
// arguments, files, standard streams and exit status; the tests beside
// them drive it through a pseudo-terminal, stop it with Ctrl-C, kill it,
// and bundle packs into copies of it. Their files are on a RAM disk
// (testdisk): the kill test alone makes thousands of writes.
func TestMain(m *testing.M) {
	if os.Getenv(asPrepEnv) != "" {
		os.Exit(run())
	}
	testscript.Main(testdisk.M{Tests: m}, map[string]func(){
		"prep": func() { os.Exit(run()) },
		// The same program under another name, as a recruiter's copy.
		"prep-acme": func() { os.Exit(run()) },
	})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Keep every run away from the real user's files.
			home := filepath.Join(env.WorkDir, "home")
			env.Setenv("HOME", home)
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
			env.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
			return nil
		},
	})
}

// prep's own packages run no code when it starts (internal/lazy says
// why): every command pays for init work, whether it uses the package or
// not. The test binary's own test packages are not prep's.
func TestNoInitWork(t *testing.T) {
	prep := hostPrep(t)
	cmd := exec.Command(prep, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", asPrepEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("prep version: %v\n%s", err, out)
	}
	testOnly := map[string]bool{"github.com/prepcli/prep/internal/testdisk": true, "github.com/prepcli/prep/cmd/prep": true}
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) > 1 && f[0] == "init" && strings.HasPrefix(f[1], "github.com/prepcli/prep") && !testOnly[f[1]] {
			t.Errorf("%s runs init code at every start: %s", f[1], strings.TrimSpace(line))
		}
	}
}
