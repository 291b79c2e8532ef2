// Rust asm!: options are promises to the compiler. Two broken, two kept.
use std::arch::asm;

// Broken: preserves_flags, but add changes the flags.
pub fn add_one(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0}, {1}", "add {0}, 1", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags)); }
    y
}
// Broken: nomem, but the block reads through the pointer.
pub fn load(p: &u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0}, [{1}]", out(reg) y, in(reg) p, options(pure, nomem, nostack)); }
    y
}
// Kept: readonly allows the read.
pub fn load_ok(p: &u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0}, [{1}]", out(reg) y, in(reg) p, options(pure, readonly, nostack)); }
    y
}
// Kept: no preserves_flags.
pub fn add_one_ok(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("lea {0}, [{1} + 1]", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags)); }
    y
}
