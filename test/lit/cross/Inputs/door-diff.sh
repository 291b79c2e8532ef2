#!/bin/sh
# door-diff.sh ASMSTORY CLANG TMP TARGET FILE [FLAGS...]: the findings of a
# C file through the C door (asmstory FILE -- --target=TARGET FLAGS) and
# through the IR door (clang -O2 -g to a .ll with that triple, then
# asmstory on the .ll; the debug info gives the source lines), as
# "line rule" pairs.  Prints "same N" and each pair only one door reports,
# as "only-c LINE RULE" or "only-ir LINE RULE".
asmstory=$1 clang=$2 tmp=$3 target=$4 file=$5
shift 5
base=$(basename "$file")
pairs() {
  grep -oE "$base:[0-9]+:[0-9]+: (warning|error): .*\[asmstory-[a-z-]+\]" |
    sed -E 's/^[^:]*:([0-9]+):[0-9]+: (warning|error): .*\[asmstory-([a-z-]+)\]$/\1 \3/' | sort -u
}
"$asmstory" "$file" -- --target="$target" "$@" 2>&1 | pairs > "$tmp.c"
"$clang" --target="$target" "$@" -O2 -g -S -emit-llvm "$file" -o "$tmp.ll" 2>/dev/null || { echo "clang failed"; exit 1; }
"$asmstory" "$tmp.ll" 2>&1 | pairs > "$tmp.ir"
echo "$base same $(comm -12 "$tmp.c" "$tmp.ir" | wc -l)"
comm -23 "$tmp.c" "$tmp.ir" | sed "s/^/$base only-c /"
comm -13 "$tmp.c" "$tmp.ir" | sed "s/^/$base only-ir /"
