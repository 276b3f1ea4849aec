/*
** archgroup.h: which models are one network for the engine, and the
** leave-out groups that follow (`rooflab calibrate --loo-arch`).
**
** Two model presets can describe the same network under different names
** (Llama-3, 3.1 and 3.3 70B: data/calibration/NOTES.md).  A fit that leaves
** out one name keeps its twin, the same network, among the rows that predict
** it; leave-one-architecture-out leaves out every name of one network
** together.  "One network" is decided on the parsed model, field by field:
** every parameter of the "model" section of the parameter table
** (model/params.c), which is every field of rl_model the engine reads, must
** be equal.  What a preset file says that the engine does not parse (its
** name, comments, RoPE scaling, the context length the checkpoint was
** trained to) changes no serving cost in this engine, so it does not count;
** a field that differs does, and the two are not twins.
*/
#ifndef RL_ARCHGROUP_H
#define RL_ARCHGROUP_H

#include <stddef.h>

#include "rl_config.h"

/* 1 when a's and b's models are one network for the engine (every "model"
** parameter equal), else 0. */
int rl_arch_same(const rl_config *a, const rl_config *b);

/* The leave-out group of each of n rows: rows of the same model name, or
** whose models are one network (rl_arch_same), share a group, and so does
** anything linked to them through either, transitively.  group[i] is the
** index of the group's first row. */
void rl_arch_groups(const rl_config *const *cfg, const char *const *name,
                    size_t n, int *group);

/* The groups (from rl_arch_groups) that hold more than one distinct name,
** written into buf as "a = b = c, d = e": names in each group sorted by
** strcmp, the groups by their first name; "" with none.  Returns how many
** such groups there are (buf cut at len - 1 bytes when it is too short). */
size_t rl_arch_twins(const char *const *name, const int *group, size_t n,
                     char *buf, size_t len);

#endif
