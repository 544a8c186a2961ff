package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/fserr"
)

// Progress is where a guided session stopped, in sessions/<name>.yaml, so
// it can resume there. The session gives meaning to Step and to the
// answers' ids.
type Progress struct {
	// Name is the session's ("background"); set by Workspace.Progress.
	Name string
	// Step is the id of the step reached.
	Step string
	// Answers are what the candidate typed, by question id.
	Answers map[string]string
	Started time.Time
	Updated time.Time

	disk stamp
}

// progressFile is a Progress as the file holds it.
type progressFile struct {
	Step    string            `yaml:"step"`
	Answers map[string]string `yaml:"answers"`
	Started yamlTime          `yaml:"started,omitempty"`
	Updated yamlTime          `yaml:"updated,omitempty"`
}

const progressKeys = "step, answers, started, updated"

const progressHeader = "# Where a prep session stopped; prep resumes from here. Delete this file to start over.\n"

// Progress reads the progress of the session name; a session never run
// has an empty one (no step, no answers). Unknown keys and bad YAML are a
// ParseError with the line.
func (w *Workspace) Progress(name string) (*Progress, error) {
	path, err := w.progressPath(name)
	if err != nil {
		return nil, err
	}
	data, exists, err := readFile(path)
	if err != nil {
		return nil, err
	}
	var f progressFile
	if err := decodeStrict(path, data, &f, progressKeys); err != nil {
		return nil, err
	}
	p := &Progress{Name: name, Step: f.Step, Answers: f.Answers, Started: f.Started.Time, Updated: f.Updated.Time, disk: stampOf(data, exists)}
	if p.Answers == nil {
		p.Answers = map[string]string{}
	}
	return p, nil
}

// SaveProgress writes p atomically to sessions/<p.Name>.yaml, setting
// Started when zero and Updated to now. It refuses, leaving the file as it
// is, when the file does not parse (a ParseError, Refused) or, for a
// Progress got from Workspace.Progress, changed on disk since (ErrChanged).
func (w *Workspace) SaveProgress(p *Progress) error {
	path, err := w.progressPath(p.Name)
	if err != nil {
		return err
	}
	unlock, err := w.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	if err := w.ensureDir(SessionsDir); err != nil {
		return err
	}
	data, exists, err := readFile(path)
	if err != nil {
		return refused(err)
	}
	// Bytes this session read or wrote itself are known to parse; only
	// others are checked, so a file prep cannot read is never replaced.
	changed := p.disk.changed(data, exists)
	if changed || !p.disk.read {
		if err := decodeStrict(path, data, &progressFile{}, progressKeys); err != nil {
			return refused(err)
		}
	}
	if changed {
		return &changedError{path}
	}
	now := w.now().Round(0).Truncate(time.Second)
	if p.Started.IsZero() {
		p.Started = now
	}
	p.Updated = now
	out, err := encodeYAML(progressHeader, progressFile{Step: p.Step, Answers: p.Answers, Started: yamlTime{p.Started}, Updated: yamlTime{p.Updated}})
	if err != nil {
		return saveError(path, err)
	}
	if err := writeAtomic(path, out); err != nil {
		return err
	}
	p.disk = stampOf(out, true)
	return nil
}

// RemoveProgress forgets where the session name stopped, for a session
// finished or started over. No progress to remove is not an error.
func (w *Workspace) RemoveProgress(name string) error {
	path, err := w.progressPath(name)
	if err != nil {
		return err
	}
	unlock, err := w.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: cannot remove: %v; delete it by hand to start over", path, fserr.Cause(err))
	}
	syncDir(filepath.Dir(path))
	return nil
}

// progressPath checks that a session name is a plain word, so it can never
// name a file outside sessions/.
func (w *Workspace) progressPath(name string) (string, error) {
	ok := name != "" && len(name) <= 64
	for i, c := range name {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || i > 0 && (c == '-' || c == '_')) {
			ok = false
		}
	}
	if !ok {
		return "", fmt.Errorf("session name %s is not a lower-case word (letters, digits, - and _); this is a bug in prep, please report it", strconv.Quote(name))
	}
	return w.path(SessionsDir + "/" + name + ".yaml"), nil
}

// yamlTime is a time in a YAML file: RFC 3339, or one of the layouts a
// person typing a date uses; a bad one is an error with its line.
type yamlTime struct{ time.Time }

func (t *yamlTime) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &lineError{n.Line, "expected a date like 2026-01-02T15:04:05Z"}
	}
	if n.Tag == "!!null" {
		t.Time = time.Time{}
		return nil
	}
	v, err := parseTime(n.Value)
	if err != nil {
		return &lineError{n.Line, fmt.Sprintf("%s is not a date; write it like 2026-01-02T15:04:05Z", strconv.Quote(short(n.Value)))}
	}
	t.Time = v
	return nil
}

func (t yamlTime) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: t.Format(time.RFC3339)}, nil
}
