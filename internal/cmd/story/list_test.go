package story

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/check"
)

// listFixture is four stories and a broken file: ranked 2 and 1, and two
// unranked ones edited on different days.
func listFixture(t *testing.T) (*env, string) {
	e := newEnv(t)
	e.save(t, t0.AddDate(0, 0, -9), "Search rewrite", 0, draftBody)
	e.save(t, t0.AddDate(0, 0, -2), "Ledger writes off the checkout path", 1, fullBody)
	e.save(t, t0.AddDate(0, 0, -1), "Billing export", 0, draftBody)
	e.save(t, t0.AddDate(0, 0, -40), "On-call runbook", 2, draftBody)
	return e, e.broken(t, "broken.md")
}

func TestListFeaturedFirstThenByLastEdit(t *testing.T) {
	e, broken := listFixture(t)
	code := e.run(t, "list")

	want := []string{
		"1\tLedger writes off the checkout path\tstar\tready\t2026-01-08\tledger-writes-off-the-checkout-path.md",
		"2\tOn-call runbook\tstar\t" + draftVerdict + "\t2025-12-01\ton-call-runbook.md",
		"-\tBilling export\tstar\t" + draftVerdict + "\t2026-01-09\tbilling-export.md",
		"-\tSearch rewrite\tstar\t" + draftVerdict + "\t2026-01-01\tsearch-rewrite.md",
	}
	if diff := cmp.Diff(want, lines(e.out.String())); diff != "" {
		t.Errorf("piped list (-want +got):\n%s", diff)
	}
	wantErr := []string{"prep: unreadable: " + broken + `:3: rank "7" is not 0 to 3; write 1, 2 or 3 to feature the story, or 0`}
	if diff := cmp.Diff(wantErr, lines(e.err.String())); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
	if code != 2 {
		t.Errorf("exit status %d, want 2: a story file could not be read", code)
	}
}

// draftVerdict is what the list says of draftBody: the sections it lacks.
const draftVerdict = "incomplete: no Action, no Result, no Trade-offs, no Lessons"

// In a terminal each story is a row and, under its title, its verdict,
// every line within 60 columns: reasons that do not fit end in "…".
func TestListInATerminal(t *testing.T) {
	e, _ := listFixture(t)
	e.terminal()
	e.run(t, "list")
	const draftCut = "incomplete: no Action, no Result, no Trade-offs, …"
	want := []string{
		"RANK  TITLE                                KIND  EDITED",
		"1     Ledger writes off the checkout path  star  2 days ago",
		"      ready",
		"2     On-call runbook                      star  2025-12-01",
		"      " + draftCut,
		"-     Billing export                       star  yesterday",
		"      " + draftCut,
		"-     Search rewrite                       star  9 days ago",
		"      " + draftCut,
	}
	got := lines(e.out.String())
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
	narrow(t, got)
}

// narrow fails the test for a line wider than a 60-column terminal.
func narrow(t *testing.T, lines []string) {
	t.Helper()
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > 60 {
			t.Errorf("line of %d columns, want at most 60: %q", n, l)
		}
	}
}

func TestListJSON(t *testing.T) {
	e, _ := listFixture(t)
	code := e.run(t, "list", "--format", "json")
	if code != 2 {
		t.Errorf("exit status %d, want 2 for the broken file", code)
	}
	var got []map[string]any
	if err := json.Unmarshal(e.out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, e.out)
	}
	stories := filepath.Join(e.ws.Dir(), "stories")
	at := func(days int) string { return t0.AddDate(0, 0, days).Format(time.RFC3339) }
	draftReasons := []any{"no Action", "no Result", "no Trade-offs", "no Lessons"}
	want := []map[string]any{
		{"file": filepath.Join(stories, "ledger-writes-off-the-checkout-path.md"), "title": "Ledger writes off the checkout path", "kind": "star", "rank": 1.0, "status": "ready", "verdict": "ready", "reasons": []any{}, "errors": 0.0, "warnings": 0.0, "updated": at(-2)},
		{"file": filepath.Join(stories, "on-call-runbook.md"), "title": "On-call runbook", "kind": "star", "rank": 2.0, "status": draftVerdict, "verdict": "incomplete", "reasons": draftReasons, "errors": 4.0, "warnings": 3.0, "updated": at(-40)},
		{"file": filepath.Join(stories, "billing-export.md"), "title": "Billing export", "kind": "star", "rank": 0.0, "status": draftVerdict, "verdict": "incomplete", "reasons": draftReasons, "errors": 4.0, "warnings": 3.0, "updated": at(-1)},
		{"file": filepath.Join(stories, "search-rewrite.md"), "title": "Search rewrite", "kind": "star", "rank": 0.0, "status": draftVerdict, "verdict": "incomplete", "reasons": draftReasons, "errors": 4.0, "warnings": 3.0, "updated": at(-9)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}

func TestListEmptyWorkspace(t *testing.T) {
	e := newEnv(t)
	if code := e.run(t, "list", "--format", "json"); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	if got := strings.TrimSpace(e.out.String()); got != "[]" {
		t.Errorf("JSON of no stories = %q, want []", got)
	}
	if code := e.run(t, "list"); code != 0 || e.out.Len() != 0 || !strings.Contains(e.err.String(), "prep story new") {
		t.Errorf("empty list: exit %d, stdout %q, stderr %q; want 0, nothing, a hint to write one", code, e.out, e.err)
	}
}

func TestListRejectsUnknownFormat(t *testing.T) {
	e := newEnv(t)
	if code := e.run(t, "list", "--format", "yaml"); code != 2 || !strings.Contains(e.err.String(), "use text or json") {
		t.Errorf("exit %d, stderr %q; want 2 and the formats", code, e.err)
	}
}

// weakBody is a story an interviewer would send back: every required
// section there, but vague, all "we", with no number and no alternative.
var weakBody = "\n" + readWeakStory()

// readWeakStory is examples/weak-story.md, the story the README shows prep
// sending back.
func readWeakStory() string {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "examples", "weak-story.md"))
	if err != nil {
		panic(err)
	}
	return string(data)
}

