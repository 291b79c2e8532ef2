// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// RUN: not %asmstory --format=json %s | FileCheck %s --check-prefix=JSON
// RUN: not %asmstory --format=sarif %s | FileCheck %s --check-prefix=SARIF
// A function inlined into several callers is one IR block per call site:
// each copy has its own facts, and the statement is told once per finding;
// one that only some copies have names them.
use std::arch::asm;

// Every copy writes through a shared reference: one finding, no copy named.
#[inline(always)]
fn bump(p: &u64) {
    // CHECK: inlined-rust.rs:[[@LINE+1]]:20: error: `movq $1, (%rax)` writes through {0} (`p`), which points into a shared reference (&T) without interior mutability; {{.*}} memory) [asmstory-memory-readonly-write]
    unsafe { asm!("mov qword ptr [{0}], 1", in(reg) p, options(nostack)); }
}

// A clobber missing in every copy: once.
#[inline(always)]
fn clob(x: u64) -> u64 {
    let r: u64;
    // CHECK: inlined-rust.rs:[[@LINE+2]]:20: warning: the block changes rbx but declares it neither as an output nor as a clobber; the compiler may keep a live value there across the asm [asmstory-clobber-missing]
    // CHECK-NOT: [asmstory-clobber-missing]
    unsafe { asm!("mov rbx, {0}", "mov {1}, {0}", in(reg) x, out(reg) r, options(nostack)); }
    r
}

// A 32-byte read: past the end in `small` and `small2` (16 bytes each, one
// finding naming both), past the end of 8 bytes in `tiny`, in bounds in `big`;
// the function itself (kept by link-dead-code) reads past a slice shorter
// than 32 bytes.
#[inline(always)]
fn load32(p: &[u8]) -> u64 {
    let r: u64;
    // CHECK-DAG: inlined-rust.rs:[[@LINE+3]]:20: error: `vmovdqu (%rcx), %ymm0` reads `{{.*}}[0..32)`, past the end of {{.*}} (local, 16 bytes) (in the copies in `inlined_rust::small` and `inlined_rust::small2`) [asmstory-memory-out-of-bounds]
    // CHECK-DAG: inlined-rust.rs:[[@LINE+2]]:20: error: `vmovdqu (%rcx), %ymm0` reads `{{.*}}[0..32)`, past the end of {{.*}} (local, 8 bytes) (in the copy in `inlined_rust::tiny`) [asmstory-memory-out-of-bounds]
    // CHECK-DAG: inlined-rust.rs:[[@LINE+1]]:20: warning: when `p.len()` = {{[0-9]+}}, `vmovdqu (%rcx), %ymm0` reads `p[0..32)`, past the end of `p` (parameter, `p.len()` = {{[0-9]+}} bytes, from the slice's length) (in the copy in `inlined_rust::load32`) [asmstory-memory-out-of-bounds]
    unsafe { asm!("vmovdqu ymm0, [{1}]", "vmovq {0}, xmm0", out(reg) r, in(reg) p.as_ptr(), out("ymm0") _, options(readonly, nostack)); }
    r
}

pub fn small(p: &u64) -> u64 { let b = [1u8; 16]; bump(p); clob(load32(&b)) }
pub fn small2(p: &u64) -> u64 { let b = [2u8; 16]; bump(p); clob(load32(&b)) }
pub fn tiny(p: &u64) -> u64 { let b = [3u8; 8]; bump(p); clob(load32(&b)) }
pub fn big(p: &u64) -> u64 { let b = [4u8; 32]; bump(p); clob(load32(&b)) }

// JSON-COUNT-5: "rule":
// JSON-NOT: "rule":
// SARIF-COUNT-5: "ruleId":
// SARIF-NOT: "ruleId":
