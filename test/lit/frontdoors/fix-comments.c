// Fix-its survive comments inside the operand list and a macro operand:
// --fix adds the clobber after the last one, and the result is silent.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/f.c
// RUN: not %asmstory --export-fixes=%t/fixes.yaml %t/f.c | FileCheck %s --check-prefix=WARN
// RUN: FileCheck %s --check-prefix=YAML < %t/fixes.yaml
// RUN: not %asmstory --fix %t/f.c 2>&1 | FileCheck %s --check-prefix=FIX
// RUN: FileCheck %s --check-prefix=FIXED < %t/f.c
// RUN: %asmstory %t/f.c | FileCheck %s --allow-empty --check-prefix=AFTER
// WARN: f.c:[[@LINE+8]]:21: warning: the block changes rbx but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
// YAML: ReplacementText: ', "rbx"'
// FIX: applied 1 fix-it
// FIXED: /* the value */ : "memory", "rbx");
// AFTER-NOT: asmstory-
#define VALUE(x) (x)

void load(long x) {
  __asm__ volatile("movq %0, %%rbx" /* load */ : /* no outputs */ : "r"(VALUE(x)) /* the value */ : "memory");
}
