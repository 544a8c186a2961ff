package story

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/testdisk"
	"github.com/prepcli/prep/internal/workspace"
)

// The edit tests run this test binary again as the candidate's editor:
// with editorEnv set it does one thing to the file named last and exits.
const editorEnv = "PREP_STORY_TEST_EDITOR"

func TestMain(m *testing.M) {
	if mode := os.Getenv(editorEnv); mode != "" {
		os.Exit(fakeEditor(mode, os.Args[len(os.Args)-1]))
	}
	// No test here checks that a write survives a power cut.
	workspace.SkipSyncForTests()
	os.Exit(testdisk.M{Tests: m}.Run())
}

// resultSection is what the fake editor adds: the missing Result.
const resultSection = "\n## Result\n\nCheckout p99 fell from 2.1 s to 320 ms and timeouts from 3% to 0.1%.\n"

func fakeEditor(mode, path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	switch mode {
	case "add-result":
		data = append(data, resultSection...)
	case "break":
		// An unclosed flow sequence: the front matter no longer parses.
		data = bytes.Replace(data, []byte("kind: star"), []byte("kind: [star"), 1)
	case "fix":
		data = bytes.Replace(data, []byte("kind: [star"), []byte("kind: star"), 1)
	case "keep":
	case "fail":
		fmt.Fprintln(os.Stderr, "editor: cannot open the terminal")
		return 3
	default:
		fmt.Fprintln(os.Stderr, "unknown editor mode", mode)
		return 2
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// t0 is the tests' clock: the workspace writes it into every story saved.
var t0 = time.Date(2026, 1, 10, 9, 30, 0, 0, time.UTC)

type env struct {
	f        *cmdutil.Factory
	ws       *workspace.Workspace
	dir      string
	out, err *bytes.Buffer
	clock    time.Time
	vars     map[string]string
}

// newEnv is a workspace in a temp dir and a factory on it with test
// streams (no terminal), as the root command would set it up.
func newEnv(t *testing.T) *env {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ws")
	streams, _, out, errOut := iostreams.Test()
	e := &env{dir: dir, out: out, err: errOut, clock: t0, vars: map[string]string{}}
	e.f = cmdutil.New(streams, cmdutil.BuildInfo{Version: "test"})
	e.f.Env = func(k string) (string, bool) { v, ok := e.vars[k]; return v, ok }
	e.f.Now = func() time.Time { return e.clock }
	e.f.SetSettings(cmdutil.Settings{Dir: dir, NoColor: true})
	ws, err := workspace.Open(dir, func() time.Time { return e.clock })
	if err != nil {
		t.Fatal(err)
	}
	e.ws = ws
	return e
}

// terminal makes the streams count as a terminal, as in a real shell.
func (e *env) terminal() {
	e.f.IOStreams.SetStdinTTY(true)
	e.f.IOStreams.SetStdoutTTY(true)
}

// save writes a story through the workspace at the given time.
func (e *env) save(t *testing.T, at time.Time, title string, rank int, body string) *workspace.Story {
	t.Helper()
	e.clock = at
	s := &workspace.Story{Meta: workspace.StoryMeta{Title: title, Kind: "star", Rank: rank}, Body: body}
	if err := e.ws.SaveStory(s); err != nil {
		t.Fatal(err)
	}
	e.clock = t0
	return s
}

// broken writes a story file whose front matter does not parse (rank 7,
// on line 3), through the workspace.
func (e *env) broken(t *testing.T, name string) string {
	t.Helper()
	if err := e.ws.WriteFile("stories/"+name, []byte("---\ntitle: Broken\nrank: 7\n---\n\n## Situation\n\nText.\n")); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(e.ws.Dir(), "stories", name)
}

// run runs `prep story ARGS` as the root command would: the error's line
// on stderr unless it was already said, and the exit status.
func (e *env) run(t *testing.T, args ...string) int {
	t.Helper()
	e.out.Reset()
	e.err.Reset()
	cmd := NewCmdStory(e.f)
	cmd.SetArgs(append([]string{}, args...)) // never nil: cobra would read os.Args
	cmd.SetOut(e.out)
	cmd.SetErr(e.err)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	if err != nil && !cmdutil.Silent(err) {
		fmt.Fprintf(e.err, "prep: %s\n", err)
	}
	return cmdutil.ExitCode(err)
}

// lines splits output into its lines, without the final newline.
func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// A full story: ready by the star rubric, with no error and no warning.
const fullBody = `
## Situation

At a payments startup our checkout service wrote every ledger entry
synchronously to one PostgreSQL primary, and during flash sales about 3%
of orders timed out.

## Task

I owned the fix end to end: keep ledger entries exactly once and bring p99
under 400 ms at five times the peak load.

## Architecture

I put an outbox table in the same transaction as the order, and a small
relay that publishes outbox rows to Kafka, partitioned by merchant, so one
consumer per partition applies balance updates in order.

## Action

I profiled the lock waits and found that one balance row per merchant
serialised every checkout. I wrote the outbox migration, built the relay
with idempotency keys, and ran both paths in shadow mode for two weeks,
comparing balances nightly until they matched for ten days in a row.

## Result

p99 checkout latency dropped from 2.1 s to 320 ms, and timeouts fell from
3% to under 0.1% at the holiday peak.

## Trade-offs

I chose an outbox and Kafka rather than sharding the balances table,
because sharding meant a risky data migration weeks before the peak. I
ruled out an in-memory queue, since a crash would lose entries.

## Lessons

My mistake was shipping the relay without a lag alert, so a stall reached
a merchant before it reached us. I learned to ship the alert with the
component.

## Contribution

I designed the outbox and relay, wrote the migration and most of the relay
code, and ran the shadow comparison myself.

## Follow-ups

- **Why Kafka and not SQS?** Ordering per merchant through partitions.
- **How did you know balances matched?** A nightly diff, zero drift for ten days.
`

// A draft: Situation and Task only.
const draftBody = `
## Situation

Our catalogue search ran LIKE queries on MySQL and shoppers waited
seconds for results during the evening peak, every single day.

## Task

I was asked to make search answer in under 200 ms for the whole catalogue.
`

// rubric is a rubric of the embedded default pack.
func rubric(t *testing.T, id string) *pack.Rubric {
	t.Helper()
	p, err := pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
	if err != nil {
		t.Fatal(err)
	}
	r, ok := p.Rubric(id)
	if !ok {
		t.Fatalf("the default pack has no rubric %q", id)
	}
	return r
}
