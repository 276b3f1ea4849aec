/*
** presetnote.h: the source or ASSUMPTION a preset file writes beside one
** of its keys (the comment lines right above the key, and any comment
** after its value), so that a figure taken from a preset can be printed
** with the words that say where it comes from.
*/
#ifndef RL_PRESETNOTE_H
#define RL_PRESETNOTE_H

#include <stddef.h>

/* The note of key `key` in section `section` of INI file `path`: the
** comment lines right above the key's line (no blank line between) and a
** comment after its value on that line (cut where the ini reader cuts
** it, ini_comment), in file order, each without its ';' or '#' and
** blanks, joined by one blank (controls and bytes of no UTF-8
** character as '?', rl_utf8_cell), into buf: at most 2047 bytes and
** len - 1, a longer note cut after a whole character and ended "..." so
** that the cut shows; the value as written (its
** comment and blanks dropped) into val.  1 where the key is in the
** section, else 0 with buf and val "" (no file, no such key). */
int preset_key_note(const char *path, const char *section, const char *key,
                    char *buf, size_t len, char *val, size_t vlen);

/* The words beside the chip preset's [cost] price_usd (path) into buf,
** where that price is the one in use (price_usd, of the run): 1, else 0
** and buf "" (no note, no such key, or a price set for the run by --set
** or a spec's key, which the preset's words are not about).  claim's
** price note and eval's stand-in note read it. */
int preset_price_note(const char *path, double price_usd, char *buf,
                      size_t len);

/* preset_price_note where its words mark the price an ASSUMPTION, a
** stand-in (Sohu's: the H100's 33,625 USD, Etched having published
** none): 1 with the words in buf, else 0 and buf "".  eval's stand-in
** note and sweep's say it. */
int preset_price_stand_in(const char *path, double price_usd, char *buf,
                          size_t len);

#endif
