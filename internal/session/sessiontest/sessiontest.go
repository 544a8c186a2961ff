// Package sessiontest is what the tests of guided sessions share: a
// candidate's workspace opened afresh for each run, as a new prep process
// would open it, the built-in pack with a fixed follow-up bank, and a
// view of the stories a session wrote; and the terminal widths every
// command's text is tried at (Widths).
package sessiontest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/session"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// T0 is the clock of every test workspace, so files from two runs can be
// compared byte for byte.
var T0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

// Bank replaces the pack's follow-up bank, so which follow-ups a story
// gets does not change when the content is edited.
var Bank = []pack.Followup{
	{ID: "why-db", Question: "Why that database and not another?", Sections: []string{"architecture", "tradeoffs"}, Topics: []string{"database", "postgres", "postgresql", "mysql"}, Why: "Whether the choice came from the access patterns."},
	{ID: "why-queue", Question: "Why a queue there?", Sections: []string{"architecture", "tradeoffs"}, Topics: []string{"queue", "kafka"}, Why: "What the queue bought and what it cost."},
	{ID: "k8s", Question: "Did this need Kubernetes?", Sections: []string{"architecture"}, Topics: []string{"kubernetes"}, Why: "Whether the complexity paid for itself."},
	{ID: "differently", Question: "What would you do differently?", Sections: []string{"lessons"}, Why: "Honest reflection."},
	{ID: "second-best", Question: "What was the second-best option?", Sections: []string{"tradeoffs"}, Why: "Whether real alternatives were weighed."},
}

// LoadPack is the built-in pack, loaded once per test binary.
var LoadPack = sync.OnceValues(func() (*pack.Pack, error) {
	return pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
})

// Pack is the built-in pack with Bank for its follow-ups.
func Pack(t *testing.T) *pack.Pack {
	t.Helper()
	p, err := LoadPack()
	if err != nil {
		t.Fatal(err)
	}
	cp := *p
	cp.Followups = Bank
	return &cp
}

// Fixture is one candidate's workspace; each run opens it afresh, as a
// new prep process would.
type Fixture struct {
	T    *testing.T
	Dir  string
	Pack *pack.Pack
}

// NewFixture is an empty workspace in a test directory, with Pack.
func NewFixture(t *testing.T) *Fixture {
	return &Fixture{T: t, Dir: filepath.Join(t.TempDir(), "ws"), Pack: Pack(t)}
}

// WS opens the workspace, its clock at T0.
func (f *Fixture) WS() *workspace.Workspace {
	f.T.Helper()
	ws, err := workspace.Open(f.Dir, func() time.Time { return T0 })
	if err != nil {
		f.T.Fatal(err)
	}
	return ws
}

// Env is a run's environment; out collects what it prints.
func (f *Fixture) Env(p prompts.Prompter) (session.Env, *bytes.Buffer) {
	ios, _, out, _ := iostreams.Test()
	return session.Env{IO: ios, Prompter: p, Workspace: f.WS(), Pack: f.Pack}, out
}

// Snapshot is every file a session writes, by path in the workspace.
func (f *Fixture) Snapshot() map[string]string {
	f.T.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(f.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(f.Dir, path)
		if d.IsDir() || strings.HasSuffix(rel, ".lock") { // the workspace's and the sessions' locks
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		f.T.Fatal(err)
	}
	return files
}

// Write puts a file into the workspace, as the candidate would.
func (f *Fixture) Write(rel, data string) {
	f.T.Helper()
	path := filepath.Join(f.Dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		f.T.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		f.T.Fatal(err)
	}
}

// StoryView is a story as a test compares it: front matter and sections.
type StoryView struct {
	File     string
	Title    string
	Kind     string
	Rank     int
	Panel    string
	Sections map[string]string // by the title of its rubric's section, as SetSection finds it
}

// Stories are the workspace's stories, by file name.
func (f *Fixture) Stories() []StoryView {
	f.T.Helper()
	stories, errs := f.WS().Stories()
	if len(errs) > 0 {
		f.T.Fatal(errs)
	}
	var out []StoryView
	for _, s := range stories {
		v := StoryView{File: s.Name(), Title: s.Meta.Title, Kind: s.Meta.Kind, Rank: s.Meta.Rank, Panel: s.Meta.Panel, Sections: map[string]string{}}
		kind := s.Meta.Kind
		if kind == "" {
			kind = workspace.KindStar
		}
		if r, ok := f.Pack.Rubric(kind); ok {
			for _, sec := range r.Sections {
				if text, ok := s.Section(r, sec.ID); ok {
					v.Sections[sec.Title] = text
				}
			}
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}
