package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/prepcli/prep/internal/testdisk"
	"github.com/rogpeppe/go-internal/testscript"
)

// The scripts in testdata/script run the real program as a user would:
// arguments, files, standard streams and exit status. Their files, and
// the bundle tests' copies of prep, are on a RAM disk (testdisk).
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
