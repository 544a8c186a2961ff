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
Print the script that teaches your shell to complete prep's commands,
flags, and the names of your stories (prep story edit|show|check|rank|rm,
prep story restore). Load it once per session, or save it where your shell
looks.

bash: the script needs the bash-completion package, which most Linux
distributions install with bash (check: type _init_completion). Without
it, bash says "_get_comp_words_by_ref: command not found" at every Tab:
install it (apt install bash-completion, dnf install bash-completion). On
macOS the system's bash 3.2 is too old for bash-completion 2: install a
newer bash and bash-completion@2 with Homebrew, load it from ~/.bash_profile
as brew info bash-completion@2 says, or use zsh, macOS's default shell.

zsh: compinit must be loaded (autoload -U compinit; compinit in ~/.zshrc).`),
		Example: strings.Trim(`
  source <(prep completion bash)
  prep completion bash > ~/.local/share/bash-completion/completions/prep
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
