package sessiontest

import (
	"strings"
	"testing"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/workspace"
)

// The candidate of the tests: two roles, a strong story and one whose
// Result is left out until the check asks for it.

// Ledgerly and Shipfast are the candidate's two roles, latest first.
var (
	Ledgerly = workspace.Role{
		Company: "Ledgerly", Title: "Senior Backend Engineer", Start: "2022-03", End: "present",
		Owned:  "The payments ledger service and its on-call rota",
		Impact: "Cut p99 checkout latency from 2.1 s to 320 ms",
	}
	Shipfast = workspace.Role{
		Company: "Shipfast", Title: "Backend Engineer", Start: "2019-06", End: "2022-02",
		Owned:  "The order-tracking API",
		Impact: "Took the API from 200 to 3,000 requests a second",
	}
)

// The stories' titles and the files they are saved to.
const (
	LedgerTitle = "Moving ledger writes off the checkout path"
	OrdersTitle = "Order tracking at ten times the traffic"
	LedgerFile  = "moving-ledger-writes-off-the-checkout-path.md"
	OrdersFile  = "order-tracking-at-ten-times-the-traffic.md"
)

// LedgerSections are the strong story, in rubric order.
var LedgerSections = []Section{
	{"situation", "Situation", "At a payments startup our checkout service wrote every ledger entry\nsynchronously to one PostgreSQL primary. During flash sales, row locks\non merchant balance rows piled up and about 3% of orders timed out."},
	{"task", "Task", "I owned the fix end to end: keep ledger entries exactly once, bring p99\nunder 400 ms at five times the peak load, and ship in eight weeks."},
	{"action", "Action", "I profiled the lock waits with pg_stat_activity and found that one\nbalance row per merchant serialised every checkout. I wrote the outbox\nmigration, built the relay with idempotency keys, and ran both paths in\nshadow mode for two weeks, comparing balances nightly. When the relay\nstalled during a broker failover I traced it to a missing consumer\ntimeout, fixed it and added an alert on outbox lag."},
	{"result", "Result", "p99 checkout latency dropped from 2.1 s to 320 ms and timeouts fell\nfrom 3% to under 0.1% through the holiday peak."},
	{"tradeoffs", "Trade-offs", "I chose an outbox and Kafka rather than sharding the balances table,\nbecause sharding meant a risky data migration eight weeks before the\npeak. The cost I accepted: balances became eventually consistent."},
	{"lessons", "Lessons", "My mistake was shipping the relay without a lag alert; we found the\nstall from a merchant complaint, not a page. I now ship the alert with\nthe component, not after it."},
	{"architecture", "Architecture", "An outbox table written in the same transaction as the order, a small\nrelay that publishes outbox rows to Kafka partitioned by merchant, and\none consumer per partition applying balance updates in order, so no\ntwo writers touch the same balance row in the database."},
	{"contribution", "Contribution", "I designed the outbox and the relay, wrote the migration and most of\nthe relay code, and ran the shadow comparison myself."},
}

// OrdersSections leave Result empty: the check finds it missing.
var OrdersSections = []Section{
	{"situation", "Situation", "Shipfast's order-tracking API served every delivery page from one MySQL\nreplica, and a marketing push planned for the spring was about to bring\nten times the usual traffic to it."},
	{"task", "Task", "I was responsible for keeping delivery pages under 300 ms at ten times\nthe traffic, with two engineers and six weeks before the campaign."},
	{"action", "Action", "I load-tested the API against a copy of production and found that one\nquery per page scanned the shipments table. I added a covering index,\nmoved the read path behind a Redis cache keyed by order, and wrote the\ninvalidation on every shipment event. When the cache stampeded at the\nfirst test peak, I added request coalescing and jittered expiry, then\nran the load test again at twelve times the traffic."},
	{"result", "Result", ""},
	{"tradeoffs", "Trade-offs", "I chose a cache in front of the replica rather than adding more MySQL\nreplicas, because replicas would have taken weeks to provision and still\nscanned the same table. The cost I accepted was up to five seconds of\nstale status on a page."},
	{"lessons", "Lessons", "My mistake was testing with a warm cache only; the first cold start\nstampeded the replica. I learned to test the cold path first, and I now\nput a cold-start run in every load test plan."},
	{"architecture", "Architecture", "Requests reach a stateless API service behind the load balancer. It\nreads order status from a Redis cache keyed by order id, falling back to\nthe MySQL replica through a covering index; shipment events from the\ncarrier webhooks invalidate the cache entry."},
	{"contribution", "Contribution", "I ran the load tests, designed the cache and its invalidation, and\nwrote the coalescing myself; a colleague added the covering index after\nI found the slow query."},
}

// OrdersResult is the Result written when the check asks for it.
const OrdersResult = "Delivery pages held a p99 of 180 ms at twelve times the old peak, and\nthe replica's CPU fell from 85% to 30% during the campaign."

// The answers to each story's follow-ups, in order.
var (
	LedgerFollowups = []string{
		"Postgres, because the ledger needed multi-row transactions.",
		"Kafka gave per-merchant ordering through partitions,\nand replay after a failure.",
		"I would load-test the broker failover first.",
	}
	OrdersFollowups = []string{
		"MySQL was already there; the cache took the load off it.",
		"I would test the cold cache before the warm one.",
		"More replicas, which would have taken weeks.",
	}
)

