package root

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
)

func newCmdCompletion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: strings.TrimSpace(`
Print the script that teaches your shell to complete prep's commands and
flags. Load it once per session, or save it where your shell looks.`),
		Example: strings.Trim(`
  source <(prep completion bash)
  prep completion zsh > "${fpath[1]}/_prep"
  prep completion fish > ~/.config/fish/completions/prep.fish
  prep completion powershell | Out-String | Invoke-Expression`, "\n"),
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := f.IOStreams.Out
			root := cmd.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			default:
				return root.GenPowerShellCompletionWithDesc(out)
			}
		},
	}
}
