use std::arch::asm;

pub fn max_leaf() -> u32 {
    let a: u32;
    unsafe { asm!("push rbx", "cpuid", "pop rbx", inout("eax") 0u32 => a, out("ecx") _, out("edx") _, options(nomem)); }
    a
}
