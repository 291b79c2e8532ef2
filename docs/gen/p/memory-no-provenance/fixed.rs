use std::arch::asm;

pub fn read_at(p: &u32) -> u32 {
    let v: u32;
    unsafe { asm!("mov {0:e}, dword ptr [{1}]", out(reg) v, in(reg) p, options(readonly, nostack)); }
    v
}
