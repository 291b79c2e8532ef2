use std::arch::asm;

pub fn scratch(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov rcx, {0}", "lea rax, [rcx + 1]", in(reg) x, lateout("rax") y, clobber_abi("C"), options(pure, nomem, nostack)); }
    y
}
