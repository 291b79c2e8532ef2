"""The projects of bench/realworld: Debian packages and how to compile
their inline asm.  Each project: name, packages (downloaded with apt-get
download and extracted under the work directory; '@' is the kernel ABI of
linux-headers-amd64), and units(roots) -> list of units, each a dict with
lang ('c', 'c++', 'rust'), file (the one asmstory analyzes), files
(name -> text, written into the unit directory) and flags (compiler flags
after --; absent for Rust)."""
import os


def inc(root, *dirs):
    out = []
    for d in dirs:
        out += ["-I", os.path.join(root, d)]
    return out


def c_unit(text, flags, lang="c", std=None):
    name = "use.cpp" if lang == "c++" else "use.c"
    f = ["-w"] + ([std] if std else []) + flags
    return {"lang": lang, "file": name, "files": {name: text}, "flags": f}


def includes(headers):
    return "".join("#include <%s>\n" % h for h in headers)


def first(roots, prefix):
    for k, v in roots.items():
        if k.startswith(prefix):
            return v
    raise KeyError(prefix)


PROJECTS = []


def project(name, packages):
    def deco(fn):
        PROJECTS.append({"name": name, "packages": packages, "units": fn})
        return fn
    return deco


# --- glibc: port I/O and the x87 control word ------------------------------
@project("glibc", ["libc6-dev"])
def _glibc(r):
    root = r["libc6-dev"]
    return [c_unit(includes(["sys/io.h", "fpu_control.h"]) +
                   "unsigned use(void) { fpu_control_t cw; _FPU_GETCW(cw); _FPU_SETCW(cw); return cw; }\n",
                   inc(root, "usr/include/x86_64-linux-gnu", "usr/include"))]


# --- Valgrind client requests ------------------------------------------------
@project("valgrind", ["valgrind"])
def _valgrind(r):
    root = r["valgrind"]
    return [c_unit(includes(["valgrind/valgrind.h", "valgrind/memcheck.h", "valgrind/callgrind.h",
                             "valgrind/helgrind.h", "valgrind/drd.h"]) + r'''
unsigned long use(void *p) {
  unsigned long r = RUNNING_ON_VALGRIND;
  VALGRIND_DISCARD_TRANSLATIONS(p, 16);
  r += VALGRIND_STACK_REGISTER(p, (char *)p + 64);
  r += VALGRIND_COUNT_ERRORS;
  VALGRIND_MAKE_MEM_DEFINED(p, 8); VALGRIND_MAKE_MEM_NOACCESS(p, 8);
  r += VALGRIND_CHECK_MEM_IS_DEFINED(p, 8);
  VALGRIND_DO_LEAK_CHECK;
  CALLGRIND_START_INSTRUMENTATION; CALLGRIND_TOGGLE_COLLECT;
  CALLGRIND_STOP_INSTRUMENTATION; CALLGRIND_DUMP_STATS;
  ANNOTATE_HAPPENS_BEFORE(p); ANNOTATE_HAPPENS_AFTER(p);
  DRD_IGNORE_VAR(*(int *)p);
  VALGRIND_PRINTF("%d", 1);
  return r;
}
''', inc(root, "usr/include"))]


# --- Concurrency Kit: ck_pr for x86_64 (its macros define the functions) ----
@project("concurrencykit", ["libck-dev"])
def _ck(r):
    root = r["libck-dev"]
    return [c_unit(includes(["ck_pr.h", "ck_spinlock.h", "ck_rwlock.h", "ck_elide.h", "ck_ring.h"]),
                   inc(root, "usr/include"), std="-std=gnu11")]


# --- 32-bit ARM (issue 14): the same libraries' own ARM primitives ----------
ARM = ["--target=armv7a-unknown-linux-gnueabihf"]


@project("libatomic_ops-arm", ["libatomic-ops-dev"])
def _aops_arm(r):
    root = r["libatomic-ops-dev"]
    return [c_unit(includes(["atomic_ops.h"]) + r'''
int use(volatile AO_t *p, volatile AO_double_t *d) {
  AO_nop_full(); AO_fetch_and_add1(p); AO_fetch_and_sub1(p); AO_or(p, 2); AO_and(p, 3); AO_xor(p, 4);
  AO_test_and_set_full((volatile AO_TS_t *)p); AO_store_release(p, 3);
  AO_double_t o = {0}, n = {0};
  AO_double_store(d, o); o = AO_double_load(d);
  return AO_compare_and_swap_full(p, 1, 2) + (int)AO_load_acquire(p) +
         (int)AO_fetch_compare_and_swap_full(p, 1, 2) + AO_double_compare_and_swap_full(d, o, n);
}
''', ARM + inc(root, "usr/include") + ["-DAO_DISABLE_GCC_ATOMICS"])]


@project("concurrencykit-arm", ["libck-dev"])
def _ck_arm(r):
    root = r["libck-dev"]
    return [c_unit(includes(["ck_pr.h", "ck_spinlock.h", "ck_rwlock.h", "ck_elide.h", "ck_ring.h"]),
                   ARM + inc(root, "usr/include"), std="-std=gnu11")]


# --- The Linux kernel's x86 headers (kbuild flags, packaged configuration) --
KERNEL_HEADERS = """linux/kernel.h linux/atomic.h linux/bitops.h linux/spinlock.h linux/elf.h linux/efi.h linux/kexec.h
linux/percpu.h linux/preempt.h linux/irqflags.h linux/uaccess.h linux/io.h linux/delay.h
linux/sched.h linux/mm.h linux/highmem.h linux/string.h linux/random.h linux/timex.h
linux/static_call.h linux/jump_label.h linux/kvm_para.h linux/hw_breakpoint.h
asm/msr.h asm/io.h asm/special_insns.h asm/processor.h asm/cmpxchg.h asm/barrier.h
asm/tlbflush.h asm/fpu/api.h linux/percpu.h asm/debugreg.h asm/desc.h asm/segment.h asm/paravirt.h
asm/local.h asm/bitops.h asm/atomic64_64.h asm/word-at-a-time.h asm/checksum.h
asm/pgtable.h asm/smap.h asm/nospec-branch.h asm/tsc.h asm/vmx.h asm/apic.h
asm/mwait.h asm/syscall.h asm/traps.h asm/insn.h asm/intel_pconfig.h asm/kvm_para.h
asm/archrandom.h asm/div64.h asm/string_64.h asm/ptrace.h asm/cpufeature.h asm/alternative.h
asm/uaccess.h asm/futex.h linux/raid/xor.h asm/xor.h asm/fsgsbase.h asm/set_memory.h asm/virtext.h
asm/mce.h asm/pkru.h asm/sync_bitops.h asm/irqflags.h asm/preempt.h
asm/percpu.h asm/qspinlock.h asm/rmwcc.h asm/vdso.h asm/proto.h
asm/fpu/internal.h""".split()


def kernel_trees(r, arch, headers):
    """The common and amd64 header trees of the kernel packages, and which
    of headers exist in include/ or arch/<arch>/include/."""
    c = a = None
    for k, v in r.items():
        if k.endswith("-common"):
            c = os.path.join(v, "usr/src", k)
        elif k.endswith("-amd64"):
            a = os.path.join(v, "usr/src", k)
    heads = [h for h in headers if os.path.exists(os.path.join(c, "include", h))
             or os.path.exists(os.path.join(c, "arch/%s/include" % arch, h))]
    return c, a, heads


@project("linux", ["linux-headers-@-common", "linux-headers-@-amd64", "linux-libc-dev"])
def _linux(r):
    c, a, heads = kernel_trees(r, "x86", KERNEL_HEADERS)
    flags = ["-nostdinc", "-I%s/arch/x86/include" % c, "-I%s/arch/x86/include/generated" % a,
             "-I%s/include" % c, "-I%s/include" % a, "-I%s/arch/x86/include/uapi" % c,
             "-I%s/arch/x86/include/generated/uapi" % a, "-I%s/include/uapi" % c,
             "-I%s/include/generated/uapi" % a, "-include", "%s/include/linux/compiler-version.h" % c,
             "-include", "%s/include/linux/kconfig.h" % c, "-include", "%s/include/linux/compiler_types.h" % c,
             "-D__KERNEL__", "-DCC_USING_FENTRY", "-mno-red-zone", "-mcmodel=kernel", "-fno-PIE", "-fshort-wchar", "-fno-strict-aliasing", "-mno-sse", "-mno-mmx", "-mno-sse2", "-mno-3dnow", "-mno-avx", "-mno-80387", "-mno-fp-ret-in-387", "-mskip-rax-setup", "-std=gnu11"]
    uapi = r["linux-libc-dev"]
    return [c_unit(includes(heads), flags),
            c_unit(includes(["asm/swab.h"]) +
                   "unsigned use(unsigned x, unsigned long y) { return __arch_swab32(x) + __arch_swab64(y); }\n",
                   inc(uapi, "usr/include/x86_64-linux-gnu", "usr/include"))]


