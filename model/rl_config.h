/*
** rl_config.h: the configuration that the engine evaluates.
**
** Every number a user can set lives in one of the sub-structures below as a
** double in SI units (FLOP/s, bytes, bytes/s, seconds, watts, m^2, USD).
** The field name carries the unit.  The parameter table (params.c) is the
** one place that maps these fields to user-facing names and display units
** ("chip.hbm_tbps" in TB/s -> chip.hbm_Bps in bytes/s); nothing else
** converts units on input.  Enumerations (precisions, algorithms) are
** stored as the double of their index so that every parameter can be a
** sweep axis and a database column alike.
*/
#ifndef RL_CONFIG_H
#define RL_CONFIG_H

#include <stddef.h>

/* Numeric precisions, in the order of the "precision" enum choices. */
typedef enum {
	RL_PREC_AUTO = 0, /* follow the scenario's main precision */
	RL_PREC_FP4,
	RL_PREC_FP8,
	RL_PREC_FP16,
	RL_PREC_BF16,
	RL_PREC_FP32,
	RL_PREC_COUNT
} rl_precision;

/* All-reduce algorithms for tensor parallelism. */
typedef enum {
	RL_AR_RING = 0,  /* 2(n-1)/n S bytes, 2(n-1) latency steps */
	RL_AR_TWO_SHOT,  /* reduce-scatter + all-gather direct: 2(n-1)/n S, 2 steps */
	RL_AR_ONE_SHOT,  /* every rank sends its S bytes to the n-1 others: (n-1) S, 1 step */
	RL_AR_SWITCH,    /* in-switch reduction (NVLS-like): S out, S in, 2 steps */
	RL_AR_COUNT
} rl_allreduce;

/* How the tokens of the ep ranks reach the routed experts (profile.
** moe_dispatch). */
typedef enum {
	RL_MOE_ALLTOALL = 0, /* each token to the ranks of its k experts */
	RL_MOE_ALLGATHER,    /* every token to every rank, the outputs
	                      * reduce-scattered back */
	RL_MOE_COUNT
} rl_moe_dispatch;

/* What bounds a phase. */
typedef enum {
	RL_BOUND_COMPUTE = 0,
	RL_BOUND_MEMORY,
	RL_BOUND_COMM,
	RL_BOUND_OVERHEAD,
	RL_BOUND_NONE,
	RL_BOUND_COUNT
} rl_bound;

/* A chip as the engine sees it: its spec sheet.  A chip given by design
** (silicon.c) fills the same fields from its die budget. */
typedef struct {
	double peak_flops_bf16;  /* dense FLOP/s at FP16/BF16 (tensor) */
	double peak_flops_fp8;   /* dense FLOP/s at FP8; 0 = not supported */
	double peak_flops_fp4;   /* dense FLOP/s at FP4; 0 = not supported */
	double peak_flops_vector;/* FP32 non-tensor FLOP/s; 0 = unknown */
	double hbm_bytes;        /* memory capacity */
	double hbm_Bps;          /* memory bandwidth, bytes/s */
	double link_Bps;         /* chip-to-chip bandwidth, one direction, bytes/s */
	double link_latency_s;   /* one hop of a collective */
	double sram_bytes;       /* on-chip SRAM (L2, buffers) */
	double tdp_w;            /* thermal design power; 0 = none */
	double topology;         /* enum: switch, mesh, ring (mapping.h) */
	double in_network_reduction; /* 1: the switch reduces (NVLS-like) */
	double by_design;        /* 1: derive the spec from the [design] section */
	/* SRAM as a store of resident weights (engine.c, servesetup.c): the
	** share of sram_bytes that software keeps weights in (a scratchpad it
	** manages; 0: a cache such as a GPU's L2, which streamed weights
	** evict), and the bandwidth they are read at (a chip by design derives
	** it: design.sram_read_per_clk) */
	double sram_resident_share;
	double sram_Bps;         /* SRAM read bandwidth, bytes/s; 0 = unknown */
	/* 1: resident weights keep their copy in HBM (software loads them
	** from there); 0: they are loaded into SRAM alone, so that their
	** bytes free HBM for the KV cache, and a chip without HBM (hbm_bytes
	** and hbm_Bps 0) serves where its weights, runtime and KV cache fit
	** in the resident share (servesetup.c) */
	double sram_hbm_copy;
	/* enum rl_memory_kind: what hbm_bytes and hbm_Bps are.  HBM: stacks on
	** a silicon interposer beside the die (cost.c counts both); GDDR6:
	** packages on the board, no interposer, priced per GB by no source in
	** data/sources/silicon.csv, so a chip with them has no cost (cost.c) */
	double memory_kind;
} rl_chip;

