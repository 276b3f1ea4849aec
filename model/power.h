/*
** power.h: the power a chip draws, from the node's energies and the work a
** workload does (power.c).
**
** A chip that runs kernels draws, at a clock share s of its nominal clock
** (1 unless a TDP lowers it) and with d = power.dvfs_exponent:
**
**   P = static                                   idle board: leakage, VRs
**     + W_idle x stacks x stack bytes            HBM refresh and standby
**     + clocked x die area x clock x s^(1+d)     clock tree, control, caches
**                                                and register files kept
**                                                clocked, whatever the work
**     + E_phy x 8 x peak HBM bytes/s             host HBM PHYs kept awake
**     + E_fma(precision) x overhead x s^d x FLOP/s / 2        tensor math
**     + E_vec x s^d x (ops/score x scores/s + ops/elem x elems/s)
**                                                non-tensor work: softmax,
**                                                norms, adds, activations
**     + E_sram x (sram_bytes_per_flop x FLOP/s + 2 x HBM bytes/s
**                 + resident SRAM bytes/s)
**     + E_hbm x 8 x HBM bytes/s + E_link x 8 x link bytes/s
**
** "HBM" is the chip's main memory (chip.hbm_gb, hbm_tbps): where it is
** GDDR6 (chip.memory gddr6, the L40S) E_hbm is GDDR6's energy per bit,
** power.gddr6_pj_per_bit (7.5, Micron: silicon.csv), not HBM's
** (rl_mem_j_per_bit), and E_phy its host PHYs', power.gddr6_phy_pj_per_bit
** (ASSUMPTION 1.17, range 0.54-2.5: silicon.csv gives no GDDR6 PHY
** figure; NVIDIA's 25 Gb/s ground-referenced link is the nearest, a PHY
** driving board traces drawing more per bit than HBM's 0.65 over an
** interposer; 8.1 W at the L40S's 0.864 TB/s), not
** power.hbm_phy_pj_per_bit.
**
** W_idle (power.hbm_idle_w_per_gb, ASSUMPTION 0.15 W/GB: the H200's idle
** over the H100's per GB of stacks, silicon.csv) counts the design's HBM
** stacks (design.hbm_stacks x hbm_stack_gb, or the generation's), so that
** power follows a sweep of stacks; 0 where the design names none or the
** memory is GDDR6, whose idle static_w holds.  static is the rest of an
** idle board (rl_power_board_w): a measured whole-chip idle
** (power.idle_w, the H100's 70 W) less what the stacks of the chip it was
** measured on draw (power.idle_hbm_gb, its 80 GiB: 12.9 W), or
** power.static_w as given for a design with no measured idle.
**
** Above the clock the node's energies hold at (node.ref_clock_ghz) the
** energies and the clocked logic grow as x^du, x the clock over it and du
** power.dvfs_exponent_above (ASSUMPTION 2: CV^2 with V in proportion to
** the clock there; range 1-2), where below it they fall as x^d.
**
** The first three terms are the power of an active chip that does no
** tensor math (a memory- or communication-bound phase draws them in full);
** a chip that waits (a pipeline bubble) draws them at s = 1.  Every HBM
** byte is taken to be written into and read out of on-chip SRAM once (the
** 2 x); operands of the MAC arrays add sram_bytes_per_flop, and weights
** kept resident in SRAM (chip.sram_resident_share) one read per byte, in
** place of their HBM traffic.  Voltage
** follows the clock as s^(d/2), so energy per switched gate goes as s^d and
** the clocked logic's power as s^(1+d) (below the reference clock; s^du
** and s^(1+du) above it).
*/
#ifndef RL_POWER_H
#define RL_POWER_H

#include "fminmax.h"
#include "rl_config.h"
#include "status.h"

#include <stddef.h>

typedef struct {
	double static_w;    /* static_w and the HBM stacks' idle */
	double clocked_w;   /* clocked logic of an active chip */
	double phy_w;       /* host HBM PHYs of an active chip */
	double compute_w;   /* FMAs, with the design's overhead */
	double vector_w;    /* non-tensor operations */
	double sram_w;
	double hbm_w;
	double link_w;
	double total_w;
} rl_power_parts;

/* What a chip does per second (rl_power_at). */
typedef struct {
	double flops_per_s;  /* matrix FLOP/s (2 per FMA) */
	double hbm_Bps;      /* HBM traffic */
	double link_Bps;     /* sent over links */
	double scores_per_s; /* attention scores through softmax per second */
	double elems_per_s;  /* elements of elementwise work per second */
	double sram_Bps;     /* resident weights read from SRAM (once each) */
} rl_work_rates;

