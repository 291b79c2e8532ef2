use std::arch::asm;

pub fn widen(x: u32) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0:e}, {1:e}", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags)); }
    y
}
