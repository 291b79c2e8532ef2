// RUN: not %asmstory --target=riscv64-unknown-linux-gnu %s | FileCheck %s --check-prefix=GC
// RUN: %asmstory %s -- --target=riscv64-linux-gnu -march=rv64gcv | FileCheck %s --check-prefix=V --allow-empty
// A template with an instruction of an extension the build does not enable
// (V on plain rv64gc) is an error naming the target and the extension; with
// -march=rv64gcv it assembles and the rules run on it.
typedef unsigned long u64;

u64 vl_of(u64 n) {
  u64 vl;
  // GC: extensions.c:[[@LINE+2]]:{{[0-9]+}}: error: the template does not assemble for riscv64-unknown-linux-gnu after operand substitution: instruction requires the following: 'V' (Vector Extension{{.*}}[asmstory-template-error]
  // V-NOT: [asmstory-
  asm volatile("vsetvli %0, %1, e32, m1, ta, ma" : "=r"(vl) : "r"(n));
  return vl;
}
