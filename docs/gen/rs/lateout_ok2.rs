use std::arch::asm;

pub fn sum(a: u64, b: u64) -> u64 {
    let r: u64;
    unsafe { asm!("lea {0}, [{1} + {2}]", lateout(reg) r, in(reg) a, in(reg) b, options(pure, nomem, nostack, preserves_flags)); }
    r
}
