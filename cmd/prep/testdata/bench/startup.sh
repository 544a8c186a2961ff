#!/usr/bin/env bash
# startup.sh: `prep check` on the example story, whole process, against
# the dependency floor (floor/: cobra, viper, survey/v2 and yaml.v3 linked,
# one flag settled through viper), both built with the release flags.
# Uses hyperfine when installed, else a plain loop. Prints median times,
# then (with python3) the median of the ratios of PAIRS runs of the two
# taken in turn, which a change in the machine's other load moves less.
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
# Two byte-identical copies of one binary started 6% apart when one was
# fresh from cp and the other read back later: the kernel keeps a file's
# pages in pieces whose size depends on how they came into the cache.
# Drop both binaries from the cache and read them back alike first.
if command -v python3 >/dev/null; then
  python3 - "$work/prep" "$work/floor" <<'PY'
import os, sys
for p in sys.argv[1:]:
    fd = os.open(p, os.O_RDONLY)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    while os.read(fd, 1 << 20):
        pass
    os.close(fd)
PY
fi
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
if command -v python3 >/dev/null; then
  python3 - "${PAIRS:-300}" "$work/floor" "$work/prep" "$story" <<'PY'
import os, statistics, sys, time
pairs, floor, prep, story = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
null = os.open(os.devnull, os.O_WRONLY)
acts = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
def run(argv):
    start = time.perf_counter_ns()
    os.waitpid(os.posix_spawn(argv[0], argv, os.environ, file_actions=acts), 0)
    return time.perf_counter_ns() - start
a, b = [floor], [prep, "check", story]
for _ in range(20):
    run(a), run(b)
ratios = []
for i in range(pairs):
    # Each goes first in half the pairs.
    if i % 2:
        x = run(a); y = run(b)
    else:
        y = run(b); x = run(a)
    ratios.append(y / x)
print(f'prep check / floor, median of {pairs} ratios of runs taken in turn: {statistics.median(ratios):.3f}')
PY
fi
