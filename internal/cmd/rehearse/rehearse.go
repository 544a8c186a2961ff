// Package rehearse implements `prep rehearse`: a story (or a technical
// scenario) said out loud against the clock, then checked. With nothing
// but a terminal, a cue card, a countdown and the candidate's own "Did
// you say …?"; with a recording or a transcript, a real analysis of
// what was said. Every rehearsal goes in the practice log; none changes
// a story.
package rehearse

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/record"
	"github.com/prepcli/prep/internal/rehearsal"
	"github.com/prepcli/prep/internal/speech"
	"github.com/prepcli/prep/internal/transcript"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// Default times: about three minutes to tell a story, as the panel
// expects; ten for a design scenario.
const (
	StoryTime    = 3 * time.Minute
	ScenarioTime = 10 * time.Minute
)

// maxTranscript bounds what is read of a transcript file: hours of
// speech are a few MB.
const maxTranscript = 32 << 20

// Options are what prep rehearse needs; Run takes nothing else.
type Options struct {
	IO        *iostreams.IOStreams
	Pack      func() (*pack.Pack, error)
	Workspace func() (*workspace.Workspace, error)
	// Prompter asks "Did you say …?"; it fails with
	// prompts.ErrNoTerminal without a terminal.
	Prompter func() (prompts.Prompter, error)
	Now      func() time.Time
	// Tools says where the recorder, the recogniser and its model are.
	Tools func() record.Config
	// Countdown shows the clock until Enter (or ctx ends) and returns
	// the time taken; tests replace it.
	Countdown func(ctx context.Context, limit time.Duration) (time.Duration, error)

	Ref        string // STORY: rank, file name or prefix; "" the top story
	Scenario   string // --scenario ID
	Kind       string // --kind
	Time       time.Duration
	Record     bool   // --record
	KeepAudio  bool   // --keep-audio
	Audio      string // --audio FILE
	Transcript string // --transcript FILE
	Format     string // --format text|json
}

