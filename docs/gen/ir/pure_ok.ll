target triple = "x86_64-unknown-linux-gnu"

define i64 @cycles() {
  %r = call { i32, i32 } asm sideeffect "rdtsc", "={ax},={dx},~{dirflag},~{fpsr},~{flags}"()
  %lo = extractvalue { i32, i32 } %r, 0
  %w = zext i32 %lo to i64
  ret i64 %w
}
