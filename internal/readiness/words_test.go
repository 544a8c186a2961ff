package readiness

import (
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/readiness/readinesstest"
)

// prep status says what a panel's signal needs in words, never by the
// checker's rule ids ("no result-no-number and too-long finding").
func TestSignalNeedsInWords(t *testing.T) {
	p := readinesstest.Pack()
	r, ok := p.Rubric("star")
	if !ok {
		t.Fatal("no star rubric")
	}
	got := needs(r, []string{"situation", "result", "result-no-number", "too-long"})
	want := "Situation and Result written, and none of: no figure in Result, too long to tell"
	if got != want {
		t.Errorf("needs = %q, want %q", got, want)
	}
	for _, id := range []string{"result-no-number", "too-long", "{", "finding"} {
		if strings.Contains(got, id) {
			t.Errorf("needs says %q: %q", id, got)
		}
	}

	// A story that falls short is told why, with its finding's reason.
	body := "## Situation\nOur checkout wrote every ledger entry to one PostgreSQL primary, and flash sales made it slow for shoppers.\n\n" +
		"## Result\nCheckout got a lot faster and the team was happy with it afterwards.\n"
	rep := check.Check(&document.Doc{Name: "s.md", Format: document.Markdown, Body: body, BodyLine: 1}, r)
	why := strings.Join(blockers(rep, r, []string{"situation", "result", "result-no-number", "architecture"}), ", ")
	if !strings.Contains(why, "no figure in Result") || !strings.Contains(why, "no Architecture") || strings.Contains(why, "result-no-number") {
		t.Errorf("blockers = %q, want the reasons in words: no figure in Result, no Architecture", why)
	}
}
