target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@table = internal constant [4 x i32] [i32 1, i32 2, i32 3, i32 4], align 16
@.str = private unnamed_addr constant [6 x i8] c"hello\00", align 1
@counter = internal global [4 x i32] zeroinitializer, align 16

; Function Attrs: nounwind uwtable
define dso_local void @write_const() local_unnamed_addr {
entry:
  tail call void asm sideeffect "movl $$1, ($0)", "r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr nonnull @table)
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local void @write_literal() local_unnamed_addr {
entry:
  tail call void asm sideeffect "movb $$1, ($0)", "r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr nonnull @.str)
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local i32 @read_const() local_unnamed_addr {
entry:
  %0 = tail call i32 asm sideeffect "movl ($1), $0", "=r,r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr nonnull @table)
  ret i32 %0
}

; Function Attrs: nounwind uwtable
define dso_local void @write_mutable() local_unnamed_addr {
entry:
  tail call void asm sideeffect "movl $$1, ($0)", "r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr nonnull @counter)
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local void @write_through_const_param(ptr noundef %p) local_unnamed_addr {
entry:
  tail call void asm sideeffect "movl $$1, ($0)", "r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p)
  ret void
}



