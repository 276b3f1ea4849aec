/*
** presetdoc.h: a one-line description of a preset, from the first comment
** line of its INI file ("; h100-sxm: NVIDIA H100 ..." gives "NVIDIA H100
** ..."), for `rooflab presets`.
*/
#ifndef RL_PRESETDOC_H
#define RL_PRESETDOC_H

#include <stddef.h>

/* The description of preset `name` of `kind` into buf (at most `width`
** characters, cut at a word with "..."; tabs as blanks, other control
** characters and bytes of no UTF-8 character as '?'); "" when the file
** has none. */
void preset_doc(const char *kind, const char *name, char *buf, size_t len,
                size_t width);

/* s into buf as preset_doc writes a description: controls and bytes of no
** UTF-8 character as '?', cut at a word with "..." past width (>= 8)
** characters (`rooflab presets`' model lines, made from the shape). */
void preset_doc_fit(const char *s, char *buf, size_t len, size_t width);

#endif
