// Package speech analyses an answer said out loud, from its transcript:
// speaking time and pace, filler words, long pauses and where they fell,
// the sections the checker finds in what was said and the time each
// took, which beats of the written story were said, and the checker's
// signals. It reads no file and runs no program: the transcript comes
// from package transcript, the beats from the caller.
package speech

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sections"
	"github.com/prepcli/prep/internal/text"
	"github.com/prepcli/prep/internal/transcript"
)

// PauseMin is the shortest silence between words reported as a pause.
const PauseMin = 2 * time.Second

// Gaps that end a sentence and a paragraph in what was said, for a
// recogniser that writes no punctuation: the checker finds sections in
// paragraphs and sentences, and speech shows them by its silences.
const (
	sentenceGap  = 0.6
	paragraphGap = 1.5
)

// Input is one spoken answer to analyse.
type Input struct {
	Transcript *transcript.Transcript
	// Name is how the report names what was said ("rehearsal of
	// ledger.md"); it is the checker's file name.
	Name string
	// Rubric is the kind of answer (star, design, …) whose sections and
	// signals the checker looks for.
	Rubric *pack.Rubric
	// Beats are what the written answer holds that should be heard; their
	// Said is filled in from the transcript.
	Beats []Beat
	// Limit is the time given (3 minutes for a story); 0 for none.
	Limit time.Duration
	// Transcriber names the tool that made the transcript ("whisper-cli",
	// "pocketsphinx_continuous", "transcript file").
	Transcriber string
	// Coaching is the pack's rehearse block: the pace band an answer is
	// easiest to follow at and the hints on delivery. Without a band, pace
	// is not judged; without a hint, a finding has none.
	Coaching pack.Rehearse
}

// Report is the analysis, as prep rehearse --format json prints it.
type Report struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Seconds is the speaking time, first word to last; 0 when the
	// transcript has no times (Timed false).
	Seconds float64 `json:"seconds"`
	Timed   bool    `json:"timed"`
	Limit   float64 `json:"limit_seconds,omitempty"`
	Words   int     `json:"words"`
	WPM     float64 `json:"wpm"`
	Fillers Fillers `json:"fillers"`
	Pauses  []Pause `json:"pauses"`
	// Sections are the checker's, each with the seconds spent in it.
	Sections    []Section       `json:"sections"`
	Beats       []Beat          `json:"beats"`
	Findings    []check.Finding `json:"findings"`
	Summary     check.Summary   `json:"summary"`
	Verdict     string          `json:"verdict"`
	Transcriber string          `json:"transcriber"`
	Format      string          `json:"format"`
	// Text is what was heard, as the checker read it.
	Text string `json:"text"`
}

// Fillers are the filler words heard.
type Fillers struct {
	Count int `json:"count"`
	// Per100 is fillers per 100 words.
	Per100 float64 `json:"per100"`
	// Words counts each filler: {"um": 3, "you know": 1}.
	Words map[string]int `json:"words"`
}

// Pause is a silence of PauseMin or more.
type Pause struct {
	At      float64 `json:"at"` // seconds from the first word
	Seconds float64 `json:"seconds"`
	// After and Before are the words either side, to find it again.
	After  string `json:"after"`
	Before string `json:"before"`
	// Section is the id of the section it fell in (or before); "" when
	// none was found there.
	Section string `json:"section,omitempty"`
}

// Section is a section as prep check reports it, with the time spent.
type Section struct {
	check.SectionStatus
	Seconds float64 `json:"seconds"`
}

// Beat is one thing the written answer holds that a listener should hear:
// a figure, the decision, a key point.
type Beat struct {
	// Name says what it is: "pitch", "figure", "decision", a key point's
	// id.
	Name string `json:"beat"`
	Text string `json:"text"`
	// Ask is the question that checks it was said, shown by the
	// no-recorder flow: "Did you say the 320 ms figure?".
	Ask string `json:"-"`
	// Words are the words that show it was said; empty takes the
	// content words of Text. Half of them heard is enough: recognisers
	// mishear.
	Words []string `json:"-"`
	// Phrases, when set, decide instead of Words: any one of them heard,
	// its words in order, shows the beat was said (a scenario's key
	// points name them so).
	Phrases []string `json:"-"`
	Said    bool     `json:"said"`
}

