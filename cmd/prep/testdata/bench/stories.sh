#!/usr/bin/env bash
# stories.sh DIR [N]: writes N stories (default 1800) into DIR for the batch
# benchmark in docs/performance.md, by cycling through the write-ups of the
# checker's corpus (internal/check/testdata/corpus) in name order. Run from
# anywhere inside the repository.
set -euo pipefail
dir=${1:?usage: stories.sh DIR [N]}
n=${2:-1800}
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
mapfile -t src < <(find "$root/internal/check/testdata/corpus" -name '*.md' ! -name README.md ! -name NOTICE.md | LC_ALL=C sort)
mkdir -p "$dir"
for ((i = 0; i < n; i++)); do
  cp "${src[i % ${#src[@]}]}" "$(printf '%s/story-%04d.md' "$dir" "$i")"
done
echo "$n stories, $(cat "$dir"/story-*.md | wc -c) bytes, in $dir"
