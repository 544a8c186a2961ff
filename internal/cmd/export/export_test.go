package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/sheet"
	"github.com/prepcli/prep/internal/workspace"
)

var update = flag.Bool("update", false, "rewrite testdata/sheet.golden.md")

// t0 is the tests' clock: the sheet's date and the stories' times.
var t0 = time.Date(2026, 1, 10, 9, 30, 0, 0, time.UTC)

type env struct {
	f        *cmdutil.Factory
	ws       *workspace.Workspace
	out, err *bytes.Buffer
}

func newEnv(t *testing.T) *env {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ws")
	streams, _, out, errOut := iostreams.Test()
	f := cmdutil.New(streams, cmdutil.BuildInfo{Version: "test"})
	f.Now = func() time.Time { return t0 }
	f.SetSettings(cmdutil.Settings{Dir: dir, NoColor: true})
	ws, err := workspace.Open(dir, f.Now)
	if err != nil {
		t.Fatal(err)
	}
	return &env{f: f, ws: ws, out: out, err: errOut}
}

// fixture fills the workspace through its own API: a timeline of three
// roles, three featured stories (a full one with follow-ups as the
// guided session writes them, a draft with Q:/A: follow-ups and an
// unanswered one, one marked with bold labels and other names), an
// unranked draft and a story file that does not parse.
func (e *env) fixture(t *testing.T) {
	t.Helper()
	tl := &workspace.Timeline{Roles: []workspace.Role{
		{Company: "Acme Payments", Title: "Senior Engineer", Start: "2022-03", End: "present",
			Owned:  "The checkout and ledger services, and the payments on-call rotation.",
			Impact: "Cut p99 checkout latency from 2.1 s to 320 ms; pages down from 41 to 9 a month."},
		{Company: "Shoply", Title: "Software Engineer", Start: "2019-01", End: "2022-02",
			Owned: "Product search and the catalogue API.", Impact: "Search answered in under 200 ms."},
		{Company: "Webworks", Title: "Junior Developer", Start: "2017-06", End: "2018-12", Owned: "Client sites."},
	}}
	if err := e.ws.SaveTimeline(tl); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		file, title string
		rank        int
	}{
		{"ledger.md", "Moving ledger writes off the checkout path", 1},
		{"search.md", "Rewriting product search", 2},
		{"oncall.md", "Halving the on-call pages", 3},
		{"billing.md", "Billing export clean-up", 0},
	} {
		body, err := os.ReadFile(filepath.Join("testdata", "fixture", s.file))
		if err != nil {
			t.Fatal(err)
		}
		st := &workspace.Story{Meta: workspace.StoryMeta{Title: s.title, Kind: "star", Rank: s.rank}, Body: string(body)}
		if err := e.ws.SaveStory(st); err != nil {
			t.Fatal(err)
		}
	}
	culture := &workspace.Story{Meta: workspace.StoryMeta{Title: "The slipped release", Kind: "culture", Panel: "culture"},
		Body: "## Value\n\nOwnership: I said the date would slip before anyone asked.\n\n## Situation\n\nA release I led was two weeks late, and the launch email was already scheduled.\n\n" +
			"## Action\n\nI wrote the risk and a new plan in the team channel that morning and moved the email myself.\n\n## Result\n\nWe shipped 3 days after the new date, and no customer got the wrong email.\n\n" +
			"## Reflection\n\nI learned to write a risk down on the day I see it.\n"}
	if err := e.ws.SaveStory(culture); err != nil {
		t.Fatal(err)
	}
	if err := e.ws.WriteFile("practice/rate-limiter.md", []byte("---\ntitle: A rate limiter\nkind: design\npanel: technical\n---\n"+
		"## MVP\n\nOne token bucket per tenant in Redis, checked by the API gateway.\n\n"+
		"## Trade-offs\n\nI chose Redis rather than an in-process limiter, because the fleet has 40 nodes.\n")); err != nil {
		t.Fatal(err)
	}
	if err := e.ws.WriteFile("stories/broken.md", []byte("---\ntitle: Broken\nrank: 7\n---\n")); err != nil {
		t.Fatal(err)
	}
}

func (e *env) run(t *testing.T, args ...string) int {
	t.Helper()
	e.out.Reset()
	e.err.Reset()
	cmd := NewCmdExport(e.f, nil)
	cmd.SetArgs(append([]string{}, args...)) // never nil: cobra would read os.Args
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	if err != nil && !cmdutil.Silent(err) {
		e.err.WriteString("prep: " + err.Error() + "\n")
	}
	return cmdutil.ExitCode(err)
}

// The sheet of a fixture workspace, compared whole with the golden file;
// go test -update rewrites it after a change to be reviewed.
func TestSheetGolden(t *testing.T) {
	e := newEnv(t)
	e.fixture(t)
	code := e.run(t)
	if code != 2 {
		t.Errorf("exit %d, want 2: a story file does not parse", code)
	}
	wantErr := "prep: unreadable: " + filepath.Join(e.ws.Dir(), "stories", "broken.md") + `:3: rank "7" is not 0 to 3; write 1, 2 or 3 to feature the story, or 0` + "\n"
	if diff := cmp.Diff(wantErr, e.err.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	golden := filepath.Join("testdata", "sheet.golden.md")
	if *update {
		if err := os.WriteFile(golden, e.out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), e.out.String()); diff != "" {
		t.Errorf("sheet differs from %s (-want +got):\n%s", golden, diff)
	}
}

func TestOutputFile(t *testing.T) {
	e := newEnv(t)
	e.fixture(t)
	e.run(t)
	page := e.out.String()

	target := filepath.Join(t.TempDir(), "prep-sheet.md")
	if code := e.run(t, "-o", target); code != 2 {
		t.Errorf("exit %d, want 2 (the broken story)", code)
	}
	if want := "wrote the prep sheet to " + target + "\n"; e.out.String() != want {
		t.Errorf("stdout %q, want %q", e.out, want)
	}
	got, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sheet.Marker+"\n\n"+page, string(got)); diff != "" {
		t.Errorf("file (-want +got):\n%s", diff)
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode of the sheet: %v %v, want 0600: it holds the candidate's answers", fi.Mode(), err)
	}

	// Exporting again replaces the sheet prep wrote.
	if _, err := e.ws.Remove("billing"); err != nil {
		t.Fatal(err)
	}
	e.run(t, "-o", target)
	got, _ = os.ReadFile(target)
	if strings.Contains(string(got), "Billing export") {
		t.Errorf("the sheet was not replaced:\n%s", got)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temp files left behind: %v", leftovers)
	}
}

func TestOutputRefusals(t *testing.T) {
	e := newEnv(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(notes, []byte("# My own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, target, want string
	}{
		{"a file prep did not write", notes, notes + ": exists and is not a sheet prep wrote; prep will not overwrite it"},
		{"a directory", dir, dir + ": is a directory; give a file name"},
		{"a missing directory", filepath.Join(dir, "nope", "sheet.md"), filepath.Join(dir, "nope", "sheet.md") + ": no directory"},
		{"the stories folder", filepath.Join(e.ws.Dir(), "stories", "sheet.md"), "is in your stories folder"},
	}
	if err := os.MkdirAll(filepath.Join(e.ws.Dir(), "stories"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := e.run(t, "-o", tt.target)
			if code != 2 || !strings.Contains(e.err.String(), tt.want) || strings.Count(e.err.String(), "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and one line with %q", code, e.err, tt.want)
			}
		})
	}
	if got, _ := os.ReadFile(notes); string(got) != "# My own notes\n" {
		t.Errorf("notes overwritten: %q", got)
	}
}
