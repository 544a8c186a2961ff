package technical

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/followup"
	"github.com/prepcli/prep/internal/interviewer"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/workspace"
)

// The interviewer's side of prep technical: the questions the candidate
// asks, the checks it names, the change of requirements, the report
// against the key points and the follow-ups. Each exchange is an answer
// of the session's progress (so a stopped session resumes mid-loop) and
// goes to the answer file's transcript before the next question.

// Guide ids of the technical panel that hold the interviewer's words.
const (
	guideFraming     = "framing"
	guideAsk         = "ask"
	guideAskDebug    = "ask_debug"
	guideNeutral     = "neutral"
	guideCheck       = "check"
	guideCheckBottle = "check_bottlenecks"
	guideNoEvidence  = "no_evidence"
	guideChange      = "change"
	guideKeyPoints   = "key_points"
	guideFactsMissed = "facts_missed"
	guideFollowups   = "followups"
	guideDecisions   = "decision_followups"
	guideMoveOn      = "move_on"
	moveOnPrefix     = "move_on_"
)

// Question ids of the interview, beside answer.STEP and hint.STEP.K.
const (
	framingID  = "framing"
	askPrefix  = "ask."
	checkPref  = "check."
	changeID   = "change"
	followPref = "followup."
	overrunPre = "overrun."
	startPre   = "timer.start."
	// maxFollowups is how many follow-ups the interviewer asks at most.
	maxFollowups = 3
	// minFollowups is how many it asks at least, from the pack's
	// follow-up bank when the answer names too little.
	minFollowups = 2
)

// Section ids where the evidence loop runs: the debug rubric's own step,
// and the design rubric's bottlenecks when the scenario has evidence.
const (
	evidenceStep   = "evidence"
	bottlenecksStp = "bottlenecks"
)

// guideText is the text of a guide of the technical panel, or def.
func (t *technical) guideText(id, def string) string {
	if g, ok := t.panel.Guide(id); ok && strings.TrimSpace(g.Text) != "" {
		return text.CleanLine(g.Text)
	}
	return def
}

// framing offers the panel's own framing, once per scenario: skippable,
// since a candidate on a third scenario has read it.
func (t *technical) framing() error {
	g, ok := t.panel.Guide(guideFraming)
	if !ok {
		return nil
	}
	before := t.s.Asked()
	ans, err := t.s.Ask(session.Question{
		ID:      framingID,
		Kind:    session.Confirm,
		Message: "Read the panel's framing first? (a minute)",
		Help:    "A minute of reading: what the panel is, what it listens for, and how hints work. Answer no to go straight to the problem.",
		Default: func() string { return session.Yes },
	})
	if err != nil {
		return err
	}
	if ans == session.Yes && t.s.Asked() > before {
		t.s.Show(&session.Block{Key: "guide." + t.panel.ID + "." + g.ID, Title: g.Title, Text: g.Text, Items: g.Questions})
	}
	return nil
}

// say prints what the interviewer says.
func (t *technical) say(text string) {
	t.s.Printf("%s\n", t.s.Wrap(text, "  Interviewer: ", "               "))
}

// matcher is the session's matcher, made from the pack on first use.
func (t *technical) matcher() *interviewer.Matcher {
	if t.match == nil {
		t.match = interviewer.NewMatcher(t.env.Pack)
	}
	return t.match
}

// factReply is the interviewer's answer to a question: the fact it asks
// for, or each fact of a question that asks for two ("how many users,
// and what's the p95?"), in the order asked.
func (t *technical) factReply(q string) string {
	facts := t.ex.AllFacts()
	var told []string
	for _, i := range t.matcher().Facts(q, facts) {
		told = append(told, text.CleanLine(facts[i].Answer))
	}
	if len(told) == 0 {
		return t.guideText(guideNeutral, "Assume what you think is reasonable, and say it.")
	}
	return strings.Join(told, " ")
}

// evidenceReply is what a named check shows.
func (t *technical) evidenceReply(check string) string {
	if i := t.matcher().Evidence(check, t.ex.Evidence); i >= 0 {
		return text.CleanLine(t.ex.Evidence[i].Shows)
	}
	return t.guideText(guideNoEvidence, "Nothing stands out there. What else would you look at?")
}

