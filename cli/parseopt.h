/*
** parseopt.h: a command's options as one static table (after git's
** parse-options.h): each entry names an option, its type (flag, string,
** number, whole number, one of some words, a callback, or the entries of
** another table), where its value goes in the command's option struct,
** its help line and its allowed range.  One parser walks argv against the
** table; --help comes from the table; every bad value is reported the same
** way: "rooflab CMD: --NAME: 'VALUE' is not a number in [LO, HI]" (or
** "is outside the allowed range (a number in [LO, HI])" for a number
** beyond an end), exit 2.
*/
#ifndef RL_PARSEOPT_H
#define RL_PARSEOPT_H

#include <stddef.h>
#include <stdio.h>

#include "../config/num.h"
#include "../model/params.h"

typedef enum {
	OPT_T_END = 0,
	OPT_T_FLAG,   /* no value: stores ival into an int */
	OPT_T_STRING, /* a const char * (the text in argv) */
	OPT_T_NUMBER, /* a double within range */
	OPT_T_WHOLE,  /* a whole number within range, into an integer field */
	OPT_T_ENUM,   /* one of choices: its index into an int */
	OPT_T_CALL,   /* cb(value) */
	OPT_T_TABLE   /* the entries of sub, their fields at off */
} opt_type;

typedef struct opt_def opt_def;

/* A callback option: field is the struct at base + off; name the option
** as written (without "=value").  1 taken; 0 not this option (OPT_PREFIX
** entries only); -1 with err. */
typedef int (*opt_fn)(const opt_def *d, void *field, const char *name,
                      const char *value, char *err, size_t errlen);

enum {
	OPT_PREFIX = 1, /* name is a prefix; cb says whether the word is one */
	OPT_NOVALUE = 2,  /* a callback that takes no value */
	OPT_HELP_ONLY = 4, /* a line of help, no option (name and arg shown) */
	OPT_REPEAT = 8,    /* a callback given again adds (--set, --vary); any
	                   ** other option given twice is refused */
	OPT_ASSIGN = 16    /* its values are SECTION.KEY=V (--set): two that
	                   ** name one parameter, or one naming the parameter
	                   ** of an option given too (--tp and scenario.tp),
	                   ** are refused, whatever their order */
};

struct opt_def {
	opt_type type;
	const char *name;   /* "--db"; a prefix when flags has OPT_PREFIX (help
	                    ** then shows arg alone: "--ttft-max S") */
	size_t off;         /* the field's offset in the option struct */
	size_t size;        /* OPT_T_WHOLE: the field's size (4 or 8) */
	const char *arg;    /* the value in help: FILE, N */
	const char *help;   /* NULL: not listed */
	num_range range;    /* OPT_T_NUMBER, OPT_T_WHOLE */
	int flags;
	int ival;           /* OPT_T_FLAG: the value stored */
	const char *const *choices; /* OPT_T_ENUM: NULL-terminated */
	opt_fn cb;
	const opt_def *sub; /* OPT_T_TABLE */
	const char *param;  /* "scenario.isl": help shows that parameter's
	                    ** range (the value is checked there, as --set) */
	const char *alias;  /* OPT_ALIAS: the option of the same table this
	                    ** name stands for (an old spelling kept) */
};

#define OPT_FIELD(T, F) .off = offsetof(T, F)
#define OPT_BOOL(N, T, F, H) \
	{.type = OPT_T_FLAG, .name = N, OPT_FIELD(T, F), .ival = 1, .help = H}
#define OPT_SETINT(N, T, F, V, H) \
	{.type = OPT_T_FLAG, .name = N, OPT_FIELD(T, F), .ival = V, .help = H}
#define OPT_STR(N, T, F, A, H) \
	{.type = OPT_T_STRING, .name = N, OPT_FIELD(T, F), .arg = A, .help = H}
/* the text of a parameter of model/params.c, checked when applied */
#define OPT_PARAM(N, T, F, A, P, H)                                        \
	{.type = OPT_T_STRING, .name = N, OPT_FIELD(T, F), .arg = A, .param = P, \
	 .help = H}
#define OPT_NUM(N, T, F, A, LO, HI, FL, H)                                 \
	{.type = OPT_T_NUMBER, .name = N, OPT_FIELD(T, F), .arg = A,           \
	 .range = {LO, HI, FL, NULL}, .help = H}