# --- musl: port I/O ------------------------------------------------------------
@project("musl", ["musl-dev"])
def _musl(r):
    root = r["musl-dev"]
    return [c_unit(includes(["sys/io.h"]),
                   ["-nostdinc"] + inc(root, "usr/include/x86_64-linux-musl"))]


# --- GCC's cpuid.h (included by path: its directory also holds GCC's own
# intrinsics headers, which must not shadow clang's) --------------------------
@project("gcc-cpuid", ["libgcc-12-dev"])
def _gcc(r):
    h = os.path.join(r["libgcc-12-dev"], "usr/lib/gcc/x86_64-linux-gnu/12/include/cpuid.h")
    return [c_unit('#include "%s"\n' % h + r'''
unsigned use(void) { unsigned a, b, c, d; __cpuid(0, a, b, c, d);
  __cpuid_count(7, 0, a, b, c, d); return a + b + c + d + __get_cpuid_max(0, 0); }
''', [])]


# --- libatomic_ops (its own x86 primitives, not the GCC builtins) -------------
@project("libatomic_ops", ["libatomic-ops-dev"])
def _aops(r):
    root = r["libatomic-ops-dev"]
    return [c_unit(includes(["atomic_ops.h"]) + r'''
int use(volatile AO_t *p, volatile unsigned char *c, volatile unsigned short *s, volatile unsigned *u,
        volatile AO_double_t *d) {
  AO_nop_full(); AO_fetch_and_add1(p); AO_fetch_and_sub1(p); AO_or(p, 2); AO_and(p, 3); AO_xor(p, 4);
  AO_char_fetch_and_add(c, 1); AO_short_fetch_and_add(s, 1); AO_int_fetch_and_add(u, 1);
  AO_char_and(c, 1); AO_short_or(s, 1); AO_int_xor(u, 1);
  AO_test_and_set_full((volatile AO_TS_t *)c);
  AO_double_t o = {0}, n = {0};
  return AO_compare_and_swap_full(p, 1, 2) + (int)AO_load_acquire(p) +
         (int)AO_fetch_compare_and_swap_full(p, 1, 2) + AO_double_compare_and_swap_full(d, o, n);
}
''', inc(root, "usr/include") + ["-DAO_DISABLE_GCC_ATOMICS", "-mcx16"])]


# --- Google Benchmark ---------------------------------------------------------
@project("google-benchmark", ["libbenchmark-dev"])
def _bench(r):
    root = r["libbenchmark-dev"]
    return [c_unit(includes(["benchmark/benchmark.h"]) + r'''
struct Big { long a[4]; };
int use(int x, Big &b, const double &d) { benchmark::DoNotOptimize(x); benchmark::DoNotOptimize(b);
  benchmark::DoNotOptimize(d); benchmark::ClobberMemory(); return x; }
''', inc(root, "usr/include"), lang="c++", std="-std=c++17")]


# --- liburcu (userspace RCU): x86 arch and uatomic ----------------------------
@project("liburcu", ["liburcu-dev"])
def _urcu(r):
    root = r["liburcu-dev"]
    return [c_unit(includes(["urcu/arch.h", "urcu/uatomic.h"]) + r'''
unsigned long use(unsigned long *p, unsigned int *q, unsigned short *s, unsigned char *c) {
  unsigned long r = uatomic_cmpxchg(p, 1, 2) + uatomic_xchg(p, 3) + uatomic_add_return(p, 4);
  r += uatomic_cmpxchg(q, 1, 2) + uatomic_xchg(q, 3) + uatomic_add_return(q, 4);
  r += uatomic_cmpxchg(s, 1, 2) + uatomic_xchg(s, 3) + uatomic_add_return(s, 4);
  r += uatomic_cmpxchg(c, 1, 2) + uatomic_xchg(c, 3) + uatomic_add_return(c, 4);
  uatomic_and(p, 1); uatomic_or(p, 2); uatomic_add(p, 3); uatomic_inc(p); uatomic_dec(p);
  uatomic_and(q, 1); uatomic_or(s, 2); uatomic_inc(c); uatomic_dec(q);
  cmm_smp_mb(); cmm_smp_rmb(); cmm_smp_wmb(); cmm_mb(); cmm_rmb(); cmm_wmb(); caa_cpu_relax();
  return r + caa_get_cycles();
}
''', inc(root, "usr/include/x86_64-linux-gnu", "usr/include"))]


# --- libtomcrypt: byte-order and rotate macros --------------------------------
@project("libtomcrypt", ["libtomcrypt-dev"])
def _tomcrypt(r):
    root = r["libtomcrypt-dev"]
    return [c_unit('#include <stdint.h>\n#include <stddef.h>\n#include <string.h>\n#include <time.h>\n#define XMEMCPY memcpy\n' + includes(["tomcrypt_cfg.h", "tomcrypt_macros.h"]) + r'''
unsigned long use(unsigned char *b, unsigned x, int i) {
  ulong32 v; ulong64 w; STORE32H(x, b); LOAD32H(v, b); STORE64H((ulong64)x, b); LOAD64H(w, b);
  return v + w + ROL(x, i) + ROR(x, i) + ROLc(x, 3) + RORc(x, 5) + ROL64(w, i) + ROR64(w, i) + ROL64c(w, 7) + ROR64c(w, 9);
}
''', inc(root, "usr/include"))]


# --- xxHash ---------------------------------------------------------------------
@project("xxhash", ["libxxhash-dev"])
def _xxhash(r):
    root = r["libxxhash-dev"]
    return [c_unit("#define XXH_INLINE_ALL\n" + includes(["xxhash.h"]) + r'''
unsigned long long use(const void *p, unsigned long n) { return XXH64(p, n, 1) + XXH3_64bits(p, n) + XXH32(p, n, 2); }
''', inc(root, "usr/include") + ["-O2"])]


# --- FLINT: its copy of GMP's longlong.h and the cycle counter -------------
@project("flint", ["libflint-dev", "libgmp-dev", "libmpfr-dev"])
def _flint(r):
    fl = r["libflint-dev"]
    return [c_unit(includes(["gmp.h", "flint/flint.h", "flint/longlong.h", "flint/profiler.h"]) + r'''
mp_limb_t use(mp_limb_t a, mp_limb_t b, mp_limb_t c, mp_limb_t d) {
  mp_limb_t h, l, m, q, rr;
  add_sssaaaaaa(h, m, l, a, b, c, d, a, b); sub_dddmmmsss(h, m, l, a, b, c, d, a, b);
  add_ssaaaa(h, l, a, b, c, d); sub_ddmmss(h, l, a, b, c, d); umul_ppmm(h, l, a, b);
  udiv_qrnnd(q, rr, a % d, b, d);
  add_ssssaaaaaaaa(h, m, l, q, a, b, c, d, a, b, c, d);
  return h + l + m + q + rr;
}
''', inc(fl, "usr/include", "usr/include/flint") + inc(r["libgmp-dev"], "usr/include/x86_64-linux-gnu", "usr/include")
      + inc(r["libmpfr-dev"], "usr/include"))]


# --- HighwayHash: the TSC timers ------------------------------------------------
@project("highwayhash", ["libhighwayhash-dev"])
def _hh(r):
    root = r["libhighwayhash-dev"]
    return [c_unit(includes(["highwayhash/tsc_timer.h"]) + r'''
unsigned long long use() { return highwayhash::Start<unsigned long long>() + highwayhash::Stop<unsigned long long>()
  + highwayhash::Start<unsigned>() + highwayhash::Stop<unsigned>(); }
''', inc(root, "usr/include"), lang="c++", std="-std=c++17")]


# --- oneTBB: machine layer ------------------------------------------------------
@project("onetbb", ["libtbb-dev"])
def _tbb(r):
    root = r["libtbb-dev"]
    return [c_unit(includes(["oneapi/tbb/detail/_machine.h"]) + r'''
long use(unsigned long x) { tbb::detail::d0::atomic_fence_seq_cst(); tbb::detail::d0::machine_pause(3);
  return tbb::detail::d0::machine_log2(x) + tbb::detail::d0::machine_reverse_bits(x); }
''', inc(root, "usr/include"), lang="c++", std="-std=c++17")]


# --- Abseil: the unscaled cycle clock -------------------------------------------
@project("abseil", ["libabsl-dev"])
def _absl(r):
    root = r["libabsl-dev"]
    return [c_unit("#define ABSL_USE_UNSCALED_CYCLECLOCK 1\n" +
                   includes(["absl/base/optimization.h", "absl/base/internal/unscaledcycleclock.h"]) + r'''
int use() { ABSL_BLOCK_TAIL_CALL_OPTIMIZATION(); return 0; }
''', inc(root, "usr/include"), lang="c++", std="-std=c++17")]


