// Package content embeds the default content pack, so a bare prep binary
// works with no files beside it. The YAML here is the product's teaching
// text; edit it, not Go strings, to change what prep says.
package content

import "embed"

// FS holds pack.yaml and the panels, rubrics and banks directories.
//
//go:embed *.yaml panels rubrics banks
var FS embed.FS
