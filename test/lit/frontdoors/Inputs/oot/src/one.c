#include "cpu.h"
unsigned one(void) { return cpu_max_leaf(); }
