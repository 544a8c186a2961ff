package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/prepcli/prep/internal/cmdutil"
	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/lazy"
	"github.com/prepcli/prep/internal/progname"
	"github.com/prepcli/prep/internal/text"
)

// InitOptions are what `prep content init` needs.
type InitOptions struct {
	IO       *iostreams.IOStreams
	Embedded fs.FS
	Dir      string
	Name     string // the pack's name; from Dir when empty
	Company  string
}

// NewCmdInit builds `prep content init`; runF replaces RunInit in tests.
func NewCmdInit(f *cmdutil.Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Start a company content pack: the built-in one, with notes on what to change",
		Long: strings.TrimSpace(`
Write a starter content pack into DIR (created if needed): a copy of the
built-in pack, each file opening with a note on what it holds, which
fields are required and how its entries replace the built-in ones by id,
and a pack.yaml to fill in with your pack's name, company, version and the
welcome applicants see first.

Change what you want, delete the files and entries you leave as they are
(the built-in ones are used then), check the result with prep content
validate DIR and bake it into a binary with prep content bundle. prep
never overwrites: if any of the files is already there, nothing is written.`),
		Example: strings.Trim(`
  prep content init acme --company "Acme"
  prep content validate acme
  prep content bundle acme -o prep-acme`, "\n"),
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = args[0]
			opts.Embedded = f.Embedded
			if runF != nil {
				return runF(opts)
			}
			return RunInit(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Name, "name", "", "the pack's short name, shown by prep version (default: from DIR)")
	cmd.Flags().StringVar(&opts.Company, "company", "", "the company the interviews are with, shown to applicants")
	return cmd
}

// RunInit writes the starter pack. It goes through RunExport so that it
// refuses to overwrite in exactly the same way.
func RunInit(opts *InitOptions) error {
	name := opts.Name
	if name == "" {
		name = packName(opts.Dir)
	}
	if !validName.Get().MatchString(name) {
		return cmdutil.FlagErrorf("--name %q: use lowercase letters, digits and dashes, like acme-2026", name)
	}
	files, err := starter(opts.Embedded, name, opts.Company)
	if err != nil {
		return err
	}
	if err := RunExport(&ExportOptions{IO: opts.IO, Embedded: files, Dir: opts.Dir}); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "then: %s content bundle %s -o prep-%s\n", progname.Name(), opts.Dir, name)
	return nil
}

