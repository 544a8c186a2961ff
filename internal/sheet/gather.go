package sheet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/check"
	"github.com/prepcli/prep/internal/document"
	"github.com/prepcli/prep/internal/fserr"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
)

// Marker opens a sheet written with -o. prep overwrites a file only when
// it starts so (or is empty): a sheet it wrote, never the candidate's own
// notes under the same name.
const Marker = "<!-- prep sheet, written by prep export: running it again replaces this file -->"

// File is the sheet of the workspace as prep export -o writes it, marker
// line included, so that a later prep export -o may replace it. Files that
// do not read are named in the sheet's open gaps.
func File(ws *workspace.Workspace, p *pack.Pack, now time.Time) []byte {
	in, _ := Gather(ws, p, now)
	return []byte(Marker + "\n\n" + Render(in))
}

// Gather gathers what the sheet shows from the workspace: the
// timeline, every story that reads with its check, and, as problems, the
// files that do not read (also named in the sheet's open gaps). A guided
// session that ends with a sheet can use it to show what prep export would.
func Gather(ws *workspace.Workspace, p *pack.Pack, now time.Time) (Input, []error) {
	stories, errs := ws.Stories()
	return GatherStories(ws, p, now, stories, errs)
}

// GatherStories is Gather of stories already read (ws.Stories), for a
// command that needs them for more than the sheet.
func GatherStories(ws *workspace.Workspace, p *pack.Pack, now time.Time, stories []workspace.Story, errs []error) (Input, []error) {
	in := Input{Now: now, Company: p.Meta.Company, Rubrics: p.Rubrics, Words: p.Meta.Sheet}
	var problems []error
	if t, err := ws.Timeline(); err != nil {
		problems = append(problems, err)
	} else {
		in.Timeline = t.Roles
	}
	problems = append(problems, errs...)
	for i := range stories {
		s := &stories[i]
		st := Story{
			File:  filepath.ToSlash(filepath.Join(workspace.StoriesDir, s.Name())),
			Title: s.Meta.Title, Kind: s.Meta.Kind, Rank: s.Meta.Rank, Panel: s.Meta.Panel, Body: s.Body,
		}
		if r, err := check.Story(p, s.Doc()); err != nil {
			st.Unchecked = relative(ws.Dir(), err.Error())
		} else {
			st.Report = r
		}
		in.Stories = append(in.Stories, st)
	}
	in.Practice, errs = practiceAnswers(ws, p)
	problems = append(problems, errs...)
	for _, err := range problems {
		in.Problems = append(in.Problems, relative(ws.Dir(), err.Error()))
	}
	if panel, ok := p.Panel(pack.BackgroundPanel); ok {
		in.Panels.Background = panel.Title
	}
	if panel, ok := p.Panel(pack.TechnicalPanel); ok {
		in.Panels.Technical = panel.Title
	}
	if panel, ok := p.Panel(pack.CulturePanel); ok {
		in.Panels.Culture = panel.Title
	}
	return in, problems
}

// practiceKinds are the kinds of practice answer the sheet shows; the
// day's drill log and notes of the candidate's own are left out.
var practiceKinds = []string{workspace.KindDesign, workspace.KindScale, workspace.KindDebug}

// practiceAnswers reads practice/: each answer with its check.
func practiceAnswers(ws *workspace.Workspace, p *pack.Pack) ([]Story, []error) {
	dir := ws.Path(workspace.PracticeDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, []error{fmt.Errorf("%s: cannot read: %v; check its permissions", dir, fserr.Cause(err))}
	}
	var out []Story
	var problems []error
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(n, ".") || !strings.EqualFold(filepath.Ext(n), ".md") {
			continue
		}
		doc, err := document.ReadFile(filepath.Join(dir, n))
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if !slices.Contains(practiceKinds, doc.Kind) {
			continue
		}
		st := Story{File: workspace.PracticeDir + "/" + n, Title: doc.Title, Kind: doc.Kind, Panel: doc.Panel, Body: doc.Body}
		if r, ok := p.Rubric(doc.Kind); ok {
			st.Report = check.Check(doc, r)
		} else {
			st.Unchecked = "its kind has no rubric"
		}
		out = append(out, st)
	}
	return out, problems
}

// relative shortens the workspace's paths in a message to the names the
// sheet uses ("stories/x.md").
func relative(dir, msg string) string {
	return strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
}
