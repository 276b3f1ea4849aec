/*
** params.c: the table of named parameters and its accessors.
**
** This is the single place where a parameter is declared.  A row gives the
** user-facing name (with its unit), the display unit and its factor to SI,
** the range and default in display units, the type, and a one-line doc.
** Everything else (INI files, --set, `rooflab params`, sweeps, database
** columns) walks this table.
*/
#include "params.h"
#include "numtext.h"
#include "utf8.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const prec_choices[] = {"auto", "fp4", "fp8", "fp16",
                                           "bf16", "fp32", NULL};
static const char *const ar_choices[] = {"ring", "two_shot", "one_shot",
                                         "switch", NULL};
static const char *const topo_choices[] = {"switch", "mesh", "ring", NULL};
static const char *const bool_choices[] = {"false", "true", NULL};
static const char *const mlp_choices[] = {"gated", "plain", NULL};
/* rl_batch_rule (benchrule.h) */
static const char *const batch_rule_choices[] = {
	"fixed", "trtllm_bench_build", "trtllm_bench_pytorch", NULL};
/* rl_logits_rows (rl_config.h) */
static const char *const logits_rows_choices[] = {"max_batch_size",
                                                  "profiling_pass", NULL};
/* rl_moe_dispatch (rl_config.h) */
static const char *const moe_dispatch_choices[] = {"alltoall", "allgather",
                                                   NULL};
static const char *const hbm_choices[] = {"none", "hbm2e", "hbm3", "hbm3e",
                                          "hbm4", NULL};
/* rl_memory_kind (rl_config.h) */
static const char *const memory_choices[] = {"hbm", "gddr6", NULL};
#define OFF(field) offsetof(rl_config, field)
#define BIG 1e12

