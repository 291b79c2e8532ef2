// On i386, lea computes an address and accesses no memory (LLVM types its
// operand as memory there, unlike x86-64's): no access, no unmodeled note.
// RUN: %asmstory --target=i386-pc-linux-gnu --dump %s | FileCheck %s --check-prefix=DUMP
// RUN: %asmstory --target=i386-pc-linux-gnu %s | FileCheck %s --allow-empty --implicit-check-not='[asmstory-'
// DUMP: insn 0 (line 1:1): leal (%ecx,%edx,4), %eax     LEA32r leal     reads=ecx,edx writes=eax{{$}}
// DUMP: insn 0 (line 1:1): leal 8(%ecx), %eax           LEA32r leal     reads=ecx writes=eax{{$}}
int scaled(int a, int b) {
  int r;
  __asm__("leal (%1,%2,4), %0" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
int offset(int a) {
  int r;
  __asm__("leal 8(%1), %0" : "=r"(r) : "r"(a));
  return r;
}
