package cmdutil

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/prepcli/prep/content"
	"github.com/prepcli/prep/internal/bundle"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/pack/compiled"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/workspace"
)

// BuildInfo is what the release build stamped into the binary.
type BuildInfo struct {
	Version string
	Commit  string
	Date    string
}

// Factory hands each command its dependencies. Settings are resolved once
// the global flags are parsed; the pack is loaded only when a command asks
// for it, so commands that need no content pay nothing for it.
type Factory struct {
	IOStreams *iostreams.IOStreams
	Env       Env
	Now       func() time.Time
	Build     BuildInfo
	// Embedded is the built-in pack; tests swap it for a small one.
	Embedded fs.FS
	// Executable names the running binary, whose tail may carry a pack
	// attached by `prep content bundle`. Nil looks for none (tests that
	// build a Factory by hand).
	Executable func() (string, error)
	// LoadSettings resolves the settings; the root command sets it and
	// calls it before any command runs. Shell completion, which skips
	// that set-up, calls it itself.
	LoadSettings SettingsLoader

	settings Settings

	bundleOnce sync.Once
	bundled    *pack.Source
	bundleErr  error

	packMu sync.Mutex
	packs  map[pack.Parts]packResult // loads done, by the parts asked for
}

type packResult struct {
	pack *pack.Pack
	err  error
}

// New returns a factory for a real run of the program.
func New(streams *iostreams.IOStreams, build BuildInfo) *Factory {
	return &Factory{
		IOStreams:  streams,
		Env:        os.LookupEnv,
		Now:        time.Now,
		Build:      build,
		Embedded:   content.FS,
		Executable: os.Executable,
	}
}

// SetSettings records the resolved settings; the root command calls it
// before any command runs.
func (f *Factory) SetSettings(s Settings) {
	f.settings = s
	f.IOStreams.SetNoColor(s.NoColor)
}

// Settings are the resolved flags, environment and config file.
func (f *Factory) Settings() Settings { return f.settings }

// Layers are the pack sources in force, lowest first: the embedded pack,
// the pack bundled into this binary if it carries one, then the --content
// directory if one is set. A damaged bundled pack is an error here, so
// every command that needs content stops rather than quietly teaching the
// default pack to an applicant who was sent a company's.
func (f *Factory) Layers() ([]pack.Source, error) {
	layers := []pack.Source{{FS: f.Embedded, Name: pack.Embedded}}
	b, err := f.Bundled()
	if err != nil {
		return nil, err
	}
	if b != nil {
		layers = append(layers, *b)
	}
	if dir := f.settings.Content; dir != "" {
		src, err := DirSource(dir)
		if err != nil {
			return nil, err
		}
		layers = append(layers, src)
	}
	return layers, nil
}

// BundledPrefix starts the Source name of a bundled pack: "bundled:acme",
// whose files show as "bundled:acme/panels/x.yaml".
const BundledPrefix = "bundled:"

// Bundled is the pack attached to the running binary by `prep content
// bundle`, or nil when it carries none. The binary's tail is read once.
func (f *Factory) Bundled() (*pack.Source, error) {
	f.bundleOnce.Do(func() {
		if f.Executable == nil {
			return
		}
		exe, err := f.Executable()
		if err != nil {
			// Without its own path prep cannot look; a bundled copy run
			// this way shows "embedded" alone in `prep version`.
			return
		}
		b, err := bundle.Open(exe)
		var damaged *bundle.DamagedError
		switch {
		case errors.As(err, &damaged):
			f.bundleErr = damaged
		case err != nil:
			// An execute-only binary (mode 0711) cannot be read, and is
			// not one `prep content bundle` wrote (it writes 0755).
			return
		case b != nil:
			f.bundled = &pack.Source{FS: b.FS, Name: BundledPrefix + b.Name}
		}
	})
	return f.bundled, f.bundleErr
}

// PackMeta is the name, company, version and welcome text of the pack in
// use, loading nothing else: what a guided session shows as it starts.
func (f *Factory) PackMeta() (pack.Meta, error) {
	p, err := f.PackParts(pack.PartMeta)
	if err != nil {
		return pack.Meta{}, err
	}
	return p.Meta, nil
}

// Pack loads the whole content pack in force, once.
func (f *Factory) Pack() (*pack.Pack, error) {
	return f.PackParts(pack.PartAll)
}

// PackParts loads only the given parts of the content pack in force, for
// commands that would otherwise pay to parse content they never show
// (pack.LoadParts says what is checked). Each parts value is loaded once;
// a pack already loaded without error that holds the parts serves too, so
// the pack returned may hold more than was asked for.
func (f *Factory) PackParts(parts pack.Parts) (*pack.Pack, error) {
	f.packMu.Lock()
	defer f.packMu.Unlock()
	if r, ok := f.packs[parts]; ok {
		return r.pack, r.err
	}
	for have, r := range f.packs {
		// A failed load is not reused: a smaller one may still succeed.
		if r.err == nil && have&parts == parts {
			return r.pack, nil
		}
	}
	var r packResult
	if layers, err := f.Layers(); err != nil {
		r.err = err
	} else {
		r.pack, r.err = LoadPack(parts, layers...)
	}
	if f.packs == nil {
		f.packs = map[pack.Parts]packResult{}
	}
	f.packs[parts] = r
	return r.pack, r.err
}

// LoadPack is pack.LoadParts(parts, layers...), except that when the
// lowest layer is the built-in pack, the pack the compiled data was made
// from (tests may give another), the compiled data stands in for its
// YAML: only what is laid over it is parsed (see package compiled).
func LoadPack(parts pack.Parts, layers ...pack.Source) (*pack.Pack, error) {
	if len(layers) == 0 || parts&^compiled.Parts != 0 {
		return pack.LoadParts(parts, layers...)
	}
	if e, ok := layers[0].FS.(embed.FS); !ok || e != content.FS || layers[0].Name != pack.Embedded {
		return pack.LoadParts(parts, layers...)
	}
	if len(layers) == 1 {
		return compiled.Embedded(), nil
	}
	return pack.LoadPartsOver(parts, compiled.Embedded(), layers[0], layers[1:]...)
}

// DirSource opens a content pack directory, with an error that says what
// to do when it is not one.
func DirSource(dir string) (pack.Source, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return pack.Source{}, fmt.Errorf("%s: no such content pack directory; check --content or PREP_CONTENT ("+progname.Name()+" content export DIR writes a pack to start from)", dir)
	case err != nil:
		return pack.Source{}, fmt.Errorf("%s: cannot open content pack: %v", dir, errors.Unwrap(err))
	case !info.IsDir():
		return pack.Source{}, fmt.Errorf("%s: not a directory; a content pack is a directory of YAML files", dir)
	}
	return pack.Dir(dir), nil
}

// OpenWorkspace opens the workspace with open (a Factory's Workspace)
// and passes on its warning, if any (the folder is readable by others),
// on stderr: it is the candidate's privacy.
func OpenWorkspace(ios *iostreams.IOStreams, open func() (*workspace.Workspace, error)) (*workspace.Workspace, error) {
	ws, err := open()
	if err != nil {
		return nil, err
	}
	if w := ws.Warning(); w != "" {
		ios.Warnf("%s", w)
	}
	return ws, nil
}

// Workspace opens the candidate's workspace (--dir, PREP_DIR, the config
// file's dir, or the data directory), creating it when it is new.
func (f *Factory) Workspace() (*workspace.Workspace, error) {
	return workspace.Open(f.settings.Dir, f.Now)
}