/* section, key, unit, scale, min, max, default, type, choices, offset, doc */
static const rl_param table[] = {
/* ---- chip: the spec sheet the engine uses ---- */
{"chip", "peak_tflops_bf16", "TFLOPS", 1e12, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(chip.peak_flops_bf16), "dense FP16/BF16 matrix peak (0: none; attention "
 "then runs at the compute precision's peak)", 1},
{"chip", "peak_tflops_fp8", "TFLOPS", 1e12, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(chip.peak_flops_fp8), "dense FP8 matrix peak (0: no FP8 support)", 0},
{"chip", "peak_tflops_fp4", "TFLOPS", 1e12, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(chip.peak_flops_fp4), "dense FP4 matrix peak (0: no FP4 support)", 0},
{"chip", "peak_tflops_vector", "TFLOPS", 1e12, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(chip.peak_flops_vector), "FP32 non-matrix peak (0: unknown)", 0},
{"chip", "hbm_gb", "GB", 1e9, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(chip.hbm_bytes), "memory capacity per chip (1 GB = 1e9 bytes)", 0},
{"chip", "hbm_tbps", "TB/s", 1e12, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(chip.hbm_Bps), "memory bandwidth per chip (shipping chips, L40S's "
 "GDDR6 to B200's 8 HBM3E stacks: hardware.csv, hardware-more.csv; range "
 "0.864-8)", 0},
{"chip", "link_gbps", "GB/s", 1e9, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(chip.link_Bps), "chip-to-chip bandwidth, one direction", 0},
{"chip", "link_latency_us", "us", 1e-6, 0, 1e4, 0, RL_PT_REAL, NULL,
 OFF(chip.link_latency_s), "latency of one step of a collective", 0},
{"chip", "sram_mb", "MB", 1e6, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(chip.sram_bytes), "on-chip SRAM (caches and buffers)", 0},
{"chip", "tdp_w", "W", 1, 0, 1e5, 0, RL_PT_REAL, NULL, OFF(chip.tdp_w),
 "thermal design power (0: no limit)", 1},
{"chip", "topology", "", 1, 0, 2, 0, RL_PT_ENUM, topo_choices,
 OFF(chip.topology),
 "links between chips: switch, mesh (a link to each other chip) or ring", 0},
{"chip", "in_network_reduction", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(chip.in_network_reduction),
 "the switch reduces all-reduces itself (NVLS-like; needs topology switch)", 0},
{"chip", "by_design", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(chip.by_design), "derive the spec from the [design] section", 0},
{"chip", "sram_resident_share", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(chip.sram_resident_share),
 "share of chip.sram_mb software keeps weights resident in, read from SRAM "
 "instead of HBM (a managed scratchpad; 0: a cache, as a GPU's L2, which "
 "streamed weights evict; no preset has a source for more)", 0},
{"chip", "sram_tbps", "TB/s", 1e12, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(chip.sram_Bps),
 "SRAM read bandwidth for resident weights (0: unknown; a chip by design "
 "derives it, design.sram_b_per_clk_per_kb)", 0},
{"chip", "sram_hbm_copy", "", 1, 0, 1, 1, RL_PT_BOOL, bool_choices,
 OFF(chip.sram_hbm_copy),
 "weights resident in SRAM keep their copy in HBM (true: software loads them "
 "from there, as every preset; false: loaded into SRAM alone, ASSUMPTION as "
 "Chiplet Cloud's SRAM-only chips, arXiv 2307.02666: their bytes free HBM "
 "for the KV cache, and a chip without HBM serves where weights, runtime "
 "and KV cache fit in the resident share)", 0},
{"chip", "memory", "", 1, 0, 1, 0, RL_PT_ENUM, memory_choices,
 OFF(chip.memory_kind),
 "what hbm_gb and hbm_tbps are: hbm (stacks on a silicon interposer, whose "
 "price per GB and interposer the cost model counts) or gddr6 (packages on "
 "the board: no interposer, and no price per GB in data/sources/silicon.csv, "
 "so the chip's cost is n/a)", 0},

/* ---- design: a chip described by its silicon (silicon.c) ---- */
{"design", "die_mm2", "mm2", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(design.die_m2), "area of one die (the node's reticle limits it)", 0},
{"design", "dies", "dies", 1, 1, 64, 1, RL_PT_INT, NULL, OFF(design.dies),
 "dies per package", 0},
{"design", "frac_mac", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(design.frac_mac), "area share of matrix (MAC) arrays", 0},
{"design", "frac_vector", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(design.frac_vector), "area share of vector units", 0},
{"design", "frac_sram", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(design.frac_sram), "area share of SRAM (more takes the die's "
 "unassigned rest, not MAC area: lower frac_mac too to trade them)", 0},
{"design", "frac_phy", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(design.frac_phy), "area share of HBM PHYs and I/O", 0},
{"design", "frac_other", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(design.frac_other), "area share of control and other logic", 0},
{"design", "mac_mm2", "mm2", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(design.mac_m2), "area of matrix (MAC) arrays per die (its share: mac_mm2 / die_mm2, "
 "instead of frac_mac; 0: frac_mac gives it; not both at once)", 0},
{"design", "vector_mm2", "mm2", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(design.vector_m2), "area of vector units per die (its share: vector_mm2 / die_mm2, "
 "instead of frac_vector; 0: frac_vector gives it; not both at once)", 0},
{"design", "sram_mm2", "mm2", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(design.sram_m2), "area of SRAM per die (its share: sram_mm2 / die_mm2, "
 "instead of frac_sram; 0: frac_sram gives it; not both at once)", 0},
{"design", "phy_mm2", "mm2", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(design.phy_m2), "area of HBM PHYs and I/O per die (its share: phy_mm2 / die_mm2, "
 "instead of frac_phy; 0: frac_phy gives it; not both at once)", 0},
{"design", "other_mm2", "mm2", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(design.other_m2), "area of control and other logic per die (its share: other_mm2 / die_mm2, "
 "instead of frac_other; 0: frac_other gives it; not both at once)", 0},
{"design", "transistors_per_fma", "", 1, 1, 1e7, 10000, RL_PT_REAL, NULL,
 OFF(design.transistors_per_fma),
 "transistors of one FP16 FMA in a MAC array (about 10,000: Etched, claims.md)", 0},
{"design", "clock_ghz", "GHz", 1e9, 0, 100, 0, RL_PT_REAL, NULL,
 OFF(design.clock_hz), "MAC array clock (boost clocks of shipping chips, "
 "A100 to L40S: hardware.csv, hardware-more.csv; range 1.41-2.52)", 0},
{"design", "density_mtr_per_mm2", "MTr/mm2", 1e12, 0, 1e4, 0, RL_PT_REAL,
 NULL, OFF(design.density_per_m2),
 "achieved transistor density (0: transistors / die_mm2, else the node's)", 1},
{"design", "fp8_per_bf16", "", 1, 0, 16, 2, RL_PT_REAL, NULL,
 OFF(design.fp8_per_bf16),
 "FP8 / BF16 matrix rate (2 on H100 and B200, hardware.csv; 0: no FP8)", 0},
{"design", "fp4_per_bf16", "", 1, 0, 64, 0, RL_PT_REAL, NULL,
 OFF(design.fp4_per_bf16), "FP4 / BF16 matrix rate (0: no FP4; 4 on B200)", 0},
{"design", "hbm_gen", "", 1, 0, 4, 0, RL_PT_ENUM, hbm_choices,
 OFF(design.hbm_gen), "HBM generation (sets stack capacity and bandwidth)", 0},
{"design", "hbm_stacks", "stacks", 1, 0, 64, 0, RL_PT_INT, NULL,
 OFF(design.hbm_stacks), "HBM stacks per package", 0},
{"design", "hbm_stack_gb", "GB", 1e9, 0, 1e4, 0, RL_PT_REAL, NULL,
 OFF(design.hbm_stack_bytes), "capacity of one stack (0: the generation's)", 1},
{"design", "hbm_stack_gbps", "GB/s", 1e9, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(design.hbm_stack_Bps), "bandwidth of one stack (0: the generation's)", 1},
{"design", "hbm_phy_edge_mm", "mm", 1e-3, 0, 100, 6.5, RL_PT_REAL, NULL,
 OFF(design.hbm_phy_edge_m),
 "die edge one stack's PHY takes (GA100 die photo 6.2-6.7 mm, silicon.csv)", 0},
{"design", "hbm_phy_mm2", "mm2", 1e-6, 0, 1e3, 9.7, RL_PT_REAL, NULL,
 OFF(design.hbm_phy_m2),
 "die area of one stack's PHY (GA100 58 mm2 / 6 sites, silicon.csv)", 0},
{"design", "aspect_ratio", "", 1, 1, 10, 1.269, RL_PT_REAL, NULL,
 OFF(design.aspect_ratio),
 "long / short side of the die (1.269: the 33 x 26 mm reticle)", 0},
{"design", "energy_overhead", "", 1, 1, 1000, 1, RL_PT_REAL, NULL,
 OFF(design.energy_overhead),
 "energy of one FMA on this design / the node's bare FMA (operands, control)", 0},
/* kB is 1,000 bytes, as MB in chip.sram_mb and node.sram_mb_per_mm2 (SI
** throughout).  The source's macro is binary: silicon.csv's "8KB" SRAM
** with a 64-bit port is 8 KiB = 8,192 bytes read 8 bytes a clock, 8 /
** 8,192 per byte, converted here once to 0.9765625 per kB (its range, 0.25
** to 1 per KiB, is 0.244-0.977 per kB); until 2026-11-30 this KB was 1,024
** bytes beside the decimal MB */
{"design", "sram_b_per_clk_per_kb", "B/clk/kB", 1e-3, 0, 64,
 8.0 / 8192 * 1000, RL_PT_REAL, NULL, OFF(design.sram_read_per_clk),
 "SRAM bytes read per clock per kB (1,000 bytes) held, all macros at once "
 "(ASSUMPTION 0.9765625: silicon.csv's 8 KB macro, 8,192 bytes, with a "
 "64-bit port, 8 bytes a clock; range 0.244-0.977, larger macros on the "
 "same port)", 0},
{"design", "transistors", "", 1, 0, 1e13, 0, RL_PT_REAL, NULL,
 OFF(design.transistors), "transistors per die (spec sheet)", 0},
{"design", "fma_units", "", 1, 0, 1e12, 0, RL_PT_REAL, NULL,
 OFF(design.fma_units),
 "FP16 FMA units per package (spec sheet: tensor cores x FMA each)", 0},

/* ---- node: a process node (data/nodes/) ---- */
{"node", "logic_mtr_per_mm2", "MTr/mm2", 1e12, 0, 1e4, 0, RL_PT_REAL, NULL,
 OFF(node.logic_density_per_m2), "logic transistor density", 0},
{"node", "sram_mb_per_mm2", "MB/mm2", 1e12, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(node.sram_bytes_per_m2), "SRAM macro density (with periphery)", 0},
{"node", "fma_pj_fp16", "pJ", 1e-12, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(node.fma_energy_fp16_j), "energy of one FP16/BF16 FMA (0: unknown, no "
 "power model: power.h)", 1},
{"node", "fma_pj_fp8", "pJ", 1e-12, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(node.fma_energy_fp8_j), "energy of one FP8 FMA (0: fma_pj_fp16's)", 1},
{"node", "fma_pj_fp4", "pJ", 1e-12, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(node.fma_energy_fp4_j), "energy of one FP4 FMA (0: fma_pj_fp8's, else "
 "fma_pj_fp16's)", 1},
{"node", "sram_pj_per_byte", "pJ/B", 1e-12, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(node.sram_energy_j_per_byte), "SRAM access energy per byte", 0},
{"node", "wafer_usd", "USD", 1, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(node.wafer_usd), "price of one processed wafer", 0},
{"node", "wafer_mm", "mm", 1e-3, 1, 1000, 300, RL_PT_REAL, NULL,
 OFF(node.wafer_diameter_m), "wafer diameter", 0},
{"node", "defects_per_cm2", "1/cm2", 1e4, 0, 100, 0, RL_PT_REAL, NULL,
 OFF(node.defect_density_per_m2), "defect density D0", 0},
{"node", "reticle_mm2", "mm2", 1e-6, 1, 1e5, 858, RL_PT_REAL, NULL,
 OFF(node.reticle_m2), "reticle limit (26 x 33 mm scanner field, silicon.csv)", 0},
{"node", "yield_alpha", "", 1, 0, 1000, 3, RL_PT_REAL, NULL,
 OFF(node.yield_alpha),
 "negative-binomial yield clustering (3: ttm-cas, silicon.csv); 0: Murphy", 0},
{"node", "ref_clock_ghz", "GHz", 1e9, 0, 100, 0, RL_PT_REAL, NULL,
 OFF(node.ref_clock_hz),
 "clock at which the node's FMA and clocked-logic energies hold (0: the "
 "design's nominal clock; under a TDP energy per operation falls as "
 "(clock / this)^power.dvfs_exponent below it and rises as "
 "(clock / this)^power.dvfs_exponent_above above it)", 1},

/* ---- power: what a chip draws (power.c) ---- */
{"power", "static_w", "W", 1, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(cost.static_w), "idle and leakage power per chip besides its HBM stacks' "
 "(power.hbm_idle_w_per_gb), for a design with no measured idle: where "
 "power.idle_w is given it is derived from that and this is not read", 0},
{"power", "idle_w", "W", 1, 0, 1e5, 0, RL_PT_REAL, NULL, OFF(cost.idle_w),
 "measured idle power of a whole chip, its HBM stacks' included, from which "
 "the board and die's static power is derived: this less power.idle_hbm_gb x "
 "power.hbm_idle_w_per_gb (H100: 70 W, silicon.csv; 0: none, static_w "
 "as given)", 0},
{"power", "idle_hbm_gb", "GB", 1e9, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(cost.idle_hbm_bytes),
 "GB of HBM stacks on the chip whose idle power.idle_w is, which may not be "
 "this design's (the H200 takes the H100's 70 W with its 80 GiB = 85.9 GB; "
 "0: none, a GDDR6 chip)", 0},
{"power", "hbm_pj_per_bit", "pJ/bit", 1e-12, 0, 1e3, 5, RL_PT_REAL, NULL,
 OFF(cost.hbm_j_per_bit),
 "HBM access energy (ASSUMPTION 5; HBM2 3.9, HBM2E 6.0: silicon.csv)", 0},
{"power", "gddr6_pj_per_bit", "pJ/bit", 1e-12, 0, 1e3, 7.5, RL_PT_REAL, NULL,
 OFF(cost.gddr6_j_per_bit),
 "GDDR6 access energy, in hbm_pj_per_bit's place where chip.memory is gddr6 "
 "(7.5: Micron GDDR6 14-16 Gb/s average device power, silicon.csv; range "
 "7.25, GDDR6X, to 10, off-package DRAM)", 0},
{"power", "link_pj_per_bit", "pJ/bit", 1e-12, 0, 1e3, 5.5, RL_PT_REAL, NULL,
 OFF(cost.link_j_per_bit),
 "chip-to-chip link energy (ASSUMPTION 5.5; 1.3-5.5: silicon.csv)", 0},
{"power", "sram_bytes_per_flop", "B/FLOP", 1, 0, 100, 0.01, RL_PT_REAL, NULL,
 OFF(cost.sram_bytes_per_flop),
 "SRAM operand bytes per FLOP besides 2 x HBM traffic (ASSUMPTION: 128x128 "
 "FP8 tiles give 256 / 32768 = 0.0078; range 0.004-0.03)", 0},

{"power", "dvfs_exponent", "", 1, 0, 3, 1, RL_PT_REAL, NULL,
 OFF(cost.dvfs_exponent),
 "energy per FMA ~ clock^this under a TDP limit (ASSUMPTION 1, range 0-2)", 0},
{"power", "dvfs_exponent_above", "", 1, 0, 3, 2, RL_PT_REAL, NULL,
 OFF(cost.dvfs_exponent_above),
 "energy per operation ~ clock^this above node.ref_clock_ghz (as "
 "(clock / node.ref_clock_ghz)^this: CV^2 with the voltage rising; "
 "ASSUMPTION 2, V in proportion to the clock; range 1, as below it, to 2; "
 "no source gives a V-f curve)", 0},
{"power", "clocked_mw_per_mm2_ghz", "mW/mm2/GHz", 1e-6, 0, 1e4, 67,
 RL_PT_REAL, NULL, OFF(cost.clocked_w_per_m2_hz),
 "power of an active chip's clocked logic (clock tree, control, caches and "
 "register files) per mm2 of die per GHz, tensor units idle (ASSUMPTION 67: "
 "100 W on the H100's 814 mm2 at 1.83 GHz; range 34-134, 50-200 W)", 0},
{"power", "hbm_phy_pj_per_bit", "pJ/bit", 1e-12, 0, 1e3, 0.65, RL_PT_REAL,
 NULL, OFF(cost.hbm_phy_j_per_bit),
 "host HBM PHY per bit of peak bandwidth, drawn while active (ASSUMPTION "
 "0.65: XMAS_HBM_IO_prototype, silicon.csv; range 0.25-1.3)", 0},
{"power", "gddr6_phy_pj_per_bit", "pJ/bit", 1e-12, 0, 1e3, 1.17, RL_PT_REAL,
 NULL, OFF(cost.gddr6_phy_j_per_bit),
 "host GDDR6 PHY per bit of peak bandwidth, in hbm_phy_pj_per_bit's place "
 "where chip.memory is gddr6 (ASSUMPTION 1.17: NVIDIA's 25 Gb/s GRS link, "
 "silicon.csv; range 0.54, its 20 Gb/s over 4.5 mm, to 2.5, off-package "
 "DRAM's 10 less GDDR6's 7.5)", 0},
{"power", "hbm_idle_w_per_gb", "W/GB", 1e-9, 0, 100, 0.15, RL_PT_REAL, NULL,
 OFF(cost.hbm_idle_w_per_byte),
 "HBM refresh and standby per GB of the design's stacks (design.hbm_stacks "
 "x stack capacity), drawn whenever the chip is powered, besides static_w "
 "(ASSUMPTION 0.15: H200 idle 80.3 W less H100 70 W over their 154.6 less "
 "85.9 GB of stacks, silicon.csv; range 0, none of it, to 0.6, all of it "
 "one 16 GiB stack's)", 0},
{"power", "vector_pj_per_op", "pJ", 1e-12, 0, 1e3, 6, RL_PT_REAL, NULL,
 OFF(cost.vector_j_per_op),
 "one non-tensor operation with its operands and issue (ASSUMPTION 6; range "
 "1.2, an N4 FP32 FMA, to 30, GPU_instruction_overhead_energy: silicon.csv)", 0},
{"power", "vector_ops_per_score", "", 1, 0, 100, 5, RL_PT_REAL, NULL,
 OFF(cost.vector_ops_per_score),
 "softmax operations per attention score: max, subtract, exp, sum, scale "
 "(ASSUMPTION 5, range 4-8)", 0},
{"power", "vector_ops_per_elem", "", 1, 0, 100, 4, RL_PT_REAL, NULL,
 OFF(cost.vector_ops_per_elem),
 "operations per element of elementwise work (norms, residual adds, "
 "activations; ASSUMPTION 4, range 1-8)", 0},

/* ---- cost: chip cost and cost per token (cost.c) ---- */
{"cost", "hbm_usd_per_gb", "USD/GB", 1e-9, 0, 1e5, 15, RL_PT_REAL, NULL,
 OFF(cost.hbm_usd_per_byte),
 "HBM price (7-18 USD/GB estimates, silicon.csv)", 0},
{"cost", "package_usd", "USD", 1, 0, 1e7, 1670, RL_PT_REAL, NULL,
 OFF(cost.package_usd),
 "CoWoS, assembly and test per chip (H100: 750 + 920, silicon.csv)", 0},
{"cost", "interposer_usd", "USD", 1, 0, 1e7, 750, RL_PT_REAL, NULL,
 OFF(cost.interposer_usd),
 "the silicon interposer's (CoWoS-S) share of package_usd, left out for a "
 "chip without HBM (H100: 750, silicon.csv; ASSUMPTION: its organic "
 "substrate adds nothing, silicon.csv giving no organic package cost)", 0},
{"cost", "price_usd", "USD", 1, 0, 1e8, 0, RL_PT_REAL, NULL,
 OFF(cost.price_usd),
 "price a buyer pays per chip, not its manufacturing cost (0: unknown, "
 "n/a; each chip preset gives its source or assumption and range)", 0},
{"cost", "years", "years", 1, 0.1, 100, 4, RL_PT_REAL, NULL,
 OFF(cost.years), "amortization period (ASSUMPTION, range 3-6)", 0},
{"cost", "usd_per_kwh", "USD/kWh", 1, 0, 100, 0.10, RL_PT_REAL, NULL,
 OFF(cost.usd_per_kwh), "electricity price (ASSUMPTION, range 0.05-0.15)", 0},
{"cost", "pue", "", 1, 1, 10, 1.2, RL_PT_REAL, NULL, OFF(cost.pue),
 "data-centre power usage effectiveness (ASSUMPTION, range 1.1-1.5)", 0},
{"cost", "server_overhead", "", 1, 1, 100, 1.82, RL_PT_REAL, NULL,
 OFF(cost.server_overhead),
 "server power / chip power (H100: 1.82, Epoch, silicon.csv)", 0},

/* ---- model: a decoder-only transformer ---- */
{"model", "layers", "", 1, 1, 10000, 32, RL_PT_INT, NULL, OFF(model.layers),
 "transformer blocks", 0},
{"model", "hidden", "", 1, 1, 1e6, 4096, RL_PT_INT, NULL, OFF(model.hidden),
 "model width d", 0},
{"model", "heads", "", 1, 1, 1e5, 32, RL_PT_INT, NULL, OFF(model.heads),
 "query heads", 0},
{"model", "kv_heads", "", 1, 1, 1e5, 8, RL_PT_INT, NULL, OFF(model.kv_heads),
 "key/value heads (grouped-query attention)", 0},
{"model", "head_dim", "", 1, 1, 1e5, 128, RL_PT_INT, NULL,
 OFF(model.head_dim), "dimension of one head", 0},
{"model", "ffn_hidden", "", 1, 1, 1e7, 14336, RL_PT_INT, NULL,
 OFF(model.ffn_hidden), "MLP inner width (per expert in an MoE layer)", 0},
{"model", "vocab", "", 1, 1, 1e8, 128256, RL_PT_INT, NULL, OFF(model.vocab),
 "vocabulary size", 0},
{"model", "experts", "", 1, 1, 1e5, 1, RL_PT_INT, NULL, OFF(model.experts),
 "MLP experts per layer (1: dense)", 0},
{"model", "experts_per_token", "", 1, 1, 1e5, 1, RL_PT_INT, NULL,
 OFF(model.experts_per_token), "experts each token is routed to", 0},
{"model", "tied_embeddings", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(model.tied_embeddings), "LM head shares the embedding matrix", 0},
{"model", "mlp", "", 1, 0, 1, 0, RL_PT_ENUM, mlp_choices, OFF(model.mlp),
 "gated: gate, up and down matrices (Llama); plain: up and down (GPT-J, Falcon)", 0},
{"model", "parallel_attn_mlp", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(model.parallel_attn_mlp),
 "attention and MLP in parallel on one normed input (GPT-J, Falcon); "
 "their partial sums share one tensor-parallel all-reduce per layer", 0},
{"model", "sliding_window", "tokens", 1, 0, 1e8, 0, RL_PT_INT, NULL,
 OFF(model.sliding_window),
 "keys a windowed layer attends to (0: full attention; Mistral-7B v0.1: 4096)", 0},
{"model", "full_attn_layers", "", 1, 0, 10000, 0, RL_PT_INT, NULL,
 OFF(model.full_attn_layers),
 "layers with full attention beside the windowed ones (gpt-oss: half)", 0},
{"model", "shared_experts", "", 1, 0, 1e4, 0, RL_PT_INT, NULL,
 OFF(model.shared_experts),
 "experts of width ffn_hidden every token uses in an MoE layer (Llama-4: 1)", 0},
{"model", "dense_layers", "", 1, 0, 10000, 0, RL_PT_INT, NULL,
 OFF(model.dense_layers),
 "layers of an MoE model with a dense MLP instead (Llama-4 Maverick: 24)", 0},
{"model", "dense_ffn_hidden", "", 1, 0, 1e7, 0, RL_PT_INT, NULL,
 OFF(model.dense_ffn_hidden), "MLP width of those dense layers (0: ffn_hidden)", 0},
{"model", "expert_weight_bits", "bits", 1, 0, 32, 0, RL_PT_REAL, NULL,
 OFF(model.expert_weight_bits),
 "bits per routed-expert weight as the checkpoint stores them, shared "
 "block scales included (0: the scenario's weight precision; MXFP4, 4-bit "
 "values with an 8-bit scale per 32: 4.25, gpt-oss); the experts multiply "
 "at the wider of this and the activations (a chip without FP4 units "
 "dequantizes)", 0},
{"model", "q_lora_rank", "", 1, 0, 1e6, 0, RL_PT_INT, NULL,
 OFF(model.q_lora_rank),
 "multi-head latent attention: rank of the query's low-rank projection "
 "(d -> rank -> heads x (head_dim + qk_rope_dim); 0: one full-rank "
 "projection; DeepSeek-R1: 1536)", 0},
{"model", "kv_lora_rank", "", 1, 0, 1e6, 0, RL_PT_INT, NULL,
 OFF(model.kv_lora_rank),
 "multi-head latent attention: width of the KV latent cached per token "
 "and layer instead of per-head keys and values (0: not MLA, the "
 "grouped-query heads; DeepSeek-R1: 512); head_dim is then the "
 "no-position query/key part and the value head (DeepSeek-R1: 128)", 0},
{"model", "qk_rope_dim", "", 1, 0, 1e5, 0, RL_PT_INT, NULL,
 OFF(model.qk_rope_dim),
 "multi-head latent attention: rotary dimensions of a query/key head, "
 "the key's one per token shared by all heads and cached beside the "
 "latent (DeepSeek-R1: 64)", 0},

/* ---- scenario: what is served, on how many chips ---- */
{"scenario", "precision", "", 1, 1, 5, 2, RL_PT_ENUM, prec_choices,
 OFF(scen.precision), "weights and activations", 0},
{"scenario", "weight_precision", "", 1, 0, 5, 0, RL_PT_ENUM, prec_choices,
 OFF(scen.weight_precision), "weights (auto: precision)", 0},
{"scenario", "act_precision", "", 1, 0, 5, 0, RL_PT_ENUM, prec_choices,
 OFF(scen.act_precision), "activations (auto: precision)", 0},
{"scenario", "kv_precision", "", 1, 0, 5, 0, RL_PT_ENUM, prec_choices,
 OFF(scen.kv_precision), "KV cache (auto: precision)", 0},
{"scenario", "isl", "tokens", 1, 1, 1e7, 2048, RL_PT_INT, NULL,
 OFF(scen.isl), "input (prompt) tokens per request", 0},
{"scenario", "osl", "tokens", 1, 1, 1e7, 128, RL_PT_INT, NULL,
 OFF(scen.osl), "output tokens per request (1: prefill only)", 0},
{"scenario", "tp", "chips", 1, 1, 4096, 1, RL_PT_INT, NULL, OFF(scen.tp),
 "tensor-parallel degree", 0},
{"scenario", "pp", "stages", 1, 1, 4096, 1, RL_PT_INT, NULL, OFF(scen.pp),
 "pipeline-parallel stages", 0},
{"scenario", "ep", "chips", 1, 1, 4096, 1, RL_PT_INT, NULL, OFF(scen.ep),
 "expert-parallel degree (MoE): replicas pooling their experts", 0},
{"scenario", "chips", "chips", 1, 0, 1e7, 0, RL_PT_INT, NULL,
 OFF(scen.chips),
 "chips in the system (0: tp x pp x ep); replicas = chips / (tp x pp)", 0},
{"scenario", "osl_max", "tokens", 1, 0, 1e7, 0, RL_PT_INT, NULL,
 OFF(scen.osl_max),
 "at a request rate: output lengths vary around osl, the longest osl_max "
 "tokens, which the last requests include, and input lengths around isl "
 "(both exponential about their means, load.c 3a; the requests in flight "
 "then hold 2 osl on average, engine.c; 0: every request osl and isl)", 0},
{"scenario", "batch", "sequences", 1, 0, 1e8, 0, RL_PT_INT, NULL,
 OFF(scen.batch), "cap on concurrent sequences (0: as limits allow)", 0},

/* ---- profile: a serving stack's efficiencies and limits ---- */
{"profile", "eff_compute", "", 1, 1e-3, 1, 1, RL_PT_REAL, NULL,
 OFF(prof.eff_compute), "fraction of matrix peak reached by large GEMMs", 0},
{"profile", "gemm_m_half", "tokens", 1, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(prof.gemm_m_half),
 "tokens per iteration at which GEMM efficiency is half (0: flat)", 0},
{"profile", "eff_attention", "", 1, 1e-3, 1, 1, RL_PT_REAL, NULL,
 OFF(prof.eff_attention), "fraction of 16-bit peak reached by attention", 0},
{"profile", "eff_memory", "", 1, 1e-3, 1, 1, RL_PT_REAL, NULL,
 OFF(prof.eff_memory), "fraction of HBM bandwidth achieved", 0},
{"profile", "eff_link", "", 1, 1e-3, 1, 1, RL_PT_REAL, NULL,
 OFF(prof.eff_link), "fraction of link bandwidth achieved", 0},
{"profile", "allreduce", "", 1, 0, 3, 0, RL_PT_ENUM, ar_choices,
 OFF(prof.allreduce), "all-reduce algorithm", 0},
{"profile", "allreduce_latency_us", "us", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(prof.allreduce_latency_s), "software latency of one all-reduce", 0},
{"profile", "iter_overhead_ms", "ms", 1e-3, 0, 1e4, 0, RL_PT_REAL, NULL,
 OFF(prof.iter_overhead_s), "fixed time per iteration (scheduling, sampling)", 0},
{"profile", "layer_overhead_us", "us", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(prof.layer_overhead_s), "fixed time per layer per iteration (launches)", 0},
{"profile", "gemm_fixed_us", "us", 1e-6, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(prof.gemm_fixed_s),
 "fixed time of each GEMM kernel (t0 of t0 + bytes / bandwidth): charged "
 "per GEMM of every layer and the LM head in every iteration, CUDA-graph "
 "replays included, scaled to the chip's clock (kernel_fixed_clock_ghz; 0: "
 "none)", 0},
{"profile", "moe_layer_fixed_us", "us", 1e-6, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(prof.moe_layer_fixed_s),
 "fixed device time each MoE layer adds per iteration beside its GEMMs "
 "(the floors of its routing, top-k, permute and finalize kernels): "
 "charged in every iteration, CUDA-graph replays included, scaled to the "
 "chip's clock as gemm_fixed_us is (profile.kernel_fixed_clock_ghz; 0: "
 "none)", 0},
{"profile", "kernel_fixed_clock_ghz", "GHz", 1e9, 0, 100, 1.83, RL_PT_REAL,
 NULL, OFF(prof.kernel_fixed_clock_hz),
 "clock of the chip whose rows gave gemm_fixed_us and moe_layer_fixed_us: "
 "the H100 SXM's and H200's 1.83 GHz (data/chips/h100-sxm.ini "
 "design.clock_ghz, hardware.csv boost_clock_tensor), where every profile "
 "was fitted; on a chip of another design.clock_ghz both fixed times scale "
 "by this / that clock, a kernel's ramp, wave and tail being clock cycles "
 "(ASSUMPTION: all cycles; range from none of them, no scaling, to all; "
 "data/chips/README.md); a chip with no clock, or 0 here: the same "
 "microseconds", 0},
{"profile", "seq_overhead_us", "us", 1e-6, 0, 1e5, 0, RL_PT_REAL, NULL,
 OFF(prof.seq_overhead_s),
 "time per sequence per iteration (sampling, bookkeeping)", 0},
{"profile", "request_overhead_us", "us", 1e-6, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(prof.request_overhead_s),
 "time per request admitted (context set-up), charged to its iteration", 0},
{"profile", "eff_kv_memory", "", 1, 1e-3, 1, 1, RL_PT_REAL, NULL,
 OFF(prof.eff_kv_memory),
 "fraction of HBM bandwidth reached reading the KV cache", 0},
{"profile", "elementwise_fused", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(prof.elementwise_fused),
 "share of elementwise HBM traffic removed by fusing it into GEMMs", 0},
{"profile", "comm_overlap", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(prof.comm_overlap),
 "share of all-reduce time hidden behind compute", 0},
{"profile", "kv_precision", "", 1, 0, 5, 0, RL_PT_ENUM, prec_choices,
 OFF(prof.kv_precision),
 "KV cache precision of this stack (auto: the scenario's)", 0},
{"profile", "max_num_tokens", "tokens", 1, 1, 1e8, 8192, RL_PT_INT, NULL,
 OFF(prof.max_num_tokens),
 "tokens per iteration, prefill chunks and decode (used with batch_rule fixed)", 0},
{"profile", "max_batch_size", "sequences", 1, 1, 1e8, 2048, RL_PT_INT, NULL,
 OFF(prof.max_batch_size), "sequences per iteration (used with batch_rule fixed)", 0},
{"profile", "batch_rule", "", 1, 0, 2, 0, RL_PT_ENUM, batch_rule_choices,
 OFF(prof.batch_rule),
 "who picks max_batch_size and max_num_tokens: fixed (the two keys above), "
 "or trtllm-bench's heuristic from the model, the chips and the request "
 "lengths, per scenario: trtllm_bench_build (TensorRT backend, 0.12-0.17: "
 "KV share 0.95) or trtllm_bench_pytorch (0.19 on: the profile's "
 "kv_fraction); ASSUMPTION, recalled from TensorRT-LLM's "
 "tensorrt_llm/bench/build/tuning.py (model/benchrule.h)", 0},
{"profile", "kv_fraction", "", 1, 1e-3, 1, 0.9, RL_PT_REAL, NULL,
 OFF(prof.kv_fraction), "share of memory free after weights given to KV", 0},
{"profile", "tokens_per_block", "tokens", 1, 1, 1e5, 64, RL_PT_INT, NULL,
 OFF(prof.tokens_per_block), "paged KV-cache block size", 0},
{"profile", "eff_compute_fp8", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(prof.eff_compute_fp8),
 "fraction of the FP8 (and FP4) matrix peak reached by large FP8 (FP4) GEMMs (0: eff_compute)", 1},
{"profile", "kv_reserve", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(prof.kv_reserve),
 "true: a request reserves KV for isl+osl tokens when admitted (guaranteed no evict)", 0},
{"profile", "runtime_reserved_gb", "GB", 1e9, 0, 1e4, 0, RL_PT_REAL, NULL,
 OFF(prof.runtime_reserved_bytes),
 "memory per chip held by the runtime (context, activations)", 0},
{"profile", "frontend_ms", "ms", 1e-3, 0, 1e4, 0, RL_PT_REAL, NULL,
 OFF(prof.frontend_s),
 "time outside the engine before the first token reaches the client "
 "(tokenizer, server queues); adds to TTFT only", 0},
{"profile", "head_precision", "", 1, 0, 5, 0, RL_PT_ENUM, prec_choices,
 OFF(prof.head_precision),
 "embedding table and LM head of quantized weights (narrower than 16 bits), "
 "stored, read and multiplied (auto: the weights'); 16-bit and wider "
 "weights keep their own", 0},
{"profile", "kv_group_reread", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(prof.kv_group_reread),
 "decode attention: share of each GQA group's other query heads that read "
 "their KV head again from HBM (0: shared across the group, 1: once per head)", 0},
{"profile", "kv_reread_heads", "heads", 1, 0, 1e3, 0, RL_PT_REAL, NULL,
 OFF(prof.kv_reread_heads),
 "decode attention: query heads of each GQA group, beyond kv_group_reread's "
 "share, that read their KV head again from HBM, the same number in every "
 "group (capped at the group's other heads; 0: none)", 0},
{"profile", "logits_buffers", "", 1, 0, 100, 0, RL_PT_REAL, NULL,
 OFF(prof.logits_buffers),
 "memory per chip beside runtime_reserved_gb: this many fp32 logits buffers "
 "of max_batch_size x vocab (engine output, decoder, sampling)", 0},
{"profile", "act_buffers", "", 1, 0, 100, 0, RL_PT_REAL, NULL,
 OFF(prof.act_buffers),
 "memory per chip beside runtime_reserved_gb: this many copies of one "
 "layer's GEMM inputs and outputs for max_num_tokens tokens (engine workspace)", 0},
{"profile", "act_buffers_precision", "", 1, 0, 5, 0, RL_PT_ENUM, prec_choices,
 OFF(prof.act_buffers_precision),
 "precision of the act_buffers workspace's elements (auto: the activations'; "
 "a TensorRT engine keeps the tensors between FP8 GEMMs at 16 bits)", 0},
{"profile", "logits_rows", "", 1, 0, 1, 0, RL_PT_ENUM, logits_rows_choices,
 OFF(prof.logits_rows),
 "rows of each logits buffer held when the KV cache is sized: max_batch_size "
 "(a TensorRT engine's output buffers) or profiling_pass (the PyTorch "
 "backend sizes the KV cache after a forward pass of max_num_tokens tokens "
 "in dummy requests of isl + osl - 1 tokens, each returning its last "
 "token's logits: ceil(max_num_tokens / min(max_num_tokens, isl + osl - 1)) "
 "rows; ASSUMPTION, recalled from TensorRT-LLM's "
 "tensorrt_llm/_torch/pyexecutor/_util.py)", 0},
{"profile", "logits_passes", "", 1, 0, 100, 0, RL_PT_REAL, NULL,
 OFF(prof.logits_passes),
 "sampling: passes over the fp32 logits (tokens x vocab) that each rank makes "
 "per iteration at eff_memory (the decoder's copy, penalties, softmax, top-k), "
 "not split over tp (0: none)", 0},
{"profile", "logits_gather", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(prof.logits_gather),
 "true: each iteration all-gathers the LM head's fp32 vocabulary slices onto "
 "every tp rank, an all-gather over the links (TensorRT-LLM's lm_head "
 "gather_output); false: no logits traffic", 0},
{"profile", "allreduce_half_mb", "MB", 1e6, 0, 1e4, 0, RL_PT_REAL, NULL,
 OFF(prof.allreduce_half_bytes),
 "all-reduce message size at which the collective library reaches half "
 "its peak bandwidth (smaller messages run on fewer channels and "
 "lighter protocols); 0: every size at the peak", 0},
{"profile", "allreduce_half_link_gbps", "GB/s", 1e9, 0, 1e5, 0, RL_PT_REAL,
 NULL, OFF(prof.allreduce_half_link_Bps),
 "one-direction link bandwidth of the chip whose rows fitted "
 "allreduce_half_mb: on a chip with another link the half-bandwidth "
 "message scales with the link the group runs on (a mesh group of n of M "
 "chips: (n-1)/(M-1) of the chip's links), S_half x link / this, so the "
 "ramp costs "
 "the same time S_half / B everywhere (a latency of the library's "
 "protocols and channels, not of the wire); 0: S_half as given on every "
 "chip", 0},
{"profile", "cuda_graphs", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(prof.cuda_graphs),
 "true: decode-only iterations replay a captured CUDA graph, so they pay no "
 "layer_overhead_us (kernel launches); iterations carrying prefill still do", 0},
{"profile", "moe_gemm_eff", "", 1, 0.01, 1, 1, RL_PT_REAL, NULL,
 OFF(prof.moe_gemm_eff),
 "routed experts' grouped GEMMs, with their token permute, finalize and "
 "load imbalance: the share they reach of the efficiency of a dense GEMM "
 "of the same rows per expert (1: the same)", 0},
{"profile", "moe_dispatch", "", 1, 0, 1, 0, RL_PT_ENUM, moe_dispatch_choices,
 OFF(prof.moe_dispatch),
 "how each MoE layer moves tokens between the ep ranks: alltoall sends a "
 "token to the ranks of its k experts and back ((ep-1)/ep x k copies of "
 "it on each rank's link, each way); allgather gathers every rank's tokens "
 "onto every rank and reduce-scatters the outputs ((ep-1) copies each "
 "way, whatever k), and each rank's workspace holds the other ranks' "
 "gathered inputs and outputs for max_num_tokens tokens each, act_buffers "
 "copies", 0},
{"profile", "moe_permute", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(prof.moe_permute),
 "true: each MoE layer runs its token permute (each token read once and "
 "written k times in its experts' order, at the activations' precision) "
 "and finalize (its k expert outputs read back at >= 16 bits, weighted "
 "and summed into one) as memory-bound kernels of their own over the "
 "whole hidden width on every tensor-parallel rank (not split over tp; "
 "an all-gathering MoE permutes every rank's tokens); false: none "
 "(their time, if any, in moe_gemm_eff)", 0},
{"profile", "burst_waves", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(prof.burst_waves),
 "true: a run of R identical requests all sent at once (a published "
 "maximum-load table's num_requests) is served in waves of the whole "
 "requests the KV cache or max_batch_size admits at once, which end "
 "together, the last wave partly empty (model/waves.h); false: the steady "
 "state of an endless stream", 0},
{"profile", "run_fluid", "", 1, 0, 1, 0, RL_PT_BOOL, bool_choices,
 OFF(prof.run_fluid),
 "true: a finite run of fixed lengths at a request rate below capacity "
 "(--requests and --rate) takes its mean inter-token time over every gap "
 "and its end from the run as a fluid, the batch filling while the "
 "requests arrive and draining after the last (model/load.c 2b); false: "
 "the steady state the run's requests see on average (2a)", 0},
{"profile", "graph_logits_rows", "", 1, 0, 1e6, 0, RL_PT_REAL, NULL,
 OFF(prof.graph_logits_rows),
 "memory per chip beside runtime_reserved_gb: rows of logits (vocab wide, at "
 "the LM head's output width, >= 16 bits; gathered on every rank) that the "
 "CUDA graphs captured before the KV cache is sized keep as their outputs, "
 "a row per sequence of each captured decode batch: the sum of the captured "
 "batch sizes (0: none)", 0},
{"profile", "host_overlap", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(prof.host_overlap),
 "share of an iteration's host time (overhead_s: its fixed, per-layer "
 "launch, per-sequence and per-request times) spent while the GPU runs the "
 "iteration before: an overlap scheduler prepares and launches iteration "
 "n+1 during n's kernels, so at 1 an iteration lasts max(GPU, host) "
 "instead of their sum (0)", 0},
{"profile", "attn_overlap", "", 1, 0, 1, 0, RL_PT_REAL, NULL,
 OFF(prof.attn_overlap),
 "share of a layer's attention time that runs hidden under the same "
 "layer's GEMMs where they leave the other resource idle (the GEMMs' "
 "compute slack over their memory time, or the reverse): the iteration is "
 "charged attention less attn_overlap x (max(GEMMs) + max(attention) - "
 "max(GEMM + attention compute, GEMM + attention memory)), so at 1 the "
 "layer is one roofline as a whole; where a model's layers differ "
 "(windowed beside full attention, dense beside MoE), each kind of layer "
 "its own, summed; 0: kernels one after another, as a GPU's stream runs "
 "them (ASSUMPTION)", 0},
{"profile", "sliding_window", "", 1, 0, 1, 1, RL_PT_BOOL, bool_choices,
 OFF(prof.sliding_window),
 "true: attention and the KV cache keep to the model's sliding window; "
 "false: the runtime attends to the whole context", 0},
};

