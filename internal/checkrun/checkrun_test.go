package checkrun

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/pack/compiled"
)

// Many inputs, checked on several cores, come out in the order given: in
// JSON each keeps its place, an unreadable one included, and the lines
// naming unreadable inputs on stderr are in that order too.
func TestManyInputsKeepTheirOrder(t *testing.T) {
	dir := t.TempDir()
	var files, want, wantErr []string
	for i := range 60 {
		name := filepath.Join(dir, fmt.Sprintf("s%02d.md", i))
		body := "## Situation\nCheckout took 9 seconds.\n"
		if i%2 == 0 {
			body += "## Result\nIt fell to 300 ms.\n"
		}
		if i%7 == 3 {
			name += ".missing" // never written: unreadable
			wantErr = append(wantErr, name)
		} else if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
		want = append(want, name)
	}
	ios, _, out, errOut := iostreams.Test()
	err := Run(&Options{IO: ios, Pack: func() (*pack.Pack, error) { return compiled.Embedded(), nil },
		Open: document.ReadFile, Files: files, Format: "json"})
	var ee *cmdutil.ExitError
	if !errors.As(err, &ee) || ee.Code != cmdutil.ExitCannotRun {
		t.Fatalf("err = %v, want exit %d for the unreadable inputs", err, cmdutil.ExitCannotRun)
	}
	var reports []struct {
		File  string `json:"file"`
		Error string `json:"error"`
	}
	if err := json.Unmarshal(out.Bytes(), &reports); err != nil {
		t.Fatalf("not one JSON array: %v\n%s", err, out)
	}
	var got, gotErr []string
	for _, r := range reports {
		got = append(got, r.File)
		if r.Error != "" {
			gotErr = append(gotErr, r.File)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order of the reports (-input +output):\n%s", diff)
	}
	if diff := cmp.Diff(wantErr, gotErr); diff != "" {
		t.Errorf("reports standing for unreadable inputs (-want +got):\n%s", diff)
	}
	var stderrNames []string
	for _, line := range strings.Split(strings.TrimSpace(errOut.String()), "\n") {
		for _, f := range wantErr {
			if strings.Contains(line, f) {
				stderrNames = append(stderrNames, f)
			}
		}
	}
	if diff := cmp.Diff(wantErr, stderrNames); diff != "" {
		t.Errorf("stderr lines (-want +got):\n%s", diff)
	}
}
