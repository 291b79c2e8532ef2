// An escape (`%%`) is two bytes of source for one of template text: the
// instructions after it on the same line are located at their own column
// (from the CLI and the plugin alike).
// RUN: not %asmstory %s | FileCheck %s
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -O2 -c %s -o /dev/null 2>&1 | FileCheck %s %}
unsigned leaf1(void) {
  unsigned a, b, d;
  // CHECK: escape-column.c:[[@LINE+1]]:33: warning: {{.*}}[asmstory-clobber-missing]
  asm volatile("movl $1, %%eax; cpuid" : "=a"(a), "=b"(b), "=d"(d));
  return a ^ b ^ d;
}
