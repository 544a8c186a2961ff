package drill

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/cmdutil/cmdtest"
	drills "github.com/prepcli/prep/internal/drill"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

// story writes a featured story with one decision in its Trade-offs.
func story(t *testing.T, h cmdtest.Env) {
	t.Helper()
	ws := h.Workspace(t)
	s := &workspace.Story{Meta: workspace.StoryMeta{Title: "Ledger", Kind: "star", Rank: 1}, Body: "\n## Trade-offs\n\nI chose Postgres rather than DynamoDB, because we needed transactions.\n"}
	if err := ws.SaveStory(s); err != nil {
		t.Fatal(err)
	}
}

// execute runs prep drill ARGS as the root command would; with p, the
// questions go to it.
func execute(h cmdtest.Env, p prompts.Prompter, args ...string) error {
	return h.Execute(newCmdDrill(h.F, cmdtest.Scripted(p, Run)), args...)
}

// A trade-off round from an answers file, the story's decision first.
func TestTradeoffsFromAnswersFile(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{Interview: time.Date(2026, 1, 12, 0, 0, 0, 0, time.Local)})
	story(t, h)
	file := cmdtest.AnswersFile(t, `card:
  - answer: DynamoDB instead, but multi-row transactions decided it; the cost was running Postgres ourselves.
    grade: Good
  - {answer: "", grade: Again}
`)
	if err := execute(h, nil, "tradeoffs", "--count", "2", "--answers", file); err != nil {
		t.Fatalf("%v\nstderr: %s", err, h.Err)
	}
	if h.Err.Len() > 0 {
		t.Errorf("stderr: %s", h.Err)
	}
	ws := h.Workspace(t)
	st, err := drills.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := h.F.Pack()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for id, s := range st.Cards {
		got[id] = drills.DayOf(s.Due).String()
	}
	// The story's decision first, graded Good; then the first of the
	// bank's trade-offs in the day's shuffle, graded Again.
	var bank string
	for _, c := range (drills.Plan{Now: t0}).Order(drills.DeckCards(drills.Sources{Pack: pk}, drills.Tradeoffs)) {
		bank = c.ID
		break
	}
	want := map[string]string{
		"tradeoffs/story/ledger/" + drills.SentenceHash("I chose Postgres rather than DynamoDB, because we needed transactions."): "2026-01-05",
		bank: "2026-01-03",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
	out := h.Out.String()
	for _, s := range []string{"Trade-off recall · 2 cards today (2 new) · 10 days to your interview", "Done: 2 cards (1 Again, 1 Good)."} {
		if !strings.Contains(out, s) {
			t.Errorf("stdout lacks %q:\n%s", s, out)
		}
	}
}

// Without a terminal or an answers file: one line, exit 2, nothing
// written, for every drill command.
func TestNoTerminal(t *testing.T) {
	for _, args := range [][]string{nil, {"tradeoffs"}, {"scale"}, {"followups"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			h := cmdtest.New(t, t0, cmdutil.Settings{})
			h.CheckNoTerminal(t, execute(h, nil, args...))
		})
	}
}

// Ctrl-C at a prompt: exit 130 with the line that says how to carry on,
// and what was answered is saved.
func TestInterrupted(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	story(t, h)
	p := prompttest.New(t)
	p.ExpectInput("card.0.answer", "DynamoDB instead.")
	p.ExpectInterrupt("card.0.grade")
	err := execute(h, p, "tradeoffs")
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitInterrupted {
		t.Errorf("exit %d, want 130", code)
	}
	want := "stopped; everything you typed is saved. Run prep drill tradeoffs to carry on."
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	data, err := os.ReadFile(filepath.Join(h.Dir, "practice", "drills-2026-01-02.md"))
	if err != nil || !strings.Contains(string(data), "**Answer:** DynamoDB instead.") {
		t.Errorf("log = %q, %v; want the answer saved", data, err)
	}
}

func TestFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"tradeoffs", "--count", "0"}, "--count 0: give a number of cards of 1 or more"},
		{[]string{"scale", "--mine", "--exercise", "chat-fanout"}, "--mine and --exercise both choose the system; give one of them"},
		{[]string{"scale", "--exercise", "nope"}, `--exercise "nope": no scale exercise has that id; use one of `},
	}
	for _, tt := range tests {
		h := cmdtest.New(t, t0, cmdutil.Settings{})
		err := execute(h, prompttest.New(t), tt.args...)
		var fe *cmdutil.FlagError
		if !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tt.want) || cmdutil.ExitCode(err) != cmdutil.ExitCannotRun {
			t.Errorf("%v: err = %v, want a usage error starting %q", tt.args, err, tt.want)
		}
	}
}

// Every drill command documents the question ids and exit statuses.
func TestHelp(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	root := NewCmdDrill(h.F)
	var names []string
	for _, c := range append([]*cobra.Command{root}, root.Commands()...) {
		names = append(names, c.Name())
		for _, s := range []string{"card.K.answer", "card.K.grade", "card.K.SECTION", "card.K.hint.SECTION.H", "resume", "130", "drills.yaml"} {
			if !strings.Contains(c.Long, s) {
				t.Errorf("%s: help does not mention %s", c.Name(), s)
			}
		}
		if c.Flags().Lookup("answers") == nil || c.Example == "" {
			t.Errorf("%s: no --answers or no example", c.Name())
		}
		if c.Flags().Lookup("ahead") == nil {
			t.Errorf("%s: no --ahead to practise ahead of schedule", c.Name())
		}
	}
	if diff := cmp.Diff([]string{"drill", "followups", "scale", "tradeoffs"}, names); diff != "" {
		t.Errorf("commands (-want +got):\n%s", diff)
	}
}
