// RUN: not %asmstory %s -- --target=armv7a-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --target=thumbv7em-none-eabihf %s -- -ffreestanding | FileCheck %s --implicit-check-not='[asmstory-'
// operand-width on 32-bit ARM: a narrow operand's undefined upper bits are
// followed through add, sub, and, orr, eor and mov to their uses.
// Concurrency Kit's ck_pr_faa_8 and ck_pr_add_8 combine an 8-bit delta
// with add and store the low 8 bits with strexb (silent); a compare of the
// same value at 32 bits, or a sum returned as 32 bits, is reported at the
// instruction that first read the narrow value.
typedef unsigned char u8;
typedef unsigned short u16;

u8 faa8_ok(u8 *target, u8 delta) {
  u8 previous = 0, r = 0, tmp = 0;
  asm volatile("1: ldrexb %0, [%3]\n\tadd %1, %4, %0\n\tstrexb %2, %1, [%3]\n\tcmp %2, #0\n\tbne 1b"
               : "+&r"(previous), "+&r"(r), "+&r"(tmp) : "r"(target), "r"(delta) : "memory", "cc");
  return previous;
}
void and8_ok(u8 *target, u8 delta) {
  u8 previous = 0, tmp = 0;
  asm volatile("1: ldrexb %0, [%2]\n\tand %0, %0, %3\n\tstrexb %1, %0, [%2]\n\tcmp %1, #0\n\tbne 1b"
               : "+&r"(previous), "+&r"(tmp) : "r"(target), "r"(delta) : "memory", "cc");
}
unsigned faa8_sum_bad(u8 *target, u8 delta) {
  unsigned previous = 0, r = 0, tmp = 0;
  // CHECK: width.c:[[@LINE+2]]:{{[0-9]+}}: warning: `add{{(.w)?}} r1, r{{[0-9]+}}, r0` reads 32 bits of operand %4 (`delta`), whose value has only 8 bits (u8){{.*}}[asmstory-operand-width]
  // CHECK: note: the value reaches output %1 (`r`), which the compiler reads as 32 bits
  asm volatile("1: ldrexb %0, [%3]\n\tadd %1, %4, %0\n\tstrexb %2, %1, [%3]\n\tcmp %2, #0\n\tbne 1b"
               : "+&r"(previous), "+&r"(r), "+&r"(tmp) : "r"(target), "r"(delta) : "memory", "cc");
  return r;
}
int cas16_bad(u16 *target, u16 compare, u16 set) {
  u16 previous = 0, tmp = 0;
  // CHECK: width.c:[[@LINE+1]]:{{[0-9]+}}: warning: `cmp{{(.w)?}} r0, r{{[0-9]+}}` reads 32 bits of operand %4 (`compare`), whose value has only 16 bits (u16){{.*}}[asmstory-operand-width]
  asm volatile("1: ldrexh %0, [%2]\n\tcmp %0, %4\n\tbne 2f\n\tstrexh %1, %3, [%2]\n\tcmp %1, #1\n\tbeq 1b\n2:"
               : "+&r"(previous), "+&r"(tmp) : "r"(target), "r"(set), "r"(compare) : "memory", "cc");
  return previous == compare;
}
int cas16_ok(u16 *target, u16 compare, u16 set) {
  u16 previous = 0, tmp = 0;
  asm volatile("1: ldrexh %0, [%2]\n\tuxth %1, %4\n\tcmp %0, %1\n\tbne 2f\n\tstrexh %1, %3, [%2]\n\tcmp %1, #1\n\tbeq 1b\n2:"
               : "+&r"(previous), "+&r"(tmp) : "r"(target), "r"(set), "r"(compare) : "memory", "cc");
  return previous == compare;
}
unsigned mask_ok(u8 a) {
  unsigned r;
  asm("and %0, %1, #255" : "=r"(r) : "r"(a));
  return r;
}
