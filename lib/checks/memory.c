/* Memory the block reads or writes against the memory its interface
 * declares: memory-read-undeclared, memory-write-undeclared. */
#include "checks_internal.h"

/* An access through the pointer in operand p is declared by a memory
 * operand holding the same pointer value (GCC manual: "=m"(*(char (*)[n])p)
 * next to "+D"(p)), of the right direction. */
static bool declared_by_memory_operand(const check_ctx *c, int p, bool store) {
  unsigned long long id = as_check_value_id(c->b, p);
  if (!id) return false;
  for (unsigned m = 0; m < c->b->num_operands; m++) {
    const as_operand *o = &c->b->operands[m];
    bool mem = o->indirect || ((o->constraint.kinds & AS_CK_MEM) && !(o->constraint.kinds & AS_CK_REG));
    if (!mem || (int)m == p) continue;
    if (store ? o->dir == AS_DIR_IN : o->dir == AS_DIR_OUT) continue;
    if (as_check_value_id(c->b, (int)m) == id) return true;
  }
  return false;
}

/* What the block's interface declares about memory: may it read and write
 * any memory, and if not, why not (in the words of its language). */
typedef struct declared_memory {
  bool reads_ok, writes_ok;
  const char *why_reads, *why_writes;
} declared_memory;

static declared_memory declared_memory_of(const as_block *b) {
  declared_memory m;
  if (b->flags & AS_BF_HAS_MEMORY_ATTR) {
    m.reads_ok = !(b->flags & AS_BF_NOMEM);
    m.writes_ok = !(b->flags & (AS_BF_NOMEM | AS_BF_READONLY));
  } else {
    m.reads_ok = m.writes_ok = (b->flags & AS_BF_MEMORY_CLOBBER) != 0;
    if (is_rust(b) && (b->flags & AS_BF_NOMEM)) m.reads_ok = m.writes_ok = false;
    if (is_rust(b) && (b->flags & AS_BF_READONLY)) m.writes_ok = false;
  }
  if (is_rust(b)) {
    m.why_reads = "the block declares options(nomem)";
    m.why_writes = b->flags & AS_BF_NOMEM ? "the block declares options(nomem)"
                                           : "the block declares options(readonly)";
  } else if (is_c(b)) {
    m.why_reads = "it has no input memory operand for it and no \"memory\" clobber";
    m.why_writes = "it has no output memory operand for it and no \"memory\" clobber";
  } else {
    m.why_reads = b->flags & AS_BF_HAS_MEMORY_ATTR ? "the call is memory(none)"
                                                   : "the constraint string has no *m input for it and no ~{memory}";
    m.why_writes = b->flags & AS_BF_HAS_MEMORY_ATTR ? "the call does not allow writes (memory(none) or memory(read))"
                                                    : "the constraint string has no *m output for it and no ~{memory}";
  }
  return m;
}

/* Case: a read the interface does not declare.  The compiler may keep the
 * memory's value in a register across the asm, or sink a store past it. */
static void check_read(check_ctx *c, const as_access *a, const as_mem_access *m, const char *through,
                       const declared_memory *decl, as_finding **rf) {
  const as_block *b = c->b;
  /* Reads through %fs/%gs are thread- or CPU-local control blocks the
   * compiler holds no pointer to (glibc THREAD_SELF); not reported. */
  bool segment_local = m && m->segment && !a->has_base && !a->has_index;
  /* A load whose value nothing reads (ldrexd that only arms the exclusive
   * monitor before a strexd) cannot return a stale value. */
  if (a->value_unused) return;
  bool covered = decl->reads_ok || segment_local ||
                 (a->operand >= 0 && !(is_rust(b) && (b->flags & AS_BF_NOMEM))) ||
                 (a->pointer_operand >= 0 && declared_by_memory_operand(c, a->pointer_operand, false));
  if (covered) return;
  if (*rf) {
    as_check_note(c, *rf, a->insn, "%s also reads through %s", as_check_insn_text(c, a->insn), through);
    return;
  }
  *rf = as_check_report(c, "memory-read-undeclared", a->insn,
                        "%s reads memory through %s, but %s; the compiler may keep that memory's "
                        "value in a register, or sink a store to it past the asm",
                        as_check_insn_text(c, a->insn), through, decl->why_reads);
  if (*rf && is_c(b)) {
    as_fixit *x = as_finding_fixit(c->arena, *rf, "add \"memory\" to the clobbers (or pass the "
                                   "memory as an \"m\" input)");
    x->clobber = "\"memory\"";
    x->certain = true;
  } else if (*rf && is_rust(b)) {
    as_finding_fixit(c->arena, *rf, "remove nomem");
  }
}

