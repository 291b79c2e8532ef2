target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; Function Attrs: nofree nounwind memory(read) uwtable
define dso_local i64 @load32() local_unnamed_addr {
entry:
  %buf = alloca [16 x i8], align 16
  call void @llvm.lifetime.start.p0(ptr nonnull %buf)
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 16 dereferenceable(16) %buf, i8 0, i64 16, i1 false)
  %0 = call i64 asm "vmovdqu $1, %ymm0\0A\09vmovq %xmm0, $0", "=r,*m,~{xmm0},~{dirflag},~{fpsr},~{flags}"(ptr nonnull elementtype([32 x i8]) %buf)
  call void @llvm.lifetime.end.p0(ptr nonnull %buf)
  ret i64 %0
}

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.start.p0(ptr captures(none))

; Function Attrs: mustprogress nocallback nofree nounwind willreturn memory(argmem: write)
declare void @llvm.memset.p0.i64(ptr writeonly captures(none), i8, i64, i1 immarg)

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.end.p0(ptr captures(none))

; Function Attrs: nounwind uwtable
define dso_local void @fill_unbounded(i64 noundef %n) local_unnamed_addr {
entry:
  %buf = alloca [32 x i8], align 16
  call void @llvm.lifetime.start.p0(ptr nonnull %buf)
  %0 = call { ptr, i64 } asm sideeffect "rep stosb", "={di},={cx},{ax},0,1,~{memory},~{dirflag},~{fpsr},~{flags}"(i32 0, ptr nonnull %buf, i64 %n)
  call void asm sideeffect "", "r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr nonnull %buf)
  call void @llvm.lifetime.end.p0(ptr nonnull %buf)
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local void @fill_bounded(i64 noundef %n) local_unnamed_addr {
entry:
  %buf = alloca [32 x i8], align 16
  call void @llvm.lifetime.start.p0(ptr nonnull %buf)
  %cmp = icmp ult i64 %n, 33
  br i1 %cmp, label %if.then, label %if.end

if.then:                                          ; preds = %entry
  %0 = call { ptr, i64 } asm sideeffect "rep stosb", "={di},={cx},{ax},0,1,~{memory},~{dirflag},~{fpsr},~{flags}"(i32 0, ptr nonnull %buf, i64 %n)
  br label %if.end

if.end:                                           ; preds = %if.then, %entry
  call void asm sideeffect "", "r,~{memory},~{dirflag},~{fpsr},~{flags}"(ptr nonnull %buf)
  call void @llvm.lifetime.end.p0(ptr nonnull %buf)
  ret void
}

; Function Attrs: nofree nounwind memory(read) uwtable
define dso_local i64 @load16() local_unnamed_addr {
entry:
  %buf = alloca [16 x i8], align 16
  call void @llvm.lifetime.start.p0(ptr nonnull %buf)
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 16 dereferenceable(16) %buf, i8 0, i64 16, i1 false)
  %0 = call i64 asm "movdqu $1, %xmm0\0A\09movq %xmm0, $0", "=r,*m,~{xmm0},~{dirflag},~{fpsr},~{flags}"(ptr nonnull elementtype([16 x i8]) %buf)
  call void @llvm.lifetime.end.p0(ptr nonnull %buf)
  ret i64 %0
}



