package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
)

// prep promises never to open a network connection. These tests hold it
// to that: what the program could call, and what it does call.

const module = "github.com/prepcli/prep"

// netAllowed lists the packages in prep's import graph, third-party or
// standard, that import a network package, what they import, and why that
// is no network use by prep. A new one fails TestNoNetworkImports until it is looked at
// and, if harmless, added here; an entry no longer needed fails too, so
// the list stays short and true.
var netAllowed = map[string]struct {
	imports []string
	why     string
}{
	"github.com/spf13/afero": {[]string{"net/http"},
		"viper reads config files through afero; afero's HttpFs adapter (httpFs.go) names net/http types, and prep never builds one"},
	"github.com/spf13/pflag": {[]string{"net"},
		"pflag defines IP and IPNet flag types (ip.go, ipnet.go) with net.IP; prep declares no such flag"},
	"github.com/go-viper/mapstructure/v2": {[]string{"net", "net/netip", "net/url"},
		"mapstructure's decode hooks can turn strings into net.IP, netip.Addr and url.URL; viper does not install them for prep's settings"},
	"text/template": {[]string{"net/url"},
		"cobra renders help with text/template, whose urlquery function escapes text with net/url, a parser that does no I/O"},
}

// isNet reports a package that can talk to the network, or exists to.
func isNet(p string) bool {
	return p == "net" || strings.HasPrefix(p, "net/") || p == "crypto/tls" || strings.HasPrefix(p, "crypto/tls/")
}

type listed struct {
	ImportPath string
	Standard   bool
	Imports    []string
	Module     *struct{ Path string }
}

func goList(t *testing.T, args ...string) map[string]*listed {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the import graph with")
	}
	cmd := exec.Command(goTool, append([]string{"list", "-json=ImportPath,Standard,Imports,Module"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %v: %v\n%s", args, err, stderr.String())
	}
	pkgs := map[string]*listed{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = &p
	}
	return pkgs
}

func TestNoNetworkImports(t *testing.T) {
	// (a) No package of this module imports a network package, whether or
	// not it is part of the program yet.
	own := goList(t, module+"/...")
	if len(own) < 10 {
		t.Fatalf("go list "+module+"/... found %d packages of the module; run the test inside the module", len(own))
	}
	for _, p := range own {
		for _, imp := range p.Imports {
			if isNet(imp) {
				t.Errorf("%s imports %s; prep must never use the network", p.ImportPath, imp)
			}
		}
	}

	// (b) Walk the program's graph, not following the allowed imports of
	// the allowed packages. A network package still reached is reached some
	// other way: by a new dependency, or a new use of the standard library.
	graph := goList(t, "-deps", module+"/cmd/prep")
	used := map[string]map[string]bool{}
	from := map[string]string{module + "/cmd/prep": ""}
	queue := []string{module + "/cmd/prep"}
	for len(queue) > 0 {
		p := graph[queue[0]]
		queue = queue[1:]
		if p == nil {
			continue
		}
		for _, imp := range p.Imports {
			if isNet(imp) {
				if a, ok := netAllowed[p.ImportPath]; ok && slices.Contains(a.imports, imp) {
					if used[p.ImportPath] == nil {
						used[p.ImportPath] = map[string]bool{}
					}
					used[p.ImportPath][imp] = true
					continue
				}
			}
			if _, seen := from[imp]; !seen {
				from[imp] = p.ImportPath
				queue = append(queue, imp)
			}
		}
	}
	var reached []string
	for p := range from {
		if isNet(p) {
			reached = append(reached, p)
		}
	}
	sort.Strings(reached)
	for _, p := range reached {
		chain := []string{p}
		for q := from[p]; q != ""; q = from[q] {
			chain = append([]string{q}, chain...)
		}
		t.Errorf("prep's import graph reaches %s: %s\nif this is no network use, add the importer to netAllowed with the reason", p, strings.Join(chain, " -> "))
	}
	for pkg, a := range netAllowed {
		for _, imp := range a.imports {
			if !used[pkg][imp] {
				t.Errorf("netAllowed lists %s importing %s, which prep's graph no longer has; remove it", pkg, imp)
			}
		}
	}
}

// On Linux, run the real binary under strace and see that no socket is
// ever opened.
func TestNoSocketsAtRunTime(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("strace is Linux only")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command(strace, "-f", "-o", filepath.Join(dir, "probe"), "-e", "trace=socket,connect", "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here (%v): %s", err, out)
	}
	// This test binary is prep (see TestMain): it has all of prep's code,
	// and more, so what it does not do, prep does not do either.
	bin := hostPrep(t)
	story, err := filepath.Abs(filepath.Join("..", "..", "examples", "story.md"))
	if err != nil {
		t.Fatal(err)
	}

	for _, args := range [][]string{
		{"check", story},
		{"check", "--format", "json", story},
		{"content", "list"},
		{"content", "validate"},
		{"version"},
		{},
	} {
		trace := filepath.Join(dir, "trace")
		cmd := exec.Command(strace, append([]string{"-f", "-o", trace, "-e", "trace=socket,connect", bin}, args...)...)
		home := filepath.Join(dir, "home")
		cmd.Env = []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"), "XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"), "PATH=" + os.Getenv("PATH"), asPrepEnv + "=1"}
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatalf("prep %v under strace: %v\n%s", args, err, out)
		}
		if len(out) == 0 {
			t.Errorf("prep %v printed nothing; the trace would prove nothing", args)
		}
		calls, err := os.ReadFile(trace)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(calls), "\n") {
			if strings.Contains(line, "socket(") || strings.Contains(line, "connect(") {
				t.Errorf("prep %v made a network system call: %s", args, line)
			}
		}
	}
}
