use std::arch::asm;
pub fn f() -> u64 { let b: u64; unsafe { asm!("mov rbx, 1", out("rbx") b); } b }
