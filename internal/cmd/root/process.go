package root

import (
	"os"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/progname"
)

// Process is the whole of prep's main: the process's arguments, streams and
// name. cmd/prep calls it, and so do the test binaries that run
// themselves as prep rather than building it.
func Process(build cmdutil.BuildInfo) int {
	// Every help text, hint and error names the command as it was run:
	// prep-acme for a recruiter's copy renamed so.
	progname.Set(os.Args[0])
	return Main(os.Args[1:], iostreams.System(), build)
}
