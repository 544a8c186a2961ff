package prompts

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/iostreams"
)

// Without a terminal and without an answers file nothing is asked: the
// command gets ErrNoTerminal and says how to run non-interactively.
func TestNewWithoutTerminal(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	_, err := New(ios, "")
	if !errors.Is(err, ErrNoTerminal) {
		t.Fatalf("New without a terminal: err = %v, want ErrNoTerminal", err)
	}
	if want := "--answers FILE"; !strings.Contains(err.Error(), want) {
		t.Errorf("message %q does not say %q", err, want)
	}

	// Streams that claim to be terminals but are not files are refused too,
	// rather than filled with escape codes.
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	if _, err := New(ios, ""); !errors.Is(err, ErrNoTerminal) {
		t.Errorf("New on buffers marked as terminals: err = %v, want ErrNoTerminal", err)
	}
}

func TestNewSurveyRefusesPipesAndFiles(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if _, err := NewSurvey(r, w, w); !errors.Is(err, ErrNoTerminal) {
		t.Errorf("NewSurvey on a pipe: err = %v, want ErrNoTerminal", err)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := NewSurvey(f, f, f); !errors.Is(err, ErrNoTerminal) {
		t.Errorf("NewSurvey on a file: err = %v, want ErrNoTerminal", err)
	}
}

// An answers file wins over the terminal, so scripts run the same anywhere.
func TestNewWithAnswersFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(path, []byte("name: Ada\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	p, err := New(ios, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := p.Input(Question{ID: "name"}); err != nil || got != "Ada" {
		t.Errorf("Input = %q, %v; want Ada", got, err)
	}
	if _, err := New(ios, filepath.Join(t.TempDir(), "none.yaml")); err == nil {
		t.Error("New with a missing answers file: no error")
	}
}
