package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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

// runAsPrep reports whether this process was started as prep.
func runAsPrep() bool {
	name := filepath.Base(os.Args[0])
	if runtime.GOOS == "windows" {
		name = strings.TrimSuffix(name, ".exe")
	}
	return name == "prep"
}

// prepBinary is the path of prep for this run of the tests: this test
// binary under the name prep.
func prepBinary(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("prep")
	if err != nil {
		t.Fatalf("testscript.Main did not put prep on PATH: %v", err)
	}
	return p
}

// fakeEditor is the candidate's editor: it replaces the file prep opens
// with the answer the test prepared, as a person who selects all, types
// the answer and saves would. It first copies the file as prep gave it to
// the answer's name plus openedSuffix, for the test to read. An answer
// starting with one of the marks below plays another candidate:
//
//   - quitMark: leaves without saving (vi's :q!), the file untouched;
//   - waitMark: saves the rest of the answer, says waitingLine, and waits
//     for the end of its input (or Ctrl-C, which ends it by SIGINT in a
//     terminal that makes signals of it), then exits with status 1;
//   - appendMark: types the rest under what the file holds, and saves.
func fakeEditor(answer, target string) int {
	data, err := os.ReadFile(answer)
	var opened []byte
	if err == nil {
		opened, err = os.ReadFile(target)
	}
	if err == nil {
		err = os.WriteFile(answer+openedSuffix, opened, 0o600)
	}
	if err == nil {
		switch {
		case bytes.HasPrefix(data, []byte(quitMark)):
			return 0
		case bytes.HasPrefix(data, []byte(waitMark)):
			if err := os.WriteFile(target, data[len(waitMark):], 0o600); err != nil {
				fmt.Fprintln(os.Stderr, "fake editor:", err)
				return 1
			}
			fmt.Println(waitingLine)
			_, _ = io.Copy(io.Discard, os.Stdin)
			return 1
		case bytes.HasPrefix(data, []byte(appendMark)):
			err = os.WriteFile(target, append(opened, data[len(appendMark):]...), 0o600)
		default:
			err = os.WriteFile(target, data, 0o600)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fake editor:", err)
		return 1
	}
	return 0
}

// The fake editor's marks and what it says; see fakeEditor.
const (
	quitMark     = "\x00quit\n"
	waitMark     = "\x00wait\n"
	appendMark   = "\x00append\n"
	waitingLine  = "fake editor: waiting for Ctrl-C"
	openedSuffix = ".opened"
)

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
