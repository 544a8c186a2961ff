package background

import (
	"time"

	"github.com/prepcli/prep/internal/cmd/export"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/sheet"
	"github.com/prepcli/prep/internal/workspace"
)

// Sheet renders the prep sheet of the workspace as prep export -o writes
// it, marker line included, so a later prep export -o prep-sheet.md may
// replace the one the session wrote. Files that do not read are named in
// the sheet's open gaps; the session has no other place to name them.
func Sheet(ws *workspace.Workspace, p *pack.Pack, now time.Time) ([]byte, error) {
	in, _ := export.SheetInput(ws, p, now)
	return []byte(export.Marker + "\n\n" + sheet.Render(in)), nil
}
