unsigned a1(void){unsigned a,c,d; asm("rdtscp":"=a"(a),"=c"(c),"=d"(d)); return a;}
unsigned a2(void){unsigned a; asm("rdseed %0":"=r"(a)); return a;}
unsigned long a3(void){unsigned long a; asm("rdpid %0":"=r"(a)); return a;}
int a4(unsigned c, unsigned lo, unsigned hi){int r; asm("wrmsr\n\txor %0, %0":"=r"(r):"c"(c),"a"(lo),"d"(hi)); return r;}
int a5(unsigned char v){int r; asm("outb %1, $0x80\n\txor %0, %0":"=r"(r):"a"(v)); return r;}
int a6(void){int r; asm("lfence\n\txor %0, %0":"=r"(r)); return r;}
unsigned a7(unsigned x){unsigned a=0,d; asm("xgetbv":"+a"(a),"=d"(d):"c"(x)); return a;}
