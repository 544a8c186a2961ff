package record

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/transcript"
)

// Transcriber kinds.
const (
	WhisperCli   = "whisper-cli"
	Sphinx       = "pocketsphinx_continuous" // pocketsphinx before 5, as Debian has it
	Pocketsphinx = "pocketsphinx"            // pocketsphinx 5 and later
)

// transcriberNames are looked for on PATH in this order: whisper.cpp
// first, for its far better transcripts, when a model is set.
var transcriberNames = []string{WhisperCli, Sphinx, Pocketsphinx}

// Transcriber is a speech recogniser found.
type Transcriber struct {
	Name  string // one of the kinds
	Path  string
	Model string // whisper-cli's model file
	// Sox converts a WAV of another rate or channels to what the
	// recogniser reads; "" when sox is not on PATH.
	Sox string
	// Timeout bounds the run; 0 is Timeout of the audio's length.
	Timeout time.Duration
}

func (t *Transcriber) timeout(audio time.Duration) time.Duration {
	if t.Timeout > 0 {
		return t.Timeout
	}
	return Timeout(audio)
}

// String is how a report names it: "whisper-cli (ggml-base.en.bin)".
func (t *Transcriber) String() string {
	if t.Model != "" {
		return t.Name + " (" + filepath.Base(t.Model) + ")"
	}
	return t.Name
}

// errNoModel is whisper-cli without a model file to run.
func noModel(c Config) error {
	return fmt.Errorf("whisper-cli needs a model file: download one (the README says how) and set whisper-model: in %s, or install pocketsphinx", c.configName())
}

// FindTranscriber finds the recogniser: the configured one, else
// whisper-cli when a model is set, else pocketsphinx, else whisper-cli
// (which then asks for its model).
func FindTranscriber(c Config) (*Transcriber, error) {
	t, err := findTranscriber(c)
	if err != nil {
		return nil, err
	}
	if sox, err := c.look("sox"); err == nil {
		t.Sox = sox
	}
	t.Timeout = c.Timeout
	return t, nil
}

func findTranscriber(c Config) (*Transcriber, error) {
	if c.Transcriber != "" {
		path, err := c.look(c.Transcriber)
		if err != nil {
			return nil, fmt.Errorf("%s: the transcriber set in %s is not there or cannot run; fix transcriber: there, or remove it to use whisper-cli or pocketsphinx from PATH", c.Transcriber, c.configName())
		}
		name := kindOf(path, []string{WhisperCli, Sphinx, Pocketsphinx, "whisper", "main"})
		switch name {
		case "whisper", "main":
			// whisper.cpp's CLI was called main before it was whisper-cli.
			name = WhisperCli
		case "":
			return nil, fmt.Errorf("%s: prep transcribes with whisper-cli (whisper.cpp) or pocketsphinx; set transcriber: in %s to one of them", c.Transcriber, c.configName())
		}
		t := &Transcriber{Name: name, Path: path}
		if name == WhisperCli {
			if err := t.setModel(c); err != nil {
				return nil, err
			}
		}
		return t, nil
	}
	var whisper string
	for _, name := range transcriberNames {
		path, err := c.look(name)
		if err != nil {
			continue
		}
		if name == WhisperCli {
			if c.Model == "" {
				whisper = path
				continue
			}
			t := &Transcriber{Name: name, Path: path}
			return t, t.setModel(c)
		}
		return &Transcriber{Name: name, Path: path}, nil
	}
	if whisper != "" {
		return nil, noModel(c)
	}
	return nil, errors.New("no speech recogniser found: install pocketsphinx (Debian and Ubuntu: apt-get install pocketsphinx pocketsphinx-en-us) or whisper.cpp (the README says how), or give --transcript FILE")
}

func (t *Transcriber) setModel(c Config) error {
	if c.Model == "" {
		return noModel(c)
	}
	info, err := os.Stat(c.Model)
	switch {
	case err != nil:
		return fmt.Errorf("%s: no such whisper model file; download a model (the README says how) and set whisper-model: in %s to its path", c.Model, c.configName())
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s: not a model file; set whisper-model: in %s to a ggml model file such as ggml-base.en.bin", c.Model, c.configName())
	}
	t.Model = c.Model
	return nil
}

// Timeout bounds a transcription: generous for a slow machine, so only a
// recogniser that hangs reaches it.
func Timeout(audio time.Duration) time.Duration {
	return 2*time.Minute + 4*audio
}

