use std::arch::asm;

pub fn read_flags() -> u64 {
    let f: u64;
    unsafe { asm!("pushfq", "pop {0}", out(reg) f, options(nomem, preserves_flags)); }
    f
}
