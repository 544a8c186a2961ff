package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/spf13/pflag"
)

func flagSet(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("prep", pflag.ContinueOnError)
	fs.String(KeyContent, "", "")
	fs.String(KeyDir, "", "")
	fs.String("config", "", "")
	fs.String(KeyInterview, "", "")
	fs.Bool(KeyNoColor, false, "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

func envOf(m map[string]string) cmdutil.Env {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// The brief fixes the order: flag over environment over config file over default.
func TestPrecedence(t *testing.T) {
	cfg := writeConfig(t, "dir: /from/file\ncontent: /pack/file\n")
	home := t.TempDir()
	baseEnv := map[string]string{"HOME": home, "XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "/nowhere"}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range baseEnv {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want cmdutil.Settings
	}{
		{
			name: "default",
			env:  baseEnv,
			want: cmdutil.Settings{Dir: "/data/prep"},
		},
		{
			name: "config file over default",
			args: []string{"--config", cfg},
			env:  baseEnv,
			want: cmdutil.Settings{Dir: "/from/file", Content: "/pack/file", ConfigFile: cfg},
		},
		{
			name: "environment over config file",
			args: []string{"--config", cfg},
			env:  with(map[string]string{"PREP_DIR": "/from/env"}),
			want: cmdutil.Settings{Dir: "/from/env", Content: "/pack/file", ConfigFile: cfg},
		},
		{
			name: "flag over environment",
			args: []string{"--config", cfg, "--dir", "/from/flag"},
			env:  with(map[string]string{"PREP_DIR": "/from/env"}),
			want: cmdutil.Settings{Dir: "/from/flag", Content: "/pack/file", ConfigFile: cfg},
		},
		{
			name: "PREP_CONFIG names the file",
			env:  with(map[string]string{"PREP_CONFIG": cfg}),
			want: cmdutil.Settings{Dir: "/from/file", Content: "/pack/file", ConfigFile: cfg},
		},
		{
			name: "NO_COLOR turns colour off",
			env:  with(map[string]string{"NO_COLOR": ""}),
			want: cmdutil.Settings{Dir: "/data/prep", NoColor: true},
		},
		{
			name: "PREP_NO_COLOR turns colour off",
			env:  with(map[string]string{"PREP_NO_COLOR": "true"}),
			want: cmdutil.Settings{Dir: "/data/prep", NoColor: true},
		},
		{
			name: "tilde in a flag is the home directory",
			args: []string{"--dir", "~/prep-ws"},
			env:  baseEnv,
			want: cmdutil.Settings{Dir: filepath.Join(home, "prep-ws")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// viper reads the real environment for PREP_* keys.
			for _, k := range []string{"PREP_DIR", "PREP_CONTENT", "PREP_NO_COLOR", "PREP_CONFIG"} {
				if v, ok := tt.env[k]; ok {
					t.Setenv(k, v)
				} else {
					t.Setenv(k, "")
					os.Unsetenv(k)
				}
			}
			got, err := Load(flagSet(t, tt.args...), envOf(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("settings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConfigFileErrors(t *testing.T) {
	env := envOf(map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": "/nowhere"})
	unknown := writeConfig(t, "dir: /x\ncolour: false\n")
	broken := writeConfig(t, "dir: [unclosed\n")
	missing := filepath.Join(t.TempDir(), "absent.yaml")
	tests := []struct {
		name string
		path string
		want []string // all must appear in the one-line message
	}{
		{"unknown key names file and line", unknown, []string{unknown, "line 2", "colour", "known keys"}},
		{"syntax error names file and line", broken, []string{broken, "line"}},
		{"explicit missing file", missing, []string{missing, "cannot read config file", "--config"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(flagSet(t, "--config", tt.path), env)
			if err == nil {
				t.Fatal("want an error")
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error is more than one line: %q", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not mention %q", msg, w)
				}
			}
		})
	}
}

// Each mistake in the config file is one line that names the file, the
// line and what to do, in words rather than yaml.v3's (issue 9, item 25).
func TestConfigFileErrorsSayWhatToDo(t *testing.T) {
	env := envOf(map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": "/nowhere", "XDG_DATA_HOME": "/d"})
	tests := []struct{ name, text, want string }{
		{"unknown key", "dir: /x\nunknown: 1\n", `line 2: unknown key "unknown"; correct its spelling or remove it (known keys: content, dir, interview, no-color, recorder, transcriber and whisper-model)`},
		{"a list for text", "dir: [a, b]\n", "line 1: expected text here, found a list; fix the config file"},
		{"not true or false", "no-color: maybe\n", `line 1: expected true or false here, found "maybe"; fix the config file`},
		{"a list for the file", "- dir\n", "line 1: expected key: value lines here, found a list; fix the config file"},
		{"a second document", "dir: /x\n---\ndir: /y\n", "line 2: a second YAML document (after ---); keep the settings in one, known keys are content, dir, interview, no-color, recorder, transcriber and whisper-model"},
		{"a quote left open", "dir: '/x\ncontent: /y\n", "line 1: not valid YAML: found unexpected end of stream; fix the config file (known keys are content, dir, interview, no-color, recorder, transcriber and whisper-model)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.text)
			_, err := Load(flagSet(t, "--config", path), env)
			if err == nil {
				t.Fatal("want an error")
			}
			if diff := cmp.Diff(path+": "+tt.want, err.Error()); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// A config file of comments only (or of nothing) is an empty config, not
// a bare "EOF".
func TestConfigFileOfCommentsOnly(t *testing.T) {
	env := envOf(map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": "/nowhere", "XDG_DATA_HOME": "/d"})
	for _, text := range []string{"# dir: ~/prep\n", "", "---\n", "# a\n---\n# b\n"} {
		path := writeConfig(t, text)
		got, err := Load(flagSet(t, "--config", path), env)
		if err != nil {
			t.Errorf("config %q: %v", text, err)
			continue
		}
		if got.Dir != filepath.Join("/d", "prep") {
			t.Errorf("config %q: dir %q, want the default", text, got.Dir)
		}
	}
}

// A missing config file in the default place is the normal case, not an error.
func TestNoDefaultConfigFile(t *testing.T) {
	env := envOf(map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir(), "XDG_DATA_HOME": "/d"})
	got, err := Load(flagSet(t), env)
	if err != nil {
		t.Fatal(err)
	}
	if got.ConfigFile != "" {
		t.Errorf("ConfigFile = %q, want none", got.ConfigFile)
	}
}

func TestInterviewDate(t *testing.T) {
	env := envOf(map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": "/nowhere", "XDG_DATA_HOME": "/d"})
	got, err := Load(flagSet(t, "--interview", "2026-12-01"), env)
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local)
	if !got.Interview.Equal(want) {
		t.Errorf("Interview = %v, want %v", got.Interview, want)
	}

	_, err = Load(flagSet(t, "--interview", "next tuesday"), env)
	if err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") || strings.Contains(err.Error(), "\n") {
		t.Errorf("a bad date gives %v, want one line asking for YYYY-MM-DD", err)
	}
}

// A config file is read up to a bound: --config /dev/zero, or a huge file
// given by mistake, is refused at once instead of read without end. (A
// large file stands in for the device, so that a regression fails the
// test instead of eating the machine's memory.)
func TestConfigFileTooBig(t *testing.T) {
	env := envOf(map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": "/nowhere"})
	big := writeConfig(t, "# "+strings.Repeat("x", 2<<20)+"\n")
	_, err := Load(flagSet(t, "--config", big), env)
	if err == nil || !strings.Contains(err.Error(), big+": over 1 MiB") || strings.Contains(err.Error(), "\n") {
		t.Errorf("--config %s: %v; want one line saying it is over 1 MiB", big, err)
	}
}
