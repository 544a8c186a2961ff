// Command prep is an offline coach for a three-panel engineering interview.
package main

import (
	"os"

	"github.com/prepcli/prep/internal/cmd/root"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/progname"
)

// Set by the release build through -ldflags "-X main.version=…".
var (
	version = "dev"
	commit  = ""
	date    = ""
)

func main() { os.Exit(run()) }

func run() int {
	// Every help text, hint and error names the command as it was run:
	// prep-acme for a recruiter's copy renamed so.
	progname.Set(os.Args[0])
	build := cmdutil.BuildInfo{Version: version, Commit: commit, Date: date}
	return root.Main(os.Args[1:], iostreams.System(), build)
}
