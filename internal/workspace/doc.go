package workspace

import "github.com/prepcli/prep/internal/document"

// Doc is the story as the checker reads it, from what the workspace
// already parsed: no second read or parse of its file.
func (s *Story) Doc() *document.Doc {
	return &document.Doc{
		Front: document.Front{Title: s.Meta.Title, Kind: s.Meta.Kind, Rank: s.Meta.Rank, Panel: s.Meta.Panel},
		Name:  s.Path, Format: document.Markdown, HasFront: true,
		Body: s.Body, BodyLine: s.BodyLine,
	}
}
