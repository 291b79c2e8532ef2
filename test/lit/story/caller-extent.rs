// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// A raw pointer parameter has no extent of its own; each call of the
// function in the crate passes an object that has one.
use std::arch::asm;

#[inline(never)]
fn load16(src: *const u8) -> u64 {
    let lo: u64;
    // CHECK: caller-extent.rs:[[@LINE+1]]:{{[0-9]+}}: error: `movdqu (%rcx), %xmm0` reads `tail[0..16)`, past the end of `tail` (local, 8 bytes) (when called from `caller_extent::short_tail`) [asmstory-memory-out-of-bounds]
    unsafe { asm!("movdqu xmm0, [{1}]", "movq {0}, xmm0", out(reg) lo, in(reg) src, out("xmm0") _, options(nostack, readonly)); }
    lo
}

// Buggy: 8 bytes where the block reads 16.
pub fn short_tail() -> u64 {
    let tail = [7u8; 8];
    load16(tail.as_ptr())
}

// Correct: 32 bytes.
pub fn full() -> u64 {
    let block = [7u8; 32];
    load16(block.as_ptr())
}