// FullScript is the whole uninterrupted session.
func FullScript(intro string) []Step {
	s := []Step{{"intro.read", session.Confirm, intro}}
	s = append(s, RoleSteps(0, Ledgerly, true)...)
	s = append(s, RoleSteps(1, Shipfast, false)...)
	s = append(s,
		Step{"projects.count", session.Select, "2"},
		Step{"projects.0.title", session.Input, LedgerTitle},
		Step{"projects.1.title", session.Input, OrdersTitle},
	)
	s = append(s, StorySteps("story.0", LedgerSections)...)
	s = append(s, FollowupSteps("story.0", LedgerFollowups...)...)
	s = append(s, StorySteps("story.1", OrdersSections)...)
	s = append(s,
		Step{"story.1.fix.0", session.Select, "Result"},
		Step{"story.1.revise.0", session.Text, OrdersResult},
	)
	s = append(s, FollowupSteps("story.1", OrdersFollowups...)...)
	return s
}

// The follow-ups each story gets from Bank, in order.
var (
	LedgerQuestions = []string{"Why that database and not another?", "Why a queue there?", "What would you do differently?"}
	OrdersQuestions = []string{"Why that database and not another?", "What would you do differently?", "What was the second-best option?"}
)

// FollowupsText is a story's Follow-ups section: each question, then its
// answer indented under it.
func FollowupsText(questions, answers []string) string {
	s := ""
	for i, q := range questions {
		if i > 0 {
			s += "\n\n"
		}
		s += "- **" + q + "**"
		if answers[i] != "" {
			for _, l := range strings.Split(answers[i], "\n") {
				s += "\n    " + l
			}
		}
	}
	return s
}

// WantStories are the stories after FullScript.
func WantStories() []StoryView {
	ledger := SectionMap(LedgerSections)
	ledger["Follow-ups"] = FollowupsText(LedgerQuestions, LedgerFollowups)
	orders := SectionMap(OrdersSections)
	orders["Result"] = OrdersResult
	orders["Follow-ups"] = FollowupsText(OrdersQuestions, OrdersFollowups)
	return []StoryView{
		{File: LedgerFile, Title: LedgerTitle, Kind: "star", Rank: 1, Panel: "background", Sections: ledger},
		{File: OrdersFile, Title: OrdersTitle, Kind: "star", Rank: 2, Panel: "background", Sections: orders},
	}
}

// VagueSections are a story an interviewer would send back: every section
// answered, but vague, all "we", with no number and no alternative named.
var VagueSections = []Section{
	{"situation", "Situation", "We had a slow service and the team was unhappy with how things were going\nfor our customers, who kept telling us that pages took far too long."},
	{"task", "Task", "We needed to make it a lot better for the customers and for the business,\nand we wanted to do it without breaking anything along the way."},
	{"action", "Action", "We looked into it together, we changed a few things in the code and the\ndatabase, and we tested everything carefully before we shipped it out to\neveryone, and then we watched it closely for a while."},
	{"result", "Result", "It got a lot faster and everyone was much happier with it afterwards, and\nthe customers stopped complaining about the slow pages."},
	{"tradeoffs", "Trade-offs", "We thought about it carefully as a team and we picked the best approach\nfor us at the time, which worked out well in the end for everyone."},
	{"lessons", "Lessons", "We learned a lot about performance and about working together as a team,\nand we would do it the same way again next time."},
	{"architecture", "Architecture", "We kept the same services as before and we made them talk to each other\na bit more sensibly, so that the pages would load faster for everyone."},
	{"contribution", "Contribution", "We all worked on it together as a team and we shared the work fairly,\nso everyone had a part in making it faster for our customers."},
}

// The culture story of the tests, as prep culture writes it.

// RotaSections pass the culture rubric's check.
var RotaSections = []Section{
	{"situation", "Situation", "Our on-call rota had no owner and pages went unanswered at night for a whole quarter, which customers noticed."},
	{"action", "Action", "I wrote a one-page proposal for a rota with handovers, asked the team for comments in writing, ran it for a month and adjusted the shifts after the first retro."},
	{"result", "Result", "Unanswered pages were cut from twelve a month to none, and two other teams adopted the rota within a quarter of it starting."},
	{"reflection", "Reflection", "I learned that a written proposal gets better comments than a meeting, and I should have asked the quieter engineers first."},
	{"value", "Value", "Ownership: I saw a gap nobody owned, scoped the fix myself and carried it through without waiting to be asked."},
}

// RotaFollowups answer the three probes of an ownership story.
var RotaFollowups = []string{
	"Nobody would have: the lead who ran it had left, and each of us assumed someone else would pick it up.",
	"I kept it to the rota and three runbooks; an alerting overhaul was tempting and I left it for later.",
	"My manager's, for the trial month; I asked in writing with the numbers and she agreed the same day.",
}

// OwnershipValue is the pack's ownership value.
func OwnershipValue(t *testing.T, p *pack.Pack) *pack.Guide {
	t.Helper()
	for _, g := range p.CultureValues() {
		if g.ID == "ownership" {
			return g
		}
	}
	t.Fatal("the pack has no ownership value")
	return nil
}

// OwnershipProbes are the probes prep culture asks about an ownership
// story, in order.
func OwnershipProbes(t *testing.T, p *pack.Pack) []string {
	t.Helper()
	panel, _ := p.Panel(pack.CulturePanel)
	g, ok := panel.Guide("probes-ownership")
	if !ok || len(g.Questions) < 3 {
		t.Fatal("the pack has no probes for an ownership story")
	}
	return g.Questions
}
