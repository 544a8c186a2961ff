package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// editorEnv names the answer the fake editor saves (see fakeEditor),
// in the environment of the prep under test.
const editorEnv = "PREP_E2E_EDITOR_ANSWER"

// waitLimit bounds every wait for the program under test. Generous: on
// two loaded cores a prompt can take seconds to come, and only a failing
// run waits this long.
const waitLimit = 20 * time.Second

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
// (its last argument) with the answer the test prepared (the file
// editorEnv names), as a person who selects all, types the answer and
// saves would. It first copies the file as prep gave it to the answer's
// name plus openedSuffix, for the test to read. An answer starting with
// one of the marks below plays another candidate:
//
//   - quitMark: leaves without saving (vi's :q!), the file untouched;
//   - waitMark: saves the rest of the answer, says waitingLine, and waits
//     for the end of its input (or Ctrl-C, which ends it by SIGINT in a
//     terminal that makes signals of it), then exits with status 1;
//   - appendMark: types the rest under what the file holds, and saves.
//
// It is a shell script, not this test binary run again: the kill test
// opens the editor some fifty times, and a shell starts in a fraction of
// the time a 20 MB Go test binary takes.
const fakeEditor = `#!/bin/sh
for target; do :; done
answer=$` + editorEnv + `
cp "$target" "$answer` + openedSuffix + `" || exit 1
first=
IFS= read -r first <"$answer"
case $first in
'%%quit') ;;
'%%wait')
	tail -n +2 "$answer" >"$target" || exit 1
	echo '` + waitingLine + `'
	while IFS= read -r line; do :; done
	exit 1 ;;
'%%append') tail -n +2 "$answer" >>"$target" || exit 1 ;;
*) cat "$answer" >"$target" || exit 1 ;;
esac
`

// The fake editor's marks, each a line of its own, and what it says; see
// fakeEditor.
const (
	quitMark     = "%%quit\n"
	waitMark     = "%%wait\n"
	appendMark   = "%%append\n"
	waitingLine  = "fake editor: waiting for Ctrl-C"
	openedSuffix = ".opened"
)

// fakeEditorFile is fakeEditor written once to a file of its own.
var fakeEditorFile = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "fake-editor-")
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, "editor")
	return p, os.WriteFile(p, []byte(fakeEditor), 0o700)
})

// editorCommand is $EDITOR for prep: fakeEditorFile, quoted for the
// shell-like splitting survey does.
func editorCommand() (string, error) {
	p, err := fakeEditorFile()
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'", err
}
