/*
** stamp.c: the current time as an ISO 8601 UTC timestamp (stamp.h).
*/
#include "stamp.h"

#include <time.h>

void rl_utc_now(char *buf, size_t len)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
