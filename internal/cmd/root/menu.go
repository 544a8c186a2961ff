package root

import (
	"fmt"
	"text/tabwriter"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/packdoc"
)

// runMenu is what a candidate sees on typing just `prep` in a terminal: the
// pack's welcome, the panels in interview order, and where to go next.
func runMenu(f *cmdutil.Factory) error {
	p, err := f.Pack()
	if err != nil {
		return err
	}
	out := f.IOStreams.Out
	title := "prep"
	if p.Meta.Company != "" {
		title += " · " + p.Meta.Company
	}
	fmt.Fprintf(out, "%s\n\n%s\n\nPanels\n", title, packdoc.Wrap(p.Meta.Welcome, "", "", packdoc.Width))
	for _, panel := range p.Panels {
		fmt.Fprintf(out, "  %s\n%s\n", panel.Title, packdoc.Wrap(panel.Summary, "    ", "    ", packdoc.Width))
	}

	fmt.Fprintln(out, "\nNext")
	tw := tabwriter.NewWriter(out, 0, 0, 3, ' ', 0)
	for _, panel := range p.Panels {
		fmt.Fprintf(tw, "  prep content show panel/%s\twhat the %s looks for\n", panel.ID, panel.Title)
	}
	fmt.Fprintf(tw, "  prep check FILE\tcheck a written answer for missing sections\n")
	fmt.Fprintf(tw, "  prep --help\tevery command\n")
	return tw.Flush()
}
