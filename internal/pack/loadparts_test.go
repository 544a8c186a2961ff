package pack

import (
	"errors"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/prepcli/prep/content"
)

// keep is what a partial load of p should give.
func keep(p *Pack, parts Parts) *Pack {
	out := &Pack{}
	if parts&PartMeta != 0 {
		out.Meta = p.Meta
	}
	if parts&PartPanels != 0 {
		out.Panels = p.Panels
	}
	if parts&PartRubrics != 0 {
		out.Rubrics = p.Rubrics
	}
	if parts&PartExercises != 0 {
		out.Exercises = p.Exercises
	}
	if parts&PartTradeoffs != 0 {
		out.Tradeoffs = p.Tradeoffs
	}
	if parts&PartFollowups != 0 {
		out.Followups = p.Followups
	}
	if parts&PartComponents != 0 {
		out.Components = p.Components
	}
	if parts&PartExamples != 0 {
		out.Examples = p.Examples
	}
	if parts&PartReferences != 0 {
		out.References = p.References
	}
	return out
}

var someParts = []Parts{
	PartRubrics | PartMeta, PartMeta, PartPanels, PartRubrics, PartExercises, PartTradeoffs, PartFollowups,
	PartPanels | PartRubrics, PartExercises | PartTradeoffs | PartFollowups, PartAll, 0,
	PartComponents, PartExamples | PartReferences, PartExercises | PartComponents,
}

func TestLoadPartsGivesWhatLoadGives(t *testing.T) {
	packs := []struct {
		name   string
		layers []Source
	}{
		{"default", []Source{{FS: content.FS, Name: Embedded}}},
		{"valid", []Source{dirSource("testdata/valid")}},
		{"valid with overlay", []Source{dirSource("testdata/valid"), dirSource("testdata/overlay")}},
		{"default with overlay", []Source{{FS: content.FS, Name: Embedded}, dirSource("testdata/overlay")}},
	}
	for _, pk := range packs {
		full, err := Load(pk.layers...)
		if err != nil {
			t.Fatalf("%s: Load: %v", pk.name, err)
		}
		for _, parts := range someParts {
			got, err := LoadParts(parts, pk.layers...)
			if err != nil {
				t.Errorf("%s: LoadParts(%v): %v", pk.name, parts, err)
				continue
			}
			if diff := cmp.Diff(keep(full, parts), got); diff != "" {
				t.Errorf("%s: LoadParts(%v) (-want +got):\n%s", pk.name, parts, diff)
			}
		}
	}
}

// A partial load checks what it loads, however the files are split.
func TestLoadPartsProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"pack.yaml": {Data: []byte("pack: {name: d, version: '1', welcome: hi}\n")},
		// Not parsed for rubrics: its problems are not the checker's.
		"panels/broken.yaml": {Data: []byte("panels:\n  - id: x\n    title: [unclosed\n")},
		"banks/bank.yaml":    {Data: []byte("exercises:\n  - {id: e, title: E, kind: nope, prompt: P}\n")},
		// Parsed for its rubric, so its panel's unknown key is reported too.
		"mixed.yaml": {Data: []byte("panels:\n  - id: y\n    colour: red\nrubrics:\n  - id: star\n    summary: S\n" +
			"    sections:\n      - {id: a, title: A, question: Q, guidance: G, missing: M, level: required}\n")},
		// An unknown top-level key makes the scan unsure: parsed and reported.
		"typo.yaml": {Data: []byte("rubric:\n  - id: scale\n")},
	}
	_, err := LoadParts(PartRubrics|PartMeta, Source{FS: fsys, Name: Embedded})
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("LoadParts error = %v, want Problems", err)
	}
	want := Problems{
		{"embedded:mixed.yaml", 3, `unknown key "colour" in a panel; remove it or check its spelling (known keys: id, title, summary, overview, rubric, looks_for, prepare, during, guides)`},
		{"embedded:mixed.yaml", 5, `rubric "star" has no title; add "title: ..."`},
		{"embedded:typo.yaml", 1, `unknown top-level key "rubric"; remove it or check its spelling (known keys: pack, panels, rubrics, exercises, tradeoffs, followups, components, examples, references)`},
	}
	if diff := cmp.Diff(want, ps); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestLoadPartsReferences(t *testing.T) {
	fsys := fstest.MapFS{
		"panels.yaml": {Data: []byte("panels:\n  - {id: p, title: P, summary: S, overview: O, rubric: nope}\n")},
		"rubrics.yaml": {Data: []byte("rubrics:\n  - id: star\n    title: T\n    summary: S\n" +
			"    sections:\n      - {id: a, title: A, question: Q, guidance: G, missing: M, level: required}\n")},
	}
	src := Source{FS: fsys, Name: Embedded}
	// Without the rubrics the panel's rubric cannot be checked, and
	// without PartMeta the missing "pack:" block is not asked for.
	p, err := LoadParts(PartPanels, src)
	if err != nil {
		t.Fatalf("LoadParts(panels): %v", err)
	}
	if len(p.Panels) != 1 || len(p.Rubrics) != 0 {
		t.Errorf("LoadParts(panels) = %d panels, %d rubrics; want 1 and 0", len(p.Panels), len(p.Rubrics))
	}
	_, err = LoadParts(PartPanels|PartRubrics, src)
	want := error(Problems{{"embedded:panels.yaml", 2, `panel "p" uses rubric "nope", which the pack does not define; use one of: star, or add that rubric`}})
	if diff := cmp.Diff(want, err); diff != "" {
		t.Errorf("LoadParts(panels|rubrics) error (-want +got):\n%s", diff)
	}
	_, err = LoadParts(PartMeta, src)
	want = Problems{{"embedded", 0, `no "pack:" block in any file; add one with name, version and welcome`}}
	if diff := cmp.Diff(want, err); diff != "" {
		t.Errorf("LoadParts(meta) error (-want +got):\n%s", diff)
	}
}

