; RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
; Every interface rule on plain LLVM IR: the constraint string, sideeffect,
; inteldialect, callbr and the call attributes are the declaration. Without debug
; info a block is located at the call (its line, the column of "call"/"callbr").
; Each buggy block is followed by a correct variant that must stay silent.
target triple = "x86_64-unknown-linux-gnu"

declare void @callee()

; clobber-missing: r11 written, no ~{r11}.
define i64 @clobber_bad(i64 %x) {
; CHECK: lang-ir.ll:[[@LINE+3]]:8: warning: the block changes r11 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
; CHECK: note: `movq $1, %r11` writes r11 and the block does not restore it
; CHECK: note: fix: add ~{<reg>} for each to the constraint string
  %r = call i64 asm "movq $$1, %r11\0Aleaq ($1,%r11), $0", "=r,r,~{dirflag},~{fpsr},~{flags}"(i64 %x)
  ret i64 %r
}
; clobber-missing, inteldialect: r8 written, no ~{r8}.
define i32 @clobber_intel_bad(i32 %a) {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: the block changes r8 but declares it neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  %r = call i32 asm inteldialect "mov r8d, $1\0Alea $0, [r8 + r8]", "=r,r,~{dirflag},~{fpsr},~{flags}"(i32 %a)
; CHECK: note: `movl %ecx, %r8d` writes r8
  ret i32 %r
}
; Correct: ~{r11}, ~{r8}.
define i64 @clobber_ok(i64 %x) {
  %r = call i64 asm "movq $$1, %r11\0Aleaq ($1,%r11), $0", "=r,r,~{r11},~{dirflag},~{fpsr},~{flags}"(i64 %x)
  ret i64 %r
}
define i32 @clobber_intel_ok(i32 %a) {
  %r = call i32 asm inteldialect "mov r8d, $1\0Alea $0, [r8 + r8]", "=r,r,~{r8},~{dirflag},~{fpsr},~{flags}"(i32 %a)
  ret i32 %r
}

; input-overwritten: not modifies the input-only $1.
define i64 @input_bad(i64 %x) {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: `notq %rcx` writes rcx, which holds input-only operand $1 (`x`){{.*}}[asmstory-input-overwritten]
  %r = call i64 asm "notq $1\0Amovq $1, $0", "=&r,r,~{dirflag},~{fpsr},~{flags}"(i64 %x)
  ret i64 %r
}
; Correct: the input is tied to a second output ("=r,0" style in/out).
define i64 @input_ok(i64 %x) {
  %s = call { i64, i64 } asm "notq $1\0Amovq $1, $0", "=&r,=r,1,~{dirflag},~{fpsr},~{flags}"(i64 %x)
  %r = extractvalue { i64, i64 } %s, 0
  ret i64 %r
}

; early-clobber-missing: $0 written (movq, shlq) before $2 is read.
define i64 @early_bad(i64 %a, i64 %b) {
; CHECK: lang-ir.ll:[[@LINE+2]]:8: warning: output $0 (`r`) is written before input $2 (`b`) is read, but is not early-clobber{{.*}}[asmstory-early-clobber-missing]
; CHECK: note: fix: use "=&" for output 0 in the constraint string
  %r = call i64 asm "movq $1, $0\0Ashlq $$2, $0\0Aorq $2, $0", "=r,r,r,~{dirflag},~{fpsr},~{flags}"(i64 %a, i64 %b)
  ret i64 %r
}
; Correct: "=&r".
define i64 @early_ok(i64 %a, i64 %b) {
  %r = call i64 asm "movq $1, $0\0Ashlq $$2, $0\0Aorq $2, $0", "=&r,r,r,~{dirflag},~{fpsr},~{flags}"(i64 %a, i64 %b)
  ret i64 %r
}

; output-not-written: on the js path $0 is never written.
define i32 @unwritten_bad(i32 %a) {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: output $0 (`r`) is not written on some path through the block{{.*}}[asmstory-output-not-written]
  %r = call i32 asm "testl $1, $1\0Ajs 1f\0Amovl $1, $0\0A1:", "=&r,r,~{dirflag},~{fpsr},~{flags}"(i32 %a)
  ret i32 %r
}
; Correct: $0 zeroed before the branch.
define i32 @unwritten_ok(i32 %a) {
  %r = call i32 asm "xorl $0, $0\0Atestl $1, $1\0Ajs 1f\0Amovl $1, $0\0A1:", "=&r,r,~{dirflag},~{fpsr},~{flags}"(i32 %a)
  ret i32 %r
}

