// Package buildinfo names what a prep runs: the content pack in use, the
// layers it is made of and their checksum, in the one line prep version
// and prep content bundle both print.
package buildinfo

import (
	"fmt"
	"strings"

	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/text"
)

// ContentLine names the pack in use, the layers it is made of and their
// checksum: "content: acme 1.0 (embedded + bundled:acme; sha256 0123456789ab)".
// `prep content bundle` prints it too, so a recruiter can compare it with
// what an applicant's copy says.
func ContentLine(meta pack.Meta, layers []pack.Source) (string, error) {
	sum, err := pack.Checksum(layers...)
	if err != nil {
		return "", err
	}
	names := make([]string, len(layers))
	for i, l := range layers {
		names[i] = l.Name
	}
	// The name and version are the pack author's text: one line, and no
	// control characters for the terminal to act on.
	return text.CleanLine(fmt.Sprintf("content: %s %s (%s; sha256 %s)", meta.Name, meta.Version, strings.Join(names, " + "), sum[:12])), nil
}
