// XFAIL: *
// RUN: not %asmstory %s | FileCheck %s
// Known issue: Rust operands are named by their position in the LLVM IR
// (outputs first), not by their position in the asm! macro.  The IR carries
// no record of the source order.  This test states the right behaviour and
// is expected to fail until that is fixed.
use std::arch::asm;

// input-overwritten with the input written first: Rust numbers operands in
// source order, so `x` is {0} (the IR puts outputs first).
pub fn order_bad(x: u64) -> u64 {
    let y: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:14: warning: `notq %rcx` writes rcx, which holds input-only operand {0} (`x`){{.*}}[asmstory-input-overwritten]
    unsafe { asm!("not {0}", "mov {1}, {0}", in(reg) x, out(reg) y, options(pure, nomem, nostack)); }
    y
}