/* chip.memory_kind */
typedef enum { RL_MEM_HBM = 0, RL_MEM_GDDR6 = 1 } rl_memory_kind;

/* A chip described by its silicon (see silicon.c).  The process node is
** not a field: a chip preset names it ([preset] node = n4) and the loader
** fills rl_node from data/nodes/. */
typedef struct {
	double die_m2;           /* area of one die */
	double dies;             /* dies per package */
	double frac_mac;         /* area share of matrix (MAC) arrays */
	double frac_vector;      /* area share of vector units */
	double frac_sram;        /* area share of SRAM */
	double frac_phy;         /* area share of HBM PHYs and I/O */
	double frac_other;       /* area share of control and other logic */
	/* the same blocks' areas per die, another way to give them: > 0
	** stands for frac_X = X_m2 / die_m2 (rl_design_resolved, silicon.h,
	** the one place that converts); 0: the share frac_X gives it */
	double mac_m2, vector_m2, sram_m2, phy_m2, other_m2;
	double transistors_per_fma; /* transistors in one FP16 FMA unit of a MAC array */
	double clock_hz;         /* MAC array clock */
	double density_per_m2;   /* achieved transistors per m^2; 0 = the node's */
	double fp8_per_bf16;     /* FP8 rate / BF16 rate of the MAC arrays (0: none) */
	double fp4_per_bf16;     /* FP4 rate / BF16 rate (0: none) */
	double hbm_gen;          /* enum: HBM generation (silicon.c has the table) */
	double hbm_stacks;       /* number of HBM stacks per package */
	double hbm_stack_bytes;  /* capacity of one stack; 0 = the generation's */
	double hbm_stack_Bps;    /* bandwidth of one stack; 0 = the generation's */
	double hbm_phy_edge_m;   /* die edge one stack's PHY needs */
	double hbm_phy_m2;       /* die area of one stack's PHY */
	double aspect_ratio;     /* long side / short side of the die */
	double energy_overhead;  /* energy per FMA on this design / the node's bare FMA */
	double sram_read_per_clk; /* bytes the SRAM reads per clock per byte it
	                          * holds (all macros at once): its bandwidth is
	                          * sram_bytes x this x clock_hz */
	double transistors;      /* total per die, for the reverse (spec -> share) derivation */
	double fma_units;        /* FP16 FMA units (spec sheet), for the reverse derivation */
} rl_design;

/* A process node (see data/nodes/). */
typedef struct {
	double logic_density_per_m2;  /* transistors per m^2, logic */
	double sram_bytes_per_m2;     /* SRAM macro density, bytes per m^2 */
	double fma_energy_fp16_j;     /* energy of one FP16/BF16 FMA */
	double fma_energy_fp8_j;      /* energy of one FP8 FMA */
	double fma_energy_fp4_j;      /* energy of one FP4 FMA */
	double sram_energy_j_per_byte;/* SRAM access energy */
	double wafer_usd;             /* price of one wafer */
	double wafer_diameter_m;      /* 0.3 */
	double defect_density_per_m2; /* D0 */
	double reticle_m2;            /* reticle limit */
	double yield_alpha;           /* negative-binomial clustering; 0 = Murphy */
	double ref_clock_hz;          /* clock the energies hold at; 0: nominal */
} rl_node;

