package transcript

import (
	"bufio"
	"encoding/json"
	"strings"
)

// whisper.cpp's whisper-cli -oj writes
//
//	{"transcription": [{"timestamps": {"from": "00:00:00,000", "to": …},
//	                    "offsets": {"from": 0, "to": 3000}, "text": " …"}]}
//
// with offsets in milliseconds; -ojf adds each segment's "tokens", each
// with its own "text", "offsets" (when token times were computed), "id"
// and "p". A token whose text starts with a space starts a word; tokens
// such as "[_BEG_]" and "[_TT_150]" are the model's markers, not speech.
type cppSegment struct {
	Offsets *cppOffsets `json:"offsets"`
	Text    string      `json:"text"`
	Tokens  []cppToken  `json:"tokens"`
}

type cppOffsets struct {
	From float64 `json:"from"`
	To   float64 `json:"to"`
}

type cppToken struct {
	Text    string      `json:"text"`
	Offsets *cppOffsets `json:"offsets"`
}

func parseWhisperCpp(raw json.RawMessage) (*Transcript, error) {
	var segs []cppSegment
	if err := json.Unmarshal(raw, &segs); err != nil {
		return nil, ErrUnknown
	}
	t := &Transcript{Format: WhisperCpp, Timed: true}
	for _, s := range segs {
		if len(s.Tokens) > 0 {
			t.Format = WhisperCppFull
		}
		if ws, ok := cppTokenWords(s.Tokens); ok {
			t.Words = append(t.Words, ws...)
			t.WordTimes = true
			continue
		}
		if s.Offsets == nil {
			t.Timed = false
			t.Words = append(t.Words, splitWords(s.Text)...)
			continue
		}
		t.Words = append(t.Words, spread(s.Text, s.Offsets.From/1000, s.Offsets.To/1000)...)
	}
	if !t.Timed {
		t.WordTimes = false
		for i := range t.Words {
			t.Words[i].Start, t.Words[i].End = 0, 0
		}
	}
	return t, nil
}

// cppTokenWords joins -ojf tokens into words with the times of their
// first and last token; ok is false when the tokens carry no times.
func cppTokenWords(tokens []cppToken) ([]Word, bool) {
	var out []Word
	var cur *Word
	for _, tok := range tokens {
		if strings.HasPrefix(tok.Text, "[_") || strings.HasPrefix(tok.Text, "<|") {
			continue
		}
		if tok.Offsets == nil {
			return nil, false
		}
		from, to := tok.Offsets.From/1000, tok.Offsets.To/1000
		if len(words(tok.Text)) == 0 {
			// Punctuation is not said: it neither starts a word nor
			// makes the last one longer; it may end a sentence.
			if cur != nil && strings.ContainsAny(tok.Text, ".?!") {
				cur.Stop = true
			}
			continue
		}
		starts := cur == nil || strings.HasPrefix(tok.Text, " ")
		if starts {
			out = append(out, Word{Text: strings.TrimSpace(tok.Text), Start: from, End: to})
			cur = &out[len(out)-1]
			continue
		}
		cur.Text += tok.Text
		cur.End = to
	}
	// Punctuation came as tokens of its own: trim it as words does.
	kept := out[:0]
	for _, w := range out {
		if ws := splitWords(w.Text); len(ws) > 0 {
			w.Stop = w.Stop || ws[len(ws)-1].Stop
			w.Text = strings.Join(words(w.Text), " ")
			kept = append(kept, w)
		}
	}
	return kept, len(tokens) > 0
}

// openai-whisper's --output_format json (and faster-whisper's segments,
// dumped the same way) is
//
//	{"text": "…", "segments": [{"id": 0, "start": 0.0, "end": 4.2,
//	  "text": " …", "words": [{"word": " So", "start": 0.0, "end": 0.3,
//	  "probability": 0.9}]}], "language": "en"}
//
// with times in seconds; "words" only with --word_timestamps True.
type whisperSegment struct {
	Start *float64      `json:"start"`
	End   *float64      `json:"end"`
	Text  string        `json:"text"`
	Words []whisperWord `json:"words"`
}

type whisperWord struct {
	Word  string   `json:"word"`
	Start *float64 `json:"start"`
	End   *float64 `json:"end"`
}

func parseWhisper(raw json.RawMessage) (*Transcript, error) {
	var segs []whisperSegment
	if err := json.Unmarshal(raw, &segs); err != nil {
		return nil, ErrUnknown
	}
	t := &Transcript{Format: OpenAIWhisper, Timed: true, WordTimes: len(segs) > 0}
	for _, s := range segs {
		if s.Start == nil || s.End == nil {
			return nil, ErrUnknown
		}
		if len(s.Words) == 0 {
			t.WordTimes = false
			t.Words = append(t.Words, spread(s.Text, *s.Start, *s.End)...)
			continue
		}
		for _, w := range s.Words {
			if w.Start == nil || w.End == nil {
				return nil, ErrUnknown
			}
			for _, x := range splitWords(w.Word) {
				t.Words = append(t.Words, Word{Text: x.Text, Start: *w.Start, End: *w.End, Stop: x.Stop})
			}
		}
	}
	return t, nil
}

// pocketsphinx 5 ("pocketsphinx single file.wav") writes one JSON object
// per utterance: {"b": 0.0, "d": 2.1, "p": 1, "t": "…", "w": [{"t":
// "word", "b": 0.1, "d": 0.3, "p": 0.9}]}, b the start and d the length
// in seconds.
type sphinxUtt struct {
	B *float64     `json:"b"`
	D *float64     `json:"d"`
	T string       `json:"t"`
	W []sphinxWord `json:"w"`
}

type sphinxWord struct {
	T string   `json:"t"`
	B *float64 `json:"b"`
	D *float64 `json:"d"`
}

func parseSphinxJSON(s string) (*Transcript, bool) {
	t := &Transcript{Format: Pocketsphinx, Timed: true, WordTimes: true}
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	n := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var u sphinxUtt
		if json.Unmarshal([]byte(line), &u) != nil || u.B == nil {
			return nil, false
		}
		n++
		if len(u.W) == 0 {
			d := 0.0
			if u.D != nil {
				d = *u.D
			}
			t.Words = append(t.Words, spread(u.T, *u.B, *u.B+d)...)
			t.WordTimes = false
			continue
		}
		for _, w := range u.W {
			if w.B == nil || w.D == nil || isSphinxFiller(w.T) {
				continue
			}
			t.Words = append(t.Words, Word{Text: sphinxWordText(w.T), Start: *w.B, End: *w.B + *w.D})
		}
	}
	return t, n > 0 && sc.Err() == nil
}
