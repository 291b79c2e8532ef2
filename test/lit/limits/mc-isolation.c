// No template can take the host down: LLVM's assembler runs in a child
// process (lib/target/mc_isolate.c).  A template that crashes it (SIGFPE in
// its Intel expression evaluator, found by fuzz_decode: regressions/
// fuzz_decode/intel-expression-sigfpe-3) or keeps it busy past the time
// limit is a template-error, and the next block is analyzed by a new server.
// RUN: env ASMSTORY_MC_TIMEOUT_MS=3000 not %asmstory %s -- -masm=intel 2>&1 | FileCheck %s --implicit-check-not='[asmstory-'
//
// Inside clang the plugin gives the same answers and clang does not crash
// (clang's own assembler is kept out with -fno-integrated-as -S); a
// sanitizer build's plugin cannot be loaded into clang.
// RUN: %if plugin %{ env ASMSTORY_MC_TIMEOUT_MS=3000 %clang -fplugin=%asmstory_so -masm=intel -fno-integrated-as -S -o %t.s %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}
//
// With MC in the host (a debugging switch), the same file kills the tool:
// this is what the isolation prevents (ASan is told to let the signal be).
// RUN: env ASAN_OPTIONS=handle_sigfpe=0:detect_leaks=0 ASMSTORY_MC_IN_PROCESS=1 not --crash %asmstory %s -- -masm=intel

void crashes(void) {
  // CHECK: mc-isolation.c:[[@LINE+2]]:3: error: LLVM's assembler crashed on this template (SIGFPE in its parser; the block is not analyzed) [asmstory-template-error]
  // PLUGIN: mc-isolation.c:[[@LINE+1]]:3: warning: LLVM's assembler crashed on this template (SIGFPE in its parser; the block is not analyzed) [asmstory-template-error]
  __asm__ volatile("-\n.-undec%0, %(%0%~cc %1, %(%]c");
}

void runs_for_minutes(void) {
  // CHECK: mc-isolation.c:[[@LINE+2]]:3: error: LLVM's assembler did not finish this template within 3000 ms (stopped; the block is not analyzed) [asmstory-template-error]
  // PLUGIN: mc-isolation.c:[[@LINE+1]]:3: warning: LLVM's assembler did not finish this template within 3000 ms {{.*}}[asmstory-template-error]
  __asm__ volatile(".rept 2000000000\n nop\n.endr");
}

// The blocks after those are analyzed as usual.
unsigned long after(void) {
  unsigned long x;
  // CHECK: mc-isolation.c:[[@LINE+2]]:12: warning: the block changes r10 {{.*}}[asmstory-clobber-missing]
  // PLUGIN: mc-isolation.c:[[@LINE+1]]:12: warning: the block changes r10 {{.*}}[asmstory-clobber-missing]
  __asm__("mov r10, 1\n\tmov %0, r10" : "=r"(x));
  return x;
}

// A short .rept is assembled (no line marker inside its body).
unsigned long repeated(unsigned long x) {
  __asm__(".rept 3\n\tadd %0, 1\n.endr" : "+r"(x) : : "cc");
  return x;
}
