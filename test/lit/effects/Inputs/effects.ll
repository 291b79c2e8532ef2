target triple = "x86_64-unknown-linux-gnu"

define i64 @add(i64 %a, i64 %b) {
  %r = call i64 asm "movq $1, $0\0A\09addq $2, $0", "=&r,r,r,~{flags}"(i64 %a, i64 %b)
  ret i64 %r
}

define void @store(ptr %p) {
  call void asm sideeffect "movl $$7, 4($0)", "r,~{memory}"(ptr %p)
  ret void
}
