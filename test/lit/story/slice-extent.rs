// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// A slice parameter `p: &[T]` arrives as a pointer and a length: the
// pointer's extent is `p.len()` elements, and the story keeps that length
// symbolic.  A count or an end pointer over the same length is tied to it;
// Z3's counterexample names the length.
use std::arch::asm;

// Buggy: 16 bytes read from a slice of any length.
pub fn load16_bad(p: &[u32]) -> u64 {
    let lo: u64;
    // CHECK: slice-extent.rs:[[@LINE+1]]:{{[0-9]+}}: warning: when `p.len()` = 3, `movdqu (%rcx), %xmm0` reads `p[0..16)`, past the end of `p` (parameter, `p.len()`*4 = 12 bytes, from the slice's length) [asmstory-memory-out-of-bounds]
    unsafe { asm!("movdqu xmm0, [{1}]", "movq {0}, xmm0", out(reg) lo, in(reg) p.as_ptr(), out("xmm0") _, options(nostack, readonly)); }
    lo
}
// EXPLAIN-DAG: `movdqu (%rcx), %xmm0` reads 16 bytes at {1} (`p.0`)+0: points into parameter `p` at offset 0, align 4, read-only; extent `p.len()`*4 bytes, from the slice's length; out of bounds when `p.len()` = 3, [0..16)

// Correct: the length is checked first.
pub fn load16_ok(p: &[u32]) -> u64 {
    assert!(p.len() >= 4);
    let lo: u64;
    unsafe { asm!("movdqu xmm0, [{1}]", "movq {0}, xmm0", out(reg) lo, in(reg) p.as_ptr(), out("xmm0") _, options(nostack, readonly)); }
    lo
}
// EXPLAIN-DAG: `movdqu (%rcx), %xmm0` reads 16 bytes at {1} (`p.0`)+0: {{.*}}; extent `p.len()`*4 bytes, from the slice's length; in bounds for every `p.len()` in [4, {{[0-9]+}}]: justified

// Buggy: `rep stosq` stores 8 bytes per element of 4-byte elements.
pub fn zero_bad(p: &mut [u32]) {
    if p.is_empty() { return; }
    // CHECK: slice-extent.rs:[[@LINE+1]]:{{[0-9]+}}: error: when `p.len()` = {{[0-9]+}}, `rep stosq %rax, %es:(%rdi)` writes `p[0..{{[0-9]+}})`, past the end of `p` (parameter, `p.len()`*4 = {{[0-9]+}} bytes, from the slice's length) [asmstory-memory-out-of-bounds]
    unsafe { asm!("rep stosq", inout("rdi") p.as_mut_ptr() => _, inout("rcx") p.len() => _, in("rax") 0u64, options(nostack)); }
}

// Correct: `rep stosd`, one 4-byte store per element.
pub fn zero_ok(p: &mut [u32]) {
    if p.is_empty() { return; }
    unsafe { asm!("rep stosd", inout("rdi") p.as_mut_ptr() => _, inout("rcx") p.len() => _, in("eax") 0u32, options(nostack)); }
}
// EXPLAIN-DAG: `rep stosl %eax, %es:(%rdi)` writes 4 bytes per iteration at "di"+0: {{.*}}; extent `p.len()`*4 bytes, from the slice's length; in bounds for every `p.len()` in [1, {{[0-9]+}}]: justified

// Correct: a count from another slice is not tied to this one's length:
// the story assumes the caller (a safe function would check it).
pub fn copy_any(dst: &mut [u8], src: &[u8]) {
    unsafe { asm!("rep movsb", inout("rdi") dst.as_mut_ptr() => _, inout("rsi") src.as_ptr() => _, inout("rcx") src.len() => _, options(nostack)); }
}
// EXPLAIN-DAG: `rep movsb (%rsi), %es:(%rdi)` writes 1 byte per iteration {{.*}}; extent `dst.len()` bytes, from the slice's length; {{.*}} is not tied to the extent: the story assumes the caller keeps it within: justified

// Buggy: 4 bytes per step up to an end pointer `p.len()` bytes on: the
// last step reads past a length that is not a multiple of 4.
pub fn sum_words_bad(p: &[u8]) -> u32 {
    let mut s = 0u32;
    if p.is_empty() { return 0; }
    // CHECK: slice-extent.rs:[[@LINE+1]]:{{[0-9]+}}: warning: when `p.len()` = {{[0-9]+}}, `addl (%{{r..}}), %{{e..}}` in a loop of {{[0-9]+}} iteration{{s?}} reads `p[{{[0-9]+}}..{{[0-9]+}})`, past the end of `p` (parameter, `p.len()` = {{[0-9]+}} bytes, from the slice's length) [asmstory-memory-out-of-bounds]
    unsafe { asm!("2:", "add {s:e}, dword ptr [{p}]", "add {p}, 4", "cmp {p}, {e}", "jb 2b", s = inout(reg) s, p = inout(reg) p.as_ptr() => _, e = in(reg) p.as_ptr().add(p.len()), options(nostack, readonly)); }
    s
}

// Correct: one byte per step.
pub fn sum_bytes_ok(p: &[u8]) -> u32 {
    let mut s = 0u32;
    if p.is_empty() { return 0; }
    unsafe { asm!("2:", "movzx {t:e}, byte ptr [{p}]", "add {s:e}, {t:e}", "add {p}, 1", "cmp {p}, {e}", "jb 2b", s = inout(reg) s, t = out(reg) _, p = inout(reg) p.as_ptr() => _, e = in(reg) p.as_ptr().add(p.len()), options(nostack, readonly)); }
    s
}
// EXPLAIN-DAG: `movzbl (%{{r..}}), %{{e..}}` reads 1 byte at {{.*}} stays < {e} (`{{.*}}`) (offset `p.len()`){{.*}}; extent `p.len()` bytes, from the slice's length; in bounds for every `p.len()` in [1, {{[0-9]+}}]: justified
