use std::arch::asm;

pub fn load(p: &u64) -> u64 {
    let v: u64;
    unsafe { asm!("mov {0}, [{1}]", out(reg) v, in(reg) p, options(pure, readonly, nostack)); }
    v
}
