package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/progname"
)

// ExportOptions are what `prep content export` needs.
type ExportOptions struct {
	IO       *iostreams.IOStreams
	Embedded fs.FS
	Dir      string
}

// NewCmdExport builds `prep content export`; runF replaces RunExport in
// tests.
func NewCmdExport(f *cmdutil.Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: f.IOStreams}
	return &cobra.Command{
		Use:   "export DIR",
		Short: "Write the built-in content pack to a directory, for editing",
		Long: strings.TrimSpace(`
Write the built-in pack's YAML files into DIR (created if needed), so you
can read them, change them and use them with --content DIR. prep never
overwrites: if any of the files is already there, nothing is written.`),
		Example: strings.Trim(`
  prep content export mypack
  prep content validate mypack
  prep --content mypack content show background`, "\n"),
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = args[0]
			opts.Embedded = f.Embedded
			if runF != nil {
				return runF(opts)
			}
			return RunExport(opts)
		},
	}
}

// RunExport copies the embedded pack out. Every target is checked before
// the first is written, so a refusal leaves the directory as it was.
func RunExport(opts *ExportOptions) error {
	var files []string
	err := fs.WalkDir(opts.Embedded, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if info, err := os.Stat(opts.Dir); err == nil && !info.IsDir() {
		return fmt.Errorf("%s: exists and is not a directory; choose a new directory to export to", opts.Dir)
	}
	for _, p := range files {
		target := filepath.Join(opts.Dir, filepath.FromSlash(p))
		if _, err := os.Lstat(target); err == nil {
			return fmt.Errorf("%s: already exists; prep will not overwrite it, so export to a new or empty directory", target)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: cannot check: %v", target, err)
		}
	}
	for _, p := range files {
		data, err := fs.ReadFile(opts.Embedded, p)
		if err != nil {
			return err
		}
		target := filepath.Join(opts.Dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return fmt.Errorf("%s: cannot create directory: %v", filepath.Dir(target), errors.Unwrap(err))
		}
		// O_EXCL: a file that appeared since the check is still not overwritten.
		fh, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("%s: cannot write: %v", target, errors.Unwrap(err))
		}
		if _, err := fh.Write(data); err != nil {
			fh.Close()
			return fmt.Errorf("%s: cannot write: %v", target, err)
		}
		if err := fh.Close(); err != nil {
			return fmt.Errorf("%s: cannot write: %v", target, err)
		}
	}
	fmt.Fprintf(opts.IO.Out, "wrote %d files to %s\n", len(files), opts.Dir)
	fmt.Fprintf(opts.IO.ErrOut, "next: edit them, then run %s content validate %s\n", progname.Name(), opts.Dir)
	return nil
}
