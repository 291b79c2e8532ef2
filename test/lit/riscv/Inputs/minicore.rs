// The lang items a no_core crate needs for asm! on a foreign target
// (rustc tests its asm the same way: tests/auxiliary/minicore.rs).
#[lang = "pointee_sized"] pub trait PointeeSized {}
#[lang = "meta_sized"] pub trait MetaSized: PointeeSized {}
#[lang = "sized"] pub trait Sized: MetaSized {}
#[lang = "copy"] pub trait Copy {}
#[lang = "legacy_receiver"] pub trait LegacyReceiver {}
impl Copy for usize {}
impl Copy for u32 {}
impl Copy for u64 {}
impl Copy for f32 {}
impl Copy for f64 {}
impl<T: ?Sized> Copy for *const T {}
impl<T: ?Sized> Copy for *mut T {}
#[rustc_builtin_macro]
pub macro asm("assembly template", $(operands,)* $(options($(option),*))?) { /* compiler built-in */ }
