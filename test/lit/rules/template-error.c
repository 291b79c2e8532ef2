// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory %s 2>&1 >/dev/null | count 0

void bad(void) {
  // CHECK: template-error.c:[[@LINE+1]]:17: error: the template does not assemble for x86_64{{.*}}: too few operands for instruction [asmstory-template-error]
  asm volatile("movl %%eax\n\t"
               "bogus" : :);
  // CHECK: template-error.c:[[@LINE-1]]:17: note: also: invalid instruction mnemonic 'bogus'
}
void directional_bad(void) {
  // CHECK: template-error.c:[[@LINE+1]]:21: error: {{.*}}directional label undefined [asmstory-template-error]
  asm volatile("jmp 2f");
}

// Correct.
void ok(void) { asm volatile("movl %%eax, %%eax" ::: "rax"); }