; undefined-read: two-operand imul reads the output-only $0.
define i32 @undef_out_bad(i32 %a) {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: the block uses the value of output-only operand $0 (`r`) (rax) before the block wrote it; it reaches output $0 (`r`){{.*}}[asmstory-undefined-read]
  %r = call i32 asm "imull $1, $0", "=&r,r,~{dirflag},~{fpsr},~{flags}"(i32 %a)
  ret i32 %r
}
; undefined-read: r10 is read but is not an input.
define i32 @undef_reg_bad() {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: the block uses the value of r10, which is not an input of the block; it reaches output $0 (`r`){{.*}}[asmstory-undefined-read]
  %r = call i32 asm sideeffect "movl %r10d, $0", "=r,~{dirflag},~{fpsr},~{flags}"()
  ret i32 %r
}
; Correct: $0 tied to an input; r10 passed as an input.
define i32 @undef_out_ok(i32 %a, i32 %b) {
  %r = call i32 asm "imull $2, $0", "=r,0,r,~{dirflag},~{fpsr},~{flags}"(i32 %b, i32 %a)
  ret i32 %r
}
define i32 @undef_reg_ok(i32 %a) {
  %r = call i32 asm sideeffect "movl %r10d, $0", "=r,{r10},~{dirflag},~{fpsr},~{flags}"(i32 %a)
  ret i32 %r
}

; flags-clobber-missing: neg changes the flags, no ~{flags}.
define i32 @flags_bad(i32 %a) {
; CHECK: lang-ir.ll:[[@LINE+2]]:8: warning: `negl %eax` changes the status flags but the constraint string has no ~{flags}{{.*}}[asmstory-flags-clobber-missing]
; CHECK: note: fix: add ~{flags}
  %r = call i32 asm "negl $0", "=r,0,~{dirflag}"(i32 %a)
  ret i32 %r
}
; Correct: not leaves the flags alone, so no ~{flags} is needed.
define i32 @flags_ok(i32 %a) {
  %r = call i32 asm "notl $0", "=r,0,~{dirflag}"(i32 %a)
  ret i32 %r
}

; operand-width: an i32 operand read as 64 bits through ${1:q}.
define i64 @width_bad(i32 %a) {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: `leaq 1(%rcx), %rax` reads 64 bits of operand $1 (`a`), whose value has only 32 bits (i32){{.*}}[asmstory-operand-width]
  %r = call i64 asm "leaq 1(${1:q}), $0", "=r,r,~{dirflag},~{fpsr},~{flags}"(i32 %a)
  ret i64 %r
}
; Correct: sign extension.
define i64 @width_ok(i32 %a) {
  %r = call i64 asm "movslq $1, $0", "=r,r,~{dirflag},~{fpsr},~{flags}"(i32 %a)
  ret i64 %r
}

; stack-undeclared: pushfq writes into the red zone.
define void @redzone_bad() {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: warning: `pushfq` writes 8 bytes below the stack pointer, into the x86-64 red zone{{.*}}[asmstory-stack-undeclared]
  call void asm sideeffect "pushfq\0Apopfq", "~{dirflag},~{fpsr},~{flags}"()
; CHECK: note: move the stack pointer down past the red zone first
  ret void
}
; Correct: the function is noredzone.
define void @redzone_ok() noredzone {
  call void asm sideeffect "pushfq\0Apopfq", "~{dirflag},~{fpsr},~{flags}"()
  ret void
}

; stack-unbalanced: rsp raised by 8.
define void @unbalanced_bad() {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: warning: the stack pointer is 8 bytes higher at the end of the block than at its start{{.*}}[asmstory-stack-unbalanced]
  call void asm sideeffect "addq $$8, %rsp", "~{dirflag},~{fpsr},~{flags}"()
  ret void
}
; Correct: moved back.
define void @unbalanced_ok() noredzone {
  call void asm sideeffect "subq $$8, %rsp\0Aaddq $$8, %rsp", "~{dirflag},~{fpsr},~{flags}"()
  ret void
}

; direction-flag: std, no cld.
define void @df_bad() {
; CHECK: lang-ir.ll:[[@LINE+2]]:3: warning: `std` sets the direction flag and the block may end with it set{{.*}}[asmstory-direction-flag]
; CHECK: note: fix: execute cld before the end of the block
  call void asm sideeffect "std", "~{dirflag},~{fpsr},~{flags}"()
  ret void
}
; Correct: cld at the end.
define void @df_ok() {
  call void asm sideeffect "std\0Acld", "~{dirflag},~{fpsr},~{flags}"()
  ret void
}

