use std::arch::asm;

pub fn absolute() -> u32 {
    let v: u32;
    unsafe { asm!("mov {0:e}, dword ptr [0x1000]", out(reg) v, options(readonly, nostack)); }
    v
}
pub fn from_int() -> u32 {
    let v: u32;
    unsafe { asm!("mov {0:e}, dword ptr [{1}]", out(reg) v, in(reg) 0x2000 as *const u32, options(readonly, nostack)); }
    v
}
pub fn from_usize(a: usize) -> u32 {
    let v: u32;
    unsafe { asm!("mov {0:e}, dword ptr [{1}]", out(reg) v, in(reg) a as *const u32, options(readonly, nostack)); }
    v
}
pub fn exposed(p: &u32) -> u32 {
    let v: u32;
    let a = p as *const u32 as usize;
    unsafe { asm!("mov {0:e}, dword ptr [{1}]", out(reg) v, in(reg) a, options(readonly, nostack)); }
    v
}
pub fn strict(p: &u32) -> u32 {
    let v: u32;
    let q = std::ptr::with_exposed_provenance::<u32>(p as *const u32 as usize);
    unsafe { asm!("mov {0:e}, dword ptr [{1}]", out(reg) v, in(reg) q, options(readonly, nostack)); }
    v
}
