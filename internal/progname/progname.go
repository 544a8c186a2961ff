// Package progname holds the name prep was run as, so that every help
// text, hint and error names the command the user typed: "prep", or
// "prep-acme" for a recruiter's copy renamed so. It is the one place
// that knows it; main sets it once, before anything runs, and everything
// else reads it.
package progname

import (
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/prepcli/prep/internal/lazy"
)

// Default is the name used until Set is called (tests), and when the
// name run as cannot be typed back as it is.
const Default = "prep"

var name atomic.Pointer[string]

// Name is the command to tell the user to type.
func Name() string {
	if p := name.Load(); p != nil {
		return *p
	}
	return Default
}

// Set records the name the program was run as, from os.Args[0]: its base
// name, without a Windows ".exe". A name a shell would need quoted, or
// that could carry a terminal escape, is not used: Default stays.
func Set(arg0 string) {
	n := FromArg(arg0)
	name.Store(&n)
}

// FromArg is the name Set records for arg0.
func FromArg(arg0 string) string {
	base := filepath.Base(strings.ReplaceAll(arg0, `\`, "/"))
	if strings.EqualFold(filepath.Ext(base), ".exe") {
		base = base[:len(base)-len(".exe")]
	}
	if base == "" || base == "." || base == "/" || !plain(base) {
		return Default
	}
	return base
}

// plain reports a name any shell takes as one word, with no character a
// terminal or a format string would act on: ^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$.
// Written out rather than a regular expression, which every run would
// compile at start-up.
func plain(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '+' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// commands are prep's own commands and global flags: "prep" followed by
// one of them, in a help text, is the command to type. Compiled on first
// use: most runs print no help.
var commands = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp {
	return regexp.MustCompile(`\bprep(\s+)(background|technical|culture|story|drill|rehearse|check|export|status|content|version|completion|help|--[a-z])`)
}}

// Text puts Name in place of "prep" wherever a help text tells the user
// to type a prep command ("run prep story list", "prep --dir DIR
// export"), and nowhere else: "your prep sheet" and "prep-acme" stay.
// It is for prep's own help texts, which hold no user's text.
func Text(s string) string {
	n := Name()
	if n == Default || !strings.Contains(s, Default) {
		return s
	}
	return commands.Get().ReplaceAllString(s, n+"$1$2")
}
