package technical

import (
	"testing"

	"github.com/prepcli/prep/prompts"
)

// Helpers the session tests shared, kept for the tests that moved here.

func (h hook) Text(q prompts.Question) (string, error) {
	if q.ID == h.id {
		h.fn()
	}
	return h.Prompter.Text(q)
}

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

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func (p touching) Select(q prompts.Question, options []string, def int) (int, error) {
	if q.ID == p.at {
		p.touch()
	}
	return p.Prompter.Select(q, options, def)
}

// hook runs fn just before the question id is asked: what the candidate
// might do in another window meanwhile.
type hook struct {
	prompts.Prompter
	id string
	fn func()
}

// touching is a Prompter that, before it answers one question, changes a
// workspace file as another hand would: the next save of that file then
// fails, as if prep had been killed at that point.
type touching struct {
	prompts.Prompter
	at    string
	touch func()
}
