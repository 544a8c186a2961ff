// Package content embeds the default content pack, so a bare prep binary
// works with no files beside it. The YAML here is the product's teaching
// text; edit it, not Go strings, to change what prep says.
package content

import "embed"

// FS holds pack.yaml and the panels, rubrics, banks, examples and
// reference directories. "all:" keeps a directory embeddable while it
// holds only its .keep file; the loader skips names starting with ".".
//
//go:embed *.yaml panels rubrics banks all:examples all:reference
var FS embed.FS
