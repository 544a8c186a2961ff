package pack

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/filekind"
)

// Embedded is the Source name of the pack built into the binary; its files
// are shown as "embedded:panels/x.yaml".
const Embedded = "embedded"

// Source is one layer of a pack: a tree of YAML files.
type Source struct {
	FS fs.FS
	// Name is how the layer's files are shown in messages: a directory
	// path ("DIR/panels/x.yaml"), or Embedded or any name ending in ":"
	// for a pack inside the binary ("embedded:panels/x.yaml").
	Name string
}

// Dir is the layer held in a directory on disk, as given with --content.
func Dir(dir string) Source {
	return Source{FS: os.DirFS(dir), Name: dir}
}

// show is how a file of the layer is named in Src and problems.
func (s Source) show(p string) string {
	name := s.Name
	if name == Embedded {
		name += ":"
	}
	switch {
	case p == ".":
		if name == "" {
			return "."
		}
		return strings.TrimSuffix(name, ":")
	case name == "":
		return p
	case strings.HasSuffix(name, ":") || strings.HasSuffix(name, "/") || strings.HasSuffix(name, string(os.PathSeparator)):
		return name + p
	default:
		return name + "/" + p
	}
}

// Load reads the layers in order, each laid over the ones before it, and
// validates the result. Within a layer every *.yaml and *.yml file is read,
// in lexical path order; names starting with "." (editor and VCS files) are
// skipped. A later layer replaces an earlier layer's entries with the same
// type and id and adds its new ones at the end; its non-empty pack fields
// replace the earlier ones. On failure the error is Problems, holding
// everything found.
func Load(layers ...Source) (*Pack, error) {
	return LoadParts(PartAll, layers...)
}

// LoadParts is Load keeping only the entry types in parts; the others are
// left empty (Meta zero without PartMeta). A file is parsed only when a
// byte scan of its top-level keys says it may hold a wanted type, and
// whenever the scan is unsure it is parsed, so the entries kept are those
// Load gives, at a fraction of the cost. Problems are those of the files
// parsed and of the entries kept; references to types not loaded (a
// panel's rubric without PartRubrics) are not checked, and without
// PartMeta a missing "pack:" block is not asked for. A pack that Load
// accepts, LoadParts accepts too, with the same entries.
func LoadParts(parts Parts, layers ...Source) (*Pack, error) {
	l := newLoader(parts)
	for _, src := range layers {
		l.layer(src)
	}
	return l.finish()
}

// LoadPartsOver is LoadParts(parts, baseSrc, over...) for a base layer
// already loaded: base is what LoadParts(PartAll, baseSrc) gives (the
// built-in pack compiled to Go data, see package compiled), so only the
// layers over it are parsed, which spares a recruiter's bundled copy and
// --content the built-in pack's YAML on every run. A pack with problems
// is loaded again from baseSrc's files, so that every problem is placed
// in the YAML it is about, as LoadParts places it. base is not modified.
func LoadPartsOver(parts Parts, base *Pack, baseSrc Source, over ...Source) (*Pack, error) {
	l := newLoader(parts)
	l.seed(base, baseSrc)
	for _, src := range over {
		l.layer(src)
	}
	p, err := l.finish()
	if err != nil {
		return LoadParts(parts, append([]Source{baseSrc}, over...)...)
	}
	return p, nil
}

func newLoader(parts Parts) *loader {
	return &loader{parts: parts & PartAll, order: map[string]int{}, tables: newTables()}
}

// seed lays base, the pack src gave, as the first layer, keeping parts.
// Its entries have no YAML nodes: a problem found with them makes
// LoadPartsOver load src's YAML after all. merge copies the entries, so
// base is not changed.
func (l *loader) seed(base *Pack, src Source) {
	l.root = src.show(".")
	l.order[l.root] = 0
	ly := newTables()
	if l.parts&PartMeta != 0 {
		m := base.Meta
		ly.meta = &m
	}
	seed(l.parts&PartPanels, &ly.panels, base.Panels)
	seed(l.parts&PartRubrics, &ly.rubrics, base.Rubrics)
	seed(l.parts&PartExercises, &ly.exercises, base.Exercises)
	seed(l.parts&PartTradeoffs, &ly.tradeoffs, base.Tradeoffs)
	seed(l.parts&PartFollowups, &ly.followups, base.Followups)
	seed(l.parts&PartComponents, &ly.components, base.Components)
	seed(l.parts&PartExamples, &ly.examples, base.Examples)
	seed(l.parts&PartReferences, &ly.references, base.References)
	l.merge(&ly)
}

// seed gives a layer's table items, with no YAML nodes, when kept is
// not zero.
func seed[T any](kept Parts, t *table[T], items []T) {
	if kept != 0 {
		t.items, t.nodes = items, make([]*yaml.Node, len(items))
	}
}

