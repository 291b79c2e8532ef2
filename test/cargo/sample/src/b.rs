//! Module `b`: a block declared nomem that reads memory.
use std::arch::asm;

pub fn first(p: &u64) -> u64 {
    let v: u64;
    unsafe { asm!("mov {0}, [{1}]", out(reg) v, in(reg) p, options(pure, nomem, nostack)); }
    v
}

/// Correct: no memory access at all.
pub fn zero() -> u64 {
    let v: u64;
    unsafe { asm!("xor {0:e}, {0:e}", out(reg) v, options(pure, nomem, nostack)); }
    v
}
