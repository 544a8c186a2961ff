package pack

import (
	"fmt"
	"strconv"

	"github.com/prepcli/prep/internal/progname"
)

// Problem is one thing wrong with a pack, placed so an author can go
// straight to it.
type Problem struct {
	File    string // as shown to the user: "DIR/panels/x.yaml" or "embedded:panels/x.yaml"
	Line    int    // 1-based; 0 when the problem is about the whole file or pack
	Message string // lowercase, one line: what is wrong and what to do
}

func (p Problem) Error() string {
	switch {
	case p.File == "":
		return p.Message
	case p.Line > 0:
		return p.File + ":" + strconv.Itoa(p.Line) + ": " + p.Message
	default:
		return p.File + ": " + p.Message
	}
}

// Problems is every problem Load found. As an error it shows only the
// first, because commands print errors on one line; callers that want the
// full list (prep content validate) range over it.
type Problems []Problem

func (ps Problems) Error() string {
	switch len(ps) {
	case 0:
		return "no problems"
	case 1:
		return ps[0].Error()
	default:
		return fmt.Sprintf("%s (and %d more; run '%s content validate' to see all)", ps[0].Error(), len(ps)-1, progname.Name())
	}
}
