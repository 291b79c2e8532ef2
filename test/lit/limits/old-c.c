// RUN: not %asmstory %s 2>&1 | FileCheck %s --implicit-check-not='[asmstory-' --implicit-check-not='asmstory: '
// RUN: sh -c '%asmstory %s >/dev/null 2>&1; test $? -eq 1'
// The note goes to stderr only: stdout keeps the findings (and SARIF stays valid).
// RUN: not %asmstory %s 2>/dev/null | FileCheck %s --check-prefix=STDOUT
// RUN: not %asmstory --format=sarif %s 2>/dev/null | FileCheck %s --check-prefix=SARIF
// K&R definitions are errors only under the user's -Werror: downgraded too.
// RUN: not %asmstory %S/Inputs/old-c-kr.c -- -Werror 2>&1 | FileCheck %s --check-prefix=KR --implicit-check-not='asmstory: '
// KR: asmstory: note: '{{.*}}old-c-kr.c' is old C that clang rejects (function definitions without prototypes): analyzed as GCC compiles it, with those errors as warnings
// KR: old-c-kr.c:5:17: warning: the block changes rcx, rbx, rdx but declares them neither as an output nor as a clobber
// RUN: not %asmstory %S/Inputs/old-c-kr.c 2>&1 | FileCheck %s --check-prefix=KR-PLAIN --implicit-check-not='asmstory: '
// KR-PLAIN: old-c-kr.c:5:17: warning: the block changes rcx, rbx, rdx
// Real errors in old C still do not compile: exit 2, and the reason is the
// real error, not the old-C errors before it.
// RUN: not %asmstory %S/Inputs/old-c-syntax-error.c 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: sh -c '%asmstory %S/Inputs/old-c-syntax-error.c 2>/dev/null; test $? -eq 2'
// SYNTAX: asmstory: error: '{{.*}}old-c-syntax-error.c' does not compile: {{.*}}old-c-syntax-error.c:4:21: error: expected expression
// SYNTAX-NOT: {{.}}
// Limits: old C that clang 22 rejects and GCC compiles (K&R definitions,
// implicit int, calls to undeclared functions, an int used as a pointer).
// It is analyzed as GCC compiles it, in the libclang parse and in the IR
// compile of the permission stories alike, with one note for the file.  A
// real error in old C still stops the run with exit 2 (Inputs/old-c-syntax-error.c).
//
// CHECK: asmstory: note: '{{.*}}old-c.c' is old C that clang rejects (implicit function declarations, implicit int, conversions between integers and pointers): analyzed as GCC compiles it, with those errors as warnings
// STDOUT-NOT: old C
// SARIF: "ruleId": "clobber-missing"
// SARIF: "ruleId": "memory-out-of-bounds"

cpuid_max(leaf)
{
  // CHECK: old-c.c:[[@LINE+1]]:17: warning: the block changes rcx, rbx, rdx but declares them neither as an output nor as a clobber; the compiler may keep a live value there across the asm [asmstory-clobber-missing]
  asm volatile("cpuid" : "+a"(leaf));
  return leaf;
}

fill(n)
  unsigned long n;
{
  char buf[32];
  char *d = buf;
  // CHECK: old-c.c:[[@LINE+1]]:17: warning: when `n` = 33, `rep stosb %al, %es:(%rdi)` writes `buf[0..33)`, past the end of `buf` (local, 32 bytes) [asmstory-memory-out-of-bounds]
  asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(0) : "memory");
  consume(buf);
}

main()
{
  char *p = getenv("HOME");
  return cpuid_max(p != 0);
}
