// Template pieces made by function-like macros (the kernel's __stringify):
// the command line locates each instruction where the plugin does (the
// literal piece it starts in, or the macro's name when the macro made all of
// it), and --fix adds the clobber.
// RUN: not %asmstory %s 2>&1 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not='[asmstory-' %}
// RUN: cp %s %t.c && %asmstory --fix %t.c > /dev/null 2>&1; %asmstory --checks='-*,clobber-missing' %t.c
// RUN: FileCheck %s --check-prefix=FIXED < %t.c

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define SCRATCH r11

unsigned long add_one(unsigned long a) {
  unsigned long r;
  asm("mov %1, %0\n\t"
      // CHECK: stringize.c:[[@LINE+1]]:8: warning: the block changes r11 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
      "mov $1, %%" __stringify(SCRATCH) "\n\t"
      "add %%" __stringify(SCRATCH) ", %0"
      // FIXED: : "=&r"(r) : "r"(a) : "r11");
      : "=&r"(r) : "r"(a));
  return r;
}

unsigned long whole_line(unsigned long a) {
  unsigned long r;
  asm("mov %1, %0\n\t"
      // CHECK: stringize.c:[[@LINE+1]]:7: warning: the block changes r11 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
      __stringify(mov $2, %%SCRATCH) "\n\t"
      "add %%r11, %0"
      // FIXED: : "=&r"(r) : "r"(a) : "r11");
      : "=&r"(r) : "r"(a));
  return r;
}

// Correct: the scratch register is a clobber.
unsigned long add_one_ok(unsigned long a) {
  unsigned long r;
  asm("mov %1, %0\n\t"
      "mov $1, %%" __stringify(SCRATCH) "\n\t"
      "add %%" __stringify(SCRATCH) ", %0"
      : "=&r"(r) : "r"(a) : "r11");
  return r;
}

// Operands named by [name] beside such macros: clang's template has their
// numbers, and the pieces are still found; the message names %[in].
unsigned long named(unsigned long a, unsigned long r) {
  // CHECK: stringize.c:[[@LINE+1]]:60: warning: `addq $1, %rcx` writes rcx, which holds input-only operand %[in] (`a`){{.*}}[asmstory-input-overwritten]
  asm(__stringify(mov %1, %%r11) "\n\tadd %%r11, %[out]\n\tadd $1, %[in]"
      : [out] "+r"(r) : [in] "r"(a) : "r11");
  return r;
}
