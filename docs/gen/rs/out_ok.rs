use std::arch::asm;

pub fn or_zero(a: u64) -> u64 {
    let r: u64;
    unsafe { asm!("xor {0:e}, {0:e}", "test {1}, {1}", "jz 2f", "mov {0}, {1}", "2:", out(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    r
}
