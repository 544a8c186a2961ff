package rehearse

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/record"
	"github.com/prepcli/prep/internal/rehearsal"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

var now = time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)

type env struct {
	opts     *Options
	out, err *bytes.Buffer
	dir      string
	story    []byte
}

// newEnv is a workspace holding the example story, ranked 1, a terminal
// or not, and the given tools config.
func newEnv(t *testing.T, tty bool, tools record.Config) *env {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ws")
	story, err := os.ReadFile("../../../examples/story.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "stories"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stories", "ledger.md"), story, 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdinTTY(tty)
	ios.SetStdoutTTY(tty)
	e := &env{out: out, err: errOut, dir: dir, story: story}
	e.opts = &Options{
		IO:        ios,
		Pack:      func() (*pack.Pack, error) { return pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded}) },
		Workspace: func() (*workspace.Workspace, error) { return workspace.Open(dir, func() time.Time { return now }) },
		Prompter:  func() (prompts.Prompter, error) { return nil, prompts.ErrNoTerminal },
		Now:       func() time.Time { return now },
		Tools:     func() record.Config { return tools },
		Countdown: func(context.Context, time.Duration) (time.Duration, error) { return 150 * time.Second, nil },
		Format:    "text",
	}
	return e
}

// answer makes the beats' questions answered from YAML.
func (e *env) answer(t *testing.T, yaml string) {
	p, err := prompts.ParseScripted("answers.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	e.opts.Prompter = func() (prompts.Prompter, error) { return p, nil }
}

func (e *env) log(t *testing.T) []rehearsal.Entry {
	t.Helper()
	ws, err := workspace.Open(e.dir, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	all, err := rehearsal.Load(ws)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// unchanged checks the story was not touched and nothing was logged.
func (e *env) storyUnchanged(t *testing.T) {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(e.dir, "stories", "ledger.md"))
	if err != nil || !bytes.Equal(got, e.story) {
		t.Errorf("the story changed (%v)", err)
	}
}

func TestSelfCheckedRehearsalIsLoggedAndLeavesTheStory(t *testing.T) {
	e := newEnv(t, true, record.Config{})
	e.answer(t, "beat.0: yes\nbeat.1: yes\nbeat.2: no\nbeat.3: yes\nbeat.4: yes\nbeat.5: no\nbeat.6: yes\nbeat.7: yes\n")
	if err := Run(e.opts); err != nil {
		t.Fatal(err)
	}
	out := e.out.String()
	for _, want := range []string{
		"Rehearse out loud: Moving ledger writes off the checkout path (stories/ledger.md)",
		"  Figure:       p99 checkout latency dropped from 2.1 s to 320 ms",
		"  Turned down:  I ruled out a plain in-memory queue",
		"You have 3:00.",
		"  Time      2:30 of 3:00",
		"  Beats of the written story said: 6 of 8",
		"    ✗ turned down: I ruled out a plain in-memory queue, since a crash would lose entries.",
		"  Rehearsals so far (1):\n    1 Mar 2026  2:30 of 3:00  6 of 8 beats\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	want := []rehearsal.Entry{{
		Date: now, Story: "ledger.md", Title: "Moving ledger writes off the checkout path",
		Seconds: 150, Limit: 180, Beats: 8, Said: 6, Missed: []string{"figure", "turned down"}, How: "self-check",
	}}
	if d := cmp.Diff(want, e.log(t)); d != "" {
		t.Errorf("log (-want +got):\n%s", d)
	}
	e.storyUnchanged(t)
}

func TestFigureQuestionsNameTheFigure(t *testing.T) {
	got := []string{figureWords("from 2.1 s"), figureWords("for two weeks"), figureWords("320 ms")}
	if d := cmp.Diff([]string{"2.1 s", "two weeks", "320 ms"}, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestWithoutATerminalItSaysHowToRunWithoutOne(t *testing.T) {
	e := newEnv(t, false, record.Config{})
	err := Run(e.opts)
	want := "prep rehearse counts down and asks what you said, and there is no terminal to do it on; run it in a terminal, or check a recording or transcript with --audio FILE or --transcript FILE (prep check reads a write-up)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v", err)
	}
	if cmdutil.ExitCode(err) != 2 {
		t.Errorf("exit %d, want 2", cmdutil.ExitCode(err))
	}
	if _, err := os.Stat(filepath.Join(e.dir, rehearsal.File)); err == nil {
		t.Errorf("a log was written")
	}
}

func TestTranscriptAsJSON(t *testing.T) {
	e := newEnv(t, false, record.Config{})
	e.opts.Transcript = "../../transcript/testdata/whisper.json"
	e.opts.Format = "json"
	if err := Run(e.opts); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(e.out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, e.out)
	}
	for _, k := range []string{"seconds", "words", "wpm", "fillers", "pauses", "sections", "beats", "findings", "summary", "transcriber"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %q in %s", k, e.out)
		}
	}
	// Which section a pause fell in is the model's reading of eleven
	// words; not what this test is about.
	for _, p := range got["pauses"].([]any) {
		delete(p.(map[string]any), "section")
	}
	sub := map[string]any{
		"seconds": got["seconds"], "words": got["words"], "wpm": got["wpm"],
		"fillers": got["fillers"], "pauses": got["pauses"], "transcriber": got["transcriber"],
	}
	want := map[string]any{
		"seconds": 7.0, "words": 11.0, "wpm": 94.0,
		"fillers":     map[string]any{"count": 1.0, "per100": 9.1, "words": map[string]any{"you know": 1.0}},
		"pauses":      []any{map[string]any{"at": 2.4, "seconds": 2.6, "after": "slow", "before": "You"}},
		"transcriber": "transcript whisper.json",
	}
	if d := cmp.Diff(want, sub); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	sec := got["sections"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "title", "status", "seconds"} {
		if _, ok := sec[k]; !ok {
			t.Errorf("a section lacks %q: %v", k, sec)
		}
	}
	if n := len(e.log(t)); n != 1 {
		t.Errorf("%d log entries, want 1", n)
	}
	e.storyUnchanged(t)
}

