// Package version implements `prep version`.
package version

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/buildinfo"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
)

// Options are what `prep version` needs.
type Options struct {
	IO     *iostreams.IOStreams
	Build  cmdutil.BuildInfo
	Pack   func() (*pack.Pack, error)
	Layers func() ([]pack.Source, error)
}

// NewCmdVersion builds the command; runF replaces the run function in tests.
func NewCmdVersion(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Build: f.Build, Layers: f.Layers,
		Pack: func() (*pack.Pack, error) { return f.PackParts(pack.PartMeta) }}
	return &cobra.Command{
		Use:     "version",
		Short:   "Print prep's version and the content pack in use",
		Example: "  prep version\n  prep --content ./acme version",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
}

// Run prints the binary's version, then the pack's. The binary's line comes
// first so it is there even when the pack cannot be loaded.
func Run(opts *Options) error {
	fmt.Fprintln(opts.IO.Out, Line(opts.Build))
	p, err := opts.Pack()
	if err != nil {
		return err
	}
	layers, err := opts.Layers()
	if err != nil {
		return err
	}
	line, err := buildinfo.ContentLine(p.Meta, layers)
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, line)
	return nil
}

// Line is the one-line version of the binary.
func Line(b cmdutil.BuildInfo) string {
	s := "prep " + b.Version
	var extra []string
	if b.Commit != "" {
		extra = append(extra, "commit "+b.Commit)
	}
	if b.Date != "" {
		extra = append(extra, "built "+b.Date)
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}