# --- GLib: G_BREAKPOINT and the atomic barriers -------------------------------
@project("glib", ["libglib2.0-dev"])
def _glib(r):
    root = r["libglib2.0-dev"]
    return [c_unit('#include <stddef.h>\n#include <stdint.h>\n#define G_DISABLE_DEPRECATED\n#define __GLIB_H_INSIDE__\n' +
                   '#include <glib/gmacros.h>\n#include <glib/gtypes.h>\n#include <glib/gbacktrace.h>\n' + r'''
void use(void) { G_BREAKPOINT(); }
''', inc(root, "usr/include/glib-2.0", "usr/lib/x86_64-linux-gnu/glib-2.0/include"))]


# --- Xen control library: barriers ------------------------------------------
@project("xen", ["libxen-dev"])
def _xen(r):
    h = os.path.join(r["libxen-dev"], "usr/include/xenctrl.h")
    # xenctrl.h pulls in the whole Xen public API; only its barrier macros are asm.
    lines = open(h).read().split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("#define xen_barrier()"))
    end = next(i for i, l in enumerate(lines) if i > start and l.startswith("#endif"))
    out = lines[start:end + 1]
    return [c_unit("/* the barrier macros of xenctrl.h */\n#line %d \"%s\"\n" % (start + 1, h) + "\n".join(out) +
                   "\nvoid use(void) { xen_mb(); xen_rmb(); xen_wmb(); xen_barrier(); }\n", [])]


# --- Protocol Buffers: varint parsing and the map seed ----------------------------
@project("protobuf", ["libprotobuf-dev"])
def _protobuf(r):
    root = r["libprotobuf-dev"]
    return [c_unit(includes(["google/protobuf/parse_context.h", "google/protobuf/map.h"]) + r'''
const char *use(const char *p, uint32_t *out, google::protobuf::Map<int, int> &m) {
  m[1] = 2; return google::protobuf::internal::ReadTag(p, out); }
''', inc(root, "usr/include"), lang="c++", std="-std=c++17")]


# --- Crypto++: secure wipe and curve25519-donna 64-bit helpers -------------------
@project("cryptopp", ["libcrypto++-dev"])
def _cryptopp(r):
    root = r["libcrypto++-dev"]
    return [c_unit(includes(["crypto++/misc.h"]) + '#include "%s"\n' % os.path.join(root, "usr/include/crypto++/donna_64.h") + r'''
using namespace CryptoPP;
void use(byte *b, word16 *s, word32 *w, word64 *q, size_t n) { SecureWipeBuffer(b, n); SecureWipeBuffer(s, n);
  SecureWipeBuffer(w, n); SecureWipeBuffer(q, n); }

namespace CryptoPP { namespace Donna { namespace Arch64 {
word64 use2(word64 a, word64 b) { word128 o, t; mul64x64_128(o, a, b); t = o; add128(o, t); add128_64(o, a);
  word64 r; shr128(r, o, 13); word64 r2; shl128(r2, o, 13); return r + r2 + lo128(o) + hi128(o); } } } }
''', inc(root, "usr/include") + inc(root, "usr/include/crypto++") + ["-msse4.2"], lang="c++", std="-std=c++17")]


# --- Boost: Boost.Atomic's x86 operations and other x86 asm -------------------
@project("boost", ["libboost1.74-dev"])
def _boost(r):
    root = r["libboost1.74-dev"]
    return [c_unit(includes(["boost/atomic.hpp", "boost/smart_ptr/detail/sp_counted_base_gcc_x86.hpp",
                             "boost/smart_ptr/detail/atomic_count_gcc_x86.hpp", "boost/smart_ptr/detail/sp_thread_pause.hpp",
                             "boost/atomic/detail/pause.hpp", "boost/log/detail/pause.hpp", "boost/fiber/detail/cpu_relax.hpp",
                             "boost/interprocess/detail/atomic.hpp", "boost/numeric/interval/hw_rounding.hpp"]) + r'''
template <class T> T ops(boost::atomic<T> &a) {
  T r = a.fetch_add(1) + a.fetch_sub(1) + a.fetch_and(1) + a.fetch_or(1) + a.fetch_xor(1) + a.exchange(2);
  T e = 0; a.compare_exchange_strong(e, 3); a.compare_exchange_weak(e, 4);
  a.opaque_add(1); a.opaque_sub(1); a.opaque_and(1); a.opaque_or(1); a.opaque_xor(1); a.opaque_negate(); a.opaque_complement();
  r += a.add_and_test(1) + a.sub_and_test(1) + a.and_and_test(1) + a.or_and_test(1) + a.xor_and_test(1);
  r += a.bit_test_and_set(1) + a.bit_test_and_reset(2) + a.bit_test_and_complement(3);
  r += a.fetch_negate() + a.fetch_complement() + a.negate() + a.bitwise_complement() + a.add(1) + a.sub(1) + a.bitwise_and(1) + a.bitwise_or(1) + a.bitwise_xor(1);
  a.store(5); return r + a.load();
}
struct P2 { long a, b; };
long use(boost::atomic<signed char> &c, boost::atomic<short> &s, boost::atomic<int> &i, boost::atomic<long> &l,
         boost::atomic<P2> &p, boost::atomic<unsigned char> &uc, boost::atomic<unsigned> &u) {
  boost::atomic_thread_fence(boost::memory_order_seq_cst); boost::atomic_signal_fence(boost::memory_order_seq_cst);
  P2 e = p.load(); p.compare_exchange_strong(e, P2{1, 2}); p.exchange(e); p.store(e);
  boost::atomics::detail::pause(); boost::detail::sp_thread_pause();
  boost::uint32_t v = 0; boost::interprocess::ipcdetail::atomic_inc32(&v); boost::interprocess::ipcdetail::atomic_dec32(&v);
  boost::interprocess::ipcdetail::atomic_cas32(&v, 1, 2); boost::interprocess::ipcdetail::atomic_add32(&v, 1);
  boost::interprocess::ipcdetail::atomic_write32(&v, 1);
  long *pw = &l.value(); (void)pw;
  return ops(c) + ops(s) + ops(i) + ops(l) + ops(uc) + ops(u);
}
''', inc(root, "usr/include") + ["-mcx16"], lang="c++", std="-std=c++17")]


# --- DPDK: x86 atomics, spinlocks, cycles, I/O, byte order, prefetch, RTM, CRC
@project("dpdk", ["libdpdk-dev"])
def _dpdk(r):
    root = r["libdpdk-dev"]
    return [c_unit(includes(["rte_atomic.h", "rte_spinlock.h", "rte_cycles.h", "rte_io.h", "rte_byteorder.h",
                             "rte_prefetch.h", "rte_rtm.h", "rte_pause.h", "rte_hash_crc.h"]) + r'''
uint64_t use(rte_atomic16_t *a16, rte_atomic32_t *a32, rte_atomic64_t *a64, volatile void *io, rte_spinlock_t *l,
             uint64_t x, const void *p) {
  rte_atomic16_inc(a16); rte_atomic16_dec(a16); rte_atomic16_add(a16, 2);
  rte_atomic32_inc(a32); rte_atomic32_dec(a32); rte_atomic32_add(a32, 2); rte_atomic64_inc(a64); rte_atomic64_add(a64, 3);
  uint64_t r = rte_atomic16_test_and_set(a16) + rte_atomic32_test_and_set(a32) + rte_atomic64_test_and_set(a64);
  r += rte_atomic16_dec_and_test(a16) + rte_atomic32_dec_and_test(a32) + rte_atomic64_dec_and_test(a64);
  r += rte_atomic16_inc_and_test(a16) + rte_atomic32_inc_and_test(a32) + rte_atomic64_inc_and_test(a64);
  r += rte_atomic16_cmpset((volatile uint16_t *)a16, 1, 2) + rte_atomic32_cmpset((volatile uint32_t *)a32, 1, 2)
     + rte_atomic64_cmpset((volatile uint64_t *)a64, 1, 2);
  r += rte_atomic16_exchange((volatile uint16_t *)a16, 3) + rte_atomic32_exchange((volatile uint32_t *)a32, 3)
     + rte_atomic64_exchange((volatile uint64_t *)a64, 3) + rte_atomic64_add_return(a64, 5);
  rte_smp_mb(); rte_mb(); rte_wmb(); rte_rmb(); rte_io_mb();
  rte_spinlock_lock(l); r += rte_spinlock_trylock(l); rte_spinlock_unlock(l);
  r += rte_rdtsc() + rte_rdtsc_precise() + rte_get_tsc_cycles();
  rte_write32(1, io); r += rte_read32(io); rte_write8(1, io); r += rte_read16(io); rte_write64(2, io); r += rte_read64(io);
  r += rte_bswap16((uint16_t)x) + rte_bswap32((uint32_t)x) + rte_bswap64(x);
  rte_prefetch0(p); rte_prefetch1(p); rte_prefetch2(p); rte_prefetch_non_temporal(p); rte_cldemote(p);
  rte_pause();
  unsigned s = rte_xbegin(); if (s == RTE_XBEGIN_STARTED) { if (rte_xtest()) rte_xend(); } else rte_xabort(0);
  r += rte_hash_crc_4byte((uint32_t)x, 1) + rte_hash_crc_8byte(x, 2) + rte_hash_crc_1byte(1, 1) + rte_hash_crc_2byte(1, 1);
  return r;
}
''', inc(root, "usr/include/x86_64-linux-gnu/dpdk", "usr/include/dpdk") + ["-march=corei7", "-mrtm", "-include", "rte_config.h"])]


