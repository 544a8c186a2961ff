package background

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/prepcli/prep/internal/cmd/export"
	storycmd "github.com/prepcli/prep/internal/cmd/story"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sheet"
	"github.com/prepcli/prep/internal/workspace"
)

// Sheet renders the prep sheet of the workspace as prep export -o writes
// it, marker line included, so a later prep export -o prep-sheet.md may
// replace the one the session wrote.
func Sheet(ws *workspace.Workspace, p *pack.Pack, now time.Time) ([]byte, error) {
	in := sheet.Input{Now: now, Company: p.Meta.Company, Rubrics: p.Rubrics}
	var problems []error
	if t, err := ws.Timeline(); err != nil {
		problems = append(problems, err)
	} else {
		in.Timeline = t.Roles
	}
	stories, errs := ws.Stories()
	problems = append(problems, errs...)
	for i := range stories {
		s := &stories[i]
		st := sheet.Story{
			File:  filepath.ToSlash(filepath.Join(workspace.StoriesDir, s.Name())),
			Title: s.Meta.Title, Kind: s.Meta.Kind, Rank: s.Meta.Rank, Body: s.Body,
		}
		if r, err := storycmd.CheckStory(p, s); err != nil {
			st.Unchecked = err.Error()
		} else {
			st.Report = r
		}
		in.Stories = append(in.Stories, st)
	}
	for _, err := range problems {
		// The sheet names files as the workspace does: stories/x.md.
		in.Problems = append(in.Problems, strings.ReplaceAll(err.Error(), ws.Dir()+string(filepath.Separator), ""))
	}
	return []byte(export.Marker + "\n\n" + sheet.Render(in)), nil
}
