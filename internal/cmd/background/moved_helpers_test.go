package background

import (
	"strings"
	"testing"
	"time"

	"github.com/prepcli/prep/prompts"
)

// Helpers the session tests shared, kept for the tests that moved here.

// saysInOrder checks that out says each of wants, in that order, whatever
// the wrapping.
func saysInOrder(t *testing.T, out string, wants ...string) {
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

func (s slowPrompter) Text(q prompts.Question) (string, error) {
	*s.now = s.now.Add(s.per)
	return s.Prompter.Text(q)
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// vagueSections are a story an interviewer would send back: every section
// answered, but vague, all "we", with no number and no alternative named.
var vagueSections = []section{
	{"situation", "Situation", "We had a slow service and the team was unhappy with how things were going\nfor our customers, who kept telling us that pages took far too long."},
	{"task", "Task", "We needed to make it a lot better for the customers and for the business,\nand we wanted to do it without breaking anything along the way."},
	{"action", "Action", "We looked into it together, we changed a few things in the code and the\ndatabase, and we tested everything carefully before we shipped it out to\neveryone, and then we watched it closely for a while."},
	{"result", "Result", "It got a lot faster and everyone was much happier with it afterwards, and\nthe customers stopped complaining about the slow pages."},
	{"tradeoffs", "Trade-offs", "We thought about it carefully as a team and we picked the best approach\nfor us at the time, which worked out well in the end for everyone."},
	{"lessons", "Lessons", "We learned a lot about performance and about working together as a team,\nand we would do it the same way again next time."},
	{"architecture", "Architecture", "We kept the same services as before and we made them talk to each other\na bit more sensibly, so that the pages would load faster for everyone."},
	{"contribution", "Contribution", "We all worked on it together as a team and we shared the work fairly,\nso everyone had a part in making it faster for our customers."},
}

// slowPrompter is a candidate who takes per to answer each question, on
// the clock the timer reads.
type slowPrompter struct {
	prompts.Prompter
	now *time.Time
	per time.Duration
}