/* rl_config is the table's doubles and nothing else: every field has its
** row (rl_config_hash hashes the configuration through the table, and
** sweeps hash it so) and no padding lies between them (engine.c and
** eval.c compare spans of it with memcmp as cache keys) */
_Static_assert(sizeof table / sizeof table[0] * sizeof(double) ==
                   sizeof(rl_config),
               "one row of the parameter table per double of rl_config");

const rl_param *rl_params(size_t *count)
{
	if (count)
		*count = sizeof table / sizeof table[0];
	return table;
}

/* The first row of the section and key, in the table's order.  Each
** row's first characters are tested before its strcmps (equal strings
** have them equal): loading a file looks each key up, twice, and the
** strcmp of every row before it took 3,800 instructions a look-up
** (validation's setups in claim: 950M of claim --samples 5000's 4,070M;
** with the test 370M of 2,863M, val_trust_shipped 1,979M -> 874M). */
const rl_param *rl_param_find(const char *section, const char *key)
{
	size_t n, i;
	const rl_param *t = rl_params(&n);
	char s0 = section[0], k0 = key[0];
	for (i = 0; i < n; i++)
		if (t[i].key[0] == k0 && t[i].section[0] == s0 &&
		    !strcmp(t[i].section, section) && !strcmp(t[i].key, key))
			return &t[i];
	return NULL;
}

