#!/usr/bin/env bash
# Runs one fuzz target for a while, seeded from the shared corpus and the
# examples (copied into fuzz/corpus/TARGET, which git ignores).
#
#   fuzz/run.sh TARGET [SECONDS] [LIBFUZZER FLAGS...]
#
# TARGET is parse_bytes, markdown, html or csv_dump. One libFuzzer process, so one
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

# The dump is one big file: cut it into seeds of 1-3 records, every third
# seed damaged in one of ten ways (wrong field count, unterminated quote,
# escape at the end, ...). A seed starts with the byte that sets up the
# run (see fuzz_targets/csv_dump.rs), spread over all values.
seed_dump() {
  [ -f "$1" ] || return 0
  LC_ALL=C awk -v dir="$corpus" '
    /^"[0-9]+","[0-9]+\/[0-9]+\/[0-9][0-9][0-9][0-9] / { n++ }
    n { rec[n] = rec[n] $0 "\n" }
    function write(name, text) {
      seeds++
      printf "%c%s", seeds * 53 % 255 + 1, text > (dir "/" name)
      close(dir "/" name)
    }
    function damage(kind, a, b,    t) {
      if (kind == 0) return a substr(b, 1, length(b) - 2)            # unterminated quote at the end
      if (kind == 1) { t = a; sub(/","","/, "\",\"", t); return t b }    # 7 fields
      if (kind == 2) { t = a; sub(/","","/, "\",\"\",\"\",\"", t); return t b } # 9 fields
      if (kind == 3) { t = a; sub(/\n.*/, "", t); return t "\\" }       # escape at the end of input
      if (kind == 4) { t = a; sub(/SUBJECT/, "\"SUBJECT", t); return t b } # text after a closing quote
      if (kind == 5) { t = a b; gsub(/\n/, "\r\n", t); return t }          # CRLF
      if (kind == 6) return a "\n\n" b                                   # blank lines between records
      if (kind == 7) { t = a; sub(/ /, sprintf("%c", 213), t); return t b } # invalid UTF-8
      if (kind == 8) return a substr(b, 1, int(length(b) / 2))            # cut in the middle
      t = a; sub(/^"/, "", t); return t b                                 # no opening quote
    }
    END {
      for (i = 1; i <= n; i += size) {
        size = groups % 3 + 1
        text = ""
        for (j = i; j < i + size && j <= n; j++) text = text rec[j]
        write(sprintf("dump-%04d", i), text)
        if (groups % 3 == 0 && i < n) write(sprintf("damaged-%04d", i), damage(groups / 3 % 10, rec[i], rec[i + 1]))
        groups++
      }
    }
  ' "$1"
}
case $target in
  parse_bytes) seed "$shared/text"; seed "$shared/markdown"; seed "$shared/html"; seed examples ;;
  markdown) seed "$shared/markdown"; seed examples ;;
  html) seed "$shared/html"; seed examples ;;
  csv_dump) seed_dump "$shared/cables.csv" ;;
  *) echo "unknown target: $target (parse_bytes, markdown, html, csv_dump)" >&2; exit 2 ;;
esac
[ -d "$shared" ] || echo "NOTICE: no corpus at $shared: seeded from examples/ only" >&2

# No AddressSanitizer: the crate has no unsafe code, and without it the
# fuzzer runs several times faster. Overflow checks and debug assertions
# stay on (cargo fuzz's default).
exec cargo +nightly fuzz run --sanitizer none "$target" "$corpus" -- \
  -dict="$PWD/fuzz/cable.dict" -max_total_time="$seconds" -timeout=10 -report_slow_units=1 \
  -max_len=131072 -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
