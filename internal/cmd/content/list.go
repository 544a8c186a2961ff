package content

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/text"
)

// ListOptions are what `prep content list` needs.
type ListOptions struct {
	IO     *iostreams.IOStreams
	Pack   func() (*pack.Pack, error)
	Type   string
	Format string
}

// NewCmdList builds `prep content list`; runF replaces RunList in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: f.IOStreams, Pack: f.Pack}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the entries of the content pack in use",
		Long: strings.TrimSpace(`
List every entry of the pack in use (the built-in one, with --content laid
over it): its type, id, title and the file and line it comes from. In a
terminal the list is a table; piped, it is tab-separated with no header.`),
		Example: strings.Trim(`
  prep content list
  prep content list --type exercise
  prep --content ./acme content list --format json`, "\n"),
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return RunList(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Type, "type", "", "only entries of this type: panel, rubric, exercise, tradeoff, followup, component, example, reference")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	return cmd
}

type listed struct {
	Type  string `json:"type"`
	ID    string `json:"id"`
	Title string `json:"title"`
	File  string `json:"file"`
	Line  int    `json:"line"`
}

// RunList prints the entries.
func RunList(opts *ListOptions) error {
	if opts.Format != "text" && opts.Format != "json" {
		return cmdutil.FlagErrorf("--format %q: use text or json", opts.Format)
	}
	typ := ""
	if opts.Type != "" {
		t, ok := pack.EntryType(opts.Type)
		if !ok {
			return cmdutil.FlagErrorf("--type %q: use %s", opts.Type, pack.TypeList)
		}
		typ = t
	}
	p, err := opts.Pack()
	if err != nil {
		return err
	}
	rows := []listed{}
	for _, e := range p.Entries() {
		if typ == "" || e.Type == typ {
			rows = append(rows, listed{e.Type, e.ID, e.Title, e.Src.File, e.Src.Line})
		}
	}
	out := opts.IO.Out
	if opts.Format == "json" {
		// JSON escapes control characters itself.
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	for i := range rows {
		// A pack's text reaches the terminal clean and on one line, which
		// also keeps a tab in a title from adding a column.
		r := &rows[i]
		r.ID, r.Title, r.File = text.CleanLine(r.ID), text.CleanLine(r.Title), text.CleanLine(r.File)
	}
	if !opts.IO.IsStdoutTTY() {
		for _, r := range rows {
			fmt.Fprintf(out, "%s\t%s\t%s\t%s:%d\n", r.Type, r.ID, r.Title, r.File, r.Line)
		}
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TYPE\tID\tTITLE\tFROM")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s:%d\n", r.Type, r.ID, truncate(r.Title, 60), r.File, r.Line)
	}
	return tw.Flush()
}

// truncate keeps a table row on one terminal line.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
