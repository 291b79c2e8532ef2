//! The workspace's own crate: one wrong asm!, and calls into both dependencies.
use std::arch::asm;

/// Buggy: the add changes the flags, but the block promises preserves_flags.
pub fn add(a: u64, b: u64) -> u64 {
    let mut r = a;
    unsafe { asm!("add {0}, {1}", inout(reg) r, in(reg) b, options(pure, nomem, nostack, preserves_flags)); }
    r
}

pub fn use_deps(p: &u64, q: &mut u64) -> u64 {
    buggy::load(p);
    buggy::fill(q);
    clean::store(q, 1);
    clean::peek(p)
}
