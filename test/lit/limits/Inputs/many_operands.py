#!/usr/bin/env python3
"""Writes a C file with an asm statement of 30 operands, GCC's limit
(limits/operands-30.test).  Outputs: 3 "=r", 3 "=m"; inputs: 3 tied to the
"=r" outputs, 3 "m", 3 "r", 15 "i".  The template uses every operand; the
registers it names itself (rax, rdx) are clobbered, except the last
instruction's rdx write when BUG is given."""
import sys

bug = len(sys.argv) > 1 and sys.argv[1] == "BUG"
print("void f(long *out, const long *in, long a, long b, long c, long d, long e, long g,")
print("       long *r0, long *r1, long *r2) {")
outs = ['"=r"(*r%d)' % i for i in range(3)] + ['"=m"(out[%d])' % i for i in range(3)]
ins = ['"%d"(%s)' % (i, "abc"[i]) for i in range(3)]
ins += ['"m"(in[%d])' % i for i in range(3)]
ins += ['"r"(%s)' % v for v in "deg"]
ins += ['"i"(%d)' % (i + 1) for i in range(15)]
assert len(outs) + len(ins) == 30
lines = []
for i in range(3):
    lines.append("addq %%%d, %%%d" % (12 + i, i))          # "=r" += "r"
for i in range(3):
    lines.append("movq %%%d, %%%%rax" % (9 + i))           # "m" in -> rax
    lines.append("addq $%%c%d, %%%%rax" % (15 + i))        # + "i"
    lines.append("movq %%%%rax, %%%d" % (3 + i))           # -> "=m" out
for i in range(18, 30):
    lines.append("addq $%%c%d, %%0" % i)
lines.append("movq $0, %%rdx")
print("  asm(")
for l in lines:
    print('      "%s\\n\\t"' % l)
print('      ""')
print("      : " + ", ".join(outs))
print("      : " + ", ".join(ins))
print('      : "rax", %s"cc");' % ("" if bug else '"rdx", '))
print("}")