const rl_param *rl_param_find_full(const char *dotted)
{
	char sec[64];
	const char *dot = strchr(dotted, '.');
	size_t len;
	if (!dot)
		return NULL;
	len = (size_t)(dot - dotted);
	if (len >= sizeof sec)
		return NULL;
	memcpy(sec, dotted, len);
	sec[len] = '\0';
	return rl_param_find(sec, dot + 1);
}

size_t rl_edit_distance(const char *a, const char *b, int fold_case)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[128];
	if (la > 127 || lb > 127)
		return 1000;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			int ca = (unsigned char)a[i - 1], cb = (unsigned char)b[j - 1];
			size_t sub, best;
			if (fold_case) {
				ca = tolower(ca);
				cb = tolower(cb);
			}
			sub = prev + (ca != cb);
			best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1
			                                   : row[j - 1] + 1;
			row[j] = sub < best ? sub : best;
			prev = cur;
		}
	}
	return row[lb];
}

size_t rl_edit_allowed(size_t len)
{
	return len / 3 > 1 ? len / 3 : 1;
}

/* 1 where key (a parameter's) holds every '_'-separated word of typed, in
** any order, and typed has two words at least: 'peak_fp8' of
** peak_tflops_fp8 (its unit left out), 'mac_frac' of frac_mac (the words
** turned round). */
static int words_within(const char *typed, const char *key)
{
	const char *w = typed;
	int nw = 0;
	while (*w) {
		size_t l = strcspn(w, "_");
		const char *k = key;
		int found = 0;
		if (!l)
			return 0;
		while (*k && !found) {
			size_t kl = strcspn(k, "_");
			found = kl == l && !strncmp(k, w, l);
			k += kl + (k[kl] == '_');
		}
		if (!found)
			return 0;
		nw++;
		w += l + (w[l] == '_');
	}
	return nw >= 2;
}

