// RUN: %asmstory --dump --checks=-* %s | FileCheck %s --implicit-check-not='error'
// RUN: %asmstory --dump --checks=-* %s -- --target=aarch64-linux-gnu | FileCheck %s --implicit-check-not='error'
// Assembler conditionals: a false .if skips to its .endif (MC finds .else
// and .endif only at the start of a line), as in the arm64 kernel's
// ALTERNATIVE_CFG with a disabled option (".if 0 == 1").
void disabled(void) { __asm__ __volatile__(".if 0 == 1\n\tnop\n.endif\n"); }
// CHECK: block 1 {{.*}} in disabled
// CHECK-NOT: insn 0
// CHECK: block 2 {{.*}} in enabled
// CHECK: insn 0 (line 2:2): nop
void enabled(void) { __asm__ __volatile__(".if 1 == 1\n\tnop\n.endif\n"); }
// CHECK: block 3 {{.*}} in after
// CHECK: insn 0 (line 1:1): nop
// CHECK: insn 1 (line 5:2): nop
void after(void) { __asm__ __volatile__("nop\n.if 0\n\tyield\n.else\n\tnop\n.endif\n"); }
