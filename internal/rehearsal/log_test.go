package rehearsal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/internal/workspace"
)

func TestRehearsalsAreKeptInOrderAndReadBack(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)
	ws, err := workspace.Open(dir, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	a := Entry{Date: now, Story: "ledger.md", Title: "Ledger", Seconds: 170, Limit: 180, Beats: 5, Said: 4, Missed: []string{"lesson"}, How: "self-check"}
	b := Entry{Date: now.Add(24 * time.Hour), Story: "ledger.md", Seconds: 150, Limit: 180, Beats: 5, Said: 5, WPM: 141, How: "pocketsphinx_continuous"}
	c := Entry{Date: now, Scenario: "url-shortener", Seconds: 500, Limit: 600}
	for _, e := range []Entry{b, a, c} {
		if err := Add(ws, e); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]Entry{a, b}, Of(got, "ledger.md")); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	info, err := os.Stat(filepath.Join(dir, File))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("log: %v, mode %v; want 0600", err, info.Mode().Perm())
	}
}

func TestABrokenLogIsNotWrittenOver(t *testing.T) {
	dir := t.TempDir()
	ws, err := workspace.Open(dir, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	broken := "rehearsals:\n  - date: 2026-03-01T20:00:00Z\n    secnds: 12\n"
	os.WriteFile(filepath.Join(dir, File), []byte(broken), 0o600)
	err = Add(ws, Entry{Date: time.Now(), Story: "x.md"})
	if err == nil || !strings.Contains(err.Error(), "rehearsals.yaml:3: unknown key \"secnds\"") {
		t.Errorf("got %v, want an error naming line 3", err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, File))
	if string(data) != broken {
		t.Errorf("the broken log was changed")
	}
}
