// RUN: env ASMSTORY_MC_TIMEOUT_MS=3000 not %asmstory %s 2>&1 | FileCheck %s --implicit-check-not='[asmstory-'
// The template that crashed LLVM's assembler (see mc-isolation.c) in a Rust
// asm! (Intel syntax by default): a template-error, and the tool goes on.
use std::arch::asm;

pub fn crashes() {
    // CHECK: mc-isolation.rs:[[@LINE+1]]:{{[0-9]+}}: error: LLVM's assembler crashed on this template (SIGFPE in its parser; the block is not analyzed) [asmstory-template-error]
    unsafe { asm!("-", ".-undec%0, %(%0%~cc %1, %(%]c"); }
}

pub fn after(x: u64) -> u64 {
    let y: u64;
    // CHECK: mc-isolation.rs:[[@LINE+1]]:{{[0-9]+}}: warning: the block changes r10 {{.*}}[asmstory-clobber-missing]
    unsafe { asm!("mov r10, 1", "lea {0}, [{1} + r10]", out(reg) y, in(reg) x, options(pure, nomem, nostack)); }
    y
}
