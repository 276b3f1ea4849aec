/*
** chiplabel.h: the GPU labels of a measurements table ("H200 141GB HBM3e",
** "A100-PCIE-80GB", "NVIDIA HGX B200") read as chip presets (h200-sxm,
** a100-pcie, b200): the family, form factor, capacity and memory kind a
** label gives must all be the part's own (the table chip_labels in
** chiplabel.c, with its sources), any other word names no part.  Also
** whether a label, or the label of a notes entry ("GH200 0.95"), names a
** given preset.  Reads only its arguments; no state.
*/
#ifndef RL_CHIPLABEL_H
#define RL_CHIPLABEL_H

#include <stddef.h>

/* The chip preset a table's GPU label names: the label itself when it is
** spelled as a preset (h200-sxm), else the one chip_labels gives for a
** label of exactly the tables' form, any case and ASCII punctuation
** (label_sep in chiplabel.c): an optional "NVIDIA" and system ("HGX", "DGX"), the family
** ("H200"), then only a form factor ("SXM4", "PCIe"), the product's words
** ("Tensor Core GPU", label_descriptions; its own architecture's and
** GB200's rack "NVL72", label_family_words),
** capacities ("141GB", "480 GB": the first the GPU's, a second only beside
** LPDDR5X, the Grace's) and memory kinds ("HBM3e").  NULL when
** none: another part ("H200 NVL", "GH200 144GB HBM3e", an L40) or any
** other word ("h100x", "H100 80GB foo"), which the row then names as given
** (an unknown chip, not modelled). */
const char *chiplabel_preset(const char *label);

/* 1 when the first n characters of label, a table's chip label (any case:
** "GH200"), name the chip preset (gh200, or a preset of the same chip
** such as h200-sxm for "H200"). */
int chiplabel_is_chip(const char *label, size_t n, const char *chip);

/* 1 when the first n characters of s (a label of a notes entry, blanks
** at its end allowed) name the chip preset: as chiplabel_is_chip, or as a
** table's GPU label that chiplabel_preset takes to it. */
int chiplabel_entry_names(const char *s, size_t n, const char *chip);

#endif