/* A decoder-only transformer. */
typedef struct {
	double layers;
	double hidden;
	double heads;
	double kv_heads;
	double head_dim;
	double ffn_hidden;       /* per expert */
	double vocab;
	double experts;          /* 1 = dense */
	double experts_per_token;
	double tied_embeddings;  /* 1 = LM head shares the embedding matrix */
	/* Shape variants; zero is the plain Llama-like decoder above. */
	double mlp;              /* enum rl_mlp: gated (3 matrices) or plain (2) */
	double parallel_attn_mlp;/* 1 = attention and MLP read the same input */
	double sliding_window;   /* tokens a windowed layer attends to; 0 = none */
	double full_attn_layers; /* layers without the window (0: all windowed) */
	double shared_experts;   /* experts every token uses besides its routed ones */
	double dense_layers;     /* layers of an MoE model with a dense MLP */
	double dense_ffn_hidden; /* their MLP width; 0 = ffn_hidden */
	double expert_weight_bits; /* bits per routed-expert weight as the
	                          * checkpoint stores them, block scales
	                          * included (MXFP4: 4.25); 0 = the
	                          * scenario's weight precision */
	/* Multi-head latent attention (DeepSeek-V2/V3/R1); kv_lora_rank 0 =
	** not MLA.  head_dim is then both the no-position part of a query or
	** key head (qk_nope_head_dim) and a value head (v_head_dim). */
	double q_lora_rank;      /* rank of the query's down-projection;
	                          * 0 = a full-rank query projection */
	double kv_lora_rank;     /* width of the cached KV latent */
	double qk_rope_dim;      /* rotary part of a query/key head; the key's
	                          * is one per token, shared by the heads and
	                          * cached beside the latent */
} rl_model;

/* MLP kinds, in the order of the "mlp" enum choices. */
typedef enum {
	RL_MLP_GATED = 0, /* SwiGLU / GeGLU: gate and up d x f, down f x d */
	RL_MLP_PLAIN,     /* up d x f, activation, down f x d (GPT-J, Falcon) */
	RL_MLP_COUNT
} rl_mlp;

/* What is served and on how many chips. */
typedef struct {
	double precision;        /* weights and activations (enum rl_precision) */
	double weight_precision; /* override, RL_PREC_AUTO = precision */
	double act_precision;    /* override */
	double kv_precision;     /* override */
	double tp;               /* tensor-parallel degree */
	double pp;               /* pipeline stages */
	double ep;               /* expert-parallel degree (MoE), within dp */
	double chips;            /* total chips; replicas = chips / (tp x pp) */
	double osl_max;          /* the load model (load.c): requests' output
	                          * lengths vary with mean osl, the longest
	                          * osl_max, and input lengths with mean isl
	                          * (exponential, load.c 3a); 0 (or <= osl): all
	                          * osl and isl.  The engine reads it for the
	                          * length-biased requests in flight
	                          * (engine.c osl_in_flight) */
	/* the request: keep these three last, and the scenario last in
	** rl_config (an rl_eval_cache's keys end before isl: engine.c) */
	double isl;              /* input tokens per request */
	double osl;              /* output tokens per request (1 = prefill only) */
	double batch;            /* cap on concurrent sequences; 0 = no cap */
} rl_scenario;

