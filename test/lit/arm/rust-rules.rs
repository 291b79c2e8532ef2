// RUN: not env RUSTC_BOOTSTRAP=1 %asmstory %s --target=armv7-unknown-linux-gnueabihf | FileCheck %s --implicit-check-not='[asmstory-'
// Rust asm! on 32-bit ARM, tested as rustc tests its own asm: a no_core
// crate with the few lang items it needs (no core for the target here).
// The register classes (reg, sreg, dreg, ...) and the options.
// RUN: not env RUSTC_BOOTSTRAP=1 %asmstory --dump %s --target=armv7-unknown-linux-gnueabihf 2>&1 | FileCheck %s --check-prefix=DUMP
// What rustc's classes become in IR: sreg "t", dreg "w", sreg_low16 "x",
// dreg_low16 "t", dreg_low8 "x"; each value in a q register of its own.
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
impl Copy for f32 {}
impl Copy for f64 {}
impl<T: ?Sized> Copy for *const T {}
impl<T: ?Sized> Copy for *mut T {}
#[rustc_builtin_macro]
pub macro asm("assembly template", $(operands,)* $(options($(option),*))?) {}

// flags-clobber-missing: preserves_flags, but adds sets them.
pub unsafe fn flags_bad(x: u32) -> u32 {
    let r: u32;
    // CHECK: rust-rules.rs:[[@LINE+1]]:11: warning: `adds r0, r1, #1` changes the status flags but the block declares options(preserves_flags); the compiler may keep a comparison result in the flags across the asm [asmstory-flags-clobber-missing]
    asm!("adds {0}, {1}, #1", out(reg) r, in(reg) x, options(pure, nomem, nostack, preserves_flags));
    // CHECK: note: fix: remove preserves_flags
    r
}
pub unsafe fn flags_ok(x: u32) -> u32 {
    let r: u32;
    asm!("add {0}, {1}, #1", out(reg) r, in(reg) x, options(pure, nomem, nostack, preserves_flags));
    r
}

// stack-undeclared: nostack, but the block pushes.
pub unsafe fn push_bad(x: u32) -> u32 {
    let r: u32;
    // CHECK: rust-rules.rs:[[@LINE+2]]:11: warning: `push {r4}` uses the stack but the block declares options(nostack); {{.*}}[asmstory-stack-undeclared]
    // CHECK: note: fix: remove nostack
    asm!("push {{r4}}", "mov r4, #0", "pop {{r4}}", "add {0}, {1}, #1", out(reg) r, in(reg) x, options(nostack));
    r
}
pub unsafe fn push_ok(x: u32) -> u32 {
    let r: u32;
    asm!("push {{r4}}", "mov r4, #0", "pop {{r4}}", "add {0}, {1}, #1", out(reg) r, in(reg) x);
    r
}

// memory-read-undeclared: nomem, but the block loads.
pub unsafe fn load_bad(p: *const u32) -> u32 {
    let r: u32;
    // CHECK: rust-rules.rs:[[@LINE+2]]:11: warning: `ldr r0, [r1]` reads memory through the pointer in {1} (`p`), but the block declares options(nomem); the compiler may keep that memory's value in a register, or sink a store to it past the asm [asmstory-memory-read-undeclared]
    // CHECK: note: fix: remove nomem
    asm!("ldr {0}, [{1}]", out(reg) r, in(reg) p, options(pure, nomem, nostack));
    r
}
pub unsafe fn load_ok(p: *const u32) -> u32 {
    let r: u32;
    asm!("ldr {0}, [{1}]", out(reg) r, in(reg) p, options(pure, readonly, nostack));
    r
}

// pure-side-effect: the cycle counter in a pure block.
pub unsafe fn cycles_bad() -> u32 {
    let r: u32;
    // CHECK: rust-rules.rs:[[@LINE+2]]:11: warning: `mrc p15, #0, r0, c9, c13, #0` returns a value that changes between executions, but the block is declared options(pure); {{.*}}[asmstory-pure-side-effect]
    // CHECK: note: fix: remove pure
    asm!("mrc p15, 0, {0}, c9, c13, 0", out(reg) r, options(pure, nomem, nostack));
    r
}

// The floating-point classes: sreg holds an f32 in an s register, dreg an
// f64 in a d register.
// DUMP-DAG: operand 0: out "=&t" {{.*}}: float, 32 bits -> register q0 (as s0)
pub unsafe fn fadd_ok(a: f32, b: f32) -> f32 {
    let r: f32;
    asm!("vadd.f32 {0}, {1}, {2}", out(sreg) r, in(sreg) a, in(sreg) b, options(pure, nomem, nostack));
    r
}
// DUMP-DAG: operand 0: out "=&w" {{.*}}: double, 64 bits -> register q0 (as d0)
pub unsafe fn dadd_ok(a: f64, b: f64) -> f64 {
    let r: f64;
    asm!("vadd.f64 {0}, {1}, {2}", out(dreg) r, in(dreg) a, in(dreg) b, options(pure, nomem, nostack));
    r
}
// DUMP-DAG: operand 1: in "x" {{.*}}: float, 32 bits -> register q{{[0-3]}} (as s{{[0-9]+}})
pub unsafe fn low16_ok(a: f32) -> f32 {
    let r: f32;
    asm!("vmov.f32 {0}, {1}", out(sreg_low16) r, in(sreg_low16) a, options(pure, nomem, nostack));
    r
}
// DUMP-DAG: operand 1: in "t" {{.*}}: double, 64 bits -> register q{{[0-7]}} (as d{{[0-9]+}})
// DUMP-DAG: operand 2: in "x" {{.*}}: double, 64 bits -> register q{{[0-3]}} (as d{{[0-9]+}})
pub unsafe fn dlow_ok(a: f64, b: f64) -> f64 {
    let r: f64;
    asm!("vadd.f64 {0}, {1}, {2}", out(dreg) r, in(dreg_low16) a, in(dreg_low8) b, options(pure, nomem, nostack));
    r
}
// clobber-missing: d8 written without declaring it.
pub unsafe fn dreg_bad(a: f64) -> f64 {
    let r: f64;
    // CHECK: rust-rules.rs:[[@LINE+2]]:11: warning: the block changes d8 but declares it neither as an output nor as a clobber; the compiler may keep a live value there across the asm [asmstory-clobber-missing]
    // CHECK: note: fix: declare each as `out("<reg>") _` (or use clobber_abi("C"))
    asm!("vmov.f64 d8, {1}", "vmov.f64 {0}, d8", out(dreg) r, in(dreg) a, options(pure, nomem, nostack));
    r
}

// noreturn: exit_group (248) never returns; write (4) does.
pub unsafe fn exit_ok(code: u32) -> ! {
    asm!("svc #0", in("r7") 248u32, in("r0") code, options(noreturn, nostack));
}
pub unsafe fn write_noreturn_bad(fd: u32) -> ! {
    // CHECK: rust-rules.rs:[[@LINE+1]]:11: warning: the block is declared noreturn but control can reach its end; the compiler placed nothing after it [asmstory-control-escape]
    asm!("svc #0", in("r7") 4u32, in("r0") fd, options(noreturn, nostack));
}
