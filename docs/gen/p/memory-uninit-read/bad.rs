use std::arch::asm;
use std::mem::MaybeUninit;

pub fn second() -> u64 {
    let buf = MaybeUninit::<[u64; 2]>::uninit();
    let r: u64;
    unsafe { asm!("mov {0}, [{1} + 8]", out(reg) r, in(reg) buf.as_ptr()); }
    r
}