/* A serving stack: efficiencies and scheduler limits. */
typedef struct {
	double eff_compute;      /* large-GEMM fraction of peak */
	double gemm_m_half;      /* tokens per iteration at which GEMM efficiency halves */
	double eff_attention;    /* attention FLOP efficiency, fraction of peak */
	double eff_memory;       /* fraction of HBM bandwidth achieved */
	double eff_link;         /* fraction of link bandwidth achieved */
	double allreduce;        /* enum rl_allreduce */
	double allreduce_latency_s; /* software latency added to each all-reduce */
	double iter_overhead_s;  /* fixed time per iteration (scheduler, sampling) */
	double layer_overhead_s; /* fixed time per layer per iteration (launches) */
	double seq_overhead_s;   /* time per sequence per iteration */
	double request_overhead_s; /* time per request admitted */
	double eff_kv_memory;    /* fraction of HBM bandwidth reading the KV cache */
	double kv_precision;     /* enum; RL_PREC_AUTO = the scenario's */
	double elementwise_fused;/* share of elementwise traffic fused away */
	double comm_overlap;     /* share of communication hidden by compute */
	double max_num_tokens;   /* tokens per iteration (prefill chunks + decode) */
	double max_batch_size;   /* sequences per iteration */
	double kv_fraction;      /* share of memory left after weights for the KV cache */
	double tokens_per_block; /* paged KV block size */
	double runtime_reserved_bytes; /* per chip: context, activations, workspace */
	double eff_compute_fp8;  /* large-GEMM fraction of the FP8 peak; 0 = eff_compute */
	double kv_reserve;       /* 1: each request holds isl+osl KV from admission
	                          * (guaranteed-no-evict); 0: what it has written */
	double frontend_s;       /* time outside the engine before a request's
	                          * first token reaches the client (tokenizer,
	                          * server queues, the token's way back); adds to
	                          * TTFT, not to any iteration */
	double head_precision;   /* enum; embedding and LM head (AUTO: the weights') */
	double kv_group_reread;  /* share of a GQA group's other query heads that
	                          * read their KV head again from HBM in decode */
	double kv_reread_heads;  /* query heads of a GQA group, beyond the
	                          * share above, that read their KV head again
	                          * from HBM in decode (at most the group's
	                          * other heads) */
	double sliding_window;   /* 1: attention and KV keep to the model's window;
	                          * 0: the runtime attends to the full context */
	double logits_buffers;   /* fp32 [max_batch_size x vocab] buffers per chip */
	double moe_gemm_eff;     /* routed experts' grouped GEMMs: share of a
	                          * dense GEMM's efficiency at the same rows */
	double act_buffers;      /* one layer's GEMM activations for max_num_tokens
	                          * tokens, held per chip as engine workspace */
	double logits_passes;    /* passes over the fp32 logits (tokens x vocab)
	                          * each rank makes per iteration (sampling) */
	double logits_gather;    /* 1: the LM head's vocabulary slices are
	                          * all-gathered in fp32 onto every tp rank */
	double allreduce_half_bytes; /* all-reduce message at which the library
	                          * reaches half its peak bandwidth */
	double allreduce_half_link_Bps; /* the link (one direction) of the chip
	                          * whose rows fitted it: on another chip it
	                          * scales with link_Bps (0: as given) */
	double cuda_graphs;      /* 1: decode-only iterations replay a captured
	                          * CUDA graph (no per-layer launch overhead) */
	double batch_rule;       /* enum rl_batch_rule (benchrule.h): who picks
	                          * max_batch_size and max_num_tokens */
	double act_buffers_precision; /* enum; the activation workspace's
	                          * elements (RL_PREC_AUTO: the activations') */
	double logits_rows;      /* enum rl_logits_rows: the rows of each of the
	                          * logits_buffers the KV sizing sees */
	double burst_waves;      /* 1: a finite run of identical requests sent
	                          * at once is served in waves of the whole
	                          * requests admitted at once (waves.h) */
	double graph_logits_rows; /* rows of logits (vocab wide, at the GEMM
	                          * output width) the captured CUDA graphs'
	                          * outputs hold per chip when the KV cache is
	                          * sized */
	double host_overlap;     /* share of an iteration's host time spent
	                          * while the GPU runs the iteration before it
	                          * (an overlap scheduler): 1 = max(GPU, host) */
	double attn_overlap;     /* share of a layer's attention time run
	                          * hidden under its GEMMs where they leave
	                          * the other resource idle: 1 = the layer's
	                          * roofline as a whole (engine.c) */
	double gemm_fixed_s;     /* fixed time of each GEMM kernel (t0 of
	                          * t0 + bytes / B), in every iteration,
	                          * CUDA-graph replays included */
	double moe_layer_fixed_s; /* fixed device time each MoE layer adds
	                          * beside its GEMMs (its routing, permute and
	                          * finalize kernels' floors), in every
	                          * iteration, CUDA-graph replays included */
	double kernel_fixed_clock_hz; /* the clock of the chip the two fixed
	                          * kernel times above come from: on a chip
	                          * of another design.clock_hz they scale by
	                          * this / that (0: not scaled) */
	double moe_dispatch;     /* enum rl_moe_dispatch: how tokens reach the
	                          * experts of the ep ranks */
	double moe_permute;      /* 1: each MoE layer's token permute and
	                          * finalize run as memory-bound kernels over
	                          * the whole hidden width on every tp rank */
	double run_fluid;        /* 1: a finite run at a rate below capacity,
	                          * of fixed lengths, takes its mean
	                          * inter-token time and its end from the run
	                          * as a fluid (load.c 2b) */
} rl_profile;

