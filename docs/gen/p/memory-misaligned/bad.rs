use std::arch::asm;

pub fn load(p: &[u8; 32]) {
    unsafe { asm!("vmovdqa ymm0, [{0}]", in(reg) p, out("ymm0") _, options(readonly, nostack)); }
}
