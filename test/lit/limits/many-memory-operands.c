// RUN: %asmstory %s | count 0
// RUN: %asmstory --dump --checks=-* %s | FileCheck %s
// Twenty "m" operands: more than there are registers to stand for their
// addresses; the rest are bound to symbols of their own, and still checked.
// CHECK: operand 19: in "m" {{.*}} -> memory at the symbol asmstory_mem19
// CHECK: insn 18 (line 19:2): movl asmstory_mem19+0(%rip), %eax {{.*}} load[rip+asmstory_mem19] size=4
void f(int *o, const int *a) { asm volatile("movl %10, %%eax\n\tmovl %%eax, %0\n\tmovl %11, %%eax\n\tmovl %%eax, %1\n\tmovl %12, %%eax\n\tmovl %%eax, %2\n\tmovl %13, %%eax\n\tmovl %%eax, %3\n\tmovl %14, %%eax\n\tmovl %%eax, %4\n\tmovl %15, %%eax\n\tmovl %%eax, %5\n\tmovl %16, %%eax\n\tmovl %%eax, %6\n\tmovl %17, %%eax\n\tmovl %%eax, %7\n\tmovl %18, %%eax\n\tmovl %%eax, %8\n\tmovl %19, %%eax\n\tmovl %%eax, %9" : "=m"(o[0]), "=m"(o[1]), "=m"(o[2]), "=m"(o[3]), "=m"(o[4]), "=m"(o[5]), "=m"(o[6]), "=m"(o[7]), "=m"(o[8]), "=m"(o[9]) : "m"(a[0]), "m"(a[1]), "m"(a[2]), "m"(a[3]), "m"(a[4]), "m"(a[5]), "m"(a[6]), "m"(a[7]), "m"(a[8]), "m"(a[9]) : "rax"); }
