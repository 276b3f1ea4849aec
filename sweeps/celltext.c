/*
** celltext.c: what rooflab never writes in a sweep's text cell
** (celltext.h).
*/
#include "celltext.h"

#include <sqlite3.h>
#include <string.h>

#include "../model/utf8.h"

int rl_cell_text_fault(int type, const unsigned char *s, int n)
{
	if (type == SQLITE_BLOB)
		return RL_CELL_TEXT_BLOB;
	if (type != SQLITE_TEXT || !s)
		return RL_CELL_TEXT_OK;
	if (n < 0 || strlen((const char *)s) != (size_t)n)
		return RL_CELL_TEXT_NUL;
	if (rl_utf8_bad((const char *)s) >= 0)
		return RL_CELL_TEXT_BAD;
	/* a tab or line break is text a CSV quotes and JSON escapes (a unit
	** holding one is quoted: cli_sweep); ESC and the rest a terminal
	** obeys, and a bidirectional control reorders the row after it
	** (rl_utf8_control: the rule of a terminal's table cells) */
	for (; *s; s += rl_utf8_len(s))
		if (*s != '\t' && *s != '\n' && *s != '\r' && rl_utf8_control(s))
			return RL_CELL_TEXT_CTRL;
	return RL_CELL_TEXT_OK;
}

const char *rl_cell_text_words(int kind)
{
	switch (kind) {
	case RL_CELL_TEXT_NUL:
		return " with a NUL byte after it";
	case RL_CELL_TEXT_BAD:
		return " with a byte of no UTF-8";
	case RL_CELL_TEXT_CTRL:
		return " with a control character";
	default:
		return "";
	}
}
