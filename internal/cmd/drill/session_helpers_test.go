package drill

import (
	"strconv"
	"testing"
	"time"

	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/session/sessiontest"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// What this package's session tests share with the other commands' is in
// sessiontest; the scripts of expected questions are here, since a
// script's steps are written as unkeyed literals.

// fixture is one candidate's workspace; each run opens it afresh, as a
// new prep process would.
type fixture struct{ *sessiontest.Fixture }

func newFixture(t *testing.T) *fixture { return &fixture{sessiontest.NewFixture(t)} }

// step is one expected question and its answer.
type step struct {
	id   string
	kind session.Kind
	ans  string
}

func (s step) expect(p *prompttest.Stub) *prompttest.Call {
	switch s.kind {
	case session.Confirm:
		return p.ExpectConfirm(s.id, s.ans == session.Yes)
	case session.Select:
		return p.ExpectSelect(s.id, s.ans)
	case session.Text:
		return p.ExpectText(s.id, s.ans)
	}
	return p.ExpectInput(s.id, s.ans)
}

// stub expects the steps in order.
func stub(t *testing.T, steps ...step) *prompttest.Stub {
	p := prompttest.New(t)
	for _, s := range steps {
		s.expect(p)
	}
	return p
}

// role is one role of the timeline as its six answers and "more".
func roleSteps(i int, r workspace.Role, more bool) []step {
	id := func(k string) string { return "timeline." + itoa(i) + "." + k }
	m := session.No
	if more {
		m = session.Yes
	}
	return []step{
		{id("company"), session.Input, r.Company}, {id("title"), session.Input, r.Title},
		{id("start"), session.Input, r.Start}, {id("end"), session.Input, r.End},
		{id("owned"), session.Input, r.Owned}, {id("impact"), session.Input, r.Impact},
		{id("more"), session.Confirm, m},
	}
}

// section is one STAR section's id, heading and answer.
type section struct{ id, heading, text string }

// storySteps answers a story's sections in rubric order under prefix.
func storySteps(prefix string, secs []section) []step {
	var out []step
	for _, s := range secs {
		out = append(out, step{prefix + "." + s.id, session.Text, s.text})
	}
	return out
}

func followupSteps(prefix string, answers ...string) []step {
	var out []step
	for k, a := range answers {
		out = append(out, step{prefix + ".followup." + itoa(k), session.Text, a})
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func sectionMap(secs []section) map[string]string {
	m := map[string]string{}
	for _, s := range secs {
		m[s.heading] = s.text
	}
	return m
}

func (s slowPrompter) Select(q prompts.Question, o []string, d int) (int, error) {
	*s.now = s.now.Add(s.per)
	return s.Prompter.Select(q, o, d)
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// slowPrompter is a candidate who takes per to answer each question, on
// the clock the timer reads.
type slowPrompter struct {
	prompts.Prompter
	now *time.Time
	per time.Duration
}