# --- UCX: x86_64 atomics and bit operations ----------------------------------------
@project("ucx", ["libucx-dev"])
def _ucx(r):
    root = r["libucx-dev"]
    return [c_unit(includes(["ucs/arch/atomic.h", "ucs/arch/bitops.h"]) + r'''
uint64_t use(volatile uint8_t *a8, volatile uint16_t *a16, volatile uint32_t *a32, volatile uint64_t *a64, uint64_t x) {
  ucs_atomic_add8(a8, 1); ucs_atomic_add16(a16, 1); ucs_atomic_add32(a32, 1); ucs_atomic_add64(a64, 1);
  uint64_t r = ucs_atomic_fadd8(a8, 1) + ucs_atomic_fadd16(a16, 1) + ucs_atomic_fadd32(a32, 1) + ucs_atomic_fadd64(a64, 1);
  r += ucs_atomic_swap8(a8, 1) + ucs_atomic_swap16(a16, 1) + ucs_atomic_swap32(a32, 1) + ucs_atomic_swap64(a64, 1);
  r += ucs_atomic_cswap8(a8, 1, 2) + ucs_atomic_cswap16(a16, 1, 2) + ucs_atomic_cswap32(a32, 1, 2) + ucs_atomic_cswap64(a64, 1, 2);
  ucs_atomic_sub32(a32, 1); ucs_atomic_and32(a32, 1); ucs_atomic_or64(a64, 1); ucs_atomic_xor16(a16, 1);
  r += ucs_atomic_fand32(a32, 1) + ucs_atomic_for64(a64, 1) + ucs_atomic_fxor8(a8, 1) + ucs_atomic_fsub64(a64, 1);
  r += ucs_ffs32((uint32_t)x) + ucs_ffs64(x) + ucs_ilog2(x);
  return r;
}
''', inc(root, "usr/include") + ["-DHAVE_CONFIG_H=0"])]


# --- Eigen: SSE/AVX min/max, cpuid and the GEBP register pinning ------------------
@project("eigen", ["libeigen3-dev"])
def _eigen(r):
    root = r["libeigen3-dev"]
    u = includes(["Eigen/Core"]) + r'''
Eigen::MatrixXf use(const Eigen::MatrixXf &a, const Eigen::MatrixXf &b) {
  std::ptrdiff_t l1, l2, l3; Eigen::internal::manage_caching_sizes(Eigen::GetAction, &l1, &l2, &l3);
  int i1, i2, i3; Eigen::internal::queryCacheSizes(i1, i2, i3);
  Eigen::MatrixXf c = a * b; c = c.cwiseMin(a).cwiseMax(b); return c; }
Eigen::MatrixXd used(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b) { Eigen::MatrixXd c = a * b; return c.cwiseMin(a).cwiseMax(b); }
'''
    return [c_unit(u, inc(root, "usr/include/eigen3") + ["-msse4.2", "-O2", "-fPIC"], lang="c++", std="-std=c++17"),
            c_unit(u, inc(root, "usr/include/eigen3") + ["-mavx2", "-mfma", "-O2"], lang="c++", std="-std=c++17")]


# --- Rust crates (Debian's librust-*-dev ship the crate sources) ---------------
REG = "usr/share/cargo/registry"


def rust_unit(text, alias=None, extra=None):
    files = {"wrap.rs": text}
    files.update(extra or {})
    u = {"lang": "rust", "file": "wrap.rs", "files": files}
    if alias:
        u["alias"] = alias
    return u


def patched_tree(src, subst, append=None):
    """Every .rs file under src, with the textual substitutions applied
    (they keep line numbers), as unit files under crate/."""
    files = {}
    for dp, _, fns in os.walk(src):
        for fn in fns:
            if not fn.endswith(".rs"):
                continue
            p = os.path.join(dp, fn)
            rel = os.path.relpath(p, src)
            t = open(p).read()
            for a, b in subst:
                t = t.replace(a, b)
            if append and rel in append:
                t += append[rel]
            files[os.path.join("crate", rel)] = t
    return files


@project("rust-portable-atomic", ["librust-portable-atomic-dev"])
def _portable_atomic(r):
    base = os.path.join(REG, "portable-atomic-0.3.19")
    src = os.path.join(r["librust-portable-atomic-dev"], base, "src")
    # Build as if CMPXCHG16B were a target feature (as on x86_64 macOS or with
    # -C target-feature=+cmpxchg16b): that is what selects atomic128/x86_64.rs.
    subst = [('portable_atomic_target_feature = "cmpxchg16b"', 'target_arch = "x86_64"')]
    use = '''
#[allow(missing_docs)]
pub mod asmstory_use {
    use super::*;
    use core::sync::atomic::Ordering::SeqCst;
    macro_rules! u { ($f:ident, $t:ty, $v:ty) => { pub fn $f(a: &$t) -> $v {
        a.not(SeqCst); let x = a.fetch_not(SeqCst); a.store(x, SeqCst); a.load(SeqCst) } } }
    macro_rules! s { ($f:ident, $t:ty, $v:ty) => { pub fn $f(a: &$t) -> $v {
        a.not(SeqCst); a.neg(SeqCst); let x = a.fetch_neg(SeqCst); a.store(x, SeqCst); a.load(SeqCst) } } }
    u!(u8_, AtomicU8, u8); u!(u16_, AtomicU16, u16); u!(u32_, AtomicU32, u32); u!(u64_, AtomicU64, u64); u!(usize_, AtomicUsize, usize);
    s!(i8_, AtomicI8, i8); s!(i16_, AtomicI16, i16); s!(i32_, AtomicI32, i32); s!(i64_, AtomicI64, i64); s!(isize_, AtomicIsize, isize);
    pub fn u128_(a: &AtomicU128) -> u128 {
        let mut r = a.load(SeqCst) + a.swap(1, SeqCst) + a.fetch_add(2, SeqCst) + a.fetch_sub(1, SeqCst);
        r += a.compare_exchange(0, 1, SeqCst, SeqCst).unwrap_or(0) + a.compare_exchange_weak(0, 1, SeqCst, SeqCst).unwrap_or(0);
        r += a.fetch_and(1, SeqCst) + a.fetch_or(1, SeqCst) + a.fetch_xor(1, SeqCst) + a.fetch_max(1, SeqCst) + a.fetch_not(SeqCst);
        a.store(r, SeqCst); r }
    pub fn i128_(a: &AtomicI128) -> i128 { a.store(1, SeqCst); a.load(SeqCst) + a.fetch_min(3, SeqCst) + a.fetch_neg(SeqCst) }
}
'''
    files = patched_tree(src, subst, {"lib.rs": use})
    u = rust_unit("", alias={"crate": base + "/src"}, extra=files)
    del u["files"]["wrap.rs"]
    u["file"] = "crate/lib.rs"
    return [u]


@project("rust-rustix", ["librust-rustix-dev"])
def _rustix(r):
    base = os.path.join(REG, "rustix-0.35.12/src/backend/linux_raw")
    lr = os.path.join(r["librust-rustix-dev"], base)
    arch = os.path.join(lr, "arch/inline/x86_64.rs")
    calls = []
    import re
    for m in re.finditer(r"unsafe fn (syscall\d\w*)\(\s*nr: SyscallNumber<'_>,?(.*?)\)\s*->\s*(RetReg<R0>|!)",
                         open(arch).read(), re.S):
        name, args, ret = m.groups()
        n = len(re.findall(r"ArgReg", args))
        a = "".join(", reg::raw_arg(p%d)" % i for i in range(n))
        ps = "".join(", p%d: *mut reg::Opaque" % i for i in range(n))
        if ret == "!":
            # rustix calls the noreturn form only for exit_group (231) and exit (60)
            calls.append("pub unsafe fn %s(%s) -> ! { asm::%s(reg::nr(231)%s) }" % (name, ps[2:], name, a))
        else:
            calls.append("pub unsafe fn %s(n: u32%s) -> usize { asm::%s(reg::nr(n)%s).decode_usize() }" % (name, ps, name, a))
    text = '''#![allow(dead_code, unused_imports, unused_unsafe)]
//! rustix's x86-64 linux_raw syscall wrappers with the crate's own reg.rs.
pub mod backend {
    pub(crate) mod c { pub use core::ffi::{c_void, c_int, c_uint, c_long, c_ulong}; }
    pub(crate) mod fd { pub type RawFd = i32; }
    #[path = "%s"] pub(crate) mod reg;
    #[path = "%s"] pub(crate) mod asm;
    pub mod uses {
        use super::{asm, reg};
        %s
    }
}
''' % (os.path.join(lr, "reg.rs"), arch, "\n        ".join(calls))
    return [rust_unit(text)]


