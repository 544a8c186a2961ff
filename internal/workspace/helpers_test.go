package workspace

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
)

// The tests that need a second process run this test binary again with
// helperEnv set: it then does one job and never returns to the tests.
const (
	helperEnv    = "PREP_WORKSPACE_TEST_HELPER"
	helperDirEnv = "PREP_WORKSPACE_TEST_DIR"
)

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(helper(mode, os.Getenv(helperDirEnv)))
	}
	// The helper above, which the kill tests kill mid-write, keeps fsync;
	// the tests in this process check what a write leaves, not whether it
	// survives a power cut, so they skip it.
	SkipSyncForTests()
	os.Exit(m.Run())
}

// t0 is the time of every test's clock, and of the helper's.
var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

func helper(mode, dir string) int {
	w, err := Open(dir, func() time.Time { return t0 })
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	switch mode {
	case "lock":
		if _, err := w.Lock(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		fmt.Println("locked")
		io.Copy(io.Discard, os.Stdin) // hold the lock until killed
		return 0
	case "write":
		for i := 0; ; i++ {
			if err := w.WriteFile("stories/kill.md", killStory(i)); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 2
			}
			if i == 0 {
				fmt.Println("ready")
			}
		}
	}
	fmt.Fprintln(os.Stderr, "unknown helper mode", mode)
	return 2
}

// killStory is version i of a story big enough that a write takes a
// while, so kills land in the middle of some.
func killStory(i int) []byte {
	return []byte(fmt.Sprintf("---\ntitle: version %d\nkind: star\nrank: 0\n---\n%s", i, killBody(i)))
}

func killBody(i int) string {
	return strings.Repeat(fmt.Sprintf("line of version %d\n", i), 1<<14)
}

// startHelper runs the helper in mode on dir and waits for its first line
// of output (its sign that it is ready).
func startHelper(t *testing.T, mode, dir string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperDirEnv+"="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper %s did not start: %v: %s", mode, err, stderr.String())
	}
	_ = line
	return cmd
}

// clock is a test's time, moved on by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }

func newWS(t *testing.T) (*Workspace, *clock) {
	t.Helper()
	c := &clock{t0}
	w, err := Open(t.TempDir(), c.now)
	if err != nil {
		t.Fatal(err)
	}
	return w, c
}

// put writes a workspace file as the candidate's editor would.
func put(t *testing.T, w *Workspace, rel, content string) string {
	t.Helper()
	path := w.path(rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func get(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func errStrings(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func skipOnWindows(t *testing.T, why string) {
	if runtime.GOOS == "windows" {
		t.Skip(why)
	}
}

// temps lists prep's temp files left in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if isTemp(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// rubric is a rubric of the embedded default pack, whose labels and
// other names (Context for Situation, Outcome for Result) sessions find
// sections by.
func rubric(tb testing.TB, id string) *pack.Rubric {
	tb.Helper()
	defaultPack.once.Do(func() {
		defaultPack.p, defaultPack.err = pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
	})
	if defaultPack.err != nil {
		tb.Fatal(defaultPack.err)
	}
	r, ok := defaultPack.p.Rubric(id)
	if !ok {
		tb.Fatalf("the default pack has no rubric %q", id)
	}
	return r
}

var defaultPack struct {
	once sync.Once
	p    *pack.Pack
	err  error
}
