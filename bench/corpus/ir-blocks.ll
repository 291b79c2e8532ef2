; IR-level blocks as clang and rustc emit them.
target triple = "x86_64-unknown-linux-gnu"
define i64 @a(i64 %x, ptr %p) {
  %1 = call i64 asm "addq $2, $0", "=r,0,*m,~{dirflag},~{fpsr},~{flags}"(i64 %x, ptr elementtype(i64) %p)
  %2 = call i64 asm sideeffect inteldialect "mov ${0:q}, qword ptr [${1:q}]", "=&r,r,~{memory}"(ptr %p) memory(read)
  %3 = call { ptr, i64 } asm sideeffect "rep stosb", "={di},={cx},{di},{cx},{ax},~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p, i64 %x, i8 0)
  %4 = add i64 %1, %2
  ret i64 %4
}
