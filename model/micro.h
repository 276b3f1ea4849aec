/*
** micro.h: microbenchmarks as the engine costs them: one large GEMM and a
** device-to-device copy on one chip, with the profile's own GEMM and
** memory efficiencies, so that a measured GEMM's TFLOPS and a copy's TB/s
** check the efficiencies the serving profiles use (claim/validation.c).
*/
#ifndef RL_MICRO_H
#define RL_MICRO_H

#include "rl_config.h"

/* GEMM efficiency, one formula for the serving engine and the
** microbenchmarks (inline: the engine calls it in every evaluation).
** The large-GEMM efficiency at a matrix precision: eff_compute_fp8 for FP8
** and FP4 when set, else eff_compute.  FP4 (NVFP4, on Blackwell) shares the
** FP8 figure: no profile was fitted on FP4 rows and no FP4 GEMM measurement
** is in the repository; a format narrower than FP8 gets at most FP8's share
** of its own, doubled peak (the block scales and a fixed epilogue weigh
** more), not the 16-bit share.  ASSUMPTION, range: half of it to it. */
static inline double rl_gemm_eff_large(const rl_profile *p, int matrix_prec)
{
	return (matrix_prec == RL_PREC_FP8 || matrix_prec == RL_PREC_FP4) &&
	               p->eff_compute_fp8 > 0
	           ? p->eff_compute_fp8
	           : p->eff_compute;
}

/* A GEMM of `rows` rows whose large-GEMM efficiency is eff reaches
** eff x rows / (rows + gemm_m_half) (eff when gemm_m_half is 0). */
static inline double rl_gemm_eff_rows(const rl_profile *p, double eff,
                                      double rows)
{
	if (p->gemm_m_half <= 0)
		return eff;
	return eff * rows / (rows + p->gemm_m_half);
}

/* FLOP/s achieved by one m x k by k x n GEMM on one chip at the
** scenario's precision: 2mnk over the longer of its compute (at the
** matrix peak x rl_gemm_eff_rows of m rows) and its traffic (the three
** matrices once, at HBM bandwidth x eff_memory).  0 when the chip has no
** peak at that precision or a size is not positive. */
double rl_micro_gemm_flops(const rl_config *cfg, double m, double n,
                           double k);

/* Bytes read plus bytes written per second by a device-to-device copy:
** HBM bandwidth x eff_memory (a copy streams, nothing else). */
double rl_micro_copy_Bps(const rl_config *cfg);

#endif
