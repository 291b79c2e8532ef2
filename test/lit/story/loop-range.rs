// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// Rust: a pointer stepped in a loop over a fixed-size array is checked over
// the loop's trip count (story/loop-range.c).
use std::arch::asm;

// Buggy: `n` counts bytes, the loop reads 16 bytes per count.
pub fn blocks_bad(src: &[u8; 64], n: usize) {
    if n == 0 || n > 64 { return; }
    // CHECK: loop-range.rs:[[@LINE+1]]:26: warning: when `n` = {{([5-9]|[1-6][0-9])}}, `movdqu (%{{r..}}), %xmm0` in a loop of {{[0-9]+}} iterations reads `src[0..{{[0-9]+}})`, past the end of `src` (parameter, 64 bytes) [asmstory-memory-out-of-bounds]
    unsafe { asm!("2:", "movdqu ({p}), %xmm0", "add $16, {p}", "sub $1, {n}", "jnz 2b", p = inout(reg) src.as_ptr() => _, n = inout(reg) n => _, out("xmm0") _, options(att_syntax, nostack, readonly)); }
}
// EXPLAIN: `movdqu (%{{r..}}), %xmm0` reads 16 bytes {{.*}} points into parameter `src` (64 bytes){{.*}}; in a loop (lines 2-5) that steps the pointer by 16 and runs while `n`, stepped by -1, stays != 0 (line 4); out of bounds when `n` = {{[0-9]+}}, in {{[0-9]+}} iterations: [0..{{[0-9]+}})

// Correct: `n` is at most 4 blocks.
pub fn blocks_ok(src: &[u8; 64], n: usize) {
    if n == 0 || n > 4 { return; }
    unsafe { asm!("2:", "movdqu ({p}), %xmm0", "add $16, {p}", "sub $1, {n}", "jnz 2b", p = inout(reg) src.as_ptr() => _, n = inout(reg) n => _, out("xmm0") _, options(att_syntax, nostack, readonly)); }
}
// EXPLAIN: in a loop (lines 2-5) {{.*}}; in bounds for every `n` in [1, 4]{{.*}}

// Buggy: `<=` against the end pointer reads one block past the end.
pub fn end_le_bad(src: &[u8; 64]) {
    // CHECK: loop-range.rs:[[@LINE+1]]:26: error: `movdqu (%{{r..}}), %xmm0` in a loop of 5 iterations reads `src[0..80)`, past the end of `src` (parameter, 64 bytes) [asmstory-memory-out-of-bounds]
    unsafe { asm!("2:", "movdqu ({p}), %xmm0", "add $16, {p}", "cmp {e}, {p}", "jbe 2b", p = inout(reg) src.as_ptr() => _, e = in(reg) src.as_ptr().add(64), out("xmm0") _, options(att_syntax, nostack, readonly)); }
}

// Correct: `<`.
pub fn end_lt_ok(src: &[u8; 64]) {
    unsafe { asm!("2:", "movdqu ({p}), %xmm0", "add $16, {p}", "cmp {e}, {p}", "jb 2b", p = inout(reg) src.as_ptr() => _, e = in(reg) src.as_ptr().add(64), out("xmm0") _, options(att_syntax, nostack, readonly)); }
}
// EXPLAIN: runs while {p} (offset 0), stepped by 16, stays < {e}{{.*}} (offset 64) (line 4); in bounds on every iteration{{.*}}
