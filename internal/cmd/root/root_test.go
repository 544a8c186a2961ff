package root

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
)

// run executes prep in-process with fresh streams and an environment that
// keeps it away from the real user's files.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runIn(t, t.TempDir(), args, commandRun(args))
}

// runIn is run with home as the home directory and the tree of the
// command only, or the whole tree for "" (runTree).
func runIn(t *testing.T, home string, args []string, only string) (code int, stdout, stderr string) {
	t.Helper()
	streams, _, out, errOut := iostreams.Test()
	f := cmdutil.New(streams, cmdutil.BuildInfo{Version: "test"})
	env := map[string]string{"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, "config"), "XDG_DATA_HOME": filepath.Join(home, "data")}
	f.Env = func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	code = runTree(f, args, only)
	return code, out.String(), errOut.String()
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// aliasBomb is the "billion laughs" document: a few lines that expand to
// billions of nodes if a parser follows every alias.
const aliasBomb = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

// Every kind of bad input ends the same way: exit 2, one line on stderr
// that starts with the program's name, names what was wrong and says what
// to do; never a panic or a stack trace.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	story := write(t, dir, "story.md", []byte("## Situation\nWe had a problem.\n"))
	big := filepath.Join(dir, "big.md")
	fh, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := fh.Truncate(50 << 20); err != nil { // 50 MB, sparse: cheap to make
		t.Fatal(err)
	}
	fh.Close()

	goodPanel := "panels:\n  - id: extra\n    title: Extra\n    summary: s\n    overview: o\n"
	tests := []struct {
		name string
		args []string
		want []string // each must appear in the one stderr line
		hint bool     // a second line points at --help
	}{
		{"missing file", []string{"check", filepath.Join(dir, "nope.md")}, []string{"nope.md"}, false},
		{"directory", []string{"check", dir}, []string{dir, "directory"}, false},
		{"binary file", []string{"check", write(t, dir, "photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))}, []string{"photo.png", "binary"}, false},
		{"invalid UTF-8", []string{"check", write(t, dir, "latin1.md", []byte("## Situation\nok\ncaf\xe9 au lait\n"))}, []string{"latin1.md", "UTF-8", "3"}, false},
		{"empty file", []string{"check", write(t, dir, "empty.md", []byte("  \n\n"))}, []string{"empty.md", "empty"}, false},
		{"50 MB file", []string{"check", big}, []string{"big.md", "too large"}, false},
		{"alias bomb in front matter", []string{"check", write(t, dir, "bomb.md", []byte("---\n"+aliasBomb+"---\n## Situation\nx\n"))}, []string{"bomb.md"}, false},
		{"bad front matter", []string{"check", write(t, dir, "fm.md", []byte("---\ntitle: [unclosed\n---\n## Situation\nx\n"))}, []string{"fm.md", "front matter"}, false},
		{"unknown kind in front matter", []string{"check", write(t, dir, "kind.md", []byte("---\nkind: poem\n---\n## Situation\nx\n"))}, []string{"kind.md", `"poem"`, "star"}, false},
		{"unknown --kind", []string{"check", "--kind", "poem", story}, []string{`--kind "poem"`, "star"}, true},
		{"unknown --format", []string{"check", "--format", "xml", story}, []string{`--format "xml"`, "json"}, true},
		{"unknown flag", []string{"check", "--frobnicate", story}, []string{"--frobnicate"}, true},
		{"unknown command", []string{"frobnicate"}, []string{`unknown command "frobnicate"`}, true},
		{"bad config file", []string{"--config", write(t, dir, "config.yaml", []byte("colour: red\n")), "check", story}, []string{"config.yaml", "line 1", "colour"}, false},
		{"pack with an unknown key", []string{"--content", filepath.Dir(write(t, dir, "p1/panels.yaml", []byte(goodPanel+"    colour: red\n"))), "content", "list"}, []string{"p1/panels.yaml:6", `"colour"`}, false},
		{"pack with a duplicate id", []string{"--content", filepath.Dir(write(t, dir, "p2/panels.yaml", []byte(goodPanel+strings.Replace(goodPanel, "panels:\n", "", 1)))), "content", "list"}, []string{"p2/panels.yaml:6", "extra"}, false},
		{"pack with an alias bomb", []string{"--content", filepath.Dir(write(t, dir, "p3/bomb.yaml", []byte(aliasBomb))), "content", "list"}, []string{"p3/bomb.yaml"}, false},
		{"pack directory missing", []string{"--content", filepath.Join(dir, "nopack"), "check", story}, []string{"nopack", "no such content pack"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != cmdutil.ExitCannotRun {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, cmdutil.ExitCannotRun, stderr)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			wantLines := 1
			if tt.hint {
				wantLines = 2
			}
			if len(lines) != wantLines {
				t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), wantLines, stderr)
			}
			for _, l := range lines {
				if !strings.HasPrefix(l, "prep: ") {
					t.Errorf("stderr line %q does not start with the program's name", l)
				}
			}
			if tt.hint && !strings.Contains(lines[1], "--help") {
				t.Errorf("second line %q should point at --help", lines[1])
			}
			for _, w := range tt.want {
				if !strings.Contains(lines[0], w) {
					t.Errorf("stderr %q does not mention %q", lines[0], w)
				}
			}
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Errorf("stderr shows a crash:\n%s", stderr)
			}
		})
	}
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	good, err := filepath.Abs(filepath.Join("..", "..", "..", "examples", "story.md"))
	if err != nil {
		t.Fatal(err)
	}
	gaps := write(t, dir, "gaps.md", []byte("## Situation\nOur search cluster fell over every Monday morning when reports ran.\n"))
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"ready story", []string{"check", good}, cmdutil.ExitOK},
		{"story with missing sections", []string{"check", gaps}, cmdutil.ExitFindings},
		{"one bad among good", []string{"check", good, filepath.Join(dir, "nope.md")}, cmdutil.ExitCannotRun},
		{"valid pack", []string{"content", "validate"}, cmdutil.ExitOK},
		{"help", []string{"--help"}, cmdutil.ExitOK},
		{"version", []string{"version"}, cmdutil.ExitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, stderr := run(t, tt.args...); code != tt.want {
				t.Errorf("prep %s: exit status %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), code, tt.want, stderr)
			}
		})
	}
}

