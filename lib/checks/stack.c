/* The stack and control flow: stack-undeclared, stack-unbalanced,
 * direction-flag, control-escape. */
#include "checks_internal.h"

void as_check_stack(check_ctx *c) {
  const as_summary *s = c->s;
  const as_block *b = c->b;
  if (!(b->flags & AS_BF_NORETURN) && (s->falls_through || (b->flags & AS_BF_GOTO)) &&
      (!s->sp_exit_known || s->sp_exit != 0)) {
    int at = s->sp_unbalanced_insn;
    if (s->sp_exit_known)
      as_check_report(
          c, "stack-unbalanced", at,
          "the stack pointer is %lld bytes %s at the end of the block than at its start; the "
          "compiler addresses locals and returns through it",
          (long long)(s->sp_exit < 0 ? -s->sp_exit : s->sp_exit),
          s->sp_exit < 0 ? "lower" : "higher");
    else
      as_check_report(
          c, "stack-unbalanced", at,
          "the stack pointer at the end of the block may differ from its value at the start; the "
          "compiler addresses locals and returns through it");
  }
  if (b->flags & AS_BF_NOSTACK) {
    if (s->uses_stack) {
      as_finding *f =
          as_check_report(c, "stack-undeclared", s->stack_first_insn,
                          "%s uses the stack but the block declares options(nostack); the "
                          "compiler may have live data below the stack pointer (red zone) or an "
                          "unaligned stack",
                          as_check_insn_text(c, s->stack_first_insn));
      if (f) as_finding_fixit(c->arena, f, "remove nostack");
    }
    return;
  }
  /* The bytes below the stack pointer at entry that may hold the function's
   * live data (the red zone of the ABI; none on many). */
  long long red_zone = as_target_red_zone(c->t, b);
  if (!red_zone || is_rust(b)) return;
  for (unsigned i = 0; i < s->num_accesses; i++) {
    const as_access *a = &s->accesses[i];
    if (!a->store || !a->stack || !a->stack_offset_known) continue;
    if (a->stack_offset < 0 && a->stack_offset >= -red_zone) {
      as_finding *f =
          as_check_report(c, "stack-undeclared", a->insn,
                          "%s writes %lld bytes below the stack pointer, into %s "
                          "where the compiler may keep live locals without adjusting the stack "
                          "pointer",
                          as_check_insn_text(c, a->insn), (long long)-a->stack_offset,
                          as_target_red_zone_name(c->t));
      if (f && c->d->insns[a->insn].mem[a->mem_index].size != (unsigned)-a->stack_offset)
        f->message = as_arena_printf(
            c->arena,
            "%s writes %u bytes at %lld bytes below the stack pointer, into "
            "%s where the compiler may keep live locals without "
            "adjusting the stack pointer",
            as_check_insn_text(c, a->insn), c->d->insns[a->insn].mem[a->mem_index].size,
            (long long)-a->stack_offset, as_target_red_zone_name(c->t));
      if (f) as_finding_note(c->arena, f, 0, 0, "%s", as_target_red_zone_advice(c->t));
      return;
    }
  }
}

void as_check_direction_flag(check_ctx *c) {
  if (!c->s->df_may_be_set_at_exit) return;
  if (!c->s->falls_through && !(c->b->flags & AS_BF_GOTO)) return;
  const as_insn *at = insn_at(c, c->s->df_set_insn);
  const char *does = at && at->df_set == 2 ? "may set the direction flag (it loads the flags)"
                                           : "sets the direction flag";
  as_finding *f =
      as_check_report(c, "direction-flag", c->s->df_set_insn,
                      "%s %s and the block may end with it set; the ABI requires it clear, so "
                      "compiler-generated string operations (memcpy, memset) would run backwards",
                      as_check_insn_text(c, c->s->df_set_insn), does);
  if (f) as_finding_fixit(c->arena, f, "%s", as_target_control_flag_fix(c->t));
}

void as_check_control(check_ctx *c) {
  const as_summary *s = c->s;
  as_finding *f = NULL;
  for (unsigned i = 0; i < s->num_escapes; i++) {
    if (!f)
      f = as_check_report(
          c, "control-escape", s->escapes[i].insn,
          "%s %s; the compiler assumes control leaves an asm only by falling through%s",
          as_check_insn_text(c, s->escapes[i].insn), s->escapes[i].why,
          is_c(c->b) ? " or through its asm goto labels" : "");
    else
      as_check_note(c, f, s->escapes[i].insn, "%s also %s",
                    as_check_insn_text(c, s->escapes[i].insn), s->escapes[i].why);
  }
  if ((c->b->flags & AS_BF_NORETURN) && s->falls_through && s->syscall_nr_unknown >= 0) {
    /* exit or not is the caller's number (a wrapper's standalone copy) */
    as_finding *u = as_check_report(c, "unmodeled", s->syscall_nr_unknown,
                                    "the block is declared noreturn and %s is a system call whose "
                                    "number comes from outside the block; that it never returns is "
                                    "not verified",
                                    as_check_insn_text(c, s->syscall_nr_unknown));
    if (u) u->severity = AS_SEV_NOTE;
  } else if ((c->b->flags & AS_BF_NORETURN) && s->falls_through)
    as_check_report(
        c, "control-escape", c->d->num_insns ? (int)c->d->num_insns - 1 : -1,
        "the block is declared noreturn but control can reach its end; the compiler placed "
        "nothing after it");
}
