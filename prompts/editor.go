package prompts

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	shellquote "github.com/kballard/go-shellquote"
)

// EditorCommand is the editor Text opens: $VISUAL, else $EDITOR, else
// notepad on Windows and vi elsewhere. Survey's own fallback is vim, which
// many systems lack; vi is on every POSIX system. getenv is os.Getenv in a
// real run.
func EditorCommand(getenv func(string) string, goos string) string {
	if v := getenv("VISUAL"); v != "" {
		return v
	}
	if e := getenv("EDITOR"); e != "" {
		return e
	}
	if goos == "windows" {
		return "notepad"
	}
	return "vi"
}

// editorArgs splits an editor command into a program and its arguments,
// as a shell would ("code --wait"). A command that names a program as it
// stands is taken whole, so a Windows path (C:\Tools\edit.exe, whose
// backslashes shell quoting would eat) or a path with spaces still works.
func editorArgs(command string) ([]string, error) {
	command = strings.TrimSpace(command)
	if command == "" {
		return nil, errors.New("the editor command is empty")
	}
	if _, err := exec.LookPath(command); err == nil {
		return []string{command}, nil
	}
	args, err := shellquote.Split(command)
	if err != nil {
		return nil, fmt.Errorf("cannot read the command %q: %v", command, err)
	}
	if len(args) == 0 {
		return nil, errors.New("the editor command is empty")
	}
	return args, nil
}

// editorName is the editor's program as a person calls it: "vi" for
// /usr/bin/vi, "notepad" for notepad.exe.
func editorName(command string) string {
	args, err := editorArgs(command)
	if err != nil {
		return strings.TrimSpace(command)
	}
	name := filepath.Base(args[0])
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSuffix(strings.TrimSuffix(name, ".exe"), ".EXE")
}

// howToLeave says how to save and leave the editor, and how to leave it
// without saving, for the editors prep knows; "" for the others.
func howToLeave(name string) string {
	switch strings.ToLower(name) {
	case "vi", "vim", "nvim", "vim.basic", "vim.tiny", "nvi", "elvis", "vile", "view", "gvim", "mvim":
		return "Esc, then :wq and Enter saves and comes back to prep; :q! and Enter comes back without saving"
	case "nano", "rnano", "pico":
		return "Ctrl-O and Enter saves, Ctrl-X comes back"
	case "emacs":
		return "Ctrl-X Ctrl-S saves, Ctrl-X Ctrl-C comes back"
	case "emacsclient":
		return "Ctrl-X Ctrl-S saves, Ctrl-X # comes back"
	case "micro":
		return "Ctrl-S saves, Ctrl-Q comes back"
	case "notepad":
		return "save with Ctrl+S, then close Notepad to come back"
	}
	return ""
}

// noteMark starts the note prep adds to the file of an editor the
// candidate did not choose; the line is taken out of the answer.
const noteMark = "<!-- prep: "

// fileNote is the note, one line, for the editor name.
func fileNote(name string) string {
	how := howToLeave(name)
	if how == "" {
		how = "save the file and close the editor to come back"
	}
	if strings.HasPrefix(how, "Esc, then :wq") {
		how = "press i to type; " + how
	}
	return noteMark + "Write your answer above this line. In " + name + ": " + how + ". This line is not kept. -->"
}

// edited is what came of one run of the editor.
type edited struct {
	// text is the file as the editor left it, without a byte-order mark
	// or prep's note.
	text string
	// changed says the file differs from what prep wrote in it.
	changed bool
	// started says the editor ran; err is why it could not start, or
	// how it ended when it failed.
	started bool
	err     error
	// interrupted says the editor was ended by Ctrl-C.
	interrupted bool
}

// edit says how to leave the editor, then runs it on a temporary
// Markdown file holding initial, and the note when the editor is one the
// candidate did not choose, with the terminal as the shell left it: Ctrl-C there is the editor's to handle,
// and prep, which gets the same signal from the terminal, stays alive to
// keep what the file holds.
func (s *Survey) edit(initial string) edited {
	args, err := editorArgs(s.editor)
	if err != nil {
		return edited{err: err}
	}
	if _, err := exec.LookPath(args[0]); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			err = errors.New("no program of that name is installed")
		}
		return edited{err: err}
	}
	name := editorName(s.editor)
	if how := howToLeave(name); how != "" {
		s.say("In " + name + ": " + how + ".")
	} else {
		s.say("Opening " + name + ": save the file and close it to come back to prep.")
	}
	content := initial
	if s.fallback {
		if content != "" && !strings.HasSuffix(content, "\n") {
			content += "\n"
		}
		content += "\n" + fileNote(name) + "\n"
	}
	f, err := os.CreateTemp("", "prep-*.md")
	if err != nil {
		return edited{err: fmt.Errorf("cannot make a file for the editor: %v", err)}
	}
	path := f.Name()
	defer os.Remove(path)
	_, err = f.WriteString(content)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return edited{err: fmt.Errorf("cannot make a file for the editor: %v", err)}
	}

	cmd := exec.Command(args[0], append(args[1:], path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = s.inFile, s.out, s.errOut
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	runErr := cmd.Start()
	started := runErr == nil
	if started {
		runErr = cmd.Wait()
	}
	interrupted := false
	if started && runErr != nil {
		interrupted = diedOfInterrupt(cmd.ProcessState)
		if !interrupted {
			// The terminal signals prep and the editor at once; the
			// editor's end can be seen before prep's copy of the signal.
			select {
			case <-sigs:
				interrupted = true
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
	signal.Stop(sigs)
	if !started {
		return edited{err: runErr}
	}

	raw, err := os.ReadFile(path)
	if err != nil {
		if runErr == nil {
			runErr = fmt.Errorf("cannot read back the file it edited: %v", err)
		}
		return edited{started: true, err: runErr, interrupted: interrupted}
	}
	return edited{
		text:        fromFile(raw, s.fallback),
		changed:     !bytes.Equal(raw, []byte(content)),
		started:     true,
		err:         runErr,
		interrupted: interrupted,
	}
}

// diedOfInterrupt reports whether a program ended by Ctrl-C: by SIGINT
// itself, or with the status 130 a shell gives it.
func diedOfInterrupt(st *os.ProcessState) bool {
	if st == nil {
		return false
	}
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGINT {
		return true
	}
	return st.ExitCode() == 130
}

// fromFile is the answer an editor's file holds: a byte-order mark (some
// Windows editors add one) and prep's note taken out.
func fromFile(raw []byte, noted bool) string {
	text := string(bytes.TrimPrefix(raw, []byte("\ufeff")))
	if !noted || !strings.Contains(text, noteMark) {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, noteMark) && strings.HasSuffix(t, "-->") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "")
}
