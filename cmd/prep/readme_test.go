package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's "Try it" is the first thing a new user runs, from a clone.
// Every message of prep then says "prep …", so the same section must say
// how to get that command from the clone, and where it lands; and no
// install command may point at a module path that cannot be fetched.
func TestReadmeTryItInstallsTheCommand(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "## Try it")
	if start < 0 {
		t.Fatal(`README.md has no "## Try it" section`)
	}
	try := readme[start+len("## Try it"):]
	if end := strings.Index(try, "\n## "); end >= 0 {
		try = try[:end]
	}
	for _, want := range []string{
		"go run ./cmd/prep background", // the main job
		"go test ./...",                // the tests
		"go install ./cmd/prep",        // the command every message names
		"GOBIN",
		"$(go env GOPATH)/bin",
		"PATH",
	} {
		if !strings.Contains(try, want) {
			t.Errorf("README's Try it does not say %q", want)
		}
	}
	if strings.Contains(readme, "@latest") {
		t.Errorf("README still gives an install command with @latest, which fails: the module is not published; give go install ./cmd/prep from a clone")
	}
}
