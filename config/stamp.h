/*
** stamp.h: the time a database row or a report is written, as an ISO 8601
** UTC timestamp ("2026-11-28T05:40:00Z").
*/
#ifndef RL_STAMP_H
#define RL_STAMP_H

#include <stddef.h>

/* The current time into buf (at least 21 bytes). */
void rl_utc_now(char *buf, size_t len);

#endif
