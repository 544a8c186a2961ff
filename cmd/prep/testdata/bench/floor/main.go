// Command floor is the start-up floor `prep check` is measured against
// (docs/performance.md): a program that links the libraries prep must use,
// at prep's versions (this module's go.mod), and does the least a prep
// command does with them: cobra parses the arguments and one flag is
// settled through an own viper instance. It lives under testdata so that
// `go build ./...` and the release never build it.
package main

import (
	"fmt"
	"os"

	"github.com/AlecAivazis/survey/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"
)

// useAll calls into survey and yaml.v3 so that the linker keeps their
// code, as prep's binary does. A blank reference (`_ = survey.AskOne`)
// is dropped by the compiler, and with it all but the packages' init
// code: the floor was 5.0 MB so, and is 7.5 MB (stripped) with them linked.
func useAll() error {
	var answer string
	if err := survey.AskOne(&survey.Input{Message: "?"}, &answer); err != nil {
		return err
	}
	var doc yaml.Node
	return yaml.Unmarshal([]byte(answer), &doc)
}

func main() {
	v := viper.New()
	cmd := &cobra.Command{
		Use:           "floor [file]",
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch v.GetString("format") {
			case "":
				return fmt.Errorf("no format")
			case "prompt": // never given by the measurements
				return useAll()
			}
			return nil
		},
	}
	cmd.Flags().String("format", "text", "output format")
	if err := v.BindPFlag("format", cmd.Flags().Lookup("format")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	v.SetEnvPrefix("FLOOR")
	v.AutomaticEnv()
	if err := cmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
