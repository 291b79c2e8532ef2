// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// Rust asm! options and operand kinds, compiled with the installed rustc.
use std::arch::asm;

// preserves_flags, but add changes the flags.
pub fn flags_bad(x: u64) -> u64 {
    let y: u64;
    // CHECK: rust-options.rs:[[@LINE+1]]:36: warning: `addq $1, %rax` changes the status flags but the block declares options(preserves_flags){{.*}}[asmstory-flags-clobber-missing]
    unsafe { asm!("mov {0}, {1}", "add {0}, 1", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags)); }
    y
}
// nomem, but the block reads through a pointer.
pub fn nomem_bad(p: &u64) -> u64 {
    let y: u64;
    // CHECK: rust-options.rs:[[@LINE+1]]:20: warning: `movq (%rcx), %rax` reads memory through the pointer in {1} (`p`), but the block declares options(nomem){{.*}}[asmstory-memory-read-undeclared]
    unsafe { asm!("mov {0}, [{1}]", out(reg) y, in(reg) p, options(pure, nomem, nostack)); }
    y
}
// readonly, but the block writes.
pub fn readonly_bad(p: *mut u64) {
    // CHECK: rust-options.rs:[[@LINE+1]]:20: warning: `movq $1, (%rax)` writes memory through the pointer in {0} (`p`), but the block declares options(readonly){{.*}}[asmstory-memory-write-undeclared]
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(readonly, nostack)); }
}
// nostack, but the block pushes.
pub fn nostack_bad() {
    // CHECK: rust-options.rs:[[@LINE+1]]:20: warning: `pushq %rax` uses the stack but the block declares options(nostack){{.*}}[asmstory-stack-undeclared]
    unsafe { asm!("push rax", "pop rax", options(nostack)); }
}
// pure, but rdtsc is not deterministic.
pub fn pure_bad() -> u64 {
    let lo: u64;
    // CHECK: rust-options.rs:[[@LINE+1]]:20: warning: `rdtsc` returns a value that changes between executions, but the block is declared options(pure){{.*}}[asmstory-pure-side-effect]
    unsafe { asm!("rdtsc", out("eax") lo, out("edx") _, options(pure, nomem, nostack)); }
    lo
}
// `in` operand modified.
pub fn in_bad(n: u64) {
    // CHECK: rust-options.rs:[[@LINE+1]]:26: warning: `decq %rax` writes rax, which holds input-only operand {0} (`n`){{.*}}[asmstory-input-overwritten]
    unsafe { asm!("2:", "dec {0}", "jnz 2b", in(reg) n, options(nomem, nostack)); }
}
// lateout written before an input is read.
pub fn lateout_bad(a: u64, b: u64) -> u64 {
    let r: u64;
    // CHECK: rust-options.rs:[[@LINE+1]]:20: warning: output {0} is written before input {2} (`b`) is read{{.*}}[asmstory-early-clobber-missing]
    unsafe { asm!("mov {0}, {1}", "add {0}, {2}", lateout(reg) r, in(reg) a, in(reg) b, options(pure, nomem, nostack)); }
    r
}
// u32 operand used as a 64-bit register.
pub fn width_bad(x: u32) -> u64 {
    let y: u64;
    // CHECK: rust-options.rs:[[@LINE+1]]:20: warning: `movq %rcx, %rax` reads 64 bits of operand {1} (`x`), whose value has only 32 bits (i32){{.*}}[asmstory-operand-width]
    unsafe { asm!("mov {0}, {1}", out(reg) y, in(reg) x, options(pure, nomem, nostack)); }
    y
}

// Correct blocks.
pub fn flags_ok(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0}, {1}", "add {0}, 1", out(reg) y, in(reg) x, options(pure, nomem, nostack)); }
    y
}
pub fn read_ok(p: &u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0}, [{1}]", out(reg) y, in(reg) p, options(pure, readonly, nostack)); }
    y
}
pub fn in_ok(n: u64) {
    unsafe { asm!("2:", "dec {0}", "jnz 2b", inout(reg) n => _, options(nomem, nostack)); }
}
pub fn out_ok(a: u64, b: u64) -> u64 {
    let r: u64;
    unsafe { asm!("mov {0}, {1}", "add {0}, {2}", out(reg) r, in(reg) a, in(reg) b, options(pure, nomem, nostack)); }
    r
}
pub fn tsc_ok() -> u64 {
    let lo: u64;
    unsafe { asm!("rdtsc", out("eax") lo, out("edx") _, options(nomem, nostack)); }
    lo
}
pub fn width_ok(x: u32) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0:e}, {1:e}", out(reg) y, in(reg) x, options(pure, nomem, nostack)); }
    y
}
