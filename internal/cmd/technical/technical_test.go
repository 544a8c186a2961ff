package technical

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/cmdutil/cmdtest"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

// execute runs prep technical with args; with p, questions go to it
// instead of a terminal or an answers file.
func execute(h cmdtest.Env, p prompts.Prompter, args ...string) error {
	return h.Execute(NewCmdTechnical(h.F, cmdtest.Scripted(p, Run)), args...)
}

// The whole session from a file: the first scenario of the first track,
// two hints, the answer saved, checked and compared with the notes.
func TestAnswersFileWholeSession(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	if err := execute(h, nil, "--answers", filepath.Join("testdata", "answers.yaml"), "--timer", "45m"); err != nil {
		t.Fatalf("err = %v\nstderr: %s", err, h.Err)
	}
	if h.Err.Len() > 0 {
		t.Errorf("stderr: %s", h.Err)
	}
	pk, err := h.F.Pack()
	if err != nil {
		t.Fatal(err)
	}
	ex := Tracks(pk)[0].Scenarios[0]
	path := filepath.Join(h.Dir, "practice", ex.ID+".md")
	doc, err := document.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got := doc.Front
	got.Created, got.Updated = "", ""
	if diff := cmp.Diff(document.Front{Title: ex.Title, Kind: "design", Panel: "technical"}, got); diff != "" {
		t.Errorf("front matter (-want +got):\n%s", diff)
	}
	for _, s := range []string{"\nscenario: " + ex.ID + "\n", "\ntrack: distributed\n", "\nhints: 2\n", "\nhint_steps: [mvp, mvp]\n", "\ntimer: 45m\n", "## Validation\n\nReconcile daily"} {
		if data, _ := os.ReadFile(path); !strings.Contains(string(data), s) {
			t.Errorf("%s lacks %q:\n%s", path, s, data)
		}
	}
	out := h.Out.String()
	for _, s := range []string{"Technical Skills Panel", "Hint 2 of", "The check of practice/" + ex.ID + ".md finds nothing to fix.", "Reference notes", "Hints taken: 2 of"} {
		if !strings.Contains(out, s) {
			t.Errorf("stdout lacks %q:\n%s", s, out)
		}
	}
	if _, err := os.Stat(filepath.Join(h.Dir, "sessions", "technical-"+ex.ID+".yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("progress left behind: %v", err)
	}
}

func TestNoTerminal(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	h.CheckNoTerminal(t, execute(h, nil))
}

func TestStoppedAtAPrompt(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	pk, err := h.F.Pack()
	if err != nil {
		t.Fatal(err)
	}
	ex := Tracks(pk)[0].Scenarios[0] // a design scenario, with facts and hints
	p := prompttest.New(t)
	p.ExpectConfirm("framing", false)
	p.ExpectInput("ask.0", "")
	p.ExpectConfirm("hint.requirements.0", false)
	p.ExpectText("answer.requirements", "Who uses it and what it must do.")
	p.ExpectInterrupt("hint.assumptions.0")
	err = execute(h, p, "--scenario", ex.ID)
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitInterrupted {
		t.Errorf("exit %d, want 130", code)
	}
	want := "stopped; everything you typed is saved. Run prep technical to carry on."
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	ws := h.Workspace(t)
	p2, err := ws.Practice(ex.ID + ".md")
	if text, _ := p2.Section(rubric(t, workspace.KindDesign), "requirements"); err != nil || text != "Who uses it and what it must do." {
		t.Errorf("requirements = %q, %v; want the answer saved", text, err)
	}
	// The bare command offers to resume it.
	p = prompttest.New(t)
	p.ExpectSelect("resume", "Resume")
	p.ExpectInterrupt("hint.assumptions.0")
	execute(h, p)
	if asked := p.Asked(); len(asked) == 0 || !strings.Contains(asked[0].Message, strconv.Quote(ex.Title)+", Assumptions") {
		t.Errorf("resume question = %+v", asked)
	}
}

func TestFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--track", "backend"}, `--track "backend": not a track of the content pack; use one of distributed, frontend, debugging`},
		{[]string{"--scenario", "nope"}, `--scenario "nope": no Technical Skills scenario has that id`},
		{[]string{"--timer", "-5m"}, "--timer -5m0s: give the time the answer may take"},
		{[]string{"--timer", "45"}, `invalid argument "45" for "--timer" flag`},
	} {
		h := cmdtest.New(t, t0, cmdutil.Settings{})
		err := execute(h, prompttest.New(t), tc.args...)
		var fe *cmdutil.FlagError
		if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun || err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%v: err = %v (exit %d), want %q…, exit 2", tc.args, err, code, tc.want)
		} else if !errors.As(err, &fe) && !strings.Contains(err.Error(), "invalid argument") {
			t.Errorf("%v: %v is not a usage error", tc.args, err)
		}
		if h.Out.Len() > 0 {
			t.Errorf("%v: stdout %q", tc.args, h.Out)
		}
	}
}

func TestBusy(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	ws := h.Workspace(t)
	unlock, err := ws.LockSession("technical") // another prep technical, waiting at a prompt
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
	cmd := NewCmdTechnical(cmdtest.New(t, t0, cmdutil.Settings{}).F, nil)
	for _, id := range []string{"resume", "track", "scenario", "framing", "ask.K", "hint.STEP.K", "check.STEP.K", "answer.STEP", "change", "timeup", "followup.K", "requirements, assumptions, mvp, tradeoffs", "edge_cases, bottlenecks, validation", "symptom, hypotheses, evidence, root_cause, fix", "Ctrl-C", "130", "practice/"} {
		if !strings.Contains(cmd.Long, id) {
			t.Errorf("help does not mention %s", id)
		}
	}
	for _, f := range []string{"answers", "track", "scenario", "timer"} {
		if cmd.Flags().Lookup(f) == nil {
			t.Errorf("no --%s flag", f)
		}
	}
	if cmd.Example == "" {
		t.Error("no example")
	}
}

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
