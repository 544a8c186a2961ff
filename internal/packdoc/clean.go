package packdoc

import "github.com/prepcli/prep/internal/text"

// Clean is text.Clean, kept under this name for the callers that have not
// moved to internal/text yet (internal/session).
func Clean(s string) string { return text.Clean(s) }

// OneLine is text.CleanLine, kept under this name for the callers that
// have not moved to internal/text yet (internal/session).
func OneLine(s string) string { return text.CleanLine(s) }
