#!/bin/sh
# parallel-runs.sh ASMSTORY RUNS JOBS FILE...: runs `ASMSTORY -j JOBS FILE...`
# RUNS times, each under a 60 s timeout, and fails on the first run that
# hangs, exits with another status than the single-threaded run, or prints
# other findings.  (LLVM's target registry once raced in threads: 3 runs in
# 20 never exited.)
set -u
tool=$1 runs=$2 jobs=$3
shift 3
ref=$(mktemp) out=$(mktemp)
trap 'rm -f "$ref" "$out"' EXIT
"$tool" -j 1 "$@" >"$ref" 2>&1
want=$?
i=0
while [ "$i" -lt "$runs" ]; do
  i=$((i + 1))
  timeout 60 "$tool" -j "$jobs" "$@" >"$out" 2>&1
  rc=$?
  if [ "$rc" -eq 124 ]; then echo "run $i of $runs: hung (killed after 60 s)"; exit 1; fi
  if [ "$rc" -ne "$want" ]; then echo "run $i of $runs: exit $rc, -j 1 gave $want"; exit 1; fi
  if ! cmp -s "$ref" "$out"; then echo "run $i of $runs: output differs from -j 1"; diff "$ref" "$out" | head; exit 1; fi
done
echo "$runs runs of -j $jobs: all finished, same output as -j 1 (exit $want)"