func TestPartsString(t *testing.T) {
	for parts, want := range map[Parts]string{
		0: "none", PartAll: "all", PartRubrics | PartMeta: "pack|rubrics", PartFollowups: "followups",
	} {
		if got := parts.String(); got != want {
			t.Errorf("Parts(%d).String() = %q, want %q", uint8(parts), got, want)
		}
	}
}

// hintedFS is an FS that says, for the files it has hints for, which
// parts they declare, as a bundled pack does.
type hintedFS struct {
	fstest.MapFS
	hints map[string]Parts
}

func (h hintedFS) FileParts(name string) (Parts, bool) {
	ps, ok := h.hints[name]
	return ps, ok
}

// A partial load leaves unread the files a PartsFS says hold none of the
// parts asked for, and reads every other file; a full load reads them
// all.
func TestPartialLoadSkipsHintedFiles(t *testing.T) {
	fsys := hintedFS{
		MapFS: fstest.MapFS{
			"pack.yaml":         {Data: []byte("pack:\n  name: acme\n  version: \"1\"\n  welcome: hi\n")},
			"banks/broken.yaml": {Data: []byte("pack: [\n")},
			"other.yaml":        {Data: []byte("pack: [\n")},
		},
		hints: map[string]Parts{"pack.yaml": PartMeta, "banks/broken.yaml": PartTradeoffs},
	}
	src := Source{FS: fsys, Name: "bundled:acme"}
	problems := func(parts Parts) []string {
		_, err := LoadParts(parts, src)
		var ps Problems
		errors.As(err, &ps)
		var files []string
		for _, p := range ps {
			if !slices.Contains(files, p.File) {
				files = append(files, p.File)
			}
		}
		return files
	}
	// Both files hold a broken pack block. broken.yaml is skipped on its
	// hint, which says otherwise; other.yaml has none, and is read.
	if diff := cmp.Diff([]string{"bundled:acme/other.yaml"}, problems(PartMeta)); diff != "" {
		t.Errorf("meta load, files with problems (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"bundled:acme/banks/broken.yaml", "bundled:acme/other.yaml"}, problems(PartAll)); diff != "" {
		t.Errorf("full load, files with problems (-want +got):\n%s", diff)
	}
}

// PartsOf reads back Parts.String, and takes a name it does not know,
// from a later prep, for every part.
func TestPartsOfReadsString(t *testing.T) {
	for ps := Parts(0); ps <= PartAll; ps++ {
		if got := PartsOf(ps.String()); got != ps {
			t.Fatalf("PartsOf(%q) = %v, want %v", ps.String(), got, ps)
		}
	}
	for _, s := range []string{"", "rubrics|videos", "videos"} {
		if got := PartsOf(s); got != PartAll {
			t.Errorf("PartsOf(%q) = %v, want all", s, got)
		}
	}
}
