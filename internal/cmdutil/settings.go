package cmdutil

import (
	"time"

	"github.com/spf13/pflag"
)

// Settings are the resolved values one run of prep uses.
type Settings struct {
	Content string // a content pack directory laid over the embedded one; may be empty
	Dir     string // the candidate's workspace
	NoColor bool
	// Interview is the interview's date, at midnight local time; zero when
	// not set.
	Interview time.Time
	// Recorder, Transcriber and WhisperModel are paths for prep
	// rehearse; empty when not set (it then looks on PATH).
	Recorder, Transcriber, WhisperModel string
	ConfigFile                          string // the file the settings were read from; empty when none
}

// Env reads the environment; tests pass their own.
type Env func(string) (string, bool)

// SettingsLoader resolves the settings from the global flags of the
// command line, the environment and the config file.
type SettingsLoader func(flags *pflag.FlagSet, env Env) (Settings, error)
