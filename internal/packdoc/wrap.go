package packdoc

import "github.com/prepcli/prep/internal/text"

// Wrap is text.Wrap, kept under this name for the callers that have not
// moved to internal/text yet (internal/session).
func Wrap(s, first, rest string, width int) string { return text.Wrap(s, first, rest, width) }
