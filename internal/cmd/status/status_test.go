package status

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/readiness"
	"github.com/prepcli/prep/internal/readiness/readinesstest"
	"github.com/prepcli/prep/internal/session/sessiontest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// t0 is the tests' clock; the interview is ten days on.
var (
	t0        = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	interview = time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC)
)

// fixture copies testdata/ws to a private workspace.
func fixture(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ws")
	err := filepath.WalkDir(filepath.Join("testdata", "ws"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join("testdata", "ws"), path)
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o700)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

type harness struct {
	f        *cmdutil.Factory
	ios      *iostreams.IOStreams
	out, err *bytes.Buffer
}

func newHarness(t *testing.T, dir string) *harness {
	ios, _, out, errOut := iostreams.Test()
	f := cmdutil.New(ios, cmdutil.BuildInfo{Version: "test"})
	f.SetSettings(cmdutil.Settings{Dir: dir, Interview: interview, NoColor: true})
	f.Now = func() time.Time { return t0 }
	return &harness{f: f, ios: ios, out: out, err: errOut}
}

func (h *harness) run(args ...string) error {
	cmd := NewCmdStatus(h.f, func(o *Options) error {
		o.Pack = func() (*pack.Pack, error) { return readinesstest.Pack(), nil }
		return Run(o)
	})
	cmd.SetArgs(append([]string{}, args...))
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	return cmd.Execute()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

// Plain text when stdout is no terminal: no bars, no colour, no marks a
// script would trip on.
func TestStatusText(t *testing.T) {
	h := newHarness(t, fixture(t))
	if err := h.run(); err != nil {
		t.Fatalf("%v\n%s", err, h.err)
	}
	if h.err.Len() > 0 {
		t.Errorf("stderr: %s", h.err)
	}
	out := h.out.String()
	if strings.ContainsAny(out, "█░✓✗\x1b") {
		t.Errorf("bars, marks or escapes without a terminal:\n%s", out)
	}
	golden(t, "status.txt", out)
}

// The JSON: the documented shape, read back into the report.
func TestStatusJSON(t *testing.T) {
	h := newHarness(t, fixture(t))
	if err := h.run("--format", "json"); err != nil {
		t.Fatal(err)
	}
	golden(t, "status.json", h.out.String())
	var rep readiness.Report
	if err := json.Unmarshal(h.out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	type signal struct {
		Title   string
		Covered bool
	}
	var signals []signal
	for _, s := range rep.Background.Signals.Items {
		signals = append(signals, signal{s.Title, len(s.CoveredBy) > 0})
	}
	wantSignals := []signal{
		{"High agency and ownership", true},
		{"Pragmatic perfectionism", true},
		{"Exceptional, written-first communication", true},
		{"Technical depth you can defend", false},
	}
	if diff := cmp.Diff(wantSignals, signals); diff != "" {
		t.Errorf("signals (-want +got):\n%s", diff)
	}
	want := struct {
		Drafted, Passing, Ready, Followups readiness.Progress
		Practice                           [4]int
		Drills                             readiness.Drills
		Values                             readiness.Progress
		Interview                          readiness.Interview
	}{
		Drafted: readiness.Progress{Done: 2, Total: 3}, Passing: readiness.Progress{Done: 1, Total: 3}, Ready: readiness.Progress{Done: 1, Total: 3}, Followups: readiness.Progress{Done: 2, Total: 6},
		Practice:  [4]int{1, 1, 1, 1},
		Drills:    readiness.Drills{DueToday: 9, Done: 2},
		Values:    readiness.Progress{Done: 2, Total: 4},
		Interview: readiness.Interview{Date: "2026-01-12", DaysLeft: 10},
	}
	got := want
	got.Drafted, got.Passing, got.Ready, got.Followups = rep.Background.Drafted, rep.Background.Passing, rep.Background.Ready, rep.Background.Followups
	got.Practice = [4]int{rep.Technical.Practice.Design, rep.Technical.Practice.Scale, rep.Technical.Practice.Passing, rep.Technical.Practice.Ready}
	got.Drills, got.Values, got.Interview = rep.Drills, rep.Culture.Values.Progress, *rep.Interview
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("figures (-want +got):\n%s", diff)
	}
}

// In a terminal: bars and marks, and colour only when it is wanted.
func TestStatusTerminal(t *testing.T) {
	h := newHarness(t, fixture(t))
	h.ios.SetStdoutTTY(true)
	if err := h.run(); err != nil {
		t.Fatal(err)
	}
	out := h.out.String()
	for _, s := range []string{"Featured stories    ████████░░░░ 2/3 drafted", "    ✓ High agency and ownership", "    ✗ Pragmatic perfectionism: no story shows it yet. A story needs:"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour with --no-color:\n%s", out)
	}
}

// An empty workspace: every figure at zero, and where to start.
func TestStatusEmpty(t *testing.T) {
	h := newHarness(t, filepath.Join(t.TempDir(), "ws"))
	if err := h.run(); err != nil {
		t.Fatal(err)
	}
	out := h.out.String()
	for _, s := range []string{"Featured stories    0/3 drafted", "  prep background       write your timeline and top stories"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

// A broken story is listed as a problem; a broken drill schedule stops
// the command with its line, exit 2.
func TestStatusProblems(t *testing.T) {
	dir := fixture(t)
	if err := os.WriteFile(filepath.Join(dir, "stories", "broken.md"), []byte("---\ntitle: Broken\nrank: 7\n---\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir)
	if err := h.run(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.out.String(), "Problems\n  "+filepath.Join(dir, "stories", "broken.md")+":3: rank \"7\" is not 0 to 3") {
		t.Errorf("output:\n%s", h.out)
	}
	if err := os.WriteFile(filepath.Join(dir, "drills.yaml"), []byte("cards: [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := h.run()
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun || err == nil || !strings.Contains(err.Error(), "drills.yaml:1: not valid YAML") {
		t.Errorf("err = %v (exit %d); want the schedule's line and exit 2", err, code)
	}
}

// A timeline.yaml that does not read is a problem, not "0 roles"; two
// stories given one rank by hand are a problem too (issue 9, item 18).
func TestStatusBrokenTimelineAndSharedRank(t *testing.T) {
	dir := fixture(t)
	if err := os.WriteFile(filepath.Join(dir, "timeline.yaml"), []byte("roles:\n  - company: Acme\n    titel: Engineer\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ledger := filepath.Join(dir, "stories", "ledger.md")
	data, err := os.ReadFile(ledger)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stories", "ledger-copy.md"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir)
	if err := h.run(); err != nil {
		t.Fatal(err)
	}
	out := h.out.String()
	timeline := filepath.Join(dir, "timeline.yaml") + `:3: unknown key "titel"; correct its spelling or remove it (known keys: roles; in each role company, title, start, end, owned, impact)`
	for _, want := range []string{
		"  Timeline            unreadable: see Problems below\n",
		"Problems\n",
		"  " + filepath.Join(dir, "stories") + ": ledger-copy.md and ledger.md share rank 1; say which comes first, such as prep story rank ledger-copy 1, and the others move down a place\n",
		"  " + timeline + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "0 roles") {
		t.Errorf("a timeline that does not read shows as 0 roles:\n%s", out)
	}
	h.out.Reset()
	if err := h.run("--format", "json"); err != nil {
		t.Fatal(err)
	}
	var rep readiness.Report
	if err := json.Unmarshal(h.out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Background.TimelineProblem != timeline {
		t.Errorf("timeline_problem = %q, want %q", rep.Background.TimelineProblem, timeline)
	}
}

func TestStatusBadFormat(t *testing.T) {
	h := newHarness(t, fixture(t))
	err := h.run("--format", "yaml")
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun || err == nil || err.Error() != `--format "yaml": use text or json` {
		t.Errorf("err = %v (exit %d)", err, code)
	}
}

// weakStory is a featured story an interviewer would send back: every
// required section there, but vague, all "we", with no number and no
// alternative named.
var weakStory = "---\ntitle: Making the service faster\nkind: star\nrank: 3\n---\n\n" + readWeakStory()

// readWeakStory is examples/weak-story.md, the story the README shows prep
// sending back.
func readWeakStory() string {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "weak-story.md"))
	if err != nil {
		panic(err)
	}
	return string(data)
}

// A weak story has no error, so it still "passes" in the JSON kept for
// scripts; but it is not counted ready, the text shows it as needing work
// with its reasons, and nothing calls it passing.
func TestStatusWeakStoryNeedsWork(t *testing.T) {
	dir := fixture(t)
	if err := os.WriteFile(filepath.Join(dir, "stories", "faster.md"), []byte(weakStory), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, dir)
	if err := h.run("--format", "json"); err != nil {
		t.Fatal(err)
	}
	var rep readiness.Report
	if err := json.Unmarshal(h.out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var weak *readiness.StoryStatus
	for i, s := range rep.Background.Stories {
		if s.File == "stories/faster.md" {
			weak = &rep.Background.Stories[i]
		}
	}
	if weak == nil {
		t.Fatalf("the weak story is not among the featured: %+v", rep.Background.Stories)
	}
	if weak.Verdict != "needs-work" || len(weak.Reasons) == 0 || !weak.Passes || weak.Errors != 0 {
		t.Errorf("weak story: verdict %q, reasons %q, passes %v, errors %d; want needs-work with reasons, passes true (no error)", weak.Verdict, weak.Reasons, weak.Passes, weak.Errors)
	}
	type counts struct{ Drafted, Passing, Ready readiness.Progress }
	want := counts{Drafted: readiness.Progress{Done: 3, Total: 3}, Passing: readiness.Progress{Done: 2, Total: 3}, Ready: readiness.Progress{Done: 1, Total: 3}}
	if diff := cmp.Diff(want, counts{rep.Background.Drafted, rep.Background.Passing, rep.Background.Ready}); diff != "" {
		t.Errorf("figures (-want +got):\n%s", diff)
	}

	h = newHarness(t, dir)
	if err := h.run(); err != nil {
		t.Fatal(err)
	}
	out := h.out.String()
	// A long verdict wraps to the page's width, so compare words.
	flat := strings.Join(strings.Fields(out), " ")
	for _, s := range []string{
		"Ready 1/3",
		"3. Making the service faster: needs work: " + strings.Join(weak.Reasons, ", "),
		"prep story check see what your featured stories still miss",
	} {
		if !strings.Contains(flat, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "pass") {
		t.Errorf("the text calls something passing:\n%s", out)
	}
}

// The signal and value lists are wrapped to the terminal, not to 78
// columns whatever its width.
func TestStatusWrapsToTheTerminal(t *testing.T) {
	sessiontest.EachWidth(t, func(t *testing.T, terminal int) string {
		h := newHarness(t, fixture(t))
		h.ios.SetTerminalWidth(terminal)
		if err := h.run(); err != nil {
			t.Fatal(err)
		}
		return h.out.String()
	})
}

// On a colour terminal the marks and bars are painted, the codes whole
// (wrapping the lists once turned each code's escape into "?"), and the
// lines fit the terminal once the codes are left out.
func TestStatusColour(t *testing.T) {
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("NO_COLOR", "") // restored after the test, unset during it
	os.Unsetenv("NO_COLOR")
	h := newHarness(t, fixture(t))
	h.ios.SetStdoutTTY(true)
	h.ios.SetTerminalWidth(60)
	h.f.SetSettings(cmdutil.Settings{Dir: h.f.Settings().Dir, Interview: interview})
	if err := h.run(); err != nil {
		t.Fatal(err)
	}
	out := h.out.String()
	for _, want := range []string{"\x1b[32m✓\x1b[0m High agency and ownership", "\x1b[31m✗\x1b[0m", "\x1b[33m████████░░░░\x1b[0m 2/3 drafted"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "?[") {
		t.Errorf("a colour code came out broken:\n%s", out)
	}
	plain := strings.NewReplacer("\x1b[31m", "", "\x1b[32m", "", "\x1b[33m", "", "\x1b[0m", "").Replace(out)
	sessiontest.Width{Terminal: 60, Widest: 60}.Check(t, plain)
}
