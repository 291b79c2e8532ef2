// RUN: %asmstory --dump --checks=-* %s | FileCheck %s
// Rust asm! compiled with the installed rustc: options from the IR call,
// locations from debug info, Intel syntax by default, att_syntax honoured.
use std::arch::asm;

pub fn f(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov {0}, {1}", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags)); }
    y
}
// CHECK: block 1 at {{.*}}rust.rs:[[@LINE-3]]:14 in {{.*}}1f{{.*}} (Rust, intel, x86_64{{.*}}) nomem pure nostack preserves_flags memory-attr
// CHECK: operand 0: out "=&r" {{.*}} : i64, 64 bits -> register rax (as rax)
// CHECK: insn 0 (line 1:1): movq %rcx, %rax

pub fn g(p: &u32) -> u32 {
    let y: u32;
    unsafe { asm!("movl ({1}), {0:e}", out(reg) y, in(reg) p, options(att_syntax, readonly, nostack)); }
    y
}
// CHECK: block 2 at {{.*}}rust.rs:[[@LINE-3]]:14 in {{.*}}1g{{.*}} (Rust, att, x86_64{{.*}}) volatile readonly nostack memory-clobber cc-clobber memory-attr
// CHECK: insn 0 (line 1:1): movl (%rcx), %eax {{.*}} load[rcx] size=4
