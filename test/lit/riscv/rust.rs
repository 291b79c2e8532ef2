// RUN: env RUSTC_BOOTSTRAP=1 not %asmstory %s --target=riscv64gc-unknown-linux-gnu | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: env RUSTC_BOOTSTRAP=1 not %asmstory %s --target=riscv32imac-unknown-none-elf | FileCheck %s --implicit-check-not='[asmstory-'
// Rust for RISC-V without core or std (as rustc tests its own asm): the
// few lang items come from Inputs/minicore.rs.
#![feature(no_core, lang_items, rustc_attrs, decl_macro)]
#![no_core]
#![allow(internal_features)]
#[path = "Inputs/minicore.rs"]
mod minicore;
use minicore::*;

// lateout may share a register with an input read after the write.
#[no_mangle]
pub unsafe fn sum3_bad(a: usize, b: usize, c: usize) -> usize {
    let r: usize;
    // CHECK: rust.rs:[[@LINE+1]]:{{[0-9]+}}: warning: output {0} is written before input {3} (`c`) is read, but is not early-clobber; the compiler may give both the same regi{{.*}}{{.*}}[asmstory-early-clobber-missing]
    asm!("add {0}, {1}, {2}", "add {0}, {0}, {3}", lateout(reg) r, in(reg) a, in(reg) b, in(reg) c,
         options(pure, nomem, nostack));
    r
}

#[no_mangle]
pub unsafe fn sum3_ok(a: usize, b: usize, c: usize) -> usize {
    let r: usize;
    asm!("add {0}, {1}, {2}", "add {0}, {0}, {3}", out(reg) r, in(reg) a, in(reg) b, in(reg) c,
         options(pure, nomem, nostack));
    r
}

// nomem, yet the block loads.
#[no_mangle]
pub unsafe fn load_nomem_bad(p: *const usize) -> usize {
    let r: usize;
    // CHECK: rust.rs:[[@LINE+1]]:{{[0-9]+}}: warning: `lw a0, 0(a1)` reads memory through the pointer in {1} (`p`), but the block declares options(nomem); the compiler may ke{{.*}}{{.*}}[asmstory-memory-read-undeclared]
    asm!("lw {0}, 0({1})", out(reg) r, in(reg) p, options(pure, nomem, nostack));
    r
}

// A scratch register not declared.
#[no_mangle]
pub unsafe fn scratch_bad(a: usize) -> usize {
    let r: usize;
    // CHECK: rust.rs:[[@LINE+1]]:{{[0-9]+}}: warning: the block changes t0 but declares it neither as an output nor as a clobber; the compiler may keep a live value there acr{{.*}}{{.*}}[asmstory-clobber-missing]
    asm!("slli t0, {1}, 1", "add {0}, t0, {1}", out(reg) r, in(reg) a, options(pure, nomem, nostack));
    r
}

#[no_mangle]
pub unsafe fn scratch_ok(a: usize) -> usize {
    let r: usize;
    asm!("slli t0, {1}, 1", "add {0}, t0, {1}", out(reg) r, in(reg) a, out("t0") _,
         options(pure, nomem, nostack));
    r
}

// nostack, yet the block moves sp.
#[no_mangle]
pub unsafe fn push_nostack_bad(a: usize) {
    // CHECK: rust.rs:[[@LINE+1]]:{{[0-9]+}}: warning: `sw a0, 0(sp)` uses the stack but the block declares options(nostack); the compiler may have live data below the stack p{{.*}}{{.*}}[asmstory-stack-undeclared]
    asm!("addi sp, sp, -16", "sw {0}, 0(sp)", "addi sp, sp, 16", in(reg) a, options(nostack));
}

// exit_group never returns.
#[no_mangle]
pub unsafe fn exit_ok(code: usize) -> ! {
    asm!("ecall", in("a7") 94usize, in("a0") code, options(noreturn, nostack));
}
// write(2) returns.
#[no_mangle]
pub unsafe fn write_noreturn_bad(fd: usize) -> ! {
    // CHECK: rust.rs:[[@LINE+1]]:{{[0-9]+}}: warning: the block is declared noreturn but control can reach its end; the compiler placed nothing after it [asmstory-control-escape]
    asm!("ecall", in("a7") 64usize, in("a0") fd, options(noreturn, nostack));
}

// A float operand and a vector clobber.
#[no_mangle]
pub unsafe fn fmv_ok(a: u32) -> u32 {
    let r: u32;
    asm!("addi {0}, {1}, 1", out(reg) r, in(reg) a, out("v0") _, options(pure, nomem, nostack));
    r
}
