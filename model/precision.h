/*
** precision.h: what a scenario resolves to (precision.c): the precisions
** of weights, activations, KV cache, embedding and LM head and of the
** matrix units, the chips it runs on, and a chip's matrix peak at a
** precision.  Bytes and names of the precisions are rl_config.h's.
*/
#ifndef RL_PRECISION_H
#define RL_PRECISION_H

#include "rl_config.h"

/* Resolved precisions of a scenario. */
int rl_weight_prec(const rl_scenario *s);
int rl_act_prec(const rl_scenario *s);
int rl_kv_prec(const rl_config *cfg);
/* The embedding table's and LM head's: where the weights are quantized
** (narrower than 16 bits), the profile's head_precision (auto: the
** weights'), never narrower than the weights; else the weights'. */
int rl_head_prec(const rl_config *cfg);
/* The precision the matrix units run at: the wider of weights and
** activations. */
int rl_matrix_prec(const rl_scenario *s);
/* Chips of the deployment: chips when set, else tp x pp x ep (one replica). */
double rl_scen_chips(const rl_scenario *s);
/* Matrix peak FLOP/s of a chip at a precision; 0 if unsupported. */
double rl_chip_peak(const rl_chip *c, int prec);

#endif