; control-escape: jmp to a symbol that is no label of the block.
define void @jump_bad() {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: warning: `jmp exit_path` jumps to 'exit_path', which is neither a label of the block nor a declared asm goto label{{.*}}[asmstory-control-escape]
  call void asm sideeffect "jmp exit_path", "~{dirflag},~{fpsr},~{flags}"()
  ret void
}
; control-escape: callbr, but a second jump goes to an undeclared label.
define void @callbr_bad(i32 %x) {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: warning: `jmp elsewhere` jumps to 'elsewhere', which is neither a label of the block nor a declared asm goto label{{.*}}[asmstory-control-escape]
  callbr void asm sideeffect "testl $0, $0\0Ajz ${1:l}\0Ajmp elsewhere", "r,!i,~{dirflag},~{fpsr},~{flags}"(i32 %x) to label %fall [label %out]
fall:
  ret void
out:
  ret void
}
; control-escape: the call is followed by unreachable (noreturn), but nop falls through.
define void @noreturn_bad() {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: warning: the block is declared noreturn but control can reach its end{{.*}}[asmstory-control-escape]
  call void asm sideeffect "nop", "~{dirflag},~{fpsr},~{flags}"()
  unreachable
}
; Correct: callbr with the label declared; ud2 before unreachable.
define void @callbr_ok(i32 %x) {
  callbr void asm sideeffect "testl $0, $0\0Ajz ${1:l}", "r,!i,~{dirflag},~{fpsr},~{flags}"(i32 %x) to label %fall [label %out]
fall:
  ret void
out:
  ret void
}
define void @noreturn_ok() {
  call void asm sideeffect "ud2", "~{dirflag},~{fpsr},~{flags}"()
  unreachable
}

; memory-read-undeclared: a load through "r", no *m and no ~{memory}.
define i32 @read_bad(ptr %p) {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: `movl (%rcx), %eax` reads memory through the pointer in $1 (`p`), but the constraint string has no *m input for it and no ~{memory}{{.*}}[asmstory-memory-read-undeclared]
  %r = call i32 asm "movl ($1), $0", "=r,r,~{dirflag},~{fpsr},~{flags}"(ptr %p)
  ret i32 %r
}
; memory-read-undeclared, inteldialect: a load under memory(none).
define i32 @read_none_bad(ptr %p) {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: `movzbl (%rcx), %eax` reads memory through the pointer in $1 (`p`), but the call is memory(none){{.*}}[asmstory-memory-read-undeclared]
  %r = call i32 asm inteldialect "movzx $0, byte ptr [$1]", "=r,r,~{dirflag},~{fpsr},~{flags}"(ptr %p) memory(none)
  ret i32 %r
}
; Correct: memory(read) with ~{memory} (what rustc emits for readonly); *m input.
define i32 @read_ok(ptr %p) {
  %r = call i32 asm "movl ($1), $0", "=r,r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p) memory(read)
  ret i32 %r
}
define i32 @read_none_ok(ptr %p) {
  %r = call i32 asm "movzbl $1, $0", "=r,*m,~{dirflag},~{fpsr},~{flags}"(ptr elementtype(i8) %p)
  ret i32 %r
}

; memory-write-undeclared: a store through "r", no *m and no ~{memory}.
define void @write_bad(ptr %p) {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: warning: `movl $0, (%rax)` writes memory through the pointer in $0 (`p`), but the constraint string has no *m output for it and no ~{memory}{{.*}}[asmstory-memory-write-undeclared]
  call void asm sideeffect "movl $$0, ($0)", "r,~{dirflag},~{fpsr},~{flags}"(ptr %p)
  ret void
}
; memory-write-undeclared: memory(read) wins over ~{memory}.
define void @write_read_bad(ptr %p) {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: warning: `movl $0, (%rax)` writes memory through the pointer in $0 (`p`), but the call does not allow writes (memory(none) or memory(read)){{.*}}[asmstory-memory-write-undeclared]
  call void asm sideeffect "movl $$0, ($0)", "r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p) memory(read)
  ret void
}
; Correct: ~{memory} without a memory attribute; "=*m" output.
define void @write_ok(ptr %p) {
  call void asm sideeffect "movl $$0, ($0)", "r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p)
  ret void
}
define void @write_m_ok(ptr %p) {
  call void asm sideeffect "movl $$0, $0", "=*m,~{dirflag},~{fpsr},~{flags}"(ptr elementtype(i32) %p)
  ret void
}

; pure-side-effect: rdpid in a call without sideeffect.
define i64 @pure_bad() {
; CHECK: lang-ir.ll:[[@LINE+2]]:8: warning: `rdpid %rax` returns a value that changes between executions, but the block is a call without sideeffect{{.*}}[asmstory-pure-side-effect]
; CHECK: note: fix: add sideeffect to the call asm
  %r = call i64 asm "rdpid $0", "=r,~{dirflag},~{fpsr},~{flags}"()
  ret i64 %r
}
; Correct: sideeffect.
define i64 @pure_ok() {
  %r = call i64 asm sideeffect "rdpid $0", "=r,~{dirflag},~{fpsr},~{flags}"()
  ret i64 %r
}