// Analyse reads a transcript.
func Analyse(in Input) Report {
	t := in.Transcript
	rep := Report{
		Name:        in.Name,
		Timed:       t.Timed,
		Words:       len(t.Words),
		Pauses:      []Pause{},
		Transcriber: in.Transcriber,
		Format:      t.Format,
		Limit:       in.Limit.Seconds(),
	}
	if in.Rubric != nil {
		rep.Kind = in.Rubric.ID
	}
	if t.Timed && len(t.Words) > 0 {
		rep.Seconds = round(t.Words[len(t.Words)-1].End-t.Words[0].Start, 1)
		if rep.Seconds > 0 {
			rep.WPM = round(float64(rep.Words)/(rep.Seconds/60), 0)
		}
	}
	rep.Fillers = fillers(t.Words)

	doc, lines := lay(t)
	rep.Text = doc.Body
	// The sections are found once, for the check and for the time spent
	// in each.
	res := sections.Find(doc, in.Rubric)
	cr := check.CheckFound(doc, in.Rubric, res)
	owner := owners(res, doc.Body)
	for _, s := range cr.Sections {
		sec := Section{SectionStatus: s}
		if t.Timed {
			for i, l := range lines {
				if owner[i] == s.ID {
					sec.Seconds += t.Words[l.last].End - t.Words[l.first].Start
				}
			}
			sec.Seconds = round(sec.Seconds, 1)
		}
		rep.Sections = append(rep.Sections, sec)
	}
	if t.Timed {
		rep.Pauses = pauses(t.Words, lines, owner)
	}
	rep.Findings = append(rep.Findings, spokenOnly(cr.Findings, in.Rubric)...)
	heard := newHeard(t.Words)
	for _, b := range in.Beats {
		b.Said = heard.said(b)
		rep.Beats = append(rep.Beats, b)
	}
	rep.Findings = append(rep.Findings, spokenFindings(rep, in.Coaching)...)
	if rep.Findings == nil {
		rep.Findings = []check.Finding{}
	}
	if rep.Beats == nil {
		rep.Beats = []Beat{}
	}
	rep.Summary = check.Summarize(rep.Findings)
	// The verdict of what was said: the checker's rule, on the findings
	// that apply to speech.
	switch {
	case rep.Summary.Errors > 0:
		rep.Verdict = check.VerdictIncomplete
	case rep.Summary.Warnings > 0:
		rep.Verdict = check.VerdictNeedsWork
	default:
		rep.Verdict = check.VerdictReady
	}
	return rep
}

// Recalled is the report of a rehearsal with no transcript: the time
// from the clock, the beats as the candidate recalls saying them (Said
// set by the caller). There are no words, so no pace, fillers or
// sections.
func Recalled(in Input, elapsed time.Duration) Report {
	rep := Report{
		Name: in.Name, Seconds: round(elapsed.Seconds(), 1), Limit: in.Limit.Seconds(),
		Fillers: Fillers{Words: map[string]int{}}, Pauses: []Pause{}, Sections: []Section{},
		Beats: append([]Beat{}, in.Beats...), Transcriber: in.Transcriber, Format: "none",
	}
	if in.Rubric != nil {
		rep.Kind = in.Rubric.ID
	}
	rep.Findings = spokenFindings(rep, in.Coaching)
	if rep.Findings == nil {
		rep.Findings = []check.Finding{}
	}
	rep.Summary.Warnings = len(rep.Findings)
	rep.Verdict = check.VerdictReady
	if rep.Summary.Warnings > 0 {
		rep.Verdict = check.VerdictNeedsWork
	}
	return rep
}

// line is one line of the text the checker reads: words first to last.
type line struct{ first, last int }

