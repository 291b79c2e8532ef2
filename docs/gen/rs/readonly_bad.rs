use std::arch::asm;

pub fn store_one(p: *mut u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(readonly, nostack)); }
}
