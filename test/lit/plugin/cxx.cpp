// C++: asm in namespaces, member functions, templates (checked once, in the
// pattern), lambdas; the story of an instantiation inlined into its caller.
// RUN: %clang -x c++ -std=c++17 -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %clang -x c++ -std=c++20 -fplugin=%asmstory_so -O0 -fsyntax-only %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=AST --implicit-check-not='[asmstory-'
#include <cstddef>

namespace ns {
template <typename T> T twice(T x) {
  T r;
  // CHECK: cxx.cpp:[[@LINE+2]]:8: warning: output %0 (`r`) is written before input %1 (`x`) is read, but is not early-clobber{{.*}}[asmstory-early-clobber-missing]
  // AST: cxx.cpp:[[@LINE+1]]:8: warning: {{.*}}[asmstory-early-clobber-missing]
  asm("mov %1, %0\n\tadd %1, %0" : "=r"(r) : "r"(x));
  return r;
}
struct Cpu {
  unsigned leaf(unsigned a) {
    // CHECK: cxx.cpp:[[@LINE+2]]:19: warning: the block changes rcx, rbx, rdx {{.*}}[asmstory-clobber-missing]
    // AST: cxx.cpp:[[@LINE+1]]:19: warning: {{.*}}[asmstory-clobber-missing]
    asm volatile("cpuid" : "+a"(a));
    return a;
  }
};
} // namespace ns

template <int N> void fill(char (&buf)[N]);

int use() {
  char small[16];
  fill(small);
  auto scratch = [](long v) {
    long r;
    // CHECK: cxx.cpp:[[@LINE+2]]:10: warning: the block changes r9 {{.*}}[asmstory-clobber-missing]
    // AST: cxx.cpp:[[@LINE+1]]:10: warning: {{.*}}[asmstory-clobber-missing]
    asm("mov %1, %%r9\n\tmov %%r9, %0" : "=r"(r) : "r"(v));
    return r;
  };
  return ns::twice(3) + ns::Cpu().leaf(0) + static_cast<int>(scratch(small[0]));
}

// Correct C++: a constexpr-sized buffer and named operands.
template <std::size_t N> unsigned long sum_bytes(const unsigned char (&b)[N]) {
  unsigned long s = 0;
  for (std::size_t i = 0; i < N; i++)
    asm("add %[v], %[acc]" : [acc] "+r"(s) : [v] "r"((unsigned long)b[i]) : "cc");
  return s;
}
unsigned long call_sum() {
  static const unsigned char data[4] = {1, 2, 3, 4};
  return sum_bytes(data);
}

// The permission story comes from the pass, after the AST's warnings.
template <int N> void fill(char (&buf)[N]) {
  // CHECK: cxx.cpp:[[@LINE+1]]:49: warning: `vmovdqu %ymm0, (%{{r..}})` writes bytes [0..32) of the local that %0 {{.*}} points to, past the end of it (16 bytes) [asmstory-memory-out-of-bounds]
  asm volatile("vpxor %%xmm0, %%xmm0, %%xmm0\n\tvmovdqu %%ymm0, %0" : "=m"(*(char(*)[32])buf) : : "xmm0");
}