@project("rust-redox-syscall", ["librust-redox-syscall-dev"])
def _redox(r):
    src = os.path.join(r["librust-redox-syscall-dev"], REG, "redox_syscall-0.2.16/src")
    text = '''#![allow(dead_code, unused_imports)]
//! redox_syscall's x86-64 system calls and port I/O (the crate targets Redox; the asm is target-neutral).
#[path = "%s"] pub mod error;
#[path = "%s"] pub mod arch;
pub mod io {
    #[path = "%s"] mod io;
    #[path = "%s"] mod pio;
    pub use self::io::Io;
    pub use self::pio::Pio;
}
use io::Io;
pub unsafe fn sys(a: usize, b: usize, c: usize, d: usize, e: usize, f: usize) -> usize {
    arch::syscall0(a).unwrap_or(0) + arch::syscall1(a, b).unwrap_or(0) + arch::syscall2(a, b, c).unwrap_or(0)
        + arch::syscall3(a, b, c, d).unwrap_or(0) + arch::syscall4(a, b, c, d, e).unwrap_or(0)
        + arch::syscall5(a, b, c, d, e, f).unwrap_or(0)
}
pub fn pio(p: u16) -> u32 {
    let mut a = io::Pio::<u8>::new(p); let mut b = io::Pio::<u16>::new(p); let mut c = io::Pio::<u32>::new(p);
    let v = a.read() as u32 + b.read() as u32 + c.read();
    a.write(1); b.write(2); c.write(3); v
}
''' % (os.path.join(src, "error.rs"), os.path.join(src, "arch/x86_64.rs"), os.path.join(src, "io/io.rs"),
       os.path.join(src, "io/pio.rs"))
    return [rust_unit(text)]


@project("rust-compiler-builtins", ["librust-compiler-builtins-dev"])
def _cbuiltins(r):
    rel = os.path.join(REG, "compiler_builtins-0.1.70/src/mem")
    f = os.path.join(r["librust-compiler-builtins-dev"], rel, "x86_64.rs")
    t = open(f).read()
    ermsb = t.replace('not(target_feature = "ermsb")', 'not(target_arch = "x86_64")') \
             .replace('cfg(target_feature = "ermsb")', 'cfg(target_arch = "x86_64")')
    use = '''#![allow(dead_code)]
//! compiler_builtins' x86-64 memcpy/memmove/memset bodies (%s).
#[path = "%s"] mod m;
pub unsafe fn cf(d: *mut u8, s: *const u8, n: usize) { m::copy_forward(d, s, n) }
pub unsafe fn cb(d: *mut u8, s: *const u8, n: usize) { m::copy_backward(d, s, n) }
pub unsafe fn sb(d: *mut u8, c: u8, n: usize) { m::set_bytes(d, c, n) }
'''
    return [rust_unit(use % ("rep movsq/stosq", f)),
            rust_unit(use % ("as built with target feature ermsb", "ermsb/x86_64.rs"), alias={"ermsb": rel},
                      extra={"ermsb/x86_64.rs": ermsb})]


# --- Botan 2: rotate and the 64x64->128 multiply ------------------------------------
@project("botan", ["libbotan-2-dev"])
def _botan(r):
    root = r["libbotan-2-dev"]
    return [c_unit(includes(["botan/rotate.h", "botan/bswap.h"]) + r'''
/* mul128.h and bswap.h use __int128 and __builtin_bswap with clang: no asm */
uint64_t use(uint32_t x, size_t n) {
  return Botan::rotl_var<uint32_t>(x, n) + Botan::rotr_var<uint32_t>(x, n) + Botan::reverse_bytes(x); }
''', inc(root, "usr/include/botan-2"), lang="c++", std="-std=c++17")]


# --- libdrm: the DRM hardware lock's compare-and-swap ------------------------------------
@project("libdrm", ["libdrm-dev"])
def _drm(r):
    root = r["libdrm-dev"]
    return [c_unit(includes(["xf86drm.h"]) + r'''
void use(int fd, drmLock *lock, unsigned ctx) { DRM_LIGHT_LOCK(fd, lock, ctx); DRM_UNLOCK(fd, lock, ctx); }
''', inc(root, "usr/include", "usr/include/libdrm"))]


# --- Mbed TLS: the bignum multiply-accumulate kernel (as bignum.c expands it) -------
@project("mbedtls", ["libmbedtls-dev"])
def _mbedtls(r):
    root = r["libmbedtls-dev"]
    return [c_unit(includes(["mbedtls/bignum.h", "mbedtls/bn_mul.h"]) + r'''
/* mpi_mul_hlp of mbedtls 2.28 library/bignum.c */
void use(size_t i, mbedtls_mpi_uint *s, mbedtls_mpi_uint *d, mbedtls_mpi_uint b) {
  mbedtls_mpi_uint c = 0, t = 0;
  for (; i >= 16; i -= 16) {
    MULADDC_INIT
    MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE
    MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE
    MULADDC_STOP
  }
  for (; i >= 8; i -= 8) {
    MULADDC_INIT
    MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE MULADDC_CORE
    MULADDC_STOP
  }
  for (; i > 0; i--) {
    MULADDC_INIT
    MULADDC_CORE
    MULADDC_STOP
  }
  t++;
  do { *d += c; c = (*d < c); d++; } while (c != 0);
}
''', inc(root, "usr/include"))]


# --- PARI/GP: the x86-64 inline kernel (mpinl.h with ASMINLINE) -----------------------
@project("pari", ["libpari-dev", "libgmp-dev"])
def _pari(r):
    root = r["libpari-dev"]
    return [c_unit("#define ASMINLINE\n" + includes(["pari/pari.h"]) + r'''
ulong use(ulong a, ulong b, ulong c) {
  LOCAL_HIREMAINDER; LOCAL_OVERFLOW; ulong r;
  overflow = 0; r = addll(a, b); r += addllx(a, c); r += subll(a, b); r += subllx(b, c);
  r += mulll(a, b); r += addmul(b, c); hiremainder = a % c; r += divll(b, c); r += bfffo(a | 1);
  { long x[8] = {0}, y[8] = {0}, z[8]; addllx8(x + 7, y + 7, z + 7, overflow); subllx8(x + 7, y + 7, z + 7, overflow); r += z[0]; }
  return r + hiremainder + overflow;
}
''', inc(root, "usr/include/x86_64-linux-gnu", "usr/include") + inc(r["libgmp-dev"], "usr/include/x86_64-linux-gnu", "usr/include"))]


# --- simdjson: CPU detection ------------------------------------------------------------
@project("simdjson", ["libsimdjson-dev"])
def _simdjson(r):
    root = r["libsimdjson-dev"]
    return [c_unit(includes(["simdjson.h"]) + r'''
uint32_t use() { return simdjson::internal::detect_supported_architectures(); }
''', inc(root, "usr/include"), lang="c++", std="-std=c++17")]



# --- xsimd: CPU detection ------------------------------------------------------------
@project("xsimd", ["libxsimd-dev"])
def _xsimd(r):
    root = r["libxsimd-dev"]
    return [c_unit(includes(["xsimd/config/xsimd_cpuid.hpp"]) + r'''
unsigned use() { return xsimd::available_architectures().best; }
''', inc(root, "usr/include"), lang="c++", std="-std=c++17")]


# --- Boehm GC: GC_reachable_here -------------------------------------------------------------
@project("bdwgc", ["libgc-dev"])
def _bdwgc(r):
    root = r["libgc-dev"]
    return [c_unit(includes(["gc/gc.h"]) + r'''
void use(void *p, long x) { GC_reachable_here(p); GC_reachable_here(x); }
''', inc(root, "usr/include"))]


# --- The Linux kernel's RISC-V headers (riscv64, kbuild flags) ----------------
# Debian 12 has no riscv64 kernel headers package, so the files kbuild would
# generate are written into the unit: asm-generic wrappers for every
# mandatory-y / generic-y header the arch does not provide (as
# scripts/Makefile.asm-generic does) and a small autoconf.h (a 64-bit SMP
# kernel with MMU, FPU and the C extension, i.e. what defconfig selects for
# the asm these headers hold).
RISCV_KERNEL_HEADERS = """linux/kernel.h linux/atomic.h linux/bitops.h linux/spinlock.h linux/irqflags.h
linux/uaccess.h linux/io.h linux/delay.h linux/percpu.h linux/preempt.h linux/timex.h linux/string.h
asm/atomic.h asm/cmpxchg.h asm/barrier.h asm/csr.h asm/irqflags.h asm/bitops.h asm/sbi.h asm/uaccess.h
asm/timex.h asm/io.h asm/mmio.h asm/processor.h asm/cacheflush.h asm/tlbflush.h asm/word-at-a-time.h
asm/futex.h asm/current.h asm/switch_to.h asm/bug.h asm/jump_label.h asm/mmiowb.h asm/clint.h
asm/hwcap.h asm/errata_list.h asm/fence.h""".split()

