target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; Function Attrs: nounwind uwtable
define dso_local void @plus_one() local_unnamed_addr {
entry:
  %buf = alloca [64 x i8], align 16
  call void @llvm.lifetime.start.p0(ptr nonnull %buf)
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 16 dereferenceable(64) %buf, i8 0, i64 64, i1 false)
  %add.ptr = getelementptr inbounds nuw i8, ptr %buf, i64 1
  call void asm sideeffect "movdqa ($0), %xmm0", "r,~{xmm0},~{memory},~{dirflag},~{fpsr},~{flags}"(ptr nonnull %add.ptr)
  call void @llvm.lifetime.end.p0(ptr nonnull %buf)
  ret void
}

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.start.p0(ptr captures(none))

; Function Attrs: mustprogress nocallback nofree nounwind willreturn memory(argmem: write)
declare void @llvm.memset.p0.i64(ptr writeonly captures(none), i8, i64, i1 immarg)

; Function Attrs: mustprogress nocallback nofree nosync nounwind willreturn memory(argmem: readwrite)
declare void @llvm.lifetime.end.p0(ptr captures(none))

; Function Attrs: nounwind uwtable
define dso_local void @param(ptr noundef %p) local_unnamed_addr {
entry:
  tail call void asm sideeffect "vmovdqa ($0), %ymm0", "r,~{xmm0},~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p)
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local void @aligned_local() local_unnamed_addr {
entry:
  %buf = alloca [64 x i8], align 32
  call void @llvm.lifetime.start.p0(ptr nonnull %buf)
  call void @llvm.memset.p0.i64(ptr noundef nonnull align 32 dereferenceable(64) %buf, i8 0, i64 64, i1 false)
  call void asm sideeffect "vmovdqa ($0), %ymm0", "r,~{xmm0},~{memory},~{dirflag},~{fpsr},~{flags}"(ptr nonnull %buf)
  call void @llvm.lifetime.end.p0(ptr nonnull %buf)
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local void @aligned_type(ptr noundef %p) local_unnamed_addr {
entry:
  tail call void asm sideeffect "vmovdqa ($0), %ymm0", "r,~{xmm0},~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p)
  ret void
}

; Function Attrs: nounwind uwtable
define dso_local void @unaligned_ok(ptr noundef %p) local_unnamed_addr {
entry:
  tail call void asm sideeffect "movdqu ($0), %xmm0", "r,~{xmm0},~{memory},~{dirflag},~{fpsr},~{flags}"(ptr %p)
  ret void
}



