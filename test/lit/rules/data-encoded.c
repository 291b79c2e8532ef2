// Instructions written as data (.byte/.long, as old assemblers needed) are
// decoded with LLVM's MC disassembler and checked like any instruction; bytes
// that decode into no instruction stay a data directive (unmodeled).
// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: %asmstory --print-effects %s | FileCheck %s --check-prefix=EFFECTS
// RUN: %if plugin %{ %clang -fplugin=%asmstory_so -O2 -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=PLUGIN --implicit-check-not=warning: %}

// xgetbv (0f 01 d0) writes edx:eax.  Buggy: edx is neither output nor clobber.
unsigned xgetbv_bad(unsigned idx) {
  unsigned lo;
  // PLUGIN: data-encoded.c:[[@LINE+2]]:{{[0-9]+}}: warning: the block changes rdx{{.*}}[asmstory-clobber-missing]
  // CHECK: data-encoded.c:[[@LINE+1]]:{{[0-9]+}}: warning: the block changes rdx but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  __asm__ volatile(".byte 0x0f, 0x01, 0xd0" : "=a"(lo) : "c"(idx));
  // CHECK: note: `xgetbv` writes rdx and the block does not restore it
  return lo;
}
// Correct: both halves are outputs.
unsigned long long xgetbv_ok(unsigned idx) {
  unsigned lo, hi;
  __asm__ volatile(".byte 0x0f, 0x01, 0xd0" : "=a"(lo), "=d"(hi) : "c"(idx));
  return lo | (unsigned long long)hi << 32;
}

// aeskeygenassist $1, %xmm1, %xmm0 (66 0f 3a df c1 01).  Buggy: xmm0 is not
// declared.
typedef long long v2di __attribute__((vector_size(16)));
v2di aes_bad(v2di in) {
  v2di out;
  // PLUGIN: data-encoded.c:[[@LINE+2]]:{{[0-9]+}}: warning: the block changes xmm0{{.*}}[asmstory-clobber-missing]
  // CHECK: data-encoded.c:[[@LINE+1]]:{{[0-9]+}}: warning: the block changes xmm0 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  __asm__("movdqa %1, %%xmm1\n\t.byte 0x66, 0x0f, 0x3a, 0xdf, 0xc1, 0x01\n\tmovdqa %%xmm0, %0"
          : "=x"(out) : "x"(in) : "xmm1");
  // CHECK: note: `aeskeygenassist $1, %xmm1, %xmm0` writes xmm0 and the block does not restore it
  return out;
}
// Correct: both scratch registers are clobbers.
v2di aes_ok(v2di in) {
  v2di out;
  __asm__("movdqa %1, %%xmm1\n\t.byte 0x66, 0x0f, 0x3a, 0xdf, 0xc1, 0x01\n\tmovdqa %%xmm0, %0"
          : "=x"(out) : "x"(in) : "xmm0", "xmm1");
  return out;
}

// A prefix written as a byte joins the instruction after it: one %fs: load.
// EFFECTS-LABEL: in fs_load
// EFFECTS-NEXT: insn 0: movq %fs:(%rcx), %rax; reads rcx; writes rax
unsigned long fs_load(unsigned long off) {
  unsigned long v;
  __asm__ volatile(".byte 0x64\n\tmovq (%1), %0" : "=a"(v) : "c"(off) : "memory");
  return v;
}

// xbegin written as bytes with its fallback right after it (DPDK's
// rte_xbegin): the abort path stays in the block.  Correct, silent.
// EFFECTS-LABEL: in xbegin_ok
// EFFECTS-NEXT: insn 0: xbegin {{.*}}; reads -; writes rax; to insn 1
unsigned xbegin_ok(void) {
  unsigned ret = ~0u;
  __asm__ volatile(".byte 0xc7, 0xf8 ; .long 0" : "+a"(ret) :: "memory");
  return ret;
}
// Buggy: the fallback is 256 bytes away, outside the block.
unsigned xbegin_bad(void) {
  unsigned ret = ~0u;
  // PLUGIN: data-encoded.c:[[@LINE+2]]:{{[0-9]+}}: warning: `xbegin {{.*}}` jumps out of the block{{.*}}[asmstory-control-escape]
  // CHECK: data-encoded.c:[[@LINE+1]]:{{[0-9]+}}: warning: `xbegin {{.*}}` jumps out of the block{{.*}}[asmstory-control-escape]
  __asm__ volatile(".byte 0xc7, 0xf8 ; .long 0x100" : "+a"(ret) :: "memory");
  return ret;
}

