#!/usr/bin/env python3
"""Writes a C file whose one asm statement has N instructions (limits/template-10000.test).

N-1 `addl $1, %0` on a "+r" operand, then `movl $0, %%ebx`: the block must be
decoded to its end, and the last instruction clobbers rbx undeclared."""
import sys

n = int(sys.argv[1])
print("unsigned f(unsigned x) {")
print("  asm(")
for _ in range(n - 1):
    print('      "addl $1, %0\\n\\t"')
print('      "movl $0, %%ebx"')
print('      : "+r"(x) : : "cc");')
print("  return x;")
print("}")
