/*
** measure.h: published measurements: reading a measurements CSV into rows
** (a row set up for the engine: meassetup.h).
**
** Two layouts are read, told apart by their header:
**  - data/measurements.csv: id, system, chips, chip, model, precision, isl,
**    osl, tp, software, metric, value, source.  Lenient: a text where a
**    length or tp is expected marks the row not modelled (a dataset with a
**    length distribution).
**  - data/measurements/published-h100.csv and any file with its columns:
**    id, software, version, chip, gpus, model, precision, isl, osl, tp, pp,
**    batch_or_concurrency, request_rate, metric, value (notes optional).
**    Strict: a length, gpus, pp or value that is not empty and not a number
**    is an input error naming file, line and column; tp may read DEPn
**    (attention data parallel + expert parallel over n GPUs), set up as tp
**    1 and ep n: n replicas of the attention pooling their experts, TPn
**    (tp n), or TEPn (attention tensor parallel with the experts over the
**    same n GPUs: listed not modelled, no mapping of the engine's).  A
**    row whose notes say "MoE: enable_attention_dp" (the 1.0 table:
**    published-methodology.md, "MoE adds enable_attention_dp" with
**    `--tp --pp [--ep]`) is set up the same way when its model is a
**    mixture of experts: tp 1 and ep = its tp on as many GPUs.
** The chip column may name a preset (h200-sxm) or spell the GPU as the
** tables' column headers do, any case ("H200 141GB HBM3e", "A100-PCIE-80GB",
** "GH200 96GB HBM3"): chip holds the preset that label names
** (chiplabel.h), chip_given the label; a label of no preset's part stays
** as given (validation lists its rows not modelled).  The model column
** likewise may name a preset or spell the model as the tables or its
** checkpoint's repository do, any case ("LLaMA v3 70B", "Llama 3.1 70B
** FP8", "meta-llama/Llama-3.1-8B-Instruct"): model holds the preset
** (modellabel.h), or the label as given when it names none.
** A row is modelled when its metric is a served-token throughput and its
** lengths, tp and chips are whole numbers, or when it is a microbenchmark
** (a GEMM's TFLOPS, a copy's TB/s: meas_micro()); other rows are kept with
** the reason they are not modelled.
*/
#ifndef RL_MEASURE_H
#define RL_MEASURE_H

#include <stddef.h>

#define MEAS_FIELD 512

/* What a row measured (the value predicted for it). */
enum {
	MEAS_OUTPUT_TPS = 0,  /* output tokens/s, system */
	MEAS_TOTAL_TPS,       /* input + output tokens/s, system */
	MEAS_OUTPUT_TPS_PER_GPU, /* output tokens/s per GPU */
	MEAS_TOKENS_TPS,      /* "tokens_per_s": output or total by version */
	MEAS_REQUESTS_PS,     /* requests/s (online serving at a rate) */
	MEAS_TTFT_MEAN,       /* mean time to first token, s (at a rate) */
	MEAS_ITL_MEAN,        /* mean inter-token latency (TPOT), s (at a rate) */
	MEAS_GEMM_TFLOPS,     /* "tflops" of a GEMM microbenchmark, model
	                      ** "gemm MxNxK" (m rows, n columns, depth k) */
	MEAS_COPY_TBPS,       /* "tb_per_s_read_plus_write" of a device copy */
	MEAS_OTHER            /* anything else: not modelled */
};

