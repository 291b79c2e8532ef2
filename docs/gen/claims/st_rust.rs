use std::arch::asm;
use std::cell::Cell;

pub fn w_shared(p: &u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
pub fn w_cell(p: &Cell<u64>) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
pub fn w_slice(p: &[u8]) {
    unsafe { asm!("mov byte ptr [{0}], 1", in(reg) p.as_ptr(), options(nostack)); }
}
pub fn w_rawconst(p: *const u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
pub fn w_refptr(p: &u64) {
    let q = p as *const u64;
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) q, options(nostack)); }
}
static K: u64 = 5;
pub fn w_static() {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) &K, options(nostack)); }
}
pub fn w_lit() {
    let s = "hello";
    unsafe { asm!("mov byte ptr [{0}], 1", in(reg) s.as_ptr(), options(nostack)); }
}
pub fn r_slice_oob(p: &[u8; 4]) -> u64 {
    let v: u64;
    unsafe { asm!("mov {0}, qword ptr [{1}]", out(reg) v, in(reg) p, options(readonly, nostack, pure)); }
    v
}
pub fn r_off(p: &[u64; 2]) -> u64 {
    let v: u64;
    unsafe { asm!("mov {0}, qword ptr [{1} + 16]", out(reg) v, in(reg) p, options(readonly, nostack, pure)); }
    v
}
pub fn r_box(p: Box<u64>) -> u64 {
    let v: u64;
    unsafe { asm!("mov {0}, qword ptr [{1} + 8]", out(reg) v, in(reg) &*p, options(readonly, nostack, pure)); }
    v
}
pub fn r_local() -> u64 {
    let a = [1u64, 2];
    let v: u64;
    unsafe { asm!("mov {0}, qword ptr [{1} + 16]", out(reg) v, in(reg) &a, options(readonly, nostack, pure)); }
    v
}
