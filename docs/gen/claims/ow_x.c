double widen(float x) { double d; asm("movss %1, %0" : "=x"(d) : "x"(x)); return d; }
