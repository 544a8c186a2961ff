package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
	"gopkg.in/yaml.v3"
)

// Kinds of story: the ids of the default pack's rubrics. A pack may add
// others, so a story's kind is not limited to these.
const (
	KindStar     = "star"
	KindCulture  = "culture"
	KindDesign   = "design"
	KindDebug    = "debug"
	KindScale    = "scale"
	KindTradeoff = "tradeoff"
)

// MaxRank is the number of featured stories: ranks run 1..MaxRank, and 0
// is unranked.
const MaxRank = 3

// StoryMeta is what a story's front matter says about it.
type StoryMeta struct {
	Title   string
	Kind    string // a rubric id; "" lets the checker use star
	Rank    int    // 0 unranked, 1..3 featured
	Panel   string // background, technical, culture, …
	Created time.Time
	Updated time.Time
}

// Story is one story file: front matter and a Markdown body.
type Story struct {
	// Path is the file; empty for a story not saved yet, whose file name
	// SaveStory makes from the title.
	Path string
	Meta StoryMeta
	// Body is the Markdown after the front matter, with \n line ends.
	Body string
	// BodyLine is the file's line on which Body starts.
	BodyLine int

	// doc is the front matter as read: saving updates the keys prep knows
	// in it, so the candidate's own keys, order and comments stay.
	doc  *yaml.Node
	crlf bool // the file had CRLF line ends, and keeps them
	disk stamp
	// diskRank is the rank in the file as disk stamps it, so a save of an
	// unchanged file need not parse it again to learn the rank it moves
	// from.
	diskRank int
}

// Name is the story's file name ("payments-migration.md"); "" when new.
func (s *Story) Name() string {
	if s.Path == "" {
		return ""
	}
	return filepath.Base(s.Path)
}

// Slug is the file name without its extension.
func (s *Story) Slug() string {
	n := s.Name()
	return strings.TrimSuffix(n, filepath.Ext(n))
}

// isStoryFile says which names in stories/ are stories: Markdown files,
// but not the dot files of prep and editors (temp files, swap files) or
// editors' backups.
func isStoryFile(name string) bool {
	return !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, "~") &&
		strings.EqualFold(filepath.Ext(name), ".md") && len(name) > len(".md")
}

// badFile is a story file that does not parse.
type badFile struct {
	path string
	err  error
	rank int // what its front matter's rank: line says, when it says 1..3
}

