// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// Rust: a finding at an instruction after `;` on a template line, or after
// a {name} placeholder or an escape, is at that instruction's column in the
// source (the IR spells placeholders ${0} and $$).
use std::arch::asm;
pub fn a(x: u64) {
    // CHECK: rust-columns.rs:[[@LINE+2]]:32: warning: the block changes rbx {{.*}}[asmstory-clobber-missing]
    // CHECK: rust-columns.rs:[[@LINE+1]]:32: note: `movq $2, %rbx` writes rbx
    unsafe { asm!("mov {v}, 1; mov rbx, 2", v = out(reg) _, in("rax") x, options(nostack)); }
    // CHECK: rust-columns.rs:[[@LINE+2]]:37: warning: the block changes rcx {{.*}}[asmstory-clobber-missing]
    // CHECK: rust-columns.rs:[[@LINE+1]]:37: note: `movl $3, %ecx` writes rcx
    unsafe { asm!("mov {v:e}, 1 \t; mov ecx, 3", v = out(reg) _, in("rax") x, options(nostack)); }
}