RISCV_CONFIG = """CONFIG_RISCV 1
CONFIG_64BIT 1
CONFIG_ARCH_RV64I 1
CONFIG_MMU 1
CONFIG_THREAD_INFO_IN_TASK 1
CONFIG_TREE_RCU 1
CONFIG_SMP 1
CONFIG_NR_CPUS 8192
CONFIG_FPU 1
CONFIG_RISCV_ISA_C 1
CONFIG_RISCV_SBI 1
CONFIG_CMODEL_MEDANY 1
CONFIG_PAGE_OFFSET 0xff60000000000000
CONFIG_HZ 250
CONFIG_PGTABLE_LEVELS 5
CONFIG_GENERIC_BUG 1
CONFIG_GENERIC_BUG_RELATIVE_POINTERS 1
CONFIG_BUG 1
CONFIG_BASE_SMALL 0
CONFIG_SLUB 1
CONFIG_ARCH_HAS_PTE_SPECIAL 1
CONFIG_HAVE_ARCH_THREAD_STRUCT_WHITELIST 1
CONFIG_SPARSEMEM 1
CONFIG_SPARSEMEM_VMEMMAP 1
CONFIG_SPARSEMEM_EXTREME 1
CONFIG_RISCV_ALTERNATIVE 1
CONFIG_RISCV_ISA_SVPBMT 1
CONFIG_TOOLCHAIN_HAS_ZICBOM 1
CONFIG_RISCV_ISA_ZICBOM 1
CONFIG_ERRATA_SIFIVE 1
CONFIG_ERRATA_THEAD 1
CONFIG_ERRATA_THEAD_PBMT 1
CONFIG_ERRATA_THEAD_CMO 1
CONFIG_ARCH_USE_QUEUED_RWLOCKS 1
CONFIG_ARCH_HAS_STRICT_KERNEL_RWX 1
CONFIG_ILLEGAL_POINTER_VALUE 0xdead000000000000""".split("\n")


def kbuild_generated(c, arch, gen):
    """{unit path: text} of the asm-generic wrappers kbuild would generate
    for arch under gen (asm and uapi/asm)."""
    import re
    files = {}
    for kb, own, out in (("include/asm-generic/Kbuild", "arch/%s/include/asm" % arch, "asm"),
                         ("arch/%s/include/asm/Kbuild" % arch, "arch/%s/include/asm" % arch, "asm"),
                         ("include/uapi/asm-generic/Kbuild", "arch/%s/include/uapi/asm" % arch, "uapi/asm")):
        p = os.path.join(c, kb)
        if not os.path.exists(p):
            continue
        for m in re.finditer(r"^(?:mandatory|generic)-y\s*\+=\s*(\S+\.h)", open(p).read(), re.M):
            h = m.group(1)
            if os.path.exists(os.path.join(c, own, h)) or (out == "asm" and os.path.exists(
                    os.path.join(c, "arch/%s/include/uapi/asm" % arch, h))):
                continue
            files.setdefault(os.path.join(gen, out, h), "#include <asm-generic/%s>\n" % h)
    return files


@project("linux-riscv", ["linux-headers-@-common", "linux-headers-@-amd64"])
def _linux_riscv(r):
    c, a, heads = kernel_trees(r, "riscv", RISCV_KERNEL_HEADERS)
    files = kbuild_generated(c, "riscv", "gen/arch/riscv/include/generated")
    conf = "".join("#define %s %s\n" % tuple(l.split()) for l in RISCV_CONFIG)
    files["gen/include/generated/autoconf.h"] = conf
    # the architecture-neutral generated headers (same HZ, same NR_CPUS) from the amd64 build
    for h in ("bounds.h", "timeconst.h"):
        files["gen/include/generated/" + h] = open(os.path.join(a, "include/generated", h)).read()
    use = includes(heads) + r'''
unsigned long use(atomic_t *a, atomic64_t *b, unsigned long *w, u32 *q, u8 *c8, u16 *c16,
                  unsigned long __user *up, u32 __user *uq, void __iomem *io) {
  unsigned long r = 0, x = 0; u32 y = 0; unsigned long fl;
  r += csr_read(CSR_STATUS); csr_write(CSR_SCRATCH, r); csr_set(CSR_IE, 2); csr_clear(CSR_IE, 2);
  r += csr_swap(CSR_SCRATCH, 0); r += csr_read_set(CSR_STATUS, SR_SIE); r += csr_read_clear(CSR_STATUS, SR_SIE);
  r += arch_cmpxchg(w, 1UL, 2UL) + arch_cmpxchg(q, 1U, 2U) + arch_xchg(w, 3UL) + arch_xchg(q, 3U);
  r += arch_cmpxchg_relaxed(w, 1UL, 2UL) + arch_cmpxchg_acquire(q, 1U, 2U) + arch_cmpxchg_release(w, 1UL, 2UL);
  r += arch_xchg_relaxed(q, 1U) + arch_xchg_acquire(w, 1UL) + arch_xchg_release(q, 1U);
  r += arch_cmpxchg64(w, 1UL, 2UL) + arch_cmpxchg_local(w, 4UL, 5UL);
  mb(); rmb(); wmb(); smp_mb(); smp_rmb(); smp_wmb(); smp_mb__after_spinlock();
  smp_store_release(w, 1UL); r += smp_load_acquire(w); smp_store_release(q, 1U); r += smp_load_acquire(q);
  local_irq_save(fl); local_irq_restore(fl); local_irq_disable(); local_irq_enable(); r += arch_irqs_disabled();
  arch_atomic_add(1, a); arch_atomic64_add(1, b); r += arch_atomic_add_return(2, a) + arch_atomic64_sub_return(2, b);
  r += arch_atomic_fetch_or(1, a) + arch_atomic64_fetch_and(1, b) + arch_atomic_fetch_add_unless(a, 1, 0);
  r += arch_atomic64_fetch_add_unless(b, 1, 0) + arch_atomic_inc_not_zero(a) + arch_atomic64_dec_if_positive(b);
  r += arch_atomic_dec_if_positive(a) + arch_atomic_xchg(a, 1) + arch_atomic64_cmpxchg(b, 1, 2) + arch_atomic_cmpxchg(a, 1, 2);
  r += arch_atomic_sub_and_test(1, a) + arch_atomic64_inc_unless_negative(b) + arch_atomic_dec_unless_positive(a);
  set_bit(3, w); clear_bit(3, w); change_bit(3, w); r += test_and_set_bit(4, w) + test_and_clear_bit(4, w);
  r += test_and_change_bit(5, w) + test_and_set_bit_lock(6, w); clear_bit_unlock(6, w); __clear_bit_unlock(6, w);
  r += __ffs(x | 1) + __fls(x | 1) + ffs((int)x) + fls((int)x);
  r += __get_user(x, up) + __put_user(x, up) + __get_user(y, uq) + __put_user(y, uq) + get_user(x, up) + put_user(y, uq);
  r += get_cycles() + get_cycles_hi() + random_get_entropy() + x + y;
  writel(1, io); r += readl(io); writeq(2, io); r += readq(io); writeb(1, io); r += readw(io);
  writel_relaxed(1, io); r += readl_relaxed(io); r += ioread32(io);
  local_flush_tlb_all(); local_flush_tlb_page(r); local_flush_icache_all(); cpu_relax();
  return r;
}
'''
    flags = ["-nostdinc", "-I%s/arch/riscv/include" % c, "-Igen/arch/riscv/include/generated",
             "-I%s/include" % c, "-Igen/include", "-I%s/arch/riscv/include/uapi" % c,
             "-Igen/arch/riscv/include/generated/uapi", "-I%s/include/uapi" % c,
             "-include", "%s/include/linux/compiler-version.h" % c,
             "-include", "%s/include/linux/kconfig.h" % c, "-include", "%s/include/linux/compiler_types.h" % c,
             "--target=riscv64-linux-gnu", "-D__KERNEL__", "-ffreestanding", "-march=rv64imac_zicsr_zifencei",
             "-mabi=lp64", "-mno-relax", "-mcmodel=medany", "-fno-PIE", "-fshort-wchar", "-fno-strict-aliasing",
             "-std=gnu11"]
    u = c_unit(use, flags)
    u["files"].update(files)
    return [u]


# === AArch64 =====================================================================
# The same packages (the headers are target-neutral text), compiled for
# aarch64-linux-gnu with the flags a client on that target would use.
A64 = ["--target=aarch64-linux-gnu"]


# --- libatomic_ops: its AArch64 primitives (the asm double-word load/store/CAS
# that clang builds select with AO_AARCH64_ASM_LOAD_STORE_CAS) -------------------
@project("a64-libatomic_ops", ["libatomic-ops-dev"])
def _a64_aops(r):
    root = r["libatomic-ops-dev"]
    return [c_unit(includes(["atomic_ops.h"]) + r'''
int use(volatile AO_t *p, volatile AO_double_t *d) {
  AO_nop_write(); AO_nop_full();
  AO_double_t o = {0}, n = {0}, v;
  v = AO_double_load(d); v = AO_double_load_acquire(d); AO_double_store(d, v); AO_double_store_release(d, v);
  return AO_double_compare_and_swap(d, o, n) + AO_double_compare_and_swap_acquire(d, o, n) +
         AO_double_compare_and_swap_release(d, o, n) + AO_double_compare_and_swap_full(d, o, n) +
         AO_compare_and_swap_full(p, 1, 2) + (int)AO_load_acquire(p);
}
''', A64 + inc(root, "usr/include") + ["-DAO_AARCH64_ASM_LOAD_STORE_CAS"])]


