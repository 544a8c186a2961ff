package check

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/text"
)

// WriteJSON writes reports as one JSON array, one object per input, with
// [] rather than null for empty lists: scripts index it without checks.
// The layout is encoding/json's with two-space indentation.
func WriteJSON(w io.Writer, reports []Report) error {
	jw := NewJSONWriter(w)
	for _, r := range reports {
		elem, err := EncodeJSON(r)
		if err != nil {
			return err
		}
		if err := jw.Write(elem); err != nil {
			return err
		}
	}
	return jw.Close()
}

// EncodeJSON is one report as an element of WriteJSON's array. It holds
// no state, so `prep check` encodes reports on several cores at once and
// writes them in input order through a JSONWriter.
func EncodeJSON(r Report) ([]byte, error) {
	if r.Sections == nil {
		r.Sections = []SectionStatus{}
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // messages quote "<fill in>" and "## Result"
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	compact := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	return appendIndented(make([]byte, 0, len(compact)*3/2), compact, "  ", "  "), nil
}

// appendIndented is json.Indent(dst, src, prefix, indent) for src as
// encoding/json writes it (no space outside strings), in one plain pass:
// json.Indent runs its validating scanner over every byte and cost a
// third of a batch check. TestAppendIndentedIsJSONIndent holds them equal.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			dst = append(dst, c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// JSONWriter writes WriteJSON's array one element (from EncodeJSON) at a
// time, so a long batch is printed as it is checked.
type JSONWriter struct {
	w *bufio.Writer
	n int
}

// NewJSONWriter starts an array on w.
func NewJSONWriter(w io.Writer) *JSONWriter { return &JSONWriter{w: bufio.NewWriterSize(w, 64<<10)} }

// Write adds one element, as EncodeJSON made it.
func (j *JSONWriter) Write(elem []byte) error {
	if j.n == 0 {
		j.w.WriteString("[\n  ")
	} else {
		j.w.WriteString(",\n  ")
	}
	j.n++
	_, err := j.w.Write(elem)
	return err
}

// Close ends the array and flushes it.
func (j *JSONWriter) Close() error {
	if j.n == 0 {
		j.w.WriteString("[]\n")
	} else {
		j.w.WriteString("\n]\n")
	}
	return j.w.Flush()
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

// WriteText writes reports for people: per file its findings by line, its
// sections at a glance and a summary, then a total; nothing for no
// reports. color adds ANSI colours; pass it only for a terminal that
// wants them.
func WriteText(w io.Writer, reports []Report, color bool) error {
	return WriteTextWidth(w, reports, color, 0)
}

// WriteTextWidth is WriteText for a terminal width columns wide: each
// message, quote and hint is wrapped under its own column, so nothing
// breaks mid-word. A width of 0 keeps each on one line, for grep.
func WriteTextWidth(w io.Writer, reports []Report, color bool, width int) error {
	bw := bufio.NewWriter(w)
	p := painter{color: color, width: width}
	var total Summary
	for i, r := range reports {
		if i > 0 {
			bw.WriteString("\n")
		}
		kind := ""
		if r.Kind != "" {
			kind = " (" + text.CleanLine(r.Kind) + ")"
		}
		fmt.Fprintf(bw, "%s%s\n", p.paint(ansiBold, text.CleanLine(r.File)), kind)
		for _, f := range r.Findings {
			line := "-"
			if f.Line > 0 {
				line = strconv.Itoa(f.Line)
			}
			sev := fmt.Sprintf("%-7s", text.CleanLine(f.Severity))
			switch f.Severity {
			case "error":
				sev = p.paint(ansiRed, sev)
			case "warning":
				sev = p.paint(ansiYellow, sev)
			}
			fmt.Fprintf(bw, "  %5s  %s  %s\n", line, sev, p.fit(text.CleanLine(f.Message), ""))
			if f.Quote != "" {
				fmt.Fprintf(bw, "  %5s  %7s  %s\n", "", "", p.fit("“"+text.CleanLine(f.Quote)+"”", ansiDim))
			}
			if f.Hint != "" {
				fmt.Fprintf(bw, "  %5s  %7s  %s\n", "", "", p.fit("hint: "+text.CleanLine(f.Hint), ansiDim))
			}
		}
		if s := p.sections(r.Sections); s != "" {
			fmt.Fprintf(bw, "%s\n", p.block("  sections: ", s))
		}
		if r.Inferred {
			label := "Result"
			if len(r.Sections) > 0 {
				label = r.Sections[0].Title
			}
			fmt.Fprintf(bw, "%s\n", p.block("  note: ", fmt.Sprintf("no section labels found, so sections were inferred from wording; labels like \"## %s\" make the check exact", text.CleanLine(label))))
		}
		for _, n := range placedNotes(r.Sections) {
			fmt.Fprintf(bw, "%s\n", p.block("  note: ", n))
		}
		fmt.Fprintf(bw, "  %s\n", p.summary(r.Summary))
		if r.Verdict != "" {
			fmt.Fprintf(bw, "%s\n", p.block("  verdict: ", p.verdict(r)))
		}
		total.Errors += r.Summary.Errors
		total.Warnings += r.Summary.Warnings
	}
	// With nothing checked there is nothing to total: the reasons each
	// input could not be read are on stderr already.
	if len(reports) > 0 {
		fmt.Fprintf(bw, "\nchecked %s: %s\n", text.Plural(len(reports), "file"), p.summary(total))
	}
	return bw.Flush()
}

type painter struct {
	color bool
	width int // of the terminal; 0 for no wrapping
}

// findingIndent is where a finding's text starts: "  LINE  SEVERITY  ".
const findingIndent = 2 + 5 + 2 + 7 + 2

// block wraps a labelled line ("  note: …") under its label. Colour
// codes in text are not counted as columns.
func (p painter) block(label, text string) string {
	if p.width <= len(label)+20 {
		return label + text
	}
	indent := strings.Repeat(" ", len(label))
	words := strings.Fields(text)
	var b strings.Builder
	b.WriteString(label)
	col := len(label)
	for i, w := range words {
		n := visible(w)
		if i > 0 && col+1+n > p.width {
			b.WriteString("\n" + indent)
			col = len(indent)
		} else if i > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// visible counts the columns of s, less its ANSI colour codes.
func visible(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		if s[i] < 0x80 || s[i] >= 0xC0 {
			n++
		}
	}
	return n
}

// fit wraps a finding's text to the terminal under its column, painting
// each line (so a colour never spans a line break).
func (p painter) fit(s, code string) string {
	if p.width <= findingIndent+20 {
		return p.paint(code, s)
	}
	lines := strings.Split(text.Wrap(s, "", "", p.width-findingIndent), "\n")
	for i, l := range lines {
		lines[i] = p.paint(code, l)
	}
	return strings.Join(lines, "\n"+strings.Repeat(" ", findingIndent))
}

func (p painter) paint(code, s string) string {
	if !p.color || s == "" {
		return s
	}
	return code + s + ansiReset
}

// sections says in one line which sections are ok, thin or missing.
func (p painter) sections(secs []SectionStatus) string {
	var ok, thin, miss []string
	for _, s := range secs {
		title := text.CleanLine(s.Title)
		switch s.Status {
		case StatusOK:
			ok = append(ok, title)
		case StatusThin:
			if s.MinWords > 0 {
				title += fmt.Sprintf(" (%d of %d words)", s.Words, s.MinWords)
			}
			thin = append(thin, title)
		default:
			miss = append(miss, title)
		}
	}
	var parts []string
	if len(ok) > 0 {
		parts = append(parts, p.paint(ansiGreen, "ok:")+" "+strings.Join(ok, ", "))
	}
	if len(thin) > 0 {
		parts = append(parts, p.paint(ansiYellow, "thin:")+" "+strings.Join(thin, ", "))
	}
	if len(miss) > 0 {
		parts = append(parts, p.paint(ansiRed, "missing:")+" "+strings.Join(miss, ", "))
	}
	return strings.Join(parts, " · ")
}

// placedNotes say which sections were found without a label of their
// own, so the candidate can label them and make the check exact.
func placedNotes(secs []SectionStatus) []string {
	var out []string
	for _, s := range secs {
		switch {
		case s.Within != "":
			host := s.Within
			for _, h := range secs {
				if h.ID == s.Within {
					host = h.Title
				}
			}
			out = append(out, fmt.Sprintf("%s was found inside %s (line %d%s); give it its own label, such as \"## %s\"", text.CleanLine(s.Title), text.CleanLine(host), s.Line, because(s.Why), text.CleanLine(s.Title)))
		case s.Inferred && s.Status != StatusMissing:
			out = append(out, fmt.Sprintf("%s at line %d was placed from its wording%s; a \"## %s\" label makes the check exact", text.CleanLine(s.Title), s.Line, because(s.Why), text.CleanLine(s.Title)))
		}
	}
	return out
}

func because(why []string) string {
	if len(why) == 0 {
		return ""
	}
	return ": " + text.CleanLine(strings.Join(why, ", "))
}

func (p painter) verdict(r Report) string {
	line := text.CleanLine(r.VerdictLine())
	switch r.Verdict {
	case VerdictIncomplete:
		return p.paint(ansiRed, line)
	case VerdictNeedsWork:
		return p.paint(ansiYellow, line)
	}
	return p.paint(ansiGreen, line)
}

func (p painter) summary(s Summary) string {
	e, w := text.Plural(s.Errors, "error"), text.Plural(s.Warnings, "warning")
	if s.Errors > 0 {
		e = p.paint(ansiRed, e)
	}
	if s.Warnings > 0 {
		w = p.paint(ansiYellow, w)
	}
	return e + ", " + w
}
