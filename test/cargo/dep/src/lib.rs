//! Path dependency of the sample crate, with its own asm!.
use std::arch::asm;

/// Buggy: writes through a shared reference, in a block declared readonly.
/// Every profile reports the undeclared write (memory-write-undeclared)
/// and the write through &T (memory-readonly-write): the analysis copy is
/// built with opt-level=1, where rustc marks `p` readonly in the IR.
pub fn poke(p: &u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(readonly, nostack)); }
}

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
