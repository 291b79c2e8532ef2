use std::arch::asm;

pub fn halt() -> ! {
    unsafe { asm!("hlt", options(noreturn, nomem, nostack)); }
}