// NewCmdRehearse builds prep rehearse; runF replaces Run in tests.
func NewCmdRehearse(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{
		IO:        f.IOStreams,
		Pack:      f.Pack,
		Workspace: f.Workspace,
		Prompter:  func() (prompts.Prompter, error) { return prompts.New(f.IOStreams, "") },
		Now:       f.Now,
		Tools: func() record.Config {
			s := f.Settings()
			return record.Config{Recorder: s.Recorder, Transcriber: s.Transcriber, Model: s.WhisperModel, ConfigFile: s.ConfigFile}
		},
	}
	opts.Countdown = func(ctx context.Context, limit time.Duration) (time.Duration, error) {
		return countdown(ctx, opts.IO, opts.Format == "json", opts.Now, limit)
	}
	cmd := &cobra.Command{
		Use:   "rehearse [STORY]",
		Short: "Say a story out loud on the clock, then check what you said",
		Long: strings.TrimSpace(`
Rehearse a story out loud, as you will tell it to the panel. prep shows a
cue card made from the story itself (its one-line pitch, its figures, the
decision and the alternative you turned down, the mistake and the
lesson), then counts down (three minutes for a story, --time to change
it) while you speak. Press Enter when you finish. prep then asks, beat by
beat, whether you said each one, and keeps the rehearsal (date, time
taken, beats said) in your practice log, rehearsals.yaml in the
workspace. prep status and prep story show list each story's rehearsals.
A rehearsal never changes the story.

STORY is a rank (1-3), a file name or the start of one; without it, the
top-ranked story.

With a recording or a transcript, prep checks what you actually said:
speaking time and pace (first word to last, against the band the content
pack gives: 130-160 words a minute in the built-in one), filler words
(um, uh, er, "you know", a filler "like"; recognisers drop some, so the
count is a floor), pauses of 2 seconds or more and where they fell, the sections found in what you said (the
checker's reading of unlabelled text, --kind to pick the rubric), the
time spent in each, the beats of the written story you said and those you
did not, and the checker's signals.

  --record             record while the clock runs, with rec (sox), arecord
                       or ffmpeg, into the workspace (mode 0600), and
                       transcribe it; the recording is deleted afterwards
                       unless --keep-audio
  --audio FILE         transcribe a WAV recording made elsewhere
  --transcript FILE    read a transcript: whisper.cpp JSON (-oj or -ojf),
                       openai-whisper or faster-whisper JSON, pocketsphinx
                       output, SRT, WebVTT, or plain text (no timing)
  --format json        the analysis for scripts: seconds, words, wpm,
                       fillers (count, per100, words), pauses (at,
                       seconds, after, before, section), sections (as
                       prep check gives them, with seconds), beats (beat,
                       text, said), findings, summary, verdict, transcriber

Transcription runs on this machine, never a service: whisper.cpp's
whisper-cli with a model file (best; set whisper-model: in the config
file), or pocketsphinx (Debian and Ubuntu: apt-get install pocketsphinx
pocketsphinx-en-us). Set recorder: or transcriber: in the config file to
use a program that is not on PATH.

--scenario ID rehearses a technical scenario instead (prep content list
shows the ids): ten minutes by default, checked against its rubric's
sections (design for a design scenario).

Exit status: 0 rehearsed (whatever it found), 2 could not run (no
terminal and no --audio or --transcript, a file that is not a recording
or transcript, a recogniser missing, failing or too slow), 130 stopped
with Ctrl-C.`),
		Example: strings.Trim(`
  prep rehearse
  prep rehearse 2 --time 2m
  prep rehearse --record
  prep rehearse ledger --audio take1.wav
  prep rehearse ledger --transcript take1.json --format json
  prep rehearse --scenario distributed-cron --transcript design.srt`, "\n"),
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Ref = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	fl := cmd.Flags()
	fl.DurationVar(&opts.Time, "time", 0, "time to speak (`DURATION`, e.g. 2m30s); 3m for a story, 10m for a scenario")
	fl.StringVar(&opts.Scenario, "scenario", "", "rehearse the technical scenario `ID` instead of a story")
	fl.StringVar(&opts.Kind, "kind", "", "rubric `KIND` to find sections with (prep content list --type rubric shows them); default the story's, or star")
	fl.BoolVar(&opts.Record, "record", false, "record while the clock runs and transcribe it, on this machine")
	fl.BoolVar(&opts.KeepAudio, "keep-audio", false, "with --record, keep the recording in the workspace")
	fl.StringVar(&opts.Audio, "audio", "", "transcribe the WAV recording `FILE` instead of self-checking")
	fl.StringVar(&opts.Transcript, "transcript", "", "check the transcript `FILE` (whisper.cpp or whisper JSON, SRT, WebVTT, text)")
	fl.StringVar(&opts.Format, "format", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("scenario", f.PackCompletion(func(p *pack.Pack) []string {
		var ids []string
		for _, e := range p.Exercises {
			ids = append(ids, e.ID+"\t"+e.Title)
		}
		return ids
	}))
	return cmd
}

// Run rehearses.
func Run(opts *Options) error {
	if err := opts.validate(); err != nil {
		return err
	}
	// Inputs are read before the workspace is opened: a bad file leaves
	// it as it was.
	var tr *transcript.Transcript
	how := "self-check"
	if opts.Transcript != "" {
		var err error
		if tr, err = readTranscript(opts.Transcript); err != nil {
			return err
		}
		how = "transcript " + filepath.Base(opts.Transcript)
	}
	var tool *record.Transcriber
	if opts.Audio != "" || opts.Record {
		var err error
		if tool, err = record.FindTranscriber(opts.Tools()); err != nil {
			return err
		}
		how = tool.String()
	}
	if opts.Audio != "" {
		if _, err := record.CheckWAV(opts.Audio); err != nil {
			var fe *record.FormatError
			if !errors.As(err, &fe) || tool.Sox == "" {
				return err
			}
		}
	}
	var recorder *record.Recorder
	if opts.Record {
		var err error
		if recorder, err = record.FindRecorder(opts.Tools()); err != nil {
			return err
		}
	}
	live := tr == nil && opts.Audio == ""
	var ask prompts.Prompter
	if live {
		if !opts.IO.CanPrompt() {
			return noTerminal()
		}
		if !opts.Record {
			p, err := opts.Prompter()
			if errors.Is(err, prompts.ErrNoTerminal) {
				return noTerminal()
			}
			if err != nil {
				return err
			}
			ask = p
		}
	}

	p, err := opts.Pack()
	if err != nil {
		return err
	}
	ws, err := cmdutil.OpenWorkspace(opts.IO, opts.Workspace)
	if err != nil {
		return err
	}
	subj, err := opts.subject(p, ws)
	if err != nil {
		return err
	}
	limit := opts.Time
	if limit == 0 {
		limit = subj.limit
	}

	// What the candidate sees first: the card, when it is about to speak.
	card := opts.IO.Out
	if opts.Format == "json" {
		card = opts.IO.ErrOut
	}
	var elapsed time.Duration
	if live {
		writeCard(card, width(opts.IO), subj, limit)
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		var rec *record.Recording
		if recorder != nil {
			wav := ws.Path("rehearsal-" + opts.Now().Format("20060102-150405") + ".wav")
			if rec, err = recorder.Start(wav); err != nil {
				stop()
				return err
			}
			fmt.Fprintf(card, "Recording with %s.\n", recorder.Name)
		}
		elapsed, err = opts.Countdown(ctx, limit)
		stop()
		if rec != nil {
			stopErr := rec.Stop()
			if err != nil || stopErr != nil {
				os.Remove(rec.Path)
				if err == nil {
					err = stopErr
				}
			}
		}
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(opts.IO.ErrOut, "Stopped; nothing was saved.")
			return &cmdutil.ExitError{Code: cmdutil.ExitInterrupted}
		}
		if err != nil {
			return err
		}
		if rec != nil {
			if tr, err = opts.transcribe(tool, rec.Path); err != nil {
				return fmt.Errorf("%v (the recording is kept: %s)", err, rec.Path)
			}
			if !opts.KeepAudio {
				os.Remove(rec.Path)
			} else {
				fmt.Fprintf(card, "Recording kept: %s\n", rec.Path)
			}
		}
	}
	if opts.Audio != "" {
		if tr, err = opts.transcribe(tool, opts.Audio); err != nil {
			return err
		}
	}

	var rep speech.Report
	if tr != nil {
		rep = speech.Analyse(speech.Input{
			Transcript: tr, Name: subj.name, Rubric: subj.rubric, Beats: subj.beats,
			Limit: limit, Transcriber: how, Coaching: subj.coaching,
		})
	} else {
		rep, err = selfCheck(ask, subj, limit, elapsed)
		if err != nil {
			if errors.Is(err, prompts.ErrInterrupted) {
				fmt.Fprintln(opts.IO.ErrOut, "Stopped; the rehearsal was not logged.")
				return &cmdutil.ExitError{Code: cmdutil.ExitInterrupted}
			}
			return err
		}
		rep.Transcriber = how
	}

	entry := logEntry(opts.Now(), subj, rep, limit, elapsed, how)
	if err := rehearsal.Add(ws, entry); err != nil {
		return err
	}
	if opts.Format == "json" {
		return writeJSON(opts.IO.Out, rep)
	}
	writeReport(opts.IO.Out, width(opts.IO), subj, rep)
	all, err := rehearsal.Load(ws)
	if err == nil {
		writeHistory(opts.IO.Out, subj, all)
	}
	return nil
}

func (opts *Options) validate() error {
	switch {
	case opts.Format != "text" && opts.Format != "json":
		return cmdutil.FlagErrorf("--format %q: use text or json", opts.Format)
	case opts.Audio != "" && opts.Transcript != "":
		return cmdutil.FlagErrorf("--audio and --transcript: give one; a transcript is what --audio would make")
	case opts.Record && (opts.Audio != "" || opts.Transcript != ""):
		return cmdutil.FlagErrorf("--record records now; leave out --audio and --transcript, or leave out --record")
	case opts.KeepAudio && !opts.Record:
		return cmdutil.FlagErrorf("--keep-audio keeps what --record records; add --record")
	case opts.Time < 0:
		return cmdutil.FlagErrorf("--time %s: give a time to speak, such as 3m or 2m30s", opts.Time)
	case opts.Scenario != "" && opts.Ref != "":
		return cmdutil.FlagErrorf("give a STORY or --scenario ID, not both")
	case opts.Format == "json" && !opts.Record && opts.Audio == "" && opts.Transcript == "":
		return cmdutil.FlagErrorf("--format json reports on what was said: add --record, --audio FILE or --transcript FILE")
	}
	return nil
}

func noTerminal() error {
	return errors.New(progname.Name() + " rehearse counts down and asks what you said, and there is no terminal to do it on; run it in a terminal, or check a recording or transcript with --audio FILE or --transcript FILE (" + progname.Name() + " check reads a write-up)")
}

func readTranscript(path string) (*transcript.Transcript, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v; check the path given with --transcript", path, fserr.Cause(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file; give a transcript file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxTranscript+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v", path, fserr.Cause(err))
	}
	if len(data) > maxTranscript {
		return nil, fmt.Errorf("%s: over 32 MiB, far more than a transcript; check the file given with --transcript", path)
	}
	return transcript.Parse(path, data)
}

