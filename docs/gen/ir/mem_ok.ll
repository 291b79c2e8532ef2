target triple = "x86_64-unknown-linux-gnu"

define i32 @load(ptr %p) {
  %r = call i32 asm "movl ($1), $0", "=r,r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p) memory(read)
  ret i32 %r
}
