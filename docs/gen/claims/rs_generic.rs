use std::arch::asm;

pub fn halt() -> ! {
    unsafe { asm!("2:", "hlt", "jmp 2b", options(noreturn, nomem, nostack)); }
}
pub fn generic<T>(x: T) -> T {
    unsafe { asm!("mov rcx, 1", options(nomem, nostack)); }
    x
}
#[inline]
pub fn inl() {
    unsafe { asm!("mov rcx, 1", options(nomem, nostack)); }
}
fn unused() {
    unsafe { asm!("mov rcx, 1", options(nomem, nostack)); }
}
