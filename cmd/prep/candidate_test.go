package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// candidate is the machine of one candidate: a home of its own, a
// workspace, a temporary directory (where the editor's files go) and the
// file the fake editor answers from. Nothing of the real user's is seen.
type candidate struct {
	home   string
	ws     string
	tmp    string
	answer string
	// bin, when set, is a directory put first on PATH, and prep gets no
	// VISUAL or EDITOR: the editor is the one prep falls back on.
	bin string
}

func newCandidate(t *testing.T) *candidate {
	t.Helper()
	root := t.TempDir()
	cd := &candidate{
		home:   filepath.Join(root, "home"),
		ws:     filepath.Join(root, "workspace"),
		tmp:    filepath.Join(root, "tmp"),
		answer: filepath.Join(root, "editor-answer.md"),
	}
	for _, d := range []string{cd.home, cd.tmp} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	return cd
}

// environ is prep's environment: the test's own, less whatever could
// reach the user's files or change what prep does, plus the fake editor.
func (cd *candidate) environ(t *testing.T) []string {
	t.Helper()
	editor, err := editorCommand()
	if err != nil {
		t.Fatalf("cannot name this test binary as the editor: %v", err)
	}
	drop := func(k string) bool {
		switch k {
		case "HOME", "TMPDIR", "TERM", "VISUAL", "EDITOR", "NO_COLOR", "COLUMNS", "LINES", editorEnv:
			return true
		}
		return strings.HasPrefix(k, "XDG_") || strings.HasPrefix(k, "PREP_")
	}
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !drop(k) {
			env = append(env, kv)
		}
	}
	env = append(env,
		"HOME="+cd.home,
		"XDG_CONFIG_HOME="+filepath.Join(cd.home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(cd.home, ".local", "share"),
		"XDG_CACHE_HOME="+filepath.Join(cd.home, ".cache"),
		"XDG_STATE_HOME="+filepath.Join(cd.home, ".local", "state"),
		"TMPDIR="+cd.tmp,
		"TERM=xterm-256color",
		editorEnv+"="+cd.answer,
	)
	if cd.bin != "" {
		for i, kv := range env {
			if k, v, _ := strings.Cut(kv, "="); k == "PATH" {
				env[i] = "PATH=" + cd.bin + string(os.PathListSeparator) + v
			}
		}
		return env
	}
	return append(env, "EDITOR="+editor)
}

