#!/usr/bin/env bash
# startup.sh: `prep check` on the example story, whole process, against
# the dependency floor (floor/: cobra, viper, survey/v2 and yaml.v3 linked,
# one flag settled through viper), both built with the release flags.
# Uses hyperfine when installed, else a plain loop. Prints median times.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$here/build.sh"
build_prep "$work/prep"
build_prep "$work/floor" ./cmd/prep/testdata/bench/floor
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
story="$root/examples/story.md"
runs=${RUNS:-500}
if command -v hyperfine >/dev/null && command -v python3 >/dev/null; then
  hyperfine -N --warmup 50 -r "$runs" --export-json "$work/startup.json" \
    "$work/floor" "$work/prep check $story" "$work/prep version" >/dev/null
  # Medians: a slow or lucky run moves the mean, not the median.
  python3 - "$work/startup.json" "$work/" "$root/" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
floor = res[0]["median"]
for r in res:
    name = r["command"].replace(sys.argv[2], "").replace(sys.argv[3], "")
    print(f'{name:<32} median {r["median"]*1000:6.2f} ms  {r["median"]/floor:4.2f}x floor')
PY
else
  for cmd in "$work/floor" "$work/prep check $story"; do
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do $cmd >/dev/null 2>&1 || true; done
    echo "$cmd: mean $(( ($(date +%s%N) - start) / runs / 1000 )) µs"
  done
fi
