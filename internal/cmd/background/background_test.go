package background

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/cmdutil/cmdtest"
	"github.com/prepcli/prep/internal/sheet"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

// execute runs prep background with args; with p, questions go to it
// instead of a terminal or an answers file.
func execute(h cmdtest.Env, p prompts.Prompter, args ...string) error {
	return h.Execute(NewCmdBackground(h.F, cmdtest.Scripted(p, Run)), args...)
}

// The whole journey from a file: an empty workspace to a prep sheet, two
// stories, the second left incomplete on purpose and reported as such.
func TestAnswersFileWholeSession(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	if err := execute(h, nil, "--answers", filepath.Join("testdata", "answers.yaml")); err != nil {
		t.Fatalf("err = %v\nstderr: %s", err, h.Err)
	}
	if h.Err.Len() > 0 {
		t.Errorf("stderr: %s", h.Err)
	}
	ws := h.Workspace(t)
	tl, err := ws.Timeline()
	if err != nil {
		t.Fatal(err)
	}
	var companies []string
	for _, r := range tl.Roles {
		companies = append(companies, r.Company)
	}
	if diff := cmp.Diff([]string{"Ledgerly", "Shipfast"}, companies); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	stories, errs := ws.Stories()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	type meta struct {
		Name, Title string
		Rank        int
	}
	var got []meta
	for _, s := range stories {
		got = append(got, meta{s.Name(), s.Meta.Title, s.Meta.Rank})
	}
	want := []meta{
		{"moving-ledger-writes-off-the-checkout-path.md", "Moving ledger writes off the checkout path", 1},
		{"order-tracking-at-ten-times-the-traffic.md", "Order tracking at ten times the traffic", 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	page, err := os.ReadFile(filepath.Join(h.Dir, "prep-sheet.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(page, []byte(sheet.Marker)) || !bytes.Contains(page, []byte("Moving ledger writes off the checkout path")) {
		t.Errorf("prep-sheet.md is not the sheet:\n%s", page)
	}
	out := h.Out.String()
	// Lines are wrapped to the terminal's width, so compare words.
	flat := strings.Join(strings.Fields(out), " ")
	for _, s := range []string{
		"1. Moving ledger writes off the checkout path: ready",
		"2. Order tracking at ten times the traffic: incomplete: no Task, no Action, no Result, no Trade-offs, no Lessons",
		"prep story edit 2",
		"prep-sheet.md your prep sheet",
	} {
		if !strings.Contains(flat, s) {
			t.Errorf("stdout lacks %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "passes") {
		t.Errorf("a story is said to pass rather than given its verdict:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(h.Dir, "sessions", "background.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("progress left behind: %v", err)
	}
}

func TestNoTerminal(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	h.CheckNoTerminal(t, execute(h, nil))
}

func TestStoppedAtAPrompt(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	p := prompttest.New(t)
	p.ExpectConfirm("intro.read", false)
	p.ExpectInput("timeline.0.company", "Ledgerly")
	p.ExpectInterrupt("timeline.0.title")
	err := execute(h, p)
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitInterrupted {
		t.Errorf("exit %d, want 130", code)
	}
	want := "stopped; everything you typed is saved. Run prep background to carry on."
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	ws := h.Workspace(t)
	tl, err := ws.Timeline()
	if err != nil || len(tl.Roles) != 1 || tl.Roles[0].Company != "Ledgerly" {
		t.Errorf("timeline = %+v, %v; want the company saved", tl, err)
	}
}

// An answer missing from the file stops the session with one line naming
// the file and the question; what came before is saved.
func TestAnswerMissing(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	answers := cmdtest.AnswersFile(t, "intro.read: no\ntimeline.0.company: Ledgerly\n")
	err := execute(h, nil, "--answers", answers)
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun {
		t.Errorf("exit %d, want 2", code)
	}
	var ae *prompts.AnswerError
	if !errors.As(err, &ae) || !strings.HasPrefix(err.Error(), answers+": ") || !strings.Contains(err.Error(), `"timeline.0.title"`) || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v, want one line naming %s and timeline.0.title", err, answers)
	}
	ws := h.Workspace(t)
	if tl, err := ws.Timeline(); err != nil || len(tl.Roles) != 1 || tl.Roles[0].Company != "Ledgerly" {
		t.Errorf("timeline = %+v, %v; want the company saved", tl, err)
	}
}

func TestUnusedAnswersWarned(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	data, err := os.ReadFile(filepath.Join("testdata", "answers.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	answers := cmdtest.AnswersFile(t, string(data)+"projects.3.title: Typo\n")
	if err := execute(h, nil, "--answers", answers); err != nil {
		t.Fatal(err)
	}
	want := "prep: warning: " + answers + ": 1 answer was never asked for (projects.3.title); check the question ids in --help\n"
	if diff := cmp.Diff(want, h.Err.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

func TestBusy(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	ws := h.Workspace(t)
	unlock, err := ws.LockSession("background") // another prep background, waiting at a prompt
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	err = execute(h, prompttest.New(t))
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun || !errors.Is(err, workspace.ErrBusy) {
		t.Errorf("err = %v (exit %d), want the busy error and exit 2", err, code)
	}
	if h.Out.Len() > 0 {
		t.Errorf("stdout: %s", h.Out)
	}
}

func TestHelpDocumentsIDs(t *testing.T) {
	cmd := NewCmdBackground(cmdtest.New(t, t0, cmdutil.Settings{}).F, nil)
	for _, id := range []string{"intro.read", "timeline.N.company", "timeline.N.more", "projects.count", "projects.N.title", "story.N.SECTION", "story.N.fix.K", "story.N.revise.K", "story.N.followup.K", "resume", "start", "130"} {
		if !strings.Contains(cmd.Long, id) {
			t.Errorf("help does not mention %s", id)
		}
	}
	if cmd.Example == "" || cmd.Flags().Lookup("answers") == nil {
		t.Error("no example or no --answers flag")
	}
}
