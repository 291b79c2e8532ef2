target triple = "aarch64-unknown-linux-gnu"
define i64 @f(i64 %x) {
  %r = call i64 asm "add $0, $1, #1", "=r,r"(i64 %x)
  ret i64 %r
}