// prepareEditor makes text what the editor will save at the next Text
// prompt. An editor adds a final newline; prep drops it.
func (cd *candidate) prepareEditor(t *testing.T, text string) {
	t.Helper()
	if err := os.WriteFile(cd.answer, []byte(text+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

// answersFile writes every answer of the table as an --answers file.
func (cd *candidate) answersFile(t *testing.T) string {
	t.Helper()
	flat := map[string]string{}
	for _, a := range answerTable {
		flat[a.id] = a.says
	}
	data, err := yaml.Marshal(flat)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(cd.tmp, "answers.yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// referenceRun runs the whole session uninterrupted from the answers
// file, the scripted path that writes the same files as the terminal, and
// returns what it leaves in its workspace.
func referenceRun(t *testing.T) snapshot {
	t.Helper()
	bin := prepBinary(t)
	cd := newCandidate(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*waitLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--dir", cd.ws, "background", "--answers", cd.answersFile(t))
	cmd.Env = cd.environ(t)
	cmd.Dir = cd.home
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("prep background --answers, uninterrupted: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errOut.String())
	}
	t.Logf("the uninterrupted run from an answers file took %v", time.Since(start).Round(time.Millisecond))
	return snap(t, cd.ws)
}

// answer is what the candidate gives to one question.
type answer struct {
	id string
	// says is what the candidate types at an Input, writes in the editor
	// at a Text, or the option it picks (by typing it, which filters
	// survey's list to it) at a Select or Confirm. It is also the value
	// of the answers file.
	says string
	// kept is what the session records for a choice, when it is not says.
	kept string
}

// value is the answer as prep keeps it.
func (a answer) value() string {
	if a.kept != "" {
		return a.kept
	}
	return strings.TrimSpace(a.says)
}

// answerTable is a candidate's whole Background session: two roles, two
// projects, the first story with its Result left out and written after
// the check asks for it, the second left incomplete on purpose.
var answerTable = []answer{
	{id: "resume", says: "Resume"},
	{id: "intro.read", says: "yes"},

	{id: "timeline.0.company", says: "Ledgerly"},
	{id: "timeline.0.title", says: "Senior Backend Engineer"},
	{id: "timeline.0.start", says: "2022-03"},
	{id: "timeline.0.end", says: "present"},
	{id: "timeline.0.owned", says: "The payments ledger and its on-call rota"},
	{id: "timeline.0.impact", says: "Cut p99 checkout latency from 2.1 s to 320 ms"},
	{id: "timeline.0.more", says: "yes"},
	{id: "timeline.1.company", says: "Shipfast"},
	{id: "timeline.1.title", says: "Backend Engineer"},
	{id: "timeline.1.start", says: "2019-06"},
	{id: "timeline.1.end", says: "2022-02"},
	{id: "timeline.1.owned", says: "The order-tracking API"},
	{id: "timeline.1.impact", says: "Took the API from 200 to 3,000 requests a second"},
	{id: "timeline.1.more", says: "no"},

	{id: "projects.count", says: "2"},
	{id: "projects.0.title", says: "Moving ledger writes off the checkout path"},
	{id: "projects.1.title", says: "Order tracking at ten times the traffic"},

	{id: "story.0.situation", says: "Checkout wrote each ledger entry synchronously to a single Postgres primary.\nIn flash sales, locks on merchant balance rows queued up and 3% of orders timed out."},
	{id: "story.0.task", says: "I owned the fix: exactly-once ledger entries, p99 under 400 ms at five times peak load,\nshipped within eight weeks."},
	{id: "story.0.action", says: "I measured the lock waits in pg_stat_activity: one balance row per merchant serialised checkout.\nI wrote the outbox migration and the relay, with idempotency keys, and ran old and new paths\nside by side for two weeks, comparing balances every night."},
	{id: "story.0.result", says: ""},
	{id: "story.0.tradeoffs", says: "I picked an outbox and Kafka over sharding the balances table: sharding meant a risky\nmigration right before the peak. The price was balances that lag by a second."},
	{id: "story.0.lessons", says: "My mistake: the relay shipped without a lag alert, and a merchant found its first stall\nbefore we did. I now ship the alert with the component."},
	{id: "story.0.architecture", says: "An outbox table written in the order's transaction, a relay publishing it to Kafka\npartitioned by merchant, one consumer per partition applying balance updates in order."},
	{id: "story.0.contribution", says: "I designed the outbox and the relay, wrote the migration and most of the relay,\nand ran the shadow comparison myself."},
	{id: "story.0.fix.0", says: "Result", kept: "result"},
	{id: "story.0.revise.0", says: "p99 checkout latency fell from 2.1 s to 320 ms — a 6× cut — and timeouts from 3% to under 0.1%\nthrough the holiday peak."},
	{id: "story.0.fix.1", says: "Move on", kept: "move-on"},
	{id: "story.0.followup.0", says: "Each outbox row carries an idempotency key; the consumer skips keys it has applied."},
	{id: "story.0.followup.1", says: "Postgres, for multi-row transactions; DynamoDB would have made them our problem."},
	{id: "story.0.followup.2", says: "Kafka kept per-merchant order through partitions and could replay after a failure."},

	{id: "story.1.situation", says: "Every delivery page read order status from one MySQL replica,\nand a campaign was about to bring ten times the traffic."},
	{id: "story.1.task", says: ""},
	{id: "story.1.action", says: ""},
	{id: "story.1.result", says: ""},
	{id: "story.1.tradeoffs", says: ""},
	{id: "story.1.lessons", says: ""},
	{id: "story.1.architecture", says: ""},
	{id: "story.1.contribution", says: ""},
	{id: "story.1.fix.0", says: "Move on", kept: "move-on"},
	{id: "story.1.followup.0", says: "I would put a cache in front of the replica before adding replicas."},
	{id: "story.1.followup.1", says: "The replica lag under load surprised us more than the read volume."},
	{id: "story.1.followup.2", says: "Still to write: the first thing to break would be the replica's connections."},
}

// lookupAnswer is the table's answer to the question id.
func lookupAnswer(id string) (answer, error) {
	for _, a := range answerTable {
		if a.id == id {
			return a, nil
		}
	}
	return answer{}, fmt.Errorf("prep asked %q, which this test has no answer for", id)
}

// askedOnce is the order of the questions of one whole session when
// nothing stops it, with the follow-up round of the check (story.0.fix.1)
// left out: whether it comes depends on what the checker finds in the
// rewritten Result.
var askedOnce = []string{
	"intro.read",
	"timeline.0.company", "timeline.0.title", "timeline.0.start", "timeline.0.end", "timeline.0.owned", "timeline.0.impact", "timeline.0.more",
	"timeline.1.company", "timeline.1.title", "timeline.1.start", "timeline.1.end", "timeline.1.owned", "timeline.1.impact", "timeline.1.more",
	"projects.count", "projects.0.title", "projects.1.title",
	"story.0.situation", "story.0.task", "story.0.action", "story.0.result", "story.0.tradeoffs", "story.0.lessons", "story.0.architecture", "story.0.contribution",
	"story.0.fix.0", "story.0.revise.0",
	"story.0.followup.0", "story.0.followup.1", "story.0.followup.2",
	"story.1.situation", "story.1.task", "story.1.action", "story.1.result", "story.1.tradeoffs", "story.1.lessons", "story.1.architecture", "story.1.contribution",
	"story.1.fix.0",
	"story.1.followup.0", "story.1.followup.1", "story.1.followup.2",
}
