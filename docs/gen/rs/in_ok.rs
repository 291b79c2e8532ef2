use std::arch::asm;

pub fn delay(n: u64) {
    unsafe { asm!("2:", "dec {0}", "jnz 2b", inout(reg) n => _, options(nomem, nostack)); }
}
