package e2e

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// editorEnv names the file the fake editor copies into the file it is
// given. Set only in the environment of the prep under test, so the test
// binary run by prep as $EDITOR knows to be the editor.
const editorEnv = "PREP_E2E_EDITOR_ANSWER"

// waitLimit bounds every wait for the program under test. Generous: on
// two loaded cores a prompt can take seconds to come, and only a failing
// run waits this long.
const waitLimit = 20 * time.Second

// The prep binary under test, built once by TestMain.
var (
	prepPath  string
	buildErr  error
	buildSkip string // why it could not even be tried
)

func TestMain(m *testing.M) {
	if answer := os.Getenv(editorEnv); answer != "" {
		os.Exit(fakeEditor(answer, os.Args[len(os.Args)-1]))
	}
	dir, err := os.MkdirTemp("", "prep-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	build(dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// build compiles cmd/prep into dir, as a user's `go build` would.
func build(dir string) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			buildSkip = "no go command to build prep with"
			return
		}
	}
	out := filepath.Join(dir, "prep")
	if runtime.GOOS == "windows" {
		out += ".exe"
	}
	cmd := exec.Command(goTool, "build", "-buildvcs=false", "-o", out, "github.com/prepcli/prep/cmd/prep")
	if msg, err := cmd.CombinedOutput(); err != nil {
		buildErr = fmt.Errorf("go build ./cmd/prep: %v\n%s", err, msg)
		return
	}
	prepPath = out
}

// prepBinary is the path of the prep built for this run of the tests.
func prepBinary(t *testing.T) string {
	t.Helper()
	switch {
	case buildSkip != "":
		t.Skip(buildSkip)
	case buildErr != nil:
		t.Fatal(buildErr)
	}
	return prepPath
}

// fakeEditor is the candidate's editor: it replaces the file prep opens
// with the answer the test prepared, as a person who selects all, types
// the answer and saves would.
func fakeEditor(answer, target string) int {
	data, err := os.ReadFile(answer)
	if err == nil {
		err = os.WriteFile(target, data, 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fake editor:", err)
		return 1
	}
	return 0
}

// editorCommand is $EDITOR for prep: this test binary, quoted for the
// shell-like splitting survey does.
func editorCommand() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if exe == "" {
		return "", errors.New("the test binary does not know its own path")
	}
	return "'" + strings.ReplaceAll(exe, "'", `'\''`) + "'", nil
}
