#!/usr/bin/env bash
# Several builds of ipec side by side in one run, at 100,000 achievements: `ipec check` after a one-file
# edit, `check --no-cache`, two warm searches, and their peak memory. Each build gets its own cache folder
# (a cache file is its build's own) and its own copy of the knowledge base (the edits go there).
#
#   cp target/release/ipec /tmp/ipec-old   # at the older commit, then build the newer one
#   bash benches/compare_builds.sh old=/tmp/ipec-old new=target/release/ipec
#
# Not a test: figures for BENCHMARKS.md, with the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${SCALE_DIR:-/tmp/ipec-scale}
kb="$work/kb100000"
[ -d "$kb" ] || cargo run --release --example synth -- 100000 "$kb" >&2
one=$(ls "$kb/achievements" | head -1)
names=(); bins=()
for arg in "$@"; do names+=("${arg%%=*}"); bins+=("$(realpath "${arg#*=}")"); done
for i in "${!names[@]}"; do
  n=${names[$i]}; b=${bins[$i]}
  rm -rf "$work/edit-$n"; cp -r "$kb" "$work/edit-$n"
  IPEC_CACHE_DIR="$work/cache-$n" "$b" --data "$kb" search ghana >/dev/null 2>&1 || true
  IPEC_CACHE_DIR="$work/cache-$n" "$b" --data "$work/edit-$n" check >/dev/null 2>&1 || true
done
echo "load: $(uptime | sed 's/.*load average: //')"
run() { hyperfine -N "$@" 2>&1 | grep -E "Benchmark|Time"; }
args=()
for i in "${!names[@]}"; do
  n=${names[$i]}
  args+=(--prepare "sh -c 'echo \"# edited\" >> $work/edit-$n/achievements/$one'"
    -n "check after an edit: $n" "env IPEC_CACHE_DIR=$work/cache-$n ${bins[$i]} --data $work/edit-$n check")
done
run --runs 10 "${args[@]}"
args=(); for i in "${!names[@]}"; do args+=(-n "check --no-cache: ${names[$i]}" "${bins[$i]} --data $kb --no-cache check"); done
run --runs 5 "${args[@]}"
for q in cocoa "child labour"; do
  args=(); for i in "${!names[@]}"; do
    args+=(-n "search '$q': ${names[$i]}" "env IPEC_CACHE_DIR=$work/cache-${names[$i]} ${bins[$i]} --data $kb search '$q'")
  done
  run --warmup 1 --runs 10 "${args[@]}"
done
for i in "${!names[@]}"; do
  for q in cocoa "child labour"; do
    best=$(for _ in 1 2 3; do IPEC_CACHE_DIR="$work/cache-${names[$i]}" /usr/bin/time -f %M "${bins[$i]}" --data "$kb" search "$q" 2>&1 >/dev/null | tail -1; done | sort -n | head -1)
    echo "max RSS, search '$q': ${names[$i]} $((best / 1024)) MiB"
  done
done
echo "load after: $(uptime | sed 's/.*load average: //')"
