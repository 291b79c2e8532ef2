//! Sample crate for `cargo asmstory`: one buggy asm! in each of the modules
//! `a` and `b` and in the path dependency `dep`; the blocks here are correct.
use std::arch::asm;

pub mod a;
pub mod b;

/// Correct: the flags are clobbered (no preserves_flags).
pub fn add_one(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0}, {1}", "add {0}, 1", out(reg) y, in(reg) x, options(pure, nomem, nostack)); }
    y
}

/// Correct: a read through &u64 declared readonly.
pub fn load(p: &u64) -> u64 {
    let v: u64;
    unsafe { asm!("mov {0}, [{1}]", out(reg) v, in(reg) p, options(pure, readonly, nostack)); }
    v
}

pub fn total(p: &u64, q: &mut u64) -> u64 {
    dep::store(q, 7);
    a::double(*p) + b::first(p) + dep::peek(p) + add_one(load(p))
}
