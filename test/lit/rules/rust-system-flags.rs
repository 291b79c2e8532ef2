// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// options(preserves_flags) is about the status flags (CF, PF, AF, ZF, SF, OF)
// and DF: cli/sti (IF) and stac/clac (AC) change system flags only.
use std::arch::asm;

pub fn irq_window_ok() {
    unsafe { asm!("sti", "nop", "cli", options(nomem, nostack, preserves_flags)); }
}
pub fn smap_window_ok() {
    unsafe { asm!("stac", "clac", options(nomem, nostack, preserves_flags)); }
}
// stc sets CF, a status flag.
pub fn carry_bad() {
    // CHECK: rust-system-flags.rs:[[@LINE+1]]:{{[0-9]+}}: warning: `stc` changes the status flags but the block declares options(preserves_flags){{.*}}[asmstory-flags-clobber-missing]
    unsafe { asm!("cli", "stc", options(nomem, nostack, preserves_flags)); }
}