// Without a terminal, bare prep is help, not a menu waiting for keys.
func TestBareWithoutTerminalIsHelp(t *testing.T) {
	code, stdout, _ := run(t)
	if code != 0 || !strings.Contains(stdout, "Usage:") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
}

// In a terminal, bare prep greets with the pack's welcome and its panels.
func TestBareInTerminalShowsPanels(t *testing.T) {
	streams, _, out, _ := iostreams.Test()
	streams.SetStdinTTY(true)
	streams.SetStdoutTTY(true)
	f := cmdutil.New(streams, cmdutil.BuildInfo{Version: "test"})
	f.Env = func(string) (string, bool) { return "", false }
	if code := Run(f, []string{"--dir", t.TempDir()}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	p, err := f.Pack()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(out.String(), "\n") {
		for _, panel := range p.Panels {
			if strings.HasPrefix(line, "  "+panel.Title+"  ") {
				got = append(got, panel.ID)
			}
		}
	}
	for _, want := range []string{"prep background", "prep technical", "prep culture", "drill cards due: prep drill"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("menu does not offer %q:\n%s", want, out.String())
		}
	}
	if diff := cmp.Diff([]string{"background", "technical", "culture"}, got); diff != "" {
		t.Errorf("panels in the menu (-want +got):\n%s\n%s", diff, out.String())
	}
	if !bytes.Contains(out.Bytes(), []byte(strings.Fields(p.Meta.Welcome)[0]+" "+strings.Fields(p.Meta.Welcome)[1])) {
		t.Errorf("menu does not show the welcome:\n%s", out.String())
	}
}

// weakStory is a story an interviewer would send back: every required
// section there, but vague, all "we", with no number and no alternative.
var weakStory = "---\ntitle: Making the service faster\nkind: star\nrank: 2\n---\n\n" + readWeakStory()

