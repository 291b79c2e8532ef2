use std::arch::asm;
use std::sync::atomic::AtomicU8;

pub fn w_mut(p: &mut u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
pub fn w_atomic(p: &AtomicU8) {
    unsafe { asm!("mov byte ptr [{0}], 1", in(reg) p, options(nostack)); }
}
