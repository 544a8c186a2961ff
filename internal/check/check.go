// Package check checks a write-up against a rubric: which sections are
// missing or thin, and which signals an interviewer would find weak. It
// renders its reports as the JSON of `prep check --format json` or as text
// for people.
package check

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/wording"
)

// RuleMissingSection is the rule of a finding for an absent section.
const RuleMissingSection = "missing-section"

// Section statuses.
const (
	StatusOK      = "ok"
	StatusThin    = "thin"
	StatusMissing = "missing"
)

// Report is the check of one write-up. Its JSON is the product's contract.
type Report struct {
	File     string          `json:"file"`
	Kind     string          `json:"kind"`
	Sections []SectionStatus `json:"sections"`
	Findings []Finding       `json:"findings"`
	Summary  Summary         `json:"summary"`
	// Inferred is true when the write-up marked no sections and they were
	// assigned from wording.
	Inferred bool `json:"inferred,omitempty"`
	// Verdict sums the report up: incomplete (an error-level finding),
	// needs-work (a weak signal) or ready.
	Verdict string `json:"verdict"`
	// Reasons say why in a few words each, for lists: "no Result", "no
	// figure in Result".
	Reasons []string `json:"reasons,omitempty"`
	// Error is why the input could not be checked, set only in the report
	// that stands for it in JSON output; the other fields are then empty.
	Error string `json:"error,omitempty"`
}

// Verdicts.
const (
	VerdictIncomplete = "incomplete"
	VerdictNeedsWork  = "needs-work"
	VerdictReady      = "ready"
)

// VerdictLine is the verdict with its reasons, as lists show it:
// "needs work: no figure in Result, no alternative named".
func (r Report) VerdictLine() string {
	v := strings.ReplaceAll(r.Verdict, "-", " ")
	if len(r.Reasons) == 0 {
		return v
	}
	return v + ": " + strings.Join(r.Reasons, ", ")
}

// SectionStatus is one rubric section and how the write-up fares on it.
type SectionStatus struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"` // ok, thin or missing
	// Line is where the section is marked; 0 (left out of JSON) when the
	// write-up does not mark it at all.
	Line  int `json:"line,omitempty"`
	Words int `json:"words,omitempty"`
	// Inferred is true when the write-up does not label the section and
	// it was placed from its wording.
	Inferred bool `json:"inferred,omitempty"`
	// Within names the section whose text holds this one, when it was
	// found inside another ("a trade-off weighed inside Action").
	Within string `json:"within,omitempty"`
	// Why lists the words that placed a section found from wording, the
	// strongest first.
	Why []string `json:"why,omitempty"`
	// MinWords is the rubric's floor, so text output can say how thin.
	MinWords int `json:"-"`
}

// Finding is one problem: a missing section or a weak signal.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Section  string `json:"section"` // empty for the answer as a whole
	Line     int    `json:"line"`    // 0 when the section is not there at all
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
	// Quote is the words the finding is about, as written.
	Quote string `json:"quote,omitempty"`
	// Reason is the few words the verdict gives for this finding ("no
	// figure in Result"); the report's reasons carry it in JSON.
	Reason string `json:"-"`
}

// Summary counts findings by severity.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// WeakSections are the sections the check found missing, thin or
// flagged, by id: what follow-up questions probe first.
func (r Report) WeakSections() map[string]bool {
	weak := map[string]bool{}
	for _, s := range r.Sections {
		if s.Status != StatusOK {
			weak[s.ID] = true
		}
	}
	for _, f := range r.Findings {
		if f.Section != "" {
			weak[f.Section] = true
		}
	}
	return weak
}

// Summarize counts findings by severity.
func Summarize(findings []Finding) Summary {
	var s Summary
	for _, f := range findings {
		switch f.Severity {
		case pack.SeverityError:
			s.Errors++
		case pack.SeverityWarning:
			s.Warnings++
		}
	}
	return s
}

// HasErrors reports whether the write-up has an error-level finding, which
// makes `prep check` exit 1.
func (r Report) HasErrors() bool { return r.Summary.Errors > 0 }

// Check checks doc against rubric r. The rubric is compiled on first use
// and cached, so it must not change afterwards.
func Check(doc *document.Doc, r *pack.Rubric) Report {
	return CheckFound(doc, r, sections.Find(doc, r))
}

