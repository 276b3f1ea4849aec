#!/bin/sh
# refit-trtllm-0.10.sh: a TRIAL, not the shipped profile.  Fits the 16
# TensorRT-LLM 0.10.0 rows of data/measurements.csv with the machinery of
# the later fits (scripts/fit-profiles.sh: the start file
# data/calibration/trtllm-published-start.ini, its physical ranges and
# priors, the TensorRT backend's settings) instead of the old model of
# data/calibration/trtllm-0.10-start.ini, which scripts/calibrate-trtllm.sh
# fits into data/profiles/trtllm-0.10.ini.  0.10's own settings come from
# data/sources/methodology.md: max_batch_size 2048, max_num_tokens 2048, KV
# fraction 0.9, chunked context, scheduler max_utilization (kv_reserve
# false: a request holds the KV it has written, not isl + osl from its
# admission; burst_waves false: model/waves.h serves waves of whole
# requests admitted under guaranteed_no_evict, which max_utilization is
# not).  MoE values as 0.11-0.13 take them (the median of 0.14, 0.15 and
# 0.17's fits; no MoE row here).  KV precision is not stated for 0.10:
# KV=fp16 (default) or KV=auto (FP8 KV with FP8 weights, as 0.11 on
# published) in the environment.  The result and why it is not shipped:
# data/calibration/NOTES.md, "The 0.10 profile refitted with the later
# machinery".
#   usage: [KV=fp16|auto] scripts/refit-trtllm-0.10.sh [--out FILE] [calibrate options]
#   (default --out: ${TMPDIR:-/tmp}/trtllm-0.10-refit.ini; never data/profiles)
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
FIT_PROFILES_LIB=1 . "$root/scripts/fit-profiles.sh"
cd "$root"
KV=${KV:-fp16}
case $KV in
fp16) KV_LINE="kv_precision = fp16   ; ASSUMPTION (trial): 16-bit KV cache; methodology.md does not state the KV precision of 0.10's FP8 rows (FP8 KV needs its own quantization flag)" ;;
auto) KV_LINE="kv_precision = auto   ; ASSUMPTION (trial): FP8 KV cache with FP8 weights, as the 0.11+ tables state; methodology.md does not state it for 0.10" ;;
*) echo "refit-trtllm-0.10.sh: KV=$KV: give fp16 or auto" >&2; exit 2 ;;
esac
own_out=0
for a in "$@"; do
	case $a in --out|--out=*) own_out=1 ;; esac
done
[ "$own_out" = 1 ] || set -- --out "${TMPDIR:-/tmp}/trtllm-0.10-refit.ini" "$@"
moe_from trtllm-0.14 trtllm-0.15 trtllm-0.17
moe_fixed_from trtllm-0.14 trtllm-0.15 trtllm-0.17
S='data\/sources\/methodology.md: engine limit of the 0.10.0 table'
tmp=$(mktemp "${TMPDIR:-/tmp}/start010.XXXXXX")
trap 'rm -f "$tmp"' EXIT
sed -e "s/^kv_fraction = .*/kv_fraction = 0.9   ; data\/sources\/methodology.md: kv_cache_free_gpu_mem_fraction 0.9/" \
    -e "s/^max_num_tokens = .*/max_num_tokens = 2048   ; $S/" \
    -e "s/^max_batch_size = .*/max_batch_size = 2048   ; $S/" \
    -e "s/^batch_rule = .*/batch_rule = fixed   ; $(rule_note fixed)/" \
    -e "s/^kv_reserve = .*/kv_reserve = false   ; data\/sources\/methodology.md: scheduler max_utilization: a request holds the KV it has written/" \
    -e "s/^sliding_window = .*/sliding_window = false   ; $(window_note false)/" \
    -e "s/^act_buffers_precision = .*/$(workspace_line false)/" \
    -e "s/^logits_rows = .*/$(logits_line false)/" \
    -e "s/^burst_waves = .*/burst_waves = false   ; max_utilization: no waves of whole requests (model\/waves.h models guaranteed_no_evict)/" \
    -e "s/^cuda_graphs = .*/cuda_graphs = false   ; $(graph_note false)/" \
    -e "s/^graph_logits_rows = .*/$(graph_logits_line 0 false)/" \
    -e "s/^host_overlap = .*/$(overlap_line false)/" \
    -e "s/^moe_dispatch = .*/$(dispatch_line false)/" \
    -e "s/^moe_permute = .*/$(permute_line false)/" \
    -e "s/^moe_gemm_eff = .*/moe_gemm_eff = $MOE_EFF   ; $MOE_NOTE/" \
    -e "$MOE_FIXED_SED" \
    -e "$(kv_xqa_sed false)" \
    -e "s/^kv_precision = .*/$KV_LINE/" \
    data/calibration/trtllm-published-start.ini > "$tmp"
./rooflab calibrate --profile "$tmp" --measurements data/measurements.csv \
	--software "TensorRT-LLM 0.10.0" --fit "$(fit_of false)" \
	--row-sigma "$ROW_SIGMA" --both-ends act_buffers "$@"
