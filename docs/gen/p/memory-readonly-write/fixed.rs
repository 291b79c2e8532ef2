use std::arch::asm;
use std::sync::atomic::AtomicU64;

pub fn set(p: &mut u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}

pub fn set_shared(p: &AtomicU64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
