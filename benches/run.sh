#!/usr/bin/env bash
# benches/run.sh: end-to-end benchmark of the `cable` binary (issue 3).
#
# Builds target/release/cable, generates cables.csv dumps of 1x, 4x and 16x
# size from the shared corpus with ../shared/tools/make-big-csv (16x is the
# full 251,287-row dump, about 2.5 GB), and times, several runs each:
#
#   wc -l DUMP                       floor reference, measured in the same run
#   cable --json DUMP > /dev/null    JSON Lines
#   cable DUMP > /dev/null           text report
#   cable --json ../shared/corpus/text > /dev/null     folder mode (1041 cables)
#
# It prints a table (median, min, max wall seconds, input MB/s, cables/s,
# peak RSS, median time over the `wc -l` median) and PASS/FAIL for the
# targets: JSON >= 500 MB/s and peak RSS < 200 MB on the full dump, folder
# mode < 0.2 s, and linear growth (seconds per MB at 16x within 25% of 1x).
#
# Usage:
#   benches/run.sh            full run: dumps 1x, 4x, 16x, 5 runs each
#                             (about 3.3 GB of disk for the dumps)
#   benches/run.sh --quick    smoke run: the 1x dump only (about 160 MB),
#                             2 runs each, no linearity check
#   benches/run.sh --help     this text
#
# Environment:
#   BENCH_RUNS=N         timed runs per command (default 5, or 2 with --quick)
#   BENCH_QUICK=1        same as --quick
#   BENCH_DATA_DIR=DIR   cache for the generated dumps
#                        (default target/bench-data, which git ignores)
#   SHARED_DIR=DIR       the shared folder (default ../shared beside the project)
#   CABLE_BIN=PATH       time this binary instead of building
#                        target/release/cable (e.g. another worktree's build)
#
# Dumps are generated once: each DUMP has a DUMP.meta stamp (row count, byte
# size, checksums of the source CSV and of make-big-csv) and is reused while
# the stamp, the file size and the last record's running number still match.
# Free disk space is checked with df before anything is generated.
#
# Checks: each `cable --json` command is first run once, untimed, through
# `wc -l`: it must exit 0 and print one line per cable (15,705 for the 1x
# dump, 1041 for the folder), or its timings are skipped and the run fails.
# Every timed run must exit 0 too.
#
# Timing: every input is read once with cat before its timed runs, so the
# runs are from the page cache, not the disk. Wall time comes from bash's
# EPOCHREALTIME around /usr/bin/time (which adds about a millisecond);
# peak RSS is /usr/bin/time's %M, the maximum over the runs. The runs go
# in rounds: each round times wc, json and text on every dump size once,
# so a slow spell of the machine hits all commands and sizes alike (and
# does not show up as non-linear growth). MB = 10^6 bytes.
#
# Exit status: 0 when every command ran and the JSON output had one line per
# cable, even if targets FAIL: the numbers are for a person to read, and a
# 2-core shared machine is too noisy for a hard gate. 1 when a command
# failed (non-zero exit status, wrong JSON line count), or the build, the
# data generation or the disk space check did. 2 for a usage error.

set -euo pipefail
export LC_ALL=C

usage() { sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; }

quick=${BENCH_QUICK:-0}
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done
[[ $quick == 0 || $quick == 1 ]] || { echo "run.sh: BENCH_QUICK must be 0 or 1" >&2; exit 2; }
if [[ $quick == 1 ]]; then runs=${BENCH_RUNS:-2}; else runs=${BENCH_RUNS:-5}; fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: BENCH_RUNS must be a positive integer, not '$runs'" >&2; exit 2; }

