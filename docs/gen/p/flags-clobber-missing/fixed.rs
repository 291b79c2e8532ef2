use std::arch::asm;

pub fn add_one(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("lea {0}, [{1} + 1]", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags)); }
    y
}
