package sessiontest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts/prompttest"
)

// Step is one expected question and its answer.
type Step struct {
	ID   string
	Kind session.Kind
	Ans  string
}

// S is the step that expects question id, of kind, answered with ans.
// Outside this package a step is written with S: go vet's composites
// check rejects unkeyed literals of another package's struct type.
func S(id string, kind session.Kind, ans string) Step { return Step{id, kind, ans} }

// Expect has p expect the step.
func (s Step) Expect(p *prompttest.Stub) *prompttest.Call {
	switch s.Kind {
	case session.Confirm:
		return p.ExpectConfirm(s.ID, s.Ans == session.Yes)
	case session.Select:
		return p.ExpectSelect(s.ID, s.Ans)
	case session.Text:
		return p.ExpectText(s.ID, s.Ans)
	}
	return p.ExpectInput(s.ID, s.Ans)
}

// Stub expects the steps in order.
func Stub(t *testing.T, steps ...Step) *prompttest.Stub {
	p := prompttest.New(t)
	for _, s := range steps {
		s.Expect(p)
	}
	return p
}

// RoleSteps are role i of the timeline as its six answers and "more".
func RoleSteps(i int, r workspace.Role, more bool) []Step {
	id := func(k string) string { return "timeline." + strconv.Itoa(i) + "." + k }
	m := session.No
	if more {
		m = session.Yes
	}
	return []Step{
		{id("company"), session.Input, r.Company}, {id("title"), session.Input, r.Title},
		{id("start"), session.Input, r.Start}, {id("end"), session.Input, r.End},
		{id("owned"), session.Input, r.Owned}, {id("impact"), session.Input, r.Impact},
		{id("more"), session.Confirm, m},
	}
}

// Section is one story section's id, heading and answer.
type Section struct{ ID, Heading, Text string }

// StorySteps answer a story's sections in rubric order under prefix.
func StorySteps(prefix string, secs []Section) []Step {
	var out []Step
	for _, s := range secs {
		out = append(out, Step{prefix + "." + s.ID, session.Text, s.Text})
	}
	return out
}

// FollowupSteps answer a story's follow-ups under prefix, in order.
func FollowupSteps(prefix string, answers ...string) []Step {
	var out []Step
	for k, a := range answers {
		out = append(out, Step{prefix + ".followup." + strconv.Itoa(k), session.Text, a})
	}
	return out
}

// SectionMap is the sections' texts by heading, as StoryView has them.
func SectionMap(secs []Section) map[string]string {
	m := map[string]string{}
	for _, s := range secs {
		m[s.Heading] = s.Text
	}
	return m
}

// IndexOf is the index of the step id in script; the test fails if there
// is none.
func IndexOf(t *testing.T, script []Step, id string) int {
	t.Helper()
	for i, s := range script {
		if s.ID == id {
			return i
		}
	}
	t.Fatalf("no step %q", id)
	return -1
}

// Messages are the questions the stub was asked whose ids start with
// prefix, as the candidate read them.
func Messages(p *prompttest.Stub, prefix string) []string {
	var out []string
	for _, q := range p.Asked() {
		if strings.HasPrefix(q.ID, prefix) {
			out = append(out, q.Message)
		}
	}
	return out
}

// SaysInOrder checks that out says each of wants, in that order, whatever
// the wrapping.
func SaysInOrder(t *testing.T, out string, wants ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(out), " ")
	rest := flat
	for _, w := range wants {
		w = strings.Join(strings.Fields(w), " ")
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("output lacks %q after what came before; output:\n%s", w, out)
			return
		}
		rest = rest[i+len(w):]
	}
}

// Keys are the keys of m, in no order.
func Keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