# Paths given in the environment are relative to where the script was
# started; the defaults are relative to the project root.
for v in CABLE_BIN BENCH_DATA_DIR SHARED_DIR; do
  if [[ -n ${!v:-} && ${!v} != /* ]]; then printf -v "$v" '%s' "$PWD/${!v}"; fi
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared=${SHARED_DIR:-../shared}
src_csv=$shared/corpus/cables.csv
text_dir=$shared/corpus/text
make_big=$shared/tools/make-big-csv
data_dir=${BENCH_DATA_DIR:-target/bench-data}

# Rows of the dumps: 1x, 4x and 16x = the full Cablegate dump.
full_rows=251287
if [[ $quick == 1 ]]; then
  sizes=(1x) ; declare -A rows_of=([1x]=15705)
else
  sizes=(1x 4x 16x) ; declare -A rows_of=([1x]=15705 [4x]=62820 [16x]=$full_rows)
fi

die() { printf '\nrun.sh: ERROR: %s\n' "$*" >&2; exit 1; }
errors=()
fail() { # fail MESSAGE [DETAIL]: a command failed; say so loudly now, exit 1 at the end
  printf '!!! FAILED: %s\n' "$1"
  if [[ -n ${2:-} ]]; then printf '%s\n' "$2" | sed 's/^/    | /'; fi
  errors+=("$1")
}
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { printf f, v }'; }
mb() { fmt "$(awk -v b="$1" 'BEGIN { print b / 1e6 }')" '%.1f'; }
thousands() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<< "$1"; }

for f in "$src_csv" "$make_big"; do [[ -f $f ]] || die "$f not found (set SHARED_DIR to the shared folder)"; done
[[ -d $text_dir ]] || die "$text_dir not found (set SHARED_DIR to the shared folder)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is needed for peak RSS: apt-get install time"
command -v python3 > /dev/null || die "python3 is needed by make-big-csv"

tmp=$(mktemp -d)
partial=
cleanup() { rm -rf "$tmp"; if [[ -n $partial ]]; then rm -f "$partial"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- machine
echo "== cable-inspector benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'))"
cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem_kb=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $((mem_kb / 1024)) MiB memory, $(uname -sr)"
commit=$(git log -1 --format='%h %s' 2> /dev/null || echo 'not a git checkout')
dirty=$(git status --porcelain --untracked-files=no 2> /dev/null | head -c1 || true)
echo "commit:  $commit${dirty:+ (with uncommitted changes)} on $(git rev-parse --abbrev-ref HEAD 2> /dev/null || echo '?')"
echo "rustc:   $(rustc --version 2> /dev/null || echo 'not found')"
echo "mode:    $([[ $quick == 1 ]] && echo 'quick (1x dump only)' || echo 'full (1x, 4x, 16x)'), $runs timed runs per command, medians"

# ---------------------------------------------------------------- binary
if [[ -n ${CABLE_BIN:-} ]]; then
  bin=$CABLE_BIN
  [[ -x $bin ]] || die "CABLE_BIN=$bin is not an executable"
  echo "binary:  $bin (CABLE_BIN, not built from this commit), $("$bin" --version)"
else
  echo
  echo "== cargo build --release"
  cargo build --release || die "cargo build --release failed"
  bin=target/release/cable
  echo "binary:  $bin, $("$bin" --version)"
fi

# ---------------------------------------------------------------- data
# Average bytes per record of the source, for the disk space estimate: the
# last record's running number is its record count.
last_record() { # FILE -> running number of its last record ("N","...)
  tail -c 4000000 "$1" | grep -a -o '^"[0-9]\+","' | tail -n 1 | tr -dc '0-9'
}
src_bytes=$(stat -c %s "$src_csv")
src_rows=$(last_record "$src_csv" || true)
[[ -n $src_rows && $src_rows -gt 0 ]] || die "cannot count the records of $src_csv"
stamp_src="source $(sha256sum < "$src_csv" | cut -c1-16) $src_bytes; make-big-csv $(sha256sum < "$make_big" | cut -c1-16)"

mkdir -p "$data_dir"
declare -A dump_of bytes_of
to_build=()
need=0
for s in "${sizes[@]}"; do
  rows=${rows_of[$s]}
  dump=$data_dir/cables-$rows.csv
  dump_of[$s]=$dump
  meta="$dump.meta"
  if [[ -f $dump && -f $meta ]] \
    && [[ $(cat "$meta") == "rows $rows; bytes $(stat -c %s "$dump"); $stamp_src" ]] \
    && [[ $(last_record "$dump" || true) == "$rows" ]]; then
    continue
  fi
  to_build+=("$s")
  # IDs of later passes are a few bytes longer: 2% margin.
  est=$(awk -v r="$rows" -v b="$src_bytes" -v n="$src_rows" 'BEGIN { printf "%d", r * b / n * 1.02 }')
  old=0
  if [[ -f $dump ]]; then old=$(stat -c %s "$dump"); fi
  need=$((need + est - old))
done

echo
echo "== dumps in $data_dir (from $src_csv, $src_rows records, $(mb "$src_bytes") MB)"
avail=$(df -P -B1 "$data_dir" | awk 'NR == 2 { print $4 }')
if ((${#to_build[@]})); then
  reserve=$((256 * 1024 * 1024)) # leave the disk some room
  echo "disk: $(mb "$avail") MB free in $data_dir, about $(mb "$need") MB needed for ${to_build[*]}"
  if ((avail < need + reserve)); then
    die "not enough disk space for the dumps: about $(mb "$need") MB needed (plus $(mb "$reserve") MB kept free), only $(mb "$avail") MB free on the file system of $data_dir. Free some space or point BENCH_DATA_DIR at a larger disk$([[ $quick == 1 ]] || echo '; --quick needs only the 1x dump')."
  fi
fi
for s in "${sizes[@]}"; do
  rows=${rows_of[$s]}
  dump=${dump_of[$s]}
  if [[ " ${to_build[*]} " == *" $s "* ]]; then
    rm -f "$dump" "$dump.meta"
    partial=$dump.partial
    t0=$EPOCHREALTIME
    python3 "$make_big" "$src_csv" --rows "$rows" -o "$partial" || die "make-big-csv failed for $s ($rows rows)"
    t1=$EPOCHREALTIME
    mv "$partial" "$dump"
    partial=
    [[ $(last_record "$dump" || true) == "$rows" ]] || die "$dump: the last record is not number $rows"
    echo "rows $rows; bytes $(stat -c %s "$dump"); $stamp_src" > "$dump.meta"
    how="generated in $(fmt "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" '%.1f') s"
  else
    how="reused"
  fi
  bytes_of[$s]=$(stat -c %s "$dump")
  printf '%-4s %s: %s rows, %s MB, %s\n' "$s" "$dump" "$(thousands "$rows")" "$(mb "${bytes_of[$s]}")" "$how"
done
mem_avail_kb=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
largest=${bytes_of[${sizes[-1]}]}
if ((largest / 1024 > mem_avail_kb / 2)); then
  echo "WARNING: the largest dump ($(mb "$largest") MB) is more than half of the available memory; the page cache may not hold it and timings may include disk reads."
fi

# ---------------------------------------------------------------- timing
declare -A times rss_max note
warm() { # read inputs once so the timed runs come from the page cache
  cat "$@" > /dev/null
  if command -v fincore > /dev/null; then
    fincore -b -n -o RES,SIZE "$@" 2> /dev/null | awk -v ps="$(getconf PAGESIZE)" '
      { r += $1; s += int(($2 + ps - 1) / ps) * ps }
      END { if (s) printf "page cache: %.0f%% of the input resident (fincore)\n", 100 * r / s }'
  fi
}

# run_once KEY LABEL CMD...: one timed run with stdout to /dev/null;
# records the wall time and peak RSS under KEY. On a non-zero exit status
# it says so (naming the command LABEL) and returns 1.
run_once() {
  local key=$1 label=$2 t0 t1 rc=0 rss
  shift 2
  if [[ ${note[$key]:-} == FAILED ]]; then return 1; fi # failed before: not again
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" || rc=$?
  t1=$EPOCHREALTIME
  if ((rc != 0)); then
    note[$key]=FAILED
    fail "'$label' exited with status $rc (not run again)" "$(stderr_head)"
    return 1
  fi
  rss=$(awk 'END { print $2 }' "$tmp/time")
  times[$key]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }') "
  if ((rss > ${rss_max[$key]:-0})); then rss_max[$key]=$rss; fi
}
stderr_head() { if [[ -s $tmp/err ]]; then printf 'its stderr starts:\n%s' "$(head -n 5 "$tmp/err")"; fi; }

# check_json LABEL EXPECTED CMD...: run CMD (a `cable --json` command) once,
# untimed, and check that it exits 0 with one output line per cable.
check_json() {
  local label=$1 expected=$2 lines status=0
  shift 2
  lines=$("$@" 2> "$tmp/err" | wc -l) || status=$? # pipefail: cable's status
  if ((status == 0 && lines == expected)); then
    echo "check: '$label' exit status 0, $lines lines = $expected cables: OK"
    return 0
  fi
  fail "'$label' printed $lines JSON line(s) with exit status $status; expected $expected lines (one per cable) and status 0" "$(stderr_head)"
  return 1
}

# Table rows, in order: KEY|input label|command label|bytes|cables|wc key
rows_out=()

echo
echo "== timing: $runs runs per command, from the page cache (each input read once with cat first)"
declare -A cable_ok=()
for s in "${sizes[@]}"; do
  dump=${dump_of[$s]}
  rows=${rows_of[$s]}
  input="dump $s ($(thousands "$rows") rows)"
  echo
  echo "-- $input: $dump"
  warm "$dump"
  cable_ok[$s]=1
  if ! check_json "cable --json $dump" "$rows" "$bin" --json "$dump"; then
    cable_ok[$s]=0 note[json-$s]=FAILED note[text-$s]=skipped
    echo "    This build of cable does not read the cables.csv dump as one JSON object per record:"
    echo "    the cable timings of the $s dump are skipped, wc -l is still timed."
  fi
  rows_out+=("wc-$s|$input|wc -l|${bytes_of[$s]}||wc-$s")
  rows_out+=("json-$s|$input|cable --json|${bytes_of[$s]}|$rows|wc-$s")
  rows_out+=("text-$s|$input|cable (text report)|${bytes_of[$s]}|$rows|wc-$s")
done
# Each round times every size once, so a slow spell of a shared machine
# hits all sizes alike and does not pass for a change of time per MB.
echo
for ((r = 1; r <= runs; r++)); do
  for s in "${sizes[@]}"; do
    dump=${dump_of[$s]}
    run_once "wc-$s" "wc -l $dump" wc -l "$dump" || true
    if ((cable_ok[$s])); then
      run_once "json-$s" "cable --json $dump" "$bin" --json "$dump" || true
      run_once "text-$s" "cable $dump" "$bin" "$dump" || true
    fi
  done
  printf '   round %d/%d done (every size)\n' "$r" "$runs"
done

# Folder mode. Until cable walks folders it says "is a directory": then the
# files are passed as arguments instead.
files=("$text_dir"/*.txt)
nfiles=${#files[@]}
folder_bytes=$(cat "${files[@]}" | wc -c)
echo
echo "-- folder $text_dir ($nfiles text cables, $(mb "$folder_bytes") MB)"
warm "${files[@]}"
folder_cmd=("$bin" --json "$text_dir")
folder_label="cable --json $text_dir"
"${folder_cmd[@]}" 2> "$tmp/err" > /dev/null || true
if grep -q 'is a directory' "$tmp/err"; then
  folder_cmd=("$bin" --json "${files[@]}")
  folder_label="cable --json $text_dir/*.txt"
  echo "form used: $folder_label ($nfiles file arguments), because this build says '$(head -n 1 "$tmp/err")'"
else
  echo "form used: $folder_label (the tool walks the folder)"
fi
folder_ok=1
if ! check_json "$folder_label" "$nfiles" "${folder_cmd[@]}"; then
  folder_ok=0 note[json-dir]=FAILED
fi
rows_out+=("wc-dir|folder text/ ($nfiles files)|wc -l (the files)|$folder_bytes||wc-dir")
rows_out+=("json-dir|folder text/ ($nfiles files)|cable --json|$folder_bytes|$nfiles|wc-dir")
for ((r = 1; r <= runs; r++)); do
  run_once wc-dir "wc -l $text_dir/*.txt" wc -l "${files[@]}" || true
  if ((folder_ok)); then run_once json-dir "$folder_label" "${folder_cmd[@]}" || true; fi
done
echo "   $runs runs done"

# ---------------------------------------------------------------- table
stats() { # KEY -> "median min max n" of the recorded times, or nothing
  local t=${times[$1]:-}
  [[ -n $t ]] || return 0
  # shellcheck disable=SC2086 # split the list of times on purpose
  printf '%s\n' $t | sort -g | awk '{ a[NR] = $1 } END {
    m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "%.6f %.6f %.6f %d\n", m, a[1], a[NR], NR }'
}
declare -A median
echo
echo "== results (wall seconds; runs from the page cache; MB = 10^6 bytes; x wc = median / median of wc -l on the same input)"
fmt_row='%-26s %-29s %4s %9s %9s %9s %9s %10s %8s %7s\n'
# shellcheck disable=SC2059 # the format is a variable on purpose
printf "$fmt_row" input command runs 'median s' 'min s' 'max s' 'MB/s' 'cables/s' 'RSS MB' 'x wc'
for row in "${rows_out[@]}"; do
  IFS='|' read -r key input label bytes cables wckey <<< "$row"
  if [[ -n ${note[$key]:-} ]]; then label+=" ${note[$key]}"; fi
  st=$(stats "$key")
  if [[ -z $st ]]; then
    # shellcheck disable=SC2059
    printf "$fmt_row" "$input" "$label" 0 - - - - - - -
    continue
  fi
  read -r med min max n <<< "$st"
  median[$key]=$med
  wcmed=$(stats "$wckey" | cut -d' ' -f1)
  # shellcheck disable=SC2059
  printf "$fmt_row" "$input" "$label" "$n" "$(fmt "$med" '%.3f')" "$(fmt "$min" '%.3f')" "$(fmt "$max" '%.3f')" \
    "$(awk -v b="$bytes" -v t="$med" 'BEGIN { printf "%.1f", b / 1e6 / t }')" \
    "$([[ -n $cables ]] && awk -v c="$cables" -v t="$med" 'BEGIN { printf "%.0f", c / t }' || echo -)" \
    "$(awk -v k="${rss_max[$key]}" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')" \
    "$([[ -n $wcmed ]] && awk -v a="$med" -v b="$wcmed" 'BEGIN { printf "%.2f", a / b }' || echo -)"
done

# ---------------------------------------------------------------- targets
echo
echo "== targets (for reading; they do not change the exit status)"
verdict() { printf '%-4s %s\n' "$1" "$2"; }
big=${sizes[-1]}
bigdesc="the $big dump"
if [[ $quick == 1 ]]; then bigdesc+=" (quick run: not the full dump)"; fi
if [[ -n ${median[json-$big]:-} ]]; then
  rate=$(awk -v b="${bytes_of[$big]}" -v t="${median[json-$big]}" 'BEGIN { printf "%.1f", b / 1e6 / t }')
  verdict "$(awk -v r="$rate" 'BEGIN { print (r >= 500 ? "PASS" : "FAIL") }')" \
    "JSON throughput >= 500 MB/s on $bigdesc: $rate MB/s ($(fmt "${median[json-$big]}" '%.3f') s)"
  rss=$(awk -v k="${rss_max[json-$big]}" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')
  verdict "$(awk -v r="$rss" 'BEGIN { print (r < 200 ? "PASS" : "FAIL") }')" \
    "JSON peak RSS < 200 MB on $bigdesc: $rss MB"
else
  verdict FAIL "JSON throughput >= 500 MB/s on $bigdesc: not measured (the command failed)"
  verdict FAIL "JSON peak RSS < 200 MB on $bigdesc: not measured (the command failed)"
fi
if [[ -n ${median[json-dir]:-} ]]; then
  verdict "$(awk -v t="${median[json-dir]}" 'BEGIN { print (t < 0.2 ? "PASS" : "FAIL") }')" \
    "folder mode < 0.2 s for the $nfiles text cables: $(fmt "${median[json-dir]}" '%.3f') s ($folder_label)"
else
  verdict FAIL "folder mode < 0.2 s for the $nfiles text cables: not measured (the command failed)"
fi
per() { awk -v t="${median[$1-$2]}" -v b="${bytes_of[$2]}" 'BEGIN { printf "%.6f", t / (b / 1e6) }'; } # KIND SIZE -> s/MB
if [[ $quick == 1 ]]; then
  verdict SKIP "linear growth (s/MB at 16x within 25% of 1x): needs the full run"
else
  for kind in json text; do
    label=$([[ $kind == json ]] && echo 'cable --json' || echo 'text report')
    if [[ -n ${median[$kind-1x]:-} && -n ${median[$kind-16x]:-} ]]; then
      p1=$(per "$kind" 1x)
      line=""
      for s in 4x 16x; do
        if [[ -n ${median[$kind-$s]:-} ]]; then
          line+=", $s $(awk -v a="$(per "$kind" "$s")" -v b="$p1" 'BEGIN { printf "%.2f", a / b }')"
        fi
      done
      ratio=$(awk -v a="$(per "$kind" 16x)" -v b="$p1" 'BEGIN { printf "%.2f", a / b }')
      verdict "$(awk -v r="$ratio" 'BEGIN { print (r >= 0.75 && r <= 1.25 ? "PASS" : "FAIL") }')" \
        "linear growth, $label: s/MB relative to 1x ($(awk -v p="$p1" 'BEGIN { printf "%.2f", p * 1000 }') ms/MB): 1x 1.00$line (limit 0.75..1.25)"
    else
      verdict FAIL "linear growth, $label: not measured (the command failed)"
    fi
  done
fi

echo
if ((${#errors[@]})); then
  echo "!!! ${#errors[@]} command(s) FAILED (see the messages above); exit status 1:"
  for e in "${errors[@]}"; do printf '  - %s\n' "$e"; done
  echo "run.sh: ${#errors[@]} command(s) failed" >&2
  exit 1
fi
echo "all commands ran; exit status 0 (PASS/FAIL above is for reading)"
