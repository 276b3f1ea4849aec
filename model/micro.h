/*
** micro.h: microbenchmarks as the engine costs them: one large GEMM and a
** device-to-device copy on one chip, with the profile's own GEMM and
** memory efficiencies, so that a measured GEMM's TFLOPS and a copy's TB/s
** check the efficiencies the serving profiles use (claim/validation.c).
*/
#ifndef RL_MICRO_H
#define RL_MICRO_H

#include "rl_config.h"

/* The efficiency a GEMM of `rows` rows reaches at the scenario's matrix
** precision: the profile's large-GEMM efficiency (eff_compute_fp8 for FP8
** when set, else eff_compute) times rows / (rows + gemm_m_half). */
double rl_gemm_efficiency(const rl_config *cfg, double rows);

/* FLOP/s achieved by one m x k by k x n GEMM on one chip at the
** scenario's precision: 2mnk over the longer of its compute (at the
** matrix peak x rl_gemm_efficiency(m)) and its traffic (the three
** matrices once, at HBM bandwidth x eff_memory).  0 when the chip has no
** peak at that precision or a size is not positive. */
double rl_micro_gemm_flops(const rl_config *cfg, double m, double n,
                           double k);

/* Bytes read plus bytes written per second by a device-to-device copy:
** HBM bandwidth x eff_memory (a copy streams, nothing else). */
double rl_micro_copy_Bps(const rl_config *cfg);

#endif
