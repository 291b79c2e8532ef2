use std::arch::asm;

pub fn cycles() -> u64 {
    let lo: u64;
    let hi: u64;
    unsafe { asm!("rdtsc", out("eax") lo, out("edx") hi, options(pure, nomem, nostack)); }
    (hi << 32) | lo
}
