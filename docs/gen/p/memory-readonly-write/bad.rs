use std::arch::asm;

pub fn set(p: &u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
