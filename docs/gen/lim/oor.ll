target triple = "x86_64-unknown-linux-gnu"

define i32 @f() {
  %r = call i32 asm "movl $3, $0", "=r,~{dirflag},~{fpsr},~{flags}"()
  ret i32 %r
}
