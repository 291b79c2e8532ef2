target triple = "x86_64-unknown-linux-gnu"

define i32 @add_one(i32 %x) {
  %r = call i32 asm "addl $$1, $0", "=r,0,~{dirflag},~{fpsr}"(i32 %x)
  ret i32 %r
}