// asker asks a question of the current step, dressed as the step's first
// question when it is one.
type asker func(session.Question) (string, error)

// askLoop lets the candidate ask the interviewer questions, one at a
// time, until an empty line; it runs at the first step of a scenario that
// has facts. A question already asked in an earlier run is replayed with
// its answer, so a resumed candidate sees where it was.
func (t *technical) askLoop(ask asker) error {
	if len(t.ex.AllFacts()) == 0 {
		return nil
	}
	guide := guideAsk
	if t.rubric.ID == workspace.KindDebug {
		guide = guideAskDebug
	}
	return t.loop(ask, askPrefix, guide, "Ask the interviewer (empty line: done)",
		"Ask one thing at a time, as you would in the room: users, load, data size, latency, budget, the team, what exists today. The answer file keeps each question and what it revealed.",
		"You asked", t.factReply)
}

// checkLoop lets the candidate name checks and see what each shows: the
// debug rubric's evidence step, and the design bottlenecks step of a
// scenario with evidence.
func (t *technical) checkLoop(sec *pack.Section, ask asker) error {
	if len(t.ex.Evidence) == 0 || (sec.ID != evidenceStep && sec.ID != bottlenecksStp) {
		return nil
	}
	guide := guideCheck
	if sec.ID == bottlenecksStp {
		guide = guideCheckBottle
	}
	return t.loop(ask, checkPref+sec.ID+".", guide, "What would you check? (empty line: done)",
		"Name one metric, log, trace, query or config at a time; the interviewer says what it shows.",
		"You checked", t.evidenceReply)
}

func (t *technical) loop(ask asker, prefix, guide, msg, help, label string, reply func(string) string) error {
	s := t.s
	intro := session.GuideBlock(t.panel, guide, false)
	for k := 0; ; k++ {
		id := prefix + strconv.Itoa(k)
		q, replay := s.Answered(id)
		if replay {
			if strings.TrimSpace(q) == "" {
				return nil
			}
			if k == 0 {
				// Resumed: the step's heading and this loop's guidance go
				// above the questions replayed, as they did the first time.
				if t.stepHead != nil {
					t.stepHead()
				}
				if intro != nil && s.Once(intro.Key) {
					s.Printf("%s\n", s.Wrap(loopGuidance(intro), "  ", "  "))
				}
			}
			s.Printf("%s\n", s.Wrap(text.CleanLine(q), "  "+label+": ", "      "))
			t.say(reply(q))
			continue
		}
		var err error
		q, err = ask(session.Question{
			ID:      id,
			Kind:    session.Input,
			Message: msg,
			Help:    help,
			Guidance: func() string {
				if intro != nil && s.Once(intro.Key) {
					return loopGuidance(intro)
				}
				return ""
			}(),
			Save: func(ans string) error {
				t.tick()
				return t.saveTranscript(map[string]string{id: ans})
			},
		})
		if err != nil {
			return err
		}
		if strings.TrimSpace(q) == "" {
			return nil
		}
		t.say(reply(q))
		// A blank line before the next prompt: the prompt redraws over
		// the line above it when a long question wraps, and that line
		// must not be the end of the reply.
		s.Printf("\n")
	}
}

// loopGuidance is a loop's guide as one paragraph: "Ask the interviewer:
// …".
func loopGuidance(b *session.Block) string {
	sep := ": "
	if strings.HasSuffix(strings.TrimSpace(b.Title), "?") {
		sep = " "
	}
	return strings.TrimSpace(b.Title) + sep + b.Text
}

// change states the scenario's change of requirements and asks for the
// re-plan, in a short step after the step the scenario names.
func (t *technical) change() error {
	ch := t.ex.Change
	if ch == nil || strings.TrimSpace(ch.Say) == "" {
		return nil
	}
	if _, ok := t.s.Answered(changeID); ok {
		return nil
	}
	intro := session.GuideBlock(t.panel, guideChange, false)
	title := "The requirements change"
	if intro != nil {
		title = text.CleanLine(intro.Title)
	}
	t.s.Heading(text.CleanLine(t.ex.Title) + " · " + title)
	if intro != nil {
		t.s.Printf("%s\n", t.s.Wrap(intro.Text, "  ", "  "))
	}
	t.say(ch.Say)
	_, err := t.s.Ask(session.Question{
		ID:      changeID,
		Kind:    session.Text,
		Message: "What changes in your plan? A few lines.",
		Help:    "Say what still holds, what changes and what the change costs; the answer file keeps it with the interview.",
		Save: func(ans string) error {
			t.tick()
			return t.saveTranscript(map[string]string{changeID: ans})
		},
	})
	return err
}

