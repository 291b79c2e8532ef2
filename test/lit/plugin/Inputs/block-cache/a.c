#include "shared.h"
unsigned long a(unsigned long x) { return shared_swap(x) + 1; }
