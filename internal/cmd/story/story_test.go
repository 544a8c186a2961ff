package story

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/rehearsal"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

func TestShowPrintsTheFileThenItsCheck(t *testing.T) {
	e := newEnv(t)
	s := e.save(t, t0, "Search rewrite", 1, draftBody)
	file, err := os.ReadFile(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	if code := e.run(t, "show", "1"); code != 0 {
		t.Errorf("exit status %d, want 0: show shows, whatever the check finds", code)
	}
	got := e.out.String()
	if !strings.HasPrefix(got, string(file)+"\n") {
		t.Errorf("show does not start with the file as it is:\n%s", got)
	}
	check := strings.TrimPrefix(got, string(file)+"\n")
	for _, want := range []string{s.Path + " (star)", "No Result: say what changed, with a number", "4 errors, 3 warnings"} {
		if !strings.Contains(check, want) {
			t.Errorf("the check after the file lacks %q:\n%s", want, check)
		}
	}
}

func TestShowListsTheRehearsals(t *testing.T) {
	e := newEnv(t)
	s := e.save(t, t0, "Ledger writes", 1, fullBody)
	ws := e.ws
	for _, r := range []rehearsal.Entry{
		{Date: t0, Story: s.Name(), Seconds: 214, Limit: 180, Beats: 6, Said: 4},
		{Date: t0.Add(48 * time.Hour), Story: s.Name(), Seconds: 170, Limit: 180, Beats: 6, Said: 6, WPM: 145},
		{Date: t0, Story: "other.md", Seconds: 90},
	} {
		if err := rehearsal.Add(ws, r); err != nil {
			t.Fatal(err)
		}
	}
	e.run(t, "show", "1")
	want := "\nRehearsed out loud 2 times:\n  " + rehearsal.Line(rehearsal.Entry{Date: t0, Seconds: 214, Limit: 180, Beats: 6, Said: 4}) +
		"\n  " + rehearsal.Line(rehearsal.Entry{Date: t0.Add(48 * time.Hour), Seconds: 170, Limit: 180, Beats: 6, Said: 6, WPM: 145}) + "\n"
	if !strings.HasSuffix(e.out.String(), want) {
		t.Errorf("show does not end with the rehearsals %q:\n%s", want, e.out)
	}
}

func TestShowJSONIsTheCheckReport(t *testing.T) {
	e := newEnv(t)
	s := e.save(t, t0, "Ledger writes", 0, fullBody)
	e.run(t, "show", "ledger-writes.md", "--format", "json")
	var got []check.Report
	if err := json.Unmarshal(e.out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, e.out)
	}
	if len(got) != 1 {
		t.Fatalf("%d reports, want 1", len(got))
	}
	want := check.Summary{Errors: 0, Warnings: 0}
	if diff := cmp.Diff(want, got[0].Summary); diff != "" || got[0].File != s.Path || got[0].Kind != "star" {
		t.Errorf("report for %s, kind %s, summary diff:\n%s", got[0].File, got[0].Kind, diff)
	}
}

func TestShowBrokenOrMissingStory(t *testing.T) {
	e := newEnv(t)
	broken := e.broken(t, "broken.md")
	if code := e.run(t, "show", "broken.md"); code != 2 || !strings.Contains(e.err.String(), broken+":3:") {
		t.Errorf("broken: exit %d, stderr %q; want 2 and the path and line", code, e.err)
	}
	if code := e.run(t, "show", "nope"); code != 2 || !strings.Contains(e.err.String(), `no story "nope"`) {
		t.Errorf("missing: exit %d, stderr %q; want 2 and what was not found", code, e.err)
	}
}