// list reads every story; the ones that do not parse are returned apart.
// Order: featured stories by rank, then the others by file name.
func (w *Workspace) list() ([]Story, []badFile, error) {
	dir := w.path(StoriesDir)
	if _, err := w.checkDir(StoriesDir); err != nil {
		return nil, nil, err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, readError(dir, err)
	}
	var stories []Story
	var bad []badFile
	for _, e := range entries {
		if !isStoryFile(e.Name()) || e.IsDir() || !(e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		s, err := readStory(path)
		if err != nil {
			bad = append(bad, badFile{path, err, rawRank(path)})
			continue
		}
		if s != nil {
			stories = append(stories, *s)
		}
	}
	slices.SortStableFunc(stories, func(a, b Story) int {
		ra, rb := sortRank(a.Meta.Rank), sortRank(b.Meta.Rank)
		if ra != rb {
			return ra - rb
		}
		return strings.Compare(a.Name(), b.Name())
	})
	return stories, bad, nil
}

func sortRank(r int) int {
	if r == 0 {
		return MaxRank + 1
	}
	return r
}

// Stories reads every story in the workspace, featured ones first by rank,
// then the others by file name. A file that cannot be read or parsed is
// left out and reported in errs with its path and line; prep leaves it as
// it is.
func (w *Workspace) Stories() (stories []Story, errs []error) {
	stories, bad, err := w.list()
	if err != nil {
		return nil, []error{err}
	}
	for _, b := range bad {
		errs = append(errs, b.err)
	}
	return stories, errs
}

// Story finds one story by reference: its rank ("1"), its file name
// ("payments-migration.md"), its slug, its title, a path to it, or the
// start of its slug when only one story has that start. The error matches
// ErrNotFound when no story fits, and is the file's ParseError when the
// story named does not parse.
func (w *Workspace) Story(ref string) (*Story, error) {
	stories, bad, err := w.list()
	if err != nil {
		return nil, err
	}
	i, b, err := w.resolve(ref, stories, bad)
	if err != nil {
		return nil, err
	}
	if b != nil {
		return nil, b.err
	}
	s := stories[i]
	return &s, nil
}

// resolve finds ref among the stories (an index) or the broken files.
func (w *Workspace) resolve(ref string, stories []Story, bad []badFile) (int, *badFile, error) {
	ref = strings.TrimSpace(ref)
	dir := w.path(StoriesDir)
	if ref == "" {
		return -1, nil, errors.New("no story named; give its rank (1-3), file name or title")
	}
	if strings.ContainsAny(ref, `/`+string(filepath.Separator)) {
		abs, err := filepath.Abs(ref)
		if err != nil || filepath.Dir(abs) != dir {
			return -1, nil, fmt.Errorf("%s: not one of the workspace's stories (%s); name a story there, or run %s check on other files", ref, dir, progname.Name())
		}
		ref = filepath.Base(abs)
	}
	if n, err := strconv.Atoi(ref); err == nil && n >= 1 && n <= MaxRank {
		var found []int
		for i, s := range stories {
			if s.Meta.Rank == n {
				found = append(found, i)
			}
		}
		switch len(found) {
		case 0:
			// A story broken by hand is still the one the candidate
			// knows by its rank: edit opens it to fix it.
			if k := slices.IndexFunc(bad, func(b badFile) bool { return b.rank == n }); k >= 0 {
				return -1, &bad[k], nil
			}
			return -1, nil, &notFoundError{fmt.Sprintf("no story has rank %d in %s; run %s story list to see the ranks", n, dir, progname.Name())}
		case 1:
			return found[0], nil, nil
		}
		c := Clash{Rank: n}
		for _, i := range found {
			c.Paths = append(c.Paths, stories[i].Path)
		}
		return -1, nil, fmt.Errorf("%s: %v", dir, c)
	}
	for _, test := range nameTests(ref) {
		var hits []string
		hit, hitBad := -1, -1
		for i, s := range stories {
			if test(s.Name(), s.Slug()) {
				hits = append(hits, s.Name())
				hit = i
			}
		}
		for i, b := range bad {
			name := filepath.Base(b.path)
			if test(name, strings.TrimSuffix(name, filepath.Ext(name))) {
				hits = append(hits, name)
				hitBad = i
			}
		}
		switch {
		case len(hits) > 1:
			slices.Sort(hits)
			return -1, nil, fmt.Errorf("%q could be %s; give the whole file name", ref, strings.Join(hits, " or "))
		case hit >= 0:
			return hit, nil, nil
		case hitBad >= 0:
			return -1, &bad[hitBad], nil
		}
	}
	return -1, nil, &notFoundError{fmt.Sprintf("no story %q in %s; run %s story list to see them", ref, dir, progname.Name())}
}

// nameTests are the ways ref can name a story file (name, and name
// without its extension): the whole name, in any case, the slug, the
// start of the slug. They go from the most exact to the loosest, so a
// name is never taken for the start of another.
func nameTests(ref string) []func(name, stem string) bool {
	stem := strings.TrimSuffix(ref, filepath.Ext(ref))
	if !strings.EqualFold(filepath.Ext(ref), ".md") {
		stem = ref
	}
	slug := Slug(ref)
	return []func(name, stem string) bool{
		func(name, _ string) bool { return name == ref },
		func(name, _ string) bool { return strings.EqualFold(name, ref) },
		func(_, s string) bool { return strings.EqualFold(s, stem) },
		func(_, s string) bool { return s == slug },
		func(_, s string) bool { return slug != "" && strings.HasPrefix(s, slug) },
	}
}

// rawRank is the rank a story file that does not parse gives itself in a
// "rank: N" line of its front matter, read line by line; 0 when none.
func rawRank(path string) int {
	data, _, err := readFile(path)
	if err != nil {
		return 0
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if len(lines) == 0 || strings.TrimSpace(strings.TrimPrefix(lines[0], "\uFEFF")) != "---" {
		return 0
	}
	for _, l := range lines[1:] {
		if t := strings.TrimSpace(l); t == "---" || t == "..." {
			break
		}
		v, ok := strings.CutPrefix(l, "rank:")
		if !ok {
			continue
		}
		v, _, _ = strings.Cut(v, "#")
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 1 && n <= MaxRank {
			return n
		}
	}
	return 0
}

// readStory reads and parses one story file; a missing file is nil, nil.
func readStory(path string) (*Story, error) {
	data, exists, err := readFile(path)
	if err != nil || !exists {
		return nil, err
	}
	return parseStory(path, data)
}

// parseStory reads a story as the checker does (internal/document), then
// the front matter again as a YAML tree, to keep it whole for saving.
func parseStory(path string, data []byte) (*Story, error) {
	s := &Story{Path: path, BodyLine: 1, crlf: bytes.Contains(data, []byte("\r\n")), disk: stampOf(data, true)}
	defer func() { s.diskRank = s.Meta.Rank }()
	if len(bytes.TrimSpace(data)) == 0 {
		return s, nil // a file just created in an editor: an empty story
	}
	doc, err := document.Parse(path, data)
	if err != nil {
		return nil, fromMessage(path, err)
	}
	s.Body, s.BodyLine = doc.Body, doc.BodyLine
	if !doc.HasFront {
		return s, nil
	}
	var root yaml.Node
	if err := safely(func() error { return yaml.Unmarshal([]byte(frontText(data, doc.BodyLine)), &root) }); err != nil {
		return nil, &ParseError{Path: path, Line: 1, Msg: "front matter is not valid YAML; fix it or remove the --- block"}
	}
	s.doc = &root
	m := frontMap(&root)
	if m == nil {
		return s, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		line := v.Line + 1 // the YAML starts on the file's line 2
		null := v.Kind == yaml.ScalarNode && v.Tag == "!!null"
		if k.Kind != yaml.ScalarNode || null {
			continue
		}
		val := strings.TrimSpace(v.Value)
		switch k.Value {
		case "title":
			s.Meta.Title = val
		case "kind":
			s.Meta.Kind = val
		case "panel":
			s.Meta.Panel = val
		case "rank":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 || n > MaxRank {
				return nil, &ParseError{Path: path, Line: line, Msg: fmt.Sprintf("rank %s is not 0 to %d; write 1, 2 or 3 to feature the story, or 0", strconv.Quote(val), MaxRank)}
			}
			s.Meta.Rank = n
		case "created", "updated":
			t, err := parseTime(val)
			if err != nil {
				return nil, &ParseError{Path: path, Line: line, Msg: fmt.Sprintf("%s %s is not a date; write it like 2026-01-02T15:04:05Z", k.Value, strconv.Quote(short(val)))}
			}
			if k.Value == "created" {
				s.Meta.Created = t
			} else {
				s.Meta.Updated = t
			}
		}
	}
	return s, nil
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// frontMap is the mapping of a front matter document; nil when empty.
func frontMap(root *yaml.Node) *yaml.Node {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	return root.Content[0]
}

// frontText is the YAML between the --- lines, the body starting on line
// bodyLine; line ends and byte order mark as document reads them.
func frontText(data []byte, bodyLine int) string {
	text := string(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.SplitAfter(text, "\n")
	if bodyLine-2 > len(lines) || bodyLine < 3 {
		return ""
	}
	return strings.Join(lines[1:bodyLine-2], "")
}

// Date layouts accepted in front matter: prep writes RFC 3339; a date the
// candidate typed by hand is usually one of the others.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	var err error
	for _, layout := range timeLayouts {
		var t time.Time
		if t, err = time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

// SaveStory writes the story atomically. A new story (Path "") gets a file
// named from its title's slug, made unique, and kind star if it has none.
// Created is set when zero and Updated to now.
//
// It refuses, leaving the file as it is, when the file on disk does not
// parse (a ParseError, Refused) or changed since the story was read
// (ErrChanged: the candidate edited it meanwhile). A rank of 1..3 that
// another story holds is made free as Rank does.
func (w *Workspace) SaveStory(s *Story) error {
	unlock, err := w.Lock()
	if err != nil {
		return err
	}
	defer unlock()
	return w.save(s)
}

// save is SaveStory with the lock held. A story whose rank changes
// saves with the stories it moves, all or none (see saveAll).
func (w *Workspace) save(s *Story) error { return w.saveKnown(s, nil) }

// onDisk is a story's file as just read, under the workspace's lock, by a
// caller that had to read it anyway; a save then reads it no more.
type onDisk struct {
	data   []byte
	exists bool
}

// saveKnown is save, with the file as the caller read it when known is
// not nil.
func (w *Workspace) saveKnown(s *Story, known *onDisk) error {
	if s.Meta.Rank < 0 || s.Meta.Rank > MaxRank {
		return fmt.Errorf("%s: rank %d is not 0 to %d; use 1, 2 or 3 to feature the story, or 0", storyLabel(s), s.Meta.Rank, MaxRank)
	}
	old := 0
	first := pendingSave{s: s, touch: true}
	if s.Path != "" {
		// Checked before any other story's rank moves for this one.
		rank, data, exists, err := w.checkSave(s, known)
		if err != nil {
			return err
		}
		old = rank
		first.checked, first.old, first.existed = true, data, exists
	}
	group := []pendingSave{first}
	if s.Meta.Rank != 0 && s.Meta.Rank != old {
		stories, _, err := w.list()
		if err != nil {
			return err
		}
		xi := slices.IndexFunc(stories, func(o Story) bool { return s.Path != "" && o.Path == s.Path })
		if xi < 0 {
			stories = append(stories, Story{Path: s.Path})
			xi = len(stories) - 1
		}
		stories[xi].Meta.Rank = old
		cur := ranksOf(stories)
		next := placeRanks(cur, xi, s.Meta.Rank)
		for i := range stories {
			if i != xi && next[i] != cur[i] {
				stories[i].Meta.Rank = next[i]
				group = append(group, pendingSave{s: &stories[i]})
			}
		}
	}
	return w.saveAll(group)
}

func storyLabel(s *Story) string {
	if s.Path != "" {
		return s.Path
	}
	return strconv.Quote(s.Meta.Title)
}

// checkSave refuses to save s over a file that does not parse or that
// changed since s was read; it returns the story on disk (nil if none)
// and the file's bytes.
func (w *Workspace) checkSave(s *Story, known *onDisk) (rank int, data []byte, exists bool, err error) {
	dir := w.path(StoriesDir)
	if filepath.Dir(s.Path) != dir {
		return 0, nil, false, fmt.Errorf("%s: not in the workspace's stories (%s); prep saves stories only there", s.Path, dir)
	}
	if known != nil {
		data, exists = known.data, known.exists
	} else if data, exists, err = readFile(s.Path); err != nil {
		return 0, nil, false, refused(err)
	}
	if !exists {
		return 0, nil, false, nil
	}
	if s.disk.read && s.disk.exists && !s.disk.changed(data, exists) {
		// The file is as s was read or last written: it parses, and its
		// rank is the one it had then.
		return s.diskRank, data, true, nil
	}
	cur, err := parseStory(s.Path, data)
	if err != nil {
		return 0, nil, false, refused(err)
	}
	if s.disk.changed(data, exists) {
		return 0, nil, false, &changedError{s.Path}
	}
	return cur.Meta.Rank, data, true, nil
}

// encode writes the story out: front matter, then the body unchanged.
func (s *Story) encode() []byte {
	if s.doc == nil {
		s.doc = &yaml.Node{Kind: yaml.DocumentNode}
		// The front matter is new: a blank line under it reads better.
		if s.Body != "" && !strings.HasPrefix(s.Body, "\n") {
			s.Body = "\n" + s.Body
		}
	}
	m := frontMap(s.doc)
	if m == nil {
		m = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		s.doc.Content = []*yaml.Node{m}
	}
	title := text.OneLine(s.Meta.Title)
	setKey(s.doc, m, "title", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: title})
	if s.Meta.Kind != "" || hasKey(m, "kind") {
		setKey(s.doc, m, "kind", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s.Meta.Kind})
	}
	setKey(s.doc, m, "rank", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(s.Meta.Rank)})
	if s.Meta.Panel != "" || hasKey(m, "panel") {
		setKey(s.doc, m, "panel", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s.Meta.Panel})
	}
	for _, d := range []struct {
		key string
		t   time.Time
	}{{"created", s.Meta.Created}, {"updated", s.Meta.Updated}} {
		if !d.t.IsZero() {
			setKey(s.doc, m, d.key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: d.t.Format(time.RFC3339)})
		}
	}
	var front bytes.Buffer
	enc := yaml.NewEncoder(&front)
	enc.SetIndent(2)
	// Encoding a tree prep built from a parsed one cannot fail short of a
	// bug in yaml.v3; safely keeps even that from crashing a session.
	if err := safely(func() error { return enc.Encode(s.doc) }); err != nil || enc.Close() != nil {
		front.Reset()
		fmt.Fprintf(&front, "title: %s\nkind: %s\nrank: %d\n", strconv.Quote(title), strconv.Quote(s.Meta.Kind), s.Meta.Rank)
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.Write(front.Bytes())
	b.WriteString("---\n")
	s.BodyLine = strings.Count(b.String(), "\n") + 1
	b.WriteString(s.Body)
	out := b.String()
	if s.crlf {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return []byte(out)
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// setKey sets key's value in mapping m, keeping the comments around the
// old value, or appends the key at the end. An unchanged value is left as
// written (its quotes, its anchor).
func setKey(doc, m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			old := m.Content[i+1]
			if old.Kind == yaml.ScalarNode && old.Tag == v.Tag && old.Value == v.Value {
				return
			}
			if old.Anchor != "" {
				// Other keys may say *anchor: they keep the old value.
				unalias(doc, old)
			}
			v.HeadComment, v.LineComment, v.FootComment = old.HeadComment, old.LineComment, old.FootComment
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// unalias replaces every alias of target under n by a copy of target.
func unalias(n, target *yaml.Node) {
	for i, c := range n.Content {
		if c.Kind == yaml.AliasNode && c.Alias == target {
			cp := *target
			cp.Anchor = ""
			cp.HeadComment, cp.LineComment, cp.FootComment = c.HeadComment, c.LineComment, c.FootComment
			n.Content[i] = &cp
			continue
		}
		unalias(c, target)
	}
}

// freeName is stem.md, or stem-2.md, stem-3.md, … when taken. Names are
// compared without case: on macOS and Windows, Pay.md and pay.md are one.
func freeName(dir, stem string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", readError(dir, err)
	}
	taken := map[string]bool{}
	for _, e := range entries {
		taken[strings.ToLower(e.Name())] = true
	}
	for n := 1; ; n++ {
		name := stem + ".md"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.md", stem, n)
		}
		if !taken[strings.ToLower(name)] {
			return name, nil
		}
	}
}

// StoryFile reads the one story stories/NAME, and no other file: for a
// session writing that story, which needs it fresh at each question and
// not every story of the workspace. ErrNotFound when there is no such
// file; a name that is not a story file's is not found either.
func (w *Workspace) StoryFile(name string) (*Story, error) {
	if !isStoryFile(name) || strings.ContainsAny(name, `/\`) {
		return nil, ErrNotFound
	}
	if _, err := w.checkDir(StoriesDir); err != nil {
		return nil, err
	}
	s, err := readStory(filepath.Join(w.path(StoriesDir), name))
	if err != nil {
		return nil, err
	}
	if s == nil {
		return nil, ErrNotFound
	}
	return s, nil
}

// Refresh reads s's file again: s itself when the file is as s was read
// or last written, else the story the file holds now (the candidate
// edited it meanwhile). Only a changed file is parsed again. ErrNotFound
// when the file is gone.
func (w *Workspace) Refresh(s *Story) (*Story, error) {
	data, exists, err := readFile(s.Path)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, ErrNotFound
	}
	if s.disk.read && s.disk.exists && !s.disk.changed(data, true) {
		return s, nil
	}
	return parseStory(s.Path, data)
}