# --- Concurrency Kit: ck_pr for AArch64, LL/SC (the packaged ck_md.h; the
# packaged gcc/aarch64/ck_pr_lse.h starts with "#error bite": LSE cannot be built) --
@project("a64-concurrencykit", ["libck-dev"])
def _a64_ck(r):
    root = r["libck-dev"]
    u = includes(["ck_pr.h", "ck_spinlock.h", "ck_rwlock.h", "ck_ring.h"])
    return [c_unit(u, A64 + inc(root, "usr/include"), std="-std=gnu11")]


# --- liburcu: the AArch64 arch and uatomic headers --------------------------------
@project("a64-liburcu", ["liburcu-dev"])
def _a64_urcu(r):
    """The x86 unit's uses, compiled for AArch64 (urcu/arch/aarch64.h, urcu/uatomic/aarch64.h)."""
    return [dict(u, flags=A64 + u["flags"]) for u in _urcu(r)]


# --- Boost.Atomic: the AArch64 backends, LL/SC and ARMv8.1 LSE --------------------
@project("a64-boost", ["libboost1.74-dev"])
def _a64_boost(r):
    root = r["libboost1.74-dev"]
    u = includes(["boost/atomic.hpp", "boost/atomic/detail/pause.hpp"]) + r'''
template <class T> T ops(boost::atomic<T> &a) {
  T r = a.fetch_add(1) + a.fetch_sub(1) + a.fetch_and(1) + a.fetch_or(1) + a.fetch_xor(1) + a.exchange(2);
  T e = 0; a.compare_exchange_strong(e, 3); a.compare_exchange_weak(e, 4);
  a.opaque_add(1); a.opaque_sub(1); a.opaque_and(1); a.opaque_or(1); a.opaque_xor(1); a.opaque_negate(); a.opaque_complement();
  r += a.add_and_test(1) + a.sub_and_test(1) + a.and_and_test(1) + a.or_and_test(1) + a.xor_and_test(1);
  r += a.fetch_negate() + a.fetch_complement() + a.negate() + a.bitwise_complement() + a.add(1) + a.sub(1) + a.bitwise_and(1) + a.bitwise_or(1) + a.bitwise_xor(1);
  r += a.load(boost::memory_order_acquire) + a.load(boost::memory_order_relaxed);
  a.store(5); a.store(6, boost::memory_order_release); return r + a.load();
}
struct P2 { long a, b; };
long use(boost::atomic<signed char> &c, boost::atomic<short> &s, boost::atomic<int> &i, boost::atomic<long> &l,
         boost::atomic<P2> &p, boost::atomic<unsigned char> &uc, boost::atomic<unsigned> &u) {
  boost::atomic_thread_fence(boost::memory_order_seq_cst); boost::atomic_thread_fence(boost::memory_order_acquire);
  boost::atomic_thread_fence(boost::memory_order_release); boost::atomic_signal_fence(boost::memory_order_seq_cst);
  P2 e = p.load(); p.compare_exchange_strong(e, P2{1, 2}); p.compare_exchange_weak(e, P2{3, 4}); p.exchange(e); p.store(e);
  boost::atomics::detail::pause();
  return ops(c) + ops(s) + ops(i) + ops(l) + ops(uc) + ops(u);
}
'''
    # no aarch64 libstdc++ is installed: the host's bits/c++config.h (same LP64 glibc configuration)
    f = inc(root, "usr/include") + ["-isystem", "/usr/include/x86_64-linux-gnu/c++/12"]
    return [c_unit(u, A64 + f, lang="c++", std="-std=c++17"),
            c_unit(u, A64 + ["-march=armv8.1-a"] + f, lang="c++", std="-std=c++17")]


# --- The Linux kernel's arm64 headers (arch/arm64/include of the common
# headers package; kbuild's generated files are made by arm64_generated) ------
import re

def kbuild(p, kinds):
    out = []
    for l in open(p):
        m = re.match(r"\s*(\w+)-y\s*\+=\s*(\S+)", l)
        if m and m.group(1) in kinds:
            out.append(m.group(2))
    return out
