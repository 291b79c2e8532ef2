// The effects layer alone (--print-effects): the x87 register stack (what
// an instruction pushes and pops, where each entry value is at exit), the
// upper bits vzeroupper zeroes, and the state saves and restores.
// RUN: %asmstory --print-effects %s | FileCheck %s --match-full-lines

// One value in, one out, a temporary pushed and popped: the stack ends
// where it started; position 7 took the pushed value's slot (a value the
// compiler kept there would have overflowed: not the operands' business).
// CHECK: block {{[0-9]+}} at {{.*}}x87.c:[[@LINE+23]]:3 in add_one (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: fld1; reads fpcw; writes fpsw st0; pushes 1
// CHECK-NEXT: insn 1: faddp %st, %st(1); reads st1 fpcw st0; writes fpsw st1; pops 1
// CHECK-NEXT: reg fpcw: entry defined; not written
// CHECK-NEXT: reg fpsw: entry defined; first write insn 0; changed at exit by insn 1
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: reg st0: entry defined; first write insn 0; changed at exit by insn 1; holds %0 (`r`); holds %1 (`x`)
// CHECK-NEXT: reg st1: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: reg st2: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: reg st3: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: reg st4: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: reg st5: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: reg st6: entry defined; first write insn 0; restored at exit
// CHECK-NEXT: reg st7: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: register stack: exit +0 (insn 1); deepest +1; holds insn 1, entry st1, entry st2, entry st3, entry st4, entry st5, entry st6, insn 0
// CHECK-NEXT: written on every path: %0 (`r`) %1 (`x`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
double add_one(double x) {
  double r;
  asm("fld1\n\tfaddp" : "=t"(r) : "0"(x));
  return r;
}

