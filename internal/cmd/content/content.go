// Package content implements `prep content`: listing, reading, validating
// and exporting content packs.
package content

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
)

// NewCmdContent groups the content subcommands.
func NewCmdContent(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "content",
		Short: "List, read, validate, export and bundle content packs",
		Long: strings.TrimSpace(`
A content pack is a directory of YAML files: the panels, the rubrics the
checker applies, and the banks of exercises, trade-offs and follow-up
questions. One is built into prep; --content DIR lays another over it,
replacing entries with the same id and adding new ones.`),
		Example: strings.Trim(`
  prep content list
  prep content show background
  prep content export mypack && prep content validate mypack
  prep --content mypack check story.md`, "\n"),
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(
		NewCmdList(f, nil),
		NewCmdShow(f, nil),
		NewCmdValidate(f, nil),
		NewCmdExport(f, nil),
		NewCmdInit(f, nil),
		NewCmdBundle(f, nil),
	)
	return cmd
}
