// Rust for AArch64 with no core library here: a #![no_core] crate with the
// lang items its asm! needs, as rustc's own tests/assembly/asm do.
// RUN: env RUSTC_BOOTSTRAP=1 not %asmstory %s --target=aarch64-unknown-linux-gnu | FileCheck %s --implicit-check-not='[asmstory-'
#![feature(no_core, lang_items, rustc_attrs, decl_macro)]
#![no_core]
#![crate_type = "lib"]
#[lang = "pointee_sized"] pub trait PointeeSized {}
#[lang = "meta_sized"] pub trait MetaSized: PointeeSized {}
#[lang = "sized"] pub trait Sized: MetaSized {}
#[lang = "copy"] pub trait Copy {}
impl Copy for u64 {}
impl<T: ?Sized> Copy for *mut T {}
#[rustc_builtin_macro] pub macro asm("assembly template", $(operands,)* $(options($(option),*))?) {}

pub unsafe fn flags_bad(x: u64) -> u64 {
    let r: u64;
    asm!("adds {0}, {1}, #1", out(reg) r, in(reg) x, options(nomem, nostack, preserves_flags));
    r
}
// CHECK: rust.rs:[[@LINE-3]]:11: warning: `adds {{.*}}` changes the status flags but the block declares options(preserves_flags){{.*}}[asmstory-flags-clobber-missing]
pub unsafe fn flags_ok(x: u64) -> u64 {
    let r: u64;
    asm!("add {0}, {1}, #1", out(reg) r, in(reg) x, options(nomem, nostack, preserves_flags));
    r
}
pub unsafe fn nomem_bad(p: *mut u64) {
    asm!("str xzr, [{0}]", in(reg) p, options(nomem, nostack, preserves_flags));
}
// CHECK: rust.rs:[[@LINE-2]]:11: warning: {{.*}}[asmstory-memory-write-undeclared]
pub unsafe fn nomem_ok(p: *mut u64) {
    asm!("str xzr, [{0}]", in(reg) p, options(nostack, preserves_flags));
}
pub unsafe fn push_bad() {
    asm!("stp x29, x30, [sp, #-16]!", "ldp x29, x30, [sp], #16", options(nomem, nostack, preserves_flags));
}
// CHECK: rust.rs:[[@LINE-2]]:11: warning: {{.*}}[asmstory-stack-undeclared]
pub unsafe fn push_ok() {
    asm!("stp x29, x30, [sp, #-16]!", "ldp x29, x30, [sp], #16", options(nomem, preserves_flags));
}
pub unsafe fn exit_ok(code: u64) -> ! {
    asm!("svc #0", in("x8") 93u64, in("x0") code, options(noreturn, nostack));
}
pub unsafe fn vreg_ok(a: u64) -> u64 {
    let r: u64;
    asm!("fmov {0:d}, {1}", "fmov {2}, {0:d}", out(vreg) _, in(reg) a, lateout(reg) r, options(pure, nomem, nostack));
    r
}