// CheckFound is Check of doc when its sections were already found
// (res, from sections.Find(doc, r)): a caller that needs both the
// sections and the report finds them once.
func CheckFound(doc *document.Doc, r *pack.Rubric, res sections.Result) Report {
	rep := Report{Sections: []SectionStatus{}, Findings: []Finding{}}
	if doc == nil || r == nil {
		if doc != nil {
			rep.File = doc.Name
		}
		return rep
	}
	rep.File, rep.Kind = doc.Name, r.ID
	c := compiledFor(r)
	rep.Inferred = res.Inferred
	rep.Sections = make([]SectionStatus, 0, len(r.Sections))
	rep.Findings = make([]Finding, 0, 4)
	for _, s := range r.Sections {
		st := SectionStatus{ID: s.ID, Title: s.Title, MinWords: s.MinWords}
		f, ok := res.Section(s.ID)
		switch {
		case !ok || f.Empty:
			st.Status = StatusMissing
			st.Line = f.Line
			rep.Findings = append(rep.Findings, missing(s, f, ok, doc.Format))
		case f.Within != "":
			// Told inside another section: it serves, and its few
			// sentences are not a thin section of their own.
			st.Status, st.Line, st.Words, st.Within = StatusOK, f.Line, f.Words, f.Within
		case s.MinWords > 0 && f.Words < s.MinWords:
			st.Status, st.Line, st.Words = StatusThin, f.Line, f.Words
		default:
			st.Status, st.Line, st.Words = StatusOK, f.Line, f.Words
		}
		st.Inferred = ok && f.Inferred && !res.Inferred
		if ok && (f.Inferred || res.Inferred) && st.Status != StatusMissing {
			st.Why = why(r.ID, s.ID, f.Text)
		}
		rep.Sections = append(rep.Sections, st)
	}
	sg := signals{r: r, res: res}
	for i, sig := range r.Signals {
		rep.Findings = append(rep.Findings, sg.check(sig, c.phrases[i])...)
	}
	slices.SortStableFunc(rep.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)))
	})
	rep.Summary = Summarize(rep.Findings)
	rep.Verdict, rep.Reasons = verdict(rep.Findings, r)
	return rep
}

// verdict sums findings up. An error makes a write-up incomplete; a weak
// signal (any but a thin section or a missing recommended one) makes it
// need work. The reasons name the errors, or else the weak signals.
func verdict(fs []Finding, r *pack.Rubric) (string, []string) {
	var errs, weak []string
	for _, f := range fs {
		switch {
		case f.Severity == pack.SeverityError:
			if f.Reason != "" {
				errs = append(errs, f.Reason)
			}
		case f.Rule == RuleMissingSection || isThin(f.Rule, r):
		default:
			if f.Reason != "" && !slices.Contains(weak, f.Reason) {
				weak = append(weak, f.Reason)
			}
		}
	}
	switch {
	case len(errs) > 0:
		return VerdictIncomplete, errs
	case len(weak) > 0:
		return VerdictNeedsWork, weak
	}
	return VerdictReady, nil
}

func isThin(rule string, r *pack.Rubric) bool {
	for _, s := range r.Signals {
		if s.ID == rule {
			return s.Type == pack.SignalThin
		}
	}
	return false
}

// why is what placed a section's text there, in words a candidate
// reads: the model's strongest words, its marks spelt out.
func why(kind, id, text string) []string {
	var out []string
	for _, w := range sections.Explain(kind, id, text, 12) {
		if m, ok := marks.Get()[w]; ok {
			w = m
		} else if len(w) < 4 || little.Get()[w] || w[0] == '<' {
			continue // "the", "which": true of the model, no help to a reader
		}
		if out = append(out, w); len(out) == 3 {
			break
		}
	}
	return out
}

var little = lazy.Value[map[string]bool]{F: func() map[string]bool {
	return map[string]bool{
		"that": true, "this": true, "with": true, "which": true, "some": true, "from": true, "were": true,
		"have": true, "there": true, "their": true, "they": true, "them": true, "then": true, "than": true,
		"into": true, "also": true, "been": true, "when": true, "what": true, "only": true, "about": true,
		"would": true, "could": true, "after": true, "before": true, "because": true, "while": true,
	}
}}

var marks = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		"<qty>": "a figure", "<alt>": "an option turned down", "<mistake>": "a mistake owned up to",
		"<iact>": "you acting", "<q>": "a question",
	}
}}

func severityRank(s string) int {
	switch s {
	case pack.SeverityError:
		return 0
	case pack.SeverityWarning:
		return 1
	}
	return 2
}

