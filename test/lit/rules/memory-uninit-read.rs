// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// memory-uninit-read on Rust asm!: a MaybeUninit read by the block before
// anything wrote it; silent when an earlier block wrote it through its
// pointer, and for an initialized array.
use std::arch::asm;
use std::mem::MaybeUninit;

// Read before any write: the local is uninitialized on every path.
pub fn maybe_uninit_bad() -> u64 {
    let buf = MaybeUninit::<[u64; 2]>::uninit();
    let r: u64;
    // CHECK: memory-uninit-read.rs:[[@LINE+1]]:{{[0-9]+}}: error: `movq 8(%{{r..}}), %{{r..}}` reads `{{.*}}[8..16)`, never written before the asm (a local, 16 bytes){{.*}}[asmstory-memory-uninit-read]
    unsafe { asm!("mov {0}, [{1} + 8]", out(reg) r, in(reg) buf.as_ptr()); }
    // CHECK: note: fix: initialize the memory before the asm (a write, MaybeUninit::zeroed), or have the block write it before it reads it
    r
}

// Written by one block through its pointer, then read by another and by
// assume_init: silent.
pub fn written_by_asm_ok() -> u64 {
    let mut buf = MaybeUninit::<u64>::uninit();
    let r: u64;
    unsafe {
        asm!("mov qword ptr [{0}], 1", in(reg) buf.as_mut_ptr());
        asm!("mov {0}, [{1}]", out(reg) r, in(reg) buf.as_ptr());
        r + buf.assume_init()
    }
}

// An initialized array: silent.
pub fn init_array_ok(x: u64) -> u64 {
    let buf = [x, x + 1];
    let r: u64;
    unsafe { asm!("mov {0}, [{1} + 8]", out(reg) r, in(reg) buf.as_ptr()); }
    r
}
