/*
** cmd_export.c: `rooflab export` (being written).
*/
#include <stdio.h>

#include "commands.h"
#include "setup.h"

int cmd_export(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "rooflab export: not yet available\n");
	return RL_EXIT_INTERNAL;
}
