use std::arch::asm;

pub fn load32(p: &[u8; 32]) -> u64 {
    let r: u64;
    unsafe { asm!("vmovdqu ymm0, [{1}]", "vmovq {0}, xmm0", out(reg) r, in(reg) p, out("ymm0") _, options(readonly, nostack)); }
    r
}
