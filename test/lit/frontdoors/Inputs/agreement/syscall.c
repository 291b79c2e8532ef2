/* A small libc's system call stubs (x86-64 Linux): the kernel clobbers
   rcx and r11; arguments in rdi, rsi, rdx, r10, r8, r9. */
#include <stddef.h>

#define SYS_write 1
#define SYS_getpid 39
#define SYS_exit 60

/* Correct. */
static inline long sys_call1(long n, long a1)
{
	long ret;
	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1)
			     : "rcx", "r11", "memory");
	return ret;
}

/* Buggy: rcx and r11 are missing from the clobbers. */
static inline long sys_call3_bad(long n, long a1, long a2, long a3)
{
	long ret;
	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1), "S"(a2), "d"(a3)
			     : "memory");
	return ret;
}

/* Correct: the fourth argument in r10 through a register variable. */
static inline long sys_call4(long n, long a1, long a2, long a3, long a4)
{
	register long r10 __asm__("r10") = a4;
	long ret;
	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
			     : "rcx", "r11", "memory");
	return ret;
}

/* Buggy: the number is loaded inside the template, rax is an undeclared
   change (the output goes to another register). */
long sys_getpid_bad(void)
{
	long pid;
	__asm__ volatile("movl %1, %%eax\n\t"
			 "syscall\n\t"
			 "mov %%rax, %0"
			 : "=r"(pid)
			 : "i"(SYS_getpid)
			 : "rcx", "r11");
	return pid;
}

/* Correct, and does not return: control leaves through the kernel. */
__attribute__((noreturn)) void sys_exit(int code)
{
	__asm__ volatile("syscall" : : "a"(SYS_exit), "D"(code) : "rcx", "r11", "memory");
	__builtin_unreachable();
}

long write_all(int fd, const char *buf, size_t len)
{
	long n = sys_call3_bad(SYS_write, fd, (long)buf, (long)len);
	if (n < 0)
		return n;
	return sys_call1(SYS_getpid, 0) + sys_call4(SYS_write, fd, (long)buf, 0, 0);
}

long write_twice(int fd, const char *buf, size_t len)
{
	return sys_call3_bad(SYS_write, fd, (long)buf, (long)len) +
	       sys_call3_bad(SYS_write, fd, (long)buf, (long)len);
}
