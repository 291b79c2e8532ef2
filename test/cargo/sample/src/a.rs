//! Module `a`: a block that promises to keep the flags but runs `add`.
use std::arch::asm;

pub fn double(x: u64) -> u64 {
    let y: u64;
    unsafe {
        asm!("mov {0}, {1}", "add {0}, {1}", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags));
    }
    y
}

/// Correct: `lea` leaves the flags alone.
pub fn double_ok(x: u64) -> u64 {
    let y: u64;
    unsafe {
        asm!("lea {0}, [{1} + {1}]", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags));
    }
    y
}
