#ifndef SAMPLE_H
#define SAMPLE_H
#include <stddef.h>
#if SAMPLE_LEVEL != 2
#error "SAMPLE_LEVEL must come from the build"
#endif
unsigned max_leaf(void);
unsigned long long timestamp(void);
int sum(int a, int b);
void copy(void *d, const void *s, size_t n);
int load(const int *p);
#endif