/* Case: a write the interface does not declare.  The compiler may assume
 * the memory unchanged and use a stale copy, or delete the asm. */
static void check_write(check_ctx *c, const as_access *a, const char *through,
                        const declared_memory *decl, as_finding **wf) {
  const as_block *b = c->b;
  bool covered = decl->writes_ok ||
                 (a->pointer_operand >= 0 && declared_by_memory_operand(c, a->pointer_operand, true));
  const char *why = decl->why_writes;
  if (a->operand >= 0) {
    const as_operand *o = &b->operands[a->operand];
    covered = covered || o->dir != AS_DIR_IN;
    if (!covered && is_c(b))
      why = as_arena_printf(c->arena, "%s is an input-only operand (\"%s\") and there is no "
                            "\"memory\" clobber", as_operand_label(c->arena, b, a->operand),
                            o->constraint_text ? o->constraint_text : "m");
  }
  if (covered) return;
  if (*wf) {
    as_check_note(c, *wf, a->insn, "%s also writes through %s", as_check_insn_text(c, a->insn), through);
    return;
  }
  *wf = as_check_report(c, "memory-write-undeclared", a->insn,
                        "%s writes memory through %s, but %s; the compiler may assume that memory "
                        "is unchanged and use a stale copy, or delete the asm",
                        as_check_insn_text(c, a->insn), through, why);
  if (*wf && is_c(b)) {
    if (a->operand >= 0) {
      as_fixit *x = as_finding_fixit(c->arena, *wf, "make %s an in/out memory operand (\"+m\")",
                                     as_operand_label(c->arena, b, a->operand));
      x->operand = a->operand;
      x->constraint = "+m";
      as_fixit *y = as_finding_fixit(c->arena, *wf, "or add \"memory\" to the clobbers");
      y->clobber = "\"memory\"";
      y->certain = true;
    } else {
      as_fixit *x = as_finding_fixit(c->arena, *wf, "add \"memory\" to the clobbers");
      x->clobber = "\"memory\"";
      x->certain = true;
    }
  } else if (*wf && is_rust(b)) {
    as_finding_fixit(c->arena, *wf, b->flags & AS_BF_NOMEM ? "remove nomem" : "remove readonly");
  }
}

void as_check_memory(check_ctx *c) {
  const as_block *b = c->b;
  const as_summary *s = c->s;
  declared_memory decl = declared_memory_of(b);
  as_finding *rf = NULL, *wf = NULL;
  for (unsigned i = 0; i < s->num_accesses; i++) {
    const as_access *a = &s->accesses[i];
    /* The block's own stack traffic is the stack rules' business; an
     * explicit access above the entry stack pointer reads the caller's frame. */
    if (a->stack && (a->implicit_stack || !(a->stack_offset_known && a->stack_offset >= 0))) continue;
    const as_insn *in = insn_at(c, a->insn);
    const as_mem_access *m = in ? &in->mem[a->mem_index] : NULL;
    const char *through = a->operand >= 0          ? as_arena_printf(c->arena, "memory operand %s", as_operand_label(c->arena, b, a->operand))
                          : a->pointer_operand >= 0 ? as_arena_printf(c->arena, "the pointer in %s", as_operand_label(c->arena, b, a->pointer_operand))
                          : a->stack                ? "the caller's stack frame"
                          : m && m->rip_relative    ? "a global symbol"
                          : a->has_base             ? "an address computed in the block"
                                                    : "an absolute address";
    if (a->load) check_read(c, a, m, through, &decl, &rf);
    if (a->store) check_write(c, a, through, &decl, &wf);
  }
}
