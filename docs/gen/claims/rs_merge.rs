use std::arch::asm;

pub fn w_shared(p: &u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
pub fn w_shared2(p: &u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
pub fn w_mut(p: &mut u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
