use std::arch::asm;

#[repr(align(32))]
pub struct Block([u8; 32]);

pub fn load(p: &Block) {
    unsafe { asm!("vmovdqa ymm0, [{0}]", in(reg) p, out("ymm0") _, options(readonly, nostack)); }
}
