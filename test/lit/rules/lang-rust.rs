// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// Every interface rule on Rust asm! (compiled by the installed rustc; Intel
// syntax unless options(att_syntax)): one buggy block with its finding, and a
// correct variant that must stay silent. Rust blocks are located at `asm!`.
// (rust-options.rs covers add/preserves_flags, mov/nomem, mov/readonly,
// push/nostack, rdtsc/pure, a dec loop, mov/add lateout and a u32 read as 64.)
use std::arch::asm;

// clobber-missing: r10 written, no out("r10") _.
pub fn r10_bad(x: u64) -> u64 {
    let y: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: the block changes r10 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
    unsafe { asm!("mov r10, 1", "lea {0}, [{1} + r10]", out(reg) y, in(reg) x, options(pure, nomem, nostack)); }
    // CHECK: note: `movq $1, %r10` writes r10 and the block does not restore it
    // CHECK: note: fix: declare each as `out("<reg>") _` (or use clobber_abi("C"))
    y
}
// clobber-missing, att_syntax: r11 written, no out("r11") _.
pub fn r11_att_bad(x: u64) -> u64 {
    let y: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: the block changes r11 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
    unsafe { asm!("movq {1}, %r11", "leaq 8(%r11), {0}", out(reg) y, in(reg) x, options(att_syntax, pure, nomem, nostack)); }
    y
}
// Correct: out("r10") _ / out("r11") _.
pub fn r10_ok(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov r10, 1", "lea {0}, [{1} + r10]", out(reg) y, in(reg) x, out("r10") _, options(pure, nomem, nostack)); }
    y
}
pub fn r11_att_ok(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("movq {1}, %r11", "leaq 8(%r11), {0}", out(reg) y, in(reg) x, out("r11") _, options(att_syntax, pure, nomem, nostack)); }
    y
}

// input-overwritten: neg modifies the in(reg) operand.
pub fn neg_bad(x: u64) -> u64 {
    let y: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: `negq %rcx` writes rcx, which holds input-only operand {1} (`x`){{.*}}[asmstory-input-overwritten]
    unsafe { asm!("neg {1}", "mov {0}, {1}", out(reg) y, in(reg) x, options(pure, nomem, nostack)); }
    // CHECK: note: fix: declare {1} (`x`) as `inout(reg) <value> => _`
    y
}
// Correct: inout(reg) x => _.
pub fn neg_ok(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("neg {1}", "mov {0}, {1}", out(reg) y, inout(reg) x => _, options(pure, nomem, nostack)); }
    y
}

