/*
** samebytes.h: whether two spans of memory hold the same bytes, for the
** compares of a known size that the engine makes of a configuration with
** a cache's key on every evaluation: eval.c's of rl_config's 1,264 bytes
** before the request with the batch rule's key, engine.c's of serving's
** 752 with the setup's, and eval.c's of the design, node and cost's 512
** with the power and cost memo's.
**
** rl_same_avx_body(a, b, n) is memcmp(a, b, n) == 0, exactly: equal or
** not, never an order.  Each 32 bytes' difference (a XOR b) is ORed into
** a register, the last 32 taken to end at n (they overlap the ones before
** where n is not a multiple of 32: a byte compared twice is the same
** byte), and the ORs tested once at the end for any bit set: the spans are
** equal exactly where no bit of any XOR is set.  The operations are the
** float vectors' bitwise ones (AVX has its integer ones only at 128 bits):
** no arithmetic, so a NaN's or a denormal's bits are bits like any other
** (loads and bitwise operations alone: 256-bit work of the light kind,
** which Intel documents as not lowering a core's clock, unlike heavy
** floating-point multiplies).
** Three instructions per 32 bytes, where glibc's memcmp, which must find
** the first byte that differs to order the two, takes about five: 1,264
** bytes in about 125 instructions against 190 (tests/BENCH.md).
**
** It is inline, for a caller that gives n as a constant (every 32 bytes
** then one load, one XOR and one OR, unrolled: no loop) and is itself
** compiled for AVX (__attribute__((target("avx")))) and called only where
** __builtin_cpu_supports("avx") says the processor has it: the build
** assumes no AVX.  RL_SAME_BYTES_FN(name, n) defines both: a function
** name(a, b), memcmp(a, b, n) == 0, by AVX (name_avx) where the processor
** has it, else by memcmp; name_avx alone for a caller that knows the
** processor has AVX (avxclone.h's clones).  Where the build is not x86-64
** GCC or Clang, or is made with -DRL_NO_AVX, RL_SAME_AVX is 0 and name and
** name_avx are memcmp alone.
** test_samebytes checks name_avx and name against memcmp, one bit changed
** at every byte, at every alignment of each span.
*/
#ifndef RL_SAMEBYTES_H
#define RL_SAMEBYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(RL_NO_AVX)
#define RL_SAME_AVX 1
#include <immintrin.h>

/* a XOR b's 32 bytes at i, ORed into *acc */
#define RL_SAME_CHUNK(acc, a, b, i)                                          \
	(acc) = _mm256_or_ps(                                                \
	    (acc), _mm256_xor_ps(_mm256_loadu_ps((const float *)((a) + (i))), \
	                         _mm256_loadu_ps((const float *)((b) + (i)))))

/* n >= 32, a constant where inlined.  (Four registers take the ORs in
** turn, joined at the end: four short chains of dependent ORs, not one
** long one; the same bits.)
** From 96 bytes on, the loads of a are 32-byte aligned but three: a 32-byte
** load that crosses a 64-byte cache line costs about two, and a
** configuration on the stack or in a struct is 8- or 16-byte aligned, so
** that loading it from its start split every other load, 20 of each side's
** 40 on make bench's real path (7 ns an evaluation, 8% of it, where the
** configuration was not 32-byte aligned: tests/BENCH.md; the key beside it
** lies at its address mod 32, eval.c).  So the first 32 bytes, then K
** chunks from a's first 32-byte aligned byte, head (0 to 31 bytes in), and
** the last 64 bytes as two: K = (n - 31) / 32 keeps head + 32 K <= n, and
** n - 32 K < 64, so that [0, 32), [head, head + 32 K) and [n - 64, n)
** cover [0, n) for any head (a byte compared twice is the same byte).
** A 32-byte aligned a takes the loads from its start, which split none,
** without the three more loads (a branch that a configuration at one
** address takes the same way every time). */
static inline __attribute__((always_inline, target("avx"))) int
rl_same_avx_body(const unsigned char *a, const unsigned char *b, size_t n)
{
	__m256 acc[4], d;
	size_t i;
	for (i = 0; i < 4; i++)
		acc[i] = _mm256_setzero_ps();
	if (n >= 96 && __builtin_expect(((uintptr_t)a & 31) != 0, 1)) {
		size_t head = (size_t)(-(uintptr_t)a & 31), k = (n - 31) / 32;
		const unsigned char *pa = a + head, *pb = b + head;
		RL_SAME_CHUNK(acc[1], a, b, 0);
		RL_SAME_CHUNK(acc[2], a, b, n - 64);
		RL_SAME_CHUNK(acc[3], a, b, n - 32);
#pragma GCC unroll 64
		for (i = 0; i < k; i++)
			RL_SAME_CHUNK(acc[i % 4], pa, pb, 32 * i);
	} else {
#pragma GCC unroll 64
		for (i = 0; i + 32 <= n; i += 32)
			RL_SAME_CHUNK(acc[i / 32 % 4], a, b, i);
		if (n % 32) /* the last 32 bytes, ending at n */
			RL_SAME_CHUNK(acc[0], a, b, n - 32);
	}
	d = _mm256_or_ps(_mm256_or_ps(acc[0], acc[1]),
	                 _mm256_or_ps(acc[2], acc[3]));
	return _mm256_testz_si256(_mm256_castps_si256(d),
	                          _mm256_castps_si256(d));
}

/* name(a, b): memcmp(a, b, n) == 0 for a constant n >= 32, through
** name_avx (out of line: a function compiled for AVX is not inlined into
** one compiled without) where the processor has AVX */
#define RL_SAME_BYTES_FN(name, n)                                            \
	__attribute__((target("avx"), noinline)) static int name##_avx(       \
	    const void *a, const void *b)                                     \
	{                                                                     \
		return rl_same_avx_body(a, b, n);                             \
	}                                                                     \
	static inline int name(const void *a, const void *b)                  \
	{                                                                     \
		_Static_assert((n) >= 32, #name ": a span under 32 bytes"); \
		if (__builtin_expect(__builtin_cpu_supports("avx"), 1))       \
			return name##_avx(a, b);                              \
		return memcmp(a, b, n) == 0;                                  \
	}
#else
#define RL_SAME_AVX 0
#define RL_SAME_BYTES_FN(name, n)                                            \
	static inline int name(const void *a, const void *b)                  \
	{                                                                     \
		return memcmp(a, b, n) == 0;                                  \
	}                                                                     \
	static inline int name##_avx(const void *a, const void *b)            \
	{                                                                     \
		return memcmp(a, b, n) == 0;                                  \
	}
#endif

#endif