func TestScenarioUsesItsRubricAndTenMinutes(t *testing.T) {
	e := newEnv(t, false, record.Config{})
	p, _ := e.opts.Pack()
	var id string
	for _, ex := range p.Exercises {
		if ex.Kind == "design" {
			id = ex.ID
			break
		}
	}
	e.opts.Scenario = id
	e.opts.Transcript = "../../transcript/testdata/talk.vtt"
	e.opts.Format = "json"
	if err := Run(e.opts); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Kind  string  `json:"kind"`
		Limit float64 `json:"limit_seconds"`
	}
	json.Unmarshal(e.out.Bytes(), &got)
	if got.Kind != "design" || got.Limit != 600 {
		t.Errorf("kind %q limit %v; want design, 600", got.Kind, got.Limit)
	}
	if l := e.log(t); len(l) != 1 || l[0].Scenario != id {
		t.Errorf("log %+v", l)
	}
}

// sh skips where the stand-in programs, shell scripts, cannot run.
func sh(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in programs are shell scripts")
	}
}

func fakeDir(t *testing.T, dir string) func(string) (string, error) {
	return func(name string) (string, error) {
		p, _ := filepath.Abs(filepath.Join("../../record/testdata", dir, name))
		if _, err := os.Stat(p); err != nil {
			return "", exec.ErrNotFound
		}
		return p, nil
	}
}

func TestAudioIsTranscribedByTheLocalRecogniser(t *testing.T) {
	sh(t)
	e := newEnv(t, false, record.Config{LookPath: fakeDir(t, "sphinx")})
	e.opts.Audio = "../../record/testdata/silence.wav"
	if err := Run(e.opts); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"checked by pocketsphinx_continuous", "  Time      0:05 of 3:00", "  Pauses    1 of 2 s or more:"} {
		if !strings.Contains(e.out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, e.out)
		}
	}
}

func TestBadInputIsOneLineAndChangesNothing(t *testing.T) {
	sh(t)
	model := filepath.Join(t.TempDir(), "ggml-base.en.bin")
	os.WriteFile(model, []byte("m"), 0o600)
	tests := []struct {
		name  string
		tools record.Config
		audio string
		tr    string
		want  string
	}{
		{"not a transcript", record.Config{}, "", "../../transcript/testdata/other.json",
			"../../transcript/testdata/other.json: not a transcript prep reads; give whisper.cpp JSON (-oj or -ojf), whisper or faster-whisper JSON, SRT, WebVTT or plain text"},
		{"empty transcript", record.Config{}, "", "../../transcript/testdata/empty.txt",
			"../../transcript/testdata/empty.txt: no words in it; check that the recording has speech in it and transcribe it again"},
		{"a WAV that is not audio", record.Config{LookPath: fakeDir(t, "sphinx")}, "../../record/testdata/notaudio.wav", "",
			"../../record/testdata/notaudio.wav: not a WAV recording; convert it with: sox ../../record/testdata/notaudio.wav -r 16000 -c 1 -b 16 out.wav"},
		{"a recogniser that crashes", record.Config{LookPath: fakeDir(t, "crash")}, "../../record/testdata/silence.wav", "",
			`../../record/testdata/silence.wav: pocketsphinx_continuous failed (exit status 1: ERROR: "acmod.c", line 79: Folder 'model/en-us' does not contain acoustic model definition 'mdef'); check that it runs on this file by hand, or give --transcript FILE`},
		{"a recogniser that hangs", record.Config{LookPath: fakeDir(t, "hang"), Timeout: 200 * time.Millisecond}, "../../record/testdata/silence.wav", "",
			"../../record/testdata/silence.wav: pocketsphinx_continuous did not finish within 200ms; check that it runs on this file by hand, or give --transcript FILE"},
		{"a model file not there", record.Config{LookPath: fakeDir(t, "whisper"), Model: "/nowhere/ggml-base.en.bin"}, "../../record/testdata/silence.wav", "",
			"/nowhere/ggml-base.en.bin: no such whisper model file; download a model (the README says how) and set whisper-model: in the config file to its path"},
		{"no recogniser", record.Config{LookPath: fakeDir(t, "none")}, "../../record/testdata/silence.wav", "",
			"no speech recogniser found: install pocketsphinx (Debian and Ubuntu: apt-get install pocketsphinx pocketsphinx-en-us) or whisper.cpp (the README says how), or give --transcript FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, false, tt.tools)
			e.opts.Audio, e.opts.Transcript = tt.audio, tt.tr
			err := Run(e.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if d := cmp.Diff(tt.want, err.Error()); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			if cmdutil.ExitCode(err) != 2 {
				t.Errorf("exit %d, want 2", cmdutil.ExitCode(err))
			}
			entries, _ := os.ReadDir(e.dir)
			var names []string
			for _, en := range entries {
				names = append(names, en.Name())
			}
			if d := cmp.Diff([]string{"stories"}, names); d != "" {
				t.Errorf("workspace changed (-want +got):\n%s", d)
			}
			e.storyUnchanged(t)
		})
	}
}

