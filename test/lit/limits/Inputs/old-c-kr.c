/* K&R definitions only: clang warns (an error under -Werror). */
unsigned cpuid_eax(leaf)
  unsigned leaf;
{
  asm volatile("cpuid" : "+a"(leaf));
  return leaf;
}
