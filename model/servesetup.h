/*
** servesetup.h: what the serving model works out from a design alone
** (everything but the scenario's isl, osl and batch; servesetup.c): the
** model's shape, the mapping's stages and collectives, bytes per value,
** rates, weights, runtime memory and KV capacity.  An rl_eval_cache
** (engine.h) holds one and engine.c reads it there in place; the fields
** are servesetup.c's and engine.c's business, public only so that a
** cache can hold them.
** Included by engine.h after rl_model_shape.
*/
#ifndef RL_SERVESETUP_H
#define RL_SERVESETUP_H

#include "exactdiv.h"
#include "link.h"

/* One kind of pipeline stage: its layers, the embedding, the LM head,
** whether it sends its activations on to a next stage, and the products
** of design constants its iterations use (each the same expression, in
** the same order, as the iteration cost would work it out). */
typedef struct {
	double layers, embed, head, send;
	double lf;            /* layers / the model's layers */
	double attn_flops_lf; /* attention FLOPs per context token x lf */
	double kv_bytes_lf;   /* KV bytes per token per chip x lf */
	double w_fixed_bytes; /* layers x layer weights + head x head weights */
	double w_expert_bytes; /* layers x MoE share x one expert's weights */
	double overhead_s;    /* iteration + layers x layer overhead (a CUDA
	                      ** graph's replay: the iteration's alone) */
	double overhead_dec_s; /* a decode-only iteration's: overhead_s where
	                      ** CUDA graphs are off (graphs_off), else
	                      ** profile.iter_overhead_s (the replay's) */
	double gemm_fixed_s;  /* the kernels' fixed device time: gemm_fixed x
	                      ** (layers x GEMMs a layer + head) + layers x
	                      ** MoE share x moe_layer_fixed */
	double w_dense_bytes; /* the weights a chip reads per iteration where
	                      ** no expert is routed: w_fixed_bytes / tp */
	double w_res_bytes;   /* of w_dense_bytes, the bytes resident in SRAM
	                      ** (chip.sram_resident_share; 0 without) */
	double res_expert;    /* share of the chip's routed experts resident
	                      ** in SRAM (what w_res_bytes leaves of it) */
	double w_mem_bytes;   /* the weights a chip of this kind holds (its
	                      ** layers, embedding and head: memory, not
	                      ** traffic; set where sram_on) */
	double kv_sram_tok;   /* tokens of KV its SRAM holds, what the
	                      ** resident weights leave of the share (0
	                      ** without; rl_serve_setup_memory) */
	/* per row (token) of an iteration, multiplied by its rows there
	** (reassociated: the results move in their last bits) */
	double body_flops_row; /* the layers' GEMM FLOPs per chip, experts
	                       ** included: lin_body x lf / tp */
	double act_bytes_row; /* activation bytes per chip: activations per
	                      ** token and layer x layers x ab / tp */
	double el_bytes_row;  /* elementwise bytes: layers x cb x el_per_tok x
	                      ** el_unfused + layers x moe_share x
	                      ** moe_perm_bytes */
	double vec_elems_row; /* vector elements: layers x el_per_tok */
	double attn_flops_row; /* attention FLOPs per context token per chip:
	                       ** attn_flops_lf / tp */
	double ar_layers;     /* all-reduces an iteration runs: ar_per_layer x
	                      ** layers */
	int logits_passes;    /* the LM head here, and passes over its logits */
	int logits_gather;    /* the LM head here, and its logits gathered */
	/* head > 0, embed > 0, send > 0: tested as integers per iteration
	** (a floating-point compare of a constant is an instruction more) */
	int has_head, has_embed, has_send;
} rl_stage_kind;

