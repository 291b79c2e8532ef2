// The Clang Static Analyzer checker asmstory.InlineAsm (in the same module):
// the AST-side findings as analyzer bug reports, with notes and fix-its.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang --analyze -Xclang -load -Xclang %asmstory_so -Xclang -analyzer-checker=asmstory \
// RUN:   -Xclang -analyzer-output=plist %s -o %t/report.plist 2>&1 | FileCheck %s --check-prefix=TEXT
// RUN: FileCheck %s --check-prefix=PLIST < %t/report.plist
// Rule selection: the checker's option, or -fplugin-arg-asmstory-checks.
// RUN: %clang --analyze -Xclang -load -Xclang %asmstory_so -Xclang -analyzer-checker=asmstory \
// RUN:   -Xclang -analyzer-config -Xclang 'asmstory.InlineAsm:Checks=-*;pure-*' %s -o %t/r2.plist 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PURE --implicit-check-not='[asmstory-'
// RUN: %clang --analyze -Xclang -load -Xclang %asmstory_so -Xclang -analyzer-checker=asmstory \
// RUN:   -fplugin-arg-asmstory-checks=-*,pure-* %s -o %t/r3.plist 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PURE --implicit-check-not='[asmstory-'
// The dialect comes from the compilation: -masm=intel reads the Intel block.
// RUN: %clang --analyze -Xclang -load -Xclang %asmstory_so -Xclang -analyzer-checker=asmstory -masm=intel \
// RUN:   -DINTEL %s -o %t/r4.plist 2>&1 | FileCheck %s --check-prefix=INTEL --implicit-check-not='[asmstory-'
// The checker is listed.
// RUN: %clang -cc1 -load %asmstory_so -analyzer-checker-help | FileCheck %s --check-prefix=HELP
// HELP: asmstory.InlineAsm

#ifndef INTEL
unsigned leaf(unsigned a) {
  // TEXT: analyzer.c:[[@LINE+1]]:17: warning: the block changes rcx, rbx, rdx {{.*}}[asmstory-clobber-missing] [asmstory.InlineAsm]
  asm volatile("cpuid" : "+a"(a));
  // TEXT: note: `cpuid` writes rbx and the block does not restore it
  return a;
}

unsigned long long stamp(void) {
  unsigned lo, hi;
  // TEXT: analyzer.c:[[@LINE+2]]:8: warning: `rdtsc` returns a value {{.*}}[asmstory-pure-side-effect] [asmstory.InlineAsm]
  // PURE: analyzer.c:[[@LINE+1]]:8: warning: `rdtsc` {{.*}}[asmstory-pure-side-effect]
  asm("rdtsc" : "=a"(lo), "=d"(hi));
  return ((unsigned long long)hi << 32) | lo;
}
#else
unsigned twice(unsigned x) {
  // INTEL: analyzer.c:[[@LINE+1]]:23: warning: the block changes rbx {{.*}}[asmstory-clobber-missing]
  asm("mov ebx, %0\n\tadd ebx, ebx\n\tmov %0, ebx" : "+r"(x));
  return x;
}
#endif

// PLIST: <key>category</key><string>Inline assembly</string>
// PLIST-NEXT: <key>type</key><string>asmstory-clobber-missing</string>
// PLIST-NEXT: <key>check_name</key><string>asmstory.InlineAsm</string>
// PLIST: <key>type</key><string>asmstory-pure-side-effect</string>