// lay writes what was said as text for the checker: a line per sentence,
// a blank line between paragraphs, both found by the recogniser's
// punctuation or by silences. lines[i] is the document's line i+1.
func lay(t *transcript.Transcript) (*document.Doc, []line) {
	var b strings.Builder
	var lines []line
	paraAt := map[int]bool{}
	for _, i := range t.Paragraphs {
		paraAt[i] = true
	}
	start := 0
	for i, w := range t.Words {
		if i > start {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
		gap := 0.0
		if t.Timed && i+1 < len(t.Words) {
			gap = t.Words[i+1].Start - w.End
		}
		end := i+1 == len(t.Words) || w.Stop || gap >= sentenceGap || paraAt[i+1]
		if !end {
			continue
		}
		b.WriteString(".\n")
		lines = append(lines, line{start, i})
		start = i + 1
		if i+1 < len(t.Words) && (gap >= paragraphGap || paraAt[i+1]) {
			b.WriteByte('\n')
			lines = append(lines, line{-1, -1})
		}
	}
	// The blank lines between paragraphs are lines too ({-1, -1}): they
	// hold no words.
	doc := &document.Doc{Name: "", Format: document.Markdown, Body: b.String(), BodyLine: 1}
	return doc, lines
}

// owners gives each line of the laid text (a sentence) the section it
// was placed in: the first whose text holds the sentence. The checker
// places sentences one by one inside a paragraph, so a section's lines
// alone would not say which sentences it holds.
func owners(res sections.Result, body string) []string {
	ls := strings.Split(body, "\n")
	out := make([]string, len(ls))
	texts := make([]string, len(res.Sections))
	for i, s := range res.Sections {
		if !s.Empty && s.Within == "" {
			texts[i] = " " + text.OneLine(s.Text) + " "
		}
	}
	for i, l := range ls {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		for j, t := range texts {
			if t != "" && strings.Contains(t, " "+l+" ") {
				out[i] = res.Sections[j].ID
				break
			}
		}
	}
	return out
}

func pauses(ws []transcript.Word, lines []line, owner []string) []Pause {
	out := []Pause{}
	lineOf := make([]int, len(ws))
	for i, l := range lines {
		for j := l.first; j >= 0 && j <= l.last; j++ {
			lineOf[j] = i
		}
	}
	for i := 1; i < len(ws); i++ {
		gap := ws[i].Start - ws[i-1].End
		if gap < PauseMin.Seconds() {
			continue
		}
		p := Pause{At: round(ws[i-1].End-ws[0].Start, 1), Seconds: round(gap, 1), After: ws[i-1].Text, Before: ws[i].Text}
		// A pause belongs to the section that comes after it when it
		// opens one, else to the one it interrupts.
		p.Section = owner[lineOf[i]]
		if p.Section == "" {
			p.Section = owner[lineOf[i-1]]
		}
		out = append(out, p)
	}
	return out
}

// spokenOnly keeps the checker's findings that make sense of speech,
// reworded for it: a required part not heard (a recommended one, or one
// kept for when the panel asks, such as the follow-ups, is not expected
// in the telling), and the weak signals, but not the estimate of the
// time it takes to say, which speech measures. Line numbers are of the
// laid-out transcript, which the candidate never sees: they are dropped.
func spokenOnly(fs []check.Finding, r *pack.Rubric) []check.Finding {
	var out []check.Finding
	for _, f := range fs {
		f.Line = 0
		if f.Rule == check.RuleMissingSection {
			sec := sectionOf(r, f.Section)
			if sec == nil || sec.Level != pack.Required || sec.Reserve {
				continue
			}
			f.Message = "No " + sec.Title + " heard"
			if sec.Missing != "" {
				f.Message += ": " + sec.Missing
			}
			f.Hint = ""
			if q := strings.TrimSpace(sec.Question); q != "" {
				f.Hint = "answer out loud: " + q
			}
			out = append(out, f)
			continue
		}
		if sig := signalOf(r, f.Rule); sig != nil && sig.Type == pack.SignalSpeakingTime {
			continue
		}
		out = append(out, f)
	}
	return out
}

func sectionOf(r *pack.Rubric, id string) *pack.Section {
	if r == nil {
		return nil
	}
	for i := range r.Sections {
		if r.Sections[i].ID == id {
			return &r.Sections[i]
		}
	}
	return nil
}

func signalOf(r *pack.Rubric, id string) *pack.Signal {
	if r == nil {
		return nil
	}
	for i := range r.Signals {
		if r.Signals[i].ID == id {
			return &r.Signals[i]
		}
	}
	return nil
}

// spokenFindings are what only speech shows: over time, a pace out of
// the band, many fillers, beats not said. What to do about each is the
// pack's to say (c).
func spokenFindings(r Report, c pack.Rehearse) []check.Finding {
	var out []check.Finding
	warn := func(rule, msg, hint string) {
		out = append(out, check.Finding{Rule: rule, Severity: pack.SeverityWarning, Message: msg, Hint: hint})
	}
	if r.Limit > 0 && r.Seconds > r.Limit*1.05 {
		warn("over-time", fmt.Sprintf("Took %s, over the %s given", Clock(r.Seconds), Clock(r.Limit)),
			c.OverTime)
	}
	if low, high := float64(c.PaceLow), float64(c.PaceHigh); r.Timed && r.WPM > 0 && r.Words >= 30 && high > 0 {
		switch {
		case r.WPM < low*0.9:
			warn("slow-pace", fmt.Sprintf("Pace %.0f words a minute, slower than the %d-%d that is easy to follow", r.WPM, c.PaceLow, c.PaceHigh), c.SlowPace)
		case r.WPM > high*1.1:
			warn("fast-pace", fmt.Sprintf("Pace %.0f words a minute, faster than the %d-%d that is easy to follow", r.WPM, c.PaceLow, c.PaceHigh), c.FastPace)
		}
	}
	if r.Words >= 30 && r.Fillers.Per100 > 3 {
		warn("fillers", fmt.Sprintf("%d filler words, %.1f per 100 words", r.Fillers.Count, r.Fillers.Per100),
			c.Fillers)
	}
	for _, b := range r.Beats {
		if !b.Said {
			warn("beat-not-said", fmt.Sprintf("Not heard: the %s", b.Name), "say it: "+b.Text)
		}
	}
	return out
}

// Clock is seconds as m:ss.
func Clock(s float64) string {
	n := int(math.Round(s))
	return fmt.Sprintf("%d:%02d", n/60, n%60)
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}