// transcribe runs the recogniser with its output in a temp directory
// outside the workspace, removed afterwards.
func (opts *Options) transcribe(tool *record.Transcriber, wav string) (*transcript.Transcript, error) {
	work, err := os.MkdirTemp("", "prep-rehearse-")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary directory for the transcript: %v", err)
	}
	defer os.RemoveAll(work)
	if opts.Format != "json" {
		fmt.Fprintf(opts.IO.ErrOut, "Transcribing %s with %s, on this machine…\n", filepath.Base(wav), tool)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return tool.Transcribe(ctx, wav, work)
}

func logEntry(now time.Time, subj *subject, rep speech.Report, limit, elapsed time.Duration, how string) rehearsal.Entry {
	e := rehearsal.Entry{
		Date:     now.Round(0).Truncate(time.Second),
		Story:    subj.story,
		Scenario: subj.scenario,
		Title:    subj.title,
		Limit:    int(limit.Seconds()),
		Beats:    len(rep.Beats),
		WPM:      int(rep.WPM),
		Fillers:  rep.Fillers.Count,
		How:      how,
	}
	e.Seconds = int(rep.Seconds + 0.5)
	if !rep.Timed && elapsed > 0 {
		e.Seconds = int(elapsed.Seconds() + 0.5)
	}
	for _, b := range rep.Beats {
		if b.Said {
			e.Said++
		} else {
			e.Missed = append(e.Missed, b.Name)
		}
	}
	return e
}
