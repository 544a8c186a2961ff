package record

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// fakes are the shell scripts in testdata standing in for the real
// programs; they need a Unix shell.
func fakes(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in programs are shell scripts")
	}
}

// onPath is a LookPath that finds only the programs in dirs.
func onPath(dirs ...string) func(string) (string, error) {
	return func(name string) (string, error) {
		for _, d := range dirs {
			p, _ := filepath.Abs(filepath.Join("testdata", d, name))
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
		}
		return "", exec.ErrNotFound
	}
}

func TestTheRecogniserIsChosenAndMissingOnesSayWhatToInstall(t *testing.T) {
	model := filepath.Join(t.TempDir(), "ggml-base.en.bin")
	os.WriteFile(model, []byte("model"), 0o600)
	tests := []struct {
		name    string
		cfg     Config
		want    string
		wantErr string
	}{
		{"whisper with a model first", Config{Model: model, LookPath: onPath("whisper", "sphinx")}, "whisper-cli (ggml-base.en.bin)", ""},
		{"pocketsphinx when whisper has no model", Config{LookPath: onPath("whisper", "sphinx")}, "pocketsphinx_continuous", ""},
		{"whisper without a model", Config{LookPath: onPath("whisper"), ConfigFile: "/home/c/.config/prep/config.yaml"}, "",
			"whisper-cli needs a model file: download one (the README says how) and set whisper-model: in /home/c/.config/prep/config.yaml, or install pocketsphinx"},
		{"a model file not there", Config{Model: "/models/nope.bin", LookPath: onPath("whisper")}, "",
			"/models/nope.bin: no such whisper model file; download a model (the README says how) and set whisper-model: in the config file to its path"},
		{"none", Config{LookPath: onPath()}, "",
			"no speech recogniser found: install pocketsphinx (Debian and Ubuntu: apt-get install pocketsphinx pocketsphinx-en-us) or whisper.cpp (the README says how), or give --transcript FILE"},
		{"the configured one", Config{Transcriber: "pocketsphinx_continuous", Model: model, LookPath: onPath("whisper", "sphinx")}, "pocketsphinx_continuous", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := FindTranscriber(tt.cfg)
			got, gotErr := "", ""
			if err != nil {
				gotErr = err.Error()
			} else {
				got = tr.String()
			}
			if d := cmp.Diff(tt.want+"|"+tt.wantErr, got+"|"+gotErr); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestNoRecorderSaysWhatToInstall(t *testing.T) {
	_, err := FindRecorder(Config{LookPath: onPath()})
	want := "no recorder found: install sox (it has rec), alsa-utils (arecord) or ffmpeg, or record elsewhere and give --audio FILE"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestTranscribeReadsWhatEachRecogniserWrote(t *testing.T) {
	fakes(t)
	model := filepath.Join(t.TempDir(), "ggml-base.en.bin")
	os.WriteFile(model, []byte("model"), 0o600)
	for _, dir := range []string{"whisper", "sphinx"} {
		t.Run(dir, func(t *testing.T) {
			tr, err := FindTranscriber(Config{Model: model, LookPath: onPath(dir)})
			if err != nil {
				t.Fatal(err)
			}
			got, err := tr.Transcribe(context.Background(), "testdata/silence.wav", t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"whisper": "Uh p99 fell We shipped it", "sphinx": "the deploy failed i fixed it"}[dir]
			if got.Text() != want || !got.Timed {
				t.Errorf("got %q (timed %v), want %q, timed", got.Text(), got.Timed, want)
			}
		})
	}
}

func TestBadAudioAndFailingRecognisersAreOneLineEach(t *testing.T) {
	fakes(t)
	sphinx := func(dir string) *Transcriber {
		p, _ := onPath(dir)(Sphinx)
		return &Transcriber{Name: Sphinx, Path: p, Timeout: 300 * time.Millisecond}
	}
	tests := []struct {
		name string
		tr   *Transcriber
		wav  string
		want string
	}{
		{"not audio", sphinx("sphinx"), "testdata/notaudio.wav",
			"testdata/notaudio.wav: not a WAV recording; convert it with: sox testdata/notaudio.wav -r 16000 -c 1 -b 16 out.wav"},
		{"no audio", sphinx("sphinx"), "testdata/empty.wav",
			"testdata/empty.wav: no audio in it; check the microphone and record again"},
		{"not there", sphinx("sphinx"), "testdata/nope.wav",
			"testdata/nope.wav: cannot read: no such file or directory; check the path given with --audio"},
		{"stereo without sox", sphinx("sphinx"), "testdata/stereo.wav",
			"testdata/stereo.wav: 22050 Hz, 2 channel(s), 16-bit; the recognisers need 16 kHz mono 16-bit: install sox, or convert it with: sox testdata/stereo.wav -r 16000 -c 1 -b 16 out.wav"},
		{"crashes", sphinx("crash"), "testdata/silence.wav",
			`testdata/silence.wav: pocketsphinx_continuous failed (exit status 1: ERROR: "acmod.c", line 79: Folder 'model/en-us' does not contain acoustic model definition 'mdef'); check that it runs on this file by hand, or give --transcript FILE`},
		{"hangs", sphinx("hang"), "testdata/silence.wav",
			"testdata/silence.wav: pocketsphinx_continuous did not finish within 300ms; check that it runs on this file by hand, or give --transcript FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.tr.Transcribe(context.Background(), tt.wav, t.TempDir())
			if err == nil {
				t.Fatal("no error")
			}
			if d := cmp.Diff(tt.want, err.Error()); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestRecordingIsPrivateAndStopsOnRequest(t *testing.T) {
	fakes(t)
	r, err := FindRecorder(Config{LookPath: onPath("rec")})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "rehearsal.wav")
	rec, err := r.Start(out)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("recording file: %v, mode %v; want 0600 from the start", err, info.Mode().Perm())
	}
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
	w, err := CheckWAV(out)
	if err != nil {
		t.Fatalf("after Stop: %v", err)
	}
	if w.Rate != 16000 {
		t.Errorf("rate %d", w.Rate)
	}
}

// A recorder that cannot open a microphone fails before the candidate
// speaks into nothing: one line with its own words and what to do, and
// no empty recording left behind.
func TestARecorderWithNoMicrophoneSaysSoAtOnce(t *testing.T) {
	fakes(t)
	r, err := FindRecorder(Config{LookPath: onPath("nomic")})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "rehearsal.wav")
	rec, err := r.Start(out)
	if err == nil {
		rec.Stop()
		t.Fatal("no error")
	}
	want := "arecord cannot record: exit status 1: arecord: main:831: audio open error: No such file or directory; check the microphone, or record elsewhere and give --audio FILE"
	if d := cmp.Diff(want, err.Error()); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the empty recording is left: %v", err)
	}
}

func TestSoxConvertsOtherRates(t *testing.T) {
	fakes(t)
	sox, err := exec.LookPath("sox")
	if err != nil {
		t.Skip("sox is not installed (apt-get install sox); the conversion is not tried")
	}
	p, _ := onPath("sphinx")(Sphinx)
	tr := &Transcriber{Name: Sphinx, Path: p, Sox: sox}
	got, err := tr.Transcribe(context.Background(), "testdata/stereo.wav", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got.Text(), "the deploy") {
		t.Errorf("got %q", got.Text())
	}
}

func TestACanceledRunSaysSo(t *testing.T) {
	fakes(t)
	p, _ := onPath("hang")(Sphinx)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := (&Transcriber{Name: Sphinx, Path: p}).Transcribe(ctx, "testdata/silence.wav", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "transcription stopped") {
		t.Errorf("got %v", err)
	}
}
