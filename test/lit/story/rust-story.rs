// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=EXPLAIN
// RUN: not %asmstory --explain %s | FileCheck %s --check-prefix=RAWPTR
// Rust references as permission: &T grants reading size_of::<T>() bytes.
use std::arch::asm;

// A 32-byte read through &[u8; 16].
pub fn load32_bad(p: &[u8; 16]) -> u64 {
    let r: u64;
    // CHECK: rust-story.rs:[[@LINE+1]]:20: error: `vmovdqu (%rcx), %ymm0` reads `p[0..32)`, past the end of `p` (parameter, 16 bytes) [asmstory-memory-out-of-bounds]
    unsafe { asm!("vmovdqu ymm0, [{1}]", "vmovq {0}, xmm0", out(reg) r, in(reg) p, out("ymm0") _, options(readonly, nostack)); }
    r
}
// The same through &[u8; 32]: justified, and --explain shows the story.
pub fn load32_ok(p: &[u8; 32]) -> u64 {
    let r: u64;
    unsafe { asm!("vmovdqu ymm0, [{1}]", "vmovq {0}, xmm0", out(reg) r, in(reg) p, out("ymm0") _, options(readonly, nostack)); }
    r
}
// EXPLAIN: `vmovdqu (%rcx), %ymm0` reads 32 bytes at {1} (`p`)+0: points into parameter `p` (32 bytes) at offset 0, align 1, read-only; in bounds: justified

// A write through a shared reference.
pub fn write_shared(p: &u64) {
    // CHECK: rust-story.rs:[[@LINE+1]]:20: error: `movq $1, (%rax)` writes through {0} (`p`), which points into a shared reference (&T) without interior mutability{{.*}}[asmstory-memory-readonly-write]
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}
pub fn write_mut_ok(p: &mut u64) {
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}

// vmovdqa needs 32: #[repr(align(32))] has it, [u8; 32] does not.
#[repr(align(32))]
pub struct A32([u8; 32]);
pub fn aligned_ok(p: &A32) {
    unsafe { asm!("vmovdqa ymm0, [{0}]", in(reg) p, out("ymm0") _, options(readonly, nostack)); }
}
pub fn aligned_bad(p: &[u8; 32]) {
    // CHECK: rust-story.rs:[[@LINE+1]]:20: warning: `vmovdqa (%rax), %ymm0` needs 32-byte alignment, but {0} (`p`)+0 is only known to be 1-byte aligned{{.*}}[asmstory-memory-misaligned]
    unsafe { asm!("vmovdqa ymm0, [{0}]", in(reg) p, out("ymm0") _, options(readonly, nostack)); }
}

// Correct: a raw pointer parameter promises no alignment in its type; the
// unsafe function's caller does (--explain says the story assumes it).
// RAWPTR: `vmovdqa (%rax), %ymm0` reads 32 bytes at {0} (`p`)+0: points into parameter `p` at offset 0, align 1, {{.*}}; needs 32-byte alignment, which the story assumes the caller gives (a raw pointer parameter); {{.*}}: justified
#[inline(never)]
pub unsafe fn raw_param_ok(p: *const u8) {
    asm!("vmovdqa ymm0, [{0}]", in(reg) p, out("ymm0") _, options(readonly, nostack));
}

// rep stosb bounded by a dominating check (silent) and unbounded.
pub fn fill_ok(buf: &mut [u8; 32], n: usize) {
    if n <= 32 { unsafe { asm!("rep stosb", inout("rdi") buf.as_mut_ptr() => _, inout("rcx") n => _, in("al") 0u8, options(nostack)); } }
}
pub fn fill_bad(buf: &mut [u8; 32], n: usize) {
    // CHECK: rust-story.rs:[[@LINE+1]]:20: warning: when `n` = 33, `rep stosb %al, %es:(%rdi)` writes `buf[0..33)`, past the end of `buf` (parameter, 32 bytes) [asmstory-memory-out-of-bounds]
    unsafe { asm!("rep stosb", inout("rdi") buf.as_mut_ptr() => _, inout("rcx") n => _, in("al") 0u8, options(nostack)); }
}

// A load from an absolute address.
pub fn absolute() -> u32 {
    let v: u32;
    // CHECK: rust-story.rs:[[@LINE+1]]:20: warning: `movl 4096, %eax` reads memory at the absolute address 0x1000{{.*}}[asmstory-memory-no-provenance]
    unsafe { asm!("mov {0:e}, dword ptr [0x1000]", out(reg) v, options(readonly, nostack)); }
    v
}
