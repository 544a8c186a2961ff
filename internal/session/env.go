package session

import (
	"errors"
	"strings"

	"github.com/prepcli/prep/internal/iostreams"
	"github.com/prepcli/prep/internal/pack"
	"github.com/prepcli/prep/internal/workspace"
	"github.com/prepcli/prep/prompts"
)

// Env is what a guided session needs.
type Env struct {
	IO        *iostreams.IOStreams
	Prompter  prompts.Prompter
	Workspace *workspace.Workspace
	Pack      *pack.Pack
}

// Check says, as a bug, what a session was started without.
func (e Env) Check() error {
	switch {
	case e.IO == nil, e.Prompter == nil, e.Workspace == nil, e.Pack == nil:
		return errors.New("a guided session was started without its streams, prompter, workspace or content pack; this is a bug in prep, please report it")
	}
	return nil
}

// Required is a Validate that refuses an empty answer with msg.
func Required(msg string) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(msg)
		}
		return nil
	}
}