// Transcribe runs the recogniser on a WAV file and reads what it wrote.
// work is a directory for its output, removed by the caller. The error
// is one line naming the file and what to do.
func (t *Transcriber) Transcribe(ctx context.Context, wav, work string) (*transcript.Transcript, error) {
	info, err := CheckWAV(wav)
	var fe *FormatError
	if errors.As(err, &fe) && t.Sox != "" {
		// Another rate or stereo: sox makes what the recogniser reads.
		conv := filepath.Join(work, "audio-16k.wav")
		cctx, cancel := context.WithTimeout(ctx, Timeout(fe.WAV.Duration))
		_, cerr := run(cctx, t.Sox, wav, "-r", "16000", "-c", "1", "-b", "16", conv)
		cancel()
		if cerr != nil {
			return nil, fmt.Errorf("%s: sox could not convert it to 16 kHz mono (%v); convert it yourself and give --audio again", wav, cerr)
		}
		info, err = CheckWAV(conv)
		wav = conv
	}
	if err != nil {
		return nil, err
	}
	limit := t.timeout(info.Duration)
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	var out []byte
	var name string
	switch t.Name {
	case WhisperCli:
		stem := filepath.Join(work, "transcript")
		_, err = run(ctx, t.Path, "-m", t.Model, "-f", wav, "-ojf", "-of", stem, "-np")
		if err == nil {
			name = stem + ".json"
			out, err = os.ReadFile(name)
			if err != nil {
				err = fmt.Errorf("it wrote no %s", filepath.Base(name))
			}
		}
	case Sphinx:
		out, err = run(ctx, t.Path, "-infile", wav, "-time", "yes", "-logfn", os.DevNull)
	default:
		out, err = run(ctx, t.Path, "single", wav)
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return nil, fmt.Errorf("%s: %s did not finish within %s; check that it runs on this file by hand, or give --transcript FILE", wav, t.Name, limit.Round(time.Millisecond))
	case errors.Is(err, context.Canceled):
		return nil, fmt.Errorf("%s: transcription stopped", wav)
	case err != nil:
		return nil, fmt.Errorf("%s: %s failed (%v); check that it runs on this file by hand, or give --transcript FILE", wav, t.Name, err)
	}
	tr, err := transcript.Parse(t.Name+" output", out)
	if err != nil {
		if strings.Contains(err.Error(), transcript.ErrEmpty.Error()) {
			return nil, fmt.Errorf("%s: %s heard no words; check the recording has speech in it (play it back)", wav, t.Name)
		}
		return nil, fmt.Errorf("%s: %s wrote something prep cannot read (%v); give --transcript FILE instead", wav, t.Name, err)
	}
	return tr, nil
}

// WAV is what a WAV file's header says.
type WAV struct {
	Channels   int
	Rate       int
	Bits       int
	Duration   time.Duration
	DataBytes  int64
	PCM        bool
	HeaderOnly bool
}

// CheckWAV reads a WAV file's header: a file that is not a WAV, holds no
// audio, or is not PCM at 16 kHz mono (what the recognisers need) is an
// error that says what to do.
func CheckWAV(path string) (*WAV, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %v; check the path given with --audio", path, fserr.Cause(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file; give a WAV recording", path)
	}
	convert := fmt.Sprintf("convert it with: sox %s -r 16000 -c 1 -b 16 out.wav", quote(path))
	var head [12]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || string(head[0:4]) != "RIFF" || string(head[8:12]) != "WAVE" {
		return nil, fmt.Errorf("%s: not a WAV recording; %s", path, convert)
	}
	w := &WAV{}
	fmtSeen := false
	for {
		var ch [8]byte
		if _, err := io.ReadFull(f, ch[:]); err != nil {
			break
		}
		id, size := string(ch[0:4]), int64(binary.LittleEndian.Uint32(ch[4:8]))
		switch id {
		case "fmt ":
			if size < 16 {
				return nil, fmt.Errorf("%s: a damaged WAV header; record it again or %s", path, convert)
			}
			var b [16]byte
			if _, err := io.ReadFull(f, b[:]); err != nil {
				return nil, fmt.Errorf("%s: a damaged WAV header; record it again or %s", path, convert)
			}
			format := binary.LittleEndian.Uint16(b[0:2])
			w.PCM = format == 1 || format == 0xFFFE
			w.Channels = int(binary.LittleEndian.Uint16(b[2:4]))
			w.Rate = int(binary.LittleEndian.Uint32(b[4:8]))
			w.Bits = int(binary.LittleEndian.Uint16(b[14:16]))
			fmtSeen = true
			if _, err := f.Seek(size-16+size%2, io.SeekCurrent); err != nil {
				return nil, fmt.Errorf("%s: a damaged WAV header; %s", path, convert)
			}
		case "data":
			if !fmtSeen {
				return nil, fmt.Errorf("%s: a damaged WAV header (no format before the audio); %s", path, convert)
			}
			// A recorder stopped hard leaves the size unset: count the
			// bytes that are there.
			pos, _ := f.Seek(0, io.SeekCurrent)
			end, _ := f.Seek(0, io.SeekEnd)
			if size == 0 || size == 0xFFFFFFFF || pos+size > end {
				size = end - pos
			}
			w.DataBytes = size
			if w.Rate > 0 && w.Channels > 0 && w.Bits > 0 {
				w.Duration = time.Duration(float64(size) / float64(w.Rate*w.Channels*w.Bits/8) * float64(time.Second))
			}
			switch {
			case !w.PCM || w.Rate == 0 || w.Channels == 0 || w.Bits == 0:
				return nil, fmt.Errorf("%s: not PCM audio the recognisers read; %s", path, convert)
			case w.Duration < 200*time.Millisecond:
				return nil, fmt.Errorf("%s: no audio in it; check the microphone and record again", path)
			case w.Rate != 16000 || w.Channels != 1 || w.Bits != 16:
				return nil, &FormatError{WAV: *w, err: fmt.Errorf("%s: %d Hz, %d channel(s), %d-bit; the recognisers need 16 kHz mono 16-bit: install sox, or %s", path, w.Rate, w.Channels, w.Bits, convert)}
			}
			return w, nil
		default:
			if _, err := f.Seek(size+size%2, io.SeekCurrent); err != nil {
				return nil, fmt.Errorf("%s: a WAV file with no audio data; record it again or %s", path, convert)
			}
		}
	}
	return nil, fmt.Errorf("%s: a WAV file with no audio data; record it again or %s", path, convert)
}

// FormatError is a WAV of audio the recognisers do not read as it is.
type FormatError struct {
	WAV WAV
	err error
}

func (e *FormatError) Error() string { return e.err.Error() }

func quote(p string) string {
	if strings.ContainsAny(p, " '\"$`\\") && runtime.GOOS != "windows" {
		return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
	}
	return p
}
