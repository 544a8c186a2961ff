package workspace

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// Role is one line of the résumé timeline. Dates are kept as the
// candidate writes them ("2023-04", "present").
type Role struct {
	Company string `yaml:"company"`
	Title   string `yaml:"title"`
	Start   string `yaml:"start"`
	End     string `yaml:"end"`
	Owned   string `yaml:"owned,omitempty"`  // what the candidate owned there
	Impact  string `yaml:"impact,omitempty"` // what changed because of it
}

// Timeline is timeline.yaml: the candidate's roles, most recent first.
type Timeline struct {
	Roles []Role `yaml:"roles"`

	disk stamp
}

const timelineKeys = "roles; in each role company, title, start, end, owned, impact"

const timelineHeader = "# Your résumé timeline for prep, most recent role first.\n"

// Timeline reads timeline.yaml; a workspace without one has an empty
// timeline. Unknown keys and bad YAML are a ParseError with the line.
func (w *Workspace) Timeline() (*Timeline, error) {
	path := w.path(TimelineFile)
	data, exists, err := readFile(path)
	if err != nil {
		return nil, err
	}
	t := &Timeline{}
	if err := decodeStrict(path, data, t, timelineKeys); err != nil {
		return nil, err
	}
	t.disk = stampOf(data, exists)
	return t, nil
}

// SaveTimeline writes timeline.yaml atomically. It refuses, leaving the
// file as it is, when the file does not parse (a ParseError, Refused) or,
// for a timeline got from Timeline, changed on disk since (ErrChanged).
func (w *Workspace) SaveTimeline(t *Timeline) error {
	unlock, err := w.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	path := w.path(TimelineFile)
	data, exists, err := readFile(path)
	if err != nil {
		return refused(err)
	}
	if err := decodeStrict(path, data, &Timeline{}, timelineKeys); err != nil {
		return refused(err)
	}
	if t.disk.changed(data, exists) {
		return &changedError{path}
	}
	out, err := encodeYAML(timelineHeader, t)
	if err != nil {
		return saveError(path, err)
	}
	if err := writeAtomic(path, out); err != nil {
		return err
	}
	t.disk = stampOf(out, true)
	return nil
}

// encodeYAML is v with two-space indents, under a comment for whoever
// opens the file.
func encodeYAML(header string, v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := safely(func() error { return enc.Encode(v) }); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