typedef struct {
	int line;                 /* line in the file */
	/* the text columns, each under MEAS_FIELD bytes, held once in the
	** set's pool (meas_set.pool: a name a million rows share is one
	** string); "" where absent, never NULL */
	const char *id;
	const char *chip;         /* the chip preset the label names */
	const char *chip_given;   /* the chip column as the file gives it */
	const char *model;
	const char *precision;
	const char *software;
	const char *version;      /* empty in the data/measurements.csv layout */
	const char *metric;
	const char *source;
	double isl, osl, tp, chips, pp, value;
	double ep;                /* expert parallel (DEPn: n; else 1) */
	double gemm_m, gemm_n, gemm_k; /* MEAS_GEMM_TFLOPS: the GEMM's shape */
	double request_rate_rps;  /* requests/s (column request_rate); NAN =
	                          ** maximum load */
	double osl_max;           /* the longest output where osl is a
	                          ** dataset's mean (datasets.h); 0: fixed */
	double round_step;        /* the value is published rounded to this
	                          ** step (rounding.h; 0: as measured) */
	double requests;          /* requests in the run ("500 requests", or
	                          ** "num_requests=3000" at maximum load); 0 */
	/* build settings the row's notes state (0: not stated) */
	double max_num_tokens, max_batch_size;
	/* kv_cache_free_gpu_mem_fraction the notes give for the row's chip,
	** "key=V (CHIP V2)" read as V2 on CHIP (0: not stated) */
	double kv_fraction;
	/* the precision as the scenario takes it, and the KV cache's where
	** the spelling fixes it ("nvfp4": fp4, KV fp8); empty: not mapped */
	char scen_precision[16], scen_kv[16];
	/* the spelling quantizes only the routed experts (mxfp4): the model
	** must give them their own width (model.expert_weight_bits) */
	int experts_only;
	/* its precision column names none the engine has (meas_precisions):
	** an unknown name, as an unknown chip is, to validate --strict */
	int precision_unknown;
	/* the notes say MoE models ran with enable_attention_dp: a mixture of
	** experts is set up as attention data parallel, experts expert
	** parallel over the row's tp GPUs (meas_setup) */
	int moe_attention_dp;
	int metric_code;          /* MEAS_* */
	int modelled;             /* 1 when the engine can predict it */
	const char *why_not;      /* else the reason (under 256 bytes, in the
	                          ** pool; "" for a modelled row) */
} meas_row;

struct strpool;
struct preset_cache;

/* The precision spellings the engine has, for messages: "fp4 (nvfp4),
** fp8, fp16 (mixed), bf16, fp32". */
const char *meas_precisions(void);

typedef struct {
	meas_row *rows;
	size_t n;
	struct strpool *pool;     /* the rows' strings (strpool.h) */
	int published;            /* 1: the published-h100.csv layout */
	int col_chip, col_model;  /* 1-based columns, for messages */
	int col_version, col_software, col_precision;
	const char *chips_name;   /* the header's name of the GPU count
	                          ** column: "gpus" or "chips" */
} meas_set;

/* Read a file.  RL_OK (0); RL_EINPUT with "file:line: column 'x':
** message" in err for the file's fault (two rows of one id: "file:LINE:
** id 'x' is also the id of line N", the first row in the file's order
** whose id an earlier row has, found as the rows arrive and said when no
** other fault of the file is) (a file with a header and no rows
** is refused, "file:N: a header and no rows", as an empty one is, or one
** that cannot be opened or read); RL_EINTERNAL with "file[:line]: out of
** memory" when the rows cannot be allocated (model/status.h). */
int meas_read(const char *path, meas_set *set, char *err, size_t errlen);
/* The same, a row's chip and model labels resolved through cache (a
** preset_cache the caller owns for its run, presetcache.h; NULL: one of
** the read's own). */
int meas_read_cached(const char *path, meas_set *set,
                     struct preset_cache *cache, char *err, size_t errlen);
void meas_free(meas_set *set);
/* s held in set's pool until meas_free (one copy of each text: a reason
** or name a million rows share), or NULL when out of memory. */
const char *meas_keep(meas_set *set, const char *s);

/* 1 when a row is a microbenchmark (MEAS_GEMM_TFLOPS, MEAS_COPY_TBPS),
** predicted by model/micro.h rather than the serving engine. */
int meas_micro(const meas_row *row);
/* The same of a metric's name as a measurement file spells it ("tflops",
** "tb_per_s_read_plus_write"): for a row's metric as stored elsewhere (the
** report's validation rows). */
int meas_metric_micro(const char *metric);

#endif