// readWeakStory is examples/weak-story.md, the story the README shows prep
// sending back.
func readWeakStory() string {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "weak-story.md"))
	if err != nil {
		panic(err)
	}
	return string(data)
}

// The menu counts a featured story ready only when the check says so: a
// weak one is counted as needing work, never as passing.
func TestMenuCountsReadyStories(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	// The example story is ready, and ranked 1 in its front matter.
	good, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "story.md"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"good.md": good, "faster.md": []byte(weakStory)} {
		p := write(t, filepath.Join(dir, "stories"), name, data)
		if err := os.Chmod(p, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{dir, filepath.Join(dir, "stories")} {
		if err := os.Chmod(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	streams, _, out, errOut := iostreams.Test()
	streams.SetStdinTTY(true)
	streams.SetStdoutTTY(true)
	f := cmdutil.New(streams, cmdutil.BuildInfo{Version: "test"})
	f.Env = func(string) (string, bool) { return "", false }
	if code := Run(f, []string{"--dir", dir, "--no-color"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	p, err := f.Pack()
	if err != nil {
		t.Fatal(err)
	}
	var standing string
	for _, panel := range p.Panels {
		if panel.ID != "background" {
			continue
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(line, "  "+panel.Title+"  ") {
				standing = strings.TrimSpace(line[strings.Index(line, "prep background")+len("prep background"):])
			}
		}
	}
	if diff := cmp.Diff("2 of 3 featured stories: 1 ready, 1 needs work", standing); diff != "" {
		t.Errorf("the Background Panel's standing (-want +got):\n%s\n%s", diff, out)
	}
	if strings.Contains(out.String(), "pass") {
		t.Errorf("the menu calls a story passing:\n%s", out)
	}
}

// The shell completes a story's name for the commands that take one, from
// the workspace --dir names, and never creates a workspace to do it
// (issue 9, item 24).
func TestCompletionNamesStories(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	write(t, dir, "stories/ledger-writes.md", []byte("---\ntitle: Ledger writes\nrank: 1\n---\nbody\n"))
	write(t, dir, "stories/search-rewrite.md", []byte("---\ntitle: Search rewrite\n---\nbody\n"))
	write(t, dir, "stories/broken.md", []byte("---\ntitle: [\n---\nbody\n"))
	write(t, dir, ".trash/20260102-150405-old-draft.md", []byte("---\ntitle: Old\n---\nbody\n"))
	stories := []string{"ledger-writes\t1. Ledger writes", "search-rewrite\tSearch rewrite", "broken\tdoes not parse: edit it to fix it"}
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"story", "edit", ""}, stories},
		{[]string{"story", "show", ""}, stories},
		{[]string{"story", "rm", ""}, stories},
		{[]string{"story", "check", "ledger-writes", ""}, stories},
		{[]string{"story", "rank", "se"}, []string{"search-rewrite\tSearch rewrite"}},
		{[]string{"story", "rank", "search-rewrite", ""}, []string{"1\tyour top story", "2", "3", "none\tunranked"}},
		{[]string{"story", "edit", "ledger-writes", ""}, nil},
		{[]string{"story", "restore", ""}, []string{"old-draft\tremoved " + time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC).Local().Format(time.DateTime)}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, stderr := run(t, append([]string{"__complete", "--dir", dir}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			got := lines[:len(lines)-1] // the last is cobra's directive
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty(), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("completions (-want +got):\n%s", diff)
			}
		})
	}
	missing := filepath.Join(t.TempDir(), "none")
	if code, out, _ := run(t, "__complete", "--dir", missing, "story", "edit", ""); code != 0 || strings.Contains(out, "\t") {
		t.Errorf("a workspace that does not exist: exit %d, %q", code, out)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("completion created the workspace")
	}
}

// What bash needs to complete is said where the script is printed.
func TestCompletionHelpSaysWhatBashNeeds(t *testing.T) {
	_, out, _ := run(t, "completion", "--help")
	if !strings.Contains(out, "bash-completion") {
		t.Errorf("prep completion --help does not name bash-completion:\n%s", out)
	}
}