#define OPT_INT(N, T, F, A, LO, HI, NOUN, H)                               \
	{.type = OPT_T_WHOLE, .name = N, OPT_FIELD(T, F),                      \
	 .size = sizeof(((T *)0)->F), .arg = A,                                \
	 .range = {LO, HI, NUM_WHOLE, NOUN}, .help = H}
#define OPT_ENUMS(N, T, F, CHOICES, H)                                     \
	{.type = OPT_T_ENUM, .name = N, OPT_FIELD(T, F), .choices = CHOICES,   \
	 .help = H}
#define OPT_CALL(N, T, F, A, CB, FL, H)                                    \
	{.type = OPT_T_CALL, .name = N, OPT_FIELD(T, F), .arg = A, .cb = CB,   \
	 .flags = FL, .help = H}
/* a callback given the whole option struct (the field is the struct) */
#define OPT_CALL_ALL(N, A, CB, FL, H)                                      \
	{.type = OPT_T_CALL, .name = N, .off = 0, .arg = A, .cb = CB,          \
	 .flags = FL, .help = H}
/* N is another spelling of the option OF of the same table (an old
** name kept so that no script breaks): it parses as OF does, counts as OF
** when both are given (refused as given twice), and --help lists it as
** "an alias of OF". */
#define OPT_ALIAS(N, OF, A)                                                \
	{.type = OPT_T_FLAG, .name = N, .arg = A, .alias = OF,                 \
	 .help = "an alias of " OF " (the old spelling, kept)"}
#define OPT_SUB(T, F, SUB) {.type = OPT_T_TABLE, OPT_FIELD(T, F), .sub = SUB}
#define OPT_LAST {.type = OPT_T_END}

/* What opt_parse hands back when the command goes on. */
#define OPT_GO_ON (-1)

/* Parse argv[1..] against t into base.  --help or -h (anywhere, not as an
** option's value) prints help(stdout) and gives RL_OK, unless a word past
** maxpos is given with it (refused as below).  Words that are not
** options go to pos[0..maxpos-1] (*npos of them; pos may be NULL when
** maxpos is 0).  Unknown options, extra words, missing and bad values are
** "rooflab CMD: ..." on stderr and RL_EINPUT.  OPT_GO_ON when all is well. */
int opt_parse(const char *cmd, const opt_def *t, void *base, int argc,
              char **argv, const char **pos, int maxpos, int *npos,
              void (*help)(FILE *f));

/* A command's check of its words (pos[0..npos-1]) given beside --help:
** RL_OK, and the help is printed; else the exit status, its message said
** ("rooflab plot --help w": no such plot kind, exit 2, no help).  base is
** the option struct, its options applied. */
typedef int (*opt_words_fn)(const void *base, const char **pos, int npos);

/* opt_parse, and where --help is given and the command line parses,
** words (NULL: none) checks the words first. */
int opt_parse_words(const char *cmd, const opt_def *t, void *base,
                    int argc, char **argv, const char **pos, int maxpos,
                    int *npos, void (*help)(FILE *f), opt_words_fn words);

/* The same without printing: 0, 1 after --help, or -1 with err. */
int opt_parse_quiet(const char *cmd, const opt_def *t, void *base,
                    int argc, char **argv, const char **pos, int maxpos,
                    int *npos, char *err, size_t errlen);

/* A parameter's allowed values as `rooflab params` shows them: "1..1000000",
** or the names an enum takes, "fp8|fp16|bf16". */
void opt_param_range(const rl_param *p, char *buf, size_t len);

/* "options:" and one line per listed entry of t: name, value, help and
** the allowed values. */
void opt_help(FILE *f, const opt_def *t);

/* The same without the options named in skip (NULL-terminated): those of
** a shared table that the command refuses (opt_refuse_given). */
void opt_help_except(FILE *f, const opt_def *t, const char *const *skip);

/* A string option of t (or a table in it) named in names (NULL-terminated)
** that the command line gave: "rooflab CMD: --NAME: WHY" on stderr and
** RL_EINPUT; 0 when none was given.  For the shared options a command
** takes no account of, which it would otherwise ignore without a word. */
int opt_refuse_given(const char *cmd, const opt_def *t, const void *base,
                     const char *const *names, const char *why);

#endif
