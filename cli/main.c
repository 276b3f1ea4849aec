/*
** main.c: rooflab's entry point and command table.  Each command is in its
** own file (cli/cmd_*.c); this file only dispatches.
*/
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "../config/setup.h"
#include "../model/params.h"
#include "../model/utf8.h"

#include "../config/version.h"

static const rl_command commands[] = {
    {"eval", cmd_eval, "throughput, latency and bounds of one configuration"},
    {"curve", cmd_curve, "per-chip vs per-user tokens/s, concurrency 1 to max; Pareto fronts"},
    {"map", cmd_map, "every mapping (tp x pp x dp x ep) of N chips, ranked"},
    {"params", cmd_params, "every parameter with unit, range, default, doc"},
    {"presets", cmd_presets, "the presets in the data directory"},
    {"sweep", cmd_sweep, "evaluate a sweep spec into an SQLite database"},
    {"merge", cmd_merge, "combine the shards of a sweep into one database"},
    {"export", cmd_export, "a sweep run as CSV or JSON"},
    {"area", cmd_area, "die budget, derived spec, power and cost of a design"},
    {"calibrate", cmd_calibrate, "fit a profile's efficiencies to measurements"},
    {"validate", cmd_validate, "model against published measurements (or --measurements FILE)"},
    {"plot", cmd_plot, "plots of claim, validation and sweep databases (gnuplot)"},
    {"report", cmd_report, "the claim report as one HTML page or Markdown"},
    {"claim", cmd_claim, "is Sohu 20x an H100? factors, what must be true, uncertainty"},
    {"solve", cmd_solve, "the value of one parameter at which a speedup target is reached"},
};

/* The command named name, or NULL. */
static const rl_command *find_command(const char *name)
{
	size_t i;
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

static void usage(FILE *f)
{
	size_t i;
	fprintf(f, "rooflab %s: analytical models of AI accelerators\n\n"
	           "usage: rooflab COMMAND [options]   (rooflab help COMMAND: its options)\n"
	           "       rooflab --version           (the version; --help or -h: "
	           "this list)\n\n"
	           "commands:\n", RL_VERSION);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nexit status: 0 success, 2 bad input (the message names the "
	      "file, line,\ncolumn or option), 1 internal failure (out of "
	      "memory, a full disk, an I/O error)\n", f);
}

/* words meaning rooflab --version (git's, GNU's and others' spellings) */
static const char *const version_words[] = {"version", "-V", "-v",
                                            "-version", "--v", "--Version",
                                            NULL};

/* "rooflab: unknown command 'evl'; did you mean eval?": the nearest
** command by edit distance, within a third of the name's letters
** (rl_edit_allowed, as every "did you mean"), else the name alone. */
static void unknown_command(const char *name)
{
	size_t i, best = (size_t)-1, d, k = 0;
	char q[200], c[600];
	/* the name as typed, cut at 120 bytes with its size (rl_utf8_quote)
	** and a control character as '?' (rl_utf8_cell), as messages quote
	** what they were given, where its bytes went to the terminal as they
	** were */
	rl_utf8_cell(rl_utf8_quote(name, 120, q, sizeof q), 0, 0, c, sizeof c);
	/* the version asked for as a command or another program's option:
	** --version, the one spelling rooflab takes, where the nearest
	** command or nothing was offered */
	for (i = 0; version_words[i]; i++)
		if (!strcmp(name, version_words[i])) {
			fprintf(stderr, "rooflab: unknown command %s; did you mean "
			        "--version?\n\n", c);
			return;
		}
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		d = rl_edit_distance(name, commands[i].name, 1);
		if (d < best) {
			best = d;
			k = i;
		}
	}
	/* (a name past 127 characters is 1000 edits from any: none near) */
	if (best < 1000 && best <= rl_edit_allowed(strlen(name)))
		fprintf(stderr, "rooflab: unknown command %s; did you mean "
		        "%s?\n\n", c, commands[k].name);
	else
		fprintf(stderr, "rooflab: unknown command %s\n\n", c);
}

/* "rooflab help eval extra": help takes one command, and a word after it
** was dropped without a word; it is refused as any command's extra word
** is ("unexpected argument 'extra'"), naming the help that was meant. */
static int help_stray(const char *name, const char *word)
{
	char q[200], c[600], msg[1000];
	rl_utf8_cell(rl_utf8_quote(word, 120, q, sizeof q), 0, 0, c, sizeof c);
	/* (plot curve has options of its own: said where to read them after
	** "help plot curve" alone; the other kinds' are in help plot) */
	snprintf(msg, sizeof msg, "unexpected argument %s: help takes one "
	         "command (rooflab help %s%s)", c, name,
	         strcmp(name, "plot") || strcmp(word, "curve")
	             ? ""
	             : "; plot curve's own options: rooflab plot curve --help");
	return bad_input("help", msg);
}

