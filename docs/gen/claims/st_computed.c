int arr[4];
int past(void) { int v; asm("lea %1, %%rax\n\tmovl 16(%%rax), %0" : "=r"(v) : "m"(arr) : "rax"); return v; }