// movdir64b (66 0f 38 f8 02: movdir64b (%rdx), %rax) reads 64 bytes at rdx and
// writes 64 bytes at rax.  Correct (the kernel's movdir64b): both objects are
// memory operands, named through the pointers the registers hold; the
// function has no caller, so only the source says so.
struct line { char b[64]; };
static inline void movdir64b_ok(struct line *dst, const struct line *src) {
  __asm__ volatile(".byte 0x66, 0x0f, 0x38, 0xf8, 0x02"
                   : "+m"(*dst) : "m"(*src), "a"(dst), "d"(src));
}
// Buggy: neither is declared.
static inline void movdir64b_bad(struct line *dst, const struct line *src) {
  // PLUGIN: data-encoded.c:[[@LINE+3]]:{{[0-9]+}}: warning: `movdir64b (%rdx), %rax` reads memory through the pointer in %1 (`src`){{.*}}[asmstory-memory-read-undeclared]
  // PLUGIN: data-encoded.c:[[@LINE+2]]:{{[0-9]+}}: warning: `movdir64b (%rdx), %rax` writes memory through the pointer in %0 (`dst`){{.*}}[asmstory-memory-write-undeclared]
  // CHECK: data-encoded.c:[[@LINE+1]]:{{[0-9]+}}: warning: `movdir64b (%rdx), %rax` reads memory through the pointer in %1 (`src`){{.*}}[asmstory-memory-read-undeclared]
  __asm__ volatile(".byte 0x66, 0x0f, 0x38, 0xf8, 0x02" :: "a"(dst), "d"(src));
  // CHECK: fix: add "memory" to the clobbers
  // CHECK: data-encoded.c:[[@LINE-2]]:{{[0-9]+}}: warning: `movdir64b (%rdx), %rax` writes memory through the pointer in %0 (`dst`){{.*}}[asmstory-memory-write-undeclared]
  // CHECK: fix: add "memory" to the clobbers
}
// movdiri (0f 38 f9 02: movdiri %eax, (%rdx)) only writes.  Correct: "=m".
static inline void movdiri_ok(unsigned *p, unsigned v) {
  __asm__ volatile(".byte 0x0f, 0x38, 0xf9, 0x02" : "=m"(*p) : "a"(v), "d"(p));
}

// pconfig (0f 01 c5): which registers it uses depends on the leaf in eax, so
// the block is not verified, and the registers LLVM lists for every leaf are
// not claimed.
static inline unsigned pconfig(unsigned leaf, void *arg) {
  // CHECK: data-encoded.c:[[@LINE+1]]:{{[0-9]+}}: note: the block is not verified: `pconfig` cannot be modeled (pconfig: its registers depend on the leaf in eax) [asmstory-unmodeled]
  __asm__ volatile(".byte 0x0f, 0x01, 0xc5" : "+a"(leaf), "+b"(arg) :: "memory", "cc");
  return leaf;
}

// Bytes that decode into no instruction are data.
void junk(void) {
  // CHECK: data-encoded.c:[[@LINE+1]]:{{[0-9]+}}: note: the block is not verified: it contains a data directive [asmstory-unmodeled]
  __asm__ volatile(".byte 0x0f, 0xff, 0xff");
}

// Text is data even when its characters decode as instructions: the
// kernel's asm-offsets markers (include/linux/kbuild.h DEFINE) put a string
// into a function that is compiled only to assembly, never run.
#define DEFINE(sym, val) __asm__ volatile("\n.ascii \"->" #sym " %0 " #val "\"" : : "i" (val))
#define offsetof(T, f) __builtin_offsetof(T, f)
struct hid_device_id { unsigned short bus, group; unsigned vendor, product; };
void offsets(void) {
  // ".ascii \"->OFF_hid_device_id_bus $0 offsetof(struct hid_device_id, bus)\""
  // decodes into 16 instructions (subl, popq, pushq, jbe, ...).
  // CHECK: data-encoded.c:[[@LINE+1]]:{{[0-9]+}}: note: the block is not verified: it contains a data directive [asmstory-unmodeled]
  DEFINE(OFF_hid_device_id_bus, offsetof(struct hid_device_id, bus));
}