typedef struct {
	rl_model_shape sh;
	double tp, L;
	rl_divisor tpd;          /* x / tp, multiplied where that is exact */
	double per_scored;       /* 1 / (4 head_dim) */
	rl_divisor blkd;         /* x / profile.tokens_per_block */
	double pp, ep;
	double wb, ab, cb;       /* bytes per weight, activation, reduced value */
	double hb;               /* bytes per embedding and LM-head weight */
	double peak_flops, peak_attn_flops; /* nominal FLOP/s per chip */
	double peak_head_flops;  /* FLOP/s per chip at the LM head's precision */
	double peak_expert_flops; /* the same at the routed experts' */
	double bw_Bps;           /* achieved bytes/s per chip, weights */
	double kv_Bps;           /* achieved bytes/s per chip, KV cache */
	/* reciprocals of what stays fixed per design, so that the iterations
	** multiply where they divided (results move in their last bits):
	** 1 / bw_Bps, 1 / kv_Bps, 1 / the chip's HBM bytes/s, 1 / peak_flops,
	** and at full clock 1 / (peak_flops x eff_gemm), 1 / (peak_head_flops
	** x eff_head), 1 / (peak_expert_flops x eff_expert), 1 /
	** (peak_attn_flops x eff_attention) */
	double per_bw, per_kv_bw, per_hbm, per_peak;
	double per_pe_gemm, per_pe_head, per_pe_expert, per_rate_attn;
	double expert_w_bytes;   /* one expert's MLP, one layer, whole model */
	double layer_w_bytes;    /* one layer's weights besides experts */
	double head_w_bytes;     /* LM head and final norm, as read */
	double moe_share;        /* share of the layers with routed experts */
	double gemms_per_layer;  /* GEMM kernels a layer runs (averaged over
	                         ** dense and MoE layers) */
	int moe;                 /* moe_share > 0 */
	double kv_bytes_tok_chip; /* KV bytes per token per chip */
	double eff_gemm;         /* large-GEMM efficiency at the matrix precision */
	double eff_head;         /* the same at the LM head's precision */
	double eff_expert;       /* the same at the routed experts' */
	double reread;           /* decode KV read per unique KV byte: 1 +
	                         ** kv_group_reread x (query heads per KV head
	                         ** on a chip - 1) */
	double attn_pre;         /* a prefill token's attention FLOPs per key
	                         ** over a decode token's (1; MLA: the plain
	                         ** form over the absorbed) */
	double lin_body;         /* linear FLOPs per token besides the LM head */
	double el_per_tok;       /* elementwise values per token per layer on
	                         ** a chip (full + split / tp) */
	double el_unfused;       /* 1 - elementwise_fused */
	double moe_perm_bytes;   /* bytes a chip's MoE permute and finalize
	                         ** move per token of its own per MoE layer
	                         ** (0: profile.moe_permute off) */
	double ar_per_layer;     /* tp all-reduces per layer: 2, or 1 where
	                         ** attention and MLP run in parallel */
	rl_link_cost ar;         /* an all-reduce over the tp chips */
	rl_link_cost a2a;        /* the MoE's dispatch (and combine) over the
	                          * ep chips: all-to-all or all-gather */
	double a2a_copies;       /* copies of a token it sends: k, or ep */
	rl_link_cost p2p;        /* a send to the next stage */
	rl_link_cost lg;         /* the logits' all-gather over the tp chips
	                         ** (none unless profile.logits_gather) */
	double logit_passes;     /* sampling passes over the logits */
	double head_flops_row;   /* LM-head FLOPs per head token per chip */
	double embed_bytes_row;  /* embedding bytes looked up per token */
	double ar_bytes_row;     /* bytes an all-reduce moves per token */
	double logit_bytes_row;  /* logit bytes the sampling passes read per
	                         ** head token: passes x vocab x 4 */
	/* the stage kinds: the only one (pp = 1), or the first, the last and
	** the middle ones with hi and lo layers, and how many of those a
	** micro-batch passes besides the first and the last */
	rl_stage_kind one, first, last, hi, lo;
	double n_mid_hi, n_mid_lo;
	double chips, replicas;
	double per_chips;        /* 1 / chips */
	double w_first_bytes, w_last_bytes; /* weights per chip, first and
	                         ** last stage */
	double runtime_bytes;    /* per chip: context, activations, workspace */
	double kv_first_bytes;   /* KV bytes per token on the first stage's
	                         ** chip */
	double kv_cap_tokens;
	double kv_last_bytes;    /* KV bytes per token on the last stage's chip */
	double weights_bytes, weights_bytes_per_chip, kv_bytes_per_token;
	/* what the iterations test of the design and the profile, as
	** integers, each the same test as written out where it is read:
	** tp > 1, ep > 1, pp > 1; profile.gemm_m_half > 0 (or NaN: not <= 0,
	** mh its value); cuda_graphs < 0.5 (read by the setup alone: each
	** stage kind's overhead_dec_s); request_overhead_s != 0;
	** comm_overlap +0 (== 0, sign clear); host_overlap > 0; the shape's
	** attn_scores_per_ctx > 0 */
	int multi_tp, multi_ep, multi_pp;
	int mh_on, graphs_off, request_on, overlap_none, host_overlap_on;
	int scores_mla;
	int rare;                /* pp > 1, or one stage with any of: resident
	                         ** weights (sram_on), experts (moe), ep > 1,
	                         ** request_add, the MLA scores, an overlap of
	                         ** the all-reduces (not overlap_none), an
	                         ** overlap of attention under the GEMMs
	                         ** (profile.attn_overlap > 0), a logits
	                         ** gather or a send, an all-reduce at tp > 1
	                         ** without a collective or a bandwidth or with
	                         ** a divisor: the iteration tests each
	                         ** (engine.c), else none */
	int request_add;         /* request_on, or iter_overhead_s -0: an
	                         ** iteration's overhead takes its request
	                         ** term, + 0 without one (engine.c: where the
	                         ** sum before it is not -0, + 0 leaves it) */
	int tp_form;             /* tp > 1 (multi_tp), gemm_m_half on (mh_on)
	                         ** and no host overlap (host_overlap_on
	                         ** clear): where usual is set too, engine.c
	                         ** costs an iteration with a copy of its code
	                         ** that tests none of them */
	int usual;               /* rare clear and pp 1 (one stage), no window,
	                         ** and the KV reserved (kv_reserve_on) in
	                         ** blocks of an exact reciprocal (blk_exact):
	                         ** engine.c solves a request on such a setup
	                         ** with a copy of its code that tests none of
	                         ** them and serves one micro-batch (a request
	                         ** with --batch below 1, or KV tokens not > 0,
	                         ** goes to the general form from the start;
	                         ** tests/test_usual.c) */
	int windowed;            /* the shape's window > 0 and window_share > 0
	                         ** (after profile.sliding_window) */
	/* profile.attn_overlap > 0 on a model whose layers are not all of
	** one kind (windowed beside full attention, dense beside MoE): the
	** hidden attention is worked out per kind of layer (engine.c's
	** attn_hidden_kinds), with the dense layers' shares (ov.layers 0
	** where all are of one kind of MLP) */
	int ov_kinds;
	rl_dense_shares ov;
	int kv_reserve_on;       /* profile.kv_reserve > 0.5 */
	int blk_exact;           /* blkd.inv != 0 (rl_div multiplies) */
	int sram_on;             /* weights resident in SRAM:
	                         ** chip.sram_resident_share x sram_bytes > 0 */
	double per_sram_bw;      /* 1 / chip.sram_Bps (where sram_on) */
	double sram_resident_bytes; /* weights resident per chip, the fullest
	                         ** stage's */
	int no_hbm;              /* sram_on on a chip without HBM (hbm_bytes
	                         ** and hbm_Bps 0, chip.sram_hbm_copy 0): all
	                         ** its traffic is SRAM's */
	double mem_bytes;        /* the memory weights, runtime and KV share:
	                         ** HBM, and the resident share of SRAM where
	                         ** sram_on */
	double held_bytes;       /* the weights held in it (both copies where
	                         ** chip.sram_hbm_copy), the fullest stage's */
	double mh;
	/* kv_cap_tokens x kv_first_bytes, and mem_bytes - held_bytes -
	** runtime_bytes (rl_serve_setup_memory: the result's KV capacity,
	** and its free bytes before the KV cache's) */
	double kv_cap_bytes, free_less_kv;
} rl_serve_setup;

/* The request of a cache's last evaluation, solved (engine.c): what its
** iterations need, so that one phase can be costed again at another clock
** (rl_serve_phase) without solving the request again. */
typedef struct {
	int valid;
	double isl, osl, batch;  /* the request it was solved for */
	double mb, n_dec, q, k;
	double q_isl;            /* q / isl: requests whose prefill ends */
	double ctx_decode, ctx_prefill;
	double kv_used;          /* KV tokens the chip holds (engine.c) */
} rl_serve_request;

#endif
