#!/bin/sh
# vocab-pairs.sh: Llama-3/3.1 70B against Llama-2 70B, row by row, in the
# H100 tables that measured both (TensorRT-LLM 0.11-0.13).  The two models
# have the same layers, width, GQA and MLP; they differ in the vocabulary
# (128,256 against 32,000 tokens).  With --8b: Llama-3/3.1 8B against
# Mistral-7B (TensorRT-LLM 0.11-0.17), again the same layers, width, GQA (8
# KV heads) and MLP (data/models/*.ini) and the same two vocabularies; the
# TensorRT backend attends to the whole context (scripts/fit-profiles.sh),
# so Mistral's 4,096-token window plays no part either.  For each pair of
# rows of one version, precision, tp and isl/osl it prints the measured
# throughputs, their ratio (small vocabulary / large) and the ratio the
# model predicts with each version's profile (`rooflab validate`), then the
# median of both ratios per precision and tp.  Measured ratios far from the
# model's show what the model does not explain (data/calibration/NOTES.md,
# "Llama-3/3.1 70B against Llama-2 70B" and "Vocabulary costs").
#   usage: scripts/vocab-pairs.sh [--8b] [VERSION...]
#   (default versions: 0.11.0 0.12.0 0.13.0; with --8b 0.11.0 to 0.17.0)
set -e
cd "$(dirname "$0")/.."
RL=${ROOFLAB:-./rooflab}
M=data/measurements/published-h100.csv
small=llama2-70b big1=llama3-70b big2=llama3.1-70b
defaults="0.11.0 0.12.0 0.13.0"
if [ "${1:-}" = --8b ]; then
	shift
	small=mistral-7b big1=llama3-8b big2=llama3.1-8b
	defaults="0.11.0 0.12.0 0.13.0 0.14.0 0.15.0 0.17.0"
fi
versions=${*:-$defaults}
tmp=$(mktemp "${TMPDIR:-/tmp}/vocab.XXXXXX")
trap 'rm -f "$tmp"' EXIT
"$RL" validate > "$tmp"
# the csv's first fields hold no quoted commas: id, software, version,
# chip, gpus, model, precision, isl, osl, tp; validate's table: id chip
# model prec isl osl tp measured model error
awk -F, -v vers=" $versions " -v small="$small" -v big1="$big1" -v big2="$big2" '
	FNR == NR {
		if (NF >= 10 && $4 == "h100-sxm" && index(vers, " " $3 " ") &&
		    ($6 == small || $6 == big1 || $6 == big2))
			ver[$1] = $3
		next
	}
	{
		split($0, f, " ")
		if (!(f[1] in ver) || f[10] == "" || f[9] !~ /^[0-9.e+]+$/)
			next
		k = ver[f[1]] " " f[4] " " f[7] " " f[5] "/" f[6]
		if (f[3] == small) {
			m2[k] = f[8]; p2[k] = f[9]
		} else {
			n3[k]++; m3[k, n3[k]] = f[8]; p3[k, n3[k]] = f[9]; w3[k, n3[k]] = f[3]
		}
	}
	END {
		sh = small; sub(/-.*/, "", sh)
		bh = big1; sub(/-.*/, "", bh)
		printf "%-7s %-5s %3s %-10s %10s %10s %8s %8s  %s\n", "version",
		    "prec", "tp", "isl/osl", sh, bh, "measured", "model",
		    "(" sh " / " bh " output tokens/s)"
		for (k in n3) {
			if (!(k in m2))
				continue
			for (i = 1; i <= n3[k]; i++) {
				split(k, a, " ")
				rm = m2[k] / m3[k, i]; rp = p2[k] / p3[k, i]
				printf "%-7s %-5s %3s %-10s %10.1f %10.1f %8.2f %8.2f  %s\n",
				    a[1], a[2], a[3], a[4], m2[k], m3[k, i], rm, rp, w3[k, i] | "sort -k1,1 -k2,2 -k3,3n -k4,4"
				g = a[2] " tp" a[3]
				ng[g]++; gm[g, ng[g]] = rm; gp[g, ng[g]] = rp
			}
		}
		close("sort -k1,1 -k2,2 -k3,3n -k4,4")
		printf "\nmedian ratio per precision and tp (all versions given)\n"
		for (g in ng) {
			n = ng[g]
			for (i = 1; i <= n; i++) { x[i] = gm[g, i]; y[i] = gp[g, i] }
			for (i = 2; i <= n; i++)
				for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
			for (i = 2; i <= n; i++)
				for (j = i; j > 1 && y[j - 1] > y[j]; j--) { t = y[j]; y[j] = y[j - 1]; y[j - 1] = t }
			mx = n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
			my = n % 2 ? y[(n + 1) / 2] : (y[n / 2] + y[n / 2 + 1]) / 2
			printf "  %-10s %3d pairs: measured %5.2f, model %5.2f\n", g, n, mx, my | "sort"
		}
	}' "$M" "$tmp"
