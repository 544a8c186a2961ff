package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	embedded "github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
)

var builtIn = pack.Source{FS: embedded.FS, Name: pack.Embedded}

func ids(p *pack.Pack) []string {
	var out []string
	for _, e := range p.Entries() {
		out = append(out, e.Type+"/"+e.ID)
	}
	return out
}

// The starter validates as it is, names itself after its directory, and
// holds every entry of the built-in pack with a note on top of each file.
func TestInitWritesAValidStarter(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Acme Corp")
	streams, _, out, errOut := iostreams.Test()
	if err := RunInit(&InitOptions{IO: streams, Embedded: embedded.FS, Dir: dir, Company: `Acme: "the" #1 co.`}); err != nil {
		t.Fatal(err)
	}
	yamls := 0
	fs.WalkDir(embedded.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			yamls++
		}
		return nil
	})
	if want := fmt.Sprintf("wrote %d files to ", yamls); !strings.HasPrefix(out.String(), want) {
		t.Errorf("stdout = %q, want it to start %q", out.String(), want)
	}
	if !strings.Contains(errOut.String(), "prep content bundle "+dir+" -o prep-acme-corp") {
		t.Errorf("stderr does not say how to bundle: %q", errOut.String())
	}

	streams, _, out, _ = iostreams.Test()
	if err := RunValidate(&ValidateOptions{IO: streams, Embedded: builtIn, Dir: dir}); err != nil {
		t.Fatalf("the starter does not validate: %v\n%s", err, out.String())
	}
	if !strings.HasPrefix(out.String(), dir+": valid: 3 panels, ") {
		t.Errorf("validate says %q", out.String())
	}

	p, err := pack.Load(builtIn, pack.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	want := pack.Meta{Name: "acme-corp", Company: `Acme: "the" #1 co.`, Version: "0.1.0"}
	// The starter does not reword rehearse's hints, the sheet's words,
	// the drill's questions or the culture notes': the built-in ones stay.
	if b, err := pack.LoadParts(pack.PartMeta, builtIn); err != nil {
		t.Fatal(err)
	} else {
		want.Rehearse, want.Sheet, want.Drill, want.Culture = b.Meta.Rehearse, b.Meta.Sheet, b.Meta.Drill, b.Meta.Culture
	}
	got := p.Meta
	got.Welcome, got.Src = "", pack.Pos{}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pack meta (-want +got):\n%s", diff)
	}
	if !strings.Contains(p.Meta.Welcome, `prepared by Acme: "the" #1 co. for its three-panel`) {
		t.Errorf("welcome does not name the company: %q", p.Meta.Welcome)
	}
	def, err := pack.Load(builtIn)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ids(def), ids(p)); diff != "" {
		t.Errorf("entries differ from the built-in pack (-builtin +starter):\n%s", diff)
	}
	// Every entry now comes from the starter, so each is there to edit.
	for _, e := range p.Entries() {
		if !strings.HasPrefix(e.Src.File, dir) {
			t.Errorf("%s/%s comes from %s, not the starter", e.Type, e.ID, e.Src.File)
		}
	}

	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case rel == "pack.yaml":
			for _, w := range []string{"name: acme-corp", "Required.", "change it for every copy"} {
				if !strings.Contains(string(b), w) {
					t.Errorf("pack.yaml does not say %q", w)
				}
			}
		case !strings.HasPrefix(string(b), rule) || !strings.Contains(string(b), "replaces it whole"):
			t.Errorf("%s does not open with a note on what to change", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	mine := []byte("pack:\n  name: mine\n")
	if err := os.WriteFile(filepath.Join(dir, "pack.yaml"), mine, 0o644); err != nil {
		t.Fatal(err)
	}
	streams, _, _, _ := iostreams.Test()
	err := RunInit(&InitOptions{IO: streams, Embedded: embedded.FS, Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "already exists; prep will not overwrite it") {
		t.Fatalf("RunInit over a pack = %v; want a refusal", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "pack.yaml")); string(b) != string(mine) {
		t.Error("pack.yaml was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "panels")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a refused init still wrote other files")
	}
}

func TestInitName(t *testing.T) {
	for dir, want := range map[string]string{
		"acme":               "acme",
		"./packs/Acme Corp/": "acme-corp",
		"ACME_2026":          "acme-2026",
		".":                  "my-pack",
		"Été":                "t",
		"--":                 "my-pack",
	} {
		if got := packName(dir); got != want {
			t.Errorf("packName(%q) = %q, want %q", dir, got, want)
		}
	}
	streams, _, _, _ := iostreams.Test()
	err := RunInit(&InitOptions{IO: streams, Embedded: embedded.FS, Dir: t.TempDir(), Name: "Acme Corp"})
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) {
		t.Errorf("--name with a space: %v; want a usage error", err)
	}
}
