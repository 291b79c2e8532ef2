/* Stress inputs for the parsers' robustness tests: every truncation of a
 * valid sample, every single-byte replacement (from `interesting`) and
 * deletion, then 300 random multi-byte edits drawn from rng.  fn must not
 * crash on any of them. */
#ifndef ASMSTORY_TEST_MUTATE_H
#define ASMSTORY_TEST_MUTATE_H
#include <stdint.h>
#include <string.h>

static void mutate_and_try(const char *sample, void (*fn)(const char *), const char *interesting,
                           uint32_t (*rng)(void), char nul_stand_in) {
  size_t len = strlen(sample), n_interesting = strlen(interesting);
  char buf[128];
  assert_true(len < sizeof buf);
  /* Every truncation. */
  for (size_t cut = 0; cut <= len; cut++) {
    memcpy(buf, sample, cut);
    buf[cut] = '\0';
    fn(buf);
  }
  /* Single-byte replacements and deletions at every position. */
  for (size_t pos = 0; pos < len; pos++) {
    for (size_t k = 0; k < n_interesting; k++) {
      memcpy(buf, sample, len + 1);
      buf[pos] = interesting[k];
      fn(buf);
    }
    memcpy(buf, sample, pos);
    memcpy(buf + pos, sample + pos + 1, len - pos);
    fn(buf);
  }
  /* Random multi-byte mutations. */
  for (int round = 0; round < 300; round++) {
    memcpy(buf, sample, len + 1);
    unsigned edits = 1 + rng() % 4;
    for (unsigned e = 0; e < edits && len > 0; e++) {
      size_t pos = rng() % len;
      uint32_t r = rng();
      buf[pos] = (r & 1) ? interesting[r % n_interesting] : (char)(r >> 8);
      if (buf[pos] == '\0') buf[pos] = nul_stand_in;
    }
    fn(buf);
  }
}
#endif
