use std::arch::asm;

pub fn add_one(mut x: u64) -> u64 {
    unsafe { asm!("pushfq", "add {0}, 1", "popfq", inout(reg) x, options(nomem, preserves_flags)); }
    x
}