// fpatan pops st(1): the stack ends one shallower, everything below moved
// up one position.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}x87.c:[[@LINE+22]]:3 in atan2_ (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: fpatan; reads fpcw st0 st1; writes fpsw st1; pops 1
// CHECK-NEXT: reg fpcw: entry defined; not written
// CHECK-NEXT: reg fpsw: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: reg st0: entry defined; first write insn 0; changed at exit by insn 0; holds %0 (`r`); holds %1 (`x`)
// CHECK-NEXT: reg st1: entry defined; first write insn 0; changed at exit by insn 0; holds %2 (`y`)
// CHECK-NEXT: reg st2: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: reg st3: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: reg st4: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: reg st5: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: reg st6: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: reg st7: entry defined; first write insn 0; changed at exit by insn 0
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: register stack: exit -1 (insn 0); holds insn 0, entry st2, entry st3, entry st4, entry st5, entry st6, entry st7, entry st0
// CHECK-NEXT: written on every path: %0 (`r`) %1 (`x`) %2 (`y`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
long double atan2_(long double y, long double x) {
  long double r;
  asm("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
  return r;
}

// fxch is an exchange: twice, and the registers hold their entry values.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}x87.c:[[@LINE+23]]:3 in swap_twice (C, att, {{[^)]*}}) pure
// CHECK-NEXT: insn 0: fxch %st(1); reads st1 fpcw st0; writes fpsw st0 st1
// CHECK-NEXT: insn 1: fxch %st(1); reads st1 fpcw st0; writes fpsw st0 st1
// CHECK-NEXT: reg fpcw: entry defined; not written
// CHECK-NEXT: reg fpsw: entry defined; not written
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: reg st0: entry defined; first write insn 0; restored at exit; holds %0 (`r`); holds %1 (`x`)
// CHECK-NEXT: reg st1: entry defined; first write insn 0; restored at exit; holds %2 (`y`)
// CHECK-NEXT: reg st2: entry defined; not written
// CHECK-NEXT: reg st3: entry defined; not written
// CHECK-NEXT: reg st4: entry defined; not written
// CHECK-NEXT: reg st5: entry defined; not written
// CHECK-NEXT: reg st6: entry defined; not written
// CHECK-NEXT: reg st7: entry defined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: register stack: exit +0; holds entry st0, entry st1, entry st2, entry st3, entry st4, entry st5, entry st6, entry st7
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
double swap_twice(double x, double y) {
  double r;
  asm("fxch %%st(1)\n\tfxch %%st(1)" : "=t"(r) : "0"(x), "u"(y));
  return r;
}

// vzeroupper zeroes bits 128 and up of ymm0-ymm15: their low 128 bits are
// kept.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}x87.c:[[@LINE+26]]:3 in upper (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: vzeroupper; reads -; writes zmm0 zmm1 zmm2 zmm3 zmm4 zmm5 zmm6 zmm7 zmm8 zmm9 zmm10 zmm11 zmm12 zmm13 zmm14 zmm15
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: reg zmm0: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm1: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm10: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm11: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm12: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm13: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm14: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm15: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm2: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm3: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm4: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm5: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm6: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm7: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm8: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: reg zmm9: entry undefined; first write insn 0; changed at exit by insn 0; defined bits at exit 0; low 128 bits kept
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: written on every path: none
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void upper(void) {
  asm volatile("vzeroupper");
}

// fxsave and fxrstor of the same memory: the stack and the xmm registers
// are back; xsave stores at least its 576-byte legacy area and header.
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}x87.c:[[@LINE+84]]:3 in roundtrip (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: fxsave (%rax); reads rax fpsw fpcw; writes -; saves the register stack
// CHECK-NEXT: insn 1: fninit; reads -; writes fpsw fpcw; empties the register stack
// CHECK-NEXT: insn 2: fxrstor (%rax); reads rax; writes fpsw fpcw zmm0 zmm1 zmm2 zmm3 zmm4 zmm5 zmm6 zmm7 zmm8 zmm9 zmm10 zmm11 zmm12 zmm13 zmm14 zmm15 mxcsr; restores the register stack
// CHECK-NEXT: reg fpcw: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg fpsw: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg mxcsr: entry defined; first write insn 2; restored at exit
// CHECK-NEXT: reg rax: entry defined; not written; addresses %0 (`*(char (*)[512])p`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: reg st0: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg st1: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg st2: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg st3: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg st4: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg st5: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg st6: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg st7: entry defined; first write insn 1; restored at exit
// CHECK-NEXT: reg zmm0: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm1: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm10: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm11: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm12: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm13: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm14: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm15: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm2: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm3: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm4: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm5: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm6: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm7: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm8: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: reg zmm9: entry undefined; first write insn 2; restored at exit
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: register stack: exit +0 (insn 2); holds entry st0, entry st1, entry st2, entry st3, entry st4, entry st5, entry st6, entry st7
// CHECK-NEXT: access insn 0: store 512 bytes; align 16; memory operand %0 (`*(char (*)[512])p`)+0
// CHECK-NEXT: access insn 2: load 512 bytes; align 16; memory operand %0 (`*(char (*)[512])p`)+0
// CHECK-NEXT: written on every path: %0 (`*(char (*)[512])p`)
// CHECK-NEXT: side effects: fpenv (insn 1)
// CHECK-NEXT: exit: falls through; converged
// CHECK-NEXT: block {{[0-9]+}} at {{.*}}x87.c:[[@LINE+45]]:3 in xsave (C, att, {{[^)]*}}) volatile
// CHECK-NEXT: insn 0: xsave (%rcx); reads rcx rdx rax; writes -; saves the register stack
// CHECK-NEXT: reg fpcw: entry defined; not written
// CHECK-NEXT: reg fpsw: entry defined; not written
// CHECK-NEXT: reg mxcsr: entry defined; not written
// CHECK-NEXT: reg rax: entry defined; not written; holds %1 (`-1`)
// CHECK-NEXT: reg rcx: entry defined; not written; addresses %0 (`*(char (*)[4096])p`)
// CHECK-NEXT: reg rdx: entry defined; not written; holds %2 (`-1`)
// CHECK-NEXT: reg rsp: entry defined; not written
// CHECK-NEXT: reg st0: entry defined; not written
// CHECK-NEXT: reg st1: entry defined; not written
// CHECK-NEXT: reg st2: entry defined; not written
// CHECK-NEXT: reg st3: entry defined; not written
// CHECK-NEXT: reg st4: entry defined; not written
// CHECK-NEXT: reg st5: entry defined; not written
// CHECK-NEXT: reg st6: entry defined; not written
// CHECK-NEXT: reg st7: entry defined; not written
// CHECK-NEXT: reg zmm0: entry undefined; not written
// CHECK-NEXT: reg zmm1: entry undefined; not written
// CHECK-NEXT: reg zmm10: entry undefined; not written
// CHECK-NEXT: reg zmm11: entry undefined; not written
// CHECK-NEXT: reg zmm12: entry undefined; not written
// CHECK-NEXT: reg zmm13: entry undefined; not written
// CHECK-NEXT: reg zmm14: entry undefined; not written
// CHECK-NEXT: reg zmm15: entry undefined; not written
// CHECK-NEXT: reg zmm2: entry undefined; not written
// CHECK-NEXT: reg zmm3: entry undefined; not written
// CHECK-NEXT: reg zmm4: entry undefined; not written
// CHECK-NEXT: reg zmm5: entry undefined; not written
// CHECK-NEXT: reg zmm6: entry undefined; not written
// CHECK-NEXT: reg zmm7: entry undefined; not written
// CHECK-NEXT: reg zmm8: entry undefined; not written
// CHECK-NEXT: reg zmm9: entry undefined; not written
// CHECK-NEXT: flags: not written
// CHECK-NEXT: stack: not used; exit sp+0
// CHECK-NEXT: direction flag: clear at exit
// CHECK-NEXT: register stack: exit +0; holds entry st0, entry st1, entry st2, entry st3, entry st4, entry st5, entry st6, entry st7
// CHECK-NEXT: access insn 0: store at least 576 bytes; align 64; memory operand %0 (`*(char (*)[4096])p`)+0
// CHECK-NEXT: written on every path: %0 (`*(char (*)[4096])p`)
// CHECK-NEXT: side effects: none
// CHECK-NEXT: exit: falls through; converged
void roundtrip(char *p) {
  asm volatile("fxsave %0\n\tfninit\n\tfxrstor %0" : "+m"(*(char (*)[512])p));
}
void xsave(char *p) {
  asm volatile("xsave %0" : "=m"(*(char (*)[4096])p) : "a"(-1), "d"(-1));
}
