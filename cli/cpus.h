/*
** cpus.h: how many CPUs this process may run on, for the commands whose
** --threads 0 means one thread per CPU (sweep, claim).
*/
#ifndef RL_CLI_CPUS_H
#define RL_CLI_CPUS_H

/* The CPUs this process may run on, as nproc counts them: its affinity
** mask (taskset, a cgroup's cpuset, a Slurm task's cores), else every CPU
** online; at least 1. */
long cli_usable_cpus(void);

#endif
