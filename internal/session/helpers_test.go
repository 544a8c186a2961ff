package session

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
	"github.com/prepcli/prep/prompts/prompttest"
)

// t0 is the clock of every test workspace, so files from two runs can be
// compared byte for byte.
var t0 = time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)

// testBank replaces the pack's follow-up bank, so which follow-ups a story
// gets does not change when the content is edited.
var testBank = []pack.Followup{
	{ID: "why-db", Question: "Why that database and not another?", Sections: []string{"architecture", "tradeoffs"}, Topics: []string{"database", "postgres", "postgresql", "mysql"}, Why: "Whether the choice came from the access patterns."},
	{ID: "why-queue", Question: "Why a queue there?", Sections: []string{"architecture", "tradeoffs"}, Topics: []string{"queue", "kafka"}, Why: "What the queue bought and what it cost."},
	{ID: "k8s", Question: "Did this need Kubernetes?", Sections: []string{"architecture"}, Topics: []string{"kubernetes"}, Why: "Whether the complexity paid for itself."},
	{ID: "differently", Question: "What would you do differently?", Sections: []string{"lessons"}, Why: "Honest reflection."},
	{ID: "second-best", Question: "What was the second-best option?", Sections: []string{"tradeoffs"}, Why: "Whether real alternatives were weighed."},
}

var loadPack = sync.OnceValues(func() (*pack.Pack, error) {
	return pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
})

// testPack is the built-in pack with testBank for its follow-ups.
func testPack(t *testing.T) *pack.Pack {
	t.Helper()
	p, err := loadPack()
	if err != nil {
		t.Fatal(err)
	}
	cp := *p
	cp.Followups = testBank
	return &cp
}

// fixture is one candidate's workspace; each run opens it afresh, as a
// new prep process would.
type fixture struct {
	t    *testing.T
	dir  string
	pack *pack.Pack
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, dir: filepath.Join(t.TempDir(), "ws"), pack: testPack(t)}
}

func (f *fixture) ws() *workspace.Workspace {
	f.t.Helper()
	ws, err := workspace.Open(f.dir, func() time.Time { return t0 })
	if err != nil {
		f.t.Fatal(err)
	}
	return ws
}

// env is a run's environment; out collects what it prints.
func (f *fixture) env(p prompts.Prompter) (Env, *bytes.Buffer) {
	ios, _, out, _ := iostreams.Test()
	return Env{IO: ios, Prompter: p, Workspace: f.ws(), Pack: f.pack}, out
}

// snapshot is every file a session writes, by path in the workspace.
func (f *fixture) snapshot() map[string]string {
	f.t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(f.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(f.dir, path)
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
		f.t.Fatal(err)
	}
	return files
}

func (f *fixture) write(rel, data string) {
	f.t.Helper()
	path := filepath.Join(f.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		f.t.Fatal(err)
	}
}

// storyView is a story as a test compares it: front matter and sections.
type storyView struct {
	File     string
	Title    string
	Kind     string
	Rank     int
	Panel    string
	Sections map[string]string // by the title of its rubric's section, as SetSection finds it
}

func (f *fixture) stories() []storyView {
	f.t.Helper()
	stories, errs := f.ws().Stories()
	if len(errs) > 0 {
		f.t.Fatal(errs)
	}
	var out []storyView
	for _, s := range stories {
		v := storyView{File: s.Name(), Title: s.Meta.Title, Kind: s.Meta.Kind, Rank: s.Meta.Rank, Panel: s.Meta.Panel, Sections: map[string]string{}}
		kind := s.Meta.Kind
		if kind == "" {
			kind = workspace.KindStar
		}
		if r, ok := f.pack.Rubric(kind); ok {
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

// step is one expected question and its answer.
type step struct {
	id   string
	kind Kind
	ans  string
}

func (s step) expect(p *prompttest.Stub) *prompttest.Call {
	switch s.kind {
	case Confirm:
		return p.ExpectConfirm(s.id, s.ans == Yes)
	case Select:
		return p.ExpectSelect(s.id, s.ans)
	case Text:
		return p.ExpectText(s.id, s.ans)
	}
	return p.ExpectInput(s.id, s.ans)
}

// stub expects the steps in order.
func stub(t *testing.T, steps ...step) *prompttest.Stub {
	p := prompttest.New(t)
	for _, s := range steps {
		s.expect(p)
	}
	return p
}

// role is one role of the timeline as its six answers and "more".
func roleSteps(i int, r workspace.Role, more bool) []step {
	id := func(k string) string { return "timeline." + itoa(i) + "." + k }
	m := No
	if more {
		m = Yes
	}
	return []step{
		{id("company"), Input, r.Company}, {id("title"), Input, r.Title},
		{id("start"), Input, r.Start}, {id("end"), Input, r.End},
		{id("owned"), Input, r.Owned}, {id("impact"), Input, r.Impact},
		{id("more"), Confirm, m},
	}
}

// section is one STAR section's id, heading and answer.
type section struct{ id, heading, text string }

// storySteps answers a story's sections in rubric order under prefix.
func storySteps(prefix string, secs []section) []step {
	var out []step
	for _, s := range secs {
		out = append(out, step{prefix + "." + s.id, Text, s.text})
	}
	return out
}

func followupSteps(prefix string, answers ...string) []step {
	var out []step
	for k, a := range answers {
		out = append(out, step{prefix + ".followup." + itoa(k), Text, a})
	}
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

func sectionMap(secs []section) map[string]string {
	m := map[string]string{}
	for _, s := range secs {
		m[s.heading] = s.text
	}
	return m
}
