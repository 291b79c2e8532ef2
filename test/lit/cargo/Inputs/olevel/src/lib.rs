//! Each wrong block is reported in the dev and the release profile, and by
//! `asmstory src/lib.rs`; the right ones stay silent.
use std::arch::asm;

/// Wrong: a write through a shared reference.
pub fn poke(x: &u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) x as *const u64, options(nostack)); }
}

/// Wrong: a write into an immutable static.
pub static TABLE: [u32; 4] = [1, 2, 3, 4];
pub fn patch() {
    unsafe { asm!("mov dword ptr [{0}], 0", in(reg) TABLE.as_ptr(), options(nostack)); }
}

/// Wrong: a 32-byte read through &[u8; 16].
pub fn load32(p: &[u8; 16]) -> u64 {
    let r: u64;
    unsafe { asm!("vmovdqu ymm0, [{1}]", "vmovq {0}, xmm0", out(reg) r, in(reg) p, out("ymm0") _, options(readonly, nostack)); }
    r
}

/// Wrong: vmovdqa one byte into a 32-byte-aligned object.
#[repr(align(32))]
pub struct A32(pub [u8; 64]);
pub fn skewed(p: &A32) {
    unsafe { asm!("vmovdqa ymm0, [{0}]", in(reg) p.0.as_ptr().add(1), out("ymm0") _, options(readonly, nostack)); }
}

/// Right: a write through &mut u64, a read of the static, a 16-byte read
/// through &[u8; 16], vmovdqa at offset 32 of the aligned object.
pub fn store(x: &mut u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) x as *mut u64, options(nostack)); }
}
pub fn first() -> u32 {
    let v: u32;
    unsafe { asm!("mov {0:e}, dword ptr [{1}]", out(reg) v, in(reg) TABLE.as_ptr(), options(pure, readonly, nostack)); }
    v
}
pub fn load16(p: &[u8; 16]) -> u64 {
    let r: u64;
    unsafe { asm!("movdqu xmm0, [{1}]", "movq {0}, xmm0", out(reg) r, in(reg) p, out("xmm0") _, options(readonly, nostack)); }
    r
}
pub fn upper(p: &A32) {
    unsafe { asm!("vmovdqa ymm0, [{0}]", in(reg) p.0.as_ptr().add(32), out("ymm0") _, options(readonly, nostack)); }
}
