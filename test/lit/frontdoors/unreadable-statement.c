// Issue 11: one block builder and one error policy for the CLI and the
// plugin.  A statement the compiler accepts but asmstory cannot read (here
// "+@ccz": clang takes an in-out flag output, GCC and asmstory's constraint
// parser do not) is reported at that statement as not verified
// (`unmodeled`, a note), and the rest of the file is analyzed: the buggy
// statement after it is still found.  Both doors report the same findings
// at the same places; the CLI's exit status is that of the other findings
// (a file with only the unreadable statement exits 0, as notes alone do).
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %asmstory %s > %t/cli.out
// RUN: FileCheck %s --input-file=%t/cli.out --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -Rremark-backend-plugin -O2 -c %s -o /dev/null 2> %t/plugin.out %}
// RUN: %if plugin %{ FileCheck %s --check-prefix=PLUGIN --input-file=%t/plugin.out --implicit-check-not='[asmstory-' %}
// RUN: %if plugin %{ python3 %S/normalize-findings.py %t/cli.out > %t/cli.txt %}
// RUN: %if plugin %{ python3 %S/normalize-findings.py %t/plugin.out > %t/plugin.txt %}
// RUN: %if plugin %{ diff -u %t/cli.txt %t/plugin.txt %}
// Without -R the plugin's note is a remark that stays off, as every
// `unmodeled` note; the warning is still there.
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -O2 -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not='[asmstory-' %}
// QUIET: unreadable-statement.c:{{[0-9]+}}:17: warning: {{.*}}[asmstory-clobber-missing]
// The unreadable statement alone: the note, exit 0.
// RUN: sed -n '/^int is_zero/,/^}/p' %s > %t/alone.c
// RUN: %asmstory %t/alone.c | FileCheck %s --check-prefix=ALONE
// ALONE: alone.c:{{[0-9]+}}:3: note: the block is not verified: bad asm constraint "+@ccz": flag output '+@ccz' must be a '=' output [asmstory-unmodeled]
// The other checks of the statement are not run; its place and template
// are kept (--print-effects).
// RUN: %asmstory --print-effects %t/alone.c | FileCheck %s --check-prefix=EFFECTS
// EFFECTS: not read: bad asm constraint "+@ccz"

int is_zero(long x) {
  int z;
  // CHECK: unreadable-statement.c:[[@LINE+2]]:3: note: the block is not verified: bad asm constraint "+@ccz": flag output '+@ccz' must be a '=' output [asmstory-unmodeled]
  // PLUGIN: unreadable-statement.c:[[@LINE+1]]:3: remark: the block is not verified: bad asm constraint "+@ccz": flag output '+@ccz' must be a '=' output [asmstory-unmodeled]
  asm("test %1, %1" : "+@ccz"(z) : "r"(x));
  return z;
}

unsigned leaf(unsigned a) {
  // CHECK: unreadable-statement.c:[[@LINE+2]]:17: warning: the block changes rcx, rbx, rdx {{.*}}[asmstory-clobber-missing]
  // PLUGIN: unreadable-statement.c:[[@LINE+1]]:17: warning: the block changes rcx, rbx, rdx {{.*}}[asmstory-clobber-missing]
  asm volatile("cpuid" : "+a"(a));
  return a;
}
