use std::arch::asm;

pub fn read_fixed() -> u32 {
    let v: u32;
    unsafe { asm!("mov {0:e}, dword ptr [0x1000]", out(reg) v, options(readonly, nostack)); }
    v
}