/* What a chip does in one iteration: the rates above times its time
** (rl_power_of_work). */
typedef struct {
	double flops;        /* matrix FLOPs (2 per FMA) */
	double hbm_bytes;    /* HBM traffic */
	double link_bytes;   /* sent over links */
	double scores;       /* attention scores through softmax */
	double elems;        /* elements of elementwise work */
	double sram_bytes;   /* resident weights read from SRAM (once each) */
} rl_work;

/* The lowest clock share a TDP may set (eval.c's clock fit, area's
** full-load clock): under it a chip is taken not to fit its TDP at all. */
#define RL_CLOCK_SCALE_MIN 1e-3

/* 1 where the chip keeps weights resident in SRAM, which serving reads
** from it (engine.c) and power counts (rl_power_of_work): the one test
** of chip.sram_resident_share x sram_bytes > 0 (0 on every preset). */
static inline int rl_sram_resident_on(const rl_chip *c)
{
	return c->sram_resident_share > 0 && c->sram_bytes > 0;
}

/* Energy per bit of the chip's main memory: GDDR6's where chip.memory is
** gddr6, else HBM's (power.gddr6_pj_per_bit, power.hbm_pj_per_bit). */
static inline double rl_mem_j_per_bit(const rl_config *cfg)
{
	return cfg->chip.memory_kind == RL_MEM_GDDR6 ? cfg->cost.gddr6_j_per_bit
	                                             : cfg->cost.hbm_j_per_bit;
}

/* 1 when the node gives FMA energies (power can be computed), else 0. */
static inline int rl_power_known(const rl_config *cfg)
{
	return cfg->node.fma_energy_fp16_j > 0;
}

/* The HBM stacks' refresh and standby power, W: power.hbm_idle_w_per_gb x
** design.hbm_stacks x the capacity of one (hbm_stack_gb, or the
** generation's); 0 without stacks or with GDDR6 (power.h). */
double rl_power_hbm_idle(const rl_config *cfg);

/* The board and die's static power, W, the stacks' idle aside: where
** power.idle_w gives a measured whole-chip idle, that less what the
** stacks of the chip it was measured on draw idle (power.idle_hbm_gb x
** power.hbm_idle_w_per_gb; 0 where they would draw more than it, an
** inconsistent pair), the one place static power is derived; else
** power.static_w as given (a design with no measured idle). */
double rl_power_board_w(const rl_config *cfg);

/* RL_OK, or RL_EINVAL with a message in err where the static power's
** inputs contradict: power.static_w beside a measured power.idle_w (which
** it would not be read beside), or an idle_w below what the stacks it was
** measured with draw idle (power.idle_hbm_gb x hbm_idle_w_per_gb). */
int rl_power_check(const rl_config *cfg, char *err, size_t errlen);

/* rl_power_check's test alone, no message: 1 where it would return RL_OK
** (inline: every evaluation of a chip with a measured idle asks) */
static inline int rl_power_inputs_ok(const rl_config *cfg)
{
	const rl_cost *c = &cfg->cost;
	return !(c->idle_w > 0) ||
	       (!(c->static_w > 0) &&
	        !(c->hbm_idle_w_per_byte * c->idle_hbm_bytes > c->idle_w));
}

/* Power of a chip that does nothing but stay active and clocked at share
** s: static (with the HBM stacks' idle) + clocked + PHY. */
double rl_power_active(const rl_config *cfg, double clock_scale);

/* The factor on the node's FMA and clocked-logic energies at clock share s
** of the design's nominal clock: (clock / node.ref_clock_ghz) to the
** power.dvfs_exponent below the reference, _above above it; with no
** reference, s to the dvfs_exponent (power.c's dvfs). */
double rl_power_clock_energy(const rl_config *cfg, double s);

/* Power of one chip doing the given work per second at clock share s
** (parts may be NULL). */
double rl_power_at(const rl_config *cfg, int prec, double clock_scale,
                   const rl_work_rates *w, rl_power_parts *parts);

