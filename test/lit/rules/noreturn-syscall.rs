// RUN: not %asmstory %s | FileCheck %s --implicit-check-not='[asmstory-'
// A noreturn block that ends with a system call: exit and exit_group never
// return; another number does, and control reaches the end of the block.
// When the number comes from the caller (rustix's syscall1_noreturn, seen
// in its standalone copy), the tool cannot tell, and says so in a note.
use std::arch::asm;

#[inline(never)]
pub unsafe fn syscall1_noreturn(nr: usize, a0: usize) -> ! {
    // CHECK: noreturn-syscall.rs:[[@LINE+1]]:11: note: the block is declared noreturn and `syscall` is a system call whose number comes from outside the block; that it never returns is not verified [asmstory-unmodeled]
    asm!("syscall", in("rax") nr, in("rdi") a0, options(noreturn));
}

// write(2) returns: declaring it noreturn is wrong.
pub unsafe fn write_noreturn(fd: usize) -> ! {
    // CHECK: noreturn-syscall.rs:[[@LINE+1]]:11: warning: the block is declared noreturn but control can reach its end; {{.*}}[asmstory-control-escape]
    asm!("syscall", in("rax") 1usize, in("rdi") fd, options(noreturn));
}

// Correct: exit_group never returns.
pub unsafe fn exit_ok(code: usize) -> ! {
    asm!("syscall", in("rax") 231usize, in("rdi") code, options(noreturn));
}
