// Package config resolves prep's settings from flags, PREP_* environment
// variables, the config file and defaults, in that order of precedence.
// The settings themselves are cmdutil's, so that commands, which take
// them from the factory, do not link viper and what it brings (afero's
// net/http among them): only the root command resolves them.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/yamlerr"
)

// Keys, as they are spelled in the config file and as flags; the
// environment variable is PREP_ and the key upper-cased with _ for -.
const (
	KeyContent = "content"
	KeyDir     = "dir"
	KeyNoColor = "no-color"
	// KeyInterview is the interview's date (YYYY-MM-DD): drills compress
	// their schedule so every card is seen before it.
	KeyInterview = "interview"
	// The local programs prep rehearse uses, when not found on PATH or
	// to pick one of several: a recorder (rec, arecord or ffmpeg), a
	// transcriber (whisper-cli or pocketsphinx_continuous) and the model
	// file whisper-cli needs.
	KeyRecorder     = "recorder"
	KeyTranscriber  = "transcriber"
	KeyWhisperModel = "whisper-model"
)

// file is the config file's schema: unknown keys are mistakes to report,
// not to ignore, as in content packs.
type file struct {
	Content   string `yaml:"content"`
	Dir       string `yaml:"dir"`
	NoColor   bool   `yaml:"no-color"`
	Interview string `yaml:"interview"`
	// prep rehearse's programs and model (see Settings).
	Recorder     string `yaml:"recorder"`
	Transcriber  string `yaml:"transcriber"`
	WhisperModel string `yaml:"whisper-model"`
}

// Load resolves the settings. flags must define the global flags (content,
// dir, config, no-color).
func Load(flags *pflag.FlagSet, env cmdutil.Env) (cmdutil.Settings, error) {
	v := viper.New()
	v.SetEnvPrefix("PREP")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	for _, key := range []string{KeyContent, KeyDir, KeyNoColor, KeyInterview} {
		if f := flags.Lookup(key); f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return cmdutil.Settings{}, err
			}
		}
	}
	dir, err := defaultDir(env)
	if err != nil {
		return cmdutil.Settings{}, err
	}
	v.SetDefault(KeyDir, dir)

	path, explicit := configPath(flags, env)
	if path != "" {
		data, err := readConfig(path)
		switch {
		case errors.Is(err, errTooBig):
			return cmdutil.Settings{}, fmt.Errorf("%s: %v, far more than a config file holds; check the path given with --config or PREP_CONFIG", path, err)
		case err == nil:
			if err := checkFile(path, data); err != nil {
				return cmdutil.Settings{}, err
			}
			v.SetConfigType("yaml")
			if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
				return cmdutil.Settings{}, fmt.Errorf("%s: %v; fix the config file", path, err)
			}
		case errors.Is(err, fs.ErrNotExist) && !explicit:
			path = "" // no config file is the usual case
		default:
			return cmdutil.Settings{}, fmt.Errorf("%s: cannot read config file: %v; check the path given with --config or PREP_CONFIG", path, fserr.Cause(err))
		}
	}

	s := cmdutil.Settings{
		Content:    expandHome(v.GetString(KeyContent), env),
		Dir:        expandHome(v.GetString(KeyDir), env),
		NoColor:    v.GetBool(KeyNoColor),
		ConfigFile: path,
		// Only the config file and PREP_* set these: they are machine
		// settings, not a run's.
		Recorder:     expandHome(v.GetString(KeyRecorder), env),
		Transcriber:  expandHome(v.GetString(KeyTranscriber), env),
		WhisperModel: expandHome(v.GetString(KeyWhisperModel), env),
	}
	if _, ok := env("NO_COLOR"); ok {
		s.NoColor = true
	}
	if d := v.GetString(KeyInterview); d != "" {
		t, err := time.ParseInLocation(time.DateOnly, d, time.Local)
		if err != nil {
			return cmdutil.Settings{}, fmt.Errorf("interview date %q is not a date; write it as YYYY-MM-DD (--interview, PREP_INTERVIEW or \"interview:\" in %s)", d, displayPath(path))
		}
		s.Interview = t
	}
	return s, nil
}