// missing is the finding for a section that is absent or only marked: an
// error when the rubric requires it, a warning when it recommends it, with
// a hint that says where to write it and the question it answers.
func missing(s pack.Section, f sections.Section, marked bool, format document.Format) Finding {
	sev := pack.SeverityWarning
	if s.Level == pack.Required {
		sev = pack.SeverityError
	}
	msg := "No " + s.Title
	if s.Missing != "" {
		msg += ": " + s.Missing
	}
	hint := `add a "## ` + s.Title + `" section`
	if format == document.YAML {
		hint = `add a "` + s.ID + `:" key`
	}
	if marked {
		hint = "the label has nothing under it yet"
		if p := firstLine(f.Text); p != "" {
			hint = "the label has only " + strconv.Quote(p) + " under it"
		}
	}
	if q := strings.TrimSpace(s.Question); q != "" {
		hint += "; answer: " + q
	}
	return Finding{Rule: RuleMissingSection, Severity: sev, Section: s.ID, Line: f.Line, Message: msg, Hint: hint, Reason: "no " + s.Title}
}

// firstLine is the first line of a placeholder, cut short for a hint.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if r := []rune(s); len(r) > 30 {
		s = string(r[:30]) + "…"
	}
	return s
}

// signals evaluates a rubric's signals against one write-up.
type signals struct {
	r   *pack.Rubric
	res sections.Result
}

// sigPhrases are a signal's word lists, prepared once per rubric.
type sigPhrases struct {
	phrases sections.Phrases
}

func (sg *signals) check(sig pack.Signal, p sigPhrases) []Finding {
	var sec *pack.Section
	for i := range sg.r.Sections {
		if sg.r.Sections[i].ID == sig.Section {
			sec = &sg.r.Sections[i]
		}
	}
	// present is the inspected section, when it is there to inspect: a
	// missing section's signals stay quiet, its own finding says enough.
	present := func() (sections.Section, bool) {
		if sec == nil {
			return sections.Section{}, false
		}
		f, ok := sg.res.Section(sec.ID)
		return f, ok && !f.Empty
	}
	switch sig.Type {
	case pack.SignalNeedsNumber:
		if f, ok := present(); ok && !wording.Quantity(f.Text).Found() {
			return []Finding{sg.finding(sig, sec, f.Line, f.Words, 0, opening(f.Text))}
		}
	case pack.SignalNeedsPhrase:
		if f, ok := present(); ok && !p.phrases.Empty() && !p.phrases.Contains(f.Text) {
			return []Finding{sg.finding(sig, sec, f.Line, f.Words, 0, opening(f.Text))}
		}
	case pack.SignalNeedsAlternative:
		// A label can name the option itself: "Why not Kafka".
		if f, ok := present(); ok && !wording.Alternative(f.Text).Found() && !wording.Alternative(f.Label).Found() {
			return []Finding{sg.finding(sig, sec, f.Line, f.Words, 0, opening(f.Text))}
		}
	case pack.SignalNeedsMistake:
		if f, ok := present(); ok && !wording.Mistake(f.Text).Found() {
			return []Finding{sg.finding(sig, sec, f.Line, f.Words, 0, opening(f.Text))}
		}
	case pack.SignalVoice:
		return sg.voice(sig, sec, present)
	case pack.SignalThin:
		var out []Finding
		for i := range sg.r.Sections {
			s := &sg.r.Sections[i]
			if sig.Section != "" && s.ID != sig.Section {
				continue
			}
			if f, ok := sg.res.Section(s.ID); ok && !f.Empty && s.MinWords > 0 && f.Words < s.MinWords {
				out = append(out, sg.finding(sig, s, f.Line, f.Words, 0, opening(f.Text)))
			}
		}
		return out
	case pack.SignalSpeakingTime:
		if sig.WordsPerMinute <= 0 || sig.MaxMinutes <= 0 {
			return nil
		}
		line, words := sg.res.FirstLine, sg.told()
		if sig.Section != "" {
			f, ok := present()
			if !ok {
				return nil
			}
			line, words = f.Line, f.Words
		}
		if minutes := float64(words) / float64(sig.WordsPerMinute); minutes > sig.MaxMinutes {
			return []Finding{sg.finding(sig, sec, line, words, minutes, "")}
		}
	}
	return nil
}

// told is how many words the candidate would say telling the answer: its
// sections, less those the rubric keeps in reserve. Text that serves a
// section from inside another is counted where it stands, once.
func (sg *signals) told() int {
	if len(sg.res.Sections) == 0 {
		return sg.res.Words
	}
	n := 0
	for _, f := range sg.res.Sections {
		if f.Within != "" {
			continue
		}
		if s := sg.section(f.ID); s != nil && s.Reserve {
			continue
		}
		n += f.Words
	}
	return n
}