// story check is prep check on the story files: same report, same exit
// statuses.
func TestCheckExitStatuses(t *testing.T) {
	e := newEnv(t)
	full := e.save(t, t0, "Ledger writes", 1, fullBody)
	draft := e.save(t, t0, "Search rewrite", 2, draftBody)

	if code := e.run(t, "check", "1"); code != 0 {
		t.Errorf("check of a passing story: exit %d, want 0\n%s%s", code, e.out, e.err)
	}
	if got, want := lines(e.out.String())[0], full.Path+" (star)"; got != want {
		t.Errorf("first line %q, want %q", got, want)
	}

	if code := e.run(t, "check"); code != 1 {
		t.Errorf("check of all with a draft: exit %d, want 1", code)
	}
	out := e.out.String()
	if !strings.Contains(out, full.Path) || !strings.Contains(out, draft.Path) || !strings.HasSuffix(out, "checked 2 files: 4 errors, 3 warnings\n") {
		t.Errorf("check of all stories:\n%s", out)
	}

	broken := e.broken(t, "broken.md")
	if code := e.run(t, "check", "--format", "json"); code != 2 {
		t.Errorf("check with a broken file: exit %d, want 2", code)
	}
	var reports []check.Report
	if err := json.Unmarshal(e.out.Bytes(), &reports); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, e.out)
	}
	var files []string
	for _, r := range reports {
		files = append(files, r.File)
	}
	// The broken one keeps its place, as an object that says why it was
	// not checked.
	if diff := cmp.Diff([]string{full.Path, draft.Path, broken}, files); diff != "" {
		t.Errorf("files checked despite the broken one (-want +got):\n%s", diff)
	}
	if got, want := reports[2].Error, broken+`:3: rank "7" is not 0 to 3; write 1, 2 or 3 to feature the story, or 0`; got != want {
		t.Errorf("the broken one's error = %q, want %q", got, want)
	}
	if want := "prep: " + broken + `:3: rank "7" is not 0 to 3; write 1, 2 or 3 to feature the story, or 0` + "\n"; e.err.String() != want {
		t.Errorf("stderr %q, want %q", e.err, want)
	}

	if code := e.run(t, "check", "nope", "1"); code != 2 || !strings.Contains(e.err.String(), `no story "nope"`) || !strings.Contains(e.out.String(), full.Path) {
		t.Errorf("unknown story: exit %d, stdout %q, stderr %q; want 2, the known one checked", code, e.out, e.err)
	}
}

func TestCheckNoStories(t *testing.T) {
	e := newEnv(t)
	if code := e.run(t, "check", "--format", "json"); code != 0 || strings.TrimSpace(e.out.String()) != "[]" {
		t.Errorf("exit %d, stdout %q; want 0 and []", code, e.out)
	}
}

func ranks(t *testing.T, ws *workspace.Workspace) map[string]int {
	t.Helper()
	stories, errs := ws.Stories()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := map[string]int{}
	for _, s := range stories {
		got[s.Name()] = s.Meta.Rank
	}
	return got
}

func TestRankPrintsWhatMoved(t *testing.T) {
	e := newEnv(t)
	e.save(t, t0, "Alpha", 1, draftBody)
	e.save(t, t0, "Beta", 2, draftBody)
	e.save(t, t0, "Gamma", 3, draftBody)
	e.save(t, t0, "Delta", 0, draftBody)

	if code := e.run(t, "rank", "delta", "1"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.err)
	}
	want := []string{
		"rank 1: Delta (delta.md), was unranked",
		"rank 2: Alpha (alpha.md), was rank 1",
		"rank 3: Beta (beta.md), was rank 2",
		"unranked: Gamma (gamma.md), was rank 3",
	}
	if diff := cmp.Diff(want, lines(e.out.String())); diff != "" {
		t.Errorf("rank output (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"delta.md": 1, "alpha.md": 2, "beta.md": 3, "gamma.md": 0}, ranks(t, e.ws)); diff != "" {
		t.Errorf("ranks on disk (-want +got):\n%s", diff)
	}

	if code := e.run(t, "rank", "3", "none"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.err)
	}
	if diff := cmp.Diff([]string{"unranked: Beta (beta.md), was rank 3"}, lines(e.out.String())); diff != "" {
		t.Errorf("unrank output (-want +got):\n%s", diff)
	}

	e.run(t, "rank", "delta", "1")
	if diff := cmp.Diff([]string{"Delta (delta.md) already has rank 1; nothing changed"}, lines(e.out.String())); diff != "" {
		t.Errorf("no-op output (-want +got):\n%s", diff)
	}

	if code := e.run(t, "rank", "delta", "4"); code != 2 || !strings.Contains(e.err.String(), "use 1, 2 or 3") {
		t.Errorf("rank 4: exit %d, stderr %q; want 2 and the ranks allowed", code, e.err)
	}
}

func TestRmWithYes(t *testing.T) {
	e := newEnv(t)
	s := e.save(t, t0, "Old draft", 0, draftBody)
	if code := e.run(t, "rm", "old-draft", "--yes"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.err)
	}
	trashed := filepath.Join(e.ws.Dir(), workspace.TrashDir, "20260110-093000-old-draft.md")
	want := []string{
		`removed "Old draft" (old-draft.md): moved to ` + trashed,
		"to get it back: prep story restore old-draft",
	}
	if diff := cmp.Diff(want, lines(e.out.String())); diff != "" {
		t.Errorf("rm output (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(s.Path); !os.IsNotExist(err) {
		t.Errorf("%s still there after rm", s.Path)
	}
	if _, err := os.Stat(trashed); err != nil {
		t.Errorf("no copy in the trash: %v", err)
	}

	// And back, as the message says.
	if code := e.run(t, "restore", "old-draft"); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, e.err)
	}
	if diff := cmp.Diff([]string{`restored "Old draft" to ` + s.Path + " (unranked)"}, lines(e.out.String())); diff != "" {
		t.Errorf("restore output (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"old-draft.md": 0}, ranks(t, e.ws)); diff != "" {
		t.Errorf("stories after restore (-want +got):\n%s", diff)
	}
}

