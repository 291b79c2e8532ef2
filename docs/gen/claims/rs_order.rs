use std::arch::asm;

pub fn f(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov {1}, {0}", "mov {1:e}, 1", in(reg) x, out(reg) y, options(pure, nomem, nostack)); }
    y
}
pub fn g(x: u64) {
    unsafe { asm!("inc {0}", in(reg) x, options(nomem, nostack)); }
}
pub fn h(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("inc {0}", "mov {1}, {0}", in(reg) x, out(reg) y, options(pure, nomem, nostack)); }
    y
}
