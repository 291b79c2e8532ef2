// RUN: not env RUSTC_BOOTSTRAP=1 %asmstory %s --target=armv7-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// The upstream bug shape: a Rust asm! on ARM post-increments an input-only
// pointer (`ldr {v}, [{p}], #4` with `p` an `in(reg)`).
#![feature(no_core, lang_items, rustc_attrs, decl_macro)]
#![allow(internal_features)]
#![no_core]
#![crate_type = "lib"]

#[lang = "pointee_sized"]
pub trait PointeeSized {}
#[lang = "meta_sized"]
pub trait MetaSized: PointeeSized {}
#[lang = "sized"]
pub trait Sized: MetaSized {}
#[lang = "copy"]
pub trait Copy {}
impl Copy for u32 {}
impl<T: ?Sized> Copy for *const T {}
#[rustc_builtin_macro]
pub macro asm("assembly template", $(operands,)* $(options($(option),*))?) {}

pub unsafe fn next(p: *const u32) -> u32 {
    let v: u32;
    // CHECK: postinc.rs:[[@LINE+1]]:11: warning: `ldr r0, [r1], #4` writes r1, which holds input-only operand {p} (`p`); the compiler assumes the input is unchanged after the asm and may reuse the register's value [asmstory-input-overwritten]
    asm!("ldr {v}, [{p}], #4", v = out(reg) v, p = in(reg) p, options(nostack, readonly));
    // CHECK: note: fix: declare {p} (`p`) as `inout(reg) <value> => _`
    v
}

// Correct: the pointer is in/out (its new value discarded).
pub unsafe fn next_ok(p: *const u32) -> u32 {
    let v: u32;
    asm!("ldr {v}, [{p}], #4", v = out(reg) v, p = inout(reg) p => _, options(nostack, readonly));
    v
}