var validName = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`) }}

// packName makes a pack name from the directory a starter goes into.
func packName(dir string) string {
	base := strings.ToLower(filepath.Base(filepath.Clean(dir)))
	var b strings.Builder
	dash := false
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	name := strings.Trim(b.String(), "-")
	if len(name) > 64 {
		name = strings.Trim(name[:64], "-")
	}
	if name == "" {
		return "my-pack"
	}
	return name
}

// starter is the embedded pack with a note on top of each file and a new
// pack.yaml.
func starter(embedded fs.FS, name, company string) (fs.FS, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(embedded, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !isYAMLFile(p) || p == "pack.yaml" {
			return nil // pack.yaml is replaced below, whatever the built-in one holds
		}
		data, err := fs.ReadFile(embedded, p)
		if err != nil {
			return err
		}
		note, err := fileNote(data)
		if err != nil {
			return fmt.Errorf("embedded:%s: %v", p, err)
		}
		files[p] = append([]byte(note), data...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(embedded, "pack.yaml"); err != nil {
		return nil, fmt.Errorf("embedded:pack.yaml: %v", err)
	}
	files["pack.yaml"] = []byte(packFile(name, company))
	return rewritten{embedded, files}, nil
}

// rewritten is a file tree with the contents of some of its files
// replaced; its directories and every other file are the tree's own.
type rewritten struct {
	fs.FS
	files map[string][]byte
}

func (r rewritten) Open(name string) (fs.File, error) {
	data, ok := r.files[name]
	if !ok {
		return r.FS.Open(name)
	}
	info, err := fs.Stat(r.FS, name)
	if err != nil {
		return nil, err
	}
	return &memFile{bytes.NewReader(data), sized{info, int64(len(data))}}, nil
}

type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type sized struct {
	fs.FileInfo
	size int64
}

func (s sized) Size() int64 { return s.size }

func isYAMLFile(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}

// fileNote is the comment put on top of a copied file: one paragraph for
// each kind of entry the file declares, then how overlays work.
func fileNote(data []byte) (string, error) {
	var top map[string]yaml.Node
	if err := yaml.Unmarshal(data, &top); err != nil {
		return "", err
	}
	var keys []string
	for k := range top {
		if notes.Get()[k] != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return "", nil
	}
	sort.Slice(keys, func(i, j int) bool { return keyOrder.Get()[keys[i]] < keyOrder.Get()[keys[j]] })
	var b strings.Builder
	b.WriteString(rule)
	for _, k := range keys {
		b.WriteString(notes.Get()[k])
		b.WriteString("#\n")
	}
	b.WriteString(overlayNote)
	b.WriteString(rule)
	b.WriteString("\n")
	return b.String(), nil
}

const rule = "# ----------------------------------------------------------------------------\n"

var keyOrder = lazy.Value[map[string]int]{F: func() map[string]int {
	return map[string]int{"panels": 1, "rubrics": 2, "exercises": 3, "tradeoffs": 4, "followups": 5, "components": 6, "examples": 7, "references": 8}
}}

var notes = lazy.Value[map[string]string]{F: func() map[string]string {
	return map[string]string{
		"panels": `# PANELS: the interviews your applicants prepare for. ` + "`prep`" + ` lists them
# in this order and ` + "`prep content show panel/ID`" + ` shows one.
#   Required: id, title, summary (one line, shown in menus), overview (what
#   the panel is, who is in the room, how long it lasts).
#   Optional: rubric (the id of the rubric answers are checked with),
#   looks_for / prepare / during (lists of points, each a title and a text;
#   a looks_for point may list evidence: ids of the rubric's sections and
#   signals that show it in a story, for prep status),
#   guides (the texts a guided session shows at each step; it finds them by
#   id, so keep the ids: intro, resume_walk, choosing_projects, ...).
#   To change: the overview, what your interviewers look for, how long each
#   panel runs and who sits on it.
`,
		"rubrics": `# RUBRICS: how ` + "`prep check`" + ` reads an answer. Each lists the sections an
# answer must have (level: required) or should have (level: recommended),
# the other labels people use for them (aliases, letters), and signals that
# flag weak answers (a result with no number, a story told only in "we").
#   Required in a rubric: id, title, summary, sections; in a section: id,
#   title, question, guidance, missing, level; in a signal: id, type, level,
#   message, hint. A section's minutes are its share of a timed answer.
#   Section ids appear in ` + "`prep check --format json`" + `; keep them stable.
#   Most packs leave rubrics alone: delete this file unless you change one.
`,
		"exercises": `# EXERCISES: practice prompts. kind: scale is a "what breaks first at 100x?"
# drill (` + "`prep drill scale`" + `); kind: design or debug is a Technical Skills
# scenario (` + "`prep technical`" + `), with a track: distributed, frontend or debugging.
#   Required: id, title, kind (a rubric id: scale, design or debug), prompt
#   (the problem as an interviewer states it, with no figures).
#   Optional: track, facts (told only when asked: id, topic, words, answer,
#   why), evidence (what a named check shows: id, check, words, shows),
#   change (after: a rubric section id; say: the new requirement),
#   key_points (the reference answer: id, point, words, why), hints (shown
#   one at a time), notes (a reference answer, shown only on request);
#   older packs: numbers (name/value pairs) and architecture.
#   To change: add your own systems, at your real scale. A new id adds an
#   exercise; copy one below as a template.
`,
		"tradeoffs": `# TRADE-OFFS: classic decisions for ` + "`prep drill tradeoffs`" + `.
