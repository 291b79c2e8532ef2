use std::arch::asm;

extern "C" fn hook() {}

pub fn call_hook() {
    unsafe { asm!("call {f}", f = sym hook, clobber_abi("C")); }
}
