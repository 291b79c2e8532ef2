target triple = "mips64-unknown-linux-gnuabi64"
define i64 @f(i64 %x) {
  %r = call i64 asm "daddiu $0, $1, 1", "=r,r"(i64 %x)
  ret i64 %r
}