// stepStarted notes when step i started, on the answer's clock, so its
// time can be told from the time of the steps before it.
func (t *technical) stepStarted(sec *pack.Section) {
	if t.clock == nil {
		return
	}
	if _, ok := t.s.Answered(startPre + sec.ID); !ok {
		t.s.Note(startPre+sec.ID, strconv.Itoa(int(t.clock.used().Seconds())))
	}
}

// overrun says, once, that step i took longer than its share, the way an
// interviewer moves the conversation on: with the words of the next step's
// move_on guide.
func (t *technical) overrun(i int) {
	if t.clock == nil || i+1 >= len(t.rubric.Sections) || t.clock.left() <= 0 {
		// Out of time altogether, the time_up question speaks instead.
		return
	}
	sec, next := &t.rubric.Sections[i], &t.rubric.Sections[i+1]
	if _, said := t.s.Answered(overrunPre + sec.ID); said {
		return
	}
	v, ok := t.s.Answered(startPre + sec.ID)
	if !ok {
		return
	}
	start, err := strconv.Atoi(v)
	if err != nil {
		return
	}
	spent := t.clock.used().Seconds() - float64(start)
	if spent <= t.clock.share(i).Seconds() {
		return
	}
	t.s.Note(overrunPre+sec.ID, session.Yes)
	txt := t.guideText(moveOnPrefix+next.ID, "")
	if txt == "" {
		txt = strings.ReplaceAll(t.guideText(guideMoveOn, "Let's move on to {next}."), "{next}", strings.ToLower(text.CleanLine(next.Title)))
	}
	t.say(txt)
}

// answerText is the candidate's answer as the key points are held
// against it: every step's text and the re-plan.
func (t *technical) answerText() string {
	var parts []string
	if p, err := t.ws.Practice(t.file); err == nil {
		for _, sec := range t.rubric.Sections {
			if text, ok := p.Section(t.rubric, sec.ID); ok {
				parts = append(parts, text)
			}
		}
	}
	if v, ok := t.s.Answered(changeID); ok {
		parts = append(parts, v)
	}
	return strings.Join(parts, "\n")
}

// askedFacts are the indexes of the facts the candidate's questions
// reached.
func (t *technical) askedFacts() map[int]bool {
	out := map[int]bool{}
	facts := t.ex.AllFacts()
	for k := 0; ; k++ {
		q, ok := t.s.Answered(askPrefix + strconv.Itoa(k))
		if !ok || strings.TrimSpace(q) == "" {
			return out
		}
		for _, i := range t.matcher().Facts(q, facts) {
			out[i] = true
		}
	}
}

// Report is how an answer stood against the scenario.
type interviewReport struct {
	Coverage    []interviewer.Coverage
	FactsAsked  []string // ids, in the scenario's order
	FactsMissed []string
}

