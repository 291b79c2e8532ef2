// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// Rust operands are named as in the asm! macro ({0}, {x}), though the IR
// puts outputs first; findings point at the template string of the line.
use std::arch::asm;

// input-overwritten with the input written first: `x` is {0} in the source.
pub fn order_bad(x: u64) -> u64 {
    let y: u64;
    // CHECK: rust-operand-names.rs:[[@LINE+1]]:20: warning: `notq %rcx` writes rcx, which holds input-only operand {0} (`x`){{.*}}[asmstory-input-overwritten]
    unsafe { asm!("not {0}", "mov {1}, {0}", in(reg) x, out(reg) y, options(pure, nomem, nostack)); }
    // CHECK: note: fix: declare {0} (`x`) as `inout(reg) <value> => _`
    y
}
// Named operands; the finding is on the second template string.
pub fn named_bad(src: u64) -> u64 {
    let dst: u64;
    // CHECK: rust-operand-names.rs:[[@LINE+1]]:40: warning: `decq %rcx` writes rcx, which holds input-only operand {src} (`src`){{.*}}[asmstory-input-overwritten]
    unsafe { asm!("mov {dst}, {src}", "dec {src}", dst = out(reg) dst, src = in(reg) src, options(pure, nomem, nostack)); }
    dst
}
// Positional {} placeholders.
pub fn positional_ok(a: u64) -> u64 {
    let b: u64;
    unsafe { asm!("lea {}, [{} + 1]", out(reg) b, in(reg) a, options(pure, nomem, nostack, preserves_flags)); }
    b
}
// A template string with its own "\n": the second line starts after it.
pub fn newline_bad(x: u64) -> u64 {
    let y: u64;
    // CHECK: rust-operand-names.rs:[[@LINE+1]]:35: warning: `addq $1, %rax` changes the status flags{{.*}}[asmstory-flags-clobber-missing]
    unsafe { asm!("mov {0}, {1}\n add {0}, 1", out(reg) y, in(reg) x, options(pure, nomem, nostack, preserves_flags)); }
    y
}
