#!/usr/bin/env bash
# The issue-11 comparison with fzf: whole-process `ipec search` against `fzf --filter` over the same
# records as text lines, best of 3 runs, median over six queries; peak memory of both, query by query;
# `ipec check`; the explorer's first frame, first search answer and peak memory against fzf's picker;
# the cache file's size against the data's. Not a test: figures go to BENCHMARKS.md with the machine's
# load.
#
#   bash benches/scale.sh [N]      (N achievements, default 100000; 0 for the built-in knowledge base)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=${SCALE_DIR:-/tmp/ipec-scale}
mkdir -p "$work"
export IPEC_CACHE_DIR="$work/cache"
target=${CARGO_TARGET_DIR:-target}
cargo build --release --bin ipec --example synth >&2
ipec="$target/release/ipec"
if [ "$n" = 0 ]; then
  data=()
  name=built-in
else
  kb="$work/kb$n"
  [ -d "$kb" ] || "$target/release/examples/synth" "$n" "$kb" >&2
  data=(--data "$kb")
  name="$n achievements"
fi
lines="$work/lines-$n.txt"
"$ipec" "${data[@]}" list achievements --format text > "$lines"
queries=(ghana cocoa "child labour" "mica mad" "cote ivoire cocoa" 4690)
echo "== $name, $(wc -l < "$lines") lines; load: $(uptime | sed 's/.*load average: //')"

# Best of 3 whole-process runs, in ms, of each query; then the median over the queries.
best() { rm -f "$work/h.json"; hyperfine -N --warmup 1 --runs 3 --export-json "$work/h.json" "$@" >/dev/null 2>&1 || true
  python3 -c 'import json; print("%.1f" % (1000 * min(json.load(open("'"$work/h.json"'"))["results"][0]["times"])))'; }
median() { python3 -c 'import sys, statistics; print("%.1f" % statistics.median(map(float, sys.argv[1:])))' "$@"; }

"$ipec" "${data[@]}" search ghana >/dev/null   # fills the cache
for mode in warm cold; do
  ipec_times=(); fzf_times=()
  for q in "${queries[@]}"; do
    if [ $mode = warm ]; then
      ipec_times+=("$(best "$ipec ${data[*]} search '$q'")")
    else
      ipec_times+=("$(best "$ipec ${data[*]} --no-cache search '$q'")")
    fi
    # fzf through sh for its input redirection (hyperfine 1.15 has no --input): about 1 ms of sh.
    fzf_times+=("$(best "sh -c \"fzf --filter '$q' < $lines\"")")
  done
  echo "search ($mode cache): ipec ${ipec_times[*]} ms, median $(median "${ipec_times[@]}") | fzf ${fzf_times[*]} ms, median $(median "${fzf_times[@]}")"
done

# Peak memory (max RSS), best of 3, of the median query's process.
rss() { for _ in 1 2 3; do /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'; done | sort -n | head -1; }
echo "max RSS, search cocoa: ipec $(( $(rss "$ipec" "${data[@]}" search cocoa) / 1024 )) MiB," \
  "ipec --no-cache $(( $(rss "$ipec" "${data[@]}" --no-cache search cocoa) / 1024 )) MiB," \
  "fzf $(( $(rss sh -c "fzf --filter cocoa < $lines") / 1024 )) MiB"

# Peak memory of every query, warm, side by side with fzf's of the same query: the median over the six.
mems=(); fzf_mems=()
for q in "${queries[@]}"; do
  mems+=("$(( $(rss "$ipec" "${data[@]}" search "$q") / 1024 ))")
  fzf_mems+=("$(( $(rss sh -c "fzf --filter '$q' < $lines") / 1024 ))")
done
echo "max RSS, every query (warm): ipec ${mems[*]} MiB, median $(median "${mems[@]}") | fzf ${fzf_mems[*]} MiB, median $(median "${fzf_mems[@]}")"

echo "check: warm $(best "$ipec ${data[*]} check") ms, --no-cache $(best "$ipec ${data[*]} --no-cache check") ms"
# A data keeper's check: one file of the folder edited since the cache was written (a copy of the
# folder, one comment line more before each run), so only that file is parsed again.
if [ "$n" != 0 ]; then
  edit="$work/kb$n-edited"
  rm -rf "$edit"; cp -r "$kb" "$edit"
  "$ipec" --data "$edit" check >/dev/null
  one=$(ls "$edit/achievements" | head -1)
  rm -f "$work/h.json"
  hyperfine -N --runs 3 --prepare "sh -c 'echo \"# edited\" >> $edit/achievements/$one'" \
    --export-json "$work/h.json" "$ipec --data $edit check" >/dev/null 2>&1 || true
  echo "check after a one-file edit: $(python3 -c 'import json; print("%.1f" % (1000 * min(json.load(open("'"$work/h.json"'"))["results"][0]["times"])))') ms"
fi

# First frame, then the answer to a query typed at once (best of 3, seconds).
frame() { for _ in 1 2 3; do python3 benches/first_frame.py "$@"; done | sort -n | head -1; }
# The first frame is the loading screen; the explorer itself opens when Overview shows.
echo "explorer (warm cache) first frame, ghana answered: $(frame Loading '/ghana' 'GHA' -- "$ipec" "${data[@]}") s"
echo "explorer (warm cache) open, ghana answered: $(frame Overview '/ghana' 'GHA' -- "$ipec" "${data[@]}") s"
echo "fzf picker first full count, ghana answered: $(frame "$(wc -l < "$lines" | tr -d ' ')/" 'ghana' '/' -- sh -c "fzf < $lines") s"
# Peak memory of the explorer used for one search (opened, /ghana answered, its background work done,
# ^C), and of fzf's picker the same way; best of 3, MiB.
peak() { for _ in 1 2 3; do python3 benches/peak_memory.py "$@"; done | sort -n | head -1 | awk '{ print ($1 == "nan") ? "nan" : int($1 / 1024) }'; }
echo "max RSS, explorer (warm) with ghana answered: ipec $(peak Overview '/ghana' 'GHA' -- "$ipec" "${data[@]}") MiB," \
  "fzf picker $(peak "$(wc -l < "$lines" | tr -d ' ')/" 'ghana' '/' -- sh -c "fzf < $lines") MiB"
# The cache file against the data it replaces (the TOML files; the built-in ones are those of data/).
# The one just used is the newest (a cache hit sets its time).
"$ipec" "${data[@]}" search ghana >/dev/null
cache_bytes=$(stat -c %s "$(ls -t "$IPEC_CACHE_DIR"/*.ipec-cache | head -1)")
toml_bytes=$(find "${kb:-data}" -name '*.toml' -printf '%s\n' | awk '{ s += $1 } END { print s }')
echo "cache file: $cache_bytes bytes, the TOML it replaces: $toml_bytes bytes"
echo "load after: $(uptime | sed 's/.*load average: //')"
