#!/bin/sh
# Runs the libFuzzer targets of test/fuzz (built by `make fuzz-build`).
#
#   scripts/fuzz.sh smoke [build-dir]   replay test/fuzz/regressions/<target>/, then a
#                                       short deterministic run from the seed corpus
#   scripts/fuzz.sh long  [build-dir]   FUZZ_TIME seconds per target (default 300)
#
# Seeds are read from test/fuzz/corpus/<target>/ and never written: new inputs go
# to <build-dir>/fuzz-corpus/<target>/ (kept between long runs), crashes to
# <build-dir>/fuzz-artifacts/.  A crash, leak, sanitizer report or timeout fails the run;
# copy the artifact into test/fuzz/regressions/<target>/ once it is fixed.
# Environment: FUZZ_TARGETS (default: all four), FUZZ_TIME, FUZZ_RUNS (smoke, default
# 2000), FUZZ_SMOKE_TIME (smoke cap per target, default 20), FUZZ_SEED (smoke, default 1).
set -eu
mode=${1:-smoke}
build=${2:-build-fuzz}
cd "$(dirname "$0")/.."
root=$(pwd)
targets=${FUZZ_TARGETS:-"fuzz_constraint fuzz_template fuzz_decode fuzz_ir"}
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
# Random templates would fill the user's cache of assembler answers.
export ASMSTORY_CACHE_DIR=off
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/test/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
artifacts="$root/$build/fuzz-artifacts"
mkdir -p "$artifacts"

status=0
for t in $targets; do
  bin="$root/$build/bin/$t"
  [ -x "$bin" ] || { echo "fuzz: $bin is missing (make fuzz-build)" >&2; exit 2; }
  seeds="$root/test/fuzz/corpus/$t"
  regressions="$root/test/fuzz/regressions/$t"
  dict="$root/test/fuzz/$t.dict"
  set --
  [ -f "$dict" ] && set -- "-dict=$dict"
  log="$root/$build/fuzz-$t.log"
  case $mode in
  smoke)
    # Every saved crash input must now pass.
    if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
      if ! "$bin" "$@" "$regressions"/* >"$log" 2>&1; then
        echo "fuzz: $t: a regression input fails again (see $log)" >&2
        tail -40 "$log" >&2
        status=1
        continue
      fi
      echo "fuzz: $t: $(ls "$regressions" | wc -l) regression inputs pass"
    fi
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/asmstory-fuzz-XXXXXX")
    if "$bin" "$@" -seed="${FUZZ_SEED:-1}" -runs="${FUZZ_RUNS:-2000}" \
        -max_total_time="${FUZZ_SMOKE_TIME:-20}" -timeout=25 -rss_limit_mb=4096 \
        -artifact_prefix="$artifacts/$t-" -print_final_stats=1 \
        "$scratch" "$seeds" >"$log" 2>&1; then
      echo "fuzz: $t: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs, no crash"
    else
      echo "fuzz: $t: FAILED (log: $log, artifacts: $artifacts/$t-*)" >&2
      grep -E 'ERROR|runtime error|Test unit written|SUMMARY' "$log" | head -20 >&2
      status=1
    fi
    rm -rf "$scratch"
    ;;
  long)
    corpus="$root/$build/fuzz-corpus/$t"
    mkdir -p "$corpus"
    echo "fuzz: $t for ${FUZZ_TIME:-300} s (corpus $corpus)"
    if "$bin" "$@" -max_total_time="${FUZZ_TIME:-300}" -timeout=25 -rss_limit_mb=4096 \
        -artifact_prefix="$artifacts/$t-" -print_final_stats=1 \
        "$corpus" "$seeds" >"$log" 2>&1; then
      echo "fuzz: $t: no crash ($(ls "$corpus" | wc -l) corpus inputs)"
    else
      echo "fuzz: $t: FAILED (log: $log, artifacts: $artifacts/$t-*)" >&2
      grep -E 'ERROR|runtime error|Test unit written|SUMMARY' "$log" | head -20 >&2
      status=1
    fi
    ;;
  *)
    echo "usage: scripts/fuzz.sh smoke|long [build-dir]" >&2
    exit 2
    ;;
  esac
done
exit $status
