use std::arch::asm;
use std::mem::MaybeUninit;

pub fn second() -> u64 {
    let mut buf = MaybeUninit::<[u64; 2]>::uninit();
    let r: u64;
    unsafe {
        // Rust asm! without nomem/readonly may write memory: this block
        // writes both words first, through the mutable pointer.
        asm!("mov qword ptr [{0}], 0", "mov qword ptr [{0} + 8], 0", in(reg) buf.as_mut_ptr(),
             options(nostack));
        asm!("mov {0}, [{1} + 8]", out(reg) r, in(reg) buf.as_ptr());
    }
    r
}
