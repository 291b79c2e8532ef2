// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// Rust: a counterexample is a value the facts allow (story/counterexample-range.c).
use std::arch::asm;
static TAB: [u32; 60] = [0; 60];

// j is a multiple of 16: past 60 elements first at 64 (not 60).
pub fn stride(i: usize) -> u32 {
    let j = i & 0xF0;
    let r: u32;
    // CHECK: counterexample-range.rs:[[@LINE+1]]:20: warning: when `j` = {{64|80|96|112|128|144|160|176|192|208|224|240}}, `movl (%rcx,%rdx,4), %eax` reads {{.*}}, past the end of {{.*}} (constant global, 240 bytes) [asmstory-memory-out-of-bounds]
    unsafe { asm!("mov {r:e}, dword ptr [{p} + {j}*4]", r = out(reg) r, p = in(reg) TAB.as_ptr(), j = in(reg) j, options(readonly, nostack)); }
    r
}

// i is in [-4, 3]: only a negative index leaves TAB (not i = 60).
pub fn negative(i: isize) -> u32 {
    if i < -4 || i > 3 { return 0; }
    let r: u32;
    // CHECK: counterexample-range.rs:[[@LINE+1]]:20: warning: when `i` = -{{[1-4]}}, `movl (%rcx,%rdx,4), %eax` reads {{.*}}, before the start of {{.*}} (constant global, 240 bytes) [asmstory-memory-out-of-bounds]
    unsafe { asm!("mov {r:e}, dword ptr [{p} + {j}*4]", r = out(reg) r, p = in(reg) TAB.as_ptr(), j = in(reg) i, options(readonly, nostack)); }
    r
}

// Correct: every allowed index fits.
pub fn fits(i: usize) -> u32 {
    let j = i & 0x38;
    let r: u32;
    unsafe { asm!("mov {r:e}, dword ptr [{p} + {j}*4]", r = out(reg) r, p = in(reg) TAB.as_ptr(), j = in(reg) j, options(readonly, nostack)); }
    r
}
