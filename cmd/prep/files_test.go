package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
)

// snapshot is what a session leaves in a workspace, times left out.
type snapshot struct {
	// Files are the workspace's paths, directories ending in "/"; the
	// lock file is left out.
	Files   []string
	Roles   []workspace.Role
	Stories []storyFile
	// Sheet is prep-sheet.md with its dates replaced by "DATE".
	Sheet string
}

// storyFile is a story's front matter but its times, and its body.
type storyFile struct {
	Name, Title, Kind, Panel string
	Rank                     int
	Body                     string
}

// sheetDate matches the dates a prep sheet prints ("Monday 23 November
// 2026", "2026-11-23"), which differ between two runs across midnight.
var sheetDate = regexp.MustCompile(`\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+ \d{4}\b|\b\d{4}-\d{2}-\d{2}\b`)

func snap(t *testing.T, dir string) snapshot {
	t.Helper()
	var s snapshot
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".lock":
		case d.IsDir():
			s.Files = append(s.Files, rel+"/")
		default:
			s.Files = append(s.Files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("listing the workspace: %v", err)
	}
	_, tl, stories := loadWorkspace(t, dir)
	s.Roles = tl.Roles
	for _, st := range stories {
		m := st.Meta
		s.Stories = append(s.Stories, storyFile{Name: st.Name(), Title: m.Title, Kind: m.Kind, Panel: m.Panel, Rank: m.Rank, Body: st.Body})
	}
	sheet, err := os.ReadFile(filepath.Join(dir, "prep-sheet.md"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	s.Sheet = sheetDate.ReplaceAllString(string(sheet), "DATE")
	return s
}

// loadWorkspace opens the workspace at dir, with no lock, and loads its
// timeline and stories, as the next prep would; any of them failing to
// load fails the test.
func loadWorkspace(t *testing.T, dir string) (*workspace.Workspace, *workspace.Timeline, []workspace.Story) {
	t.Helper()
	ws, err := workspace.Open(dir, nil)
	if err != nil {
		t.Fatalf("the workspace does not open: %v", err)
	}
	tl, err := ws.Timeline()
	if err != nil {
		t.Fatalf("the timeline does not load: %v", err)
	}
	stories, errs := ws.Stories()
	if len(errs) > 0 {
		t.Fatalf("stories that do not load: %v", errs)
	}
	return ws, tl, stories
}

// wantRoles is the timeline the answer table writes, most recent first.
func wantRoles() []workspace.Role {
	var roles []workspace.Role
	for i := 0; ; i++ {
		if _, err := lookupAnswer(fmt.Sprintf("timeline.%d.company", i)); err != nil {
			return roles
		}
		var r workspace.Role
		for _, f := range roleFields {
			a, _ := lookupAnswer(fmt.Sprintf("timeline.%d.%s", i, f.key))
			*f.field(&r) = a.value()
		}
		roles = append(roles, r)
	}
}

// roleFields are the answers about a role, with the message prep asks
// each with.
var roleFields = []struct {
	key, message string
	field        func(*workspace.Role) *string
}{
	{"company", "Company", func(r *workspace.Role) *string { return &r.Company }},
	{"title", "Your title there", func(r *workspace.Role) *string { return &r.Title }},
	{"start", "Started (as your résumé says it", func(r *workspace.Role) *string { return &r.Start }},
	{"end", "Ended (or present)", func(r *workspace.Role) *string { return &r.End }},
	{"owned", "What you owned there", func(r *workspace.Role) *string { return &r.Owned }},
	{"impact", "The impact you had, with a number", func(r *workspace.Role) *string { return &r.Impact }},
}

// The default content pack, the one built into the binary under test:
// the story questions and the follow-ups come from it.
var loadPack = sync.OnceValues(func() (*pack.Pack, error) {
	return pack.Load(pack.Source{FS: content.FS, Name: pack.Embedded})
})

// background is the rubric prep background writes stories with, and the
// follow-up bank.
func background(t *testing.T) (*pack.Rubric, []pack.Followup) {
	t.Helper()
	p, err := loadPack()
	if err != nil {
		t.Fatalf("the default content pack: %v", err)
	}
	panel, ok := p.Panel("background")
	if !ok {
		t.Fatal("the default content pack has no background panel")
	}
	id := panel.Rubric
	if id == "" {
		id = workspace.KindStar
	}
	r, ok := p.Rubric(id)
	if !ok {
		t.Fatalf("the default content pack has no rubric %q", id)
	}
	return r, p.Followups
}

func section(r *pack.Rubric, id string) (*pack.Section, bool) {
	i := slices.IndexFunc(r.Sections, func(s pack.Section) bool { return s.ID == id })
	if i < 0 {
		return nil, false
	}
	return &r.Sections[i], true
}

// progress is sessions/background.yaml as far as the test reads it.
type progress struct {
	Step    string            `yaml:"step"`
	Answers map[string]string `yaml:"answers"`
}

// readProgress reads where the session is. prep replaces the file by a
// rename, so it is never seen half written; a missing file is an empty
// progress.
func readProgress(ws string) (progress, error) {
	p, _, err := readProgressSince(ws, nil, progress{})
	return p, err
}

// readProgressSince is readProgress for a test that polls: when the
// file still holds last, what was parsed from it then, known, is
// returned; data is what the file holds now.
func readProgressSince(ws string, last []byte, known progress) (p progress, data []byte, err error) {
	data, err = os.ReadFile(filepath.Join(ws, "sessions", "background.yaml"))
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil, nil
	}
	if err != nil {
		return p, nil, err
	}
	if last != nil && bytes.Equal(data, last) {
		return known, data, nil
	}
	if err := yaml.Unmarshal(data, &p); err != nil {
		return p, nil, fmt.Errorf("sessions/background.yaml: %v", err)
	}
	return p, data, nil
}

// questionText is the start of the message prep shows for question id,
// as one line: what the candidate reads at the prompt. answers are the
// session's recorded answers, which say which follow-ups were picked and
// which section a revision rewrites.
func questionText(t *testing.T, id string, answers map[string]string) (string, error) {
	r, bank := background(t)
	p := strings.Split(id, ".")
	num := func(i int) int {
		n, _ := strconv.Atoi(p[i])
		return n
	}
	msg := ""
	switch {
	case id == "resume":
		msg = "You stopped at "
	case id == "intro.read":
		msg = "First, read what the "
	case id == "projects.count":
		msg = "How many projects will you prepare?"
	case len(p) == 3 && p[0] == "projects" && p[2] == "title":
		msg = fmt.Sprintf("Project %d: a short title", num(1)+1)
	case len(p) == 3 && p[0] == "timeline" && p[2] == "more":
		msg = "Add the role before this one?"
	case len(p) == 3 && p[0] == "timeline":
		for _, f := range roleFields {
			if f.key == p[2] {
				msg = f.message
			}
		}
	case len(p) == 3 && p[0] == "story":
		if sec, ok := section(r, p[2]); ok {
			msg = sec.Question
		}
	case len(p) == 4 && p[0] == "story" && p[2] == "fix":
		msg = "Fix a section now, or move on?"
	case len(p) == 4 && p[0] == "story" && p[2] == "revise":
		if sec, ok := section(r, answers[fmt.Sprintf("story.%s.fix.%s", p[1], p[3])]); ok {
			msg = sec.Question
		}
	case len(p) == 4 && p[0] == "story" && p[2] == "followup":
		picked := strings.Split(answers["picked.story."+p[1]], ",")
		if k := num(3); k < len(picked) {
			if i := slices.IndexFunc(bank, func(f pack.Followup) bool { return f.ID == picked[k] }); i >= 0 {
				msg = bank[i].Question
			}
		}
	}
	if msg == "" {
		return "", fmt.Errorf("prep is at question %q, which this test cannot recognise on the screen", id)
	}
	// The start is enough to tell the questions apart, and short enough
	// never to wrap.
	msg = strings.Join(strings.Fields(msg), " ")
	if rs := []rune(msg); len(rs) > 60 {
		msg = string(rs[:60])
	}
	return msg, nil
}

// ledger is what the candidate answered, as the terminal showed it.
type ledger struct {
	// acked are the questions whose answer was acknowledged: the next
	// question came up, or the session ended well, after its Enter.
	acked []string
	// inFlight is the question answered last, when nothing acknowledged
	// it yet: prep may have saved the answer or not.
	inFlight string
	// seen are the acknowledged questions, which prep must not ask again.
	seen map[string]bool
}

// sent records that id was answered.
func (l *ledger) sent(id string) { l.inFlight = id }

// ack records that the program went past the question answered last.
func (l *ledger) ack() {
	if l.inFlight == "" {
		return
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	if l.inFlight != "resume" {
		l.acked = append(l.acked, l.inFlight)
		l.seen[l.inFlight] = true
	}
	l.inFlight = ""
}

// home is where an answer lives: a kind of place and a key in it.
type home struct{ kind, key string }

// homeOf says where prep keeps the answer to id: the timeline, a story's
// title or section, or, for a choice, the session's progress file alone.
func homeOf(id string) home {
	p := strings.Split(id, ".")
	switch {
	case id == "resume":
		return home{}
	case len(p) == 3 && p[0] == "timeline" && p[2] != "more":
		return home{"timeline", id}
	case len(p) == 3 && p[0] == "projects" && p[2] == "title":
		return home{"title", p[1]}
	case len(p) == 3 && p[0] == "story":
		return home{"section", p[1] + "." + p[2]}
	case len(p) == 4 && p[0] == "story" && p[2] == "revise":
		fix, _ := lookupAnswer(fmt.Sprintf("story.%s.fix.%s", p[1], p[3]))
		return home{"section", p[1] + "." + fix.value()}
	case len(p) == 4 && p[0] == "story" && p[2] == "followup":
		return home{"followup", id}
	}
	return home{"progress", id}
}

// checkSaved asserts that the workspace at dir loads, and holds every
// acknowledged answer (or, where the answer in flight has the same home,
// that one). finished says the session reached its end, which removes its
// progress file. It takes no lock: what a killed prep left (its lock
// file, a temporary file) is for the next prep to cope with.
func (l *ledger) checkSaved(t *testing.T, dir string, finished bool) {
	t.Helper()
	ws, tl, stories := loadWorkspace(t, dir)
	prog, err := ws.Progress("background")
	if err != nil {
		t.Fatalf("the session's progress does not load: %v", err)
	}
	_, statErr := os.Stat(filepath.Join(dir, "sessions", "background.yaml"))
	if finished && !errors.Is(statErr, fs.ErrNotExist) {
		t.Errorf("sessions/background.yaml is still there after the session ended (%v)", statErr)
	}

	// The last acknowledged answer for each home is what must be there;
	// the one in flight may have replaced it.
	want := map[home]string{}
	var order []home
	for _, id := range l.acked {
		a, err := lookupAnswer(id)
		if err != nil {
			t.Fatal(err)
		}
		h := homeOf(id)
		if _, ok := want[h]; !ok {
			order = append(order, h)
		}
		want[h] = a.value()
	}
	alt := map[home]string{}
	if l.inFlight != "" {
		if a, err := lookupAnswer(l.inFlight); err == nil {
			alt[homeOf(l.inFlight)] = a.value()
		}
	}
	rubric, _ := background(t)
	story := func(n string) *workspace.Story {
		rank, _ := strconv.Atoi(n)
		for i := range stories {
			if stories[i].Meta.Rank == rank+1 {
				return &stories[i]
			}
		}
		return nil
	}
	ok := func(h home, got string) bool {
		w := want[h]
		if a, in := alt[h]; in && got == a {
			return true
		}
		return got == w
	}
	for _, h := range order {
		w := want[h]
		switch h.kind {
		case "timeline":
			p := strings.Split(h.key, ".")
			n, _ := strconv.Atoi(p[1])
			got := "(no such role)"
			if n < len(tl.Roles) {
				for _, f := range roleFields {
					if f.key == p[2] {
						got = *f.field(&tl.Roles[n])
					}
				}
			}
			if !ok(h, got) {
				t.Errorf("%s: the timeline holds %q, want %q", h.key, got, w)
			}
		case "title":
			got := "(no story of that rank)"
			if st := story(h.key); st != nil {
				got = st.Meta.Title
			}
			if !ok(h, got) {
				t.Errorf("projects.%s.title: the story holds %q, want %q", h.key, got, w)
			}
		case "section":
			n, id, _ := strings.Cut(h.key, ".")
			sec, found := section(rubric, id)
			st := story(n)
			if !found || st == nil {
				t.Errorf("story.%s: no story of rank %s with a section %q", h.key, n, id)
				continue
			}
			got, has := st.Section(rubric, sec.ID)
			if !has {
				got = "(no " + sec.Title + " heading)"
			}
			if !ok(h, got) {
				t.Errorf("story.%s: %s holds under %s:\n%s\nwant:\n%s", h.key, st.Name(), sec.Title, got, w)
			}
		case "followup":
			p := strings.Split(h.key, ".")
			st := story(p[1])
			sec, found := section(rubric, "followups")
			if st == nil || !found {
				t.Errorf("%s: no story of rank %s with follow-ups", h.key, p[1])
				continue
			}
			text, _ := st.Section(rubric, sec.ID)
			for _, line := range strings.Split(w, "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				if !slices.ContainsFunc(strings.Split(text, "\n"), func(l string) bool { return strings.TrimSpace(l) == strings.TrimSpace(line) }) {
					t.Errorf("%s: %s lacks the answer line %q under %s:\n%s", h.key, st.Name(), line, sec.Title, text)
				}
			}
		case "progress":
			if finished {
				continue
			}
			got, has := prog.Answers[h.key]
			if !has {
				got = "(no answer)"
			}
			if !ok(h, got) {
				t.Errorf("%s: sessions/background.yaml holds %q, want %q", h.key, got, w)
			}
		}
	}
}