/* "rooflab --help extra": the list of commands takes no word, and one
** after it was dropped without a word, where "rooflab help eval extra"
** is refused (help_stray); refused alike, naming a command's own help
** where the word is a command ("rooflab --help eval" meant eval's).  So
** is one after --version (fuzz9: it printed the version, exit 0). */
static int list_stray(const char *opt, const char *word)
{
	char q[200], c[600], msg[1000];
	int cmd = find_command(word) != NULL;
	rl_utf8_cell(rl_utf8_quote(word, 120, q, sizeof q), 0, 0, c, sizeof c);
	snprintf(msg, sizeof msg, "unexpected argument %s: %s takes no word "
	         "(rooflab %s: %s%s%s%s)", c, opt, opt,
	         strcmp(opt, "--version") ? "the commands" : "the version",
	         cmd ? "; rooflab help " : "", cmd ? word : "",
	         cmd ? ": its options" : "");
	return bad_input(opt, msg);
}

/* "rooflab --json eval", "rooflab --db x.db report": an option before
** the command, which was refused as "unknown command '--json'" over the
** list of commands, as if the word eval had been wrong; the order is what
** is wrong, said with the command found later (options follow it).  0
** where argv[1] is no option or no later word is a command (a version
** word, "-v", is version_words'). */
static int option_first(int argc, char **argv)
{
	char q[200], c[600], msg[1400];
	const rl_command *cmd = NULL;
	int i;
	if (argv[1][0] != '-')
		return 0;
	for (i = 0; version_words[i]; i++)
		if (!strcmp(argv[1], version_words[i]))
			return 0;
	for (i = 2; i < argc && !cmd; i++)
		cmd = find_command(argv[i]);
	if (!cmd)
		return 0;
	rl_utf8_cell(rl_utf8_quote(argv[1], 120, q, sizeof q), 0, 0, c, sizeof c);
	snprintf(msg, sizeof msg, "rooflab: option %s comes before the command "
	         "%s: the command comes first, its options after it (rooflab "
	         "%s [OPTIONS]; rooflab help %s: its options)\n", c, cmd->name,
	         cmd->name, cmd->name);
	fputs(msg, stderr);
	return 1;
}

static int dispatch(int argc, char **argv)
{
	const rl_command *c;
	if (argc < 2) {
		usage(stderr);
		return RL_EINPUT;
	}
	/* rooflab help COMMAND is rooflab COMMAND --help, where it printed
	** this list and left the reader to guess again; help about help
	** (help, --help, -h) is this list, as before */
	if (!strcmp(argv[1], "help") && argc > 2 && strcmp(argv[2], "help") &&
	    strcmp(argv[2], "--help") && strcmp(argv[2], "-h")) {
		char opt[] = "--help";
		char *av[3];
		if ((c = find_command(argv[2])) != NULL) {
			if (argc > 3)
				return help_stray(c->name, argv[3]);
			av[0] = argv[2];
			av[1] = opt;
			av[2] = NULL;
			return c->run(2, av);
		}
		unknown_command(argv[2]);
		usage(stderr);
		return RL_EINPUT;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		if (!strcmp(argv[1], "help") && argc > 3)
			return help_stray(argv[2], argv[3]);
		if (strcmp(argv[1], "help") && argc > 2)
			return list_stray(argv[1], argv[2]);
		usage(stdout);
		return RL_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		if (argc > 2)
			return list_stray(argv[1], argv[2]);
		printf("rooflab %s\n", RL_VERSION);
		return RL_OK;
	}
	if ((c = find_command(argv[1])) != NULL)
		return c->run(argc - 1, argv + 1);
	if (option_first(argc, argv))
		return RL_EINPUT;
	unknown_command(argv[1]);
	usage(stderr);
	return RL_EINPUT;
}

/* Every command's output is checked here, once: a full disk or a closed
** pipe on stdout is a failure, not a silent exit 0. */
int main(int argc, char **argv)
{
	int rc;
	/* Past a file size limit (ulimit -f, RLIMIT_FSIZE, as a batch system
	** may set one) a write fails with EFBIG instead of SIGXFSZ ending the
	** process: sweep then commits what it can and says "a file size limit
	** reached ... rerun with --resume" (exit 1), merge removes its
	** OUT.tmp-PID, export says it cannot write.  Until 2026-12-01 the
	** signal's default ended each at once, silently (exit 153), merge's
	** temporary left behind (tests/cli_sweepscale.sh). */
	signal(SIGXFSZ, SIG_IGN);
	rc = dispatch(argc, argv);
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		/* a command that failed has said so (cli_out_check: its own
		** failure to write, with why), where this line said it again */
		if (rc == RL_OK) {
			fprintf(stderr, "rooflab: cannot write to standard "
			        "output%s%s\n", errno ? ": " : "",
			        errno ? strerror(errno) : "");
			rc = RL_EINTERNAL;
		}
	}
	return rc;
}
