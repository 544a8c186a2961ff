package transcript

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/prepcli/prep/internal/lazy"
)

// A cue's time line, in SRT (00:00:01,000 --> 00:00:04,200) and WebVTT
// (00:01.000 --> 00:04.200 align:start, hours optional).
var reCueTime = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
	return regexp.MustCompile(`^((?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})(?:\s.*)?$`)
}}

// reTag is markup inside a WebVTT cue: <v Ann>, <c.loud>, </c>, and the
// word times some tools put inline, <00:00:01.200>.
var reTag = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`<[^>]*>`) }}

func looksSRT(s string) bool {
	lines := strings.SplitN(s, "\n", 3)
	if len(lines) < 2 {
		return false
	}
	if _, err := strconv.Atoi(strings.TrimSpace(lines[0])); err != nil {
		return false
	}
	return reCueTime.Get().MatchString(strings.TrimSpace(lines[1]))
}

// cueSeconds reads 01:02:03,450 or 02:03.450 as seconds.
func cueSeconds(s string) float64 {
	s = strings.ReplaceAll(s, ",", ".")
	parts := strings.Split(s, ":")
	total := 0.0
	for _, p := range parts {
		v, _ := strconv.ParseFloat(p, 64)
		total = total*60 + v
	}
	return total
}

// parseCues reads SRT and WebVTT alike: each cue's time line, then its
// text up to a blank line. WebVTT's NOTE, STYLE and REGION blocks and the
// cue ids of both are skipped; a cue's words are spread over its time.
func parseCues(s, format string) (*Transcript, error) {
	t := &Transcript{Format: format, Timed: true}
	blocks := strings.Split(s, "\n\n")
	cues := 0
	for _, b := range blocks {
		lines := strings.Split(strings.Trim(b, "\n"), "\n")
		for i, l := range lines {
			m := reCueTime.Get().FindStringSubmatch(strings.TrimSpace(l))
			if m == nil {
				continue
			}
			cues++
			text := reTag.Get().ReplaceAllString(strings.Join(lines[i+1:], " "), "")
			text = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&nbsp;", " ").Replace(text)
			t.Words = append(t.Words, spread(text, cueSeconds(m[1]), cueSeconds(m[2]))...)
			break
		}
	}
	if cues == 0 {
		return nil, ErrUnknown
	}
	return t, nil
}

// pocketsphinx_continuous -time yes (pocketsphinx before 5, as Debian
// packages it) prints each utterance's text, then a line per word:
// "word start end probability", times in seconds. <s>, </s> and <sil> are
// silence; "word(2)" is the word in its second pronunciation.
var reSphinx = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
	return regexp.MustCompile(`^(\S+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(-?\d+(?:\.\d+)?(?:e-?\d+)?)$`)
}}

func looksSphinx(s string) bool {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if reSphinx.Get().MatchString(strings.TrimSpace(l)) {
			n++
			if n == 2 {
				return true
			}
		}
	}
	return false
}

func parseSphinx(s string) *Transcript {
	t := &Transcript{Format: Pocketsphinx, Timed: true, WordTimes: true}
	for _, l := range strings.Split(s, "\n") {
		m := reSphinx.Get().FindStringSubmatch(strings.TrimSpace(l))
		if m == nil || isSphinxFiller(m[1]) {
			continue
		}
		start, _ := strconv.ParseFloat(m[2], 64)
		end, _ := strconv.ParseFloat(m[3], 64)
		t.Words = append(t.Words, Word{Text: sphinxWordText(m[1]), Start: start, End: end})
	}
	return t
}

// isSphinxFiller is a pocketsphinx token that is not a word: silence,
// the utterance's bounds, noise.
func isSphinxFiller(w string) bool {
	return w == "" || strings.HasPrefix(w, "<") || strings.HasPrefix(w, "[") || strings.HasPrefix(w, "++")
}

// sphinxWordText drops the pronunciation number: "what(2)" is "what".
func sphinxWordText(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 && strings.HasSuffix(w, ")") {
		return w[:i]
	}
	return w
}
