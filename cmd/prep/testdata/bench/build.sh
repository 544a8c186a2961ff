# Sourced by the scripts beside it: builds prep as the release does (the
# flags and the CGO_ENABLED=0 of .goreleaser.yaml) into $work, from the
# repository at $root. Without CGO_ENABLED=0 both binaries link the C
# library dynamically (for package net), and the dynamic loader adds the
# same time to both, which hides part of the difference: the floor built
# so took 1.3 times as long as the release-built floor (docs/performance.md).
# build_prep OUT [PACKAGE]: PACKAGE defaults to ./cmd/prep; the floor is
# built the same way, so the flags favour neither. OUT is a copy of what
# the linker wrote: a binary fresh from the linker starts about 10% slower
# than a copy (as a release archive's is), its pages cached in smaller
# pieces.
build_prep() {
  (cd "$root" && CGO_ENABLED=0 go build -trimpath \
    -gcflags=all=-l -gcflags=runtime= -gcflags=gopkg.in/yaml.v3= '-gcflags=github.com/prepcli/prep/...=' \
    -ldflags='-s -w' -o "$1.linked" "${2:-./cmd/prep}")
  cp "$1.linked" "$1"
  rm "$1.linked"
}
