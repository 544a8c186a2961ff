package story

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/cmdutil/cmdtest"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// newCmdHarness runs `prep story new` on a workspace in a temp dir.
type newCmdHarness struct {
	f        *cmdutil.Factory
	out, err *bytes.Buffer
	dir      string
}

func newCmdSetup(t *testing.T) *newCmdHarness {
	e := cmdtest.New(t, time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC), cmdutil.Settings{})
	return &newCmdHarness{f: e.F, out: e.Out, err: e.Err, dir: e.Dir}
}

// exec runs the command; with p, questions go to it.
func (h *newCmdHarness) exec(p prompts.Prompter, args ...string) error {
	return cmdtest.Execute(NewCmdNew(h.f, cmdtest.Scripted(p, RunNew)), h.out, h.err, args...)
}

const newCmdAnswers = `
story:
  situation: |
    Shipfast's order-tracking API served every delivery page from one MySQL
    replica, and a marketing push was about to bring ten times the traffic.
  task: I was responsible for keeping delivery pages under 300 ms at ten times the traffic, in six weeks.
  action: ""
  result: ""
  tradeoffs: ""
  lessons: ""
  architecture: ""
  contribution: ""
  fix: [Move on]
  followup: ["", "", ""]
`

// From a file, with the title from the flag: the story is made, left
// incomplete, and reported as such.
func TestNewAnswersFile(t *testing.T) {
	h := newCmdSetup(t)
	answers := cmdtest.AnswersFile(t, newCmdAnswers)
	if err := h.exec(nil, "--title", "Order tracking", "--answers", answers); err != nil {
		t.Fatalf("err = %v\nstderr: %s", err, h.err)
	}
	if h.err.Len() > 0 {
		t.Errorf("stderr: %s", h.err)
	}
	ws, err := workspace.Open(h.dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ws.Story("order-tracking.md")
	if err != nil {
		t.Fatal(err)
	}
	type view struct {
		Title, Kind, Panel string
		Rank               int
		Task               string
	}
	task, _ := s.Section(rubric(t, "star"), "task")
	got := view{s.Meta.Title, s.Meta.Kind, s.Meta.Panel, s.Meta.Rank, task}
	want := view{"Order tracking", "star", "background", 0, "I was responsible for keeping delivery pages under 300 ms at ten times the traffic, in six weeks."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("story (-want +got):\n%s", diff)
	}
	if out := h.out.String(); !strings.Contains(out, "incomplete: no Action, no Result, no Trade-offs, no Lessons") {
		t.Errorf("stdout does not report the story incomplete:\n%s", out)
	}
}

func TestNewNoTerminal(t *testing.T) {
	h := newCmdSetup(t)
	err := h.exec(nil, "--title", "T")
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun || err.Error() != prompts.ErrNoTerminal.Error() {
		t.Errorf("err = %v (exit %d), want the no-terminal line and exit 2", err, code)
	}
	if h.out.Len() > 0 || h.err.Len() > 0 {
		t.Errorf("printed %q and %q, want nothing", h.out, h.err)
	}
	if _, err := os.Stat(h.dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the workspace was touched: %v", err)
	}
}

func TestNewStopped(t *testing.T) {
	h := newCmdSetup(t)
	p := prompttest.New(t)
	p.ExpectInput("title", "Order tracking")
	p.ExpectInterrupt("story.situation")
	err := h.exec(p)
	want := "stopped; everything you typed is saved. Run prep story new to carry on."
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitInterrupted || err.Error() != want {
		t.Errorf("err = %v (exit %d), want %q and exit 130", err, code, want)
	}
	// Run again: it offers to resume there.
	p = prompttest.New(t)
	p.ExpectInterrupt("resume")
	h.exec(p)
	if asked := p.Asked(); len(asked) != 1 || !strings.Contains(asked[0].Message, `"Order tracking", Situation`) {
		t.Errorf("asked %+v, want the resume question naming the story and Situation", asked)
	}
}

func TestNewUnknownKind(t *testing.T) {
	h := newCmdSetup(t)
	err := h.exec(prompttest.New(t), "--kind", "poem")
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) || cmdutil.ExitCode(err) != cmdutil.ExitCannotRun || !strings.Contains(err.Error(), "star") {
		t.Errorf("err = %v, want a usage error listing the kinds, exit 2", err)
	}
}

func TestNewHelp(t *testing.T) {
	cmd := NewCmdNew(newCmdSetup(t).f, nil)
	for _, s := range []string{"title", "story.SECTION", "story.fix.K", "story.revise.K", "story.followup.K", "resume", "130"} {
		if !strings.Contains(cmd.Long, s) {
			t.Errorf("help does not mention %s", s)
		}
	}
	for _, flag := range []string{"title", "kind", "answers"} {
		if cmd.Flags().Lookup(flag) == nil {
			t.Errorf("no --%s", flag)
		}
	}
	if cmd.Example == "" {
		t.Error("no example")
	}
}
