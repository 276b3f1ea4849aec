/*
** commands.h: the command table.  Each subcommand lives in its own file,
** cli/cmd_NAME.c, and is listed once in main.c.
*/
#ifndef RL_COMMANDS_H
#define RL_COMMANDS_H

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
	const char *summary;
} rl_command;

int cmd_eval(int argc, char **argv);
int cmd_curve(int argc, char **argv);
/* `rooflab plot curve` (cmd_curve.c): the curve as a gnuplot image. */
int cmd_plot_curve(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_params(int argc, char **argv);
int cmd_presets(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_area(int argc, char **argv);
int cmd_calibrate(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_claim(int argc, char **argv);
int cmd_solve(int argc, char **argv);

#endif