#   Required: id, title, options (at least two). Optional: dimensions (what
#   decides between the options), notes (when each option wins).
#   To change: add the decisions your own team argues about.
`,
		"components": `# COMPONENTS: the probe bank. When a technical answer names one (any phrase
# of words, lowercase), the interviewer may ask its question as a follow-up.
#   Required: id, name, words, limits, failure_modes (a list), question.
#   To change: add the systems your team runs and what you always ask
#   about them.
`,
		"examples": `# EXAMPLES: worked answers, a strong and a weak one per kind, shown with
# ` + "`prep content show example/ID`" + `.
#   Required: id, kind (a rubric id), strength (strong or weak), title, text
#   (Markdown). Optional: notes (each a quote, copied from the text, and
#   what an interviewer hears in it).
#   To change: add answers in your company's own domain.
`,
		"references": `# REFERENCES: texts to read the evening before, shown with
# ` + "`prep content show reference/ID`" + `.
#   Required: id, title, summary (one line), text (Markdown).
#   To change: add a primer on your product and its domain.
`,
		"followups": `# FOLLOW-UPS: questions interviewers ask at the edge of a decision, used
# when an applicant rehearses a project story.
#   Required: id, question. Optional: sections (the star rubric's section
#   ids the question probes), topics (lowercase words that, found in a
#   story, make it relevant; none: any story), why (what it tests).
#   To change: add the questions your interviewers always ask.
`,
	}
}}

const overlayNote = `# HOW THIS FILE IS USED: your pack is laid over the one built into prep.
# An entry with the same type and id as a built-in one replaces it whole
# (copy every field you want to keep); a new id adds an entry. Delete any
# entry, or this whole file, that you do not change: the built-in version is
# used then, and it improves with new prep releases.
# Unknown keys are errors. Check with: prep content validate DIR
# Every field is described in docs/content-packs.md (in the release archive).
`

// packFile is the starter's pack.yaml.
func packFile(name, company string) string {
	who := "the company you are interviewing with"
	if company != "" {
		who = company
	}
	welcome := fmt.Sprintf(`This copy of prep was prepared by %s for its three-panel engineering
interview: Background, Technical Skills and Culture. It teaches what each
panel listens for, walks you through writing your timeline, your best project
stories and practice answers, and checks them for missing parts and weak
spots. Everything you write stays in plain files on this machine; nothing is
sent to anyone, including us. Start with `+"`prep background`"+`.`, who)
	return `# pack.yaml: who this pack is from. An applicant sees the welcome first,
# when typing ` + "`prep`" + `, and again as each panel's session starts.
# Only one file of a pack may hold the "pack:" block.
pack:
  # Required. A short name without spaces; ` + "`prep version`" + ` shows it, so
  # an applicant can tell you which pack they run.
  name: ` + yamlString(name) + `
  # Optional. The company the interviews are with, shown beside "prep".
  company: ` + yamlString(company) + `
  # Required. Your own version string: change it for every copy you send.
  version: "0.1.0"
  # Required. What an applicant reads first: who you are, what the panels
  # are, where to start. Rewrite it in your own voice.
  welcome: >-
` + indent(text.Fill(welcome, "", "", 74), "    ") + `
  # Optional, and left to the built-in pack here: "rehearse:" rewords what
  # ` + "`prep rehearse`" + ` says about pace, time and filler words, "sheet:" the
  # words the prep sheet reads a story by, "drill:" the questions of a
  # trade-off card and what its grades mean, "culture:" the questions of
  # the culture notes and the written update (docs/content-packs.md has
  # all four).
`
}

// yamlString quotes a value so any text stays one YAML string.
func yamlString(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil || strings.Contains(strings.TrimSpace(string(b)), "\n") {
		return fmt.Sprintf("%q", s)
	}
	out := strings.TrimSpace(string(b))
	if out == "" || out == `""` || out == "''" {
		return `""`
	}
	return out
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
