// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// Rust's rule for the x87 stack: unchanged at the end of the block, unless
// every st register is declared (out("st(0)") _ ... out("st(7)") _, or
// clobber_abi("C")); then it is empty on entry and must be empty at exit.
use std::arch::asm;

// A push left on the stack.
pub fn push_bad() {
    // CHECK: x87-stack-rust.rs:[[@LINE+2]]:20: warning: the block leaves the x87 register stack 1 entry deeper than it found it; Rust requires it unchanged (empty, when the block declares every register of it) [asmstory-stack-unbalanced]
    // CHECK: note: fix: leave the stack as the block found it, or declare every register of the x87 register stack (out("st(0)") _ ... out("st(7)") _) and leave it empty
    unsafe { asm!("fld1", options(nostack, nomem)); }
}
// Pushed and popped again.
pub fn push_ok(p: *mut f64) {
    unsafe { asm!("fld1", "fstp qword ptr [{0}]", in(reg) p, options(nostack)); }
}

// fninit empties the stack.
pub fn init_bad() {
    // CHECK: x87-stack-rust.rs:[[@LINE+2]]:20: warning: `fninit` empties the x87 register stack, where the compiler may keep values across the asm [asmstory-stack-unbalanced]
    // CHECK: note: fix: declare every register of the x87 register stack (out("st(0)") _ ... out("st(7)") _)
    unsafe { asm!("fninit", options(nostack, nomem)); }
}
pub fn init_ok() {
    unsafe {
        asm!("fninit", out("st(0)") _, out("st(1)") _, out("st(2)") _, out("st(3)") _,
             out("st(4)") _, out("st(5)") _, out("st(6)") _, out("st(7)") _, options(nostack, nomem));
    }
}
pub fn init_abi_ok() {
    unsafe { asm!("fninit", clobber_abi("C"), options(nostack, nomem)); }
}

// emms changes no register value.
pub fn emms_ok() {
    unsafe { asm!("emms", options(nostack, nomem)); }
}
