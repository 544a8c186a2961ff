package story

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// editorFor sets the candidate's editor to this test binary in mode (see
// fakeEditor), through $EDITOR as a real run would find it.
func (e *env) editorFor(t *testing.T, mode string) {
	t.Helper()
	t.Setenv(editorEnv, mode)
	if runtime.GOOS == "windows" {
		e.vars["EDITOR"] = `"` + os.Args[0] + `" -test.run=^$`
	} else {
		e.vars["EDITOR"] = shellWord(os.Args[0]) + " '-test.run=^$'"
	}
}

func TestEditOpensTheEditorThenChecks(t *testing.T) {
	e := newEnv(t)
	e.terminal()
	body := strings.Replace(fullBody, "\n## Result\n\np99 checkout latency dropped from 2.1 s to 320 ms, and timeouts fell from\n3% to under 0.1% at the holiday peak.\n", "", 1)
	s := e.save(t, t0.AddDate(0, 0, -3), "Ledger writes", 1, body)
	before, err := e.ws.Story("1")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := before.Section(rubric(t, "star"), "result"); ok {
		t.Fatal("the fixture should lack a Result")
	}

	e.editorFor(t, "add-result")
	code := e.run(t, "edit", "1")
	if code != 0 {
		t.Errorf("exit %d, want 0: the edited story has no error\nstdout: %s\nstderr: %s", code, e.out, e.err)
	}
	want := []string{
		s.Path + " (star)",
		"  sections: ok: Situation, Task, Action, Result, Trade-offs, Lessons, Architecture, Contribution, Follow-ups",
		"  0 errors, 0 warnings",
		"  verdict: ready",
		"",
		"checked 1 file: 0 errors, 0 warnings",
	}
	if diff := cmp.Diff(want, lines(e.out.String())); diff != "" {
		t.Errorf("check after the edit (-want +got):\n%s", diff)
	}
	after, err := e.ws.Story("1")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := after.Section(rubric(t, "star"), "result"); !strings.Contains(got, "320 ms") {
		t.Errorf("the editor's change is not in the file: Result = %q", got)
	}
	if !after.Meta.Updated.Equal(t0) {
		t.Errorf("updated = %v, want the time of the edit %v", after.Meta.Updated, t0)
	}
}

func TestEditReportsFindingsWithTheirExitStatus(t *testing.T) {
	e := newEnv(t)
	e.terminal()
	e.save(t, t0, "Search rewrite", 0, draftBody)
	e.editorFor(t, "keep")
	if code := e.run(t, "edit", "search"); code != 1 {
		t.Errorf("exit %d, want 1: the draft still misses sections", code)
	}
	if !strings.Contains(e.out.String(), "No Result") || e.err.String() != "search-rewrite.md: unchanged\n" {
		t.Errorf("stdout %q\nstderr %q", e.out, e.err)
	}
}

func TestEditLeavesABrokenFileAsSaved(t *testing.T) {
	e := newEnv(t)
	e.terminal()
	s := e.save(t, t0, "Ledger writes", 1, fullBody)
	e.editorFor(t, "break")
	code := e.run(t, "edit", "1")
	saved, err := os.ReadFile(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.HasPrefix(e.err.String(), "prep: "+s.Path+":") || strings.Count(e.err.String(), "\n") != 1 {
		t.Errorf("stderr %q; want one line with the path and line", e.err)
	}
	if !strings.Contains(string(saved), "kind: [star") {
		t.Errorf("the file is not as the editor left it:\n%s", saved)
	}

	// The broken file opens again by name, to be fixed.
	e.editorFor(t, "keep")
	if code := e.run(t, "edit", "ledger-writes.md"); code != 2 || e.out.Len() != 0 {
		t.Errorf("reopening: exit %d, stdout %q", code, e.out)
	}
	// And by the rank the candidate knows it by, which its front matter
	// still says (issue 9, item 18).
	e.editorFor(t, "fix")
	if code := e.run(t, "edit", "1"); code != 0 || !strings.Contains(e.out.String(), s.Path+" (star)") {
		t.Errorf("reopening by rank: exit %d, stdout %q, stderr %q; want the fixed story checked", code, e.out, e.err)
	}
}

func TestEditNeedsATerminal(t *testing.T) {
	e := newEnv(t)
	s := e.save(t, t0, "Ledger writes", 1, fullBody)
	e.editorFor(t, "add-result")
	code := e.run(t, "edit", "1")
	want := "prep: " + s.Path + ": no terminal to open an editor on; edit the file directly, then run prep story check ledger-writes.md\n"
	if code != 2 || e.err.String() != want {
		t.Errorf("exit %d, stderr %q; want 2, %q", code, e.err, want)
	}
}

func TestEditorFailure(t *testing.T) {
	e := newEnv(t)
	e.terminal()
	e.save(t, t0, "Ledger writes", 1, fullBody)
	e.editorFor(t, "fail")
	code := e.run(t, "edit", "1")
	if code != 2 || !strings.Contains(e.err.String(), "exited with status 3") {
		t.Errorf("exit %d, stderr %q; want 2 and the editor's status", code, e.err)
	}
}

func TestEditorNotFound(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the shell's status for a missing command")
	}
	e := newEnv(t)
	e.terminal()
	s := e.save(t, t0, "Ledger writes", 1, fullBody)
	e.vars["EDITOR"] = "no-such-editor-for-prep --wait"
	code := e.run(t, "edit", "1")
	want := "prep: " + s.Path + ": cannot start the editor (no-such-editor-for-prep --wait): not found; set VISUAL or EDITOR to your editor's command\n"
	if code != 2 || !strings.HasSuffix(e.err.String(), want) {
		t.Errorf("exit %d, stderr %q; want 2 and %q", code, e.err, want)
	}
}

func TestSplitCommand(t *testing.T) {
	tests := map[string][]string{
		`notepad`:                            {"notepad"},
		`code --wait`:                        {"code", "--wait"},
		`"C:\Program Files\ed\ed.exe" -w  x`: {`C:\Program Files\ed\ed.exe`, "-w", "x"},
	}
	for in, want := range tests {
		if diff := cmp.Diff(want, splitCommand(in)); diff != "" {
			t.Errorf("splitCommand(%q) (-want +got):\n%s", in, diff)
		}
	}
}
