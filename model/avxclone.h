/*
** avxclone.h: the engine's hot path compiled a second time for AVX, and
** picked at run time where the processor has it (eval.c's rl_eval_cached,
** engine.c's serving out of line): the build assumes no AVX, as
** samebytes.h's compares do.
**
** AVX is asked for its encoding alone: the VEX forms of the same scalar
** and 128-bit SSE2 operations take three operands (a = b op c, where SSE
** overwrites b), so the copies of a register before an operation that
** SSE needs go, and a load folds into the operation that reads it more
** often.  The operations are the same IEEE ones on the same doubles, in
** the same order: every result the same bit for bit (no FMA, which AVX
** does not include, and no contraction, which -std=c11 leaves off; no
** reassociation without -ffast-math).  On make bench's real path 1,038.8
** -> 952.1 instructions an evaluation (937.9 with the batch rule's compare
** and fine tuning inline in the copy: tests/BENCH.md).
**
** RL_AVX_CLONE is 1 where samebytes.h's AVX is built (x86-64 GCC or
** Clang, without -DRL_NO_AVX), else 0 and the clones are not made.
** RL_AVX_FN marks a clone (compiled for AVX, out of line: GCC inlines
** nothing compiled for AVX into a function compiled without); a function
** inline in it (always_inline, or the compiler's choice) is compiled
** within it for AVX too.  rl_avx_here() is __builtin_cpu_supports("avx"),
** which tests the operating system's support of the registers too, as
** samebytes.h's callers test it.
*/
#ifndef RL_AVXCLONE_H
#define RL_AVXCLONE_H

#include "samebytes.h"

#if RL_SAME_AVX
#define RL_AVX_CLONE 1
#define RL_AVX_FN __attribute__((target("avx"), noinline))
#define rl_avx_here() __builtin_expect(__builtin_cpu_supports("avx"), 1)
#else
#define RL_AVX_CLONE 0
#define rl_avx_here() 0
#endif

#endif