// finish validates the layers laid so far and gives the pack.
func (l *loader) finish() (*Pack, error) {
	p := &Pack{
		Panels:     l.panels.items,
		Rubrics:    l.rubrics.items,
		Exercises:  l.exercises.items,
		Tradeoffs:  l.tradeoffs.items,
		Followups:  l.followups.items,
		Components: l.components.items,
		Examples:   l.examples.items,
		References: l.references.items,
	}
	if l.meta != nil {
		p.Meta = *l.meta
	}
	l.validate(p)
	if len(l.probs) > 0 {
		return nil, l.sorted()
	}
	return p, nil
}

type loader struct {
	parts   Parts
	metaBad bool // a "pack:" block was reported as the wrong type
	// tables are what the layers laid so far give.
	tables

	root   string // the first layer, where a problem about the whole pack goes
	probs  []Problem
	order  map[string]int // file -> reading order, to list problems file by file
	failed map[*yaml.Node]bool
	// broken is set once any file could not be read completely; reference
	// checks are skipped then, since what they refer to may be in that file.
	broken bool
}

func (l *loader) add(file string, line int, msg string) {
	l.probs = append(l.probs, Problem{file, line, msg})
}

func (l *loader) layer(src Source) {
	root := src.show(".")
	if src.FS == nil {
		if l.root == "" {
			l.root = root
		}
		l.broken = true
		l.add(root, 0, "no files to read for this pack; give a directory holding the pack's YAML files")
		return
	}
	if l.root == "" {
		l.root = root
	}
	l.order[root] = len(l.order)
	var files []string
	unreadable := false
	err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			unreadable = true
			l.broken = true
			l.add(src.show(p), 0, "cannot read: "+describe(err)+"; check that it exists and that you may read it")
			if d != nil && d.IsDir() && p != "." {
				return fs.SkipDir
			}
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(path.Ext(p))
		if ext == ".yaml" || ext == ".yml" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		l.broken = true
		l.add(root, 0, "cannot read: "+describe(err)+"; check that it exists and that you may read it")
		return
	}
	if len(files) == 0 && !unreadable {
		l.add(root, 0, "no .yaml or .yml files found; check the path, or add the pack's YAML files")
		return
	}
	// WalkDir visits in lexical order within each directory, which is not
	// lexical order of whole paths ("a/b" before "a-b"); sort to match the
	// documented order.
	sort.Strings(files)

	ly := newTables()
	// One buffer serves every file: nothing decoded points into it (yaml.v3
	// copies what it keeps), and a partial load skips most of what it reads.
	var buf []byte
	hints, _ := src.FS.(PartsFS)
	for _, p := range files {
		name := src.show(p)
		l.order[name] = len(l.order)
		if hints != nil && l.parts != PartAll {
			if ps, ok := hints.FileParts(p); ok && ps&l.parts == 0 {
				continue
			}
		}
		data, err := readFile(src.FS, p, buf)
		buf = data
		if err != nil {
			l.broken = true
			l.add(name, 0, err.Error())
			continue
		}
		if l.parts != PartAll && topKeys(data)&l.parts == 0 {
			continue
		}
		res := decodeFile(name, data)
		l.probs = append(l.probs, res.probs...)
		if !res.whole {
			l.broken = true
		}
		for n := range res.failed {
			if l.failed == nil {
				l.failed = map[*yaml.Node]bool{}
			}
			l.failed[n] = true
		}
		l.collect(&ly, name, &res)
	}
	l.merge(&ly)
}

func overlayMeta(dst, src *Meta) {
	if src.Name != "" {
		dst.Name = src.Name
	}
	if src.Company != "" {
		dst.Company = src.Company
	}
	if src.Version != "" {
		dst.Version = src.Version
	}
	if src.Welcome != "" {
		dst.Welcome = src.Welcome
	}
	overlayRehearse(&dst.Rehearse, &src.Rehearse)
	if src.Sheet.PitchTitles != nil {
		dst.Sheet.PitchTitles = src.Sheet.PitchTitles
	}
	if src.Sheet.ChoiceWords != nil {
		dst.Sheet.ChoiceWords = src.Sheet.ChoiceWords
	}
	if src.Sheet.LearnWords != nil {
		dst.Sheet.LearnWords = src.Sheet.LearnWords
	}
	d, o := &dst.Drill, &src.Drill
	c, oc := &dst.Culture, &src.Culture
	for _, f := range []struct{ d, s *string }{
		{&d.GradeHelp, &o.GradeHelp}, {&d.Tradeoff, &o.Tradeoff}, {&d.OwnChoice, &o.OwnChoice}, {&d.Weighed, &o.Weighed},
		{&c.WhyTeam.Ask, &oc.WhyTeam.Ask}, {&c.WhyTeam.Hint, &oc.WhyTeam.Hint},
		{&c.Read.Ask, &oc.Read.Ask}, {&c.Read.Hint, &oc.Read.Hint},
		{&c.OpenSource.Ask, &oc.OpenSource.Ask}, {&c.OpenSource.Hint, &oc.OpenSource.Hint},
		{&c.Questions.Ask, &oc.Questions.Ask}, {&c.Questions.Hint, &oc.Questions.Hint},
		{&c.Update.Ask, &oc.Update.Ask}, {&c.Update.Hint, &oc.Update.Hint},
	} {
		if *f.s != "" {
			*f.d = *f.s
		}
	}
	dst.Src = src.Src
}

