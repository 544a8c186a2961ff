// Package compiled holds the parts of the embedded content pack that prep
// needs at start-up, compiled to Go data at build time: `prep check` then
// parses no YAML, and the data is laid out by the linker, not built at
// run time. The YAML under content/ stays the source; gen.go writes
// embedded_gen.go from it (go generate ./internal/pack/compiled), a test
// checks the two agree, and CI checks the file is up to date.
package compiled

import "github.com/prepcli/prep/internal/pack"

//go:generate go run gen.go

// Parts is what the compiled pack holds: what `prep check` loads. A load
// asking for more parses the YAML as before.
const Parts = pack.PartMeta | pack.PartRubrics

// Embedded returns the embedded pack's Parts, as pack.LoadParts(Parts,
// the embedded source) would. The pack and its slices are shared: callers
// must not modify them, as no caller of a loaded pack does.
func Embedded() *pack.Pack {
	p := *embedded
	return &p
}
