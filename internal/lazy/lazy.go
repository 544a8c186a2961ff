// Package lazy declares package-level values that cost nothing when prep
// starts. Every package with a package-level sync.OnceValue call, map
// literal or errors.New gets init code, which runs at every start of
// every command, and each such package's first touch of its code and
// data is a page fault or two: together, by GODEBUG=inittrace=1, 0.6 ms
// of a 13 ms `prep check story.md`. A Value and an Error are laid out by the
// compiler instead, so a package that declares only these has no init
// code at all.
package lazy

import "sync"

// Value is computed by F on first use. Declare it as a composite literal,
// var words = lazy.Value[map[string]bool]{F: func() map[string]bool {…}};
// a call such as sync.OnceValue(f) would be init code. F must not panic:
// unlike sync.OnceValue, a Value whose F panicked is the zero value from
// then on. Every F in prep builds a literal table or compiles a constant
// pattern its package's tests use.
type Value[T any] struct {
	F    func() T
	once sync.Once
	v    T
}

// Get is the value, computing it the first time it is asked for; it is
// safe to call from several goroutines.
func (v *Value[T]) Get() T {
	v.once.Do(v.compute)
	return v.v
}

func (v *Value[T]) compute() { v.v = v.F() }

// Error is a sentinel error: var ErrBusy error = &lazy.Error{Msg: "…"}. Like
// errors.New's, two are never equal, so errors.Is tells them apart.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }
