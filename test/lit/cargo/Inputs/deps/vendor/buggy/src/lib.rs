//! A registry dependency with a wrong asm!.
use std::arch::asm;

/// Buggy: reads memory through `p` in a block declared nomem.
pub fn load(p: &u64) -> u64 {
    let v: u64;
    unsafe { asm!("mov {0}, [{1}]", out(reg) v, in(reg) p, options(pure, nomem, nostack)); }
    v
}

/// Buggy, generic: writes through `p` in a block declared readonly.  Its
/// code is in the bitcode of the crate that instantiates it (app), not in
/// buggy's own.
pub fn fill<T>(p: &mut T) {
    unsafe { asm!("mov byte ptr [{0}], 0", in(reg) p as *mut T, options(readonly, nostack)); }
}
