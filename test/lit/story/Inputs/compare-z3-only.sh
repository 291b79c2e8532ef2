#!/bin/sh
# compare-z3-only.sh ASMSTORY DIR TMP: each .c file of DIR and of
# DIR/../rules/memory-*.c gives the same --explain output with and without
# ASMSTORY_STORY_Z3_ONLY=1; a difference is printed and fails.
asmstory=$1 dir=$2 tmp=$3
n=0
for f in "$dir"/*.c "$dir"/../rules/memory-*.c; do
  "$asmstory" --explain "$f" > "$tmp.short" 2>&1
  ASMSTORY_STORY_Z3_ONLY=1 "$asmstory" --explain "$f" > "$tmp.z3" 2>&1
  diff "$tmp.short" "$tmp.z3" || { echo "differs: $f"; exit 1; }
  n=$((n + 1))
done
echo "compared $n files"
