package sections_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
)

// TestFindMarkingStyles reads one fixture per way of marking sections and
// compares every section found: id, label as written, line in the file
// (front matter counted), words and text.
func TestFindMarkingStyles(t *testing.T) {
	tests := []struct {
		file, kind string
		inferred   bool
		want       []sections.Section
	}{
		{
			file: "atx.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 3, Words: 23,
					Text: "Our public API had no rate limiting at all, and one customer's runaway script\ntook the whole service down twice in a month."},
				{ID: "task", Label: "Task", Line: 7, Words: 11,
					Text: "I had to add per-key limits without slowing normal traffic down."},
				{ID: "action", Label: "Action", Line: 10, Words: 19,
					Text: "I wrote a token bucket in Redis with a Lua script, and rolled it out in\nshadow mode first."},
				{ID: "result", Label: "Result", Line: 14, Words: 12,
					Text: "No outage from a single key since; p99 overhead is 2 ms."},
			},
		},
		{
			file: "numbered.md", kind: "design",
			want: []sections.Section{
				{ID: "requirements", Label: "Step 1: Clarify requirements", Line: 6, Words: 22,
					Text: "Shorten links, redirect fast, count clicks. Custom aliases are optional.\n\n100 million new links a month, reads outnumber writes 100 to 1."},
				{ID: "assumptions", Label: "Step 2: Outline use cases and constraints", Line: 9, Words: 12,
					Text: "100 million new links a month, reads outnumber writes 100 to 1."},
				{ID: "mvp", Label: "3. MVP", Line: 12, Words: 14,
					Text: "One service, one Postgres table keyed by a base62 id, a cache in front."},
				{ID: "tradeoffs", Label: "4) Trade-offs", Line: 15, Words: 17,
					Text: "Random ids rather than a counter: no coordination, at the cost of a\nuniqueness check on write."},
				{ID: "edge_cases", Label: "Part V - Edge cases", Line: 19, Words: 7,
					Text: "Expired links, aliases that collide, redirect loops."},
				{ID: "bottlenecks", Label: "Step 6: Bottlenecks", Line: 22, Words: 11,
					Text: "The cache hit rate decides everything; the database sees only misses."},
				{ID: "validation", Label: "VII. Validation", Line: 25, Words: 13,
					Text: "Load test at 3x peak, and watch p99 redirect latency and error rate."},
			},
		},
		{
			file: "setext.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 1, Words: 13,
					Text: "A nightly export job took nine hours and often ran into business hours."},
				{ID: "task", Label: "Task", Line: 5, Words: 9,
					Text: "Get the export under one hour without new hardware."},
				{ID: "action", Label: "Action", Line: 9, Words: 12,
					Text: "I split the export by customer and ran the parts in parallel."},
				{ID: "result", Label: "Result", Line: 17, Words: 5,
					Text: "It now takes 40 minutes."},
			},
		},
		{
			file: "bold.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 1, Words: 11,
					Text: "The mobile app crashed on start for 3% of Android users."},
				{ID: "task", Label: "Task", Line: 3, Words: 10,
					Text: "Find the cause and ship a fix within the week."},
				{ID: "action", Label: "Action", Line: 5, Words: 14,
					Text: "I bisected the last five releases and found a race in the image cache."},
				{ID: "result", Label: "Result", Line: 9, Words: 10,
					Text: "crash rate back to 0.1% two days after the fix."},
				{ID: "lessons", Label: "Lessons", Line: 10, Words: 9,
					Text: "I should have had a canary for Android releases."},
			},
		},
		{
			file: "prefixes.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 1, Words: 22,
					Text: "the billing service sent duplicate invoices when a retry raced a\nslow database commit.\n\nthis line is a second Situation marker, lowercase."},
				{ID: "task", Label: "Task", Line: 4, Words: 8,
					Text: "stop the duplicates and refund the affected customers."},
				{ID: "action", Label: "Action", Line: 6, Words: 8,
					Text: "I added idempotency keys to the invoice endpoint."},
				{ID: "result", Label: "Result", Line: 8, Words: 17,
					Text: "zero duplicates in the six months since.\n\nrefunds went out to all 214 customers within a day."},
				{ID: "tradeoffs", Label: "Trade-offs", Line: 12, Words: 8,
					Text: "a unique constraint instead of a distributed lock."},
				{ID: "lessons", Label: "Lessons", Line: 14, Words: 11,
					Text: "I missed the retry path in review; now I test it."},
			},
		},
		{
			file: "letters.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "S", Line: 1, Words: 18,
					Text: "Our search index fell behind by hours during sales.\n\nA second story starts the same way with dashes."},
				{ID: "task", Label: "T", Line: 2, Words: 8,
					Text: "Keep it under a minute behind at peak."},
				{ID: "action", Label: "A", Line: 3, Words: 16,
					Text: "I moved indexing to a queue with batched writes.\n\nI also added an alert on lag."},
				{ID: "result", Label: "R", Line: 4, Words: 13,
					Text: "Lag stayed under 30 seconds at the last sale.\n\nNobody got paged since."},
				{ID: "lessons", Label: "L", Line: 9, Words: 8,
					Text: "I learned to load test with real traffic."},
			},
		},
		{
			file: "emoji.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 8, Words: 4,
					Text: "a slow checkout page."},
				{ID: "task", Label: "Task", Line: 10, Words: 3,
					Text: "make it fast."},
				{ID: "action", Label: "Action", Line: 12, Words: 7,
					Text: "I profiled and cached the tax lookup."},
				{ID: "result", Label: "Result", Line: 1, Words: 15,
					Text: "Checkout latency halved, from 1.2 s to 600 ms.\n\nconversion up 4% the next month."},
				{ID: "lessons", Label: "Lessons", Line: 6, Words: 5,
					Text: "I underestimated the cache warm-up."},
			},
		},
		{
			file: "quotes.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 1, Words: 10,
					Text: "the data team waited two days for every schema change."},
				{ID: "task", Label: "Task", Line: 3, Words: 8,
					Text: "Cut that to same-day without risking production data."},
				{ID: "action", Label: "Action", Line: 6, Words: 20,
					Text: "I built a migration pipeline with a dry run against a snapshot,\nand made review mandatory only for destructive changes."},
				{ID: "result", Label: "Result", Line: 11, Words: 10,
					Text: "Changes now ship the same day; none has broken production."},
			},
		},
		{
			file: "yamlkeys.md", kind: "design",
			want: []sections.Section{
				{ID: "requirements", Label: "requirements", Line: 2, Words: 11,
					Text: "Users upload photos and get thumbnails back within a few seconds."},
				{ID: "assumptions", Label: "assumptions", Line: 4, Words: 11,
					Text: "10 thousand uploads a minute at peak, photos under 20 MB."},
				{ID: "mvp", Label: "mvp", Line: 6, Words: 13,
					Text: "An upload API that writes to object storage and queues a resize job."},
				{ID: "tradeoffs", Label: "trade-offs", Line: 10, Words: 9,
					Text: "A queue over synchronous resizing, so uploads stay fast."},
				{ID: "edge_cases", Label: "edge_cases", Line: 8, Words: 6,
					Text: "Corrupt images, huge panoramas, duplicate uploads."},
				{ID: "bottlenecks", Label: "bottlenecks", Line: 12, Words: 6,
					Text: "the resize workers under a burst."},
				{ID: "validation", Label: "validation", Line: 13, Words: 8,
					Text: "Track time from upload to thumbnail at p99."},
			},
		},
		{
			file: "answer.yaml", kind: "scale",
			want: []sections.Section{
				{ID: "breaks_first", Label: "breaks_first", Line: 4, Words: 9,
					Text: "The single Postgres primary: every message is a write."},
				{ID: "why_designed", Label: "why-designed", Line: 6, Words: 8,
					Text: "It was built for one office, 200 users."},
				{ID: "bottlenecks", Label: "Bottlenecks", Line: 7, Words: 7,
					Text: "primary write throughput\nfan-out to websocket servers"},
				{ID: "mitigation", Label: "mitigation", Line: 10, Words: 10,
					Text: "Partition by conversation and move fan-out to a pub/sub layer."},
				{ID: "validation", Label: "validation", Line: 11, Words: 0, Empty: true,
					Text: "TODO"},
			},
		},
		{
			file: "frontmatter.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 10, Words: 13,
					Text: "Our AWS bill had grown 40% in a year while traffic grew 10%."},
				{ID: "result", Label: "Result", Line: 13, Words: 9,
					Text: "We cut the bill by 31% in a quarter."},
			},
		},
		{
			file: "combined.md", kind: "design",
			want: []sections.Section{
				{ID: "requirements", Label: "Use cases and constraints", Line: 4, Words: 14,
					Text: "Chat for teams of up to 500; messages must arrive in order per channel."},
				{ID: "assumptions", Label: "Use cases and constraints", Line: 4, Words: 20,
					Text: "Chat for teams of up to 500; messages must arrive in order per channel.\n\nMost users are on mobile networks."},
				{ID: "mvp", Label: "MVP", Line: 10, Words: 10,
					Text: "A single region with websocket gateways and a message store."},
				{ID: "tradeoffs", Label: "Trade-offs / edge cases", Line: 13, Words: 11,
					Text: "Ordering per channel, not global; offline clients replay from a cursor."},
				{ID: "edge_cases", Label: "Trade-offs / edge cases", Line: 13, Words: 11,
					Text: "Ordering per channel, not global; offline clients replay from a cursor."},
				{ID: "bottlenecks", Label: "Bottlenecks", Line: 16, Words: 3,
					Text: "Gateway connection counts."},
				{ID: "validation", Label: "Validation", Line: 19, Words: 5,
					Text: "Synthetic clients measuring delivery latency."},
			},
		},
		{
			file: "combined-star.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation and task", Line: 1, Words: 16,
					Text: "Our on-call rotation was paged 40 times a week, and I was asked to halve it."},
				{ID: "task", Label: "Situation and task", Line: 1, Words: 16,
					Text: "Our on-call rotation was paged 40 times a week, and I was asked to halve it."},
				{ID: "action", Label: "Action", Line: 4, Words: 17,
					Text: "I sorted every alert by how often it led to action and deleted or tuned the rest."},
				{ID: "result", Label: "Result", Line: 7, Words: 6,
					Text: "Pages dropped to 12 a week."},
			},
		},
		{
			file: "aliases.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "The Context", Line: 1, Words: 12,
					Text: "A payments team of six with a monolith nobody wanted to deploy."},
				{ID: "task", Label: "My goal", Line: 4, Words: 10,
					Text: "Ship payouts in a new country without touching the monolith."},
				{ID: "action", Label: "1) What I did", Line: 7, Words: 13,
					Text: "I built the payout flow as a separate service behind the existing gateway."},
				{ID: "result", Label: "Outcome (what changed)", Line: 10, Words: 12,
					Text: "Payouts launched on time and handled 2,000 transfers in the first week."},
				{ID: "tradeoffs", Label: "Part II: Alternatives considered", Line: 13, Words: 14,
					Text: "Extending the monolith instead: faster to start, but every change needed a full release."},
				{ID: "lessons", Label: "Step 3: Lessons learned", Line: 16, Words: 10,
					Text: "I underestimated the compliance review; start it first next time."},
				{ID: "contribution", Label: "My role", Line: 19, Words: 9,
					Text: "I designed the service and wrote most of it."},
				{ID: "followups", Label: "Questions to expect", Line: 22, Words: 5,
					Text: "Why not extend the monolith?"},
			},
		},
		{
			file: "sentences.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 1, Words: 49,
					Text: "The result of that was: nobody trusted the dashboards. Our situation got\nworse when the action items from the last review were dropped.\nNote: we considered this a data problem at first.\nIn the end, the result was clear to everyone.\nResult of the vote: we rewrote the pipeline."},
				{ID: "task", Label: "Task", Line: 8, Words: 8,
					Text: "The outcome I was asked for was simple."},
			},
		},
		{
			file: "nested.md", kind: "star",
			want: []sections.Section{
				{ID: "action", Label: "Action", Line: 5, Words: 25,
					Text: "I moved the index to a new cluster.\n\nDatabase choice\nPostgres for the catalogue, because we needed transactions.\n\nRollout\nRegion by region over two weeks."},
				{ID: "result", Label: "Result", Line: 17, Words: 4,
					Text: "Queries got 3x faster."},
			},
		},
		{
			file: "todo.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 1, Words: 0, Empty: true,
					Text: "TODO"},
				{ID: "task", Label: "Task", Line: 4, Words: 0, Empty: true,
					Text: "TBD."},
				{ID: "action", Label: "Action", Line: 7, Words: 0, Empty: true,
					Text: "@Todo write this"},
				{ID: "result", Label: "Result", Line: 10, Words: 0, Empty: true,
					Text: "..."},
				{ID: "tradeoffs", Label: "Trade-offs", Line: 13, Words: 0, Empty: true,
					Text: "<fill in>"},
				{ID: "lessons", Label: "Lessons", Line: 16, Words: 0, Empty: true,
					Text: ""},
				{ID: "architecture", Label: "Architecture", Line: 18, Words: 0, Empty: true,
					Text: "[describe the components]"},
				{ID: "contribution", Label: "My contribution", Line: 21, Words: 0, Empty: true,
					Text: "TODO: my part"},
				{ID: "followups", Label: "Follow-ups", Line: 24, Words: 9,
					Text: "We will see: they may ask why not Kafka."},
			},
		},
		{
			file: "fenced.md", kind: "star",
			want: []sections.Section{
				{ID: "action", Label: "Action", Line: 1, Words: 26,
					Text: "I wrote a small script:\n\n## Result\nResult: this is inside a code block and marks nothing.\n\nS: not a letter marker either\n\nIt ran every night."},
				{ID: "result", Label: "Result", Line: 15, Words: 6,
					Text: "The backlog cleared in a week."},
			},
		},
		{
			file: "twice.md", kind: "star",
			want: []sections.Section{
				{ID: "situation", Label: "Situation", Line: 1, Words: 9,
					Text: "First part of the situation.\n\nSecond part, written later."},
				{ID: "result", Label: "Result", Line: 4, Words: 3,
					Text: "Half the errors."},
			},
		},
		{
			file: "inferred.md", kind: "star",
			inferred: true,
			want: []sections.Section{
				{ID: "situation", Label: "", Line: 1, Words: 24,
					Inferred: true,
					Text:     "At the time I was at a travel start-up with a team of eight, and the booking\npage was slow for users on mobile."},
				{ID: "task", Label: "", Line: 4, Words: 23,
					Inferred: true,
					Text:     "I was asked to get the page under two seconds; my job was also to keep the\ndesign team happy with the layout."},
				{ID: "action", Label: "", Line: 7, Words: 26,
					Inferred: true,
					Text:     "I built a server-side rendering path for the first screen and I added image\nlazy loading. I chose a CDN rule rather than a new service."},
				{ID: "result", Label: "", Line: 10, Words: 14,
					Inferred: true,
					Text:     "As a result the page loads in 1.4 seconds, and bookings increased by 6%."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := sections.Find(style(t, tt.file), rubric(t, tt.kind))
			if diff := cmp.Diff(tt.want, got.Sections, cmpopts.IgnoreFields(sections.Section{}, "End", "Inline")); diff != "" {
				t.Errorf("sections (-want +got):\n%s", diff)
			}
			if got.Inferred != tt.inferred {
				t.Errorf("Inferred = %v, want %v", got.Inferred, tt.inferred)
			}
		})
	}
}