func TestRmAsksFirst(t *testing.T) {
	for _, yes := range []bool{true, false} {
		e := newEnv(t)
		e.terminal()
		s := e.save(t, t0, "Old draft", 2, draftBody)
		stub := prompttest.New(t)
		stub.ExpectConfirm("story.rm.confirm", yes)
		e.f.IOStreams.SetNoColor(true)
		cmd := NewCmdRm(e.f, func(o *RmOptions) error {
			o.Prompter = func() (prompts.Prompter, error) { return stub, nil }
			return RunRm(o)
		})
		cmd.SetArgs([]string{"2"})
		if err := cmd.Execute(); err != nil {
			t.Fatalf("yes=%v: %v", yes, err)
		}
		asked := stub.Asked()
		if len(asked) != 1 || !strings.Contains(asked[0].Message, `"Old draft" (old-draft.md)`) {
			t.Errorf("yes=%v: asked %+v; want one question naming the story", yes, asked)
		}
		_, err := os.Stat(s.Path)
		if gone := os.IsNotExist(err); gone != yes {
			t.Errorf("answered %v: file gone = %v", yes, gone)
		}
		if !yes && e.out.String() != "kept old-draft.md\n" {
			t.Errorf("answered no: stdout %q, want the story kept", e.out)
		}
	}
}

func TestRmInterruptedKeepsTheStory(t *testing.T) {
	e := newEnv(t)
	e.terminal()
	s := e.save(t, t0, "Old draft", 0, draftBody)
	stub := prompttest.New(t)
	stub.ExpectInterrupt("story.rm.confirm")
	opts := &RmOptions{IO: e.f.IOStreams, Workspace: e.f.Workspace, Ref: "old-draft",
		Prompter: func() (prompts.Prompter, error) { return stub, nil }}
	err := RunRm(opts)
	if code := cmdutil.ExitCode(err); code != 130 {
		t.Errorf("exit %d, want 130 for Ctrl-C", code)
	}
	if _, err := os.Stat(s.Path); err != nil {
		t.Errorf("story removed despite Ctrl-C: %v", err)
	}
}

func TestRmWithoutTerminalNeedsYes(t *testing.T) {
	e := newEnv(t)
	s := e.save(t, t0, "Old draft", 0, draftBody)
	code := e.run(t, "rm", "old-draft")
	if code != 2 || !strings.Contains(e.err.String(), "pass --yes") || strings.Count(e.err.String(), "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want 2 and one line saying to pass --yes", code, e.err)
	}
	if _, err := os.Stat(s.Path); err != nil {
		t.Errorf("story removed without confirmation: %v", err)
	}
}

func TestRmBrokenFileByName(t *testing.T) {
	e := newEnv(t)
	broken := e.broken(t, "broken.md")
	if code := e.run(t, "rm", "broken.md", "--yes"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.err)
	}
	if _, err := os.Stat(broken); !os.IsNotExist(err) {
		t.Errorf("broken file not moved to the trash")
	}
}

func TestRestoreTakesBackItsRankUnlessHeld(t *testing.T) {
	e := newEnv(t)
	e.save(t, t0, "Alpha", 1, draftBody)
	e.run(t, "rm", "alpha", "--yes")
	e.save(t, t0, "Beta", 1, draftBody)
	if code := e.run(t, "restore", "alpha"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.err)
	}
	if !strings.HasSuffix(e.out.String(), "(unranked)\n") {
		t.Errorf("restore output %q; want it to say the story came back unranked", e.out)
	}
	if diff := cmp.Diff(map[string]int{"alpha.md": 0, "beta.md": 1}, ranks(t, e.ws)); diff != "" {
		t.Errorf("ranks (-want +got):\n%s", diff)
	}
	if code := e.run(t, "restore", "alpha"); code != 2 || !strings.Contains(e.err.String(), `no removed story "alpha"`) {
		t.Errorf("second restore: exit %d, stderr %q", code, e.err)
	}
}

func TestRestoreListsTheTrash(t *testing.T) {
	e := newEnv(t)
	e.save(t, t0, "Alpha", 0, draftBody)
	e.run(t, "rm", "alpha", "--yes")
	e.run(t, "restore")
	trashed := filepath.Join(e.ws.Dir(), workspace.TrashDir, "20260110-093000-alpha.md")
	want := []string{"alpha.md\t" + t0.Local().Format("2006-01-02 15:04:05") + "\t" + trashed}
	if diff := cmp.Diff(want, lines(e.out.String())); diff != "" {
		t.Errorf("trash list (-want +got):\n%s", diff)
	}
}
