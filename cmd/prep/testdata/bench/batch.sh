#!/usr/bin/env bash
# batch.sh: `prep check --format json` over 1,800 stories (stories.sh),
# whole process, against Vale running the equivalent section-occurrence
# rules of vale/ over the same files. Vale: go install
# github.com/vale-cli/vale/v3/cmd/vale@v3.22.0 (or VALE=/path/to/vale).
# Uses hyperfine when installed, else a plain loop.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/build.sh"
build_prep "$work/prep"
"$here/stories.sh" "$work/stories" "${STORIES:-1800}"
vale=${VALE:-vale}
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
# Both exit 1 when a story lacks a required section; that is the point.
prep_cmd="$work/prep check --format json $work/stories/*.md > /dev/null"
vale_cmd="cd $here/vale && $vale --no-exit --output JSON $work/stories > /dev/null"
runs=${RUNS:-10}
if command -v hyperfine >/dev/null && command -v python3 >/dev/null; then
  hyperfine -i --warmup 1 -r "$runs" --export-json "$work/batch.json" "$prep_cmd" "$vale_cmd" >/dev/null
  python3 - "$work/batch.json" <<'PY'
import json, sys
prep, vale = json.load(open(sys.argv[1]))["results"]
print(f'prep check --format json: median {prep["median"]:.3f} s (user {prep["user"]:.3f} s, system {prep["system"]:.3f} s)')
print(f'vale:                     median {vale["median"]:.3f} s (user {vale["user"]:.3f} s, system {vale["system"]:.3f} s)')
print(f'vale / prep: {vale["median"] / prep["median"]:.1f}x')
PY
else
  for cmd in "$prep_cmd" "$vale_cmd"; do
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do sh -c "$cmd" || true; done
    echo "$cmd: mean $(( ($(date +%s%N) - start) / runs / 1000000 )) ms"
  done
fi