// knownKeys names the config file's keys in messages.
const knownKeys = "content, dir, interview, no-color, recorder, transcriber and whisper-model"

// maxConfigSize bounds what is read of a config file: a few lines are
// all it holds, and a device such as /dev/zero never ends.
const maxConfigSize = 1 << 20

var errTooBig error = &lazy.Error{Msg: "over 1 MiB"}

// readConfig reads the config file, at most maxConfigSize bytes of it.
func readConfig(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxConfigSize {
		return nil, errTooBig
	}
	return data, nil
}

// checkFile decodes the config strictly first, so a misspelt key is named
// with its line instead of being silently ignored by viper. A file of
// comments only is an empty config.
func checkFile(path string, data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f file
	err := safely(func() error { return dec.Decode(&f) })
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %s", path, yamlMessage(data, err))
	}
	var extra yaml.Node
	switch err := safely(func() error { return dec.Decode(&extra) }); {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		return fmt.Errorf("%s: %s", path, yamlMessage(data, err))
	}
	return fmt.Errorf("%s: line %d: a second YAML document (after ---); keep the settings in one, known keys are %s", path, extra.Line, knownKeys)
}

// yamlMessage puts a yaml.v3 error on one line that says what to do:
// "line 3: unknown key "colour"; …".
func yamlMessage(data []byte, err error) string {
	const fix = "fix the config file"
	e := yamlerr.Parse(data, err)
	msg := e.Msg
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		msg = "not valid YAML: " + msg + "; " + fix + " (known keys are " + knownKeys + ")"
	} else if words, ok := yamlerr.Words(msg, knownKeys, fix); ok {
		msg = words
	} else {
		msg += "; " + fix + " (known keys are " + knownKeys + ")"
	}
	if e.Line == 0 {
		return msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, msg)
}

// safely turns a panic of yaml.v3 into an error: prep must not crash on
// a file.
func safely(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: %v", p)
		}
	}()
	return f()
}

func configPath(flags *pflag.FlagSet, env cmdutil.Env) (path string, explicit bool) {
	if f := flags.Lookup("config"); f != nil && f.Changed {
		return expandHome(f.Value.String(), env), true
	}
	if p, ok := env("PREP_CONFIG"); ok && p != "" {
		return expandHome(p, env), true
	}
	dir, err := configDir(env)
	if err != nil {
		return "", false
	}
	return filepath.Join(dir, "prep", "config.yaml"), false
}

// DefaultConfigFile is where prep looks for its config file when not told.
func DefaultConfigFile(env cmdutil.Env) string {
	dir, err := configDir(env)
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "prep", "config.yaml")
}

func configDir(env cmdutil.Env) (string, error) {
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		if x, ok := env("XDG_CONFIG_HOME"); ok && filepath.IsAbs(x) {
			return x, nil
		}
	}
	return os.UserConfigDir()
}

// defaultDir is the user's data directory: Go has no os.UserDataDir, so
// follow each platform's convention by hand.
func defaultDir(env cmdutil.Env) (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d, ok := env("LocalAppData"); ok && d != "" {
			return filepath.Join(d, "prep"), nil
		}
	case "darwin":
		home, err := os.UserHomeDir()
		if err == nil {
			return filepath.Join(home, "Library", "Application Support", "prep"), nil
		}
	default:
		if x, ok := env("XDG_DATA_HOME"); ok && filepath.IsAbs(x) {
			return filepath.Join(x, "prep"), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("cannot find your home directory to keep the workspace in; pass --dir or set PREP_DIR")
	}
	return filepath.Join(home, ".local", "share", "prep"), nil
}

func expandHome(p string, env cmdutil.Env) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, ok := env("HOME"); ok && home != "" {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}

func displayPath(p string) string {
	if p == "" {
		return "the config file"
	}
	return p
}
