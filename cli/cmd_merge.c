/*
** cmd_merge.c: `rooflab merge` (being written).
*/
#include <stdio.h>

#include "commands.h"
#include "setup.h"

int cmd_merge(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "rooflab merge: not yet available\n");
	return RL_EXIT_INTERNAL;
}
