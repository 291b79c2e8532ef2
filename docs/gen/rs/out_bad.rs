use std::arch::asm;

pub fn or_garbage(a: u64) -> u64 {
    let r: u64;
    unsafe { asm!("test {1}, {1}", "jz 2f", "mov {0}, {1}", "2:", out(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    r
}
