package story

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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
		"1\tLedger writes off the checkout path\tstar\tpasses\t2026-01-08\tledger-writes-off-the-checkout-path.md",
		"2\tOn-call runbook\tstar\t4 missing, 3 warnings\t2025-12-01\ton-call-runbook.md",
		"-\tBilling export\tstar\t4 missing, 3 warnings\t2026-01-09\tbilling-export.md",
		"-\tSearch rewrite\tstar\t4 missing, 3 warnings\t2026-01-01\tsearch-rewrite.md",
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

func TestListInATerminal(t *testing.T) {
	e, _ := listFixture(t)
	e.terminal()
	e.run(t, "list")
	got := lines(e.out.String())
	wantRows := [][]string{
		{"RANK", "TITLE", "KIND", "STATUS", "EDITED", "FILE"},
		{"1", "Ledger writes off the checkout path", "star", "passes", "2 days ago", "ledger-writes-off-the-checkout-path.md"},
		{"2", "On-call runbook", "star", "4 missing, 3 warnings", "2025-12-01", "on-call-runbook.md"},
		{"-", "Billing export", "star", "4 missing, 3 warnings", "yesterday", "billing-export.md"},
		{"-", "Search rewrite", "star", "4 missing, 3 warnings", "9 days ago", "search-rewrite.md"},
	}
	var rows [][]string
	for _, l := range got {
		rows = append(rows, splitColumns(l))
	}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
}

// splitColumns splits a table row at runs of two or more spaces.
func splitColumns(l string) []string {
	var out []string
	for _, f := range strings.Split(l, "  ") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
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
	want := []map[string]any{
		{"file": filepath.Join(stories, "ledger-writes-off-the-checkout-path.md"), "title": "Ledger writes off the checkout path", "kind": "star", "rank": 1.0, "status": "passes", "errors": 0.0, "warnings": 0.0, "updated": at(-2)},
		{"file": filepath.Join(stories, "on-call-runbook.md"), "title": "On-call runbook", "kind": "star", "rank": 2.0, "status": "4 missing, 3 warnings", "errors": 4.0, "warnings": 3.0, "updated": at(-40)},
		{"file": filepath.Join(stories, "billing-export.md"), "title": "Billing export", "kind": "star", "rank": 0.0, "status": "4 missing, 3 warnings", "errors": 4.0, "warnings": 3.0, "updated": at(-1)},
		{"file": filepath.Join(stories, "search-rewrite.md"), "title": "Search rewrite", "kind": "star", "rank": 0.0, "status": "4 missing, 3 warnings", "errors": 4.0, "warnings": 3.0, "updated": at(-9)},
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
