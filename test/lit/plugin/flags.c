// The findings obey the compiler's warning flags: they are warnings of the
// inline-asm group.
// RUN: %clang -fplugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN
// WARN: flags.c:{{[0-9]+}}:17: warning: {{.*}} [asmstory-clobber-missing] [-Winline-asm]
// WARN: 1 warning generated.
//
// -Werror makes them errors and the compilation fails.
// RUN: not %clang -fplugin=%asmstory_so -O2 -Werror -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not %clang -fplugin=%asmstory_so -O2 -Werror=inline-asm -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=ERR
// ERR: flags.c:{{[0-9]+}}:17: error: {{.*}} [asmstory-clobber-missing] [-Werror,-Winline-asm]
//
// -w and -Wno-inline-asm silence them; -Wno-error=inline-asm keeps them warnings.
// RUN: %clang -fplugin=%asmstory_so -O2 -w -c %s -o %t.o 2>&1 | count 0
// RUN: %clang -fplugin=%asmstory_so -O2 -Wno-inline-asm -c %s -o %t.o 2>&1 | count 0
// RUN: %clang -fplugin=%asmstory_so -O2 -Werror -Wno-error=inline-asm -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: %clang -fplugin=%asmstory_so -O2 -Wno-error=inline-asm -Werror -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN
//
// Rule selection: -fplugin-arg-asmstory-checks=<globs> (clang-tidy style).
// RUN: %clang -fplugin=%asmstory_so -fplugin-arg-asmstory-checks=-*,memory-* -O2 -c %s -o %t.o 2>&1 | count 0
// RUN: %clang -fplugin=%asmstory_so -fplugin-arg-asmstory-checks=-*,clobber-* -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN
// A bad argument is a warning, and the rest still runs.
// RUN: %clang -fplugin=%asmstory_so -fplugin-arg-asmstory-checks=nosuchrule -fplugin-arg-asmstory-frobnicate -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADARG
// BADARG: warning: asmstory: ignoring -fplugin-arg-asmstory-checks=nosuchrule: {{.*}}
// BADARG: warning: asmstory: ignoring -fplugin-arg-asmstory-frobnicate: unknown argument 'frobnicate'
// BADARG: [asmstory-clobber-missing]
//
// What the tool cannot model is a remark, shown with -Rremark-backend-plugin.
// RUN: %clang -fplugin=%asmstory_so -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN --implicit-check-not=remark
// RUN: %clang -fplugin=%asmstory_so -O2 -Rremark-backend-plugin -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=REMARK
// REMARK: flags.c:{{[0-9]+}}:17: remark: the block is not verified: {{.*}} [asmstory-unmodeled] [-Rremark-backend-plugin]
//
// Proved findings (error severity) are warnings by default, and errors with
// -fplugin-arg-asmstory-errors. Both runs load the pass plugin, which tells the
// stories of story.c: without it there would be no finding to see.
// RUN: %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -O2 -c %S/story.c -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PROVED-WARN --implicit-check-not=error:
// PROVED-WARN: story.c:{{[0-9]+}}:8: warning: `vmovdqu {{.*}}` reads `buf[0..32)`{{.*}}[asmstory-memory-out-of-bounds] [-Winline-asm]
// PROVED-WARN: story.c:{{[0-9]+}}:49: warning: `vmovdqu {{.*}}` writes {{.*}}[asmstory-memory-out-of-bounds] [-Winline-asm]
// PROVED-WARN: story.c:{{[0-9]+}}:49: warning: `vmovdqu {{.*}}` writes {{.*}}[asmstory-memory-out-of-bounds] [-Winline-asm]
// PROVED-WARN: 3 warnings generated.
// RUN: not %clang -fplugin=%asmstory_so -fpass-plugin=%asmstory_so -fplugin-arg-asmstory-errors -O2 -c %S/story.c -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PROVED
// PROVED: story.c:{{[0-9]+}}:8: error: `vmovdqu {{.*}}` reads `buf[0..32)`{{.*}}[asmstory-memory-out-of-bounds] [-Winline-asm]
// PROVED: story.c:{{[0-9]+}}:49: error: `vmovdqu {{.*}}` writes {{.*}}[asmstory-memory-out-of-bounds] [-Winline-asm]
// PROVED: story.c:{{[0-9]+}}:49: error: `vmovdqu {{.*}}` writes {{.*}}[asmstory-memory-out-of-bounds] [-Winline-asm]
// PROVED: 3 errors generated.

unsigned leaf(unsigned a) {
  asm volatile("cpuid" : "+a"(a));
  return a;
}

void trap(void) {
  asm volatile(".long trap");
}
