# Sourced by the scripts beside it: builds prep as the release does (the
# flags of .goreleaser.yaml) into $work, from the repository at $root.
# build_prep OUT [PACKAGE]: PACKAGE defaults to ./cmd/prep; the floor is
# built the same way, so the flags favour neither.
build_prep() {
  (cd "$root" && go build -trimpath \
    -gcflags=all=-l -gcflags=runtime= -gcflags=gopkg.in/yaml.v3= '-gcflags=github.com/prepcli/prep/...=' \
    -ldflags='-s -w' -o "$1" "${2:-./cmd/prep}")
}
