use std::arch::asm;

pub fn spin() -> ! {
    unsafe { asm!("pause", options(noreturn, nomem, nostack)); }
}
