/*
** cmd_presets.c: `rooflab presets`: the presets of each kind found in the
** data directory.
*/
#include <stdio.h>

#include "commands.h"
#include "../config/setup.h"

int cmd_presets(int argc, char **argv)
{
	static const char *const kinds[] = {"chip", "model", "scenario",
	                                    "profile", "node", "uncertainty"};
	size_t i;
	char buf[4096];
	(void)argc;
	(void)argv;
	printf("data directory: %s\n", rl_data_dir());
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		preset_names(kinds[i], buf, sizeof buf);
		printf("  %-12s %s\n", kinds[i], buf[0] ? buf : "(none)");
	}
	return RL_OK;
}