// overlayRehearse lays an overlay's rehearse block over the base's, field
// by field, as overlayMeta does the pack block's.
func overlayRehearse(dst, src *Rehearse) {
	for _, f := range []struct{ d, s *int }{{&dst.PaceLow, &src.PaceLow}, {&dst.PaceHigh, &src.PaceHigh}} {
		if *f.s != 0 {
			*f.d = *f.s
		}
	}
	for _, f := range []struct{ d, s *string }{{&dst.OverTime, &src.OverTime}, {&dst.SlowPace, &src.SlowPace}, {&dst.FastPace, &src.FastPace}, {&dst.Fillers, &src.Fillers}} {
		if *f.s != "" {
			*f.d = *f.s
		}
	}
}

// tables are a pack's entries, a table a type, and its "pack:" block:
// the loader's, what the layers laid so far give, or one layer's, what
// its files declare before merge lays it over them.
type tables struct {
	meta       *Meta
	panels     table[Panel]
	rubrics    table[Rubric]
	exercises  table[Exercise]
	tradeoffs  table[Tradeoff]
	followups  table[Followup]
	components table[Component]
	examples   table[Example]
	references table[Reference]
}

func newTables() tables {
	var t tables
	t.panels.init("panel", func(p *Panel) string { return p.ID }, func(p *Panel) *Pos { return &p.Src })
	t.rubrics.init("rubric", func(r *Rubric) string { return r.ID }, func(r *Rubric) *Pos { return &r.Src })
	t.exercises.init("exercise", func(e *Exercise) string { return e.ID }, func(e *Exercise) *Pos { return &e.Src })
	t.tradeoffs.init("trade-off", func(t *Tradeoff) string { return t.ID }, func(t *Tradeoff) *Pos { return &t.Src })
	t.followups.init("follow-up", func(f *Followup) string { return f.ID }, func(f *Followup) *Pos { return &f.Src })
	t.components.init("component", func(c *Component) string { return c.ID }, func(c *Component) *Pos { return &c.Src })
	t.examples.init("example", func(e *Example) string { return e.ID }, func(e *Example) *Pos { return &e.Src })
	t.references.init("reference", func(r *Reference) string { return r.ID }, func(r *Reference) *Pos { return &r.Src })
	return t
}

// merge lays the layer ly over t: see table.merge and overlayMeta.
func (t *tables) merge(ly *tables) {
	t.panels.merge(&ly.panels)
	t.rubrics.merge(&ly.rubrics)
	t.exercises.merge(&ly.exercises)
	t.tradeoffs.merge(&ly.tradeoffs)
	t.followups.merge(&ly.followups)
	t.components.merge(&ly.components)
	t.examples.merge(&ly.examples)
	t.references.merge(&ly.references)
	if ly.meta != nil {
		if t.meta == nil {
			t.meta = ly.meta
		} else {
			overlayMeta(t.meta, ly.meta)
		}
	}
}

func (l *loader) collect(ly *tables, file string, res *fileResult) {
	f := &res.file
	if l.parts&PartMeta == 0 {
		f.Pack = nil
	} else if _, v := lookup(res.root, "pack"); v != nil && res.failed[v] {
		l.metaBad = true
	}
	if f.Pack != nil {
		k, _ := lookup(res.root, "pack")
		f.Pack.Src = Pos{file, lineOf(k)}
		if ly.meta != nil {
			l.add(file, f.Pack.Src.Line, `a second "pack:" block in this layer (the first is at `+posString(ly.meta.Src)+`); keep one`)
		} else {
			ly.meta = f.Pack
		}
	}
	// A file parsed for one type may hold others; they stay out of a
	// partial pack, unvalidated, as if their files had been skipped.
	if l.parts&PartPanels != 0 {
		ly.panels.addFile(l, file, res.root, "panels", f.Panels)
	}
	if l.parts&PartRubrics != 0 {
		ly.rubrics.addFile(l, file, res.root, "rubrics", f.Rubrics)
	}
	if l.parts&PartExercises != 0 {
		ly.exercises.addFile(l, file, res.root, "exercises", f.Exercises)
	}
	if l.parts&PartTradeoffs != 0 {
		ly.tradeoffs.addFile(l, file, res.root, "tradeoffs", f.Tradeoffs)
	}
	if l.parts&PartFollowups != 0 {
		ly.followups.addFile(l, file, res.root, "followups", f.Followups)
	}
	if l.parts&PartComponents != 0 {
		ly.components.addFile(l, file, res.root, "components", f.Components)
	}
	if l.parts&PartExamples != 0 {
		ly.examples.addFile(l, file, res.root, "examples", f.Examples)
	}
	if l.parts&PartReferences != 0 {
		ly.references.addFile(l, file, res.root, "references", f.References)
	}
}