// report shows the key points covered and missed, and the facts never
// asked for, each with why it mattered.
func (t *technical) report() interviewReport {
	s := t.s
	var rep interviewReport
	if len(t.ex.KeyPoints) > 0 {
		rep.Coverage = interviewer.Cover(t.answerText(), t.ex.KeyPoints)
		n := interviewer.CountCovered(rep.Coverage)
		s.Printf("\n%s\n", s.Wrap(fmt.Sprintf("Key points: you covered %d of %d.", n, len(rep.Coverage)), "", "  "))
		if g := session.GuideBlock(t.panel, guideKeyPoints, false); g != nil {
			s.Printf("%s\n", s.Wrap(g.Text, "  ", "  "))
		}
		if n > 0 {
			s.Printf("\n  Covered\n")
			for _, c := range rep.Coverage {
				if c.Covered() {
					s.Printf("%s\n", s.Wrap(c.Point.Point, "  + ", "    "))
					s.Printf("%s\n", s.Wrap("\u201c"+c.Line+"\u201d", "      ", "      "))
				}
			}
		}
		if n < len(rep.Coverage) {
			s.Printf("\n  Missed\n")
			for _, c := range rep.Coverage {
				if !c.Covered() {
					s.Printf("%s\n", s.Wrap(c.Point.Point, "  - ", "    "))
					s.Printf("%s\n", s.Wrap("Why it matters: "+c.Point.Why, "      ", "      "))
				}
			}
		}
	}
	facts := t.ex.AllFacts()
	asked := t.askedFacts()
	var missed []pack.Fact
	for i, f := range facts {
		if asked[i] {
			rep.FactsAsked = append(rep.FactsAsked, f.ID)
		} else {
			rep.FactsMissed = append(rep.FactsMissed, f.ID)
			missed = append(missed, f)
		}
	}
	if len(missed) > 0 {
		title := "Facts you never asked for"
		txt := ""
		if g := session.GuideBlock(t.panel, guideFactsMissed, false); g != nil {
			title, txt = text.CleanLine(g.Title), g.Text
		}
		s.Printf("\n%s\n", s.Wrap(fmt.Sprintf("%s: %d of %d.", title, len(missed), len(facts)), "", "  "))
		if txt != "" {
			s.Printf("%s\n", s.Wrap(txt, "  ", "  "))
		}
		for _, f := range missed {
			line := text.CleanLine(f.Topic)
			if w := text.CleanLine(f.Why); w != "" {
				line += ": " + w
			}
			s.Printf("%s\n", s.Wrap(line, "  - ", "    "))
		}
	}
	return rep
}

// followups asks two or three questions about what the answer named and
// decided. The questions are noted before the first is asked, so a
// resumed session asks the same ones even if the file changed since.
func (t *technical) followups() ([]string, error) {
	s := t.s
	var qs []string
	if v, ok := s.Answered(followPref + "n"); ok {
		n, _ := strconv.Atoi(v)
		for k := 0; k < n; k++ {
			q, _ := s.Answered(followPref + strconv.Itoa(k) + ".q")
			qs = append(qs, q)
		}
	} else {
		qs = t.pickFollowups()
		s.Note(followPref+"n", strconv.Itoa(len(qs)))
		for k, q := range qs {
			s.Note(followPref+strconv.Itoa(k)+".q", q)
		}
		if err := s.Commit(); err != nil {
			return nil, err
		}
	}
	if len(qs) == 0 {
		return nil, nil
	}
	intro := session.GuideBlock(t.panel, guideFollowups, false)
	for k, q := range qs {
		id := followPref + strconv.Itoa(k)
		q := session.Question{
			ID:      id,
			Kind:    session.Text,
			Message: q,
			Heading: fmt.Sprintf("%s · follow-up %d of %d", text.CleanLine(t.ex.Title), k+1, len(qs)),
			Help:    "Answer in a few lines, as you would out loud; the answer file keeps it with the interview.",
			Save: func(ans string) error {
				return t.saveTranscript(map[string]string{id: ans})
			},
		}
		if k == 0 {
			q.Intro = intro
		}
		if _, err := s.Ask(q); err != nil {
			return nil, err
		}
	}
	return qs, nil
}