// early-clobber-missing: lateout {0} written by imul before {2} is read.
pub fn imul_bad(a: u64, b: u64) -> u64 {
    let r: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: output {0} is written before input {2} (`b`) is read, but is not early-clobber{{.*}}[asmstory-early-clobber-missing]
    unsafe { asm!("imul {0}, {1}, 3", "add {0}, {2}", lateout(reg) r, in(reg) a, in(reg) b, options(pure, nomem, nostack)); }
    // CHECK: note: `imulq $3, %rcx, %rax` writes output {0}
    // CHECK: note: `addq %rdx, %rax` then reads input {2} (`b`)
    // CHECK: note: fix: use `out` instead of `lateout` for {0}
    r
}
// Correct: out (early-clobber); lateout when every input is read before the write.
pub fn imul_ok(a: u64, b: u64) -> u64 {
    let r: u64;
    unsafe { asm!("imul {0}, {1}, 3", "add {0}, {2}", out(reg) r, in(reg) a, in(reg) b, options(pure, nomem, nostack)); }
    r
}
pub fn imul_late_ok(a: u64, b: u64) -> u64 {
    let r: u64;
    unsafe { asm!("imul {0}, {1}, 5", lateout(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    r ^ b
}

// output-not-written: on the jz path {0} is never written.
pub fn unwritten_bad(a: u64) -> u64 {
    let r: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:14: warning: output {0} is not written on some path through the block{{.*}}[asmstory-output-not-written]
    unsafe { asm!("test {1}, {1}", "jz 2f", "mov {0}, {1}", "2:", out(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    r
}
// Correct: {0} zeroed first.
pub fn unwritten_ok(a: u64) -> u64 {
    let r: u64;
    unsafe { asm!("xor {0:e}, {0:e}", "test {1}, {1}", "jz 2f", "mov {0}, {1}", "2:", out(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    r
}

// undefined-read: the out operand is read by add before anything wrote it.
pub fn undef_bad(a: u64) -> u64 {
    let r: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: the block uses the value of output-only operand {0} (rax) before the block wrote it; it reaches output {0}{{.*}}[asmstory-undefined-read]
    unsafe { asm!("add {0}, {1}", out(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    r
}
// undefined-read: setc consumes a carry flag nothing in the block set.
pub fn setc_bad() -> u8 {
    let c: u8;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: the block uses the value of the status flags, which nothing in the block set{{.*}}[asmstory-undefined-read]
    unsafe { asm!("setc {0}", out(reg_byte) c, options(nomem, nostack)); }
    c
}
// Correct: inout accumulator; carry set by bt.
pub fn undef_ok(a: u64, b: u64) -> u64 {
    let mut r: u64 = b;
    unsafe { asm!("add {0}, {1}", inout(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    r
}
pub fn setc_ok(x: u64) -> u8 {
    let c: u8;
    unsafe { asm!("bt {1}, 5", "setc {0}", out(reg_byte) c, in(reg) x, options(pure, nomem, nostack)); }
    c
}

// flags-clobber-missing: inc changes the flags under preserves_flags.
pub fn inc_flags_bad(a: u64) -> u64 {
    let r: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:36: warning: `incq %rax` changes the status flags but the block declares options(preserves_flags){{.*}}[asmstory-flags-clobber-missing]
    unsafe { asm!("mov {0}, {1}", "inc {0}", out(reg) r, in(reg) a, options(pure, nomem, nostack, preserves_flags)); }
    // CHECK: note: fix: remove preserves_flags
    r
}
// Correct: lea leaves the flags alone.
pub fn lea_flags_ok(a: u64) -> u64 {
    let r: u64;
    unsafe { asm!("lea {0}, [{1} + 1]", out(reg) r, in(reg) a, options(pure, nomem, nostack, preserves_flags)); }
    r
}

// operand-width: a u64 output written only through its low 16 bits ({0:x}).
pub fn narrow_bad() -> u64 {
    let r: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: output {0} has 64 bits but the block writes only its low 16 bits{{.*}}[asmstory-operand-width]
    unsafe { asm!("mov {0:x}, 7", out(reg) r, options(pure, nomem, nostack)); }
    r
}
// Correct: a 32-bit write zero-extends to 64 bits.
pub fn narrow_ok() -> u64 {
    let r: u64;
    unsafe { asm!("mov {0:e}, 7", out(reg) r, options(pure, nomem, nostack)); }
    r
}

// stack-undeclared: pushfq under nostack.
pub fn pushf_nostack_bad() {
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: `pushfq` uses the stack but the block declares options(nostack){{.*}}[asmstory-stack-undeclared]
    unsafe { asm!("pushfq", "popfq", options(nomem, nostack)); }
    // CHECK: note: fix: remove nostack
}
// Correct: no nostack.
pub fn pushf_popf_ok() {
    unsafe { asm!("pushfq", "popfq", options(nomem)); }
}

// stack-unbalanced: rsp moved down and not restored.
pub fn sub_rsp_bad() {
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: the stack pointer is 16 bytes lower at the end of the block than at its start{{.*}}[asmstory-stack-unbalanced]
    unsafe { asm!("sub rsp, 16", options(nomem)); }
}
// Correct: restored.
pub fn sub_rsp_ok() {
    unsafe { asm!("sub rsp, 16", "add rsp, 16", options(nomem)); }
}

// direction-flag: std, no cld.
pub fn std_bad() {
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: `std` sets the direction flag and the block may end with it set{{.*}}[asmstory-direction-flag]
    unsafe { asm!("std", options(nomem, nostack)); }
    // CHECK: note: fix: execute cld before the end of the block
}
// Correct: cld.
pub fn std_ok() {
    unsafe { asm!("std", "cld", options(nomem, nostack)); }
}

// control-escape: jmp to a symbol that is no label of the block.
pub fn jmp_bad() {
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: `jmp elsewhere` jumps to 'elsewhere', which is neither a label of the block nor a declared asm goto label{{.*}}[asmstory-control-escape]
    unsafe { asm!("jmp elsewhere", options(nomem, nostack)); }
}
// control-escape: a label operand is declared, but another jump goes elsewhere.
pub fn label_bad(x: u64) -> u64 {
    // CHECK: lang-rust.rs:[[@LINE+1]]:47: warning: `jmp nowhere` jumps to 'nowhere', which is neither a label of the block nor a declared asm goto label{{.*}}[asmstory-control-escape]
    unsafe { asm!("test {0}, {0}", "jz {1}", "jmp nowhere", in(reg) x, label { return 0; }, options(nomem, nostack)); }
    1
}
// control-escape: options(noreturn), but nop falls off the end.
pub fn noreturn_bad() -> ! {
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: the block is declared noreturn but control can reach its end{{.*}}[asmstory-control-escape]
    unsafe { asm!("nop", options(noreturn)) }
}
// Correct: jump to a label operand; ud2 and an endless loop under noreturn.
pub fn label_ok(x: u64) -> u64 {
    unsafe { asm!("test {0}, {0}", "jz {1}", in(reg) x, label { return 0; }, options(nomem, nostack)); }
    1
}
pub fn noreturn_ok() -> ! {
    unsafe { asm!("ud2", options(noreturn)) }
}
pub fn hang_ok() -> ! {
    unsafe { asm!("2:", "pause", "jmp 2b", options(noreturn, nomem, nostack)) }
}

// memory-read-undeclared: cmp reads *p under nomem.
pub fn cmp_bad(p: &u8) -> bool {
    let r: u8;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: `cmpb $0, (%rcx)` reads memory through the pointer in {1} (`p`), but the block declares options(nomem){{.*}}[asmstory-memory-read-undeclared]
    unsafe { asm!("cmp byte ptr [{1}], 0", "setz {0}", out(reg_byte) r, in(reg) p, options(pure, nomem, nostack)); }
    // CHECK: note: fix: remove nomem
    r != 0
}
// Correct: readonly.
pub fn cmp_ok(p: &u8) -> bool {
    let r: u8;
    unsafe { asm!("cmp byte ptr [{1}], 0", "setz {0}", out(reg_byte) r, in(reg) p, options(pure, readonly, nostack)); }
    r != 0
}

// memory-write-undeclared (and -read-): inc reads and writes *p under nomem.
pub fn inc_nomem_bad(p: &mut u64) {
    // CHECK: lang-rust.rs:[[@LINE+2]]:20: warning: `incq (%rax)` reads memory through the pointer in {0} (`p`), but the block declares options(nomem){{.*}}[asmstory-memory-read-undeclared]
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: `incq (%rax)` writes memory through the pointer in {0} (`p`), but the block declares options(nomem){{.*}}[asmstory-memory-write-undeclared]
    unsafe { asm!("inc qword ptr [{0}]", in(reg) p, options(nomem, nostack)); }
}
// memory-write-undeclared: a byte store under readonly.
pub fn store_readonly_bad(p: &mut u8) {
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: `movb $0, (%rax)` writes memory through the pointer in {0} (`p`), but the block declares options(readonly){{.*}}[asmstory-memory-write-undeclared]
    unsafe { asm!("mov byte ptr [{0}], 0", in(reg) p, options(readonly, nostack, preserves_flags)); }
    // CHECK: note: fix: remove readonly
}
// Correct: neither nomem nor readonly.
pub fn inc_ok(p: &mut u64) {
    unsafe { asm!("inc qword ptr [{0}]", in(reg) p, options(nostack)); }
}
pub fn store_ok(p: &mut u8) {
    unsafe { asm!("mov byte ptr [{0}], 0", in(reg) p, options(nostack, preserves_flags)); }
}

// pure-side-effect: rdrand under pure.
pub fn rdrand_bad() -> u64 {
    let r: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: `rdrandq %rax` returns a value that changes between executions, but the block is declared options(pure){{.*}}[asmstory-pure-side-effect]
    unsafe { asm!("rdrand {0}", out(reg) r, options(pure, nomem, nostack)); }
    // CHECK: note: fix: remove pure
    r
}
// Correct: not pure.
pub fn rdrand_ok() -> u64 {
    let r: u64;
    unsafe { asm!("rdrand {0}", out(reg) r, options(nomem, nostack)); }
    r
}

// template-error: {0:e} against a 64-bit {1} gives `mov eax, rcx`. rustc does
// not assemble templates when emitting bitcode, so it accepts this; LLVM MC
// rejects it.
pub fn mixed_bad(a: u64) -> u64 {
    let r: u64;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: error: the template does not assemble for x86_64-unknown-linux-gnu after operand substitution: invalid operand for instruction [asmstory-template-error]
    unsafe { asm!("mov {0:e}, {1}", out(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    // CHECK: note: the template after substitution was: mov eax, rcx
    r
}
// Correct: matching widths.
pub fn mixed_ok(a: u64) -> u64 {
    let r: u64;
    unsafe { asm!("mov {0:e}, {1:e}", out(reg) r, in(reg) a, options(pure, nomem, nostack)); }
    r
}

// unmodeled: bytes that decode into no instruction stay a data directive.
pub fn bytes_note() {
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: note: the block is not verified: it contains a data directive [asmstory-unmodeled]
    unsafe { asm!(".byte 0x0f, 0xff, 0xff", options(nostack)); }
}
// Modeled: xgetbv with its registers declared.
pub fn xgetbv_ok() -> u64 {
    let lo: u32;
    let hi: u32;
    unsafe { asm!("xgetbv", in("ecx") 0u32, out("eax") lo, out("edx") hi, options(nomem, nostack, preserves_flags)); }
    (hi as u64) << 32 | lo as u64
}

// ---- Cases the tool got wrong while this test was written (false alarms and misses; see the report). ----

// Correct: pushfq/pop reads the entry flags -- the accepted way to read system
// flags (RULES.md, undefined-read); no nostack, so the stack may be used.
pub fn pushf_ok() -> u64 {
    let r: u64;
    unsafe { asm!("pushfq", "pop {0}", out(reg) r, options(nomem)); }
    r
}
// Correct: clobber_abi("C") declares r10 (as discarded lateouts); the input is in
// rdi, so writing r10 first is fine. Discarded outputs need not be written.
pub fn scratch_abi_ok(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("mov r10, 1", "lea rax, [rdi + r10]", in("rdi") x, out("rax") y, clobber_abi("C"), options(pure, nomem, nostack)); }
    y
}
// Correct: inlateout("rax") x => y holds x where the block does not write rax.
pub fn inlateout_ok(x: u64) -> u64 {
    let y: u64;
    unsafe { asm!("test rax, rax", "jz 2f", "mov eax, 1", "2:", inlateout("rax") x => y, options(pure, nomem, nostack)); }
    y
}
// Correct: the syscall idiom; syscall returns in rax and writes rcx and r11.
pub fn syscall_ok(n: usize, a1: usize) -> usize {
    let ret: usize;
    unsafe { asm!("syscall", inlateout("rax") n => ret, in("rdi") a1, lateout("rcx") _, lateout("r11") _, options(nostack)); }
    ret
}
// clobber-missing: syscall writes rcx (return address) and r11 (rflags).
pub fn syscall_bad(n: usize) -> usize {
    let ret: usize;
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: warning: the block changes {{.*}}rcx{{.*}}r11{{.*}} but declares them neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
    unsafe { asm!("syscall", inlateout("rax") n => ret, in("rsi") 0usize, options(nostack)); }
    ret
}
// Correct: a u32 in r9, read as r9d (32 bits).
pub fn r9d_ok(x: u32) -> u32 {
    let r: u32;
    unsafe { asm!("mov {0:e}, r9d", out(reg) r, in("r9") x, options(pure, nomem, nostack, preserves_flags)); }
    r
}
// unmodeled: a call through a sym operand (rustc emits `call ${N:c}` with an "s"
// constraint; LLVM prints the symbol name). Not a template error.
extern "C" fn callee() {}
pub fn sym_call_note() {
    // CHECK: lang-rust.rs:[[@LINE+1]]:20: note: the block is not verified: `callq {{.*}}callee{{.*}}` cannot be modeled (call: the callee's effects are not modeled) [asmstory-unmodeled]
    unsafe { asm!("call {f}", f = sym callee, clobber_abi("C")); }
}
// Correct: exit(2) never returns, so the noreturn block does not fall off its end.
pub fn exit_ok(code: i32) -> ! {
    unsafe { asm!("syscall", in("eax") 60, in("edi") code, options(noreturn, nostack)); }
}