; template-error: mixed operand sizes.
define void @template_bad() {
; CHECK: lang-ir.ll:[[@LINE+2]]:3: error: the template does not assemble for x86_64-unknown-linux-gnu after operand substitution: invalid operand for instruction [asmstory-template-error]
; CHECK: note: the template after substitution was: movq %eax, %rbx
  call void asm sideeffect "movq %eax, %rbx", "~{rbx},~{dirflag},~{fpsr},~{flags}"()
  ret void
}
; Correct: same sizes.
define void @template_ok() {
  call void asm sideeffect "movl %eax, %ebx", "~{rbx},~{dirflag},~{fpsr},~{flags}"()
  ret void
}

; unmodeled: bytes that decode into no instruction stay a data directive.
define void @unmodeled_note() {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: note: the block is not verified: it contains a data directive [asmstory-unmodeled]
  call void asm sideeffect ".byte 0x0f, 0xff, 0xff", "~{dirflag},~{fpsr},~{flags}"()
  ret void
}
; Modeled: xgetbv with its outputs declared.
define i64 @xgetbv_ok(i32 %c) {
  %r = call { i32, i32 } asm sideeffect "xgetbv", "={ax},={dx},{cx},~{dirflag},~{fpsr},~{flags}"(i32 %c)
  %lo = extractvalue { i32, i32 } %r, 0
  %z = zext i32 %lo to i64
  ret i64 %z
}

; ---- Cases the tool got wrong while this test was written (false alarms and misses; see the report). ----

; Correct: pushfq/pop reads the entry flags into a register -- the accepted way to
; read system flags, not an undefined read (RULES.md, undefined-read).
define i64 @pushf_ok() noredzone {
  %r = call i64 asm sideeffect "pushfq\0Apopq $0", "=r,~{dirflag},~{fpsr},~{flags}"()
  ret i64 %r
}
; Correct: inteldialect "*m" operands print as a bare [reg] (llc: incl (%rdi)),
; so an explicit "dword ptr" in the template assembles.
define void @intel_ptr_ok(ptr %p) {
  call void asm sideeffect inteldialect "inc dword ptr $0", "=*m,*m,~{dirflag},~{fpsr},~{flags}"(ptr elementtype(i32) %p, ptr elementtype(i32) %p)
  ret void
}
; unmodeled: a call through a symbol operand ("s", as rustc emits for sym); llc
; prints `callq callee`. Not a template error.
define void @sym_note() noredzone {
; CHECK: lang-ir.ll:[[@LINE+1]]:3: note: the block is not verified: `callq callee` cannot be modeled (call: the callee's effects are not modeled) [asmstory-unmodeled]
  call void asm sideeffect alignstack inteldialect "call ${0:c}", "s,~{rax},~{rcx},~{rdx},~{rsi},~{rdi},~{r8},~{r9},~{r10},~{r11},~{memory},~{dirflag},~{fpsr},~{flags}"(ptr @callee)
  ret void
}
; Correct: an i32 in r9 read as r9d is read at 32 bits (like eax for {ax}).
define i32 @r9d_ok(i32 %a) {
  %r = call i32 asm "movl %r9d, $0", "=r,{r9},~{dirflag},~{fpsr},~{flags}"(i32 %a)
  ret i32 %r
}
; Correct: an output and an input in the same fixed register (rustc's
; inlateout("rax")): where the block does not write rax the output is the input.
define i64 @same_reg_ok(i64 %x) {
  %r = call i64 asm "testq %rax, %rax\0Ajz 1f\0Amovl $$1, %eax\0A1:", "={ax},{ax},~{dirflag},~{fpsr},~{flags}"(i64 %x)
  ret i64 %r
}
; Correct: syscall returns in rax and writes rcx and r11.
define i64 @syscall_ok(i64 %n, i64 %a1) {
  %r = call i64 asm sideeffect "syscall", "={ax},{ax},{di},~{rcx},~{r11},~{memory},~{dirflag},~{fpsr},~{flags}"(i64 %n, i64 %a1)
  ret i64 %r
}
; clobber-missing: syscall writes rcx (return address) and r11 (rflags).
define i64 @syscall_bad(i64 %n) {
; CHECK: lang-ir.ll:[[@LINE+1]]:8: warning: the block changes {{.*}}rcx{{.*}}r11{{.*}} but declares them neither as an output nor as a clobber{{.*}}[asmstory-clobber-missing]
  %r = call i64 asm sideeffect "syscall", "={ax},0,~{memory},~{dirflag},~{fpsr},~{flags}"(i64 %n)
  ret i64 %r
}