func (sg *signals) section(id string) *pack.Section {
	for i := range sg.r.Sections {
		if sg.r.Sections[i].ID == id {
			return &sg.r.Sections[i]
		}
	}
	return nil
}

// voice fires for an answer told in "we" in which the candidate hardly
// acts: no own action in the action section (or the inspected one) and
// own actions under MinShare of the we-words overall.
func (sg *signals) voice(sig pack.Signal, sec *pack.Section, present func() (sections.Section, bool)) []Finding {
	line, words := sg.res.FirstLine, sg.res.Words
	var text string
	if sig.Section != "" {
		f, ok := present()
		if !ok {
			return nil
		}
		line, words, text = f.Line, f.Words, f.Text
	} else {
		text = sg.toldText()
	}
	v := wording.CountVoice(text, sig.We)
	if v.Group == 0 || v.Group < sig.MinCount {
		return nil
	}
	if float64(v.Own)/float64(v.Own+v.Group) >= sig.MinShare {
		return nil
	}
	if f, ok := sg.res.Section("action"); ok && sig.Section == "" && wording.CountVoice(f.Text, nil).Own > 0 {
		return nil
	}
	return []Finding{sg.finding(sig, sec, line, words, 0, v.FirstGroup.Sentence)}
}

// toldText is the text of the sections that are told, joined.
func (sg *signals) toldText() string {
	var b strings.Builder
	for _, f := range sg.res.Sections {
		if s := sg.section(f.ID); f.Within != "" || s != nil && s.Reserve {
			continue
		}
		b.WriteString(f.Text)
		b.WriteString("\n\n")
	}
	return b.String()
}

// opening is the start of a text, to quote what a finding is about.
func opening(text string) string {
	ss := wording.Sentences(text)
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

func (sg *signals) finding(sig pack.Signal, sec *pack.Section, line, words int, minutes float64, quote string) Finding {
	title, id, floor, question := "answer", "", 0, ""
	if sec != nil {
		title, id, floor, question = sec.Title, sec.ID, sec.MinWords, sec.Question
	}
	fill := func(s string) string {
		if strings.IndexByte(s, '{') < 0 {
			return s
		}
		return fillPlaceholders(s, title, question, words, floor, minutes, sig.MaxMinutes)
	}
	return Finding{
		Rule:     sig.ID,
		Severity: sig.Level,
		Section:  id,
		Line:     line,
		Message:  fill(sig.Message),
		Hint:     fill(sig.Hint),
		Quote:    shorten(quote, 120),
		Reason:   cmp.Or(fill(sig.Reason), strings.ReplaceAll(sig.ID, "-", " ")),
	}
}

// fillPlaceholders puts the figures of a finding into a signal's text:
// {section}, {question} (the section's own question), {words}, {min},
// {minutes} and {max_minutes}. Anything else in braces is left as written.
func fillPlaceholders(s, section, question string, words, floor int, minutes, maxMinutes float64) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		switch s[:j+1] {
		case "{section}":
			b.WriteString(section)
		case "{question}":
			b.WriteString(question)
		case "{words}":
			b.WriteString(strconv.Itoa(words))
		case "{min}":
			b.WriteString(strconv.Itoa(floor))
		case "{minutes}":
			b.WriteString(strconv.FormatFloat(minutes, 'f', 1, 64))
		case "{max_minutes}":
			b.WriteString(strconv.FormatFloat(maxMinutes, 'f', -1, 64))
		default:
			b.WriteString(s[:j+1])
		}
		s = s[j+1:]
	}
}

type compiled struct {
	signals *pack.Signal
	n       int
	phrases []sigPhrases
}

var compiledRubrics sync.Map // *pack.Rubric → *compiled

// compiledFor prepares a rubric's word lists once; like the section
// matcher, it is rebuilt if the rubric's signals were replaced.
func compiledFor(r *pack.Rubric) *compiled {
	var first *pack.Signal
	if len(r.Signals) > 0 {
		first = &r.Signals[0]
	}
	if v, ok := compiledRubrics.Load(r); ok {
		if c := v.(*compiled); c.signals == first && c.n == len(r.Signals) {
			return c
		}
	}
	c := &compiled{signals: first, n: len(r.Signals), phrases: make([]sigPhrases, len(r.Signals))}
	for i, s := range r.Signals {
		c.phrases[i] = sigPhrases{phrases: sections.NewPhrases(s.Phrases)}
	}
	compiledRubrics.Store(r, c)
	return c
}

// shorten cuts s to about n characters at a word, with an ellipsis.
func shorten(s string, n int) string {
	s = text.OneLine(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
