package prompts

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An editor command is split as a shell would split it, unless it names
// a program as it stands (a path with spaces, or a Windows path whose
// backslashes shell quoting would eat).
func TestEditorArgs(t *testing.T) {
	dir := t.TempDir()
	spaced := filepath.Join(dir, "my editor")
	if runtime.GOOS == "windows" {
		spaced += ".exe"
	}
	if err := os.WriteFile(spaced, []byte("#!/bin/sh\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		command string
		want    []string
	}{
		{"vi", []string{"vi"}},
		{"code --wait", []string{"code", "--wait"}},
		{`'/opt/my editor/bin/ed' -s`, []string{"/opt/my editor/bin/ed", "-s"}},
		{spaced, []string{spaced}},
	} {
		got, err := editorArgs(tt.command)
		if err != nil {
			t.Errorf("editorArgs(%q): %v", tt.command, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("editorArgs(%q) (-want +got):\n%s", tt.command, diff)
		}
	}
	for _, bad := range []string{"", "   ", `'unclosed`} {
		if _, err := editorArgs(bad); err == nil {
			t.Errorf("editorArgs(%q): no error", bad)
		}
	}
}

func TestEditorName(t *testing.T) {
	for command, want := range map[string]string{
		"vi":                   "vi",
		"/usr/bin/vim -u NONE": "vim",
		"code --wait":          "code",
		"notepad.exe":          "notepad",
	} {
		if got := editorName(command); got != want {
			t.Errorf("editorName(%q) = %q, want %q", command, got, want)
		}
	}
}

// The editor prep falls back on says, in its file, how to save and leave;
// the note is not part of the answer, wherever the candidate typed, and
// a byte-order mark a Windows editor adds is dropped.
func TestFallbackNote(t *testing.T) {
	note := fileNote("vi")
	for _, s := range []string{":wq", ":q!", "press i"} {
		if !strings.Contains(note, s) {
			t.Errorf("the note for vi does not say %q: %s", s, note)
		}
	}
	if n := fileNote("notepad"); !strings.Contains(n, "Ctrl+S") {
		t.Errorf("the note for notepad does not say how to save: %s", n)
	}
	if n := fileNote("kak"); !strings.Contains(n, "save the file and close the editor") {
		t.Errorf("the note for an editor prep does not know: %s", n)
	}
	for file, want := range map[string]string{
		"\n" + note + "\n":                              "\n",
		"It worked.\n\n" + note + "\n":                  "It worked.\n\n",
		"\ufeffIt worked.\r\n\r\n" + note + "\r\n":      "It worked.\r\n\r\n",
		"Above.\n" + note + "\nBelow.\n":                "Above.\nBelow.\n",
		"<!-- my own comment -->\nText\n" + note + "\n": "<!-- my own comment -->\nText\n",
	} {
		if got := fromFile([]byte(file), true); got != want {
			t.Errorf("fromFile(%q) = %q, want %q", file, got, want)
		}
	}
	if got := fromFile([]byte("\ufeff"+note), false); got != note {
		t.Errorf("a file prep did not add the note to keeps it: %q", got)
	}
}
