/* One instruction's description as text, for --dump and --print-effects
 * (shared by the architectures: as_arch.insn_text). */
#include "target_internal.h"

/* The --dump text of a neutral instruction description: the same for
 * every architecture (as_arch.insn_text). */
const char *as_insn_text_default(as_arena *arena, const as_target *t, const as_insn *insn) {
  as_strbuf b;
  as_strbuf_init(&b, arena);
  static const char *const kinds[] = {"", "jump", "jump-cond", "jump-indirect", "call",
                                      "call-indirect", "return", "trap", "halt"};
  as_strbuf_printf(&b, "%-8s", insn->mnemonic);
  if (insn->num_reads) {
    as_strbuf_puts(&b, " reads=");
    as_target_regs_text(&b, t, insn->reads, insn->num_reads);
  }
  if (insn->num_writes) {
    as_strbuf_puts(&b, " writes=");
    as_target_regs_text(&b, t, insn->writes, insn->num_writes);
  }
  if (insn->flags_read || insn->flags_written)
    as_strbuf_printf(&b, " flags=%s%s", insn->flags_read ? "r" : "", insn->flags_written ? "w" : "");
  if (insn->df_read) as_strbuf_puts(&b, " df=r");
  if (insn->df_set >= 0) as_strbuf_printf(&b, " df:=%s", insn->df_set == 2 ? "?" : insn->df_set ? "1" : "0");
  for (unsigned i = 0; i < insn->num_mem; i++) {
    const as_mem_access *m = &insn->mem[i];
    as_strbuf_printf(&b, " %s%s%s[", m->load ? "load" : "", m->load && m->store ? "+" : "",
                     m->store ? "store" : "");
    bool any = false;
    if (m->segment) as_strbuf_printf(&b, "%s:", as_target_reg_name(t, m->segment));
    if (m->rip_relative) { as_strbuf_puts(&b, "rip"); any = true; }
    if (m->base) { as_strbuf_printf(&b, "%s", as_target_reg_name(t, m->base)); any = true; }
    if (m->index) {
      as_strbuf_printf(&b, "%s%s*%u", any ? "+" : "", as_target_reg_name(t, m->index), m->scale);
      any = true;
    }
    if (m->disp_symbol) { as_strbuf_printf(&b, "%s%s", any ? "+" : "", m->disp_symbol); any = true; }
    if (m->disp || !any) as_strbuf_printf(&b, "%s%lld", any && m->disp >= 0 ? "+" : "", (long long)m->disp);
    as_strbuf_printf(&b, "] size=%s%u", m->size_at_least ? ">=" : "", m->size);
    if (m->align > 1) as_strbuf_printf(&b, " align=%u", m->align);
    if (m->stack) as_strbuf_puts(&b, " stack");
    if (m->string_op) as_strbuf_puts(&b, m->repeated ? " x rcx" : " step");
  }
  if (insn->sp_delta) as_strbuf_printf(&b, " sp%+d", insn->sp_delta);
  if (insn->reg_stack_delta) as_strbuf_printf(&b, " st%+d", insn->reg_stack_delta);
  static const char *const reg_stack_ops[] = {"", " st:=empty", " st:save", " st:save+empty", " st:restore"};
  if (insn->reg_stack_op > AS_REG_STACK_NONE && insn->reg_stack_op <= AS_REG_STACK_RESTORE) as_strbuf_puts(&b, reg_stack_ops[insn->reg_stack_op]);
  if (insn->sp_explicit_write) as_strbuf_puts(&b, " sp=written");
  if (insn->kind) {
    as_strbuf_printf(&b, " %s", kinds[insn->kind]);
    if (insn->target) as_strbuf_printf(&b, "->%s", insn->target);
    if (insn->target_insn >= 0) as_strbuf_printf(&b, "(#%d)", insn->target_insn);
  }
  if (insn->rep) as_strbuf_puts(&b, " rep");
  if (insn->lock) as_strbuf_puts(&b, " lock");
  if (insn->zero_idiom) as_strbuf_puts(&b, " zero-idiom");
  static const char *const se[] = {"io", "fence", "system", "nondet", "hint", "atomic", "cache", "fpenv"};
  for (unsigned i = 0; i < 8; i++)
    if (insn->side_effects & (1u << i)) as_strbuf_printf(&b, " effect=%s", se[i]);
  if (insn->unmodeled) as_strbuf_printf(&b, " UNMODELED(%s)", insn->unmodeled);
  return b.data;
}
