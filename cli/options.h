/*
** options.h: the options every evaluating command shares (--chip --model
** --precision --isl --osl --tp --pp --ep --chips --batch --profile
** --scenario --set --json, into config/opts.h's eval_opts) as one option
** table (parseopt.h), and the message every command gives on bad input.
** The values that set model parameters stay text here: opts_apply() puts
** them through the parameter table (model/params.c) as --set does.
*/
#ifndef RL_OPTIONS_H
#define RL_OPTIONS_H

#include "../config/opts.h"
#include "parseopt.h"

/* The shared options, fields of an eval_opts. */
extern const opt_def eval_opts_table[];

/* Print "rooflab CMD: message" on stderr, the message through
** rl_utf8_cell (model/utf8.h): a message may quote a file or a database
** (a name, a line, SQLite's words), whose control characters and bytes of
** no UTF-8 character reach the terminal as '?'. */
void cli_say(const char *cmd, const char *msg);

/* The same on stdout: the result of a command whose result is a file
** (sweep's and merge's summary, as plot's and report's "wrote FILE"):
** results and paths on stdout, progress, notes, warnings and errors on
** stderr, so that a script piping the command reads the one alone. */
void cli_result(const char *cmd, const char *msg);

/* "rooflab CMD: wrote PATH" on stdout, the one form of every command
** whose result is a file (calibrate, plot, curve --out, report): PATH
** whole, its controls and bytes of no UTF-8 character as '?'. */
void cli_wrote(const char *cmd, const char *path);

/* The same as "rooflab CMD: warning: message". */
void cli_warn(const char *cmd, const char *msg);

/* The same as "rooflab CMD: note: words", CMD the string cmd points to:
** a run's notes (plots/runfit.h plot_run_notes), each passed here with
** the command's name as its ctx, as export and plot say them. */
void cli_note(void *cmd, const char *words);

/* stdout flushed at a command's end: RL_OK, or RL_EINTERNAL with "rooflab
** CMD: cannot write the output (standard output): REASON" said once (a
** full disk, a file size limit, a closed pipe), where the command's own
** words and main()'s "cannot write to standard output" said it twice,
** without the reason. */
int cli_out_check(const char *cmd);

/* Warn of each --set design.KEY that changes nothing served: on a chip
** given by its spec sheet (chip.by_design = false) the [design] section
** feeds `rooflab area` and, through die_mm2, dies, clock_ghz and
** energy_overhead, power and cost; its other keys (the shares, the HBM
** stacks, the FMA units ...) only derive a spec that such a chip does not
** use.  st is o applied (opts_apply).  On a chip given by its design,
** the warning of opts_design_hbm_kept where it has words. */
void opts_warn_inert_design(const char *cmd, const eval_opts *o,
                            const rl_setup *st);
/* 1 where a chip served by its design (chip.by_design = true) has no
** HBM stacks there (design.hbm_stacks 0) but its spec sheet gives HBM (the
** H200 with --set design.hbm_stacks=0): serving then keeps the sheet's
** chip.hbm_gb and chip.hbm_tbps (model/silicon.c rl_silicon_apply), not
** the chip without HBM the design column shows; else 0 (GDDR6, on the
** board, is no design's). */
int opts_design_hbm_kept(const rl_config *cfg);

/* The spec sheet's HBM bandwidth in chip.hbm_tbps's unit (model/params.c,
** the one table of display units: "4.8 TB/s"), as the chip files and the
** other commands give it, where area and eval's warning wrote "4800 GB/s". */
void opts_hbm_bw_text(const rl_config *cfg, char *buf, size_t len);
/* 1 when "design.KEY[=value]" names such a key (one that acts on a chip
** given by design alone), else 0. */
int opts_design_inert(const char *assignment);
/* 1 when "KEY[=value]" names an SRAM key that serving reads only through
** weights kept resident (chip.sram_resident_share > 0): design.frac_sram,
** design.sram_mm2, design.sram_b_per_clk_per_kb, chip.sram_mb,
** chip.sram_tbps, chip.sram_hbm_copy; else 0. */
int opts_sram_inert(const char *assignment);

/* Note on stderr each --set chip.KEY on a chip given by its spec sheet:
** its price (cost.price_usd, the cost rows' "at price") stays its
** preset's, and its manufacturing cost (model/cost.c) takes of chip.* only
** the HBM capacity and kind, so the cost rows do not price the change.
** On a chip given by its design, each --set design.KEY or chip.KEY: its
** price stays its preset's (a changed chip is not the product
** priced), where its manufacturing cost follows the design.  Nothing,
** either chip, where a --set gives cost.price_usd itself. */
void opts_note_fixed_price(const char *cmd, const eval_opts *o,
                           const rl_setup *st);

/* Print an error as cli_say does and return RL_EINPUT. */
int bad_input(const char *cmd, const char *msg);

/* The same for a reader's failure status rc: RL_EINTERNAL (out of
** memory, no fault of the input: opts_apply, setup_load) returned as it
** is, any other (-1, RL_EINPUT) as RL_EINPUT. */
int input_fail(const char *cmd, int rc, const char *msg);

/* The --db FILE a command writes, checked before any work with
** rl_db_target_check (config/dbfile.h): RL_OK, or RL_EINPUT said as
** "rooflab CMD: --db PATH: ..." ("--db: a database needs a file name ..."
** for ""). */
int db_target(const char *cmd, const char *path);

#endif
