// Package record finds and runs the local programs prep rehearse uses: a
// recorder (sox's rec, arecord or ffmpeg) and a speech recogniser
// (whisper.cpp's whisper-cli with a model file, or pocketsphinx). Each
// runs as a local process, bounded by a context's timeout; nothing is
// sent anywhere. Where a program is missing, the error says what to
// install.
package record

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/fserr"
)

// Config is where the programs are, from the config file
// (recorder, transcriber, whisper-model) and PATH.
type Config struct {
	Recorder    string // a path or a name; "" looks on PATH
	Transcriber string
	Model       string // whisper-cli's model file
	// LookPath finds a program on PATH; nil is exec.LookPath.
	LookPath func(string) (string, error)
	// ConfigFile names the config file in messages; "" says "the config
	// file".
	ConfigFile string
	// Timeout bounds a transcription; 0 is Timeout of the audio's
	// length.
	Timeout time.Duration
}

func (c Config) look(name string) (string, error) {
	if c.LookPath != nil {
		return c.LookPath(name)
	}
	return exec.LookPath(name)
}

func (c Config) configName() string {
	if c.ConfigFile == "" {
		return "the config file"
	}
	return c.ConfigFile
}

// Recorders are the recording programs looked for, in order.
var Recorders = []string{"rec", "arecord", "ffmpeg"}

// Recorder is a recording program found.
type Recorder struct {
	Name string // rec, arecord or ffmpeg
	Path string
}

// FindRecorder finds the recorder: the configured one, else the first of
// Recorders on PATH.
func FindRecorder(c Config) (*Recorder, error) {
	if c.Recorder != "" {
		path, err := c.look(c.Recorder)
		if err != nil {
			return nil, fmt.Errorf("%s: the recorder set in %s is not there or cannot run; fix recorder: there, or remove it to use rec, arecord or ffmpeg from PATH", c.Recorder, c.configName())
		}
		name := kindOf(path, Recorders)
		if name == "" {
			return nil, fmt.Errorf("%s: prep records with rec (sox), arecord or ffmpeg; set recorder: in %s to one of them", c.Recorder, c.configName())
		}
		return &Recorder{Name: name, Path: path}, nil
	}
	for _, name := range Recorders {
		if path, err := c.look(name); err == nil {
			return &Recorder{Name: name, Path: path}, nil
		}
	}
	return nil, errors.New("no recorder found: install sox (it has rec), alsa-utils (arecord) or ffmpeg, or record elsewhere and give --audio FILE")
}

// kindOf is which of names a program's file is: "whisper-cli" for
// /opt/whisper.cpp/build/bin/whisper-cli, "rec" for rec.exe.
func kindOf(path string, names []string) string {
	base := strings.TrimSuffix(strings.ToLower(filepath.Base(path)), ".exe")
	for _, n := range names {
		if base == n {
			return n
		}
	}
	for _, n := range names {
		if strings.Contains(base, n) {
			return n
		}
	}
	return ""
}

// args is the recorder's command line: 16 kHz mono 16-bit WAV, what both
// recognisers read best.
func (r *Recorder) args(out string) []string {
	switch r.Name {
	case "rec":
		return []string{"-q", "-c", "1", "-r", "16000", "-b", "16", out}
	case "arecord":
		return []string{"-q", "-f", "S16_LE", "-c", "1", "-r", "16000", "-t", "wav", out}
	default: // ffmpeg
		input := []string{"-f", "pulse", "-i", "default"}
		switch runtime.GOOS {
		case "darwin":
			input = []string{"-f", "avfoundation", "-i", ":0"}
		case "windows":
			input = []string{"-f", "dshow", "-i", "audio=default"}
		}
		return append(append([]string{"-hide_banner", "-loglevel", "error", "-nostdin"}, input...), "-ac", "1", "-ar", "16000", "-y", out)
	}
}

// startGrace is how long Start waits for a recorder that cannot open
// its device to fail.
const startGrace = 500 * time.Millisecond

// Recording is a recorder at work.
type Recording struct {
	Path string
	cmd  *exec.Cmd
	done chan error
}

// Start starts recording into out (created 0600). Stop ends it.
func (r *Recorder) Start(out string) (*Recording, error) {
	// The file is made first, 0600, so the recording is never readable
	// by others, even for the moment before the recorder writes it.
	f, err := os.OpenFile(out, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot create the recording: %v; check the workspace's permissions", out, fserr.Cause(err))
	}
	f.Close()
	cmd := exec.Command(r.Path, r.args(out)...)
	var stderr tail
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		os.Remove(out)
		return nil, fmt.Errorf("%s: cannot start the recorder: %v; check it runs, or record elsewhere and give --audio FILE", r.Path, fserr.Cause(err))
	}
	rec := &Recording{Path: out, cmd: cmd, done: make(chan error, 1)}
	go func() {
		err := cmd.Wait()
		if err != nil && stderr.String() != "" {
			err = fmt.Errorf("%v: %s", err, stderr.String())
		}
		rec.done <- err
	}()
	// A recorder with no microphone fails at once: say so before the
	// candidate speaks for three minutes into nothing.
	select {
	case err := <-rec.done:
		os.Remove(out)
		if err == nil {
			err = errors.New("it stopped at once")
		}
		return nil, fmt.Errorf("%s cannot record: %v; check the microphone, or record elsewhere and give --audio FILE", r.Name, err)
	case <-time.After(startGrace):
	}
	return rec, nil
}

// Stop ends the recording: an interrupt, as Ctrl-C would, so the
// recorder closes the file properly; a kill if it does not stop within
// a few seconds. The error is the recorder's, when it failed before
// being stopped (no microphone, say).
func (r *Recording) Stop() error {
	select {
	case err := <-r.done:
		// It ended by itself: a failure, or a device that went away.
		if err != nil {
			return fmt.Errorf("%s stopped before the end: %v; check the microphone, or record elsewhere and give --audio FILE", filepath.Base(r.cmd.Path), err)
		}
		return nil
	default:
	}
	if err := interrupt(r.cmd.Process); err != nil {
		r.cmd.Process.Kill()
	}
	select {
	case <-r.done:
	case <-time.After(5 * time.Second):
		r.cmd.Process.Kill()
		<-r.done
	}
	return nil
}

// Running reports whether the recorder is still at work.
func (r *Recording) Running() bool {
	select {
	case err := <-r.done:
		r.done <- err
		return false
	default:
		return true
	}
}

// run runs a program to its end within ctx, and returns its standard
// output. The error names the program and what it said last.
func run(ctx context.Context, path string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, path, args...)
	var stdout strings.Builder
	var stderr tail
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	cmd.WaitDelay = 2 * time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		if s := stderr.String(); s != "" {
			return nil, fmt.Errorf("%v: %s", err, s)
		}
		return nil, err
	}
	return []byte(stdout.String()), nil
}

// tail keeps the last line a program wrote to its standard error, for
// a one-line message.
type tail struct{ last, cur []byte }

func (t *tail) Write(p []byte) (int, error) {
	for _, b := range p {
		if b == '\n' || b == '\r' {
			if len(strings.TrimSpace(string(t.cur))) > 0 {
				t.last = append(t.last[:0], t.cur...)
			}
			t.cur = t.cur[:0]
			continue
		}
		if len(t.cur) < 300 {
			t.cur = append(t.cur, b)
		}
	}
	return len(p), nil
}

func (t *tail) String() string {
	if len(strings.TrimSpace(string(t.cur))) > 0 {
		return strings.TrimSpace(string(t.cur))
	}
	return strings.TrimSpace(string(t.last))
}
