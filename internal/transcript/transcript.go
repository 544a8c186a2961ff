// Package transcript reads what a speech recogniser wrote: whisper.cpp's
// JSON (-oj, and -ojf with its tokens), openai-whisper's and
// faster-whisper's JSON, pocketsphinx's word times, SRT, WebVTT, or plain
// text. The format is told from the content, not the file's name, since
// recognisers name their output in many ways. Every format becomes the
// same thing: the words said, with their times where the format has them.
package transcript

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/prepcli/prep/internal/lazy"
)

// Formats, as Transcript.Format names them.
const (
	WhisperCpp     = "whisper.cpp JSON"
	WhisperCppFull = "whisper.cpp JSON (full)"
	OpenAIWhisper  = "whisper JSON"
	Pocketsphinx   = "pocketsphinx"
	SRT            = "SRT"
	WebVTT         = "WebVTT"
	Text           = "plain text"
)

// Word is one word said, with its time in seconds from the start of the
// recording; Start and End are both 0 when the format has no times.
type Word struct {
	Text       string
	Start, End float64
	// Stop is true when the recogniser ended a sentence after the word
	// (".", "?" or "!"); recognisers that write no punctuation never set
	// it.
	Stop bool
}

// Transcript is what was said.
type Transcript struct {
	Format string
	// Words are in the order said.
	Words []Word
	// Timed is true when the words carry times. Times of words inside a
	// segment that gave only its own (SRT, whisper.cpp -oj) are spread
	// over the segment, by length: good enough for pace and for which
	// section took how long, not for pauses inside a segment.
	Timed bool
	// WordTimes is true when each word has its own time from the
	// recogniser, so pauses between words can be measured.
	WordTimes bool
	// Paragraphs are the indexes of the words that start a paragraph
	// after the first, in a plain text transcript: where its writer
	// left a blank line. Timed transcripts show theirs by pauses.
	Paragraphs []int
}

// Text is the words, joined by spaces.
func (t *Transcript) Text() string {
	var b strings.Builder
	for i, w := range t.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// ErrEmpty is a transcript with no words in it.
var ErrEmpty error = &lazy.Error{Msg: "no words in it"}

// ErrUnknown is a file that is none of the formats.
var ErrUnknown error = &lazy.Error{Msg: "not a transcript prep reads"}

// Parse reads a transcript. name is for messages only. The error is one
// line naming the file and what to do.
func Parse(name string, data []byte) (*Transcript, error) {
	t, err := parse(data)
	switch {
	case errors.Is(err, ErrUnknown):
		return nil, fmt.Errorf("%s: %v; give whisper.cpp JSON (-oj or -ojf), whisper or faster-whisper JSON, SRT, WebVTT or plain text", name, err)
	case err != nil:
		return nil, fmt.Errorf("%s: %v", name, err)
	case len(t.Words) == 0:
		return nil, fmt.Errorf("%s: %v; check that the recording has speech in it and transcribe it again", name, ErrEmpty)
	}
	return t, nil
}

func parse(data []byte) (*Transcript, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, ErrUnknown
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	trim := strings.TrimSpace(s)
	switch {
	case trim == "":
		return &Transcript{Format: Text}, nil
	case strings.HasPrefix(trim, "{") || strings.HasPrefix(trim, "["):
		return parseJSON(trim)
	case strings.HasPrefix(trim, "WEBVTT"):
		return parseCues(trim, WebVTT)
	case looksSRT(trim):
		return parseCues(trim, SRT)
	case looksSphinx(trim):
		return parseSphinx(trim), nil
	}
	return parseText(trim), nil
}

// parseJSON tells the JSON formats apart by their keys: whisper.cpp's
// "transcription", whisper's "segments", pocketsphinx 5's lines of "w".
func parseJSON(s string) (*Transcript, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &probe); err != nil {
		// pocketsphinx 5 writes one JSON object per line.
		if t, ok := parseSphinxJSON(s); ok {
			return t, nil
		}
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("not valid JSON (%v); give the file the recogniser wrote, unedited", syn)
		}
		return nil, ErrUnknown
	}
	switch {
	case probe["transcription"] != nil:
		return parseWhisperCpp(probe["transcription"])
	case probe["segments"] != nil:
		return parseWhisper(probe["segments"])
	case probe["w"] != nil || probe["t"] != nil && probe["b"] != nil:
		if t, ok := parseSphinxJSON(s); ok {
			return t, nil
		}
	case probe["text"] != nil:
		// whisper without segments: text only.
		var text string
		if json.Unmarshal(probe["text"], &text) == nil {
			return parseText(text), nil
		}
	}
	return nil, ErrUnknown
}

// words splits text into words as a listener hears them: punctuation
// around a word is not part of it, but "don't" and "p99" are one word.
func words(text string) []string {
	var out []string
	for _, w := range splitWords(text) {
		out = append(out, w.Text)
	}
	return out
}

// splitWords is words with the sentence ends kept.
func splitWords(text string) []Word {
	var out []Word
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool {
			return !(r == '\'' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
		})
		w = strings.Trim(w, "'-")
		if w != "" {
			out = append(out, Word{Text: w, Stop: strings.ContainsAny(f[strings.LastIndex(f, w)+len(w):], ".?!")})
		} else if len(out) > 0 && strings.ContainsAny(f, ".?!") {
			out[len(out)-1].Stop = true
		}
	}
	return out
}

// spread gives the words of a segment from start to end times spread by
// their length, so a long word takes longer than a short one.
func spread(text string, start, end float64) []Word {
	ws := splitWords(text)
	if len(ws) == 0 {
		return nil
	}
	total := 0
	for _, w := range ws {
		total += utf8.RuneCountInString(w.Text) + 1
	}
	out := make([]Word, 0, len(ws))
	at := start
	for _, w := range ws {
		d := (end - start) * float64(utf8.RuneCountInString(w.Text)+1) / float64(total)
		out = append(out, Word{Text: w.Text, Start: at, End: at + d, Stop: w.Stop})
		at += d
	}
	return out
}

func parseText(s string) *Transcript {
	t := &Transcript{Format: Text}
	for _, para := range strings.Split(s, "\n\n") {
		ws := splitWords(para)
		if len(ws) == 0 {
			continue
		}
		if len(t.Words) > 0 {
			t.Paragraphs = append(t.Paragraphs, len(t.Words))
		}
		t.Words = append(t.Words, ws...)
	}
	return t
}
