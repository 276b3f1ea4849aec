/*
** cpus.c: the CPUs this process may run on (cpus.h).  sweep's and
** claim's --threads 0 took every CPU online, so a shard or a claim
** pinned to 2 of a machine's 64 CPUs started 64 threads (ux34).
*/
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include <sched.h>
#include <unistd.h>

#include "cpus.h"

long cli_usable_cpus(void)
{
	cpu_set_t set;
	long n;
	CPU_ZERO(&set);
	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n;
}