// pickFollowups chooses the questions: from the components the answer
// names and the decisions it makes, topped up from the follow-up bank.
func (t *technical) pickFollowups() []string {
	txt := t.answerText()
	var templates []string
	if g, ok := t.panel.Guide(guideDecisions); ok {
		templates = g.Questions
	}
	var out []string
	for _, f := range interviewer.Followups(txt, t.env.Pack.Components, templates, maxFollowups) {
		out = append(out, text.CleanLine(f.Question))
	}
	if len(out) < minFollowups {
		for _, f := range followup.Choose(t.env.Pack.Followups, txt, nil, len(t.env.Pack.Followups)) {
			if len(out) >= minFollowups {
				break
			}
			if q := text.CleanLine(f.Question); q != "" && !contains(out, q) {
				out = append(out, q)
			}
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// The transcript sits in the answer file under the prompt, inside an HTML
// comment: the check reads none of it (the questions asked are not part
// of the answer), a Markdown viewer hides it, and the file still tells
// what was asked and what the interviewer said.
const (
	transcriptStart = "<!-- The interview as it went (prep writes this part; the check does not read it)"
	transcriptEnd   = "-->"
)

// saveTranscript rewrites the transcript in the answer file from the
// progress, with pending the answer being saved now.
func (t *technical) saveTranscript(pending map[string]string) error {
	tr := t.transcript(pending)
	return t.ws.EditPractice(t.file, func(p *workspace.Practice) error {
		p.Body = setTranscript(p.Body, tr)
		return nil
	})
}

func (t *technical) transcript(pending map[string]string) string {
	get := func(id string) (string, bool) {
		if v, ok := pending[id]; ok {
			return v, true
		}
		return t.s.Answered(id)
	}
	var b []string
	entry := func(lines ...string) {
		b = append(b, "")
		b = append(b, lines...)
	}
	block := func(label, txt string) []string {
		lines := []string{label}
		for _, l := range strings.Split(strings.TrimSpace(txt), "\n") {
			lines = append(lines, "    "+strings.TrimRight(l, " \t"))
		}
		return lines
	}
	loop := func(prefix, you, them string, reply func(string) string) {
		for k := 0; ; k++ {
			q, ok := get(prefix + strconv.Itoa(k))
			if !ok || strings.TrimSpace(q) == "" {
				return
			}
			entry(you+text.CleanLine(q), them+reply(q))
		}
	}
	for i, sec := range t.rubric.Sections {
		if i == 0 {
			loop(askPrefix, "You asked:    ", "Interviewer:  ", t.factReply)
		}
		loop(checkPref+sec.ID+".", "You checked:  ", "It showed:    ", t.evidenceReply)
		if ch := t.ex.Change; ch != nil && ch.After == sec.ID {
			if v, ok := get(changeID); ok {
				entry(append([]string{"Interviewer:  " + text.CleanLine(ch.Say)}, block("You re-planned:", v)...)...)
			}
		}
	}
	for k := 0; ; k++ {
		q, ok := get(followPref + strconv.Itoa(k) + ".q")
		if !ok {
			break
		}
		a, ok := get(followPref + strconv.Itoa(k))
		if !ok {
			break
		}
		entry(append([]string{"Follow-up:    " + q}, block("You answered:", a)...)...)
	}
	if len(b) == 0 {
		return ""
	}
	txt := transcriptStart + "\n" + strings.Join(b, "\n") + "\n" + transcriptEnd
	// Nothing the candidate typed may close the comment early.
	body := strings.ReplaceAll(txt[len(transcriptStart):len(txt)-len(transcriptEnd)], "-->", "->")
	return transcriptStart + body + transcriptEnd
}

// setTranscript puts tr in body in place of the transcript there, or
// under the quoted prompt on top; an empty tr removes it.
func setTranscript(body, tr string) string {
	lines := strings.Split(body, "\n")
	start, end := -1, -1
	for i, l := range lines {
		if start < 0 && strings.HasPrefix(l, transcriptStart) {
			start = i
			continue
		}
		if start >= 0 && strings.TrimSpace(l) == transcriptEnd {
			end = i
			break
		}
	}
	var block []string
	if tr != "" {
		block = append(strings.Split(tr, "\n"), "")
	}
	if start >= 0 && end >= 0 {
		after := lines[end+1:]
		if len(after) > 0 && strings.TrimSpace(after[0]) == "" {
			after = after[1:]
		}
		out := append(append(append([]string{}, lines[:start]...), block...), after...)
		return strings.Join(out, "\n")
	}
	if tr == "" {
		return body
	}
	at := 0
	for at < len(lines) && strings.HasPrefix(lines[at], ">") {
		at++
	}
	if at > 0 && at < len(lines) && strings.TrimSpace(lines[at]) == "" {
		at++
	}
	out := append(append(append([]string{}, lines[:at]...), block...), lines[at:]...)
	return strings.Join(out, "\n")
}
