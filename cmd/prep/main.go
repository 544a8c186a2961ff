// Command prep is an offline coach for a three-panel engineering interview.
package main

import (
	"os"

	"github.com/prepcli/prep/internal/cmd/root"
	"github.com/prepcli/prep/internal/cmdutil"
)

// Set by the release build through -ldflags "-X main.version=…".
var (
	version = "dev"
	commit  = ""
	date    = ""
)

func main() { os.Exit(run()) }

func run() int {
	return root.Process(cmdutil.BuildInfo{Version: version, Commit: commit, Date: date})
}
