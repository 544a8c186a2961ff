package culture

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/cmdutil/cmdtest"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

func execute(h cmdtest.Env, p prompts.Prompter, args ...string) error {
	return h.Execute(NewCmdCulture(h.F, cmdtest.Scripted(p, Run)), args...)
}

// The whole session from a file: an ownership story saved among the
// stories, with kind culture, and passing its check.
func TestAnswersFileWholeSession(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	if err := execute(h, nil, "--answers", filepath.Join("testdata", "answers.yaml")); err != nil {
		t.Fatalf("err = %v\nstderr: %s", err, h.Err)
	}
	if h.Err.Len() > 0 {
		t.Errorf("stderr: %s", h.Err)
	}
	ws := h.Workspace(t)
	stories, errs := ws.Stories()
	if len(errs) > 0 || len(stories) != 1 {
		t.Fatalf("stories = %d, %v; want one", len(stories), errs)
	}
	st := stories[0]
	type meta struct{ Name, Title, Kind, Panel string }
	if diff := cmp.Diff(meta{"owning-the-flaky-deploy-pipeline.md", "Owning the flaky deploy pipeline", "culture", "culture"}, meta{st.Name(), st.Meta.Title, st.Meta.Kind, st.Meta.Panel}); diff != "" {
		t.Errorf("story (-want +got):\n%s", diff)
	}
	doc, err := document.ReadFile(st.Path)
	if err != nil {
		t.Fatal(err)
	}
	pk, _ := h.F.Pack()
	r, _ := pk.Rubric("culture")
	if rep := check.Check(doc, r); rep.Summary != (check.Summary{}) {
		t.Errorf("check of the saved story: %+v", rep.Findings)
	}
	if !strings.Contains(h.Out.String(), "Your story is in "+st.Path+": ready.") {
		t.Errorf("stdout:\n%s", h.Out)
	}
	if _, err := os.Stat(filepath.Join(h.Dir, "sessions", "culture.yaml")); !errors.Is(err, fs.ErrNotExist) {
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
	p.ExpectSelect("question", "When did you insist on doing something properly despite pressure to move faster?")
	p.ExpectInput("title", "Owning the on-call rota")
	p.ExpectInterrupt("story.situation")
	err := execute(h, p, "--value", "pragmatism")
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitInterrupted {
		t.Errorf("exit %d, want 130", code)
	}
	want := "stopped; everything you typed is saved. Run prep culture to carry on."
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	ws := h.Workspace(t)
	if _, err := ws.Story("owning-the-on-call-rota"); err != nil {
		t.Errorf("the story was not saved: %v", err)
	}
}

func TestValueRefused(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	err := execute(h, prompttest.New(t), "--value", "grit")
	var fe *cmdutil.FlagError
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun || !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), `--value "grit": not a value of the culture panel`) {
		t.Errorf("err = %v (exit %d), want the usage error and exit 2", err, code)
	}
	if h.Out.Len() > 0 {
		t.Errorf("stdout: %s", h.Out)
	}
}

func TestHelpDocumentsIDs(t *testing.T) {
	cmd := NewCmdCulture(cmdtest.New(t, t0, cmdutil.Settings{}).F, nil)
	for _, id := range []string{"resume", "part", "value", "question", "title", "story.SECTION", "situation, action, result, reflection", "story.fix.K", "story.revise.K", "story.followup.K", "written.update", "written.fix.K", "followups.story", "team.why", "questions.mine", "Ctrl-C", "130"} {
		if !strings.Contains(cmd.Long, id) {
			t.Errorf("help does not mention %s", id)
		}
	}
	if cmd.Example == "" || cmd.Flags().Lookup("answers") == nil || cmd.Flags().Lookup("value") == nil {
		t.Error("no example, or no --answers or --value flag")
	}
}

// The written-first exercise from a file, with --part: the update saved
// in practice/ with kind update, and its check shown.
func TestAnswersFileWritten(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	if err := execute(h, nil, "--part", "written", "--answers", filepath.Join("testdata", "written.yaml")); err != nil {
		t.Fatalf("err = %v\nstderr: %s", err, h.Err)
	}
	path := filepath.Join(h.Dir, "practice", "update-migration-slip.md")
	doc, err := document.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Kind != "update" || !strings.Contains(doc.Body, "Priya, please confirm") {
		t.Errorf("saved update: kind %q, body %q", doc.Kind, doc.Body)
	}
	out := strings.Join(strings.Fields(h.Out.String()), " ")
	for _, s := range []string{"The check of practice/update-migration-slip.md", "points a reader needs here", "Your update is in " + path} {
		if !strings.Contains(out, s) {
			t.Errorf("stdout lacks %q:\n%s", s, h.Out)
		}
	}
	// "part" was settled by --part: the file's answer was never asked for.
	if !strings.Contains(h.Err.String(), "never asked for (part)") {
		t.Errorf("stderr: %q, want the unused answer named", h.Err)
	}
}

func TestPartRefused(t *testing.T) {
	h := cmdtest.New(t, t0, cmdutil.Settings{})
	err := execute(h, prompttest.New(t), "--part", "poems")
	var fe *cmdutil.FlagError
	if code := cmdutil.ExitCode(err); code != cmdutil.ExitCannotRun || !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), `--part "poems": not a part of prep culture`) {
		t.Errorf("err = %v (exit %d), want the usage error and exit 2", err, code)
	}
}
