#!/usr/bin/env bash
# Runs one fuzz target for a while, seeded from the shared corpus and the
# examples (copied into fuzz/corpus/TARGET, which git ignores).
#
#   fuzz/run.sh TARGET [SECONDS] [LIBFUZZER FLAGS...]
#
# TARGET is parse_bytes, markdown or html. One libFuzzer process, so one
# core: run one target at a time. A crash, a hang (a unit over 10 s) or a
# slow unit (over 1 s) is saved in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: fuzz/run.sh TARGET [SECONDS] [LIBFUZZER FLAGS...]}
seconds=${2:-600}
shift $(($# < 2 ? $# : 2))
shared=${CABLE_CORPUS:-../shared/corpus}
corpus=$PWD/fuzz/corpus/$target
artifacts=$PWD/fuzz/artifacts/$target

mkdir -p "$corpus" "$artifacts"
seed() { if [ -d "$1" ]; then find "$1" -maxdepth 1 -type f -exec cp -n {} "$corpus/" \;; fi; }
case $target in
  parse_bytes) seed "$shared/text"; seed "$shared/markdown"; seed "$shared/html"; seed examples ;;
  markdown) seed "$shared/markdown"; seed examples ;;
  html) seed "$shared/html"; seed examples ;;
  *) echo "unknown target: $target (parse_bytes, markdown, html)" >&2; exit 2 ;;
esac
[ -d "$shared" ] || echo "NOTICE: no corpus at $shared: seeded from examples/ only" >&2

# No AddressSanitizer: the crate has no unsafe code, and without it the
# fuzzer runs several times faster. Overflow checks and debug assertions
# stay on (cargo fuzz's default).
exec cargo +nightly fuzz run --sanitizer none "$target" "$corpus" -- \
  -dict="$PWD/fuzz/cable.dict" -max_total_time="$seconds" -timeout=10 -report_slow_units=1 \
  -max_len=131072 -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
