use std::arch::asm;

pub fn load16(p: &[u32]) -> u64 {
    let lo: u64;
    unsafe { asm!("movdqu xmm0, [{1}]", "movq {0}, xmm0", out(reg) lo, in(reg) p.as_ptr(), out("xmm0") _, options(nostack, readonly)); }
    lo
}

pub fn zero(p: &mut [u32]) {
    unsafe { asm!("rep stosd", inout("rdi") p.as_mut_ptr() => _, inout("rcx") p.len() => _, in("eax") 0u32, options(nostack)); }
}
