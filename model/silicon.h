/*
** silicon.h: a chip given by its design (process node, die area and how it
** is spent, clock, HBM) turned into the spec sheet the engine uses, and the
** reverse: from a spec sheet, the transistor share its MAC arrays need.
**
** Model (silicon.c): every block of the die has the same transistor
** density (the design's achieved density, or the node's logic density), so
** a block's transistor share equals its area share.  MAC arrays hold
** transistors_per_fma transistors per FP16 FMA unit; peak dense BF16 FLOP/s
** = 2 x FMA units x clock, FP8 and FP4 as fixed multiples.  SRAM bytes =
** SRAM area x the node's macro density; its read bandwidth SRAM bytes x
** design.sram_b_per_clk_per_kb x clock (every macro at once).  HBM from the generation's stack
** capacity and bandwidth.  Constraints that a design may violate (and a
** user may want to explore) are flags, with text on demand.
*/
#ifndef RL_SILICON_H
#define RL_SILICON_H

#include <stddef.h>

#include "rl_config.h"

/* Blocks of the die budget. */
enum {
	RL_BLK_MAC = 0,  /* matrix (MAC) arrays */
	RL_BLK_VECTOR,   /* vector units */
	RL_BLK_SRAM,     /* SRAM */
	RL_BLK_PHY,      /* HBM PHYs and I/O */
	RL_BLK_OTHER,    /* control and other logic */
	RL_BLK_REST,     /* area not assigned to any block */
	RL_BLK_COUNT
};

/* HBM generations, in the order of the design.hbm_gen choices. */
enum { RL_HBM_NONE = 0, RL_HBM2E, RL_HBM3, RL_HBM3E, RL_HBM4, RL_HBM_COUNT };

/* Physical constraints a design can violate (bit flags). */
enum {
	RL_V_RETICLE = 1,   /* a die is larger than the reticle */
	RL_V_HBM_EDGE = 2,  /* the HBM PHYs do not fit along the long edges */
	RL_V_PHY_AREA = 4,  /* frac_phy is smaller than the HBM PHYs need */
	RL_V_FRACTIONS = 8, /* area shares add up to more than 1 */
	RL_V_POWER = 16,    /* the workload exceeds the TDP even at the lowest clock */
	RL_V_DENSITY = 32   /* the die's transistor density passes its node's limit
	                    ** for its blocks (rl_silicon_density_limit) */
};
/* How many kinds of RL_V_* there are, and the bytes rl_silicon_explain
** gives the text of one (its NUL included): what a list of them all
** joined needs (claim.h's claim_solve_row.breaks) */
#define RL_V_KINDS 6
#define RL_V_TEXT_MAX 200

typedef struct {
	double die_m2;          /* one die */
	double dies;            /* per package */
	double density_per_m2;  /* transistors per m^2 used */
	double density_limit_per_m2; /* the node's limit for it (0: no node) */
	double transistors;     /* per die */
	double area_m2[RL_BLK_COUNT];     /* per die */
	double transistors_blk[RL_BLK_COUNT]; /* per die */
	double share[RL_BLK_COUNT];       /* of the die */
	double frac_sum;        /* of the five named blocks */
	double fma_units;       /* FP16 FMA units per package */
	double mac_share;       /* transistor share of the MAC arrays */
	double peak_flops_bf16; /* per package, dense */
	double peak_flops_fp8;
	double peak_flops_fp4;
	double sram_bytes;      /* per package; 0 when frac_sram is 0 */
	double sram_Bps;        /* its read bandwidth: sram_bytes x
	                        ** design.sram_read_per_clk x clock_hz */
	double hbm_bytes;       /* per package; 0 without stacks */
	double hbm_Bps;
	double edge_m;          /* long edges of one die: where PHYs go */
	double edge_needed_m;   /* PHY edge the stacks of one die need */
	double phy_needed_m2;   /* PHY area the stacks of one die need */
	unsigned violations;    /* RL_V_* */
} rl_silicon;

/* d with each block given by its area (design.mac_mm2 ... other_mm2,
** the X_m2 fields > 0) turned into its share of the die, frac_X = X_m2 /
** die_m2 (a die of no area leaves the share as it was; rl_silicon_derive
** refuses it): the one place the two forms meet.  Every reader of the
** shares reads them through it. */
rl_design rl_design_resolved(const rl_design *d);

/* The design parameter (a design.* key, without "design.") that stands
** before key where d gives it (> 0), so that key moves nothing
** rl_silicon_derive computes: "mac_mm2", else "frac_mac", before
** "fma_units" (the MAC arrays' share gives the FMA units);
** "density_mtr_per_mm2" before "transistors".  NULL where none does. */
const char *rl_design_key_before(const rl_design *d, const char *key);

/* The design parameter naming a block's area in mm2 that is given (X_m2
** > 0) and is more than its die, "design.sram_mm2", with its area in mm2
** into *mm2; NULL where none is. */
const char *rl_design_area_over(const rl_design *d, double *mm2);

/* Name of a block ("mac", "vector", ...). */
const char *rl_block_name(int block);
/* Name of an HBM generation; stack capacity and bandwidth it implies. */
const char *rl_hbm_name(int gen);
double rl_hbm_stack_bytes(int gen);
double rl_hbm_stack_Bps(int gen);

/* The densest a die on cfg's node can be on average, transistors per m^2:
** the design's SRAM share (design.frac_sram) at the SRAM macros' density
** (node.sram_mb_per_mm2 x 8 bits x 6 transistors, a 6T bitcell; where
** that is under the logic density, as on n4 and n5, the logic density, as
** 6 per bit leaves the periphery out) and the rest at the node's logic
** density; 0 where the node gives no logic density.  On N7 (96.3 logic, 2.22 MB/mm2 -> 106.56) at frac_sram 0.5:
** 101.43 MTr/mm2. */
double rl_silicon_density_limit(const rl_config *cfg);

/* Derive the silicon of cfg's design.  Returns RL_OK (violations are
** flags), or RL_EINVAL with a message in err when the design cannot be
** evaluated: no die area, no density (no node), shares over 1. */
int rl_silicon_derive(const rl_config *cfg, rl_silicon *si, char *err,
                      size_t errlen);

/* Overwrite the fields of a spec sheet that the design determines (peaks,
** and SRAM and HBM when the design has them). */
void rl_silicon_apply(const rl_silicon *si, rl_chip *chip);

/* The most HBM stacks a package of si's dies holds by each of the two
** checks rl_silicon_derive makes: on the dies' long edges (whole PHYs of
** design.hbm_phy_edge_mm each, per die, times the dies) into *edge, and in
** the PHY area design.frac_phy gives (design.hbm_phy_mm2 each) into
** *area; INFINITY where the check is off (frac_phy 0, or a PHY of no edge
** or area).  sohu-design's 814 mm2: 64.3 mm of edge / 6.5 = 9 stacks, and
** 0.08 x 814 = 65.1 mm2 / 9.7 = 6; a tenth stack needs 65.0 mm. */
void rl_silicon_max_stacks(const rl_config *cfg, const rl_silicon *si,
                           double *edge, double *area);

/* Text of each violated constraint, one per entry of out (at most max);
** returns how many. */
size_t rl_silicon_explain(const rl_config *cfg, const rl_silicon *si,
                          unsigned violations, char out[][RL_V_TEXT_MAX],
                          size_t max);

#endif
