// Package compiled holds the embedded content pack compiled to Go data at
// build time: with the built-in pack alone, no command parses YAML (the
// whole pack took some 58 ms to parse, on every run of prep background,
// technical or status), and the data is laid out by the linker, not built
// at run time. The YAML under content/ stays the source; gen.go writes
// embedded_gen.go from it (go generate ./internal/pack/compiled), a test
// checks the two agree, and CI checks the file is up to date.
package compiled

import "github.com/prepcli/prep/internal/pack"

//go:generate go run gen.go

// Parts is what the compiled pack holds: all of it. A pack laid over it
// (bundled, --content) is parsed as before.
const Parts = pack.PartAll

// Embedded returns the embedded pack's Parts, as pack.LoadParts(Parts,
// the embedded source) would. The pack and its slices are shared: callers
// must not modify them, as no caller of a loaded pack does.
func Embedded() *pack.Pack {
	p := *embedded
	return &p
}
