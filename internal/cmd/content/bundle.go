package content

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/prepcli/prep/internal/buildinfo"
	"github.com/prepcli/prep/internal/bundle"
	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
)

// prepMain is the main package every prep binary is built from; a file
// whose build information names another is not one to bundle into.
const prepMain = "github.com/prepcli/prep/cmd/prep"

// BundleOptions are what `prep content bundle` needs.
type BundleOptions struct {
	IO       *iostreams.IOStreams
	Embedded pack.Source
	// Executable names the running binary, copied when Binary is empty.
	Executable func() (string, error)
	Dir        string
	Output     string
	Binary     string
}

// NewCmdBundle builds `prep content bundle`; runF replaces RunBundle in
// tests.
func NewCmdBundle(f *cmdutil.Factory, runF func(*BundleOptions) error) *cobra.Command {
	opts := &BundleOptions{IO: f.IOStreams, Executable: os.Executable}
	cmd := &cobra.Command{
		Use:   "bundle DIR -o FILE [--binary PATH]",
		Short: "Bake a content pack into a copy of prep, to send as one file",
		Long: strings.TrimSpace(`
Check the content pack in DIR as prep content validate does, then write
FILE: a copy of a prep binary with the pack attached. Whoever runs FILE
gets your pack with no flag and no other file: --content still goes over
it, and it goes over the built-in pack.

The copy is of this prep, or of --binary PATH: a prep for another system,
from its release archive (prep.exe for Windows, prep for macOS or Linux).
Bundling a copy that already carries a pack replaces that pack. When the
pack has any problem, each is listed and nothing is written (exit 1).
FILE is written whole or not at all, executable; it is never the binary
being copied, and never replaces anything but a regular file (a device
or a named pipe is refused).`),
		Example: strings.Trim(`
  prep content bundle acme -o prep-acme
  prep content bundle acme -o prep-acme.exe --binary prep_1.2.0_windows_amd64/prep.exe
  ./prep-acme version`, "\n"),
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = args[0]
			opts.Embedded = pack.Source{FS: f.Embedded, Name: pack.Embedded}
			if runF != nil {
				return runF(opts)
			}
			return RunBundle(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "the `FILE` to write (required)")
	cmd.Flags().StringVar(&opts.Binary, "binary", "", "the prep binary to copy (default: this one)")
	return cmd
}

// RunBundle validates the pack, then writes the bundled copy.
func RunBundle(opts *BundleOptions) error {
	if opts.Output == "" {
		return cmdutil.FlagErrorf("no output file; add -o FILE, the path of the copy to write")
	}
	bin, err := sourceBinary(opts)
	if err != nil {
		return err
	}
	in, _ := os.Stat(bin)
	if err := bundle.CheckOutput(opts.Output, in); err != nil {
		return err
	}
	target, err := prepBuild(bin)
	if err != nil {
		return err
	}
	// The same checks and the same report as validate, so a recruiter who
	// ran one knows what the other says.
	p, err := validate(&ValidateOptions{IO: opts.IO, Embedded: opts.Embedded, Dir: opts.Dir})
	if err != nil {
		return err
	}
	payload, err := bundle.Payload(pack.Dir(opts.Dir).FS, p.Meta.Name)
	if err != nil {
		return fmt.Errorf("%s: cannot bundle: %v", opts.Dir, err)
	}
	if err := bundle.Write(opts.Output, bin, payload); err != nil {
		return err
	}

	// Read the copy back as it will be read at start-up: what is reported
	// is what the applicant will get.
	b, err := bundle.Open(opts.Output)
	if err != nil || b == nil {
		return fmt.Errorf("%s: written, but its pack does not read back (%v); delete it and try again", opts.Output, err)
	}
	line, err := buildinfo.ContentLine(p.Meta, []pack.Source{opts.Embedded, {FS: b.FS, Name: cmdutil.BundledPrefix + b.Name}})
	if err != nil {
		return err
	}
	size := "?"
	if info, err := os.Stat(opts.Output); err == nil {
		size = fmt.Sprintf("%.1f MB", float64(info.Size())/(1<<20))
	}
	fmt.Fprintf(opts.IO.Out, "wrote %s: prep for %s with the content pack %s %s (%s)\n", opts.Output, target.platform, p.Meta.Name, p.Meta.Version, size)

	errOut := opts.IO.ErrOut
	if target.goos == "windows" && !strings.EqualFold(filepath.Ext(opts.Output), ".exe") {
		fmt.Fprintf(errOut, "note: Windows runs only files named *.exe; name the copy %s.exe\n", opts.Output)
	}
	if self := selfVersion(); target.version != "" && self != "" && target.version != self {
		fmt.Fprintf(errOut, "note: the copy is prep %s and the pack was checked with prep %s; run that prep's content validate to be sure it accepts the pack\n", target.version, self)
	}
	fmt.Fprintf(errOut, "check: the copy's version command (%s version) says\n  %s\n", filepath.Base(opts.Output), line)
	return nil
}

// sourceBinary is the binary to copy: --binary, or the running one.
func sourceBinary(opts *BundleOptions) (string, error) {
	if opts.Binary != "" {
		return opts.Binary, nil
	}
	if opts.Executable == nil {
		return "", errors.New("cannot tell which prep binary to copy; give its path with --binary")
	}
	exe, err := opts.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find this prep binary to copy it (%v); give its path with --binary", err)
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	return exe, nil
}

type build struct {
	goos, platform string
	version        string // the module version it was built at, when known
}

// prepBuild reads a binary's Go build information, which every platform's
// executable format carries, to refuse files that are not prep and to say
// which system the copy runs on.
func prepBuild(bin string) (build, error) {
	info, err := bundle.ReadBuildInfo(bin)
	if err != nil {
		if _, serr := os.Stat(bin); serr != nil {
			return build{}, fmt.Errorf("%s: cannot read the binary: %v; check --binary", bin, describeErr(serr))
		}
		return build{}, fmt.Errorf("%s: not a prep binary (%s); give --binary the prep program from a release archive", bin, describeErr(err))
	}
	if info.Path != prepMain {
		return build{}, fmt.Errorf("%s: not a prep binary (it is %s); give --binary the prep program from a release archive", bin, info.Path)
	}
	return build{version: knownVersion(info.Version), goos: info.GOOS, platform: info.GOOS + "/" + info.GOARCH}, nil
}

func selfVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		return knownVersion(info.Main.Version)
	}
	return ""
}

// knownVersion drops the placeholder a build from a work tree carries.
func knownVersion(v string) string {
	if v == "(devel)" || strings.Contains(v, "+dirty") {
		return ""
	}
	return v
}

// describeErr drops the path an os error repeats.
func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