// table holds the entries of one type, with the YAML node each came from
// so validation can place problems inside it.
type table[T any] struct {
	typ   string
	id    func(*T) string
	src   func(*T) *Pos
	items []T
	nodes []*yaml.Node
	index map[string]int
}

func (t *table[T]) init(typ string, id func(*T) string, src func(*T) *Pos) {
	t.typ, t.id, t.src = typ, id, src
	t.index = map[string]int{}
}

// addFile adds one file's entries to a layer; a repeated id within the
// layer is a problem, and the first declaration stays.
func (t *table[T]) addFile(l *loader, file string, root *yaml.Node, key string, items []T) {
	if len(items) == 0 {
		return
	}
	var seq []*yaml.Node
	if _, v := lookup(root, key); v != nil {
		seq = v.Content
	}
	for i := range items {
		it := &items[i]
		var n *yaml.Node
		if i < len(seq) {
			n = seq[i]
			*t.src(it) = Pos{file, n.Line}
			n = deref(n)
		} else {
			*t.src(it) = Pos{File: file}
		}
		if n != nil && l.failed[n] {
			// Already reported as not a mapping; it has no fields to check.
			continue
		}
		id := t.id(it)
		if j, ok := t.index[id]; ok && id != "" {
			first := *t.src(&t.items[j])
			l.add(file, t.src(it).Line, "duplicate "+t.typ+" id "+quote(id)+" (first at "+posString(first)+"); rename or remove one")
			continue
		}
		if id != "" {
			t.index[id] = len(t.items)
		}
		t.items = append(t.items, *it)
		t.nodes = append(t.nodes, n)
	}
}

// merge lays a layer's entries over the table: same id replaces in place,
// a new id goes at the end.
func (t *table[T]) merge(ly *table[T]) {
	for i := range ly.items {
		id := t.id(&ly.items[i])
		if j, ok := t.index[id]; ok && id != "" {
			t.items[j] = ly.items[i]
			t.nodes[j] = ly.nodes[i]
			continue
		}
		if id != "" {
			t.index[id] = len(t.items)
		}
		t.items = append(t.items, ly.items[i])
		t.nodes = append(t.nodes, ly.nodes[i])
	}
}

// readFile reads a file into buf's storage, growing it as needed. Only a
// regular file is opened: a named pipe would block the open, and a device
// (a link to /dev/zero) never ends; what is read is bounded in any case.
func readFile(fsys fs.FS, p string, buf []byte) ([]byte, error) {
	if info, err := fs.Stat(fsys, p); err == nil && !info.Mode().IsRegular() {
		return buf[:0], errors.New("not a regular file (" + filekind.Of(info.Mode()) + "); a pack holds YAML files only: remove it or put the file itself in its place")
	}
	f, err := fsys.Open(p)
	if err != nil {
		return buf[:0], errors.New("cannot read: " + describe(err) + "; check that you may read it")
	}
	defer f.Close()
	// Sizing the buffer from Stat spares io.ReadAll's doubling; the limit
	// still holds if the size is wrong.
	if info, err := f.Stat(); err == nil && info.Size() <= maxFileSize {
		if need := int(info.Size()) + bytes.MinRead; cap(buf) < need {
			buf = make([]byte, 0, need)
		}
	}
	b := bytes.NewBuffer(buf[:0])
	if _, err := b.ReadFrom(io.LimitReader(f, maxFileSize+1)); err != nil {
		return buf[:0], errors.New("cannot read: " + describe(err) + "; check that you may read it")
	}
	return b.Bytes(), nil
}

// describe drops the path an fs error repeats, since the problem names it.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// sorted lists problems file by file in reading order, by line, without
// repeats (an aliased value can be reported once per use).
func (l *loader) sorted() Problems {
	ps := Problems(l.probs)
	rank := func(f string) int {
		if r, ok := l.order[f]; ok {
			return r
		}
		return len(l.order)
	}
	sort.SliceStable(ps, func(i, j int) bool {
		ri, rj := rank(ps[i].File), rank(ps[j].File)
		if ri != rj {
			return ri < rj
		}
		return ps[i].Line < ps[j].Line
	})
	out := ps[:0]
	for _, p := range ps {
		if len(out) > 0 && p == out[len(out)-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}
