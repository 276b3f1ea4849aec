/*
** power.h: the power a chip draws, from the node's energies and the rates a
** workload achieves (power.c).
**
**   P = static
**     + E_fma(precision) x overhead x clock_scale^dvfs x FLOP/s / 2
**     + E_sram x (sram_bytes_per_flop x FLOP/s + 2 x HBM bytes/s)
**     + E_hbm x 8 x HBM bytes/s + E_link x 8 x link bytes/s
**
** Every HBM byte is taken to be written into and read out of on-chip SRAM
** once (the 2 x); operands of the MAC arrays add sram_bytes_per_flop.
*/
#ifndef RL_POWER_H
#define RL_POWER_H

#include "rl_config.h"

typedef struct {
	double static_w;
	double compute_w;   /* FMAs, with the design's overhead */
	double sram_w;
	double hbm_w;
	double link_w;
	double total_w;
} rl_power_parts;

/* 1 when the node gives FMA energies (power can be computed), else 0. */
int rl_power_known(const rl_config *cfg);

/* Energy of one FMA at a precision on this node and design, joules. */
double rl_fma_energy(const rl_config *cfg, int prec);

/* Power of one chip at the given average rates; clock_scale is the share
** of the nominal clock the chip runs at (1 unless a TDP lowers it).
** parts may be NULL. */
double rl_power_of(const rl_config *cfg, int prec, double clock_scale,
                   double flops_per_s, double hbm_Bps, double link_Bps,
                   rl_power_parts *parts);

#endif