size_t rl_param_suggest(const char *dotted, const char **out, size_t max,
                        char buf[][64])
{
	size_t n, i, k, got = 0;
	size_t dist[16];
	const rl_param *t = rl_params(&n);
	const char *dot = strchr(dotted, '.');
	const char *keyonly = dot ? dot + 1 : dotted;
	if (max > 16)
		max = 16;
	for (i = 0; i < n; i++) {
		char full[64];
		size_t d, d2;
		int near;
		snprintf(full, sizeof full, "%s.%s", t[i].section, t[i].key);
		d = rl_edit_distance(dotted, full, 1);
		d2 = rl_edit_distance(keyonly, t[i].key, 1);
		/* near: a third of the typed key edited at most (one edit below
		** six letters: 'pt' -> pp, 'hbm_tbs' -> hbm_tbps, 'hbm_tbsp'
		** two), in the whole name (chip_hbm_tbps) or the key alone (a key
		** under the wrong section: model.hbm_tbps -> chip.hbm_tbps); the
		** section's letters buy no edits ('chip.x' is not chip.tp).  The bound was
		** 3 + len/4 edits and "nothing in common" only every letter
		** edited, so a name sharing one letter passed: node.name ->
		** cost.pue (3 edits of 4), nope -> cost.pue, model.mlp. */
		near = d <= rl_edit_allowed(strlen(keyonly)) ||
		       d2 <= rl_edit_allowed(strlen(keyonly));
		if (d2 < d)
			d = d2;
		/* A substring match is a good suggestion too, and so is a key
		** holding each word typed (its unit or order apart) */
		if ((strlen(keyonly) >= 3 && strstr(t[i].key, keyonly)) ||
		    words_within(keyonly, t[i].key)) {
			d = d < 2 ? d : 2;
			near = 1;
		}
		if (!near)
			continue;
		/* insertion sort into the best `max` */
		for (k = got; k > 0 && dist[k - 1] > d; k--)
			if (k < max) {
				dist[k] = dist[k - 1];
				memcpy(buf[k], buf[k - 1], 64);
			}
		if (k < max) {
			dist[k] = d;
			snprintf(buf[k], 64, "%s", full);
			if (got < max)
				got++;
		}
	}
	for (i = 0; i < got; i++)
		out[i] = buf[i];
	return got;
}

