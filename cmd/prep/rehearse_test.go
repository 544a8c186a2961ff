package main

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// spoken is a short story for espeak-ng to say: a few seconds of speech
// keeps the recogniser's run short on a loaded machine.
const spoken = "I chose a queue rather than a bigger database, and latency fell by half."

// A story said by espeak-ng at a known rate into a WAV, transcribed on
// this machine by pocketsphinx through prep rehearse --audio: the
// speaking time and pace prep reports are within 10% of the recording's.
// espeak's voice is hard for pocketsphinx, so the words it hears are not
// checked, only the timing: the time from the first sound to the last,
// and the pace of the words heard over that time.
func TestRehearseAudioThroughPocketsphinx(t *testing.T) {
	t.Parallel() // mostly the recogniser's wait; see TestKillNeverLosesAnAnswer
	prep := prepBinary(t)
	for _, tool := range []string{"espeak-ng", "sox", "pocketsphinx_continuous"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (Debian: apt-get install espeak-ng sox pocketsphinx pocketsphinx-en-us); the spoken rehearsal is not tried", tool)
		}
	}
	cd := newCandidate(t)
	if err := os.MkdirAll(filepath.Join(cd.ws, "stories"), 0o700); err != nil {
		t.Fatal(err)
	}
	story, err := os.ReadFile("../../examples/story.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cd.ws, "stories", "ledger.md"), story, 0o600); err != nil {
		t.Fatal(err)
	}
	wav := filepath.Join(cd.tmp, "take.wav")
	// 16 kHz mono, as the recogniser reads it, so the timing measured
	// below is of the very samples it hears.
	raw := filepath.Join(cd.tmp, "espeak.wav")
	if out, err := exec.Command("espeak-ng", "-s", "160", "-w", raw, spoken).CombinedOutput(); err != nil {
		t.Fatalf("espeak-ng: %v\n%s", err, out)
	}
	if out, err := exec.Command("sox", raw, "-r", "16000", "-c", "1", "-b", "16", wav).CombinedOutput(); err != nil {
		t.Fatalf("sox: %v\n%s", err, out)
	}
	want := soundSpan(t, wav)

	cmd := exec.Command(prep, "--dir", cd.ws, "rehearse", "ledger", "--audio", wav, "--format", "json")
	cmd.Env = cd.environ(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("prep rehearse --audio: %v\n%s", err, out)
	}
	var rep struct {
		Seconds     float64 `json:"seconds"`
		Words       int     `json:"words"`
		WPM         float64 `json:"wpm"`
		Transcriber string  `json:"transcriber"`
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Transcriber != "pocketsphinx_continuous" {
		t.Errorf("transcriber %q", rep.Transcriber)
	}
	if rep.Words == 0 {
		t.Fatalf("no words heard:\n%s", out)
	}
	within := func(what string, got, want float64) {
		if got < want*0.9 || got > want*1.1 {
			t.Errorf("%s %.1f, want %.1f ± 10%%", what, got, want)
		}
	}
	within("speaking time (s)", rep.Seconds, want)
	within("pace (words heard a minute)", rep.WPM, float64(rep.Words)/(want/60))
	t.Logf("espeak-ng said %d words in %.1f s; prep heard %d words in %.1f s, %.0f wpm", len(strings.Fields(spoken)), want, rep.Words, rep.Seconds, rep.WPM)
}

// soundSpan is the time from the first loud sample of a 16-bit PCM WAV to
// the last: the speech, without the silence espeak puts around it.
func soundSpan(t *testing.T, path string) float64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rate := float64(binary.LittleEndian.Uint32(data[24:28]))
	i := 12
	for i+8 <= len(data) && string(data[i:i+4]) != "data" {
		i += 8 + int(binary.LittleEndian.Uint32(data[i+4:i+8]))
	}
	pcm := data[i+8:]
	first, last := -1, -1
	for j := 0; j+1 < len(pcm); j += 2 {
		v := int16(binary.LittleEndian.Uint16(pcm[j:]))
		if v > 1000 || v < -1000 {
			if first < 0 {
				first = j / 2
			}
			last = j / 2
		}
	}
	if first < 0 {
		t.Fatal("espeak-ng made a silent recording")
	}
	return float64(last-first) / rate
}
