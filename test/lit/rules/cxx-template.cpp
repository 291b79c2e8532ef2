// In a C++ template, an operand whose type depends on a template parameter
// has no width until the template is instantiated: the tool says it cannot
// verify the block instead of substituting a guessed width (boost/atomic's
// `lock; xaddb %0, %1` on a `storage_type` was reported as a template error
// with a 64-bit register: bench/realworld).
// RUN: not %asmstory %s -- -std=c++17 | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %if plugin %{ %clang -x c++ -std=c++17 -fplugin=%asmstory_so -Rremark-backend-plugin -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=PLUGIN --implicit-check-not='[asmstory-' %}

template <typename T> struct ops {
  static T fetch_add(T volatile &storage, T v) {
    // CHECK: cxx-template.cpp:[[@LINE+2]]:5: note: the block is not verified: operand %0 (`v`) has a type that depends on a template parameter (T), so its register width is known only in an instantiation [asmstory-unmodeled]
    // PLUGIN: cxx-template.cpp:[[@LINE+1]]:{{[0-9]+}}: remark: the block is not verified: operand %0 (`v`) has a type that depends on a template parameter (T){{.*}}[asmstory-unmodeled]
    __asm__ __volatile__("lock; xaddb %0, %1" : "+q"(v), "+m"(storage) : : "cc", "memory");
    return v;
  }
  // A register operand of a known type in the same template is checked.
  static unsigned long ticks() {
    unsigned long lo, hi;
    // CHECK: cxx-template.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: the block changes rcx {{.*}}[asmstory-clobber-missing]
    // PLUGIN: cxx-template.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: the block changes rcx {{.*}}[asmstory-clobber-missing]
    __asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi));
    return lo | hi << 32;
  }
};

unsigned char use(unsigned char volatile &s) { return ops<unsigned char>::fetch_add(s, 1); }
unsigned long use2() { return ops<int>::ticks(); }