double *rl_param_ptr(rl_config *cfg, const rl_param *p)
{
	return (double *)((char *)cfg + p->offset);
}

double rl_param_get(const rl_config *cfg, const rl_param *p)
{
	const double *v = (const double *)((const char *)cfg + p->offset);
	return *v / p->scale;
}

void rl_config_defaults(rl_config *cfg)
{
	size_t n, i;
	const rl_param *t = rl_params(&n);
	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < n; i++)
		*rl_param_ptr(cfg, &t[i]) = t[i].def * t[i].scale;
}

static uint64_t fnv_text(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

uint64_t rl_config_hash(uint64_t h, const rl_config *cfg)
{
	return rl_config_hash_section(h, cfg, NULL);
}

uint64_t rl_config_hash_section(uint64_t h, const rl_config *cfg,
                                const char *section)
{
	size_t n, i;
	const rl_param *t = rl_params(&n);
	for (i = 0; i < n; i++) {
		const double v = *(const double *)((const char *)cfg +
		                                   t[i].offset);
		char buf[64];
		const char *name = NULL;
		if (section && strcmp(t[i].section, section))
			continue;
		if (t[i].choices && v >= 0 && v < 64 && v == floor(v)) {
			int c;
			for (c = 0; t[i].choices[c]; c++)
				if (c == (int)v) {
					name = t[i].choices[c];
					break;
				}
		}
		if (!name) {
			/* -0 == 0: one text for both */
			snprintf(buf, sizeof buf, "%.17g", v == 0 ? 0.0 : v);
			name = buf;
		}
		h = fnv_text(h, t[i].section);
		h = fnv_text(h, ".");
		h = fnv_text(h, t[i].key);
		h = fnv_text(h, "=");
		h = fnv_text(h, name);
		h = fnv_text(h, "\x1e");
	}
	return h;
}

int rl_param_choice(const rl_param *p, const char *name)
{
	int i;
	if (!p->choices)
		return -1;
	for (i = 0; p->choices[i]; i++)
		if (!strcasecmp(p->choices[i], name))
			return i;
	return -1;
}

static void range_text(const rl_param *p, char *buf, size_t len)
{
	if (p->type == RL_PT_ENUM || p->type == RL_PT_BOOL) {
		size_t used = 0;
		int i;
		buf[0] = '\0';
		for (i = (int)p->min; i <= (int)p->max && p->choices[i]; i++) {
			int w = snprintf(buf + used, len - used, "%s%s",
			                 used ? "|" : "", p->choices[i]);
			if (w < 0 || (size_t)w >= len - used)
				break;
			used += (size_t)w;
		}
	} else {
		char lo[32], hi[32];
		snprintf(buf, len, "[%s, %s]%s%s",
		         rl_number_write(p->min, lo, sizeof lo),
		         rl_number_write(p->max, hi, sizeof hi),
		         p->unit[0] ? " " : "", p->unit);
	}
}

void rl_param_allowed_text(const rl_param *p, char *buf, size_t len)
{
	char lo[32], hi[32];
	if (p->type == RL_PT_ENUM || p->type == RL_PT_BOOL) {
		char names[256];
		range_text(p, names, sizeof names);
		snprintf(buf, len, "one of %s", names);
		return;
	}
	snprintf(buf, len, "%s%s to %s%s%s",
	         p->type == RL_PT_INT ? "whole numbers " : "",
	         rl_number_write(p->min, lo, sizeof lo),
	         rl_number_write(p->max, hi, sizeof hi), p->unit[0] ? " " : "",
	         p->unit);
}

const rl_param *rl_param_other_form(const rl_param *p)
{
	char key[64];
	size_t n;
	if (strcmp(p->section, "design"))
		return NULL;
	n = strlen(p->key);
	if (!strncmp(p->key, "frac_", 5)) {
		snprintf(key, sizeof key, "%s_mm2", p->key + 5);
		return rl_param_find("design", key);
	}
	if (n > 4 && n < 40 && !strcmp(p->key + n - 4, "_mm2")) {
		snprintf(key, sizeof key, "frac_%.*s", (int)(n - 4), p->key);
		return rl_param_find("design", key);
	}
	return NULL;
}

/* a share set clears its block's area (rl_param_other_form) */
static void set_field(rl_config *cfg, const rl_param *p, double v)
{
	const rl_param *q;
	*rl_param_ptr(cfg, p) = v * p->scale;
	if (!strncmp(p->key, "frac_", 5) && (q = rl_param_other_form(p)))
		*rl_param_ptr(cfg, q) = 0;
}

/* What a value outside the range may have meant, for its message: a
** share written as a percentage, 2 to 100 ("; it is a share, not a
** percentage: 60% is 0.6", where it read "a share of 1: 60% is 0.6"),
** or a number in the unit a thousand times smaller ("; the unit is
** TB/s: 4800 GB/s is 4.8"), each only where that reading is in the
** range; "" else.
** Both numbers in all their digits (rl_number_write: "4800000 MB/s is
** 4800", where %g wrote 4.8e+06). */
static const char *range_hint(const rl_param *p, double v, char *buf,
                              size_t len)
{
	static const char *const milli[][2] = {
		{"TB/s", "GB/s"}, {"GB/s", "MB/s"}, {"GHz", "MHz"},
		{"TFLOPS", "GFLOPS"}, {"GB", "MB"}, {"MB", "kB"}};
	size_t i;
	char a[32], b[32];
	buf[0] = '\0';
	if (p->type != RL_PT_REAL && p->type != RL_PT_INT)
		return buf;
	/* a share's percentage from 2 up: there it is the likely reading
	** (60 for 0.6).  Between 1 and 2 a ratio or a factor reads as well
	** ("1.5" for 150% or 1.5x), or a typo (1.5 for 0.15), and the hint
	** would send the reader to a share of under 2%, a hundred times
	** smaller than either reading: the range alone is said there */
	if (!p->unit[0] && p->max == 1 && v >= 2 && v <= 100 &&
	    v / 100 >= p->min) {
		snprintf(buf, len, "; it is a share, not a percentage: %s%% is %s",
		         rl_number_write(v, a, sizeof a),
		         rl_number_write(v / 100, b, sizeof b));
		return buf;
	}
	for (i = 0; i < sizeof milli / sizeof milli[0]; i++)
		if (!strcmp(p->unit, milli[i][0]) && v > p->max &&
		    v / 1000 >= p->min && v / 1000 <= p->max) {
			snprintf(buf, len, "; the unit is %s: %s %s is %s", p->unit,
			         rl_number_write(v, a, sizeof a), milli[i][1],
			         rl_number_write(v / 1000, b, sizeof b));
			break;
		}
	return buf;
}

int rl_param_set(rl_config *cfg, const rl_param *p, double v, char *err,
                 size_t errlen)
{
	char range[256];
	if (!isfinite(v)) {
		range_text(p, range, sizeof range);
		snprintf(err, errlen, "%s.%s: value is not a finite number "
		         "(allowed: %s%s)", p->section, p->key,
		         p->type == RL_PT_INT ? "whole numbers " : "", range);
		return RL_P_NOTNUM;
	}
	/* inside the range but not whole (design.hbm_stacks = 1.5): the
	** range is not what is wrong, so the message does not say outside */
	if (p->type == RL_PT_INT && v >= p->min && v <= p->max &&
	    v != floor(v)) {
		char vt[32];
		rl_param_allowed_text(p, range, sizeof range);
		snprintf(err, errlen, "%s.%s = %s is not a whole number (allowed: "
		         "%s)", p->section, p->key, rl_number_write(v, vt, sizeof vt),
		         range);
		return RL_P_RANGE;
	}
	if (v < p->min || v > p->max ||
	    ((p->type == RL_PT_INT || p->type == RL_PT_ENUM ||
	      p->type == RL_PT_BOOL) && v != floor(v))) {
		char hint[96], vt[32];
		range_text(p, range, sizeof range);
		snprintf(err, errlen, "%s.%s = %s is outside the allowed %s%s%s",
		         p->section, p->key, rl_number_write(v, vt, sizeof vt),
		         p->type == RL_PT_INT ? "whole numbers " : "", range,
		         range_hint(p, v, hint, sizeof hint));
		return RL_P_RANGE;
	}
	set_field(cfg, p, v);
	return RL_P_OK;
}

int rl_param_set_text(rl_config *cfg, const rl_param *p, const char *text,
                      char *err, size_t errlen)
{
	double v;
	int rc = rl_param_value_text(p, text, &v, err, errlen);
	if (rc != RL_P_OK)
		return rc;
	set_field(cfg, p, v);
	return RL_P_OK;
}

int rl_param_value_text(const rl_param *p, const char *text, double *out,
                        char *err, size_t errlen)
{
	rl_config cfg; /* rl_param_set's checks, on a copy */
	char q[160]; /* rl_utf8_quote's quote of a value */
	double v;
	int rc, num;
	if (p->choices) {
		int c = rl_param_choice(p, text);
		if (c < 0 && p->type == RL_PT_BOOL) {
			if (!strcasecmp(text, "yes") || !strcasecmp(text, "on"))
				c = 1;
			else if (!strcasecmp(text, "no") || !strcasecmp(text, "off"))
				c = 0;
		}
		if (c >= 0) {
			*out = (double)c;
			return RL_P_OK;
		}
		if (p->type == RL_PT_ENUM) {
			char range[256];
			range_text(p, range, sizeof range);
			snprintf(err, errlen, "%s.%s: %s is not one of %s",
			         p->section, p->key,
			         rl_utf8_quote(text, RL_UTF8_QUOTE_MAX, q, sizeof q),
			         range);
			return RL_P_CHOICE;
		}
	}
	num = rl_number_text(text, &v);
	if (!num || errno == ERANGE) {
		char range[256];
		range_text(p, range, sizeof range);
		/* a number by numtext.h's rule that overflows a double (1e309)
		** is out of range, not "not a number"; one that underflows
		** (1e-999) is one a double cannot hold */
		if (num && isinf(v)) {
			snprintf(err, errlen, "%s.%s: %s is outside the allowed "
			         "%s%s",
			         p->section, p->key,
			         rl_utf8_quote(text, RL_UTF8_QUOTE_MAX, q, sizeof q),
			         p->type == RL_PT_INT ? "whole numbers " : "", range);
			return RL_P_RANGE;
		}
		/* a word a true/false parameter does not know: its words, not
		** "not a number" */
		if (!num && p->choices) {
			snprintf(err, errlen, "%s.%s: %s is not one of %s (or "
			         "yes|no, on|off, 0|1)", p->section, p->key,
			         rl_utf8_quote(text, RL_UTF8_QUOTE_MAX, q, sizeof q),
			         range);
			return RL_P_CHOICE;
		}
		/* one that underflows to a subnormal (1e-308) a double holds,
		** with fewer digits: refused as below the normal range, the
		** words of config/num.c */
		snprintf(err, errlen, !num ? "%s.%s: %s is not a number "
		                             "(allowed: %s%s)"
		                      : v != 0 ? "%s.%s: %s is nearer 0 than "
		                                 "the smallest normal double, "
		                                 "2.2250738585072014e-308 "
		                                 "(allowed: %s%s)"
		                               : "%s.%s: %s is too small for a "
		                                 "double to hold (allowed: %s%s)",
		         p->section, p->key,
		         rl_utf8_quote(text, RL_UTF8_QUOTE_MAX, q, sizeof q),
		         p->type == RL_PT_INT ? "whole numbers " : "", range);
		return RL_P_NOTNUM;
	}
	memset(&cfg, 0, sizeof cfg);
	if ((rc = rl_param_set(&cfg, p, v, err, errlen)) != RL_P_OK)
		return rc;
	*out = v;
	return RL_P_OK;
}

void rl_param_format(const rl_param *p, double v, char *buf, size_t len)
{
	if (p->choices && v >= 0 && v == floor(v)) {
		int i;
		for (i = 0; p->choices[i]; i++)
			if (i == (int)v) {
				snprintf(buf, len, "%s", p->choices[i]);
				return;
			}
	}
	rl_number_write(v, buf, len);
}
