package transcript

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func wd(text string, start, end float64) Word { return Word{Text: text, Start: start, End: end} }

func read(t *testing.T, name string) *Transcript {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Parse(name, data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return tr
}

// Words of a segment with no word times are spread over it by length
// (letters plus one): "Um" of the 46 in its segment's nine words.
//
// approx compares times to the millisecond: spread times are divisions.
var approx = cmp.Options{cmpopts.EquateApprox(0, 0.001), cmpopts.IgnoreFields(Word{}, "Stop")}

func TestEachFormatIsReadFromItsContent(t *testing.T) {
	tests := []struct {
		file, format, text string
		timed, wordTimes   bool
		first, last        Word
	}{
		{"whispercpp.json", WhisperCpp, "Um our checkout page took two seconds to load I chose a cache instead of a queue", true, false,
			wd("Um", 0.5, 0.5+4.0*3/46), wd("queue", 10-3.0*6/35, 10)},
		{"whispercpp-full.json", WhisperCppFull, "Uh p99 fell We shipped it", true, true,
			wd("Uh", 0.1, 0.4), wd("it", 5.2, 5.4)},
		{"whisper.json", OpenAIWhisper, "So the checkout was slow You know I chose a cache", true, true,
			wd("So", 0, 0.3), wd("cache", 6.3, 7.0)},
		{"faster-whisper.json", OpenAIWhisper, "Our error rate fell to one percent I learned to test the rollback", true, false,
			wd("Our", 0, 3.0*4/35), wd("rollback", 6-3.0*9/31, 6)},
		{"talk.srt", SRT, "The deploy failed twice so I rolled back Erm then I fixed it", true, false,
			wd("The", 0, 3.0*4/41), wd("it", 8-1.5*3/20, 8)},
		{"talk.vtt", WebVTT, "The deploy failed twice so I rolled back Erm then I fixed it", true, false,
			wd("The", 0, 3.0*4/41), wd("it", 8-1.5*3/20, 8)},
		{"talk.txt", Text, "The deploy failed twice so I rolled back Erm then I fixed it", false, false,
			Word{Text: "The"}, Word{Text: "it"}},
		{"sphinx.txt", Pocketsphinx, "the deploy failed i fixed it", true, true,
			wd("the", 0.13, 0.3), wd("it", 4.81, 5.0)},
		{"sphinx5.json", Pocketsphinx, "the deploy failed i fixed it", true, true,
			wd("the", 0.13, 0.3), wd("it", 4.81, 5.0)},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			tr := read(t, tt.file)
			got := struct {
				Format, Text     string
				Timed, WordTimes bool
				First, Last      Word
			}{tr.Format, tr.Text(), tr.Timed, tr.WordTimes, tr.Words[0], tr.Words[len(tr.Words)-1]}
			want := struct {
				Format, Text     string
				Timed, WordTimes bool
				First, Last      Word
			}{tt.format, tt.text, tt.timed, tt.wordTimes, tt.first, tt.last}
			if d := cmp.Diff(want, got, approx); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestTheNameDoesNotDecideTheFormat(t *testing.T) {
	data, err := os.ReadFile("testdata/talk.srt")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Parse("transcript.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Format != SRT {
		t.Errorf("an SRT file named .txt read as %s", tr.Format)
	}
}

func TestWordsAreSpreadInOrderWithinTheirCue(t *testing.T) {
	tr := read(t, "talk.srt")
	for i := 1; i < len(tr.Words); i++ {
		if tr.Words[i].Start < tr.Words[i-1].End-1e-9 {
			t.Errorf("word %d %q starts at %.3f, before %q ends at %.3f", i, tr.Words[i].Text, tr.Words[i].Start, tr.Words[i-1].Text, tr.Words[i-1].End)
		}
	}
	if got := tr.Words[7]; got.Text != "back" || math.Abs(got.End-3) > 1e-9 {
		t.Errorf("the first cue's last word: %+v, want back ending at 3s", got)
	}
}

func TestSentenceEndsAreKeptWhereTheRecogniserWroteThem(t *testing.T) {
	for _, file := range []string{"whispercpp.json", "whispercpp-full.json", "whisper.json", "talk.srt", "talk.txt"} {
		tr := read(t, file)
		var ends []string
		for _, w := range tr.Words {
			if w.Stop {
				ends = append(ends, w.Text)
			}
		}
		want := map[string][]string{
			"whispercpp.json":      {"load", "queue"},
			"whispercpp-full.json": {"fell", "it"},
			"whisper.json":         {"slow", "cache"},
		}[file]
		if want == nil {
			want = []string{"back", "it"}
		}
		if d := cmp.Diff(want, ends); d != "" {
			t.Errorf("%s: words ending a sentence (-want +got):\n%s", file, d)
		}
	}
}

func TestBadTranscriptsSayWhatToDo(t *testing.T) {
	tests := []struct{ file, want string }{
		{"empty.txt", "empty.txt: no words in it; check that the recording has speech in it and transcribe it again"},
		{"other.json", "other.json: not a transcript prep reads; give whisper.cpp JSON (-oj or -ojf), whisper or faster-whisper JSON, SRT, WebVTT or plain text"},
		{"binary.wav", "binary.wav: not a transcript prep reads; give whisper.cpp JSON (-oj or -ojf), whisper or faster-whisper JSON, SRT, WebVTT or plain text"},
		{"truncated.json", "truncated.json: not valid JSON (unexpected end of JSON input); give the file the recogniser wrote, unedited"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Parse(tt.file, data)
			if err == nil {
				t.Fatal("no error")
			}
			if d := cmp.Diff(tt.want, err.Error()); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is more than one line")
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"whispercpp.json", "whispercpp-full.json", "whisper.json", "talk.srt", "talk.vtt", "sphinx.txt", "sphinx5.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := Parse("x", data)
		if err == nil && len(tr.Words) == 0 {
			t.Error("no error and no words")
		}
	})
}
