use std::arch::asm;

pub fn halt() -> ! {
    unsafe { asm!("2:", "hlt", "jmp 2b", options(noreturn, nomem, nostack)); }
}
