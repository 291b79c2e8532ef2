use std::arch::asm;

pub fn is_zero(x: u64) -> bool {
    unsafe {
        asm!("test {0}, {0}", "jz {1}", in(reg) x, label { return true; }, options(nomem, nostack));
    }
    false
}