def arm64_generated(c, a):
    """The files kbuild would generate for arm64 (no arm64 headers package is
    available here): asm-generic wrappers, cpucaps.h, sysreg-defs.h and an
    autoconf.h made from the packaged amd64 one."""
    files = {}
    asm = os.path.join(c, "arch/arm64/include/asm")
    for h in kbuild(os.path.join(c, "include/asm-generic/Kbuild"), ["mandatory"]) + kbuild(os.path.join(asm, "Kbuild"), ["generic"]):
        if not os.path.exists(os.path.join(asm, h)):
            files["gen/asm/" + h] = "#include <asm-generic/%s>\n" % h
    uasm = os.path.join(c, "arch/arm64/include/uapi/asm")
    for h in kbuild(os.path.join(c, "include/uapi/asm-generic/Kbuild"), ["mandatory"]) + kbuild(os.path.join(uasm, "Kbuild"), ["generic"]):
        if not os.path.exists(os.path.join(uasm, h)):
            files["gen/uapi/asm/" + h] = "#include <asm-generic/%s>\n" % h
    # cpucaps.h: the capability numbers the headers name (values only index alternatives)
    used, defined = set(), set()
    for dp, _, fns in os.walk(os.path.join(c, "arch/arm64/include")):
        for fn in fns:
            t = open(os.path.join(dp, fn), errors="replace").read()
            used |= set(re.findall(r"\bARM64_[A-Za-z0-9_]+\b", t))
            defined |= set(re.findall(r"#\s*define\s+(ARM64_[A-Za-z0-9_]+)", t))
    caps = sorted(u for u in used if u not in defined and not u.startswith(("ARM64_FEATURE", "ARM64_VEC_"))
                  and not u.endswith("_H") and u not in ("ARM64_NCAPS", "ARM64_ASM_ARCH"))
    files["gen/asm/cpucaps.h"] = "#ifndef __ASM_CPUCAPS_H\n#define __ASM_CPUCAPS_H\n" + "".join(
        "#define %s %d\n" % (n, i) for i, n in enumerate(caps)) + "#define ARM64_NCAPS %d\n#endif\n" % len(caps)
    # sysreg-defs.h is generated from arch/arm64/tools/sysreg, which is not
    # packaged: the fields these headers name, with the Arm ARM's values.
    sysreg = """CTR_EL0_CWG_MASK GENMASK(27, 24)|CTR_EL0_IDC_SHIFT 28|ID_AA64DFR0_EL1_BRPs_SHIFT 12
ID_AA64DFR0_EL1_PMUVer_IMP_DEF 0xf|ID_AA64DFR0_EL1_WRPs_SHIFT 20|ID_AA64ISAR0_EL1_RNDR_SHIFT 60|ID_AA64ISAR2_EL1_CLRBHB_SHIFT 28
ID_AA64MMFR0_EL1_BIGENDEL0_SHIFT 16|ID_AA64MMFR0_EL1_BIGEND_SHIFT 8|ID_AA64MMFR0_EL1_PARANGE_32 0x0|ID_AA64MMFR0_EL1_PARANGE_36 0x1
ID_AA64MMFR0_EL1_PARANGE_40 0x2|ID_AA64MMFR0_EL1_PARANGE_42 0x3|ID_AA64MMFR0_EL1_PARANGE_44 0x4|ID_AA64MMFR0_EL1_PARANGE_48 0x5
ID_AA64MMFR0_EL1_PARANGE_52 0x6|ID_AA64MMFR0_EL1_TGRAN16_SHIFT 20|ID_AA64MMFR0_EL1_TGRAN4_SHIFT 28|ID_AA64MMFR0_EL1_TGRAN64_SHIFT 24
ID_AA64MMFR1_EL1_HAFDBS_SHIFT 0|ID_AA64MMFR1_EL1_PAN_SHIFT 20|ID_AA64MMFR1_EL1_VMIDBits_16 0x2|ID_AA64MMFR1_EL1_VMIDBits_SHIFT 4
ID_AA64PFR0_EL1_CSV2_SHIFT 56|ID_AA64PFR0_EL1_EL0_SHIFT 0|ID_AA64PFR0_EL1_EL1_SHIFT 4|ID_AA64PFR0_EL1_SVE_SHIFT 32
ID_AA64PFR1_EL1_MTE_MTE2 0x2|ID_AA64PFR1_EL1_MTE_SHIFT 8|ID_AA64PFR1_EL1_SME_SHIFT 24|SVCR_SM_MASK BIT(0)|SVCR_ZA_MASK BIT(1)
SYS_ID_AA64DFR0_EL1 sys_reg(3, 0, 0, 5, 0)|SYS_ID_AA64ISAR2_EL1 sys_reg(3, 0, 0, 6, 2)|SYS_ID_AA64MMFR0_EL1 sys_reg(3, 0, 0, 7, 0)
SYS_ID_AA64MMFR1_EL1 sys_reg(3, 0, 0, 7, 1)|SYS_ID_AA64PFR0_EL1 sys_reg(3, 0, 0, 4, 0)|ZCR_ELx_LEN_MASK GENMASK(3, 0)|SCTLR_EL1_TCF0_SHIFT 38
SYS_CTR_EL0 sys_reg(3, 3, 0, 0, 1)|SYS_DCZID_EL0 sys_reg(3, 3, 0, 0, 7)|SYS_ID_AA64ISAR0_EL1 sys_reg(3, 0, 0, 6, 0)
SYS_ZCR_EL1 sys_reg(3, 0, 1, 2, 0)"""
    files["gen/asm/sysreg-defs.h"] = "".join("#define %s\n" % d for d in sysreg.replace("\n", "|").split("|"))
    # autoconf.h: the packaged amd64 configuration without its x86 options, plus arm64's
    conf = [l for l in open(os.path.join(a, "include/generated/autoconf.h"))
            if not re.match(r"#define CONFIG_(X86|IA32|PARAVIRT|XEN|KVM_GUEST|HYPERVISOR_GUEST|INTEL|AMD|MICROCODE|"
                            r"MITIGATION|RETPOLINE|RETHUNK|CPU_SUP|CALL_|SLS|CC_HAS_RETURN_THUNK|PAGE_TABLE_ISOLATION|"
                            r"GENERIC_ISA_DMA|ISA|PCI_BIOS|MTRR|SPECULATION|ZONE_DMA32|STACKPROTECTOR|"
                            r"ARCH_USE_QUEUED|ARCH_HAS_NMI|HAVE_STATIC_CALL|HAVE_KVM|HAVE_ARCH_KMSAN|KMSAN|"
                            r"UNWINDER|FUNCTION_TRACER|DYNAMIC_FTRACE|FTRACE|HAVE_FENTRY|MODULE_REL_CRCS|RANDOMIZE|"
                            r"PGTABLE_LEVELS|PHYSICAL|NR_CPUS|ILLEGAL_POINTER|HAVE_ARCH_HUGE_VMAP|KASAN|HAVE_NOINSTR|"
                            r"DEBUG_ENTRY|OBJTOOL|HAVE_OBJTOOL|STACK_VALIDATION|HAVE_UACCESS_VALIDATION|X86|"
                            r"CC_HAS_IBT|ARCH_HAS_CPU_FINALIZE|GENERIC_CPU|64BIT_TIME|HAVE_ARCH_TRANSPARENT|"
                            r"AS_|CC_HAS_SANE_STACKPROTECTOR|ARCH_WANT_HUGE_PMD|HIGHMEM|EFI_MIXED|ACPI_APEI|"
                            r"HAVE_ARCH_USERFAULTFD|USERFAULTFD|ARCH_ENABLE_THP|TRANSPARENT|HAVE_GCC_PLUGINS|"
                            r"SCHED_MC_PRIO|ARCH_HAS_SYNC_CORE_BEFORE_USERMODE|ARCH_WANT_BATCHED_UNMAP_TLB_FLUSH|GENERIC_ENTRY|PREEMPT_DYNAMIC|MEM_SOFT_DIRTY|ARCH_HAS_PKEYS|X86_INTEL_MEMORY_PROTECTION_KEYS)", l)]
    conf += ["#define CONFIG_%s\n" % d for d in """ARM64 1|64BIT 1|ARM64_PAGE_SHIFT 12|ARM64_CONT_PTE_SHIFT 4|ARM64_CONT_PMD_SHIFT 4
ARM64_VA_BITS 48|ARM64_VA_BITS_48 1|ARM64_PA_BITS 48|ARM64_PA_BITS_48 1|ARM64_4K_PAGES 1|PGTABLE_LEVELS 4|NR_CPUS 256
ARM64_LSE_ATOMICS 1|ARM64_USE_LSE_ATOMICS 1|AS_HAS_LSE_ATOMICS 1|ARM64_PAN 1|ARM64_RAS_EXTN 1|ARM64_PTR_AUTH 1
ARM64_PTR_AUTH_KERNEL 1|ARM64_BTI 1|ARM64_MTE 1|ARM64_SVE 1|ARM64_PSEUDO_NMI 1|ARM64_AMU_EXTN 1|ARM64_TLB_RANGE 1
ARM64_E0PD 1|ARM64_EPAN 1|ARM64_HW_AFDBM 1|ARM64_CNP 1|ARM64_WORKAROUND_CLEAN_CACHE 1|GENERIC_CSUM 0
ARCH_MMAP_RND_BITS 18|ARM64_SW_TTBR0_PAN 1|ARM64_ERRATUM_1418040 1|ARM64_ERRATUM_858921 1|HAVE_ARCH_TRANSPARENT_HUGEPAGE 1
ARCH_USE_QUEUED_RWLOCKS 1|ARCH_USE_QUEUED_SPINLOCKS 1|COMPAT 1|ARM64_TAGGED_ADDR_ABI 1|ILLEGAL_POINTER_VALUE 0xdead000000000000
ARCH_FORCE_MAX_ORDER 11|HAVE_ARCH_COMPILER_H 1|AS_HAS_ARMV8_5 1|ARM64_MODULE_PLTS 1|RELOCATABLE 1|RANDOMIZE_BASE 1|CC_HAVE_STACKPROTECTOR_SYSREG 1""".replace("\n", "|").split("|") if d and not d.startswith("GENERIC_CSUM")]
    files["gen/generated/autoconf.h"] = "".join(conf)
    return files

KERNEL_A64_HEADERS = """linux/kernel.h linux/atomic.h linux/bitops.h linux/spinlock.h linux/percpu.h linux/preempt.h
linux/irqflags.h linux/uaccess.h linux/delay.h linux/sched.h linux/mm.h linux/string.h linux/random.h linux/timex.h
linux/jump_label.h linux/arm-smccc.h asm/atomic.h asm/cmpxchg.h asm/barrier.h asm/sysreg.h asm/percpu.h asm/irqflags.h
asm/spinlock.h asm/arch_timer.h asm/word-at-a-time.h asm/futex.h asm/archrandom.h asm/processor.h asm/checksum.h
asm/virt.h asm/preempt.h asm/stack_pointer.h asm/current.h asm/pointer_auth.h asm/mte.h asm/fpsimd.h asm/neon.h
asm/smp.h asm/hw_breakpoint.h asm/debug-monitors.h asm/jump_label.h asm/cputype.h asm/timex.h asm/delay.h
asm/rwonce.h asm/insn.h asm/paravirt.h asm/cpufeature.h asm/alternative.h asm/spectre.h asm/hypervisor.h
asm/smp_plat.h asm/cpu_ops.h asm/uprobes.h asm/ptrace.h asm/scs.h asm/dcc.h asm/simd.h asm/tlbflush.h
asm/pgtable.h asm/kprobes.h asm/syscall.h asm/signal32.h asm/kgdb.h asm/elf.h asm/ftrace.h asm/kvm_asm.h""".split()


@project("a64-linux", ["linux-headers-@-common", "linux-headers-@-amd64"])
def _a64_linux(r):
    for k, v in r.items():
        if k.endswith("-common"):
            c = os.path.join(v, "usr/src", k)
        elif k.endswith("-amd64"):
            a = os.path.join(v, "usr/src", k)
    heads = [h for h in KERNEL_A64_HEADERS if os.path.exists(os.path.join(c, "include", h))
             or os.path.exists(os.path.join(c, "arch/arm64/include", h))]
    # arch/arm64/Makefile's KBUILD_CFLAGS with CONFIG_ARM64_PTR_AUTH_KERNEL, _BTI_KERNEL and AS_HAS_ARMV8_5
    flags = A64 + ["-nostdinc", "-I%s/arch/arm64/include" % c, "-Igen", "-I%s/include" % c, "-I%s/include" % a,
                   "-I%s/arch/arm64/include/uapi" % c, "-Igen/uapi", "-I%s/include/uapi" % c,
                   "-I%s/include/generated/uapi" % a, "-include", "%s/include/linux/compiler-version.h" % c,
                   "-include", "%s/include/linux/kconfig.h" % c, "-include", "%s/include/linux/compiler_types.h" % c,
                   "-D__KERNEL__", "-mgeneral-regs-only", "-ffreestanding", "-fno-PIE", "-fshort-wchar",
                   "-fno-strict-aliasing", "-fno-asynchronous-unwind-tables", "-fno-unwind-tables",
                   "-mbranch-protection=pac-ret+leaf+bti", '-DARM64_ASM_ARCH="armv8.5-a"', "-std=gnu11"]
    u = c_unit(includes(heads), flags)
    u["files"].update(arm64_generated(c, a))
    return [u]
