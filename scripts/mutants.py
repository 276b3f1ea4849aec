#!/usr/bin/env python3
"""mutants.py: hand-written mutants of a source file, each checked against
the unit tests that should kill it (the mutation campaign of fuzz12: the
heatmap's cells computed in C, plots/cellbest.c, and the nearest stored
value of plot --at, plots/sweepat.c's nearest_c and nearest; fuzz13's:
the model labels, config/modellabel.c, and the words beside --help,
cli/parseopt.c's opt_parse_words, wants_help and help_stray, whose tests
are a cli script: ./rooflab relinked for each and the script run;
fuzz14's: the interned strings, config/strpool.c, the run's preset cache,
config/presetcache.c, and a failed sweep's removal of the database it
made, sweeps/dbmade.c; fuzz15's: config/keymemo.c and strpool_key).

Each mutant is one exact text replacement (flip a comparison, an off-by-one,
a branch dropped); the file is restored after each, whatever happens.  A
mutant is killed when a test binary exits non-zero (a sanitizer's report
too, with SAN=1); one that does not build is counted apart (stillborn).

  python3 scripts/mutants.py [--san] [--only GROUP] [--match WORD,...]
GROUP: cellbest, sweepat, modellabel, parseopt, strpool, presetcache,
dbmade, keymemo; --match: only the mutants whose name holds a word.  A
test binary that runs past --timeout (300 s) counts as killed (a mutant
that loops).
Exit 0 when every mutant is killed or listed in EQUIVALENT (with why).
fuzz12's run (--san): 41 of 57 killed (cellbest 30 of 34, sweepat 11 of
23), the other 16 equivalent.  fuzz13's: modellabel (--san) 21 of 24
killed, the other 3 equivalent; parseopt 14 of 14 killed, three of them by
the cli_help.sh checks fuzz13 added.  fuzz14's (without --san, the
changed mutants run again with --match): strpool 8 of 15 killed, 6
equivalent, 1 a leak that only --san sees (LeakSanitizer; checked by hand);
presetcache 12 of 13 killed, 1 equivalent; dbmade 15 of 23 killed, 8
equivalent or untestable without a wait (listed); the tests that killed
them are test_strpool, test_presetkeys and test_dbmade's new cases.
fuzz15's (without --san): keymemo (config/keymemo.c, ints per key of four
words) 9 of 13 killed by the tests as they stood; two survived, same()
without its last word and keymemo_answer's shortcut comparing word 0
alone, both killed by test_keymemo's two new cases; the hash's two
mutants are equivalent (listed).  strpool's five strpool_key mutants (the
length, the separator, the head, the last text, the size past len): 5 of
5 killed by test_presetcache.
Not run by make test (it rebuilds the
tests once per mutant, GITREV held so that no other file is rebuilt:
about 20 minutes under load).
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (name, file, old text, new text): old occurs exactly once in the file
MUTANTS = {
    "cellbest": ("plots/cellbest.c", ["test_cellbest"], [
        ("z integer past 2^53 asked", "return !is_z && (i > EXACT_INT",
         "return (i > EXACT_INT"),
        ("2^53 itself odd (>=)", "i > EXACT_INT ||", "i >= EXACT_INT ||"),
        ("-2^53 itself odd (<=)", "i < -EXACT_INT", "i <= -EXACT_INT"),
        ("upper bound dropped", "(i > EXACT_INT || i < -EXACT_INT)",
         "(i < -EXACT_INT)"),
        ("lower bound dropped", "(i > EXACT_INT || i < -EXACT_INT)",
         "(i > EXACT_INT)"),
        ("-0 not odd", "return v == 0 && signbit(v);", "return v != v;"),
        ("every 0 odd", "return v == 0 && signbit(v);", "return v == 0;"),
        ("NULL z odd", "return t != SQLITE_NULL || !is_z;",
         "return 1;"),
        ("NULL axis not odd", "return t != SQLITE_NULL || !is_z;",
         "return t != SQLITE_NULL;"),
        ("text never odd", "return t != SQLITE_NULL || !is_z;",
         "return !is_z && t == SQLITE_NULL;"),
        ("x sorted descending", "? (u[0] > v[0]) - (u[0] < v[0])",
         "? (u[0] < v[0]) - (u[0] > v[0])"),
        ("y sorted descending", ": (u[1] > v[1]) - (u[1] < v[1]);",
         ": (u[1] < v[1]) - (u[1] > v[1]);"),
        ("y not sorted", ": (u[1] > v[1]) - (u[1] < v[1]);", ": 0;"),
        ("sorted by y first", "return u[0] != v[0] ?",
         "return u[1] != v[1] ?"),
        ("x axis not checked", "if (odd_value(st, 0, 0) || ",
         "if ("),
        ("y axis not checked", "odd_value(st, 1, 0) ||\n", "\n"),
        ("z not checked", "||\n\t\t    odd_value(st, 2, 1))", ")"),
        ("z checked as an axis", "odd_value(st, 2, 1)",
         "odd_value(st, 2, 0)"),
        ("no growth", "cap = cap ? 2 * cap : 1024;",
         "cap = cap ? cap : 1024;"),
        ("first block 1", "cap = cap ? 2 * cap : 1024;",
         "cap = cap ? 2 * cap : 1;"),
        ("NULL z read as 0", "== SQLITE_NULL\n\t\t                   ? NAN :",
         "== SQLITE_NULL\n\t\t                   ? 0 :"),
        ("no sort", "if (k > 0)\n\t\tqsort", "if (k < 0)\n\t\tqsort"),
        ("least and most swapped", "least ? z < *best\n",
         "least ? z > *best\n"),
        ("least <=", "least ? z < *best\n", "least ? z <= *best\n"),
        ("most >=", ": z > *best)))", ": z >= *best)))"),
        ("NULL z taken", "if (!isnan(z) && (isnan(*best) ||",
         "if ((isnan(*best) ||"),
        ("a NULL best kept", "if (!isnan(z) && (isnan(*best) ||",
         "if (!isnan(z) && ("),
        ("merged on x or y", "if (m > 0 && c[3 * (m - 1)] == c[3 * i] &&\n"
         "\t\t    c[3 * (m - 1) + 1] == c[3 * i + 1]) {",
         "if (m > 0 && (c[3 * (m - 1)] == c[3 * i] ||\n"
         "\t\t    c[3 * (m - 1) + 1] == c[3 * i + 1])) {"),
        ("x not compared", "if (m > 0 && c[3 * (m - 1)] == c[3 * i] &&",
         "if (m > 0 &&"),
        ("y not compared", "&&\n\t\t    c[3 * (m - 1) + 1] == c[3 * i + 1]) {",
         ") {"),
        ("first cell merged into nothing", "if (m > 0 && c[3",
         "if (m >= 0 && c[3"),
        ("cells counted as rows", "*n = m;", "*n = k;"),
        ("last cell dropped", "*n = m;", "*n = m - 1;"),
        ("run skipped (no continue)", "*best = z;\n\t\t\tcontinue;",
         "*best = z;"),
    ]),
    "sweepat": ("plots/sweepat.c", ["test_sweepat"], [
        ("<= picks the last of ties", "if (!*any || d < bestd) {",
         "if (!*any || d <= bestd) {"),
        ("no first value", "if (!*any || d < bestd) {",
         "if (d < bestd) {"),
        ("farthest", "if (!*any || d < bestd) {",
         "if (!*any || d > bestd) {"),
        ("inf value kept in C", "if (!isfinite(u) || !isfinite(v) ||",
         "if (!isfinite(v) ||"),
        ("v not finite kept in C", "|| !isfinite(v) || (u == 0",
         "|| (u == 0"),
        ("-0 kept in C", " || (u == 0 && signbit(u))) {", ") {"),
        ("every 0 asked", "(u == 0 && signbit(u))", "(u == 0)"),
        ("tie never", "tie = 1;", "tie = 0;"),
        ("same value a tie", "} else if (d == bestd && u != best) {",
         "} else if (d == bestd) {"),
        ("tie not asked", "*ask_sql = *ask_sql || tie;",
         "*ask_sql = *ask_sql || tie > 1;"),
        ("tie kept after a nearer one", "\t\t\ttie = 0;\n\t\t\t*any = 1;",
         "\t\t\t*any = 1;"),
        ("no break", "*ask_sql = 1;\n\t\t\tbreak;", "*ask_sql = 1;"),
        ("distance signed", "d = fabs(u - v);", "d = u - v;"),
        ("SQL never asked", "\tif (ask_sql) {\n\t\tsnprintf",
         "\tif (0) {\n\t\tsnprintf"),
        ("SQL always asked", "\tif (ask_sql) {\n\t\tsnprintf",
         "\tif (1) {\n\t\tsnprintf"),
        ("SQL's row not counted", "\t\tany = row;\n", "\n"),
        ("SQL ordered backwards", "ORDER BY abs(\\\"%s\\\" - ?1) LIMIT 1",
         "ORDER BY abs(\\\"%s\\\" - ?1) DESC LIMIT 1"),
        ("tolerance <", "fabs(s - v) <= 1e-9 * scale", "fabs(s - v) < 1e-9 * scale"),
        ("tolerance 1e-6", "fabs(s - v) <= 1e-9 * scale",
         "fabs(s - v) <= 1e-6 * scale"),
        ("tolerance 1e-17", "fabs(s - v) <= 1e-9 * scale",
         "fabs(s - v) <= 1e-17 * scale"),
        ("scale v alone", "double scale = fmax(fabs(v), fabs(s));",
         "double scale = fabs(v);"),
        ("exact equal dropped", "if (s == v || (isfinite(s) &&",
         "if ((isfinite(s) &&"),
        ("found ignored", "if (any) {\n\t\tdouble scale",
         "if (1) {\n\t\tdouble scale"),
    ]),
    "modellabel": ("config/modellabel.c", ["test_modellabel"], [
        ("'.' parts words", "return c < 0x80 && c != '.' &&",
         "return c < 0x80 &&"),
        ("bytes past ASCII part words", "return c < 0x80 && c != '.' &&",
         "return c != '.' &&"),
        ("blanks part no words", "(isspace(c) || ispunct(c))",
         "ispunct(c)"),
        ("punctuation parts no words", "(isspace(c) || ispunct(c))",
         "isspace(c)"),
        ("a tail's start is a tail", "if (strlen(*t) == n && !strncmp",
         "if (!strncmp"),
        ("no tail dropped", "&& !strncmp(w, *t, n))", "&& strncmp(w, *t, n))"),
        ("hf not a tail", "\"chat\", \"hf\",", "\"chat\","),
        ("nvfp4 not a tail", "\"nvfp4\", ", ""),
        ("first '/'", "strrchr(label, '/')", "strchr(label, '/')"),
        ("'/' kept", "s = s ? s + 1 : label;", "s = s ? s : label;"),
        ("256 bytes read", "if (m >= sizeof low)", "if (m > sizeof low)"),
        ("label not ended", "for (i = 0; i <= (int)m; i++)",
         "for (i = 0; i < (int)m; i++)"),
        ("case kept", "(char)tolower((unsigned char)s[i])", "s[i]"),
        ("17 words read", "if (n == KEY_WORDS)", "if (n > KEY_WORDS)"),
        ("a tail alone dropped", "while (n > 1 && is_tail",
         "while (n > 0 && is_tail"),
        ("no word kept", "if (n == 0)\n\t\treturn 0;", ""),
        ("apart before the first word", "int apart = k > 0 && isdigit",
         "int apart = isdigit"),
        ("apart after any word", "isdigit((unsigned char)out[k - 1]) &&\n",
         "\n"),
        ("apart before any word", "&&\n\t\t            isdigit("
         "(unsigned char)low[start[i]]);", ";"),
        ("numbers joined", "if (apart)\n\t\t\tout[k++] = '-';", ""),
        ("the '-' not counted", "if (k + (size_t)apart + len[i] >= KEY_LEN)",
         "if (k + len[i] >= KEY_LEN)"),
        ("128-byte key", "len[i] >= KEY_LEN)", "len[i] > KEY_LEN)"),
        ("first unequal key", "&& !strcmp(key, other))",
         "&& strcmp(key, other))"),
        ("last entry not read", "e < sizeof model_labels / sizeof "
         "model_labels[0]; e++)", "e + 1 < sizeof model_labels / sizeof "
         "model_labels[0]; e++)"),
    ]),
    # opt_parse_words and the --help words it checks (wants_help,
    # help_stray): killed by the command line (cli_help.sh)
    "parseopt": ("cli/parseopt.c", ["cli_help.sh"], [
        ("--help not help", "return !strcmp(a, \"--help\") || !strcmp(a, "
         "\"-h\");", "return !strcmp(a, \"-h\");"),
        ("-h not help", "return !strcmp(a, \"--help\") || !strcmp(a, "
         "\"-h\");", "return !strcmp(a, \"--help\");"),
        ("one word more taken", "if (n++ >= maxpos && !*stray)",
         "if (n++ > maxpos && !*stray)"),
        ("the last stray named", "if (n++ >= maxpos && !*stray)",
         "if (n++ >= maxpos)"),
        ("'-' an option", "if (argv[i][0] != '-' || argv[i][1] == '\\0') "
         "{\n\t\t\tif (n++", "if (argv[i][0] != '-') {\n\t\t\tif (n++"),
        ("--NAME=V takes the next word",
         "if (d && takes_value(d) && !strchr(argv[i], '='))",
         "if (d && takes_value(d))"),
        ("a value read as a word",
         "if (d && takes_value(d) && !strchr(argv[i], '='))\n\t\t\ti++;",
         "if (d && takes_value(d) && !strchr(argv[i], '='))\n\t\t\ti += 0;"),
        ("stray ignored", "return stray ? help_stray(cmd, maxpos, stray, err, "
         "errlen) : 1;", "return stray && 0 ? help_stray(cmd, maxpos, "
         "stray, err, errlen) : 1;"),
        ("takes-no-word for one word", "if (maxpos == 0)\n\t\tsnprintf(err",
         "if (maxpos <= 1)\n\t\tsnprintf(err"),
        ("words unchecked", "if (words && parse(cmd",
         "if (0 && words && parse(cmd"),
        ("words checked when it fails to parse",
         "err, sizeof err) == 0 &&", "err, sizeof err) != 0 &&"),
        ("words' refusal ignored", "(rc = words(base, pos, n)) != RL_OK)\n"
         "\t\t\treturn rc;", "(rc = words(base, pos, n)) != RL_OK)\n"
         "\t\t\t(void)rc;"),
        ("no word passed", "(rc = words(base, pos, n))",
         "(rc = words(base, pos, 0))"),
        ("--help a word of parse", "\t\tif (is_help(a))\n\t\t\tcontinue;"
         "\n\t\tif (a[0] != '-' || a[1] == '\\0') {",
         "\t\tif (a[0] != '-' || a[1] == '\\0') {"),
    ]),
    # fuzz14: the interned strings, the run's preset cache and a sweep
    # database's removal (unit tests; test_presetcache's strpool case too)
    "strpool": ("config/strpool.c", ["test_strpool", "test_presetcache"], [
        ("hash by addition", "h ^= (unsigned char)*s;",
         "h += (unsigned char)*s;"),
        ("old not reset", "if (old)\n\t\t*old = -1;", ""),
        ("count of NULL read", "return p ? p->n : 0;", "return p->n;"),
        ("long string in a block's size", "len > BLOCK_BYTES ? len : "
         "BLOCK_BYTES", "BLOCK_BYTES"),
        ("block full one byte early", "b->cap - b->used < len",
         "b->cap - b->used <= len"),
        ("long block in front", "if (p->blocks && len > BLOCK_BYTES)",
         "if (0)"),
        ("long block's list cut", "b->next = p->blocks->next;\n",
         "b->next = NULL;\n"),
        ("rehash into the old size", "j = p->slots[i].hash & (cap - 1)",
         "j = p->slots[i].hash & (p->cap - 1)"),
        ("grown late (full)", "if (2 * (p->n + 1) > p->cap)",
         "if (p->n + 1 > p->cap)"),
        ("grown early (>=)", "if (2 * (p->n + 1) > p->cap)",
         "if (2 * (p->n + 1) >= p->cap)"),
        ("slot not found again after growth",
         "\t\tif (grow(p))\n\t\t\treturn NULL;\n\t\tfor (j = h & (p->cap - 1); "
         "p->slots[j].s; j = (j + 1) & (p->cap - 1))\n\t\t\t;\n",
         "\t\tif (grow(p))\n\t\t\treturn NULL;\n"),
        ("tag: hash not compared", "if (p->slots[j].hash == h && "
         "!strcmp(p->slots[j].s, s))\n\t\t\treturn",
         "if (!strcmp(p->slots[j].s, s))\n\t\t\treturn"),
        ("add: hash alone", "if (p->slots[j].hash == h && "
         "!strcmp(p->slots[j].s, s)) {",
         "if (p->slots[j].hash == h) {"),
        ("count not kept", "p->n++;", ""),
        ("tag not stored", "p->slots[j].tag = tag;",
         "p->slots[j].tag = 0 * tag;"),
        # fuzz15: strpool_key (a list of texts as one key)
        ("key: length dropped", "\"\\x1f%zu:%s\",\n\t\t             "
         "strlen(texts[i]), texts[i]", "\"\\x1f%s\", texts[i]"),
        ("key: separator dropped", "\"\\x1f%zu:%s\"", "\"%zu:%s\""),
        ("key: the head left out", "\"%s\", head);",
         "\"%s\", head + strlen(head));"),
        ("key: the last text left out", "for (i = 0; i < n; i++) {\n\t\tk = "
         "snprintf(used < len", "for (i = 0; i + 1 < n; i++) {\n\t\tk = "
         "snprintf(used < len"),
        ("key: size not counted past len", "used += k > 0 ? (size_t)k : 0;\n"
         "\t}", "used += used < len && k > 0 ? (size_t)k : 0;\n\t}"),
    ]),
    "presetcache": ("config/presetcache.c", ["test_presetkeys",
                                             "test_presetcache"], [
        ("no length in the key", "\"\\x1f%zu:%s\",\n\t\t                         "
         "strlen(names[i]), names[i]", "\"\\x1f%s\",\n\t\t                         "
         "names[i]"),
        ("a key cut short cached", "return used < len ? 0 : -1;",
         "return 0;"),
        ("entries not grown", "size_t cap = c->cap ? 2 * c->cap : 64;",
         "size_t cap = c->cap ? c->cap : 64;"),
        ("entry 0 made again", "if (old >= 0)\n", "if (old > 0)\n"),
        ("exists asked again", "if (e->exists < 0)", "if (e->exists <= 0)"),
        ("exists never held", "e->exists = preset_path(kind, name, path, "
         "sizeof path, err,\n\t\t                        sizeof err) == 0;\n"
         "\treturn e->exists;", "return preset_path(kind, name, path, "
         "sizeof path, err,\n\t\t                        sizeof err) == 0;"
         "\n\treturn e->exists;"),
        ("get of a key never put", "!(e = entry_of(c, k)) ||\n\t    !e->put)",
         "!(e = entry_of(c, k)))"),
        ("put's value not copied",
         "(value && !(value = strpool_add(c->values, value, 0, NULL)))",
         "0"),
        ("a remembered failure's message not given",
         "if (e->rc)\n\t\t\tsnprintf(err, errlen, \"%s\", e->err);", ""),
        ("the setup not copied out", "*st = *e->st;\n", ""),
        ("a failure not remembered", "e->rc = rc;", "e->rc = 0;"),
        ("a message cut for this caller kept",
         " ||\n\t    (errlen && strlen(msg) >= errlen))", ")"),
        ("kinds not in the key", "used += (size_t)snprintf(what + used, "
         "sizeof what - used, \":%s\",\n\t\t                         "
         "kinds[i]);", "(void)kinds;"),
    ]),
    # fuzz15: the ints remembered per key (datasets.c's and rounding.c's
    # apply_rows by key)
    "keymemo": ("config/keymemo.c", ["test_keymemo"], [
        ("same: last word dropped", " && a[3] == b[3];", ";"),
        ("same: first word flipped", "return a[0] == b[0] &&",
         "return a[0] != b[0] &&"),
        ("find: the home slot, the first match",
         "while (slots[j].used && !same(slots[j].key, key))", "while (0)"),
        ("hash: last word dropped", " +\n\t             key[3] * "
         "0xd6e8feb86659fd93ull;", ";"),
        ("hash: high bits not folded", "return h ^ (h >> 32);",
         "return h;"),
        ("grown late (full)", "if (2 * (m->n + 1) > m->cap)",
         "if (m->n + 1 > m->cap)"),
        ("rehash into the old size", "*find(s, cap, m->slots[i].key)",
         "*find(s, m->cap, m->slots[i].key)"),
        ("slot not found again after growth",
         "\t\t\tif (grow(m))\n\t\t\t\treturn -1;\n"
         "\t\t\ts = find(m->slots, m->cap, key);\n",
         "\t\t\tif (grow(m))\n\t\t\t\treturn -1;\n"),
        ("put keeps the first value", "\t\tm->n++;\n\t}\n\ts->value = "
         "value;", "\t\tm->n++;\n\t\ts->value = value;\n\t}"),
        ("get: 0 given for the value", "\t*value = s->value;\n",
         "\t*value = 0 * s->value;\n"),
        ("answer: last key's first word alone",
         "m->last.used && same(m->last.key, key)",
         "m->last.used && m->last.key[0] == key[0]"),
        ("answer: last key not compared",
         "m->last.used && same(m->last.key, key)", "m->last.used"),
        ("answer: work's answer not put",
         "\t\t(void)keymemo_put(m, key, v);\n", ""),
    ]),
    "dbmade": ("sweeps/dbmade.c", ["test_dbmade"], [
        ("an empty name opened", "if (!path || !*path)", "if (!path)"),
        ("O_EXCL dropped", "O_CREAT | O_EXCL |", "O_CREAT |"),
        ("made never said", "m->made = 1;", "m->made = 0;"),
        ("a file of no table kept", "if (tables == 0)\n\t\treturn 1;",
         "if (tables == 0)\n\t\treturn 0;"),
        ("points not looked at", "\"SELECT EXISTS(SELECT 1 FROM points) OR \"",
         "\"SELECT \""),
        ("own run counted as another's", "WHERE id <> ?1", "WHERE 1"),
        ("run_id not bound", "sqlite3_bind_int64(st, 1, run_id);",
         "sqlite3_bind_int64(st, 1, 0 * run_id);"),
        ("lstat made stat", "return lstat(path, &sb) == 0", "return stat(path, &sb) == 0"),
        ("not a regular file allowed", "S_ISREG(sb.st_mode) &&\n", "\n"),
        ("device not compared", "sb.st_dev == m->dev && ", ""),
        ("inode not compared", " && sb.st_ino == m->ino;", ";"),
        ("not made, still removed", "if (!m->made)\n\t\treturn 0;", ""),
        ("a replaced file's WAL not kept", "if (db)\n\t\t\tsqlite3_file_control",
         "if (0)\n\t\t\tsqlite3_file_control"),
        ("a removed file's WAL not kept", "if (gone)\n\t\tsqlite3_file_control",
         "if (0)\n\t\tsqlite3_file_control"),
        ("own connection not exclusive", "(own, \"PRAGMA locking_mode = "
         "EXCLUSIVE\", NULL,\n", "(own, \"PRAGMA locking_mode = NORMAL\", "
         "NULL,\n"),
        ("no write lock taken", "began = sqlite3_exec(db, \"BEGIN EXCLUSIVE\", "
         "NULL, NULL, NULL) ==\n\t        SQLITE_OK;", "began = 1;"),
        ("an empty file not tried again", "if (!began && own) {",
         "if (0) {"),
        ("tried again on the first connection",
         "\tsqlite3_close(own);\n\town = NULL;\n\tif (!still_ours",
         "\tif (!still_ours"),
        ("a file not empty tried again", "sb.st_size != 0 ||\n", "\n"),
        ("name not checked again under the lock",
         "if (holds_nothing(db, run_id) && still_ours(path, m)) {",
         "if (holds_nothing(db, run_id)) {"),
        ("-journal left", "for (i = 0; i < sizeof ext / sizeof ext[0]; i++)",
         "for (i = 0; i < 2; i++)"),
        ("sidecars left", "< sizeof p)\n\t\t\t\t\tunlink(p);",
         "< sizeof p)\n\t\t\t\t\t(void)p;"),
        ("removed said kept", "gone = unlink(path) == 0;",
         "gone = 0 && unlink(path) == 0;"),
    ]),
}

# Mutants that survive by design: no input tells them from the original
# (why, each), reported apart from the survivors that want a test
EQUIVALENT = {
    "cellbest/first block 1": "the block's first size: speed alone",
    "cellbest/least <=": "an equal z is the same double (-0 is asked)",
    "cellbest/most >=": "an equal z is the same double (-0 is asked)",
    "cellbest/NULL z taken": "a NULL z (NAN) never compares below or above",
    "sweepat/inf value kept in C": "an infinite value is never within 1e-9 "
    "of a finite v, and two of them tie (asked)",
    "sweepat/v not finite kept in C": "num_text refuses a v not finite",
    "sweepat/-0 kept in C": "SQLite's GROUP BY kept the first met of 0 and "
    "-0 in 3000 random tables, as the C does",
    "sweepat/every 0 asked": "SQLite asked where C would do: speed alone",
    "sweepat/same value a tie": "SQLite asked where C would do: speed alone",
    "sweepat/tie kept after a nearer one": "SQLite asked: speed alone",
    "sweepat/no break": "reads on, SQLite asked all the same",
    "sweepat/SQL always asked": "SQLite's answer is the C's: speed alone",
    "sweepat/tolerance <": "a difference of exactly 1e-9 x scale: no "
    "double found",
    "sweepat/scale v alone": "|s| > |v| within 1e-18 relative of the "
    "1e-9 edge: no double there",
    "sweepat/exact equal dropped": "s == v is within the tolerance for a "
    "finite s; an infinite s is no finite v",
    "sweepat/found ignored": "no value: s 0 counted as no point (count(*))",
    "modellabel/bytes past ASCII part words": "isspace and ispunct are 0 "
    "past 0x7f in the C locale, and rooflab calls no setlocale",
    "modellabel/a tail alone dropped": "a key of no word matches no entry, "
    "as the tail's own key does: no entry of model_labels is a tail",
    "modellabel/no word kept": "an empty key matches no entry: each entry "
    "of model_labels has a word",
    "strpool/hash by addition": "any hash finds the same strings: speed "
    "alone (test_strpool's one-slot case is built on FNV-1a's own)",
    "strpool/block full one byte early": "a byte of a block left unused: "
    "memory alone",
    "strpool/long block in front": "the block being filled is left for a "
    "new one: memory alone, every block still freed",
    "strpool/grown early (>=)": "the table grows one string sooner: speed "
    "alone",
    "strpool/tag: hash not compared": "strcmp decides all the same: speed "
    "alone",
    "strpool/add: hash alone": "two strings of one 64-bit FNV-1a hash are "
    "wanted (about 2^32 tries): none in a unit test",
    "presetcache/a message cut for this caller kept": "the entry keeps "
    "msg, whole in its 1024 bytes, not the caller's cut copy: a later call "
    "with room gets the uncached call's message all the same",
    "strpool/long block's list cut": "not equivalent but a leak alone, "
    "seen by --san only: test_strpool under AddressSanitizer exits 1 with "
    "LeakSanitizer's report (fuzz14, by hand)",
    "keymemo/hash: last word dropped": "keys one word 3 apart share a "
    "home slot and are told apart by same(): speed alone",
    "keymemo/hash: high bits not folded": "the low bits then read the "
    "words' products' low bits alone: more probing, the same answers",
    "dbmade/an empty name opened": "open(\"\") fails (ENOENT): nothing "
    "made all the same",
    "dbmade/not a regular file allowed": "a link has an inode of its own; "
    "only the file's inode number reused by a folder made at the name "
    "would pass, and unlink of a folder fails",
    "dbmade/device not compared": "the same inode number on another "
    "device at the name wants a mount: not in a unit test",
    "dbmade/not made, still removed": "m zeroed (made 0): no file has "
    "device 0 and inode 0, so still_ours refuses it",
    "dbmade/a replaced file's WAL not kept": "SQLite (databaseIsUnmoved, "
    "SQLITE_FCNTL_HAS_MOVED) neither checkpoints nor removes the WAL on "
    "closing a file unlinked or replaced: test_close_spares_a_new_files_wal "
    "passes either way",
    "dbmade/a removed file's WAL not kept": "as the replaced file's: "
    "SQLite's own check of a moved file",
    "dbmade/a file not empty tried again": "on a file with pages the "
    "first BEGIN fails only where another connection holds a lock (BUSY), "
    "and the second, without a busy timeout, fails alike; an I/O fault on "
    "such a file is not made in a unit test",
    "dbmade/name not checked again under the lock": "the file replaced "
    "while this process waits for the lock: a test would have to wait a "
    "time, not an event (the first check finds a file replaced before)",
}


def run(cmd, log, timeout=None):
    """cmd's exit status; 124 where it ran past timeout seconds (a mutant
    that loops for ever, such as strpool's count not kept: killed)."""
    with open(log, "ab") as f:
        try:
            return subprocess.call(cmd, cwd=ROOT, stdout=f, stderr=f,
                                   timeout=timeout)
        except subprocess.TimeoutExpired:
            f.write(b"timed out: %s\n" % " ".join(cmd).encode())
            return 124


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--san", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--log", default="/tmp/rooflab-mutants.log")
    ap.add_argument("--match", default="",
                    help="only the mutants whose name holds one of these "
                    "words (comma-separated)")
    ap.add_argument("--timeout", type=float, default=300,
                    help="seconds a test binary may run (past: killed)")
    a = ap.parse_args()
    # the cli scripts run the checkout's ./rooflab on its data
    os.environ.update(ROOFLAB=os.path.join(ROOT, "rooflab"),
                      ROOFLAB_DATA=os.path.join(ROOT, "data"),
                      ROOFLAB_ROOT=ROOT,
                      ROOFLAB_TOOLS=os.path.join(ROOT, "build", "tools"))
    build = "build-san" if a.san else "build"
    san = ["SAN=1"] if a.san else []
    total = killed = still = equiv = 0
    survivors = []
    for group, (path, tests, muts) in MUTANTS.items():
        if a.only and group != a.only:
            continue
        full = os.path.join(ROOT, path)
        orig = open(full, encoding="utf-8").read()
        try:
            for name, old, new in muts:
                if a.match and not any(w in name
                                       for w in a.match.split(",")):
                    continue
                if orig.count(old) != 1:
                    print("BAD MUTANT %s/%s: %d matches" %
                          (group, name, orig.count(old)))
                    continue
                open(full, "w", encoding="utf-8").write(
                    orig.replace(old, new))
                # a unit test's binary, or ./rooflab for a cli script
                bins = [os.path.join(build, "tests", t) for t in tests
                        if not t.endswith(".sh")]
                clis = [t for t in tests if t.endswith(".sh")]
                # GITREV fixed: a mutant's diff would rewrite the revision
                # header and rebuild every file that includes it
                if run(["make", "-j2", "GITREV=mutant"] + san + bins +
                       (["rooflab"] if clis else []), a.log):
                    still += 1
                    print("stillborn %s/%s" % (group, name), flush=True)
                    continue
                total += 1
                dead = any(run([os.path.join(ROOT, b)], a.log, a.timeout)
                           for b in bins)
                dead = dead or any(run(["sh", os.path.join("tests", c)],
                                       a.log) for c in clis)
                killed += dead
                key = "%s/%s" % (group, name)
                if not dead and key in EQUIVALENT:
                    equiv += 1
                elif not dead:
                    survivors.append(key)
                print("%s %s%s" % ("killed" if dead else "SURVIVED", key,
                                   "" if dead or key not in EQUIVALENT else
                                   " (equivalent: %s)" % EQUIVALENT[key]),
                      flush=True)
        finally:
            open(full, "w", encoding="utf-8").write(orig)
            if any(t.endswith(".sh") for t in tests):
                # ./rooflab relinked from the original
                run(["make", "-j2", "GITREV=mutant"] + san + ["rooflab"],
                    a.log)
    print("mutants killed %d/%d, %d equivalent, %d survivors (stillborn %d)"
          % (killed, total, equiv, len(survivors), still))
    for s in survivors:
        print("survivor:", s)
    return 0 if not survivors else 1


if __name__ == "__main__":
    sys.exit(main())