/* profile.logits_rows: whose logits the memory left for the KV cache is
** sized after (servesetup.c, the runtime's memory). */
typedef enum {
	RL_LOGITS_MAX_BATCH = 0, /* max_batch_size sequences (a TensorRT
	                          * engine's output buffers) */
	RL_LOGITS_PROFILING_PASS /* the last tokens of the PyTorch backend's
	                          * memory-profiling pass: one row per dummy
	                          * request of isl + osl - 1 tokens filling
	                          * max_num_tokens */
} rl_logits_rows;

/* Economics and power (cost.c, power.c): the INI sections [cost] and
** [power] both land here (params.c maps each key). */
typedef struct {
	double static_w;         /* leakage and idle power per chip besides
	                          * the HBM stacks' (where idle_w is 0) */
	double idle_w;           /* a measured whole-chip idle, its stacks'
	                          * included, that static_w is derived from
	                          * (power.c, rl_power_board_w); 0: none */
	double idle_hbm_bytes;   /* the HBM stacks of the chip idle_w was
	                          * measured on */
	double hbm_j_per_bit;    /* HBM access energy */
	double gddr6_j_per_bit;  /* GDDR6 access energy, in its place where
	                          * chip.memory_kind is GDDR6 (power.h) */
	double link_j_per_bit;   /* chip-to-chip link energy */
	double sram_bytes_per_flop; /* on-chip operand traffic per FLOP */
	double dvfs_exponent;    /* energy per FMA ~ clock_scale^this when the TDP lowers the clock */
	double dvfs_exponent_above; /* the same above node.ref_clock_ghz (power.c) */
	double clocked_w_per_m2_hz; /* logic clocked while running kernels, per die area and clock */
	double hbm_phy_j_per_bit; /* host HBM PHY, per bit of peak bandwidth, while active */
	double gddr6_phy_j_per_bit; /* its place where chip.memory_kind is GDDR6 */
	double hbm_idle_w_per_byte; /* HBM refresh and standby per byte of the
	                          * design's stacks, whenever powered */
	double vector_j_per_op;  /* one non-tensor (vector) operation */
	double vector_ops_per_score; /* softmax operations per attention score */
	double vector_ops_per_elem;  /* operations per element of elementwise work */
	double hbm_usd_per_byte; /* HBM price */
	double package_usd;      /* packaging, interposer, assembly and test per chip */
	double interposer_usd;   /* the silicon interposer's share of package_usd,
	                         ** left out for a chip without HBM (cost.c) */
	double price_usd;        /* price a buyer pays per chip; 0 = unknown */
	double years;            /* amortization period */
	double usd_per_kwh;      /* electricity */
	double pue;              /* data-centre power usage effectiveness */
	double server_overhead;  /* system power / chip power (host, fans, network) */
} rl_cost;

/* Everything one evaluation needs.  Design, node and cost (which power
** and cost read, serving not) come first, then what serving reads, and the
** request (isl, osl, batch) last, so that each of an rl_eval_cache's keys
** is one span: serving's, [chip, scen.isl) (engine.c); power and cost's,
** [0, chip); the batch rule's, the whole configuration but its request,
** [0, scen.isl) (eval.c), one memcmp on every evaluation where the request
** in the middle took two (about 30 instructions more: tests/BENCH.md). */
typedef struct {
	rl_design design;
	rl_node node;
	rl_cost cost;
	rl_chip chip;
	rl_model model;
	rl_profile prof;
	rl_scenario scen;
} rl_config;

/* Precision helpers (model/precision.c). */
double rl_precision_bytes(int prec);
const char *rl_precision_name(int prec);
const char *rl_bound_name(int bound);

#endif