/* What rl_power_at works out that does not depend on the work: for one
** configuration, precision and clock share s, so that the two phases of
** an evaluation (and the bubble, at s = 1) share it (eval.c). */
typedef struct {
	double static_w;   /* static_w and the HBM stacks' idle (rl_power_hbm_idle) */
	double clocked_base_w; /* clocked logic at s = 1 before the clock's
	                   ** energy factor (rl_power_fixed_scaled's start) */
	double fma_base_j; /* energy per FMA before it: rl_fma_energy */
	double clocked_w;  /* clocked logic at s */
	double phy_w;      /* host memory PHYs */
	double active_w;   /* static + clocked + PHY: rl_power_active(cfg, s) */
	double fma_j;      /* energy per FMA at s: rl_fma_energy x s^d */
	double vector_j;   /* energy per vector operation at s */
	/* rl_power_at_fixed's terms as energies per unit of work, J: per
	** FLOP (fma_j / 2 + SRAM bytes per FLOP x SRAM J per byte), per HBM
	** byte (its 8 bits and 2 SRAM bytes), per link byte, per score and
	** per elementwise element (vector operations each x vector_j) */
	double flop_j, hbm_byte_j, link_byte_j, score_j, elem_j;
	double sram_byte_j; /* per byte of resident weights read from SRAM */
} rl_power_fixed;

void rl_power_fixed_of(const rl_config *cfg, int prec, double clock_scale,
                       rl_power_fixed *f);
/* rl_power_fixed_of at clock share s from its value at 1 (full, of the
** same cfg and precision), bit for bit: the clock's factors on it, not
** the chip's energies and clocked logic worked out again (the TDP fit's
** steps, eval.c). */
void rl_power_fixed_scaled(const rl_config *cfg, const rl_power_fixed *full,
                           double s, rl_power_fixed *f);

/* rl_power_at with its fixed share f (from the same cfg and precision, at
** the clock share wanted): the same result, bit for bit, with its parts.
** w->sram_Bps counts only where rl_sram_resident_on(&cfg->chip).
** An evaluation's phases take rl_power_of_work below instead (eval.c). */
static inline double rl_power_at_fixed(const rl_config *cfg,
                                       const rl_power_fixed *f,
                                       const rl_work_rates *w,
                                       rl_power_parts *parts)
{
	const rl_cost *c = &cfg->cost;
	rl_power_parts p;
	p.static_w = f->static_w;
	p.clocked_w = f->clocked_w;
	p.phy_w = f->phy_w;
	p.compute_w = f->fma_j * w->flops_per_s * 0.5;
	p.vector_w = f->vector_j * (c->vector_ops_per_score * w->scores_per_s +
	                            c->vector_ops_per_elem * w->elems_per_s);
	/* resident weights' reads only where the chip keeps any: the same
	** test (rl_sram_resident_on) as rl_power_of_work's sram, so the two
	** paths agree by construction; + 0 without them adds nothing */
	p.sram_w = cfg->node.sram_energy_j_per_byte *
	           (c->sram_bytes_per_flop * w->flops_per_s + 2.0 * w->hbm_Bps +
	            (rl_sram_resident_on(&cfg->chip) ? w->sram_Bps : 0));
	p.hbm_w = rl_mem_j_per_bit(cfg) * 8.0 * w->hbm_Bps;
	p.link_w = c->link_j_per_bit * 8.0 * w->link_Bps;
	/* static + clocked + PHY first, as active_w adds them: the same sum */
	p.total_w = f->active_w + p.compute_w + p.vector_w + p.sram_w +
	            p.hbm_w + p.link_w;
	if (parts)
		*parts = p;
	return p.total_w;
}

/* rl_power_at_fixed of the work of one iteration: flops, HBM and link
** bytes, scores and elements (the rates times the time) over a time
** whose reciprocal is per_t, as the chip's active power plus the work's
** energy per unit time (the same sum, reassociated: it may differ in its
** last bits; one product by per_t, not five). */
static inline double rl_power_of_work(const rl_power_fixed *f,
                                      const rl_work *work, double per_t,
                                      int sram)
{
	double w = f->active_w +
	           (f->flop_j * work->flops + f->hbm_byte_j * work->hbm_bytes +
	            f->link_byte_j * work->link_bytes + f->score_j * work->scores +
	            f->elem_j * work->elems) *
	               per_t;
	/* (resident weights' reads added where the chip keeps any: sram is
	** rl_sram_resident_on of its chip, a constant where the caller has
	** tested it (eval.c keeps it with the power memo), not a compare of
	** a double per phase; without them nothing is added: w > 0, and
	** w + 0 is w) */
	if (RL_UNLIKELY(sram) && work->sram_bytes != 0)
		w += f->sram_byte_j * work->sram_bytes * per_t;
	return w;
}

/* rl_power_at for matrix, HBM and link rates alone (no non-tensor work). */
double rl_power_of(const rl_config *cfg, int prec, double clock_scale,
                   double flops_per_s, double hbm_Bps, double link_Bps,
                   rl_power_parts *parts);

#endif