// found is what a short write-up marks: section id → label as written.
type found map[string]string

func markers(t *testing.T, kind, text string) found {
	t.Helper()
	doc, err := document.Parse("answer.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res := sections.Find(doc, rubric(t, kind))
	if res.Inferred {
		return nil
	}
	got := found{}
	for _, s := range res.Sections {
		got[s.ID] = s.Label
	}
	return got
}

// TestMarkers holds what is and is not a section marker, one line at a
// time: labels are found however they are written, and a section word in
// an ordinary sentence never is one.
func TestMarkers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want found // nil: no marker at all, so the sections are inferred
	}{
		{"colon", "Result: 40% faster", found{"result": "Result"}},
		{"upper case", "RESULT: 40% faster", found{"result": "RESULT"}},
		{"lower case", "result: 40% faster", found{"result": "result"}},
		{"dash", "Result - 40% faster", found{"result": "Result"}},
		{"em dash", "Result — 40% faster", found{"result": "Result"}},
		{"en dash no space", "Result–40% faster", found{"result": "Result"}},
		{"full-width colon", "Result：40% faster", found{"result": "Result"}},
		{"hyphen inside the label", "Trade-offs - Kafka over SQS", found{"tradeoffs": "Trade-offs"}},
		{"bullet", "- Result: 40% faster", found{"result": "Result"}},
		{"star bullet", "* Result: 40% faster", found{"result": "Result"}},
		{"numbered item", "1. Result: 40% faster", found{"result": "Result"}},
		{"numbered item alone", "2) Result\n40% faster", found{"result": "Result"}},
		{"alias", "Impact: 40% faster", found{"result": "Impact"}},
		{"filler word", "My task: cut costs", found{"task": "My task"}},
		{"aside", "Result (what changed): 40% faster", found{"result": "Result (what changed)"}},
		{"letter", "R: 40% faster", found{"result": "R"}},
		{"letter dash", "R- 40% faster", found{"result": "R"}},
		{"letter spaced dash", "L - I learned to test", found{"lessons": "L"}},
		{"bold colon inside", "**Result:** 40% faster", found{"result": "Result"}},
		{"bold colon outside", "**Result**: 40% faster", found{"result": "Result"}},
		{"bold dash", "**Result** — 40% faster", found{"result": "Result"}},
		{"underscores", "__Result__\n40% faster", found{"result": "Result"}},
		{"italic", "*Result:* 40% faster", found{"result": "Result"}},
		{"bold italic", "***Result:*** 40% faster", found{"result": "Result"}},
		{"bold letter", "**R:** 40% faster", found{"result": "R"}},
		{"bold heading phrase", "**Outline use cases**\nUpload and share", nil},
		{"bold in a list", "- **Result:** 40% faster", found{"result": "Result"}},
		{"quoted bold", "> **Result:** 40% faster", found{"result": "Result"}},
		{"emoji", "🎯 Result\n40% faster", found{"result": "Result"}},
		{"emoji before bold", "✅ **Outcome:** 40% faster", found{"result": "Outcome"}},
		{"variation selector", "⚠️ Result: 40% faster", found{"result": "Result"}},
		{"zero-width space", "Result\u200b: 40% faster", found{"result": "Result"}},
		{"zero-width no-break space", "Result\ufeff: 40% faster", found{"result": "Result"}},
		{"word joiner", "Result\u2060: 40% faster", found{"result": "Result"}},
		{"yaml block", "result: |\n  40% faster", found{"result": "result"}},
		{"yaml key with underscore", "lessons_learned: test first", found{"lessons": "lessons_learned"}},
		{"heading", "## Result\n40% faster", found{"result": "Result"}},
		{"heading without space", "##Result\n40% faster", found{"result": "Result"}},
		{"heading closing hashes", "## Result ##\n40% faster", found{"result": "Result"}},
		{"heading with text", "## Result: 40% faster", found{"result": "Result"}},
		{"heading numbered", "## 4. Result\n40% faster", found{"result": "4. Result"}},
		{"heading step", "### Step 4: Result\n40% faster", found{"result": "Step 4: Result"}},
		{"heading part roman", "## Part IV - Result\n40% faster", found{"result": "Part IV - Result"}},
		{"heading ends with label", "## The final outcome\n40% faster", found{"result": "The final outcome"}},
		{"heading starts with label", "## Result of the work\n40% faster", found{"result": "Result of the work"}},
		{"heading two sections", "## Situation and task\nSlow pages; make them fast", found{"situation": "Situation and task", "task": "Situation and task"}},
		{"setext", "Result\n======\n40% faster", found{"result": "Result"}},
		{"plain label alone", "Result\n40% faster", found{"result": "Result"}},
		{"indented code is text", "    Result: 40% faster", nil},
		{"letters under a heading are a Q and A list", "## Follow-ups\nQ: Why Kafka?\nA: Ordering per merchant.", found{"followups": "Follow-ups"}},
		{"letters after an inline label still mark", "Situation: slow pages\nA: I added a cache", found{"situation": "Situation", "action": "A"}},

		{"sentence with colon", "The result of that was: a faster page.", nil},
		{"note", "Note: we considered this.", nil},
		{"word in a sentence", "The result was a faster page, and the impact was large.", nil},
		{"label words then more", "Result of the vote: we rewrote it.", nil},
		{"url", "result://not-a-label", nil},
		{"emphasis inside a word", "**Result**s were good across the board.", nil},
		{"bold sentence", "**Important:** the result was good.", nil},
		{"long heading", "## Impact of caching on the checkout flow for mobile users\nText", nil},
		{"lower-case letter", "r: 40% faster", nil},
		{"hashtag", "#result 40% faster", nil},
		{"bullet with a bare word", "- Result\n- Impact", nil},
		{"wrapped line", "We measured it and it had a large\nimpact.\nOn everything.", nil},
		{"table cell", "| Result | 40% |", nil},
		{"fenced", "```\n## Result\nResult: x\n```", nil},
		{"html comment", "<!-- Result: fill in -->\nSome text.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := markers(t, "star", tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("markers in %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestLabelsBeyondASCII uses a rubric written as a Go literal, with labels
// whose case folds outside ASCII.
func TestLabelsBeyondASCII(t *testing.T) {
	r := &pack.Rubric{ID: "fr", Sections: []pack.Section{
		{ID: "result", Title: "Résultat", Aliases: []string{"Bilan"}, Level: pack.Required},
		{ID: "lessons", Title: "Leçons apprises", Level: pack.Required},
	}}
	for _, text := range []string{"RÉSULTAT: 40 % plus rapide", "## résultat\n40 % plus rapide", "**Bilan :** 40 %"} {
		doc, err := document.Parse("a.md", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		got := sections.Find(doc, r)
		if len(got.Sections) != 1 || got.Sections[0].ID != "result" {
			t.Errorf("%q: found %+v, want the result", text, got.Sections)
		}
	}
}

func TestCountWordsIgnoresMarkdown(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"**Bold** and _italic_ and `code`", 5},
		{"- a list item\n- another", 4},
		{"| a | table | row |", 3},
		{"### --- *** > # |", 0},
		{"see [the docs](https://example.com/x) now", 4},
		{"p99 fell 40% — from 800 ms to 120 ms", 9},
		{"don't split we're", 3},
		{"naïve café\u00a0résumé", 3},
	}
	for _, tt := range tests {
		if got := sections.CountWords(tt.text); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

// TestSpans checks where each labelled section's own text starts and
// ends, which is what a session rewrites: placed text elsewhere is not
// part of a labelled section's span.
func TestSpans(t *testing.T) {
	doc, err := document.Parse("s.md", []byte(`---
title: Spans
---
## 1. Situation
Our nightly export took nine hours.

It ran into business hours.

## Notes
Some raw notes that name no section.

Result: it takes 40 minutes now.
Still the result.

### 2) Task
`))
	if err != nil {
		t.Fatal(err)
	}
	type span struct {
		ID          string
		Line, End   int
		Inline, Emp bool
	}
	var got []span
	for _, s := range sections.FindMarked(doc, rubric(t, "star")).Sections {
		got = append(got, span{s.ID, s.Line, s.End, s.Inline, s.Empty})
	}
	want := []span{
		{ID: "situation", Line: 4, End: 7},
		{ID: "task", Line: 15, End: 15, Emp: true},
		{ID: "result", Line: 12, End: 13, Inline: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

// TestOutlineLabels checks an outline: "- Result" over a nested list is
// that part's label, while "- Result" as a plain item is not.
func TestOutlineLabels(t *testing.T) {
	doc, err := document.Parse("o.md", []byte("- Situation\n  - the export took nine hours\n- Result\n  - it takes 40 minutes now\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sections.FindMarked(doc, rubric(t, "star")).Sections {
		got = append(got, s.ID+": "+s.Text)
	}
	want := []string{"situation: the export took nine hours", "result: it takes 40 minutes now"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
	}
	flat, err := document.Parse("f.md", []byte("- Result\n- Another item\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := sections.FindMarked(flat, rubric(t, "star")).Sections; len(got) != 0 {
		t.Errorf("a plain list item was taken for a label: %+v", got)
	}
}
