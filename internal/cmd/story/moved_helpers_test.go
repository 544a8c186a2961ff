package story

import (
	"strings"
	"testing"

	"github.com/prepcli/prep/prompts/prompttest"
)

// Helpers the session tests shared, kept for the tests that moved here.

func indexOf(t *testing.T, script []step, id string) int {
	t.Helper()
	for i, s := range script {
		if s.id == id {
			return i
		}
	}
	t.Fatalf("no step %q", id)
	return -1
}

// messages are the questions the stub was asked whose ids start with
// prefix, as the candidate read them.
func messages(p *prompttest.Stub, prefix string) []string {
	var out []string
	for _, q := range p.Asked() {
		if strings.HasPrefix(q.ID, prefix) {
			out = append(out, q.Message)
		}
	}
	return out
}