func TestFlagMistakes(t *testing.T) {
	tests := []struct {
		name string
		set  func(o *Options)
		want string
	}{
		{"both inputs", func(o *Options) { o.Audio, o.Transcript = "a.wav", "t.json" }, "--audio and --transcript: give one; a transcript is what --audio would make"},
		{"record and audio", func(o *Options) { o.Record, o.Audio = true, "a.wav" }, "--record records now; leave out --audio and --transcript, or leave out --record"},
		{"keep without record", func(o *Options) { o.KeepAudio = true }, "--keep-audio keeps what --record records; add --record"},
		{"format", func(o *Options) { o.Format = "yaml" }, `--format "yaml": use text or json`},
		{"json of a self-check", func(o *Options) { o.Format = "json" }, "--format json reports on what was said: add --record, --audio FILE or --transcript FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, true, record.Config{})
			tt.set(e.opts)
			err := Run(e.opts)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}

func TestScenarioKeyPointsAreBeats(t *testing.T) {
	e := newEnv(t, false, record.Config{})
	p, _ := e.opts.Pack()
	p.Exercises[0].KeyPoints = []pack.KeyPoint{
		{ID: "rollback", Point: "Roll back first, then find the cause.", Words: []string{"rolled back", "roll back"}},
		{ID: "canary", Point: "Ship the fix behind a canary.", Words: []string{"canary"}},
	}
	e.opts.Pack = func() (*pack.Pack, error) { return p, nil }
	e.opts.Scenario = p.Exercises[0].ID
	e.opts.Transcript = "../../transcript/testdata/talk.vtt"
	e.opts.Format = "json"
	if err := Run(e.opts); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Beats []struct {
			Beat string `json:"beat"`
			Said bool   `json:"said"`
		} `json:"beats"`
	}
	json.Unmarshal(e.out.Bytes(), &got)
	want := []struct {
		Beat string `json:"beat"`
		Said bool   `json:"said"`
	}{{"rollback", true}, {"canary", false}}
	if d := cmp.Diff(want, got.Beats); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestRecordTranscribesAndDeletesTheRecordingUnlessKept(t *testing.T) {
	sh(t)
	for _, keep := range []bool{false, true} {
		look := func(name string) (string, error) {
			if name == "rec" {
				return fakeDir(t, "rec")(name)
			}
			return fakeDir(t, "sphinx")(name)
		}
		e := newEnv(t, true, record.Config{LookPath: look})
		e.opts.Record, e.opts.KeepAudio = true, keep
		if err := Run(e.opts); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(e.out.String(), "checked by pocketsphinx_continuous") {
			t.Errorf("keep %v: the recording was not transcribed:\n%s", keep, e.out)
		}
		wavs, _ := filepath.Glob(filepath.Join(e.dir, "*.wav"))
		switch {
		case !keep && len(wavs) != 0:
			t.Errorf("the recording is still there: %v", wavs)
		case keep && len(wavs) != 1:
			t.Errorf("keep: recordings %v, want one", wavs)
		case keep:
			if info, err := os.Stat(wavs[0]); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("kept recording: %v, mode %v; want 0600", err, info.Mode().Perm())
			}
		}
		if l := e.log(t); len(l) != 1 || l[0].How != "pocketsphinx_continuous" {
			t.Errorf("log %+v", l)
		}
	}
}

func TestCountdownEndsOnEnterAndSaysTheTimeTaken(t *testing.T) {
	ios, in, out, _ := iostreams.Test()
	in.WriteString("\n")
	times := []time.Time{now, now, now.Add(200 * time.Second)}
	clock := func() time.Time {
		t := times[0]
		if len(times) > 1 {
			times = times[1:]
		}
		return t
	}
	took, err := countdown(context.Background(), ios, false, clock, 3*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if took != 200*time.Second {
		t.Errorf("took %v, want 3m20s", took)
	}
	for _, want := range []string{"  3:00 left · Enter when you finish", "  took 3:20"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the terminal lacks %q: %q", want, out)
		}
	}
}
