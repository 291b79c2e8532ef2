//! A registry dependency whose asm! blocks are correct.
use std::arch::asm;

/// Correct: a write through &mut u64.
pub fn store(p: &mut u64, v: u64) {
    unsafe { asm!("mov qword ptr [{0}], {1}", in(reg) p, in(reg) v, options(nostack)); }
}

/// Correct: a read through &u64 declared readonly.
pub fn peek(p: &u64) -> u64 {
    let v: u64;
    unsafe { asm!("mov {0}, [{1}]", out(reg) v, in(reg) p, options(pure, readonly, nostack)); }
    v
}