// A weak story has no error, but the list says it needs work and why,
// everywhere, and never that it passes.
func TestListWeakStoryNeedsWork(t *testing.T) {
	e := newEnv(t)
	s := e.save(t, t0, "Making the service faster", 1, weakBody)
	p, err := e.f.Pack()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := check.Story(p, s.Doc())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Verdict != check.VerdictNeedsWork || len(rep.Reasons) < 2 || rep.HasErrors() {
		t.Fatalf("the checker's verdict on the weak story: %q %q (%d errors); want needs-work, several reasons, no error", rep.Verdict, rep.Reasons, rep.Summary.Errors)
	}
	verdict := "needs work: " + strings.Join(rep.Reasons, ", ")

	e.run(t, "list")
	want := []string{"1\tMaking the service faster\tstar\t" + verdict + "\t2026-01-10\tmaking-the-service-faster.md"}
	if diff := cmp.Diff(want, lines(e.out.String())); diff != "" {
		t.Errorf("piped list (-want +got):\n%s", diff)
	}

	e.run(t, "list", "--format", "json")
	var got []Listed
	if err := json.Unmarshal(e.out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, e.out)
	}
	type row struct {
		Status, Verdict string
		Reasons         []string
	}
	if len(got) != 1 {
		t.Fatalf("%d stories in the JSON, want 1", len(got))
	}
	if diff := cmp.Diff(row{verdict, "needs-work", rep.Reasons}, row{got[0].Status, got[0].Verdict, got[0].Reasons}); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}

	e.terminal()
	e.run(t, "list")
	table := lines(e.out.String())
	if len(table) != 3 {
		t.Fatalf("table of %d lines, want a header and two for the story:\n%s", len(table), e.out)
	}
	if v := strings.TrimSpace(table[2]); !strings.HasPrefix(v, "needs work: "+rep.Reasons[0]) {
		t.Errorf("the story's verdict line is %q, want needs work and its first reason", v)
	}
	narrow(t, table)
	if strings.Contains(e.out.String(), "pass") {
		t.Errorf("the list says a weak story passes:\n%s", e.out)
	}
}

// Reasons cut to fit a terminal keep the verdict and whole reasons, and
// say with "…" that there are more.
func TestFitVerdict(t *testing.T) {
	rep := check.Report{Verdict: check.VerdictNeedsWork, Reasons: []string{"no figure in Result", `your own part unclear ("we")`, "no alternative named"}}
	tests := []struct {
		width int
		want  string
	}{
		{100, `needs work: no figure in Result, your own part unclear ("we"), no alternative named`},
		{54, "needs work: no figure in Result, …"},
		{20, "needs work: no figu…"},
	}
	for _, tt := range tests {
		got := fitVerdict(rep, tt.width)
		if got != tt.want {
			t.Errorf("fitVerdict(%d) = %q, want %q", tt.width, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.width {
			t.Errorf("fitVerdict(%d) is %d wide", tt.width, n)
		}
	}
	if got := fitVerdict(check.Report{Verdict: check.VerdictReady}, 54); got != "ready" {
		t.Errorf("a ready story: %q", got)
	}
}
