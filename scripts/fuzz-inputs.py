#!/usr/bin/env python3
"""fuzz-inputs.py: a time-boxed mutation fuzzer of the whole command line.

tests/test_fuzz.c fuzzes the parsers in process; this runs the program itself
(best a sanitizer build: make SAN=1, then copy ./rooflab aside) on inputs
mutated from real files, one target at a time (--targets):
  measurements  validate --measurements (--json, --db) and calibrate on rows
                of data/measurements/published-h100.csv (at times with a
                hostile --weight ID=W list)
  preset        eval and area with a chip, model, profile or scenario INI by path
  set           eval, curve, map, area with 1-4 --set of `rooflab params` at
                an end of their range, just past it, inside it, or a token
  opts          one numeric or named option of eval, curve, map given a token
  spec          sweep of a mutated sweeps/*.ini (--shard too)
  claim         claim and solve with a mutated uncertainty file, --config or
                side spec
  versions      validate --versions of a mutated data/profiles/versions.csv
  db            report, plot and export of claim, validation and sweep
                databases with hostile values in random cells or bytes flipped
  merge         merge of two shards, one with hostile cells
  drops         a [filter]ed run's runs.dropped / dropped_below / next_idx
                (one whose filter dropped points under profile ideal, one
                under eval's default that dropped none)
                edited by hand (negative, NaN text, huge, a blob, a real,
                past the points, the columns gone as in a file made before
                them), points deleted, then export, plot heatmap/pareto,
                report --sweeps, sweep --resume or merge; a resume or merge
                that succeeds must leave a count that adds up (dropped plus
                the stored rows = the shard's points) or none (NULL)
  labels        validate --measurements whose chip column is a table label
                mutated (long, UTF-8, control bytes, 'NVIDIA' alone,
                capacities such as '80GB80GB', '0GB', 20 digits); a label
                with a byte that is not ASCII must not be modelled
  solve         solve with the default side b (its best mapping) or a --b
                side with mapping keys, --scenario, --target, --config
  presets       presets with a broken model file in a data directory
                ($ROOFLAB_DATA), or one that is a directory, a FIFO or a
                link to nothing (and eval of it): every description within
                76 characters
  profile       curve and map (their profile notes) and eval with a
                mutated profile INI by path
  cache         differential: a sweep over 1-3 parameters of `rooflab
                params` (in range: an end, 0, a point inside; enums by
                name) and scenario.isl last, evaluated through a cache
                (sweeps/README.md), must store what the same sweep with isl
                first (no cache) stores, bit for bit, and one point of it
                what `rooflab eval --set` gives (10 digits): a setup's kept
                flags (servesetup.h) that miss a change show here
  twice         an option given twice (each command's own, its '=' form, a
                list with a repeated item: curve --chip a,b,a, --tp 2,1,2.0;
                solve --vary twice; calibrate --fit p,p or an empty item,
                --aside with an empty id, --weight naming a row twice with
                two weights, or given twice) and outputs that are an input
                (report --out the --db, plot --out the --db, merge OUT a
                part, calibrate --out the measurements): exit 2, and the
                input's bytes unchanged
  specx         sweep of a spec written to hit its rules: set lines around
                the 255 characters a setup holds, list axes with a value
                twice (2, 2.0; fp8, bf16, fp8), [filter] lines that order a
                choice or compare it with a number, [outputs] keep with an
                empty item; a refusal names the spec (s.ini)
  linsum        differential: a [filter] keep line whose sides are linear
                sums (sweeps/linsum.c) over a 3 x 3 grid of hbm_tbps
                1, 2, 3 and hbm_gb 40, 80, 120, its numbers drawn from
                binary and decimal fractions, 1e308, 1e-200, 2^1023 and
                numbers no double holds, blanks and tabs anywhere, up to
                20 terms: a sum the oracle accepts must keep exactly the
                points it counts (rooflab's documented arithmetic: a
                term's numbers multiplied in long double, the sides
                added in doubles in the order written, again in long
                double where a double sum is not finite, emulated here
                exactly with fractions), one it refuses (a number or
                product no double holds, over 16 terms, a hostile token
                put in: '/', '(', a Unicode minus, '--', '**', a choice,
                a product of parameters) is exit 2 naming s.ini, the
                line and a quoted token
  claimv2       report (HTML or Markdown, with or without plots) and the
                tornado and distribution plots of a claim database whose
                schema version 2 tables (claim_mc_summary,
                claim_tornado_sides) are dropped, emptied, given columns
                of other types, NULLs, NaN or inf text, quotes, newlines,
                invalid UTF-8, gnuplot or SQL text, tens of thousands of
                rows, another side, or a PRAGMA user_version that lies
                about them: the output is UTF-8 and whole, and a cell that
                holds text or a blob where claim writes a number (or a
                real in a count) of a side the report reads fails it (exit
                2 naming the table and column), never printed as 0; so
                must a tornado or distribution plot whose claim_tornado
                or claim_mc_samples rows hold such a cell
  sram          the SRAM-only path (aab1436): eval, curve, map and area
                with chip.sram_hbm_copy, chip.sram_resident_share,
                hbm_gb and hbm_tbps 0 (or design.hbm_stacks 0 on
                sohu-design) and their neighbours at ends, past them and
                tokens, by --set, in a chip INI, as sweep axes, and a
                mutated sweeps/sohu-sram-only.ini: a served point's
                figures are finite, KV used within capacity, memory left
                not below 0, no HBM byte or MBU without HBM, and keeping
                the HBM copy never holds more KV than not
  legacydb      claim --db and validate --db into an unmarked older file
                (application_id 0) or one of another id or version, its
                tables given the right names and the wrong columns, views,
                other tables, claim_v1_runs in the way, a file that is not
                SQLite, one another connection holds locked, or a
                read-only one (mode 444; as root chattr +i): a failed
                write leaves the bytes as they were, a locked file is exit
                2, a written one is marked version 2 with version 2's
                tables and report reads it
  sigint        sweep of a 3000-point spec with a [filter], whole or a
                shard, SIGINT after a random delay (twice at times), at
                times a resume of the last run with points deleted: exit
                130 with its note (or 0, or killed before the handler),
                the rows stored are an uninterrupted run's below next_idx,
                and a resume ends with the uninterrupted run's rows
  sections      a section header given twice (the same, blanks or a
                comment after it; names of 127 bytes, UTF-8, controls,
                brackets) in a chip, model, profile, scenario, sweep spec,
                claim config, claims file or uncertainty file: exit 2
                naming the file and line; stderr UTF-8 without controls
  strict        validate --strict --measurements with unknown chip, model
                and version names (invalid UTF-8, escapes, 300 bytes,
                quotes, shell text): stdout and stderr UTF-8 without
                controls, nothing run
  axes          differential: sweep of one axis (scenario.batch, isl, osl,
                profile.max_batch_size, chip.hbm_tbps, hbm_gb) as a log
                range, a linear range or a list, its ends reversed, equal,
                0 or negative, 0, 1, 2 to 10^9 points, under grid, random
                or Sobol sampling (a shard of a large one): a log range
                of a whole number whose values (emulated here as axis.c
                computes them, rounded) repeat must be refused (exit 2),
                one whose values do not must not be refused for a repeat,
                and a whole grid run stores no design twice
                (count(DISTINCT) of the column)
  bothends      calibrate --both-ends with lists of names (bare, dotted
                profile.NAME as --fit takes them, not --fit's, empty items,
                blanks, case, tokens): exit 0 exactly where every item
                names the fit's bounded parameter, else exit 2 naming
                --both-ends; the profile written carries the fit
  zbest         plot heatmap of a sweep over chip.memory, batch and
                node.ref_clock_ghz, with --z (a latency, cost, power, a
                ratio, a column of names) and --z-best (least, most,
                hostile): the title says least exactly where --z-best
                least or, without it, z is a latency, cost or power
  digits        export csv/json of a sweep file with doubles of 15-17
                digits, subnormals, -0, 1e308 and 2^53 + 1 in its cells and
                a second run (hostile spec_path) at times: every number
                reads back bit for bit, and several runs without --run
                are said on stderr
  suggest       eval --set NAME=1 with a parameter's name an edit or two
                off or hostile: exit 2 on one clean UTF-8 line, every
                suggestion a parameter, and the names one edit away (four
                at most) among them
  shcmd         merge of shards (one unfinished, or one missing) whose
                spec_path is shell text: the command the message gives
                reads back through sh's quoting as the spec and part
  power         eval, map, area, curve and sweep of a chip with a node at
                1-4 of the power model's inputs (static_w, idle_w,
                idle_hbm_gb, hbm_idle_w_per_gb, dvfs_exponent_above, the
                PHYs, chip.tdp_w down to 1 W, stacks, clock, memory), by
                --set, in a chip INI or as sweep axes: a result over its
                TDP at every clock says so (eval's over_tdp, its words, a
                lowest_clock_watts over the TDP, violations' 16; map never
                ranks it best; curve gives it no throughput), one under it
                draws no more than its TDP; area's power terms add to its
                full load; a sweep stores a status 4 point's two power
                figures alone and eval at a point agrees with it; the
                static/idle refusal names a file or --set
  memory        sweep of chip.memory against ref_clock_ghz, gddr6 pJ/bit,
                interposer or package cost, dvfs exponent, clock: a served
                GDDR6 point has no chip cost, an HBM one a finite one,
                power finite and GDDR6's no less than HBM's beside it
  tpcol         validate --measurements --json of rows whose tp column is a
                form of TPn, TEPn, DEPn or a number, or a neighbour of one
                (0, blanks, case, signs, exponents, Unicode digits, quotes;
                CRLF or a BOM at times): a form measure.c must refuse is
                exit 2 naming column 'tp', TEPn a row not modelled with its
                reason, and TPn predicts what the plain n beside it does
  nodechip      area --json of sohu-design's text on a node (or one that
                is not), or a file building on it naming the node with
                keys of its own, the density, SRAM share and the node's
                densities set at edges: the lines in the other order give
                the same output (6a855dc), and violation 32 is said exactly
                where the density passes the limit worked out here from the
                node's figures (silicon.c rl_silicon_density_limit)
  scenrepl      eval --json of a scenario naming a chip (a node at times), a
                model and a profile, with --chip, --model or --profile
                after it: the same output as the scenario naming that one
                instead (for a chip, no node: it brings its own), but for
                where the profile was named (setup.profile_chosen)
  targets       curve and map under latency targets (--ttft-, --tpot-, map's
                --e2e- max at the ends of [1e-9, 1e6] s and past them,
                tokens, percentile forms at their ends, in exponents,
                signs, Unicode digits, '=' forms, a target twice): a
                target given twice is refused; curve's meets_targets agrees
                with its points' TTFT and TPOT against the targets, its
                Pareto front under the targets holds met points only and
                none another met point dominates; map's targets met as
                their values say, and its best under targets the mapping
                serving most under them
  sweepopts     sweep of a 30-point grid with --threads/--jobs and
                --points-per-commit/--batch (both spellings, '=' forms,
                values at and past their ranges, an option under both
                spellings or twice, a shard at times): refused (exit 2)
                where one option is given twice, else the rows a plain
                sweep stores (a shard's among them)
  repeat        validate --measurements of rows whose cells recur across
                versions (a cell twice in one version, versions harness.csv
                lacks, odd spellings, invalid UTF-8, values 5e-324 to
                1e300): the pairs' cells as emulated (where every version
                is spelt as the version table spells it, or is one it
                lacks), median <= p90 |change|, a known harness word, no
                version paired with itself, and the text lists as many
                pairs as the JSON
  valrepdb      report of a claim database whose validation_repeat (or
                validation_runs.repeat_pairs) is edited by hand (cells of
                other types, hostile text, a column dropped or added, the
                table dropped): exit 0 only where every cell the report
                reads of an adjacent pair is what validate writes, the
                output UTF-8, whole, without nan% or inf%
  setx          every parameter of `rooflab params` by --set (eval, area,
                curve, map) or as a sweep's set line or axis, given 1e308,
                1e309, nan, inf, -0, subnormals, 20 and 400 digits, hex,
                '1_000', Unicode digits, invalid UTF-8, 100,000 bytes,
                shell text, blanks, controls; or a hostile key (empty,
                dotted twice, a case, blanks, 100,000 bytes): stderr UTF-8
                without controls, nothing run as a command, and a plain
                number outside the parameter's range never accepted
  csvx          validate --measurements (--json, --strict, --db) and
                calibrate of a CSV made hostile in its structure: a BOM,
                CRLF or CR alone, NUL, quoted fields (a comma, a doubled
                quote, a newline in them, one unterminated), 10 to 10^6
                extra columns in the header or a row, a field of 10^6
                bytes, a column dropped or repeated, a row or an id
                repeated, an empty file, 5,000 rows: a refusal names m.csv,
                stderr UTF-8 without controls
  gpx           plot (SVG and text), report (HTML, Markdown, plots) and
                export of a claim or sweep database whose text cells hold
                gnuplot, shell, SQL, HTML or SVG code or invalid UTF-8:
                nothing runs (no PW made), no table lost, no markup from a
                cell in the page, every SVG well-formed UTF-8 XML
  resumex       sweep (and --resume) onto a file that is not this spec's
                sweep database: a claim database, a sweep database with
                tables or columns dropped, renamed, made views or another
                table, its user_version or application_id changed, text,
                an empty file: a refusal names rx.db and leaves its bytes
                as they were; a run that succeeds stores its points
  jsonx         eval, area, curve, map, claim and solve (--json or text)
                of a chip, model, profile or scenario INI whose free text
                or file name holds hostile bytes (invalid UTF-8, controls,
                escapes, a line separator, bidi): JSON strict UTF-8 (no
                lone surrogate escaped), text without controls
  rankby        map --json --rank-by KEY (hostile words at times), targets,
                mappings made not to fit or to run over their TDP: ranked
                within the limits first, then the runnable, by KEY (null
                after known; ties by output tokens/s), best the first
  solvet        solve --target KEY=X of every key, in range, at its ends,
                or malformed (case, blanks, '==', lists, past the range,
                nan, hex, 400 digits, invalid UTF-8): a malformed one
                refused naming --target; the rows' met_now, feasible and
                metrics on the sides of the target they claim
  plotat        plot heatmap/pareto with 1-3 --at PARAM=VALUE on a sweep
                over batch, isl, precision and a linear frac_mac range:
                a stored value in any spelling (4.0, 1.6e1, 6e-2) selects
                its points; refusals name --at; an SVG written parses
  count         sweep --count (--shard at times) of specs of lists, log
                and linear ranges written as decimals or exponents, then
                the sweep: the two agree on refusing and on the points,
                and a linear range whose exact values (fractions) lie in
                the parameter's range is not refused as outside it
  mm2           area/eval of sohu-design with die blocks as design.*_mm2
                by --set or INI (beside their share: refused): a block's
                area as given, its share area / die, the blocks adding
                up to the die
  csvv          validate --measurements of rows whose numbers are NaN, inf,
                1e308, negative, 0, subnormal, hex, quoted, 400 digits,
                blank (CRLF, BOM at times): refusals name m.csv, no nan or
                inf printed
  notes         claim (--json, --db and report at times) of a side b chip
                INI whose comments beside price_usd are hostile (a '#' or
                ';' after the value, long, controls, markup, BOM, CRLF):
                the comment after the value in chip_price_note, outputs
                UTF-8 without controls, no markup from it in the report
  trustdb       report of a claim database whose validation_runs.trust is
                hostile (NULL, 100,000 bytes, invalid UTF-8, controls,
                markup, a number, a blob, dropped, a view): the page UTF-8,
                whole, no control byte or markup from it
  mergex        merge of two shards with foreign tables, triggers, cells of
                other types in counts and indexes, 1 MB texts, views: a
                merged run's points are whole indexes in [0, points) once,
                its counts whole numbers; a refusal names a part
  ranges        claim over an uncertainty file of 1-4 odd ranges of side
                b's parameters (low = high = stated, the stated value
                outside the range, zero width elsewhere, a mode at an end,
                a normal's sd 0, subnormal or huge, a truncation to one
                point, lognormals, NaN, inf, huge and malformed numbers)
                at 1-20 samples: range_robustness's fractions, P in [0, 1],
                quantiles in order, most_moving the largest reweighted
                move (none where nothing moves), ranges of one point at
                their stated values moving nothing, and the text naming
                'unchanged over the range' no range whose speedup there is
                not the stated values'
  samples       claim --samples 1, 2, 3, 4 or past 1e8 (or no whole
                number) with a seed, threads and target drawn: refused
                exactly where not a whole number up to 1e8; the Monte
                Carlo's samples N, quantiles in order and equal at N = 1,
                shares multiples of 1/N (or of the evaluated)
  mixed         merge [--allow-mixed-builds] of two shards whose
                runs.version and git_rev are set to other values (empty,
                'mixed', SQL, numbers, a blob, 5,000 bytes, a blank
                apart): mixed builds refused without the option; with it
                the merged run's version or git_rev 'mixed' exactly where
                they differ, run_parts holding each part's own, the last
                line saying so; a refusal names a part, leaves no file
  sweepdbx      export, plot and report --sweeps of a sweep database
                whose column names hold SQL, quotes, brackets, newlines or
                another column's name (a points column added or renamed,
                run_columns edited), columns dropped or added, text in
                numeric columns: the schema unchanged afterwards (no SQL
                ran), no column exported twice, SVG that parses
  csvdiff       differential: validate --measurements --json of 2-5 rows,
                and of the same rows with a BOM, CRLF, empty or blank lines,
                quoted fields, the columns in another order (never
                refused alone; fuzz79) or a column given twice: the plain
                file's output, or a refusal naming m2.csv (a column rooflab
                reads given twice must be refused)
  inicom        differential: eval --json of a chip, model, profile or
                scenario preset with a comment put after a value (' ; c',
                '\t#c', ' ; k = 5') or glued to it (';c', '#c'): after a
                blank or tab the same output as without it; glued to a
                number, refused naming the file and line
  trunc         claim over an uncertainty file of one normal or lognormal
                of side b with hostile numbers (inf, nan, 1e309, subnormals,
                huge, negative spreads, low above high, an end alone outside
                the range, a mean far outside it, ends placed to keep about
                1e-9 or 1e-300): exit 2 exactly where a number is refused,
                an end lies outside the range, low > high or the truncation
                keeps under 1e-9 (erfc here; near the line not judged), else
                the assumption's 5th-95th percentiles those of the truncated
                distribution worked out here (fuzz6)
  profilefit    eval, map, curve (--json at times) of a chip INI by path
                named with controls, invalid UTF-8, bidi, quotes, 127-200
                bytes, '.ini' twice, under a fitted profile, ideal, one by
                path, a directory, a missing file or a FIFO: the note
                (profile_fit) exactly where the chip's recorded name is not
                the fitted chip, text without controls, refusals naming the
                path
  nulcols       merge, export, plot pareto, report --sweeps of shards whose
                run_columns names hold a NUL and bytes after it, a byte of
                no UTF-8, another column's name (plain, cased, a blank
                after it), a row duplicated: a refusal names the part, never
                merge's temporary file; no column twice nor a NUL in a
                merged run_columns or a CSV header
  levels        plot heatmap --term dumb of a results table (2-5 x 2-4
                cells) whose z lies around a hostile centre (0, subnormal,
                1e-20, 0.5, 1000, 1e15, 1e300, negative) over a spread from
                1e-15 of it up, a speedup at times (--target drawn), a cell
                NULL, infinite or missing at times: exit 0 or 2 (2 only for a
                --target out of its range); no key of levels on a grid not
                full of finite cells or of one colour (9 digits); on one
                that is, each level the key names told from the others
                (levels alike as doubles apart) and the level zmin + (zmax
                - zmin) k / 5 as printed at its own decimals or significant
                digits (gnuplot traces no contour over a span that is no
                double, nor at some levels of a span near 1e-9 of z, and
                keys none there: not judged) (fuzz7)
  softnote      a copy of a fitted profile whose [meta] software, name or
                calibrated is hostile (quotes, shell, SQL, gnuplot and HTML
                text, controls, bidi, invalid UTF-8, NUL, CR, 126-300
                bytes) on a chip whose preset names TensorRT-LLM or none (or
                a chip file of hostile software), by eval, map, curve,
                claim --json, or a sweep read back by export and report
                --sweeps: exit 2 exactly where a value is refused (a
                software of 128 bytes or a calibrated of 32 on among them),
                else the software note exactly where the chip's software is
                no family of the profile's, the value in it byte for byte
                (JSON, runs.software_note and baseline_software_note,
                export's run), the copy note naming the fit its [meta] name
                and figures give; nothing run, no markup from it (fuzz8)
  helpx         the dispatch alone (cli/main.c): help, --help, -h or a
                name that is no command (a command's one or two edits off,
                its case, a token, 130 bytes, invalid UTF-8, controls,
                bidi),
                then 0-3 words (commands, help's own spellings, tokens):
                the status as main.c's rules give it (help COMMAND: its
                --help byte for byte; a word after it, or after --help:
                exit 2 naming it, a command's name pointing to its help;
                help help and help alone: the list), an unknown name
                offered the nearest command exactly where one lies within
                a third of its letters (the first in the table at the
                least distance), stderr UTF-8 without controls, a stray
                word's refusal one line, an unknown name's followed by the
                list (fuzz9)
  spanx         plot heatmap (text or SVG) of a results table whose x (2-4
                values), y (2-3) or z lies near the doubles' ends (+-4.49e307
                on either side of the edge, 8.99e307, 1e308, the largest
                double, halves and quarters of them, 0; a linear axis): exit
                2 naming the x axis, else the y axis, else the colour (z)
                exactly where its span, the outer cells' edges half a gap
                past the ends (held at a value past the doubles) or z's
                ends, times 1 + 1e-8 is no double (heatmap.c's rule
                emulated), nothing written; else exit 0 (fuzz9)
  nulini        eval of a chip, model, profile or scenario preset by path,
                or sweep of a spec, whose bytes are mutated raw (a NUL put
                anywhere, at times two; bytes flipped, invalid UTF-8, CR
                alone, CRLF, a BOM, a line of 4094-4097 bytes): exit 0 or
                2, a refusal names e.ini (s.ini), and a file holding a NUL
                is refused naming the first NUL's line and its byte of the
                line exactly as counted here (a BOM not counted on line
                1), where it named neither (fuzz11)
  blankeq       eval --set or a sweep spec's set line with blanks or tabs
                at the ends of an assignment's name and value (names and
                values hostile at times: empty, invalid UTF-8, controls,
                300 bytes): a blank before the '=' refused on one line
                (naming s.ini:4 in a spec), and the way to write it the
                refusal gives an assignment that is not refused again for
                its blanks or '=' (fuzz12)
  emptydb       sweep into a new database, an empty file, another run's
                sweep database or a link to nothing, under a file size
                limit (ulimit -f of 0-64 KiB, or none): a failed run that
                made the file leaves none of it (-wal, -shm, -journal) when
                it holds no point, nor says --resume of it; a file that was
                there is kept, a link to nothing left a link; a run that
                succeeds stores its points (fuzz12)
  csvbig        validate --measurements of the published rows repeated to
                10^5 or 10^6 rows (ids duplicated or made distinct, one
                cell hostile): not in a run without --targets (fuzz12
                measured 100,000 rows at 126 s and 620 MB, linear in the
                rows: 10^6 rows pass any --timeout here)
  modellabels   validate --measurements --json whose model column is a
                hostile label (config/modellabel.c): an edit of a preset's
                name, a table's label or a repository, empty, 300 bytes,
                separators alone, path-like, invalid UTF-8, a NUL, two
                presets' names in one, numbers moved across a blank
                ("Llama 270B"), beside a row of each preset's own name: a
                label modelled predicts as a preset whose spellings share
                its skeleton (modellabel.h read independently), a NUL
                never reaches a preset, the JSON is UTF-8
  dbpath        sweep --db of a name with hostile bytes (blanks, a
                newline, quotes, ESC, 0xFF, shell text, 250 bytes) or one
                that is a text file, another sweep database, a link to
                either, to a folder or to nothing, a folder, a name ending
                in '/', beside another file's -journal and -shm, under a
                file size limit or a refused spec at times: nothing in the
                folder changed but the named file and its database's
                sidecars, a text file's bytes and a link kept, a failed
                run's new file gone, a refusal naming the path with its
                controls as '?' (fuzz14)
  inipath       a preset by path (chip, model, profile, scenario), claim
                --config, a sweep spec, validate --measurements or
                --versions given a folder, a FIFO, a link to nothing, to a
                folder or a FIFO, /dev/null, /dev/zero, a 10 MB line, a
                file past 16 MiB, a NUL, or a good file without its last
                newline: exit 2 naming it (no hang), the last the status
                of the same file with its newline (fuzz14)
  helpwords     every command `rooflab help` lists, with 0-4 words (its
                options, with a value where they take one, kinds, keys,
                hostile tokens) and --help or -h where no option takes it
                as a value (cli/parseopt.c opt_parse_words): exit 0 with
                the command's help, or 2 naming a word of the command
                line, never 1
  exportx       export (csv, --units, json, jsonl since fuzz79) of a sweep
                run edited by hand (an idx outside [0, points), twice, or
                no whole number; a
                status of text; a number column's text or blob; a text
                column's blob, NUL, byte of no UTF-8 or control; a unit
                likewise; a column dropped, added or a view; hostile run
                text) or a file that is no database (a folder, a FIFO,
                empty, cut inside a page, bytes flipped): exit 2 exactly
                where an edit export must refuse applied, naming ex.db,
                nothing on stdout; exit 0 UTF-8 rows whose each idx is
                once in [0, points) (fuzz15)
  countj        sweep --count --json (a shard at times) of 1-40 axes of
                2 to 10^9 points each (past 10^360 in all) or hostile
                ranges (0 or 10^12 points, 1e308, nan, reversed,
                subnormal): exit as the text count's; points a number
                that points_text says, the text the same figures, a
                shard's points its share (fuzz15)
  jsonlx        differential: export --format jsonl, json and csv of a sweep
                run edited by hand (runs and run_columns given other types,
                huge or hostile text: overlong, surrogates, C0, C1, bidi,
                LS/PS, NUL; columns added, renamed, dropped; user_version
                and application_id changed; points deleted): the three
                refuse together (exit 2 naming jx.db, no stdout) or agree,
                the JSONL's first line the JSON's run and columns, its other
                lines its points, the CSV's idx theirs; no key twice in an
                object, no NaN (fuzz79)
  dbfew         a database that is no whole one (empty, NULs, a few bytes of
                text or UTF-8 edge cases, SQLite's magic alone, a database's
                first 1-4097 bytes, header bits flipped, another kind's) as
                sweep (--resume too), claim, validate --db, merge's OUT or
                PART, export, report, plot: a failure leaves its bytes
                and no sidecar; only an empty or NUL file or one of the
                command's kind is written or read (fuzz79)
  setcut        eval --set of a warned, accepted key (power on sohu, [design]
                on a spec-sheet chip, SRAM with none resident) 290-310 bytes
                long, or a refused one with odd bytes at the cut: at most
                300 bytes quoted whole, past that cut within 297 bytes at a
                whole character with '... (N bytes' (fuzz79)
  mergejl       differential: merge of two shards, one or both edited as in
                jsonlx: parts whose run_columns differ refused; a merge
                that succeeds exports (jsonl) the parts' points in order,
                the parts' columns; a refusal leaves no output (fuzz79)
Mutations: byte flips, tokens inserted (nan, inf, -0, 1e309, NUL, invalid
UTF-8, CR, BOM, quotes, ';', "'", a 10k-long run), spans deleted or repeated,
fields replaced, lines spliced from another file or deleted, CRLF line ends.

A run is a finding when: a sanitizer reports, a signal kills it, its status is
not 0, 1 or 2, it exits 1 on input that is the user's (status 2 expected), it
exits 0 printing a failure, its --json output is not UTF-8 or not JSON, a
status 2 message names no file, line, key or option, it hangs, or it leaves a
temporary or half-written output.  Findings are written (deduplicated by a
signature) to OUT/findings.txt with a command line that repeats them.

  scripts/fuzz-inputs.py --bin build/rooflab-san --seconds 600 --out /tmp/fz
Not run by make test (slow; a seed gives the same sequence of inputs).
"""
import argparse
import csv
import io
import itertools
import json
import math
import os
import random
import re
import shlex
import shutil
import statistics
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
TOKENS = [b"nan", b"NaN", b"inf", b"-inf", b"-0", b"1e309", b"-1e309",
          b"1e-320", b"0x1p3", b"99999999999999999999", b"-1", b"0", b"",
          b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\r",
          b"\r\n", b"\n", b"'", b'"', b";", b",", b"=", b"[", b"]", b"#",
          b"`touch PW`", b"$(touch PW)", b"\t", b" ", b"a" * 10000,
          b"9" * 400, b"1,2", b"\"\"\"", b"\\"]
SQL_VALUES = [None, "nan", "", "'; DROP TABLE x; --", "\xff", "a" * 10000,
              float("inf"), float("-inf"), -0.0, 1e308, -1, 0, 2 ** 62,
              -2 ** 63, b"\xff\xfe\x00", "\u202e", "x\ny", "é", 1e-320,
              "`touch PW`$(touch PW)"]
SAN = re.compile(rb"AddressSanitizer|runtime error|LeakSanitizer|"
                 rb"UndefinedBehaviorSanitizer")
OUTPUTS = ("r.html", "r.md", "o.ini", "o.svg", "mo.db", "v.db")
# hand-edited values of runs.dropped and dropped_below (None: SQL NULL)
DROP_VALUES = [None, -1, -2 ** 63, 2 ** 63 - 1, 2 ** 62, 2 ** 31, 10 ** 9,
               "NaN", "nan", "", "3", "1e3", 1.5, float("inf"), b"\x00\x03",
               b"", "\xff", 0, 1, 2, 3, 4, 7, 8, 16, 17]
# chip labels: the tables' forms and hostile neighbours of them
LABELS = ["H100 80GB HBM3", "H200 141GB HBM3e", "NVIDIA H200-SXM",
          "GH200 96GB HBM3 (480 GB LPDDR5X)", "A100-SXM4-80GB", "L40S PCIe",
          "B200 180GB HBM3e", "GB200 186GB", "H100 PCIe", "NVIDIA",
          "nvidia nvidia h100", "H100 80GB80GB", "H100 0GB", "H100 00GB",
          "H100 " + "9" * 20 + "GB", "H100 " + "9" * 40 + "GB",
          "H100 4294967376GB", "H100 2147483728GB", "H100 80.0GB",
          "H100 " + "SXM " * 13, "H100 " + "x" * 40, "h100-sxm",
          "H100-SXM", "H100\u00e9", "H100 80GB \u00e9", "H100\u200b80GB",
          "H100\u202eSXM", "H100\x01SXM", "H100\x7fSXM", "H100\tSXM",
          "\ufeffH100", "H100\u00a080GB", "\uff28100", "H100 80 GB GB"]
NONASCII_LABEL = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f-\xff]")
FAILWORDS = re.compile(rb"\b(error|failed|cannot|fatal)\b", re.I)


def mutate(rng, data, other):
    """One to four edits of the bytes DATA (OTHER: lines to splice)."""
    for _ in range(rng.randint(1, 4)):
        n = len(data)
        pos = rng.randrange(n + 1)
        op = rng.randrange(9)
        if op == 0 and n:
            b = bytearray(data)
            b[min(pos, n - 1)] ^= 1 << rng.randrange(8)
            data = bytes(b)
        elif op <= 2:
            data = data[:pos] + rng.choice(TOKENS) + data[pos:]
        elif op == 3:
            data = data[:pos] + data[pos + rng.randint(1, 40):]
        elif op == 4:
            end = min(n, pos + rng.randint(1, 200))
            data = data[:end] + data[pos:end] * rng.randint(1, 50) + data[end:]
        elif op == 5 and other:
            lines = data.split(b"\n")
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(other))
            data = b"\n".join(lines)
        elif op == 6:  # replace one field (CSV) or value (INI) outright
            lines = data.split(b"\n")
            i = rng.randrange(len(lines))
            sep = b"=" if b"=" in lines[i] else b","
            f = lines[i].split(sep)
            f[rng.randrange(len(f))] = rng.choice(TOKENS)
            lines[i] = sep.join(f)
            data = b"\n".join(lines)
        elif op == 7:
            data = rng.choice([data.replace(b"\n", b"\r\n"),
                               b"\xef\xbb\xbf" + data, data[:pos]])
        else:  # a line deleted
            lines = data.split(b"\n")
            del lines[rng.randrange(len(lines))]
            data = b"\n".join(lines)
    return data


def lines_of(path):
    with open(path, "rb") as f:
        return f.read().split(b"\n")


class Fuzzer:
    def __init__(self, args):
        self.a = args
        self.rng = random.Random(args.seed)
        self.work = os.path.join(args.out, "work")
        self.seeds = os.path.join(args.out, "seeds")
        self.found = {}
        self.runs = 0
        self.stats = {}
        for d in (self.work, self.seeds):
            os.makedirs(d, exist_ok=True)
        self.csv = lines_of(os.path.join(DATA, "measurements",
                                         "published-h100.csv"))
        self.inis = [os.path.join(DATA, k, f) for k in
                     ("chips", "models", "profiles", "scenarios")
                     for f in sorted(os.listdir(os.path.join(DATA, k)))
                     if f.endswith(".ini")]
        self.make_dbs()
        self.params = json.loads(self.rl("params", "--json").stdout)["params"]
        self.sig_prev = self.sram_ref = self.legacy_lock = None

    def rl(self, *argv, cwd=None, timeout=None, env=None):
        return subprocess.run([self.a.bin, *argv], cwd=cwd or self.work,
                              capture_output=True, env=env,
                              timeout=timeout or self.a.timeout)

    def make_dbs(self):
        s = self.seeds
        for f in os.listdir(s):
            os.remove(os.path.join(s, f))
        self.rl("claim", "--db", "claim.db", "--samples", "100", cwd=s)
        self.rl("validate", "--db", "claim.db", cwd=s)
        def run_spec(name, batch, extra, db, part, profile="ideal"):
            """Write NAME.ini (llama3-8b fp8 128/128 on h100-sxm under
            PROFILE (None: eval's default), over batch and frac_mac, a
            grid, then EXTRA) and sweep it whole into DB
            and in two shards into PART0.db, PART1.db."""
            with open(os.path.join(s, name + ".ini"), "w") as f:
                # profile = ideal: the filter's 20000 tokens/s is set for
                # the roofline (under eval's default, trtllm-0.10 since
                # 6ff9398, no point reaches it and none is dropped)
                f.write(f"[meta]\nname = {name}\n[base]\nchip = h100-sxm\n"
                        "model = llama3-8b\n" +
                        (f"profile = {profile}\n" if profile else "") +
                        "set = scenario.precision=fp8\n"
                        "set = scenario.isl=128\nset = scenario.osl=128\n"
                        f"[axes]\nscenario.batch = {batch} log\n"
                        "design.frac_mac = 0.3, 0.5\n[sampling]\nmethod = grid\n"
                        + extra)
            self.rl("sweep", name + ".ini", "--db", db, cwd=s)
            for i in range(2):
                self.rl("sweep", name + ".ini", "--db", f"{part}{i}.db",
                        "--shard", f"{i}/2", cwd=s)
        run_spec("tiny", "1:64:4", "", "sweep.db", "shard")
        # a filtered run (some points dropped) whole and in two shards
        run_spec("filt", "1:256:8", "[filter]\nkeep = throughput.output_tokens_per_s <= "
                 "20000\n", "filt.db", "fshard")
        # the same filter under eval's default: it drops no point, a
        # complete run whose every point is stored (a resume repairs
        # its count and next point edited by hand)
        run_spec("kept", "1:256:8", "[filter]\nkeep = throughput.output_tokens_per_s <= "
                 "20000\n", "kept.db", "kshard", profile=None)
        self.filt = {}
        for n in ("filt.db", "fshard0.db", "fshard1.db", "kept.db",
                  "kshard0.db", "kshard1.db"):
            con = sqlite3.connect(os.path.join(s, n))
            self.filt[n] = con.execute(
                "SELECT dropped + (SELECT count(*) FROM points), "
                "shard_index, shard_count FROM runs").fetchone()
            con.close()

    # ---- targets: each writes its inputs into self.work, returns argv
    def t_measurements(self):
        r = self.rng
        rows = r.sample(self.csv[1:-1], r.randint(1, 6))
        cal = r.random() < 0.15
        if cal:  # enough rows of one version for a fit
            rows = [x for x in self.csv if b",0.15.0," in x][:30]
        text = b"\n".join([self.csv[0]] + rows) + b"\n"
        self.put("m.csv", mutate(r, text, self.csv[1:40]))
        extra = r.choice([[], ["--json"], ["--json", "--profile",
                                           "trtllm-0.15"]])
        if cal:
            argv = ["calibrate", "--profile", "trtllm-0.15",
                    "--measurements", "m.csv", "--no-loo", "--out", "o.ini"]
            if r.random() < 0.5:  # --weight ID=W,... (bdc433d) hostile
                ids = [x.split(b",")[0].decode("utf-8", "replace")
                       for x in rows[:4]] or ["x"]
                ws = ["2", "0", "-1", "100", "100.0001", "1e-300", "nan",
                      "inf", "", "0x10", " 2", "2 ", "1e400", "3,",
                      "4.9e-324", "\u00e9", "=2"]
                ent = [r.choice(["", r.choice(ids)]) + r.choice(["=", "",
                       "=="]) + r.choice(ws) for _ in range(r.randint(1, 3))]
                if r.random() < 0.4:  # a list that runs (with --aside below)
                    ent = [f"{i}={r.choice(['2', '3', '0.5', '100'])}"
                           for i in r.sample(ids, r.randint(1, len(ids)))]
                argv += ["--weight", ",".join(ent).replace("\x00", "")]
            if r.random() < 0.3:  # --aside beside it: a row weighted and
                # set aside is refused (82f514d)
                ids = [x.split(b",")[0].decode("utf-8", "replace")
                       for x in rows[:6]] or ["x"]
                argv += ["--aside", ",".join(r.sample(ids, r.randint(
                    1, min(2, len(ids))))).replace("\x00", "")]
            return argv
        if r.random() < 0.2:
            return ["validate", "--measurements", "m.csv", "--db", "v.db"]
        return ["validate", "--measurements", "m.csv", *extra]

    def t_preset(self):
        r = self.rng
        src = r.choice(self.inis)
        kind = os.path.basename(os.path.dirname(src))
        other = lines_of(r.choice(self.inis))
        self.put("p.ini", mutate(r, open(src, "rb").read(), other))
        opt = {"chips": "--chip", "models": "--model",
               "profiles": "--profile", "scenarios": "--scenario"}[kind]
        argv = ["eval", "--chip", "h100-sxm", "--model", "llama3-8b",
                "--precision", "fp8", "--isl", "128", "--osl", "128",
                "--tp", "1", opt, "p.ini"]
        if kind == "scenarios":
            argv = ["eval", "--scenario", "p.ini", "--chip", "h100-sxm"]
        if r.random() < 0.5:
            argv.append("--json")
        if kind == "chips" and r.random() < 0.3:
            argv = ["area", "--chip", "p.ini", "--json"]
        return argv

    def t_set(self):
        """1-4 parameters of `rooflab params` at an end of their range, just
        past it, inside it, or a hostile token, on eval, curve, map, area."""
        r = self.rng
        sets = []
        for _ in range(r.randint(1, 4)):
            p = r.choice(self.params)
            lo, hi = p["min"], p["max"]
            if "|" in p["range"]:
                val = r.choice(p["range"].split("|") + ["x", ""])
            else:
                val = r.choice([lo, hi, hi * 1.0001 + 1e-9, lo - 1e-9,
                                lo + (hi - lo) * r.random(),
                                10 ** r.uniform(-3, 7), 1, 0])
                val = repr(int(val)) if r.random() < 0.3 else repr(val)
            if r.random() < 0.1:
                val = r.choice(TOKENS).decode("utf-8", "surrogateescape")
            sets.append(f"{p['name']}={val}".replace("\x00", ""))
        cmd = r.choice(["eval", "eval", "curve", "map", "area"])
        argv = [cmd, "--chip", r.choice(["h100-sxm", "sohu", "b200",
                                         "sohu-design", "l40s"])]
        if cmd != "area":  # area refuses a model and a profile
            argv += ["--model", r.choice(["llama3-8b", "mixtral-8x7b",
                                          "gpt-j-6b", "llama3-70b",
                                          "deepseek-r1"]),
                     "--profile", r.choice(["trtllm-0.15", "trtllm-1.0",
                                            "ideal", "triton-0.14"])]
        for x in sets:
            argv += ["--set", x]
        if cmd in ("eval", "curve"):
            argv += ["--tp", r.choice(["1", "2", "8"]), "--isl",
                     r.choice(["1", "128", "20000"]), "--osl",
                     r.choice(["1", "128", "2048"])]
        if cmd == "eval" and r.random() < 0.3:
            argv += r.choice([["--rate", "3"], ["--tpot-max", "0.05"],
                              ["--ttft-p99-max", "1", "--tpot-max", "0.1"]])
        if cmd == "map":
            argv += ["--chips", r.choice(["2", "8", "16"])]
        return argv + ["--json"] * (r.random() < 0.5)

    def t_spec(self):
        r = self.rng
        specs = [os.path.join(ROOT, "sweeps", f) for f in
                 sorted(os.listdir(os.path.join(ROOT, "sweeps")))
                 if f.endswith(".ini")] + [os.path.join(self.seeds,
                                                         "tiny.ini")] * 3
        src = r.choice(specs)
        other = lines_of(r.choice(specs))
        self.put("s.ini", mutate(r, open(src, "rb").read(), other))
        self.rm("s.db")
        argv = ["sweep", "s.ini", "--db", "s.db"]
        if r.random() < 0.3:
            argv += ["--shard", r.choice(["0/2", "1/3", "3/2", "0/0", "-1/2",
                                          "1/1e9", "x", "0/2/3"])]
        return argv

    def t_claim(self):
        r = self.rng
        unc = os.path.join(DATA, "uncertainty", "sohu.ini")
        self.put("u.ini", mutate(r, open(unc, "rb").read(),
                                 lines_of(unc)))
        cfg = (b"[claim]\nscenario = etched-bench\nsamples = 20\n"
               b"[a]\nchip = h100-sxm\nprofile = trtllm-0.10\n"
               b"[b]\nchip = sohu\nprofile = etched-claim\n")
        self.put("c.ini", mutate(r, cfg, cfg.split(b"\n") +
                                 [b"chip.hbm_tbps = -3", b"scenario.tp = 3",
                                  b"profile.eff_link = 2"]))
        side = mutate(r, b"sohu,profile=etched-claim,tp=8,label=x", [])
        side = side.decode("utf-8", "surrogateescape").replace("\x00", "")
        argv = r.choice([["claim", "--uncertainty", "u.ini", "--samples",
                          "20", "--no-design"],
                         ["claim", "--config", "c.ini", "--no-design"],
                         ["claim", "--b", side, "--samples", "0",
                          "--no-design"],
                         ["solve", "--vary", "b.chip.hbm_tbps", "--b", side,
                          "--no-design"]])
        return argv + ["--json"] * (r.random() < 0.5)

    def t_versions(self):
        r = self.rng
        v = lines_of(os.path.join(DATA, "profiles", "versions.csv"))
        self.put("v.csv", mutate(r, b"\n".join(v), v))
        rows = [x for x in self.csv if b",0.15.0," in x][:3]
        self.put("m.csv", b"\n".join([self.csv[0]] + rows) + b"\n")
        return ["validate", "--measurements", "m.csv", "--versions", "v.csv",
                "--json"]

    def t_merge(self):
        r = self.rng
        for i in range(2):
            self.rm(f"sh{i}.db")
            shutil.copy(os.path.join(self.seeds, f"shard{i}.db"),
                        self.path(f"sh{i}.db"))
        self.poke_db(self.path(f"sh{r.randrange(2)}.db"))
        self.rm("mo.db")
        return ["merge", "mo.db", "sh0.db", "sh1.db"]

    def t_opts(self):
        """A hostile value for one numeric or named option."""
        r = self.rng
        opt = r.choice(["--isl", "--osl", "--tp", "--pp", "--ep", "--chips",
                        "--batch", "--rate", "--requests", "--ttft-max",
                        "--tpot-max", "--ttft-p99-max", "--precision",
                        "--chip", "--model", "--profile", "--scenario"])
        val = r.choice(TOKENS + [b"1e5", b"0.5", b"3", b"h100-sxm/../x",
                                 b"../../etc/passwd", b"-"])
        if r.random() < 0.3:
            val = mutate(r, val, [])
        val = val.decode("utf-8", "surrogateescape").replace("\x00", "")
        cmd = r.choice(["eval", "eval", "curve", "map"])
        base = {"--chip": "h100-sxm", "--model": "llama3-8b",
                "--precision": "fp8", "--isl": "128", "--osl": "128",
                "--tp": "1"}
        if cmd == "map":
            base["--chips"] = "2"
            del base["--tp"]
        if cmd == "curve" and opt in ("--rate", "--requests") or \
                cmd == "map" and opt in ("--requests", "--tp", "--pp",
                                         "--ep"):
            cmd = "eval"
        base[opt] = val
        argv = [cmd] + [x for kv in base.items() for x in kv]
        return argv + ["--json"] * (r.random() < 0.5)

    def t_db(self):
        r = self.rng
        name = r.choice(["claim.db", "sweep.db"])
        self.rm("d.db", "d.db-wal", "d.db-shm")
        shutil.copy(os.path.join(self.seeds, name), self.path("d.db"))
        if r.random() < 0.25:
            b = bytearray(open(self.path("d.db"), "rb").read())
            for _ in range(r.randint(1, 8)):
                b[r.randrange(100, len(b))] = r.randrange(256)
            self.put("d.db", bytes(b))
        else:
            self.poke_db(self.path("d.db"))
        self.rm("r.html", "r.md", "o.svg")
        if name == "sweep.db":
            return r.choice([["export", "--db", "d.db", "--format", "json"],
                             ["export", "--db", "d.db", "--format", "csv"],
                             ["plot", "heatmap", "--db", "d.db", "--out",
                              "o.svg"],
                             ["plot", "pareto", "--db", "d.db", "--out",
                              "o.svg"]])
        kind = r.choice(["roofline", "factors", "tornado", "distribution",
                         "batch", "interactivity", "breakdown", "validation"])
        return r.choice([["report", "--db", "d.db", "--out", "r.html",
                          "--no-plots"],
                         ["report", "--db", "d.db", "--out", "r.md",
                          "--no-plots"],
                         ["plot", kind, "--db", "d.db", "--out", "o.svg"],
                         ["plot", kind, "--db", "d.db", "--term", "dumb"],
                         ["report", "--db", "d.db", "--out", "r.html"]])

    def t_drops(self):
        """A filtered run's count of dropped points edited by hand."""
        r = self.rng
        self.rm("d.db", "d.db-wal", "d.db-shm", "e.db", "mo.db", "r.html",
                "o.svg")
        shutil.copy(os.path.join(self.seeds, "claim.db"), self.path("c.db"))
        seed = r.choice(["filt.db", "fshard0.db", "fshard1.db", "kept.db",
                         "kshard0.db", "kshard1.db"])
        shutil.copy(os.path.join(self.seeds, "kept.ini" if seed[0] == "k"
                                 else "filt.ini"), self.path("f.ini"))
        shutil.copy(os.path.join(self.seeds, seed), self.path("d.db"))
        con = sqlite3.connect(self.path("d.db"))
        gone = r.random() < 0.15
        if gone:  # a file made before the columns
            con.execute("ALTER TABLE runs DROP COLUMN dropped")
            con.execute("ALTER TABLE runs DROP COLUMN dropped_below")
        else:
            for c in r.sample(["dropped", "dropped_below", "next_idx",
                               "finished"], r.randint(1, 3)):
                v = r.choice(DROP_VALUES)
                if c == "finished":
                    v = r.choice([None, "2026-01-01T00:00:00Z"])
                elif c == "next_idx":
                    v = r.choice([0, 3, 8, 15, 16, 17, -1, 2 ** 62])
                elif c == "dropped_below" and r.random() < 0.5:
                    v = r.choice([16, 8, 17, 2 ** 62, -1])
                con.execute(f"UPDATE runs SET {c} = ?", (v,))
        deleted = 0
        if r.random() < 0.4:
            deleted = con.execute(
                "DELETE FROM points WHERE rowid IN (SELECT rowid FROM points "
                f"ORDER BY random() LIMIT {r.randint(1, 3)})").rowcount
        con.commit()
        con.close()
        self.drops_case = (seed, gone, deleted)
        other = {"fshard0.db": "fshard1.db", "fshard1.db": "fshard0.db",
                 "filt.db": "fshard1.db", "kshard0.db": "kshard1.db",
                 "kshard1.db": "kshard0.db", "kept.db": "kshard1.db"}[seed]
        shutil.copy(os.path.join(self.seeds, other), self.path("e.db"))
        return r.choice([["export", "--db", "d.db", "--format", "json"],
                         ["export", "--db", "d.db", "--format", "csv"],
                         ["plot", "heatmap", "--db", "d.db", "--out",
                          "o.svg"],
                         ["plot", "pareto", "--db", "d.db", "--out", "o.svg"],
                         ["report", "--db", "c.db", "--sweeps", "d.db",
                          "--out", "r.html", "--no-plots"],
                         ["sweep", "f.ini", "--db", "d.db", "--resume"] +
                         (["--shard", f"{self.filt[seed][1]}/"
                           f"{self.filt[seed][2]}"]
                          if "shard" in seed else []),
                         ["merge", "mo.db", "d.db", "e.db"]])

    def drops_check(self, argv, p):
        """A resume or merge that succeeded left a count that adds up."""
        if p.returncode != 0 or argv[0] not in ("sweep", "merge"):
            return []
        db = self.path("mo.db" if argv[0] == "merge" else "d.db")
        con = sqlite3.connect(db)
        try:
            row = con.execute(
                "SELECT dropped, dropped_below, next_idx, points, "
                "shard_index, shard_count, finished IS NOT NULL, "
                "(SELECT count(*) FROM points) FROM runs").fetchone()
        except sqlite3.Error as e:
            return [f"{argv[0]} left no readable count: {e}"]
        finally:
            con.close()
        dropped, below, nxt, points, shard, shards, done, rows = row
        if dropped is None and argv[0] == "merge":
            return []
        if dropped is not None and not isinstance(dropped, int):
            return [f"{argv[0]} left a count of type "
                    f"{type(dropped).__name__}"]
        if dropped is not None and dropped < 0:
            return [f"{argv[0]} left a negative count {dropped}"]
        seed = self.drops_case[0]
        want = self.filt["kept.db" if seed[0] == "k" else "filt.db"][0] \
            if argv[0] == "merge" else self.filt[seed][0]
        if argv[0] == "sweep" and done and (below != nxt or dropped is None
                                            or dropped + rows != want):
            return [f"resume left dropped {dropped} below {below}, next_idx "
                    f"{nxt}, {rows} rows: not the shard's {want} points"]
        if argv[0] == "merge" and dropped + rows != want:
            return [f"merge recorded dropped {dropped} beside {rows} rows "
                    f"of {want} points"]
        return []

    def t_labels(self):
        """validate on rows whose chip column is a mutated label."""
        r = self.rng
        head = self.csv[0]
        rows = []
        self.label_bytes = []
        for i in range(r.randint(1, 5)):
            lab = r.choice(LABELS).encode("utf-8")
            if r.random() < 0.5:
                lab = mutate(r, lab, [])
            lab = lab.replace(b"\n", b"").replace(b"\r", b"") \
                .replace(b"\x00", b"")
            self.label_bytes.append(lab)
            q = b'"' + lab.replace(b'"', b'""') + b'"'
            notes = b""
            if r.random() < 0.4:  # a notes entry for a label (14638ea)
                ent = mutate(r, r.choice(LABELS).encode("utf-8") + b" " +
                             r.choice([b"0.95", b"0.5", b"1e9", b"-1",
                                       b"x", b""]), []) \
                    if r.random() < 0.5 else lab + b" 0.5"
                ent = ent.replace(b"\n", b"").replace(b"\x00", b"")
                notes = (b',,,,"kv_cache_free_gpu_mem_fraction=0.9 (' +
                         ent.replace(b'"', b'""') + b')"')
            rows.append(b"x%d,TensorRT-LLM,0.13.0,%s,1,llama3-8b,fp16,128,"
                        b"128,1,1,,,tokens_per_s,1%s" % (i, q, notes))
        self.put("m.csv", b"\n".join([head] + rows) + b"\n")
        return ["validate", "--measurements", "m.csv", "--json"]

    def measurements_check(self, argv, p):
        """calibrate with --weight that ran: the profile's header counts
        the rows weighted, none of them one --aside sets aside."""
        if argv[0] != "calibrate" or "--weight" not in argv or \
                p.returncode != 0 or not os.path.exists(self.path("o.ini")):
            return []
        ws = argv[argv.index("--weight") + 1].split(",")
        ids = {w.rsplit("=", 1)[0] for w in ws if "=" in w}
        aside = set(argv[argv.index("--aside") + 1].split(",")) \
            if "--aside" in argv else set()
        if ids & aside:
            return [f"rows {sorted(ids & aside)!r} weighted and set aside"]
        head = open(self.path("o.ini"), "rb").read().decode("utf-8",
                                                             "replace")
        m = re.search(r" (\d+) rows? weighted in the fit", head)
        if (int(m.group(1)) if m else 0) != len(ids):
            return [f"header counts {m.group(1) if m else 0} rows weighted "
                    f"of {len(ids)} named"]
        return []

    def labels_check(self, argv, p):
        """A label with a byte outside printable ASCII names no preset."""
        if p.returncode != 0:
            return []
        try:
            got = json.loads(p.stdout.decode("utf-8"))["rows"]
        except Exception:  # noqa: BLE001 (judge reports it)
            return []
        why = []
        for lab, row in zip(self.label_bytes, got):
            if NONASCII_LABEL.search(lab) and row.get("status") == "ok":
                why.append(f"label {lab!r} modelled as {row.get('chip')}")
        return why[:1]

    def t_solve(self):
        r = self.rng
        names = [x["name"] for x in self.params
                 if x["name"].split(".")[0] in ("chip", "profile", "design",
                                                "node")]
        argv = ["solve"]
        for _ in range(r.randint(1, 3)):
            v = r.choice(["a.", "b.", "b.", "b."]) + r.choice(names)
            if r.random() < 0.03:
                v = mutate(r, v.encode(), []).decode("utf-8",
                                                     "surrogateescape")
            argv += ["--vary", v.replace("\x00", "")]
        if r.random() < 0.5:
            keys = ["tp", "pp", "ep", "chips", "batch", "profile",
                    "label", "precision", "isl", "osl", "scenario.pp",
                    "scenario.ep", "scenario.tp"]
            side = [r.choice(["sohu", "h100-sxm", "b200", "sohu-design",
                              "h200-sxm"])]
            for _ in range(r.randint(0, 4)):
                k = r.choice(keys)
                v = r.choice(["1", "2", "4", "8", "16", "3", "1", "2",
                              "0", "-1", "1e9", "nan", "64", "fp8",
                              "trtllm-0.10", "etched-claim", "x", ""])
                side.append(f"{k}={v}")
            sp = ",".join(side)
            if r.random() < 0.05:
                sp = mutate(r, sp.encode(), []).decode("utf-8",
                                                       "surrogateescape")
            argv += ["--b", sp.replace("\x00", "")]
        if r.random() < 0.3:
            argv += ["--scenario", r.choice(["etched-bench",
                                             "trtllm-128-128",
                                             "trtllm-2048-2048", "x"])]
        if r.random() < 0.3:
            argv += ["--target", r.choice(["speedup=20", "1", "1e9", "1e-7",
                                           "0", "-3", "nan", "speedup=",
                                           "1000000"])]
        if r.random() < 0.2:
            cfg = (b"[claim]\nscenario = etched-bench\n[a]\nchip = h100-sxm"
                   b"\nprofile = trtllm-0.10\n[b]\nchip = sohu\ntp = 4\n")
            self.put("c.ini", mutate(r, cfg, []))
            argv += ["--config", "c.ini"]
        return argv + ["--no-design"] * (r.random() < 0.7) + \
            ["--json"] * (r.random() < 0.5)

    def t_presets(self):
        """presets over a data directory with a broken model file."""
        r = self.rng
        dd = self.path("data")
        if not os.path.isdir(dd):
            os.makedirs(os.path.join(dd, "models"))
            for k in os.listdir(DATA):
                if k != "models":
                    os.symlink(os.path.join(DATA, k), os.path.join(dd, k))
        md = os.path.join(dd, "models")
        for f in os.listdir(md):
            if os.path.isdir(os.path.join(md, f)) and not \
                    os.path.islink(os.path.join(md, f)):
                os.rmdir(os.path.join(md, f))
            else:
                os.remove(os.path.join(md, f))
        # a preset that is no file: a directory, a FIFO, a link to nothing
        odd = r.choice([None, "dir", "fifo", "gone", "loop"])
        if odd == "dir":
            os.mkdir(os.path.join(md, "odd.ini"))
        elif odd == "fifo":
            os.mkfifo(os.path.join(md, "odd.ini"))
        elif odd:
            os.symlink("nowhere.ini" if odd == "gone" else "odd.ini",
                       os.path.join(md, "odd.ini"))
        srcs = sorted(f for f in os.listdir(os.path.join(DATA, "models"))
                      if f.endswith(".ini"))
        for f in r.sample(srcs, 3):
            shutil.copy(os.path.join(DATA, "models", f), md)
        src = os.path.join(DATA, "models", r.choice(srcs))
        name = r.choice(["zz.ini", "a b.ini", "\u00e9t\u00e9.ini",
                         "x" * 60 + ".ini", "a,b.ini"])
        with open(os.path.join(md, name), "wb") as f:
            f.write(mutate(r, open(src, "rb").read(), self.csv[:3]))
        self.presets_env = dict(os.environ, ROOFLAB_DATA=dd)
        self.presets_name = name[:-4]
        if odd and r.random() < 0.4:
            return ["eval", "--chip", "h100-sxm", "--model", "odd"]
        return ["presets", "model"] if r.random() < 0.7 else ["presets"]

    def presets_check(self, argv, p):
        """Every model line's description within 76 characters."""
        if p.returncode != 0:
            return []
        try:
            text = p.stdout.decode("utf-8")
        except UnicodeDecodeError:
            return []
        why = []
        kind = None
        for line in text.split("\n"):
            if line and not line.startswith(" "):
                kind = line
            elif kind == "model" and line.startswith("  "):
                # the name's column is 24 wide; a longer name (presets
                # take up to 63 characters) pushes its description right
                stem = getattr(self, "presets_name", "")
                col = 2 + max(24, len(stem)) + 1 \
                    if line.startswith("  " + stem + " ") else 2 + 25
                doc = line[col:] if len(line) > col else ""
                if len(doc) > 76:
                    why.append(f"a model's description of {len(doc)} "
                               f"characters: {doc[:60]!r}")
                if re.search("[\x00-\x1f\x7f-\x9f]", line):
                    why.append(f"a control character in {line[:60]!r}")
        return why[:1]

    def t_profile(self):
        """curve, map and eval with a mutated profile INI by path."""
        r = self.rng
        profs = [x for x in self.inis if "/profiles/" in x]
        src = r.choice(profs)
        self.put("p.ini", mutate(r, open(src, "rb").read(),
                                 lines_of(r.choice(profs))))
        cmd = r.choice(["curve", "map", "eval"])
        argv = [cmd, "--chip", r.choice(["h100-sxm", "sohu", "b200,h100-sxm"
                                         if cmd == "curve" else "b200"]),
                "--model", r.choice(["llama3-8b", "mixtral-8x7b"]),
                "--precision", "fp8", "--isl", "128", "--osl", "128",
                "--profile", "p.ini"]
        if cmd == "map":
            argv += ["--chips", r.choice(["1", "2", "8"])]
        elif cmd == "curve":
            argv += ["--tp", r.choice(["1", "1,2", "8"])]
            if r.random() < 0.3:
                argv += ["--step", r.choice(["2", "1.0001", "1e9", "1"])]
        else:
            argv += ["--tp", "1"]
        return argv + ["--json"] * (r.random() < 0.5)

    # ---- the cache, options given twice, the spec's rules
    CACHE_BASES = [("h100-sxm", "llama3-8b", "trtllm-0.15", "fp8"),
                   ("h100-sxm", "mixtral-8x7b", "trtllm-1.0", "fp8"),
                   ("h200-sxm", "mistral-7b", "trtllm-1.0", "fp8"),
                   ("b200", "llama3-70b", "trtllm-0.17", "fp8"),
                   ("a100-sxm", "llama3-8b", "trtllm-0.15", "fp16"),
                   ("h100-sxm", "deepseek-r1", "ideal", "fp8"),
                   ("sohu", "llama3-70b", "etched-claim", "fp8"),
                   ("sohu-design", "llama3-8b", "ideal", "fp8"),
                   # the SRAM path (aab1436): weights resident, no HBM copy,
                   # with HBM and without
                   ("h100-sxm", "llama3-8b", "trtllm-0.15", "fp8",
                    {"chip.sram_resident_share": "1", "chip.sram_tbps": "30",
                     "chip.sram_mb": "20000", "chip.sram_hbm_copy": "false"}),
                   ("h100-sxm", "llama3-8b", "trtllm-0.15", "fp8",
                    {"chip.sram_resident_share": "1", "chip.sram_tbps": "30",
                     "chip.sram_mb": "60000", "chip.sram_hbm_copy": "false",
                     "chip.hbm_gb": "0", "chip.hbm_tbps": "0"}),
                   ("sohu-design", "llama3-8b", "etched-claim", "fp8",
                    {"design.hbm_stacks": "0", "design.frac_sram": "0.5",
                     "design.frac_mac": "0.1", "scenario.pp": "8",
                     "chip.sram_resident_share": "1",
                     "chip.sram_hbm_copy": "false"})]

    def cache_values(self, p):
        """Two or three distinct values of parameter p, in its range."""
        r = self.rng
        if "|" in p["range"]:
            names = p["range"].split("|")
            return r.sample(names, min(len(names), r.randint(2, 3)))
        lo, hi = p["min"], p["max"]
        pool = [lo, hi, lo + (hi - lo) * r.random(),
                lo + (hi - lo) * r.random() ** 6, 1, 2, 8, 0.5]
        if lo <= 0 <= hi:
            pool += [0, 0]
        pool = [v for v in pool if lo <= v <= hi]
        out, want = [], r.randint(2, 3)
        for v in r.sample(pool, len(pool)):
            t = repr(int(v)) if v == int(v) and abs(v) < 1e15 else repr(v)
            if t not in out and float(t) not in [float(x) for x in out]:
                out.append(t)
            if len(out) == want:
                break
        return out if len(out) >= 2 else None

    def cache_extra(self, base, axes):
        """A base's further sets (its 5th item) less those an axis sweeps."""
        names = {k for k, _ in axes}
        return {k: v for k, v in (base[4] if len(base) > 4 else {}).items()
                if k not in names}

    def cache_spec(self, axes, base):
        chip, model, prof, prec = base[:4]
        t = (f"[meta]\nname = cache\n[base]\nchip = {chip}\nmodel = {model}"
             f"\nprofile = {prof}\nset = scenario.precision={prec}\n"
             f"set = scenario.osl={self.cache_osl}\n"
             "set = scenario.chips=16\n" +
             "".join(f"set = {k}={v}\n" for k, v in
                     self.cache_extra(base, axes).items()) + "[axes]\n")
        t += "".join(f"{k} = {', '.join(v)}\n" for k, v in axes)
        return t + "[outputs]\nkeep = all\n"

    def t_cache(self):
        r = self.rng
        while True:
            axes = []
            for p in r.sample(self.params, r.randint(1, 3)):
                if p["name"].startswith("scenario.") and p["name"].split(
                        ".")[1] in ("isl", "osl", "batch"):
                    continue
                v = self.cache_values(p)
                if v:
                    axes.append((p["name"], v))
            if axes:
                break
        if r.random() < 0.5:  # the mapping too, often
            axes.insert(0, ("scenario.tp", r.sample(["1", "2", "4", "8"], 2)))
            seen = set()
            axes = [a for a in axes if not (a[0] in seen or seen.add(a[0]))]
        self.cache_osl = r.choice(["1", "128", "1000"])
        isl = ("scenario.isl", r.sample(["1", "128", "2048", "20000"], 2))
        self.cache_base = r.choice(self.CACHE_BASES)
        if len(self.cache_base) > 4 and r.random() < 0.6:
            # the SRAM path's own parameters swept through the cache
            for name, vals in r.sample([
                    ("chip.sram_hbm_copy", ["false", "true"]),
                    ("chip.sram_resident_share", ["0", "0.5", "1"]),
                    ("profile.kv_fraction", ["0.5", "0.9"]),
                    ("scenario.pp", ["1", "2", "8"])], r.randint(1, 2)):
                if name not in [k for k, _ in axes]:
                    axes.append((name, vals))
        self.cache_axes = axes + [isl]
        self.put("c1.ini", self.cache_spec(self.cache_axes,
                                           self.cache_base).encode())
        self.put("c2.ini", self.cache_spec([isl] + axes,
                                           self.cache_base).encode())
        self.rm("c1.db", "c2.db")
        return ["sweep", "c1.ini", "--db", "c1.db"]

    def cache_check(self, argv, p):
        """The cached sweep stores what the uncached one and eval give."""
        if p.returncode != 0:
            return []
        q = self.rl("sweep", "c2.ini", "--db", "c2.db")
        if q.returncode != 0:
            return [f"the same sweep with isl first exits {q.returncode}"]
        axes = self.cache_axes
        first = [axes[-1]] + axes[:-1]

        def rows(db, ax):
            con = sqlite3.connect(self.path(db))
            con.row_factory = sqlite3.Row
            got = [dict(x) for x in con.execute(
                "SELECT * FROM results ORDER BY idx")]
            con.close()
            pts = list(itertools.product(*[v for _, v in ax]))
            if len(got) != len(pts):
                return None
            return {tuple(sorted(zip([k for k, _ in ax], pt))): g
                    for pt, g in zip(pts, got)}

        def same(a, b):
            return a == b or (a != a and b != b)

        a, b = rows("c1.db", axes), rows("c2.db", first)
        if a is None or b is None:
            return ["a sweep stored other than its points"]
        for key, ra in a.items():
            for c, v in ra.items():
                if c not in ("run_id", "idx") and not same(v, b[key][c]):
                    return [f"cached {c} = {v!r}, not {b[key][c]!r} without "
                            f"the cache at {dict(key)}"]
        key = self.rng.choice(list(a))
        chip, model, prof, prec = self.cache_base[:4]
        ev = ["eval", "--json", "--chip", chip, "--model", model,
              "--profile", prof]
        # the point's values replace the base's (eval refuses one
        # parameter set twice; an axis may be scenario.precision or .chips)
        sets = {"scenario.precision": prec, "scenario.osl": self.cache_osl,
                "scenario.chips": "16"}
        sets.update(self.cache_extra(self.cache_base, self.cache_axes))
        sets.update(dict(key))
        for k, v in sets.items():
            ev += ["--set", f"{k}={v}"]
        e = self.rl(*ev)
        # (rl_eval's RL_EINVAL 2 and RL_ENOFIT 3 both exit 2; RL_EPOWER 4,
        # over the TDP at every clock, is a point the sweep stores with its
        # power figures alone but eval shows, exit 0, with power.over_tdp
        # set and said)
        st = a[key]["status"]
        if st == 4:
            if e.returncode != 0:
                return [f"eval exits {e.returncode}, the sweep's status is "
                        f"4 (over the TDP) at {dict(key)}"]
            js = json.loads(e.stdout)
            if js.get("power", {}).get("over_tdp") in (None, 0, False):
                return [f"the sweep's status is 4 (over the TDP) but eval's "
                        f"power.over_tdp is not set at {dict(key)}"]
            return []
        if e.returncode != min(st, 2):
            return [f"eval exits {e.returncode}, the sweep's status is "
                    f"{st} at {dict(key)}"]
        if e.returncode:
            return []
        js = json.loads(e.stdout)
        for sec, d in js.items():
            if sec in ("setup", "mapping") or not isinstance(d, dict):
                continue
            for k, v in d.items():
                c = f"{sec}_{k}"
                if c not in a[key] or isinstance(v, (dict, list)):
                    continue
                w = a[key][c]
                if isinstance(v, str) or v is None or w is None:
                    ok = v == w or (v is None and w is None)
                else:
                    ok = "%.10g" % v == "%.10g" % w
                if not ok:
                    return [f"eval {c} = {v!r}, the sweep {w!r} at "
                            f"{dict(key)}"]
        return []

    def t_twice(self):
        r = self.rng
        base = ["--chip", "h100-sxm", "--model", "llama3-8b", "--precision",
                "fp8", "--isl", "128", "--osl", "128"]
        two = {"--chip": ["h100-sxm", "b200"], "--model": ["llama3-8b",
                                                          "llama3-70b"],
               "--isl": ["128", "256"], "--osl": ["128", "1"],
               "--tp": ["1", "2"], "--profile": ["trtllm-0.15", "ideal"],
               "--precision": ["fp8", "bf16"], "--batch": ["8", "16"],
               "--rate": ["3", "4"], "--json": [None, None],
               "--set": ["scenario.tp=1", "scenario.tp=2"]}
        self.twice_inputs = []
        kind = r.randrange(9)
        if kind <= 2:  # eval, curve, map: one option twice
            cmd = r.choice(["eval", "eval", "curve", "map"])
            opt = r.choice(list(two))
            if cmd == "map" and opt in ("--tp", "--rate", "--batch"):
                opt = "--isl"
            if cmd == "curve" and opt in ("--rate",):
                opt = "--osl"
            vals = two[opt] if r.random() < 0.7 else [two[opt][0]] * 2
            argv = [cmd] + base + (["--chips", "8"] if cmd == "map" else [])
            for v in vals:
                if v is None:
                    argv.append(opt)
                elif r.random() < 0.3:
                    argv.append(f"{opt}={v}")
                else:
                    argv += [opt, v]
            return argv
        if kind == 3:  # curve lists with a repeated item
            return ["curve", "--model", "llama3-8b", "--precision", "fp8",
                    "--isl", "128", "--osl", "128", "--chip",
                    r.choice(["h100-sxm,b200,h100-sxm", "h100-sxm,h100-sxm",
                              "h100-sxm,,b200", "b200,"]),
                    "--tp", r.choice(["2,1,2.0", "1,1", "1,2", "1,,2", "8,"])]
        if kind == 4:  # solve --vary twice, claim --a twice
            return r.choice([
                ["solve", "--vary", "b.chip.hbm_tbps", "--vary",
                 r.choice(["b.chip.hbm_tbps", "b.chip.link_gbps"]),
                 "--no-design"],
                ["claim", "--a", "h100-sxm", "--a",
                 r.choice(["b200", "h100-sxm"]), "--samples", "0",
                 "--no-design"],
                ["claim", "--target", "20", "--target", "21", "--samples",
                 "0", "--no-design"]])
        if kind == 5:  # calibrate: --fit, --aside, --out
            rows = [x for x in self.csv if b",0.15.0," in x][:20]
            self.put("m.csv", b"\n".join([self.csv[0]] + rows) + b"\n")
            ids = [x.split(b",")[0].decode() for x in rows]
            fit = r.choice(["eff_compute,eff_compute", "eff_compute,,eff_memory",
                            ",eff_compute", "eff_compute,", "eff_compute",
                            "host_overlap=0.3:0.9,request_overhead_us=20:200",
                            "eff_compute=0.9:0.1", "eff_compute~0.7/0"])
            aside = r.choice(["", ids[0] + ",", "," + ids[1],
                              ids[0] + ",," + ids[1], ids[0] + "," + ids[0],
                              "nope"])
            out = r.choice(["o.ini", "o.ini", "m.csv", "./m.csv"])
            self.twice_inputs = ["m.csv"]
            argv = ["calibrate", "--profile", "trtllm-0.15",
                    "--measurements", "m.csv", "--fit", fit, "--no-loo",
                    "--out", out]
            if aside:
                argv += ["--aside", aside]
            if r.random() < 0.3:  # a row weighted twice, the same or not
                w = r.choice([ids[0] + "=2," + ids[0] + "=3",
                              ids[0] + "=2," + ids[0] + "=2.0",
                              ids[0] + "=2," + ids[1] + "=3"])
                argv += ["--weight", w]
                if r.random() < 0.3:
                    argv += ["--weight", ids[1] + "=2"]
            if r.random() < 0.2:
                argv += ["--out", "o.ini"]
            return argv
        # outputs that are an input
        self.rm("d.db", "e.db")
        shutil.copy(os.path.join(self.seeds, "claim.db"), self.path("d.db"))
        shutil.copy(os.path.join(self.seeds, "shard0.db"), self.path("e.db"))
        shutil.copy(os.path.join(self.seeds, "shard1.db"), self.path("f.db"))
        self.twice_inputs = ["d.db", "e.db", "f.db"]
        if os.path.lexists(self.path("l.db")):
            os.remove(self.path("l.db"))
        os.symlink("d.db", self.path("l.db"))
        return r.choice([["report", "--db", "d.db", "--out",
                          r.choice(["d.db", "l.db", "./d.db"]), "--no-plots"],
                         ["plot", "roofline", "--db", "d.db", "--out",
                          r.choice(["d.db", "l.db"])],
                         ["merge", r.choice(["e.db", "f.db"]), "e.db",
                          "f.db"],
                         ["merge", "--force", "e.db", "e.db", "f.db"],
                         ["report", "--db", "d.db", "--sweeps", "e.db",
                          "--out", "e.db", "--no-plots"]])

    def twice_check(self, argv, p):
        """An option twice is refused; an input is never replaced."""
        why = []
        for f in self.twice_inputs:
            src = {"m.csv": None, "d.db": "claim.db", "e.db": "shard0.db",
                   "f.db": "shard1.db"}[f]
            if src is None:
                continue
            if open(self.path(f), "rb").read() != open(
                    os.path.join(self.seeds, src), "rb").read():
                why.append(f"{argv[0]} changed its input {f}")
        if argv[0] == "calibrate" and os.path.exists(self.path("m.csv")):
            if not open(self.path("m.csv"), "rb").read().startswith(
                    self.csv[0]):
                why.append("calibrate replaced its measurements")
        opts = [a.split("=")[0] for a in argv if a.startswith("--")]
        once = {"--chip", "--model", "--isl", "--osl", "--tp", "--profile",
                "--precision", "--batch", "--rate", "--json", "--a",
                "--target", "--out", "--weight"}
        varies = [argv[i + 1] for i, a in enumerate(argv[:-1])
                  if a == "--vary"]
        if p.returncode == 0 and len(set(varies)) < len(varies):
            why.append("solve ran a --vary given twice")
        for i, a in enumerate(argv[:-1]):  # one row, two weights
            if a != "--weight" or p.returncode != 0:
                continue
            named = {}
            for ent in argv[i + 1].split(","):
                rid, _, w = ent.rpartition("=")
                if rid in named and float(named[rid]) != float(w):
                    why.append("calibrate ran a row weighted twice: " + rid)
                named[rid] = w
        if argv[0] in ("eval", "curve", "map", "solve", "claim",
                       "calibrate") and p.returncode == 0 and any(
                opts.count(o) > 1 for o in once):
            why.append("an option given twice ran: " + " ".join(
                o for o in once if opts.count(o) > 1))
        return why

    def t_specx(self):
        r = self.rng
        lines = ["[meta]", "name = x", "[base]", "chip = h100-sxm",
                 "model = llama3-8b"]
        n = r.choice([250, 254, 255, 256, 260])
        num = "3." + "0" * max(0, n - len("set = chip.hbm_tbps=3.") - 1) + "1"
        for _ in range(r.randint(0, 3)):
            good = [f"set = chip.hbm_tbps={num}",
                    "set = scenario.precision=fp8",
                    "set = scenario.isl=" + "1" * r.randint(1, 4)]
            bad = ["set = scenario.tp=8=9", "set = scenario.tp",
                   "set = nope.x=1",
                   "set = scenario.isl=" + "1" * r.randint(5, 300)]
            lines.append(r.choice(bad if r.random() < 0.2 else good))
        lines.append("[axes]")
        lines.append(r.choice(["scenario.batch = 1, 2, 1", "scenario.batch = 2, 2.0",
                               "scenario.precision = fp8, bf16, fp8",
                               "scenario.batch = 1, 2, 4",
                               "scenario.precision = fp8, bf16",
                               "scenario.batch = 1:64:4 log",
                               "scenario.batch = 1,,2", "scenario.batch = 1e0, 1"]))
        if r.random() < 0.5:
            lines.append(r.choice(["scenario.isl = 128, 2048",
                                   "scenario.isl = 128, 128.0"]))
        if r.random() < 0.6:
            lines.append("[filter]")
            lines.append(r.choice(["decode.bound < memory",
                                   "decode.bound == 1", "decode.bound == memory",
                                   "decode.bound != latency.tpot_s",
                                   "2 == chip.topology", "chip.topology == ring",
                                   "scenario.precision == fp8",
                                   "scenario.precision > fp8",
                                   "keep = latency.tpot_s <= 0.05"]))
        if r.random() < 0.5:
            lines.append("[outputs]")
            lines.append(r.choice(["keep = latency.tpot_s,,decode.bound",
                                   "keep = , latency.tpot_s",
                                   "keep = latency.tpot_s,",
                                   "keep = latency.tpot_s, decode.bound",
                                   "keep = all"]))
        data = ("\n".join(lines) + "\n").encode()
        if r.random() < 0.3:
            data = mutate(r, data, [x.encode() for x in lines])
        self.put("s.ini", data)
        self.rm("s.db")
        return ["sweep", "s.ini", "--db", "s.db"]

    def specx_check(self, argv, p):
        """A refused spec is named, with its line where it has one."""
        if p.returncode == 2 and b"s.ini" not in p.stderr:
            return ["a refused spec is not named: " +
                    p.stderr.decode("utf-8", "replace").strip()[:120]]
        return []

    # ---- linsum: [filter] sums against an exact oracle
    LS_NUMS = ["1", "2", "3", "0.5", "0.25", "0", "0.1", "10", "1e+1",
               "2E2", ".5", "5.", "1e308", "1e-200", "1e300", "1e-10",
               "8.98846567431158e+307", "1e-310", "1e-400", "1e309",
               "2.2250738585072014e-308", "1.7976931348623157e308"]
    LS_HOSTILE = ["/", "(", ")", "\u2212", "--", "**", "^", "decode.bound",
                  "chip.hbm_tbps * chip.hbm_gb", "\u00e9", "x", "nan",
                  "inf", "0x10", "1..2", "!", "\u00a0", "\"",
                  "'", "`", "$(touch PW)", "\u00e9" * 80, "a" * 130]

    def ls_number(self, text):
        """The number text as rooflab reads it (strtod, refused when not
        finite or not normal and not 0): a Fraction, or None."""
        from fractions import Fraction
        f = float(text)
        if f in (float("inf"), float("-inf")):
            return None
        exact = Fraction(text)
        if (f == 0 and exact != 0) or (f != 0 and abs(f) < 2.2250738585072014e-308):
            return None
        return Fraction(f)

    @staticmethod
    def ls_round(x, bits):
        """x rounded to bits significant bits, ties to even (long double:
        64), exponent unbounded."""
        from fractions import Fraction
        if x == 0:
            return x
        a = abs(x)
        e = a.numerator.bit_length() - a.denominator.bit_length()
        if Fraction(2) ** e > a:
            e -= 1
        scale = Fraction(2) ** (bits - 1 - e)
        n = round(a * scale)
        r = Fraction(n) / scale
        return r if x > 0 else -r

    def ls_side(self, r, nterms):
        """A random side: (text, terms) with terms [(sign, [numbers], name
        or None)], or (text, None) when it holds a term over 16."""
        ws = lambda: r.choice(["", " ", " ", "\t", "  "])
        parts, terms = [], []
        for i in range(nterms):
            sign = r.choice([1, 1, -1])
            nums = [r.choice(self.LS_NUMS) for _ in range(r.choice([0, 1, 1, 2, 3]))]
            name = r.choice(["chip.hbm_tbps", "chip.hbm_gb", None]) \
                if nums else r.choice(["chip.hbm_tbps", "chip.hbm_gb"])
            factors = list(nums)
            if name:
                factors.insert(r.randrange(len(factors) + 1), name)
            body = (ws() + "*" + ws()).join(factors)
            if i == 0:
                lead = "" if sign > 0 and r.random() < 0.7 else \
                    ("-" if sign < 0 else "+")
                parts.append(lead + ws() + body)
            else:
                parts.append(ws() + ("-" if sign < 0 else "+") + ws() + body)
            terms.append((sign, nums, name))
        return "".join(parts), terms

    def ls_value(self, terms, t, g, wide, coefs):
        from fractions import Fraction
        vals = {"chip.hbm_tbps": t, "chip.hbm_gb": g}
        if not wide:
            acc = 0.0
            for (sign, nums, name), c in zip(terms, coefs):
                acc += float(c) * (vals[name] if name else 1.0)
            return acc
        acc = Fraction(0)
        for (sign, nums, name), c in zip(terms, coefs):
            prod = self.ls_round(c * (vals[name] if name else 1), 64)
            acc = self.ls_round(acc + prod, 64)
        return acc

    def ls_coefs(self, terms):
        """Each term's coefficient as rooflab keeps it (a double from the
        long double product), or None when one is refused."""
        from fractions import Fraction
        out = []
        for sign, nums, name in terms:
            c = Fraction(sign)
            for n in nums:
                v = self.ls_number(n)
                if v is None:
                    return None
                c = self.ls_round(c * v, 64)
            try:
                d = float(c)
            except OverflowError:
                return None
            if d in (float("inf"), float("-inf")) or \
                    (c != 0 and abs(d) < 2.2250738585072014e-308):
                return None
            out.append(Fraction(d))
        return out

    def t_linsum(self):
        r = self.rng
        ops = ["<", "<=", ">", ">=", "==", "!="]
        op = r.choice(ops)
        nl = r.choice([1, 1, 2, 3, 5, 8, 16, 17, 20])
        lhs, lt = self.ls_side(r, nl)
        if r.random() < 0.5:
            rhs, rt = self.ls_side(r, r.choice([1, 1, 2, 3]))
        else:
            num = r.choice(self.LS_NUMS[:16] + ["44", "80", "-1", "1e299"])
            rhs, rt = num, [(1, [num.lstrip("-")], None)] if not \
                num.startswith("-") else [(-1, [num[1:]], None)]
        hostile = None
        if r.random() < 0.25:
            hostile = r.choice(self.LS_HOSTILE)
            cut = r.randrange(len(lhs) + 1)
            lhs = lhs[:cut] + r.choice(["", " "]) + hostile + \
                r.choice(["", " "]) + lhs[cut:]
        line = f"keep = {lhs} {op} {rhs}"
        self.linsum_case = (line, lt, rt, op, hostile, lhs)
        self.put("s.ini", ("[meta]\nname = linsum\n[base]\nchip = h100-sxm\n"
                           "model = llama3-8b\n[axes]\n"
                           "chip.hbm_tbps = 1, 2, 3\n"
                           "chip.hbm_gb = 40, 80, 120\n[filter]\n" + line +
                           "\n").encode())
        self.rm("s.db")
        return ["sweep", "s.ini", "--db", "s.db"]

    def linsum_check(self, argv, p):
        import operator
        line, lt, rt, op, hostile, lhs = self.linsum_case
        err = p.stderr.decode("utf-8", "replace")
        refused = hostile is not None or len(lt) > 16 or len(rt) > 16 or \
            len(line[len("keep = "):].strip(" \t")) > 511
        cl = cr = None
        if not refused:
            cl, cr = self.ls_coefs(lt), self.ls_coefs(rt)
            refused = cl is None or cr is None
        if refused and hostile is not None and p.returncode == 0:
            # a hostile token the sum may take in (e.g. an inserted
            # "x" glued to a name, "1e" to a number) is judged by hand
            return ["a sum with a hostile token was run: " + line[:160]]
        if refused:
            if p.returncode != 2:
                return [f"a sum the oracle refuses: exit {p.returncode}: "
                        + line[:160]]
            # the filter quoted, then one of linsum.c's and filter.c's
            # reasons (each names its token but a length's), never cut
            reasons = ("is not + - or *", "where a term was expected",
                       "is not a number, a parameter or an output",
                       "is a choice", "is not linear", "multiply to",
                       "more than 16 terms on one side: the 17th begins",
                       "at most 511 bytes", "expected a term after '")
            if not re.search(r"s\.ini:10: filter '", err) or \
                    not any(x in err for x in reasons):
                return ["a refused sum names no file, line or token: " +
                        err.strip()[:200]]
            if os.path.exists(self.path("s.db")):
                return ["a refused sum left a database"]
            return []
        if p.returncode != 0:
            return [f"a sum the oracle accepts: exit {p.returncode}: "
                    f"{line[:160]}: {err.strip()[:160]}"]
        f = {"<": operator.lt, "<=": operator.le, ">": operator.gt,
             ">=": operator.ge, "==": operator.eq, "!=": operator.ne}[op]
        want = 0
        for t in (1, 2, 3):
            for g in (40, 80, 120):
                a = self.ls_value(lt, t, g, False, cl)
                b = self.ls_value(rt, t, g, False, cr)
                if a == a and b == b and abs(a) != float("inf") and \
                        abs(b) != float("inf"):
                    want += f(a, b)
                else:
                    want += f(self.ls_value(lt, t, g, True, cl),
                              self.ls_value(rt, t, g, True, cr))
        con = sqlite3.connect(self.path("s.db"))
        got = con.execute("SELECT count(*) FROM points").fetchone()[0]
        con.close()
        if got != want:
            return [f"a sum kept {got} points, the oracle {want}: {line[:200]}"]
        return []

    # ---- claimv2: the report and plots of hostile version 2 tables
    V2_VALUES = [None, "nan", "inf", "-inf", "", "abc", "12abc", 1.5e300,
                 -1, -5.5, 1.5, 0, 2 ** 63 - 1, -2 ** 63, float("inf"),
                 float("-inf"), b"\xff\xfe", b"", "\xff", "x\ny\r\n",
                 "a'b\"c`d\\e", "'); DROP TABLE claim_runs; --",
                 "set output '/tmp/PW'\nsystem 'touch PW'", "$(touch PW)",
                 "</td><script>x</script>|*_[x](y)", "\u202e\u200b\ufeff",
                 "\u00e9" * 3000, "x" * 20000, "1e999", "NULL"]

    def t_claimv2(self):
        r = self.rng
        self.rm("d.db", "d.db-wal", "d.db-shm", "r.html", "r.md", "o.svg")
        shutil.copy(os.path.join(self.seeds, "claim.db"), self.path("d.db"))
        con = sqlite3.connect(self.path("d.db"))
        v2 = ["claim_mc_summary", "claim_tornado_sides"]
        v1 = ["claim_tornado", "claim_mc", "claim_mc_samples"]
        for _ in range(r.randint(1, 3)):
            t = r.choice(v2 if r.random() < 0.75 else v1)
            cols = [c[1] for c in con.execute(f'PRAGMA table_info("{t}")')]
            op = r.random()
            try:
                if op < 0.45 and cols:
                    c = r.choice(cols)
                    con.execute(f'UPDATE "{t}" SET "{c}" = ? WHERE rowid IN '
                                f'(SELECT rowid FROM "{t}" ORDER BY random() '
                                f'LIMIT {r.randint(1, 4)})',
                                (r.choice(self.V2_VALUES),))
                elif op < 0.55:
                    con.execute(f'DROP TABLE "{t}"')
                elif op < 0.6:
                    con.execute(f'DELETE FROM "{t}" WHERE side = ?',
                                (r.choice(["b", "b_by_design"]),))
                elif op < 0.7 and cols:
                    # the same columns with no types or constraints, one
                    # of them text throughout
                    c = r.choice(cols)
                    sel = ", ".join(f'CAST("{x}" AS TEXT) AS "{x}"' if
                                    x == c else f'"{x}"' for x in cols)
                    con.execute(f'CREATE TABLE tmp AS SELECT {sel} FROM "{t}"')
                    con.execute(f'DROP TABLE "{t}"')
                    con.execute(f'ALTER TABLE tmp RENAME TO "{t}"')
                elif op < 0.75 and len(cols) > 3:
                    c = r.choice(cols[2:])
                    if r.random() < 0.5:
                        con.execute(f'ALTER TABLE "{t}" DROP COLUMN "{c}"')
                    else:
                        con.execute(f'ALTER TABLE "{t}" RENAME COLUMN "{c}" '
                                    'TO zz')
                elif op < 0.85 and t == "claim_tornado_sides":
                    n = r.choice([100, 5000, 50000])
                    con.execute(
                        "WITH RECURSIVE c(i) AS (SELECT 1000 UNION ALL SELECT "
                        f"i + 1 FROM c WHERE i < {999 + n}) INSERT INTO "
                        "claim_tornado_sides SELECT (SELECT max(id) FROM "
                        "claim_runs), ?, i, ? || i, i, i * 2, ?, i % 7, "
                        "i % 5 FROM c",
                        (r.choice(["b", "b_by_design", "c"]),
                         r.choice(self.V2_VALUES[16:26]) or "p",
                         r.choice(["", "GB/s", "\u00e9\u00e9"])))
                elif op < 0.9:
                    con.execute(f'INSERT INTO "{t}" SELECT * FROM "{t}" '
                                'LIMIT 1')
                else:
                    con.execute("PRAGMA user_version = " + str(r.choice(
                        [0, 1, 2, 3, -1, 2 ** 31 - 1])))
            except sqlite3.Error:
                pass  # a constraint of the schema: that edit is not made
        con.commit()
        self.claimv2_expect = self.v2_unreadable(con)
        self.claimv2_plot = self.v1_unreadable(con)
        con.close()
        kind = r.choice(["tornado", "distribution"])
        return r.choice([
            ["report", "--db", "d.db", "--out", "r.html", "--no-plots"],
            ["report", "--db", "d.db", "--out", "r.md", "--no-plots"],
            ["report", "--db", "d.db", "--out", "r.html"],
            ["plot", kind, "--db", "d.db", "--out", "o.svg"],
            ["plot", kind, "--db", "d.db", "--term", "dumb"]])

    @staticmethod
    def v2_unreadable(con):
        """A cell of a side the report reads (b, b_by_design of the newest
        run) that holds what claim never writes there: text or a blob for
        a number, a real in a count; the first found, or None."""
        whole = ("samples", "seed", "viol_power", "viol_reticle",
                 "viol_hbm_stacks", "viol_area_shares", "not_evaluable")
        nums = {"claim_mc_summary": whole + (
                    "p05", "p50", "p95", "prob_ge_target", "violation_rate",
                    "nominal", "nominal_below"),
                "claim_tornado_sides": ("low", "high", "speedup_low",
                                        "speedup_high")}
        try:
            run = con.execute("SELECT max(id) FROM claim_runs").fetchone()[0]
            for t, cols in nums.items():
                have = [c[1] for c in con.execute(f'PRAGMA table_info("{t}")')]
                if not have or any(c not in have for c in cols):
                    continue  # absent, or a column gone: not this check's
                for c in cols:
                    bad = "('text', 'blob'" + (", 'real', 'null')" if c in
                                                whole else ")")
                    row = con.execute(
                        f'SELECT side FROM "{t}" WHERE run_id = ? AND side '
                        f"IN ('b', 'b_by_design') AND typeof(\"{c}\") IN "
                        f"{bad} LIMIT 1", (run,)).fetchone()
                    if row:
                        return f"{t}.{c}"
        except sqlite3.Error:
            return None
        return None

    @staticmethod
    def v1_unreadable(con):
        """The plots' cells that hold text or a blob where claim writes a
        number, by plot kind: tornado (claim_tornado of the newest run with
        both speedups), distribution (claim_mc_samples of it)."""
        out = {}
        try:
            run = con.execute("SELECT max(id) FROM claim_runs").fetchone()[0]
            for kind, t, cols, extra in (
                    ("tornado", "claim_tornado",
                     ("low", "high", "speedup_low", "speedup_high"),
                     " AND speedup_low IS NOT NULL AND speedup_high IS NOT "
                     "NULL"),
                    ("distribution", "claim_mc_samples",
                     ("speedup", "violates"), "")):
                for c in cols:
                    row = con.execute(
                        f'SELECT 1 FROM "{t}" WHERE run_id = ?{extra} AND '
                        f"typeof(\"{c}\") IN ('text', 'blob') LIMIT 1",
                        (run,)).fetchone()
                    if row:
                        out[kind] = f"{t}.{c}"
                        break
        except sqlite3.Error:
            pass
        return out

    def claimv2_check(self, argv, p):
        why = []
        for f in ("r.html", "r.md"):
            if p.returncode == 0 and f in argv and os.path.exists(self.path(f)):
                data = open(self.path(f), "rb").read()
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    why.append(f"{f} is not UTF-8")
        bad = self.claimv2_expect
        if bad and argv[0] == "report" and p.returncode == 0:
            why.append(f"report read {bad}, text or a blob where claim "
                       "writes a number, without a word (exit 0)")
        pbad = self.claimv2_plot.get(argv[1]) if argv[0] == "plot" else None
        if pbad and p.returncode == 0:
            why.append(f"plot {argv[1]} read {pbad}, text or a blob where "
                       "claim writes a number, without a word (exit 0)")
        if bad and argv[0] == "report" and p.returncode == 2 and \
                b"cannot read" not in p.stderr:
            why.append("report failed on " + bad + " without 'cannot read'")
        return why

    def poke_db(self, path):
        r = self.rng
        con = sqlite3.connect(path)
        tabs = [t for (t,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")]
        for _ in range(r.randint(1, 3)):
            t = r.choice(tabs)
            cols = [c[1] for c in con.execute(f'PRAGMA table_info("{t}")')]
            v = r.choice(SQL_VALUES)
            c = r.choice(cols)
            op = r.random()
            try:
                if op < 0.8:
                    con.execute(f'UPDATE "{t}" SET "{c}" = ? WHERE rowid IN '
                                f'(SELECT rowid FROM "{t}" ORDER BY random() '
                                f'LIMIT {r.randint(1, 3)})', (v,))
                elif op < 0.9:
                    con.execute(f'DELETE FROM "{t}"')
                else:
                    con.execute(f'INSERT INTO "{t}" SELECT * FROM "{t}" '
                                'LIMIT 1')
            except sqlite3.Error:
                pass  # a constraint of the schema: that edit is not made
        con.commit()
        con.close()

    # ---- the SRAM-only path (chip.sram_hbm_copy, KV in SRAM, no HBM)
    SRAM_SETS = {
        "chip.sram_hbm_copy": ["false", "true", "no", "yes", "0", "1", "0.5",
                               "nan", "", "False", "-0", "2"],
        "chip.sram_resident_share": ["0", "1", "0.5", "1e-9", "1.0001",
                                     "-0", "nan", "0.02"],
        "chip.hbm_gb": ["0", "-0", "1e-9", "0.5", "8", "80", "-1", "inf"],
        "chip.hbm_tbps": ["0", "-0", "1e-9", "3.35", "nan"],
        "chip.sram_mb": ["0", "50", "9000", "10030", "20000", "60000",
                         "1e6", "1e6000"],
        "chip.sram_tbps": ["0", "1e-6", "30", "1e4", "-1"],
        "profile.kv_fraction": ["0.001", "1", "0.5"],
        "profile.runtime_reserved_gb": ["0", "2", "1e3"],
        "scenario.pp": ["1", "2", "3", "8", "16"],
        "scenario.tp": ["1", "2", "8"],
        "scenario.isl": ["1", "128", "20000"],
        "scenario.batch": ["1", "64", "4096"],
    }
    SRAM_DESIGN = {"design.hbm_stacks": ["0", "1", "0.5", "-0"],
                   "design.frac_sram": ["0.02", "0.5", "0.58", "0.9"],
                   "design.frac_mac": ["0.02", "0.1", "0.3"],
                   "design.sram_b_per_clk_per_kb": ["0.25", "1", "0"]}

    def t_sram(self):
        """eval, curve, map, area and sweep on the SRAM path of aab1436:
        chip.sram_hbm_copy and its neighbours by --set, in a chip INI, as
        sweep axes, and a mutated sweeps/sohu-sram-only.ini."""
        r = self.rng
        self.sram_ref = None
        by_design = r.random() < 0.35
        chip = "sohu-design" if by_design else r.choice(
            ["h100-sxm", "h100-sxm", "sohu", "b200", "l40s"])
        sets = {"chip.sram_resident_share": "1",
                "chip.sram_hbm_copy": "false"}
        if not by_design:
            sets.update({"chip.hbm_gb": "0", "chip.hbm_tbps": "0",
                         "chip.sram_tbps": "30",
                         "chip.sram_mb": r.choice(["20000", "60000"])})
        else:
            sets.update({"design.hbm_stacks": "0", "design.frac_sram": "0.5",
                         "design.frac_mac": "0.1"})
        table = dict(self.SRAM_SETS, **(self.SRAM_DESIGN if by_design
                                        else {}))
        for _ in range(r.randint(0, 4)):
            k = r.choice(list(table))
            sets[k] = r.choice(table[k])
            if r.random() < 0.05:
                sets[k] = r.choice(TOKENS).decode("utf-8",
                                                  "surrogateescape")
        sets = {k: v.replace("\x00", "") for k, v in sets.items()}
        model = r.choice(["llama3-8b", "llama3-8b", "mixtral-8x7b",
                          "gpt-j-6b", "llama3-70b", "deepseek-r1"])
        how = r.randrange(10)
        if how == 0:  # sohu-sram-only.ini mutated
            src = os.path.join(ROOT, "sweeps", "sohu-sram-only.ini")
            data = open(src, "rb").read().replace(
                b"0.02:0.58:0.04", b"0.02:0.58:0.14")
            self.put("s.ini", mutate(r, data, [
                f"set = {k}={v}".encode("utf-8", "surrogateescape")
                for k, v in sets.items()] + [
                b"chip.sram_hbm_copy = false, true",
                b"chip.sram_resident_share = 0, 0.5, 1"]))
            self.rm("s.db")
            return ["sweep", "s.ini", "--db", "s.db"]
        if how == 1:  # a sweep whose axes go over the copy and the HBM
            base = "".join(f"set = {k}={v}\n" for k, v in sets.items()
                           if k not in ("chip.sram_hbm_copy",))
            axes = r.choice([
                "chip.sram_hbm_copy = false, true\n",
                "chip.sram_hbm_copy = true, false, true\n",
                "chip.sram_hbm_copy = 0, 1\n",
                "chip.sram_hbm_copy = false, " + r.choice(
                    ["nan", "0.5", "", "x", "\u00e9"]) + "\n",
                "chip.sram_hbm_copy = false, true\nchip.hbm_gb = 0, 80\n"
                "chip.hbm_tbps = 0, 3.35\n",
                "chip.sram_hbm_copy = false, true\n"
                "chip.sram_resident_share = 0, 0.5, 1\n"])
            if by_design and r.random() < 0.5:
                axes += "design.hbm_stacks = 0, 1, 5\n"
            self.put("s.ini", (
                f"[meta]\nname = sr\n[base]\nchip = {chip}\n"
                f"model = {model}\nset = scenario.precision=fp8\n" + base +
                f"[axes]\n{axes}[sampling]\nmethod = grid\n"
            ).encode("utf-8", "surrogateescape"))
            self.rm("s.db")
            return ["sweep", "s.ini", "--db", "s.db"]
        if how == 2 and not by_design:  # the chip INI carries the keys
            src = open(os.path.join(DATA, "chips", chip + ".ini"),
                       "rb").read()
            extra = "".join(f"{k.split('.')[1]} = {v}\n"
                            for k, v in sets.items()
                            if k.startswith("chip.")).encode(
                                "utf-8", "surrogateescape")
            data = src.replace(b"[chip]\n", b"[chip]\n" + extra, 1)
            if r.random() < 0.5:
                data = mutate(r, data, extra.split(b"\n"))
            self.put("p.ini", data)
            argv = ["eval", "--chip", "p.ini", "--model", model,
                    "--precision", "fp8"]
            return argv + ["--json"] * (r.random() < 0.7)
        cmd = r.choice(["eval", "eval", "eval", "curve", "map", "area"])
        argv = [cmd, "--chip", chip]
        if cmd != "area":
            argv += ["--model", model, "--precision", "fp8", "--profile",
                     r.choice(["etched-claim", "trtllm-0.15", "ideal"])]
        if cmd == "map":
            argv += ["--chips", r.choice(["1", "8", "16"])]
            sets.pop("scenario.tp", None)
            sets.pop("scenario.pp", None)
        if cmd == "area":
            sets = {k: v for k, v in sets.items()
                    if not k.startswith(("scenario.", "profile."))}
        for k, v in sets.items():
            argv += ["--set", f"{k}={v}"]
        argv += ["--json"] * (r.random() < 0.7)
        if cmd == "eval" and "--json" in argv:
            # the same with the copy kept: its capacity may not be more
            self.sram_ref = [a if a != "chip.sram_hbm_copy=false" else
                             "chip.sram_hbm_copy=true" for a in argv]
        return argv

    def sram_check(self, argv, p):
        """A served point's figures are finite and add up: KV used within
        capacity, memory left not below 0, a chip without HBM moves no HBM
        byte (MBU 0); keeping the HBM copy never holds more KV."""
        why = []
        if p.returncode != 0 or "--json" not in argv or argv[0] != "eval":
            if p.returncode == 0 and re.search(rb"\b(nan|inf)\b", p.stdout,
                                               re.I):
                why.append("nan or inf printed")
            return why
        try:
            d = json.loads(p.stdout.decode("utf-8"),
                           parse_constant=lambda c: 1 / 0)
        except Exception:  # noqa: BLE001 (judge says so)
            return why
        m, rt = d["memory"], d["rates"]
        if not m["kv_used_bytes"] <= m["kv_capacity_bytes"] * (1 + 1e-12):
            why.append("KV used over capacity")
        if m["free_bytes"] < -1e-6 * max(1.0, m["kv_capacity_bytes"]):
            why.append(f"free_bytes {m['free_bytes']} below 0")
        if not d["throughput"]["output_tokens_per_s"] > 0:
            why.append("served with no throughput")
        sets = dict(a.split("=", 1) for a in argv if "=" in a and "." in a)
        nohbm = (sets.get("chip.hbm_gb") in ("0", "-0") and
                 sets.get("chip.hbm_tbps") in ("0", "-0") and
                 "sohu-design" not in argv) or (
                 "sohu-design" in argv and
                 sets.get("design.hbm_stacks") in ("0", "-0"))
        if nohbm and (rt["hbm_bytes_per_s_per_chip"] != 0 or
                      d["utilization"]["mbu"] != 0):
            why.append("no HBM yet HBM bytes or MBU")
        if self.sram_ref:
            q = self.rl(*self.sram_ref)
            if q.returncode == 0:
                e = json.loads(q.stdout.decode("utf-8"))
                if e["memory"]["kv_capacity_bytes"] > \
                        m["kv_capacity_bytes"] * (1 + 1e-12):
                    why.append("the HBM copy kept holds more KV than "
                               "without it")
        return why

    # ---- the claim and validation databases' legacy upgrade (b1c0168)
    def t_legacydb(self):
        """claim --db and validate --db into hostile files: an unmarked
        older file (application_id 0) with the claim_ and validation
        tables, some of them given the right names and the wrong columns,
        a wrong application_id or version, a file that is not SQLite, one
        another connection holds locked."""
        r = self.rng
        self.rm("d.db", "d.db-wal", "d.db-shm", "d.db-journal")
        self.legacy_lock = None
        self.legacy_desc = []
        kind = r.randrange(10)
        if kind == 0:  # not SQLite: text, bytes, a cut header, empty
            self.put("d.db", r.choice([
                b"", b"SQLite format 3\x00", b"id,x\n1,2\n",
                b"SQLite format 3\x00" + bytes(r.randrange(256)
                                               for _ in range(200)),
                open(os.path.join(self.seeds, "claim.db"), "rb").read()[
                    :r.choice([100, 512, 4096, 5000])]]))
        else:
            shutil.copy(os.path.join(self.seeds, "claim.db"),
                        self.path("d.db"))
            con = sqlite3.connect(self.path("d.db"))
            app, ver = r.choice([(0, 0), (0, 0), (0, 0), (0, 1), (0, 2),
                                 (0x524c434c, 1), (0x524c434c, 3),
                                 (0x524c5357, 2), (1, 0), (-1, 0)])
            if r.random() < 0.7:
                for t in ("claim_mc_summary", "claim_tornado_sides"):
                    con.execute(f'DROP TABLE IF EXISTS "{t}"')
            for _ in range(r.randint(0, 3)):
                t = r.choice(["claim_runs", "claim_sides", "claim_mc",
                              "claim_v1_runs", "claim_mc_summary",
                              "validation", "validation_runs",
                              "claim_tornado"])
                op = r.randrange(6)
                self.legacy_desc.append(f"{t} {op}")
                try:
                    if op == 0:  # the right name, the wrong columns
                        con.execute(f'DROP TABLE IF EXISTS "{t}"')
                        con.execute(f'CREATE TABLE "{t}"(x, "y z" TEXT)')
                        con.execute(f'INSERT INTO "{t}" VALUES(?, ?)',
                                    (r.choice(SQL_VALUES),
                                     r.choice(SQL_VALUES)))
                    elif op == 1:  # the right columns, no types, text in
                        cols = [c[1] for c in con.execute(
                            f'PRAGMA table_info("{t}")')]
                        if cols:
                            con.execute(f'CREATE TABLE tmp AS SELECT * FROM '
                                        f'"{t}"')
                            con.execute(f'DROP TABLE "{t}"')
                            con.execute(f'ALTER TABLE tmp RENAME TO "{t}"')
                            con.execute(f'UPDATE "{t}" SET "{cols[0]}" = ?',
                                        (r.choice(SQL_VALUES),))
                    elif op == 2:  # a view of the name
                        con.execute(f'DROP TABLE IF EXISTS "{t}"')
                        con.execute(f'CREATE VIEW "{t}" AS SELECT 1 AS id')
                    elif op == 3:  # a table of a name not ours
                        con.execute(r.choice([
                            "CREATE TABLE other(x)", "CREATE TABLE claim(x)",
                            "CREATE TABLE validation_x(x)",
                            "CREATE TABLE \"claim_\u00e9\"(x)",
                            "CREATE INDEX ix ON claim_runs(id)"]))
                    elif op == 4:  # claim_v1_runs in the way
                        con.execute("CREATE TABLE IF NOT EXISTS claim_v1_runs"
                                    "(run_id TEXT CHECK (run_id > 'z'))")
                    else:
                        con.execute(f'DROP TABLE IF EXISTS "{t}"')
                except sqlite3.Error:
                    pass
            self.legacy_desc.append(f"app {app} version {ver}")
            con.execute(f"PRAGMA application_id = {app}")
            con.execute(f"PRAGMA user_version = {ver}")
            con.commit()
            con.close()
        self.legacy_before = open(self.path("d.db"), "rb").read()
        self.legacy_ro = False
        if r.random() < 0.1:  # read-only (as root, immutable where it can)
            os.chmod(self.path("d.db"), 0o444)
            if os.access(self.path("d.db"), os.W_OK):
                self.legacy_ro = subprocess.run(
                    ["chattr", "+i", self.path("d.db")],
                    capture_output=True).returncode == 0
        elif kind and r.random() < 0.15:  # another writer holds it
            # (after the read above: closing any descriptor of the file
            # lets go of this process's POSIX locks on it, SQLite's too)
            self.legacy_lock = sqlite3.connect(self.path("d.db"),
                                               isolation_level=None)
            self.legacy_lock.execute(r.choice(["BEGIN IMMEDIATE",
                                               "BEGIN EXCLUSIVE"]))
        if r.random() < 0.25:
            return ["validate", "--db", "d.db"]
        return ["claim", "--samples", "0", "--no-design", "--db", "d.db"]

    def legacydb_check(self, argv, p):
        """A refused or failed write leaves the file's bytes as they were;
        a locked file is exit 2 saying so; a write that succeeds leaves it
        marked, version 2, with version 2's tables, and report reads it."""
        why = []
        locked = self.legacy_lock is not None
        if locked:
            self.legacy_lock.execute("ROLLBACK")
            self.legacy_lock.close()
            self.legacy_lock = None
            if p.returncode != 2 or b"locked" not in p.stderr and \
                    b"left unchanged" not in p.stderr:
                why.append(f"locked by another writer: exit {p.returncode} "
                           f"({', '.join(self.legacy_desc)})")
        if os.path.exists(self.path("d.db")):
            ro = not os.access(self.path("d.db"), os.W_OK)
            if self.legacy_ro:
                subprocess.run(["chattr", "-i", self.path("d.db")])
                self.legacy_ro = False
            os.chmod(self.path("d.db"), 0o644)
            if ro and p.returncode != 2:
                why.append(f"read-only: exit {p.returncode}")
            if ro and [f for f in os.listdir(self.work)
                       if f.startswith("d.db-")]:
                why.append("read-only: a file left beside it")
        after = open(self.path("d.db"), "rb").read() if os.path.exists(
            self.path("d.db")) else None
        if p.returncode != 0 and after != self.legacy_before:
            why.append("a failed write changed the file")
        if p.returncode == 0:
            con = sqlite3.connect(self.path("d.db"))
            app = con.execute("PRAGMA application_id").fetchone()[0]
            ver = con.execute("PRAGMA user_version").fetchone()[0]
            names = {n for (n,) in con.execute(
                "SELECT name FROM sqlite_master")}
            con.close()
            if (app, ver) != (0x524c434c, 2):
                why.append(f"written, marked {app:#x} version {ver}")
            if not {"claim_mc_summary", "claim_tornado_sides",
                    "claim_runs"} <= names:
                why.append("written without version 2's tables")
            q = self.rl("report", "--db", "d.db", "--out", "r.md")
            if q.returncode not in (0, 2) or SAN.search(q.stderr):
                why.append(f"report of the upgraded file: exit "
                           f"{q.returncode}")
            self.rm("r.md")
        return why

    # ---- the sweep's SIGINT stop and resume (7d2bfd6)
    def sigint_ref(self):
        """tiny2.ini (llama3-8b over batch and HBM, a filter that drops
        some points) swept whole and by shard, uninterrupted: the rows
        every interrupted and resumed run must end with."""
        if getattr(self, "sig_refs", None):
            return
        s = self.seeds
        with open(os.path.join(s, "big.ini"), "w") as f:
            f.write("[meta]\nname = big\n[base]\nchip = h100-sxm\n"
                    "model = llama3-8b\nprofile = ideal\n"
                    "set = scenario.precision=fp8\n[axes]\n"
                    "scenario.batch = 1:1000:1\n"
                    "chip.hbm_tbps = 1, 2, 3\n[sampling]\nmethod = grid\n"
                    "[filter]\nkeep = throughput.output_tokens_per_s >= "
                    "3000\n")
        self.sig_refs = {}
        for shard in (None, "0/3", "2/3"):
            db = os.path.join(s, f"big{shard or ''}.db".replace("/", "_"))
            if os.path.exists(db):
                os.remove(db)
            self.rl("sweep", "big.ini", "--db", db,
                    *(["--shard", shard] if shard else []), cwd=s)
            self.sig_refs[shard] = self.sig_rows(db)

    @staticmethod
    def sig_rows(db):
        con = sqlite3.connect(db)
        rows = con.execute("SELECT idx, status, scenario_batch, "
                           "chip_hbm_tbps, throughput_output_tokens_per_s "
                           "FROM points ORDER BY idx").fetchall()
        con.close()
        return rows

    def sigint_run(self, argv):
        """Run the sweep, SIGINT after a random delay (twice at times);
        the check resumes it."""
        import signal
        r = self.rng
        env = dict(os.environ, ROOFLAB_SWEEP_BATCH_SLEEP_MS=str(
            r.choice([0, 1, 5, 20])))
        q = subprocess.Popen([self.a.bin, *argv], cwd=self.work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=lambda: signal.signal(
                                 signal.SIGINT, signal.SIG_DFL))
        time.sleep(r.choice([0, 0.01, 0.05, 0.1, 0.2, 0.4, 0.8]) *
                   r.random())
        q.send_signal(signal.SIGINT)
        if r.random() < 0.1:
            time.sleep(0.005 * r.random())
            if q.poll() is None:
                q.send_signal(signal.SIGINT)
        out, err = q.communicate(timeout=self.a.timeout)
        return subprocess.CompletedProcess(argv, q.returncode, out, err)

    def t_sigint(self):
        r = self.rng
        self.sigint_ref()
        shard = r.choice([None, None, "0/3", "2/3"])
        self.sig_shard = shard
        self.sig_done_before = False
        if r.random() < 0.4 and os.path.exists(self.path("g.db")) and \
                self.sig_prev == shard:
            # resume the last one again, with holes cut at times; a run
            # finished before stays marked so when a SIGINT stops the
            # walk that refills its holes (run.c refill: the next resume
            # walks again), so the check allows it
            # (a run stopped before its tables were made has none)
            con = sqlite3.connect(self.path("g.db"))
            try:
                self.sig_done_before = con.execute(
                    "SELECT count(*) = 1 AND max(finished) IS NOT NULL "
                    "FROM runs").fetchone()[0] == 1
                if r.random() < 0.5:
                    con.execute("DELETE FROM points WHERE idx IN (SELECT "
                                "idx FROM points ORDER BY random() LIMIT ?)",
                                (r.randint(1, 200),))
                    con.commit()
            except sqlite3.Error:
                pass
            con.close()
            resume = ["--resume"]
        else:
            self.rm("g.db", "g.db-journal", "g.db-wal", "g.db-shm")
            resume = []
        self.sig_prev = shard
        shutil.copy(os.path.join(self.seeds, "big.ini"), self.path("g.ini"))
        return ["sweep", "g.ini", "--db", "g.db", "--batch",
                r.choice(["1", "7", "100", "500"]), "--jobs",
                r.choice(["1", "2"]), *(["--shard", shard] if shard else []),
                *resume]

    def sigint_check(self, argv, p):
        why = []
        rc = p.returncode
        ref = self.sig_refs[self.sig_shard]
        if rc not in (0, 130, -2):
            return [f"SIGINT: exit {rc}"]
        if not os.path.exists(self.path("g.db")):
            return why
        try:
            con = sqlite3.connect(self.path("g.db"))
            run = con.execute("SELECT next_idx, finished FROM runs").fetchall()
            con.close()
        except sqlite3.Error:
            run = []
        if rc == 130:
            m = re.search(rb"^rooflab sweep: interrupted: run 1 in g\.db "
                          rb"stopped at a point boundary, (\d+) points? "
                          rb"evaluated and (\d+) stored by this run of the "
                          rb"command, all committed; continue it with: "
                          rb"rooflab sweep g\.ini --db g\.db( --shard \d/3)? "
                          rb"--resume --run 1$", p.stderr, re.M)
            if not m:
                why.append("SIGINT: exit 130 without the note")
            if len(run) != 1 or (run[0][1] is not None and
                                 not self.sig_done_before):
                why.append("SIGINT: the run finished or not one run")
        if len(run) == 1:
            nxt = run[0][0]
            rows = self.sig_rows(self.path("g.db"))
            want = [x for x in ref if x[0] < nxt]
            if "--resume" not in argv and rows != want:
                why.append("SIGINT: stored rows are not the run's below "
                           "next_idx")
        # a resume completes it as an uninterrupted run
        q = self.rl(*[a for a in argv if a != "--resume"], "--resume")
        if q.returncode == 2 and b"no run" in q.stderr:
            return why
        if q.returncode != 0 or SAN.search(q.stderr):
            why.append(f"SIGINT: the resume exit {q.returncode}: " +
                       q.stderr.decode("utf-8", "replace")[-200:])
        elif self.sig_rows(self.path("g.db")) != ref:
            why.append("SIGINT: resumed rows differ from an uninterrupted "
                       "run")
        return why

    # ---- a section given twice, in the five readers (f145bcf)
    def t_sections(self):
        r = self.rng
        name = r.choice([None, "a" * 127, "a" * 126 + "\u00e9", "x y",
                         "\u00e9\u00e9", "a\x01b", "a\xffb", "[a]", "a]b",
                         "a" * 200, "\u202e", " a ", "A"])
        self.sections_env = None
        kind = r.choice(["chip", "model", "profile", "scenario", "spec",
                         "config", "claims", "uncertainty"])
        src = {"chip": os.path.join(DATA, "chips", "h100-sxm.ini"),
               "model": os.path.join(DATA, "models", "llama3-8b.ini"),
               "profile": os.path.join(DATA, "profiles", "trtllm-0.15.ini"),
               "scenario": os.path.join(DATA, "scenarios",
                                        "etched-bench.ini"),
               "spec": os.path.join(self.seeds, "tiny.ini"),
               "claims": os.path.join(DATA, "claims", "etched-2024.ini"),
               "uncertainty": os.path.join(DATA, "uncertainty", "sohu.ini"),
               "config": None}[kind]
        if src:
            lines = open(src, "rb").read().split(b"\n")
        else:
            lines = (b"[claim]\nscenario = etched-bench\nsamples = 20\n"
                     b"[a]\nchip = h100-sxm\nprofile = trtllm-0.10\n"
                     b"[b]\nchip = sohu\nprofile = etched-claim\n").split(
                         b"\n")
        heads = [i for i, x in enumerate(lines)
                 if x.strip().startswith(b"[")]
        if name is None and heads:
            h = lines[r.choice(heads)].strip()
        else:
            h = ("[" + (name or "a") + "]").encode("utf-8",
                                                  "surrogateescape")
            lines.insert(r.randrange(len(lines) + 1), h)
        lines.insert(r.randrange(len(lines) + 1), r.choice(
            [h, h + b" ", b" " + h, h + b" ; c", h.replace(b"[", b"[ ")]))
        self.put("t.ini", b"\n".join(lines))
        if kind in ("chip", "model", "profile", "scenario"):
            argv = {"chip": "h100-sxm", "model": "llama3-8b"}
            argv[kind] = "t.ini"
            return ["eval"] + [x for k, v in argv.items()
                               for x in (f"--{k}", v)]
        if kind == "spec":
            self.rm("s.db")
            return ["sweep", "t.ini", "--db", "s.db"]
        if kind == "config":
            return ["claim", "--config", "t.ini", "--no-design",
                    "--samples", "0"]
        if kind == "claims":  # read from $ROOFLAB_DATA/claims
            dd = os.path.join(self.work, "sdata")
            if not os.path.isdir(dd):
                os.makedirs(os.path.join(dd, "claims"))
                for k in os.listdir(DATA):
                    if k != "claims":
                        os.symlink(os.path.join(DATA, k),
                                   os.path.join(dd, k))
            shutil.copy(self.path("t.ini"),
                        os.path.join(dd, "claims", "etched-2024.ini"))
            self.sections_env = dict(os.environ, ROOFLAB_DATA=dd)
            return ["claim", "--no-design", "--samples", "0"]
        return ["claim", "--uncertainty", "t.ini", "--no-design",
                "--samples", "10"]

    def sections_check(self, argv, p):
        why = []
        err = p.stderr
        if re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", err):
            why.append("control bytes on stderr")
        try:
            err.decode("utf-8")
        except UnicodeDecodeError:
            why.append("stderr not UTF-8")
        if b"given twice" in err:
            if p.returncode != 2:
                why.append(f"given twice, exit {p.returncode}")
            if not re.search(rb"(t|etched-2024)\.ini:\d+", err) and \
                    not re.search(rb"(t|etched-2024)\.ini.{0,40}line \d+",
                                  err):
                why.append("given twice without file and line")
        return why

    # ---- validate --strict's every-unknown-name lines (3c3265c)
    def t_strict(self):
        r = self.rng
        rows = [x for x in self.csv if b",0.15.0," in x][:3]
        hdr = self.csv[0].split(b",")
        ci, mi, vi = hdr.index(b"chip"), hdr.index(b"model"), \
            hdr.index(b"version")
        out = []
        for row in rows:
            f = row.split(b",")
            for i in r.sample([ci, mi, vi], r.randint(1, 3)):
                f[i] = r.choice([b"h100x", b"llama9-70b", b"9.9",
                                 b"\xff\xfe", b"a\x1b[31mb", b"x" * 300,
                                 b"\xc3\xa9" * 100, b"\"q\"\"\"", b"",
                                 b"`touch PW`", b"\xe2\x80\xae"])
            out.append(b",".join(f))
        self.put("m.csv", b"\n".join([self.csv[0]] + out) + b"\n")
        return ["validate", "--measurements", "m.csv", "--strict",
                *(["--json"] * (r.random() < 0.4))]

    # ---- one sweep axis at its edges, its rounded values checked
    AXES = [("scenario.batch", True, 1, 1e8), ("scenario.isl", True, 1, 1e7),
            ("scenario.osl", True, 1, 1e7),
            ("profile.max_batch_size", True, 1, 1e8),
            ("chip.hbm_tbps", False, 0, 1000), ("chip.hbm_gb", False, 0, 1e5)]

    @staticmethod
    def c_round(x):
        """C's round() of x >= 0 (half away from zero), exactly."""
        f = float(int(x // 1))
        return f + 1 if x - f >= 0.5 else f

    def log_values(self, a, b, n, whole):
        """The values of a:b:n log as sweeps/axis.c computes them (the
        same libm: exp and log here are C's); a real one's unrounded."""
        import math
        out = []
        for k in range(n):
            if k == 0:
                out.append(a)
                continue
            if k + 1 == n:
                out.append(b)
                continue
            v = a * math.exp(k * math.log(b / a) / (n - 1))
            out.append(self.c_round(v) if whole else v)
        return out

    def t_axes(self):
        r = self.rng
        name, whole, lo, hi = r.choice(self.AXES)
        form = r.choice(["log", "log", "lin", "list"])
        a = r.choice([1, 1, 2, 3, 7, 10, 64, 100, 1000, 0.5, 1e-3, 0, -1,
                      hi, hi / 2])
        b = r.choice([a, a * 1.0000001, a * 1.5, a * 2, a * 4, a * 64,
                      a * 1e3, a * 1e6, hi, hi * 2, a / 2, a + 1, a + 10])
        fmt = lambda v: repr(int(v)) if float(v).is_integer() and \
            abs(v) < 1e15 else repr(float(v))
        self.axes_expect = None
        npts = 2
        if form == "log":
            n = r.choice([0, 1, 2, 3, 4, 5, 8, 11, 13, 20, 25, 40, 100, 1000,
                          3000, 10 ** 5, 10 ** 7, 10 ** 9, 2.5])
            text = f"{fmt(a)}:{fmt(b)}:{fmt(n)} log"
            npts = n if isinstance(n, int) else 2
            # the oracle, where axis.c reaches its check: 0 < a < b, a
            # whole count in [2, 1e9], both ends in range
            if whole and isinstance(n, int) and 2 <= n <= 10 ** 5 and \
                    0 < a < b and \
                    lo <= a <= hi and lo <= b <= hi and \
                    float(a).is_integer() and float(b).is_integer():
                v = self.log_values(float(a), float(b), n, whole)
                self.axes_expect = "dup" if len(set(v)) < len(v) else "ok"
        elif form == "lin":
            step = r.choice([1, 2, 3, 0.5, 0.25, 0.1, 1e-3, 1e-7, 0, -1,
                             (b - a) / 7 if b != a else 1, 100])
            text = f"{fmt(a)}:{fmt(b)}:{fmt(step)}"
            npts = int((b - a) / step) + 1 if step > 0 and b >= a else 1
        else:
            vals = r.sample([a, b, a, float(a), a + 1e-13, a * 1.0000001,
                             b + 0.4, 2, 2.0, 5], r.randint(1, 4))
            text = ", ".join(fmt(x) for x in vals)
            npts = len(vals)
        method = r.choice(["grid", "grid", "random", "sobol"])
        spec = ("[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
                "profile = ideal\n[axes]\n" + f"{name} = {text}\n"
                f"[sampling]\nmethod = {method}\n" +
                ("" if method == "grid" else "count = 50\n"))
        self.put("s.ini", spec.encode())
        self.rm("s.db", "s.db-wal", "s.db-shm")
        self.axes_col = name.replace(".", "_")
        self.axes_whole = method == "grid"
        argv = ["sweep", "s.ini", "--db", "s.db"]
        if method == "grid" and npts > 3000:
            # a shard of about 100 points: the refusals are the same
            argv += ["--shard", f"0/{min(10 ** 6, npts // 100 + 1)}"]
            self.axes_whole = False
        return argv

    def axes_check(self, argv, p):
        why = []
        err = p.stderr
        if p.returncode == 0 and self.axes_expect == "dup":
            why.append("axes: a log range whose rounded values repeat "
                       "accepted")
        if p.returncode == 2 and self.axes_expect == "ok" and \
                b"at points" in err:
            why.append("axes: refused for a repeat the values lack: " +
                       err.decode("utf-8", "replace")[-160:])
        if p.returncode == 2 and not re.search(rb"s\.ini(:\d+)?:", err):
            why.append("axes: exit 2 without the spec's name")
        if p.returncode == 0 and self.axes_whole and \
                os.path.exists(self.path("s.db")):
            con = sqlite3.connect(self.path("s.db"))
            n, d = con.execute(
                f'SELECT count(*), count(DISTINCT "{self.axes_col}") '
                "FROM points").fetchone()
            con.close()
            if n != d:
                why.append(f"axes: {n} points stored of {d} designs")
        return why

    def strict_check(self, argv, p):
        why = []
        for name, b in (("stderr", p.stderr), ("stdout", p.stdout)):
            try:
                b.decode("utf-8")
            except UnicodeDecodeError:
                why.append(f"{name} not UTF-8")
            if re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", b):
                why.append(f"control bytes on {name}")
        if os.path.exists(self.path("PW")):
            why.append("a name reached the shell")
            self.rm("PW")
        return why

    # ---- what the last stop landed (bc9465b..653a6dd): calibrate
    # --both-ends, plot heatmap --z-best, export's digits and its note of
    # the other runs, --set's suggestions, the commands merge gives,
    # chip.memory and node.ref_clock_ghz
    BE_NAMES = ["eff_compute", "profile.eff_compute", "iter_overhead_ms",
                "profile.iter_overhead_ms", "eff_link", "profile.", "",
                "EFF_COMPUTE", " eff_compute", "eff_compute ",
                "eff_compute=0.5:0.9", "profile.profile.eff_compute",
                "act_buffers", "chip.eff_compute", "eff_compute;x"]

    def t_bothends(self):
        """calibrate --both-ends LIST on a fit whose one bounded parameter
        is eff_compute: exit 0 exactly where every item names it (bare or
        profile.-dotted, as --fit takes names), else exit 2 naming
        --both-ends."""
        r = self.rng
        items = [r.choice(self.BE_NAMES) for _ in range(r.randint(1, 4))]
        if r.random() < 0.3:
            items[r.randrange(len(items))] = r.choice(TOKENS).decode(
                "utf-8", "surrogateescape")
        text = ",".join(items).replace("\x00", "")
        key = lambda x: x[8:] if x.startswith("profile.") and len(x) > 8 \
            else x
        self.be_expect = 0 if all(key(x) == "eff_compute"
                                  for x in text.split(",")) else 2
        self.rm("o.ini")
        start = os.path.join(DATA, "calibration", "trtllm-0.10-start.ini")
        return ["calibrate", "--profile", start, "--software",
                "TensorRT-LLM 0.10.0", "--fit",
                "eff_compute=0.5:0.9,iter_overhead_ms", "--both-ends", text,
                "--no-loo", "--out", "o.ini"]

    def bothends_check(self, argv, p):
        why = []
        if p.returncode != self.be_expect:
            why.append(f"bothends: exit {p.returncode}, expected "
                       f"{self.be_expect}: " +
                       p.stderr.decode("utf-8", "replace")[-120:])
        if p.returncode == 2 and b"--both-ends" not in p.stderr:
            why.append("bothends: exit 2 without naming --both-ends")
        if p.returncode == 0 and not re.search(
                rb"(?m)^eff_compute = [0-9.e+-]+ +; fitted in \[0\.5, 0\.9\]",
                open(self.path("o.ini"), "rb").read()
                if os.path.exists(self.path("o.ini")) else b""):
            why.append("bothends: o.ini lacks the fitted eff_compute")
        return why

    def seed_db(self, name, spec):
        """seeds/NAME.db swept once from SPEC (text), the path."""
        db = os.path.join(self.seeds, name + ".db")
        if not os.path.exists(db):
            with open(os.path.join(self.seeds, name + ".ini"), "w") as f:
                f.write(spec)
            self.rl("sweep", name + ".ini", "--db", db, cwd=self.seeds)
        return db

    ZB_Z = ["power.watts", "latency.tpot_s", "latency.ttft_s",
            "cost.chip_cost_usd", "throughput.output_tokens_per_s",
            "power.clock_scale", "chip.memory", "decode.bound",
            "utilization.mbu", None]
    LESS = re.compile(r"^(latency_|cost_|power_watts$|power_prefill_watts$|"
                      r"power_decode_watts$)")

    def t_zbest(self):
        """plot heatmap of a sweep over chip.memory (hbm, gddr6),
        scenario.batch and node.ref_clock_ghz with --z and --z-best given or
        not (hostile too): exit 0 or 2, and a heatmap's title says the
        least over the other swept parameters exactly where --z-best least,
        or, without it, where z is a latency, a cost or a power drawn."""
        r = self.rng
        db = self.seed_db("zbest", "[meta]\nname = zbest\n[base]\n"
                          "chip = h100-sxm\nmodel = llama3-8b\n"
                          "profile = ideal\n[axes]\n"
                          "chip.memory = hbm, gddr6\n"
                          "scenario.batch = 1, 4, 16\n"
                          "node.ref_clock_ghz = 0, 1, 2\n"
                          "[sampling]\nmethod = grid\n")
        self.rm("z.db", "h.txt")
        shutil.copy(db, self.path("z.db"))
        argv = ["plot", "heatmap", "--db", "z.db", "--term", "dumb",
                "--out", "h.txt"]
        z = r.choice(self.ZB_Z)
        if r.random() < 0.1:
            z = r.choice(TOKENS).decode("utf-8", "surrogateescape")
        best = r.choice(["least", "most", None, None, "LEAST", "", "min",
                         "least ", "most\n", "\xff", "least,most"])
        if z is not None:
            argv += ["--z", z.replace("\x00", "")]
        if best is not None:
            argv += ["--z-best", best]
        self.zb = (z, best)
        return argv

    def zbest_check(self, argv, p):
        why = []
        z, best = self.zb
        there = os.path.exists(self.path("h.txt"))
        if p.returncode != 0 and there:
            why.append("zbest: h.txt left by a failed run")
        if best not in (None, "least", "most") and p.returncode != 2:
            why.append(f"zbest: --z-best {best!r} not refused")
        if p.returncode == 0 and there:
            text = open(self.path("h.txt"), "rb").read()
            col = (z or "speedup").replace(".", "_")
            least = best == "least" if best else bool(self.LESS.match(col))
            said = (b"the least over" in text, b"the most over" in text)
            if said != (least, not least):
                why.append(f"zbest: --z {z} --z-best {best}: the title "
                           f"says least {said[0]}, most {said[1]}")
        self.rm("h.txt")
        return why

    @staticmethod
    def digit_values(r):
        """Doubles whose shortest text needs 15, 16 or 17 digits, and the
        awkward ones."""
        import struct
        v = [0.1 + 0.2, 1 / 3, 0.05, 1e308, -1e308, 5e-324, 2.2250738585072014e-308,
             -0.0, 0.0, 9007199254740993.0, 1e22, 1e23, 123456789.123456789,
             2 ** 53, 1.7976931348623157e308, 4.9406564584124654e-324]
        while True:
            x = struct.unpack("<d", struct.pack("<Q", r.getrandbits(64)))[0]
            if x == x and abs(x) != float("inf"):
                v.append(x)
                break
        return v

    def t_digits(self):
        """export (csv, json) of a sweep file whose REAL cells hold doubles
        of 15 to 17 significant digits, subnormals, -0 and 1e308, and whose
        INTEGER cells hold 2^53 + 1 and the int64 ends, with a second run
        at times (its spec_path hostile): every number read back equals
        the stored one, bit for bit (a whole number exactly), the JSON is
        UTF-8 JSON, and a file of several runs exported without --run
        says so on stderr."""
        r = self.rng
        self.rm("dg.db", "dg.db-wal", "dg.db-shm")
        shutil.copy(os.path.join(self.seeds, "sweep.db"), self.path("dg.db"))
        con = sqlite3.connect(self.path("dg.db"))
        cols = con.execute('PRAGMA table_info("points")').fetchall()
        reals = [c[1] for c in cols if c[2].upper() == "REAL"]
        ints = [c[1] for c in cols if c[2].upper() == "INTEGER"
                and c[1] not in ("run_id", "idx", "status")]
        vals = self.digit_values(r)
        for _ in range(r.randint(1, 12)):
            c = r.choice(reals)
            con.execute(f'UPDATE points SET "{c}" = ? WHERE rowid IN (SELECT '
                        'rowid FROM points ORDER BY random() LIMIT 2)',
                        (r.choice(vals),))
        for _ in range(r.randint(0, 3)):
            if ints:
                con.execute(f'UPDATE points SET "{r.choice(ints)}" = ? WHERE '
                            'rowid IN (SELECT rowid FROM points ORDER BY '
                            'random() LIMIT 1)',
                            (r.choice([2 ** 53 + 1, 2 ** 63 - 1, -2 ** 63,
                                       12345678901, 0, -1]),))
        self.dg_runs = 1
        if r.random() < 0.5:  # a second run, the newest
            rc = [c[1] for c in con.execute('PRAGMA table_info("runs")')]
            row = list(con.execute("SELECT * FROM runs").fetchone())
            row[rc.index("id")] = 2
            row[rc.index("spec_path")] = r.choice(
                ["a b.ini", "x'y\".ini", "$(touch PW).ini", "é.ini",
                 "s" * 1000, "", "\u202e.ini", "a\nb.ini"])
            con.execute(f"INSERT INTO runs VALUES ({','.join('?' * len(row))})",
                        row)
            con.execute("INSERT INTO run_columns SELECT 2, ord, name, source, "
                        "dotted, unit FROM run_columns WHERE run_id = 1")
            con.execute("INSERT INTO points SELECT 2, idx, status"
                        + "".join(f', "{c[1]}"' for c in cols[3:])
                        + " FROM points WHERE run_id = 1")
            self.dg_runs = 2
        con.commit()
        con.close()
        fmt = r.choice(["csv", "json"])
        self.dg_run = r.choice([None, None, 1, self.dg_runs])
        return ["export", "--db", "dg.db", "--format", fmt] + \
            (["--run", str(self.dg_run)] if self.dg_run else [])

    def digits_check(self, argv, p):
        why = []
        if p.returncode != 0:
            return [f"digits: export exit {p.returncode}: " +
                    p.stderr.decode("utf-8", "replace")[-120:]]
        run = self.dg_run or self.dg_runs
        con = sqlite3.connect(self.path("dg.db"))
        cur = con.execute("SELECT * FROM points WHERE run_id = ? ORDER BY "
                          "idx", (run,))
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
        con.close()
        if "json" in argv:
            try:
                got = json.loads(p.stdout.decode("utf-8"),
                                 parse_constant=lambda c: 1 / 0)["points"]
            except Exception as e:  # noqa: BLE001
                return [f"digits: JSON unreadable: {type(e).__name__}"]
            got = [[pt.get(n) for n in names] for pt in got]
            # run_id is the file's, not each point's
            rows = [[None if n == "run_id" else v for n, v in zip(names, row)]
                    for row in rows]
        else:
            import csv
            import io
            lines = list(csv.reader(io.StringIO(
                p.stdout.decode("utf-8", "surrogateescape"))))
            head, got = lines[0], lines[1:]
            idx = [head.index(n) if n in head else None for n in names]
            got = [[g[i] if i is not None else None for i in idx]
                   for g in got]
        if len(got) != len(rows):
            return [f"digits: {len(got)} points exported of {len(rows)}"]
        for g, row in zip(got, rows):
            for n, gv, dv in zip(names, g, row):
                if n == "run_id" and gv is None:
                    continue
                if isinstance(dv, float):
                    try:
                        ok = float(gv) == dv and (str(gv).lstrip()[:1] == "-") \
                            == (str(dv)[:1] == "-")
                    except (TypeError, ValueError):
                        ok = False
                elif isinstance(dv, int):
                    ok = str(gv) == str(dv)
                else:
                    ok = gv == dv or (dv is None and gv in ("", None))
                if not ok:
                    why.append(f"digits: {n} stored {dv!r}, exported {gv!r}")
                    return why
        if self.dg_runs > 1 and not self.dg_run and \
                b"other run" not in p.stderr:
            why.append("digits: a file of 2 runs exported without a word")
        if self.dg_run and b"other run" in p.stderr:
            why.append("digits: --run given, yet the other runs said")
        return why

    def t_suggest(self):
        """eval --set NAME=1 with NAME a real parameter's name one or two
        edits off (a letter dropped, doubled, changed, swapped, its case,
        another section), or hostile: exit 2 on one line of UTF-8 without
        control bytes; every name it suggests exists; and where the typed
        name is one edit from at most four names, those are suggested."""
        r = self.rng
        names = [q["name"] for q in self.params]
        n = r.choice(names)
        for _ in range(r.choice([1, 1, 1, 2])):
            i = r.randrange(len(n))
            op = r.randrange(6)
            if op == 0:
                n = n[:i] + n[i + 1:]
            elif op == 1:
                n = n[:i] + n[i] + n[i:]
            elif op == 2:
                n = n[:i] + r.choice("abcdefghijklmnopqrstuvwxyz_.") + \
                    n[i + 1:]
            elif op == 3 and i + 1 < len(n):
                n = n[:i] + n[i + 1] + n[i] + n[i + 2:]
            elif op == 4:
                n = n.upper()
            else:
                n = r.choice(["chip", "model", "power", "x", ""]) + "." + \
                    n.split(".", 1)[-1]
        if r.random() < 0.15:
            n = r.choice(TOKENS).decode("utf-8", "surrogateescape")
        n = n.replace("\x00", "").replace("=", "")
        self.sg_name = n
        return ["eval", "--chip", "h100-sxm", "--model", "llama3-8b",
                "--set", n + "=1"]

    @staticmethod
    def lev(a, b):
        a, b = a.lower(), b.lower()
        row = list(range(len(b) + 1))
        for i in range(1, len(a) + 1):
            prev, row[0] = row[0], i
            for j in range(1, len(b) + 1):
                cur = row[j]
                row[j] = min(prev + (a[i - 1] != b[j - 1]), row[j] + 1,
                             row[j - 1] + 1)
                prev = cur
        return row[len(b)]

    def suggest_check(self, argv, p):
        why = []
        names = {q["name"] for q in self.params}
        n = self.sg_name
        if any(n.lower() == x.lower() for x in names):
            return why  # a real name (its case folded): set or refused
        err = p.stderr
        if p.returncode != 2:
            why.append(f"suggest: --set {n!r}=1 exit {p.returncode}")
        try:
            text = err.decode("utf-8")
        except UnicodeDecodeError:
            return why + ["suggest: stderr not UTF-8"]
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text) or \
                text.count("\n") != 1:
            why.append("suggest: not one line without control bytes")
        m = re.search(r"did you mean (.*)\?", text)
        offered = re.split(r", | or ", m.group(1)) if m else []
        for o in offered:
            if o not in names:
                why.append(f"suggest: offered {o!r}, no parameter")
        if "." in n and n.isascii() and len(n) < 120:
            key = n.split(".", 1)[1]
            near = [x for x in names
                    if min(self.lev(n, x), self.lev(key, x.split(".", 1)[1]))
                    <= 1 and len(key) > 1]
            if 0 < len(near) <= 4 and not set(near) <= set(offered):
                why.append(f"suggest: {n!r} one edit from {near}, offered "
                           f"{offered}")
        return why

    HX_COMMANDS = ["eval", "curve", "map", "params", "presets", "sweep",
                   "merge", "export", "area", "calibrate", "validate",
                   "plot", "report", "claim", "solve"]
    HX_HELPS = ["help", "--help", "-h"]

    def hx_word(self, cmd_ok):
        """A word for the dispatch: a command (CMD_OK), help's spellings,
        one or two edits of a command, its case, or a hostile token."""
        r = self.rng
        k = r.randrange(8)
        if k == 0 and cmd_ok:
            return r.choice(self.HX_COMMANDS)
        if k == 1:
            return r.choice(self.HX_HELPS + ["--version", "HELP", "-H",
                                             "--he", "curve"])
        if k == 2:
            return r.choice(TOKENS).decode("utf-8", "surrogateescape")
        if k == 3:
            return r.choice(["x" * 127, "x" * 128, "evl" + "a" * 130,
                             "\u00e9val", "ev\u00e9l", "\u202eeval",
                             "eval\x01", "e\tval", "-", "--", "---help",
                             "help=eval", "eval=1", " eval", "eval "])
        n = r.choice(self.HX_COMMANDS)
        for _ in range(r.choice([1, 1, 2, 3])):
            i = r.randrange(len(n)) if n else 0
            op = r.randrange(5)
            if op == 0 and n:
                n = n[:i] + n[i + 1:]
            elif op == 1 and n:
                n = n[:i] + n[i] + n[i:]
            elif op == 2:
                n = n[:i] + r.choice("abcdefghijklmnopqrstuvwxyz-") + \
                    n[i + 1:]
            elif op == 3 and i + 1 < len(n):
                n = n[:i] + n[i + 1] + n[i] + n[i + 2:]
            else:
                n = n.upper() if r.random() < 0.5 else n.capitalize()
        if not cmd_ok and n in self.HX_COMMANDS:
            n += "x"
        return n

    def t_helpx(self):
        """help, --help, -h or an unknown name, then 0-3 words."""
        r = self.rng
        first = r.choice(self.HX_HELPS + ["help", "help", None])
        if first is None:
            first = self.hx_word(False)
            while first in self.HX_HELPS + ["--version"] + \
                    self.HX_COMMANDS:
                first += "x"
        argv = [first] + [self.hx_word(True)
                          for _ in range(r.choice([0, 1, 1, 1, 2, 3]))]
        return [a.replace("\x00", "") for a in argv]

    def hx_list(self):
        """The list of commands (rooflab help's stdout), read once."""
        if not hasattr(self, "hx_usage"):
            self.hx_usage = self.rl("help").stdout
            self.hx_helps = {}
        return self.hx_usage

    def hx_help_of(self, c):
        self.hx_list()
        if c not in self.hx_helps:
            self.hx_helps[c] = self.rl(c, "--help").stdout
        return self.hx_helps[c]

    @staticmethod
    def hx_lev(a, b):
        """rl_edit_distance: bytes, ASCII case folded, 1000 past 127."""
        a, b = a.encode("utf-8", "surrogateescape").lower(), \
            b.encode().lower()
        if len(a) > 127 or len(b) > 127:
            return 1000
        row = list(range(len(b) + 1))
        for i in range(1, len(a) + 1):
            prev, row[0] = row[0], i
            for j in range(1, len(b) + 1):
                cur = row[j]
                row[j] = min(prev + (a[i - 1] != b[j - 1]), row[j] + 1,
                             row[j - 1] + 1)
                prev = cur
        return row[len(b)]

    def hx_unknown(self, name, err, why):
        """'rooflab: unknown command Q[; did you mean C?]' then the list."""
        usage = self.hx_list()
        lens = len(name.encode("utf-8", "surrogateescape"))
        allowed = max(lens // 3, 1)
        best, near = 1000, None
        for c in self.HX_COMMANDS:
            d = self.hx_lev(name, c)
            if d < best:
                best, near = d, c
        want = near if best < 1000 and best <= allowed else None
        first = err.split(b"\n", 1)[0]
        m = re.search(rb"; did you mean ([a-z]+)\?$", first)
        if not first.startswith(b"rooflab: unknown command "):
            why.append(f"helpx: {name!r} not called an unknown command")
        if (m.group(1).decode() if m else None) != want:
            why.append(f"helpx: {name!r} offered "
                       f"{m.group(1) if m else None}, the nearest within "
                       f"{allowed} edits is {want}")
        if not err.endswith(usage):
            why.append("helpx: the list of commands not after the refusal")

    def helpx_check(self, argv, p):
        why = []
        a = argv
        rc, out, err = p.returncode, p.stdout, p.stderr
        usage = self.hx_list()
        try:
            text = err.decode("utf-8")
            out.decode("utf-8")
        except UnicodeDecodeError:
            return ["helpx: output not UTF-8"]
        # (bidi marks pass, as every message quotes them: not judged)
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text):
            why.append("helpx: control bytes on stderr")
        if a[0] == "help" and len(a) > 1 and a[1] not in self.HX_HELPS:
            if a[1] in self.HX_COMMANDS:
                if len(a) > 2:
                    want = 2
                    if "unexpected argument" not in text or \
                            f"(rooflab help {a[1]}" not in text:
                        why.append("helpx: help C WORD not refused as a "
                                   "stray word naming help C")
                else:
                    want = 0
                    if out != self.hx_help_of(a[1]):
                        why.append(f"helpx: help {a[1]} is not {a[1]} "
                                   f"--help byte for byte")
            else:
                want = 2
                self.hx_unknown(a[1], err, why)
        elif a[0] in self.HX_HELPS:
            if a[0] == "help" and len(a) > 2:
                want = 2
                if f"(rooflab help {a[1]}" not in text:
                    why.append("helpx: help H WORD not naming help H")
            elif a[0] != "help" and len(a) > 1:
                want = 2
                cmd = a[1] in self.HX_COMMANDS
                if f"{a[0]} takes no word" not in text or \
                        (f"rooflab help {a[1]}: its options" in text) != cmd:
                    why.append(f"helpx: {a[0]} WORD's refusal (a command "
                               f"{cmd}) not as main.c says")
            else:
                want = 0
                if out != usage or err:
                    why.append("helpx: the list not printed alone")
        else:
            want = 2
            self.hx_unknown(a[0], err, why)
        if rc != want:
            why.append(f"helpx: exit {rc}, main.c's rules give {want}")
        if want == 2 and out:
            why.append("helpx: a refusal wrote to stdout")
        if want == 2 and "unexpected argument" in text:
            if text.count("\n") != 1:
                why.append("helpx: a stray word's refusal not one line")
        return why

    SH_PATHS = ["a b.ini", "it's.ini", "x\"y\".ini", "$(touch PW).ini",
                "`touch PW`.ini", "a;b|c&d.ini", "-x.ini", "é/ü.ini",
                "d/" + "q" * 500 + ".ini", "!x*?.ini", "~/s.ini",
                "a\\b.ini", "'" * 40 + ".ini", "", "%s%n.ini", "#c.ini",
                "'" * 600 + ".ini"]

    def t_shcmd(self):
        """merge of two shards, one unfinished or missing, whose runs'
        spec_path is shell text (quotes, $(), backquotes, ';', blanks,
        UTF-8, a leading '-', 500 bytes): exit 2, and the command the
        message gives to complete or make the shard reads back through
        sh's quoting (shlex) as the spec path and part stored."""
        r = self.rng
        spec = r.choice(self.SH_PATHS)
        part = r.choice(["w1.db", "w 1.db", "w'1.db", "w$(x)1.db"])
        self.rm("mo.db", "w0.db", "w1.db", "w 1.db", "w'1.db", "w$(x)1.db")
        shutil.copy(os.path.join(self.seeds, "shard0.db"), self.path("w0.db"))
        shutil.copy(os.path.join(self.seeds, "shard1.db"), self.path(part))
        for db in ("w0.db", part):
            con = sqlite3.connect(self.path(db))
            con.execute("UPDATE runs SET spec_path = ?", (spec,))
            con.commit()
            con.close()
        self.sh = (spec, part, r.random() < 0.5)
        if self.sh[2]:  # unfinished
            con = sqlite3.connect(self.path(part))
            con.execute("UPDATE runs SET next_idx = 0, finished = NULL")
            con.commit()
            con.close()
            return ["merge", "mo.db", "w0.db", part]
        return ["merge", "mo.db", "w0.db"]

    def shcmd_check(self, argv, p):
        why = []
        spec, part, unfinished = self.sh
        text = p.stderr.decode("utf-8", "replace").rstrip("\n")
        if p.returncode != 2:
            return [f"shcmd: merge exit {p.returncode}"]
        m = re.search(r"(?:complete it|make it|make each) with: (.*)", text)
        if not m:
            return ["shcmd: no command given: " + text[-120:]]
        cmd = m.group(1)
        if not unfinished:
            cmd = cmd[:-1] if cmd.endswith(")") else cmd
        try:
            words = shlex.split(cmd)
        except ValueError as e:
            return [f"shcmd: the command does not read back: {e}"]
        # a path beginning with '-' as ./-PATH, the same file, which the
        # command does not take for an option (config/shword.c)
        dash = "./" if spec.startswith("-") else ""
        want = dash + spec if spec else "SPEC"
        # a quoted word that does not fit the message's 2,100 bytes is the
        # placeholder, never a word cut short (config/shword.c)
        if 2 + len(dash) + sum(4 if c == "'" else 1 for c in spec) >= 2100:
            want = "SPEC"
        if words[:2] != ["rooflab", "sweep"] or len(words) < 3 or \
                words[2] != want:
            why.append(f"shcmd: spec {want!r} read back as "
                       f"{words[2:3]!r}")
        if unfinished and "--db" in words and \
                words[words.index("--db") + 1] != part:
            why.append(f"shcmd: --db {part!r} read back as "
                       f"{words[words.index('--db') + 1]!r}")
        if os.path.exists(self.path("PW")):
            why.append("shcmd: a path reached the shell")
            self.rm("PW")
        return why

    MEM_AXES = {"node.ref_clock_ghz": ["0", "1e-9", "1.83", "100", "0.5"],
                "power.gddr6_pj_per_bit": ["5", "7.5", "10", "1000"],
                "cost.interposer_usd": ["0", "750", "1670", "1e7"],
                "cost.package_usd": ["0", "1670", "1e7"],
                "power.dvfs_exponent": ["0", "1", "3"],
                "design.clock_ghz": ["1e-6", "1.83", "100"]}

    def t_memory(self):
        """sweep of chip.memory (hbm, gddr6; or a hostile list) against
        one of node.ref_clock_ghz, power.gddr6_pj_per_bit,
        cost.interposer_usd, package_usd, dvfs_exponent, design.clock_ghz
        (values at their ends, hostile at times) on h100-sxm (a node and a
        TDP), or area or eval of it with a wafer price or none (their
        words print no figure as nan or inf): exit 0 or 2 naming s.ini
        and its line; a served GDDR6 point
        has no chip cost (NULL), an HBM one a finite one, and each draws
        finite power, a GDDR6 one no less than the HBM point beside it
        where GDDR6's pJ/bit is no less than HBM's 5."""
        r = self.rng
        ax = r.choice(list(self.MEM_AXES))
        vals = r.sample(self.MEM_AXES[ax], r.randint(1, 3))
        if r.random() < 0.15:
            vals[0] = r.choice(TOKENS).decode("utf-8", "surrogateescape")
        self.mem_text = r.random() < 0.3
        if self.mem_text:  # area or eval's words, a wafer price or not
            cmd = r.choice([["area"], ["eval", "--model", "llama3-8b"]])
            return [cmd[0], "--chip", r.choice(["h100-sxm", "sohu-design"]),
                    *cmd[1:], "--set", "chip.memory=" +
                    r.choice(["hbm", "gddr6"]), "--set",
                    f"{ax}={vals[0]}".replace("\x00", ""), "--set",
                    r.choice(["node.wafer_usd=0", "cost.years=3",
                              "design.hbm_stacks=0", "chip.tdp_w=1"])]
        mem = r.choice(["hbm, gddr6", "hbm, gddr6", "gddr6", "hbm, hbm",
                        "HBM, GDDR6", "", "gddr7", "hbm;gddr6"])
        spec = ("[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
                "profile = ideal\n[axes]\n" + f"chip.memory = {mem}\n" +
                f"{ax} = {', '.join(vals)}\n"
                "scenario.batch = 1, 64\n[sampling]\nmethod = grid\n")
        self.put("s.ini", spec.replace("\x00", "").encode(
            "utf-8", "surrogateescape"))
        self.rm("s.db", "s.db-wal", "s.db-shm")
        self.mem_ax = ax
        return ["sweep", "s.ini", "--db", "s.db"]

    def memory_check(self, argv, p):
        why = []
        if self.mem_text:  # no figure printed as nan or inf
            m = re.search(rb"(?i)[^\n]*\b-?(nan|inf)\b[^\n]*", p.stdout)
            if p.returncode == 0 and m:
                why.append("memory: printed " + m.group(0).decode(
                    "utf-8", "replace").strip()[:100])
            return why
        if p.returncode == 2 and not re.search(rb"s\.ini:\d+:", p.stderr):
            why.append("memory: exit 2 without s.ini:LINE")
        if p.returncode != 0 or not os.path.exists(self.path("s.db")):
            return why
        col = self.mem_ax.replace(".", "_")
        con = sqlite3.connect(self.path("s.db"))
        rows = con.execute(
            f'SELECT chip_memory, "{col}", scenario_batch, power_watts, '
            "cost_chip_cost_usd FROM points WHERE status = 0").fetchall()
        con.close()
        import math
        by = {}
        for mem, v, b, w, cost in rows:
            if not (isinstance(w, float) and math.isfinite(w) and w > 0):
                why.append(f"memory: {mem} {col}={v}: power {w!r}")
            if mem == "gddr6" and cost is not None:
                why.append(f"memory: gddr6 {col}={v}: a chip cost {cost!r}")
            if mem == "hbm" and not (isinstance(cost, float) and
                                     math.isfinite(cost)):
                why.append(f"memory: hbm {col}={v}: chip cost {cost!r}")
            by[(mem, v, b)] = w
        for (mem, v, b), w in by.items():
            h = by.get(("hbm", v, b))
            if mem == "gddr6" and h is not None and not (
                    col == "power_gddr6_pj_per_bit" and v < 5) and \
                    w < h * (1 - 1e-6):
                why.append(f"memory: {col}={v} batch {b}: gddr6 {w} W < "
                           f"hbm {h} W")
        return why[:3]

    # the power model's inputs (554c13f, 6676f65) and the TDP at values
    # that put a chip over it at every clock (status 4, RL_EPOWER)
    POWER_SETS = {
        "power.static_w": ["0", "30", "57.1", "60", "1e5"],
        "power.idle_w": ["0", "1", "12", "70", "80.3", "1e5"],
        "power.idle_hbm_gb": ["0", "85.9", "154.6", "1e6", "1e-9"],
        "power.hbm_idle_w_per_gb": ["0", "0.15", "0.6", "100", "1e-300"],
        "power.dvfs_exponent_above": ["0", "1", "2", "3"],
        "power.dvfs_exponent": ["0", "1", "3"],
        "power.gddr6_phy_pj_per_bit": ["0", "1.17", "1000"],
        "power.hbm_phy_pj_per_bit": ["0", "0.65", "1000"],
        "power.clocked_mw_per_mm2_ghz": ["0", "67", "1e4"],
        "chip.tdp_w": ["0", "1", "50", "80", "88", "150", "300", "700",
                       "1e5"],
        "node.ref_clock_ghz": ["0", "0.001", "1.83", "100"],
        "design.hbm_stacks": ["0", "1", "5", "54", "64"],
        "design.hbm_stack_gb": ["0", "16", "1e4"],
        "design.clock_ghz": ["0.5", "1.5", "5"],
        "chip.memory": ["hbm", "gddr6"]}
    POWER_CHIPS = ["h100-sxm", "h200-sxm", "a100-sxm", "a100-sxm-40gb",
                   "sohu-design", "l40s", "p.ini"]

    def power_value(self, key):
        r = self.rng
        if r.random() < 0.08:
            return r.choice(TOKENS).decode("utf-8", "surrogateescape")
        return r.choice(self.POWER_SETS[key])

    def t_power(self):
        """eval, map, area, curve and sweep of a chip with a node (a
        preset, or p.ini: l40s.ini or h100-sxm.ini given n4 with its
        [power] lines edited) at 1-4 of the power model's inputs and TDPs
        that put it over at every clock: a result over its TDP says so
        (power.over_tdp 1, over_tdp_words, lowest_clock_watts over the
        TDP), one under it has none of them and draws no more than the TDP
        in each phase; map never ranks one over its TDP best; a sweep
        stores a status 4 point with its two power figures and silicon
        violations alone and
        eval at the point says what the sweep stored."""
        r = self.rng
        chip = r.choice(self.POWER_CHIPS)
        if chip == "p.ini":
            src = r.choice(["l40s", "h100-sxm", "h200-sxm"])
            text = open(os.path.join(DATA, "chips", src + ".ini"),
                        "rb").read()
            extra = b"".join(r.sample([
                b"idle_w = 70\n", b"idle_hbm_gb = 85.9\n",
                b"static_w = 66\n", b"idle_w = 0\n",
                b"hbm_idle_w_per_gb = 0.6\n", b"idle_w = 1e5\n"],
                r.randint(0, 2)))
            text = text.replace(b"[power]\n", b"[power]\n" + extra, 1)
            if r.random() < 0.3:
                text = mutate(r, text, [b"idle_w = 70\n"])
            if b"[preset]" not in text:
                text += b"\n[preset]\nnode = n4\n"
            self.put("p.ini", text)
        keys = r.sample(list(self.POWER_SETS), r.randint(1, 4))
        self.power_tdp = None
        cmd = r.choice(["eval", "eval", "eval", "map", "area", "curve",
                        "sweep", "sweep"])
        self.power_cmd = cmd
        self.power_chip = chip
        if cmd == "sweep":
            ax = [(k, sorted(set(r.sample(self.POWER_SETS[k], r.randint(
                1, min(3, len(self.POWER_SETS[k]))))))) for k in keys]
            if r.random() < 0.08:
                ax[0] = (ax[0][0], [self.power_value(ax[0][0])])
            self.power_axes = ax
            spec = ("[base]\nchip = " + chip + "\nmodel = llama3-8b\n"
                    "profile = trtllm-0.15\nset = scenario.precision=fp8\n"
                    "set = scenario.isl=2048\nset = scenario.osl=128\n"
                    "[axes]\n" + "".join(f"{k} = {', '.join(v)}\n"
                                         for k, v in ax) +
                    "[sampling]\nmethod = grid\n[outputs]\nkeep = all\n")
            self.put("s.ini", spec.replace("\x00", "").encode(
                "utf-8", "surrogateescape"))
            self.rm("s.db", "s.db-wal", "s.db-shm")
            return ["sweep", "s.ini", "--db", "s.db"]
        sets = {k: self.power_value(k) for k in keys}
        self.power_sets = sets
        argv = [cmd, "--chip", chip]
        if cmd != "area":
            argv += ["--model", r.choice(["llama3-8b", "llama3-70b",
                                          "mixtral-8x7b"]),
                     "--precision", "fp8", "--profile",
                     r.choice(["trtllm-0.15", "ideal", "trtllm-0.10"])]
        if cmd in ("eval", "curve"):
            argv += ["--isl", r.choice(["128", "2048"]), "--osl",
                     r.choice(["1", "128", "2048"]), "--tp",
                     r.choice(["1", "2", "8"])]
        if cmd == "map":
            argv += ["--chips", r.choice(["2", "8"])]
        for k, v in sets.items():
            argv += ["--set", f"{k}={v}".replace("\x00", "")]
        return argv + ["--json"] * (r.random() < 0.8)

    def power_eval_why(self, js, tdp, where):
        """What is wrong with eval's --json power object js (TDP tdp)."""
        import math
        why = []
        p = js.get("power") or {}
        over = p.get("over_tdp")
        low = p.get("lowest_clock_watts")
        words = js.get("over_tdp_words")
        if over == 1:
            if not words or "TDP" not in words:
                why.append(f"power: over_tdp 1 without its words {where}")
            if low is not None and tdp and not low > tdp * (1 - 1e-9):
                why.append(f"power: lowest_clock_watts {low} not over the "
                           f"{tdp} W TDP {where}")
            if not (js.get("silicon") or {}).get("violations", 0) // 16 % 2:
                why.append(f"power: over_tdp without violations' 16 {where}")
        else:
            if words or low is not None:
                why.append(f"power: words or lowest_clock_watts {low!r} "
                           f"beside over_tdp {over!r} {where}")
            # (decode_watts is a decode-only iteration's, at full clock
            # where none runs: 2048 in / 128 out carries prefill in all)
            for ph in ("prefill_watts", "watts"):
                w = p.get(ph)
                if w is not None and tdp and tdp > 0 and \
                        w > tdp * (1 + 1e-6) + 1e-9:
                    why.append(f"power: {ph} {w} over the {tdp} W TDP, "
                               f"not flagged {where}")
        for k, v in p.items():
            if isinstance(v, float) and (not math.isfinite(v) or v < 0):
                why.append(f"power: {k} {v} {where}")
        cs = p.get("clock_scale")
        if cs is not None and not 0 < cs <= 1:
            why.append(f"power: clock_scale {cs} {where}")
        return why

    def power_check(self, argv, p):
        why = []
        if p.returncode != 0 or "--json" not in argv and \
                self.power_cmd != "sweep":
            if p.returncode == 2 and self.power_cmd != "sweep":
                msg = p.stderr.decode("utf-8", "replace")
                if "power." in msg and "static_w" in msg and \
                        "idle_w" in msg and not re.search(
                            r"(\.ini|--set|power\.\w+=)", msg):
                    why.append("power: the static/idle refusal names no "
                               "file or --set: " + msg.strip()[:120])
            return why
        cmd = self.power_cmd
        if cmd == "eval":
            js = json.loads(p.stdout)
            tdp = self.power_tdp_of(js)
            return self.power_eval_why(js, tdp, "")
        if cmd == "map":
            js = json.loads(p.stdout)
            best = js.get("best")
            if best and (best.get("over_tdp") or not best.get("fits")):
                why.append("power: map's best is over its TDP or unfit")
            for m in js.get("mappings", []):
                if m.get("over_tdp"):
                    if not m.get("fits") or "TDP" not in (m.get(
                            "not_run") or ""):
                        why.append("power: a mapping over its TDP said "
                                   "unfit or without its words")
                    if m.get("throughput") is not None:
                        why.append("power: a mapping over its TDP has a "
                                   "throughput")
                elif m.get("fits") and m.get("throughput") is None:
                    why.append("power: a mapping that runs has no "
                               "throughput")
            return why[:3]
        if cmd == "curve":  # a point over its TDP has no throughput
            js = json.loads(p.stdout)
            for ser in js.get("series", []):
                for q in ser.get("points", []):
                    if "over_tdp" not in q:
                        why.append("power: a curve point that does not "
                                   "say whether it is over its TDP")
                    if q.get("over_tdp") and (
                            q.get("output_tokens_per_s") is not None or
                            "lowest_clock_watts" not in q):
                        why.append("power: a curve point over its TDP "
                                   "has a throughput")
                    if not q.get("over_tdp") and q.get(
                            "lowest_clock_watts") is not None:
                        why.append("power: a curve point under its TDP "
                                   "has a lowest_clock_watts")
            return why[:2]
        if cmd == "area":
            import math
            js = json.loads(p.stdout)
            pw = js.get("power") or {}
            terms = [pw.get(k) for k in ("static_w", "clocked_w", "phy_w",
                                          "compute_w", "sram_w", "hbm_w")]
            full = pw.get("full_load_w")
            if full is not None and None not in terms and \
                    not math.isclose(sum(terms), full, rel_tol=1e-9,
                                     abs_tol=1e-9):
                why.append(f"power: area's terms add to {sum(terms)}, "
                           f"full_load_w {full}")
            return why
        if cmd == "sweep":
            return self.power_sweep_check()
        return why

    def power_tdp_of(self, js):
        t = self.power_sets.get("chip.tdp_w") if hasattr(
            self, "power_sets") else None
        try:
            return float(t) if t is not None else None
        except ValueError:
            return None

    def power_sweep_check(self):
        import math
        why = []
        con = sqlite3.connect(self.path("s.db"))
        con.row_factory = sqlite3.Row
        rows = [dict(x) for x in con.execute("SELECT * FROM results")]
        con.close()
        axes = [k.replace(".", "_") for k, _ in self.power_axes]
        for row in rows:
            st = row["status"]
            outs = {k: v for k, v in row.items()
                    if k not in axes and k not in ("idx", "status") and
                    not k.startswith("run_")}
            if st == 4:
                if outs.get("power_over_tdp") != 1:
                    why.append(f"power: status 4 stores power_over_tdp "
                               f"{outs.get('power_over_tdp')!r}")
                low = outs.get("power_lowest_clock_watts")
                if low is not None and not (isinstance(low, float) and
                                            math.isfinite(low)):
                    why.append(f"power: status 4 lowest {low!r}")
                # its silicon flags too (checked before power), with 16,
                # over the TDP, among them
                sv = outs.get("silicon_violations")
                if "silicon_violations" in outs and (
                        sv is None or not int(sv) & 16):
                    why.append(f"power: status 4 stores silicon_violations "
                               f"{sv!r}")
                rest = [k for k, v in outs.items() if v is not None and k
                        not in ("power_over_tdp",
                                "power_lowest_clock_watts",
                                "silicon_violations")]
                if rest:
                    why.append(f"power: status 4 stores {rest[:3]}")
            elif st == 0:
                if outs.get("power_over_tdp") not in (0, 0.0, None):
                    why.append("power: status 0 with power_over_tdp "
                               f"{outs.get('power_over_tdp')!r}")
        if why or not rows:
            return why[:3]
        # one point against eval
        row = self.rng.choice(rows)
        ev = ["eval", "--json", "--chip", self.power_chip, "--model",
              "llama3-8b", "--profile", "trtllm-0.15", "--precision", "fp8",
              "--isl", "2048", "--osl", "128"]
        for k, _ in self.power_axes:
            v = row[k.replace(".", "_")]
            if isinstance(v, float) and v == int(v) and abs(v) < 1e15:
                v = int(v)
            ev += ["--set", f"{k}={v!r}" if not isinstance(v, str)
                   else f"{k}={v}"]
        e = self.rl(*ev)
        st = row["status"]
        at = {k: row[k.replace(".", "_")] for k, _ in self.power_axes}
        if st == 4 or st == 0:
            if e.returncode != 0:
                return [f"power: eval exits {e.returncode} at a status "
                        f"{st} point {at}"]
            js = json.loads(e.stdout)
            over = (js.get("power") or {}).get("over_tdp")
            if (over == 1) != (st == 4):
                return [f"power: eval's over_tdp {over!r}, the sweep's "
                        f"status {st} at {at}"]
            for c, k in (("power_watts", "watts"),
                         ("power_lowest_clock_watts", "lowest_clock_watts")):
                a, b = row.get(c), (js.get("power") or {}).get(k)
                if c in row and (a is None) != (b is None) or (
                        a is not None and b is not None and
                        "%.10g" % a != "%.10g" % b):
                    if not (st == 4 and c == "power_watts"):
                        return [f"power: eval {k} {b!r}, the sweep {a!r} "
                                f"at {at}"]
        elif e.returncode != 2:
            return [f"power: eval exits {e.returncode} at a status {st} "
                    f"point {at}"]
        return []

    # ---- helpers
    # ---- review26: the tp column's forms, a node's density bound and the
    # order of a preset's lines, a scenario's presets replaced by options
    TP_FORMS = ["4", "TP4", "TP1", "TP8", "TP0", "TP", "TP-1", "TP+4",
                "TP4.0", "TP4e0", "TP 4", " TP4", "TP4 ", "tp4", "Tp4",
                "TP0x4", "TPinf", "TPnan", "TP1e3", "TP" + "9" * 30,
                "TEP8", "TEP4", "TEP0", "TEP", "TEP2.5", "TEPx", "TEP 8",
                "DEP8", "DEP0", "DEP", "DEP2.5", "TP\u0664", "TEP\u00e9",
                "TP4\u200b", "TPTP4", "TEPTP4", "TP4,", "TP\"4", "", "1e0",
                "4.0", "0", "-4", "inf", "nan", "TP4.5", "TP1e-400"]

    @staticmethod
    def tp_whole(t):
        """n where measure.c's whole() takes t (strtod, the whole text, no
        x, no leading blank, finite, a whole number >= 1), else None."""
        if not re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", t):
            return None
        try:
            v = float(t)
        except ValueError:
            return None
        if v != v or v in (float("inf"), float("-inf")) or v < 1 or \
                v != int(v) or (v == 0 and t.strip("+-0.eE") != ""):
            return None
        return int(v)

    def tp_expect(self, t):
        """('tp', n), ('tep', n), ('none', None) or ('error', None)."""
        for pre, kind in (("DEP", "dep"), ("TP", "tp"), ("TEP", "tep")):
            if t.startswith(pre) and self.tp_whole(t[len(pre):]):
                return kind, self.tp_whole(t[len(pre):])
        if t == "":
            return "none", None
        n = self.tp_whole(t)
        return ("tp", n) if n else ("error", None)

    def t_tpcol(self):
        """validate --measurements --json of llama3-8b rows on 8 H100s
        whose tp column is one of TP_FORMS (quoted at times, CRLF or a
        BOM at times), each beside a row of the plain number it reads as."""
        r = self.rng
        head = b"id,software,version,chip,gpus,model,precision,isl,osl,tp," \
               b"pp,batch_or_concurrency,request_rate,metric,value"
        rows, self.tp_rows = [], []
        for i in range(r.randint(1, 4)):
            t = r.choice(self.TP_FORMS)
            if r.random() < 0.2:
                t = mutate(r, t.encode(), []).decode("utf-8", "replace")
                t = t.replace("\n", "").replace("\r", "").replace("\x00", "")
            exp = self.tp_expect(t)
            f = t.encode("utf-8")
            if r.random() < 0.3 or any(c in t for c in ',"'):
                f = b'"' + f.replace(b'"', b'""') + b'"'
            rows.append(b"t%d,TensorRT-LLM,0.13.0,h100-sxm,8,llama3-8b,fp16,"
                        b"128,128,%s,1,,,tokens_per_s,1000" % (i, f))
            ref = None
            if exp[0] == "tp" and 8 % exp[1] == 0:
                ref = "r%d" % i
                rows.append(b"r%d,TensorRT-LLM,0.13.0,h100-sxm,8,llama3-8b,"
                            b"fp16,128,128,%d,1,,,tokens_per_s,1000"
                            % (i, exp[1]))
            self.tp_rows.append(("t%d" % i, t, exp, ref))
        text = b"\n".join([head] + rows) + b"\n"
        if r.random() < 0.2:
            text = text.replace(b"\n", b"\r\n")
        if r.random() < 0.1:
            text = b"\xef\xbb\xbf" + text
        self.put("m.csv", text)
        return ["validate", "--measurements", "m.csv", "--json"]

    def tpcol_check(self, argv, p):
        bad = [x for x in self.tp_rows if x[2][0] == "error"]
        if bad:
            if p.returncode != 2:
                return [f"tp {bad[0][1]!r} not refused (exit {p.returncode})"]
            if b"column 'tp'" not in p.stderr:
                return [f"tp {bad[0][1]!r}: message names no column"]
            return []
        if p.returncode != 0:
            return [f"tp forms {[x[1] for x in self.tp_rows]!r}: exit "
                    f"{p.returncode}"]
        try:
            got = {x["id"]: x for x in
                   json.loads(p.stdout.decode("utf-8"))["rows"]}
        except Exception:  # noqa: BLE001 (judge reports it)
            return []
        for rid, t, (kind, n), ref in self.tp_rows:
            row = got.get(rid)
            if row is None:
                return [f"row {rid} (tp {t!r}) missing"]
            if kind == "tep" and (row["status"] == "ok" or "attention "
                                  "tensor parallel" not in (row["reason"]
                                                            or "")):
                return [f"tp {t!r} modelled or without its reason"]
            if kind == "none" and row["status"] == "ok":
                return [f"tp {t!r} (none) modelled"]
            if ref and row.get("predicted") != got[ref].get("predicted"):
                return [f"tp {t!r} predicts {row.get('predicted')}, its "
                        f"number {got[ref].get('predicted')}"]
        return []

    NODE_FIG = {"n4": (147.0, 2.86), "n5": (138.2, 2.86), "n7": (96.3, 2.22)}

    def t_nodechip(self):
        """area --json of sohu-design's text on a node (n4, n5, n7, or
        one that is not), its [preset] at the top or the bottom, with the
        density, the SRAM share and the node's densities set at edges."""
        r = self.rng
        src = open(os.path.join(DATA, "chips", "sohu-design.ini"),
                   "rb").read()
        body = re.sub(rb"(?m)^\[preset\]\n.*\n?", b"", src)
        node = r.choice(["n4", "n5", "n7", "n4", "n9", "../nodes/n5", ""])
        pre = b"[preset]\nnode = %s\n" % node.encode()
        self.node_texts = (pre + body, body + b"\n" + pre)
        if r.random() < 0.5:
            # README's recipe: a file building on sohu-design naming the
            # node, with keys of its own, in either order of its lines
            own = b"[chip]\ntdp_w = %s\n[design]\nclock_ghz = %s\n" % (
                r.choice([b"500", b"700", b"1000", b"0.5"]),
                r.choice([b"1.2", b"1.5", b"2.5"]))
            self.node_texts = (
                b"[preset]\nchip = sohu-design\nnode = %s\n%s"
                % (node.encode(), own),
                b"%s[preset]\nnode = %s\nchip = sohu-design\n"
                % (own, node.encode()))
        self.put("p.ini", self.node_texts[r.randrange(2)])
        argv = ["area", "--chip", "p.ini", "--json"]
        self.node_sets = {}
        for key, vals in (
                ("design.density_mtr_per_mm2",
                 ["1", "50", "96.3", "96.4", "97.3", "97.33", "98.3",
                  "137.2", "137.3", "138.2", "138.3", "147", "147.1",
                  "1000", "0", "-1", "nan", "1e309"]),
                ("design.frac_sram", ["0", "0.05", "0.1", "0.5", "0.9",
                                      "1", "1e-9", "-0.1", "nan"]),
                ("node.logic_mtr_per_mm2", ["10", "96.3", "137.28", "200",
                                            "0", "1e5"]),
                ("node.sram_mb_per_mm2", ["0.1", "2.22", "2.86", "10",
                                          "0", "1e5"])):
            if r.random() < 0.5:
                v = r.choice(vals)
                self.node_sets[key] = v
                argv += ["--set", f"{key}={v}"]
        if "design.frac_sram" in self.node_sets:  # room for the SRAM
            argv += ["--set", "design.frac_mac=0.05"]
        self.node_name = node
        return argv

    def nodechip_check(self, argv, p):
        # the other order of the lines gives the same output (6a855dc)
        a, b = self.node_texts
        cur = open(self.path("p.ini"), "rb").read()
        self.put("p.ini", b if cur == a else a)
        q = self.rl(*argv)
        self.put("p.ini", cur)
        if (q.returncode, q.stdout) != (p.returncode, p.stdout):
            return [f"node {self.node_name!r}: [preset] at the top and the "
                    f"bottom differ (exit {p.returncode}, {q.returncode})"]
        if p.returncode != 0 or self.node_name not in self.NODE_FIG:
            return []
        try:
            js = json.loads(p.stdout.decode("utf-8"))
        except Exception:  # noqa: BLE001 (judge reports it)
            return []
        logic, sram = self.NODE_FIG[self.node_name]
        sv = self.node_sets
        logic = float(sv.get("node.logic_mtr_per_mm2", logic))
        sram = float(sv.get("node.sram_mb_per_mm2", sram))
        s = float(sv.get("design.frac_sram", 0.1))
        dens = js["die"]["density_mtr_per_mm2"]
        sram_tr = sram * 8 * 6
        lim = logic if s <= 0 or sram_tr <= logic else \
            min(s, 1) * sram_tr + (1 - min(s, 1)) * logic
        flagged = any(v.startswith("density:") for v in js["violations"])
        if logic > 0 and abs(dens / lim - 1) > 1e-6 and \
                flagged != (dens > lim):
            return [f"density {dens} against the limit {lim:.6g} "
                    f"({self.node_name}, {sv}): flagged {flagged}"]
        return []

    SCEN_CHIPS = ["h100-sxm", "sohu-design", "sohu", "l40s", "b200",
                  "a100-pcie", "h200-sxm"]
    SCEN_MODELS = ["llama3-8b", "llama3-70b"]
    SCEN_PROFILES = ["trtllm-0.10", "ideal", "etched-claim", "trtllm-1.0"]

    def t_scenrepl(self):
        """eval --json of a scenario naming a chip (and at times a node),
        a model and a profile, with --chip, --model or --profile after
        it, against the scenario with that line replaced (and, for a
        chip, its node line gone: a chip brings its own)."""
        r = self.rng
        pre = {"chip": r.choice(self.SCEN_CHIPS),
               "model": r.choice(self.SCEN_MODELS),
               "profile": r.choice(self.SCEN_PROFILES)}
        if r.random() < 0.4:
            pre["node"] = r.choice(["n4", "n5", "n7"])
        order = list(pre)
        r.shuffle(order)
        scen = (b"[scenario]\nprecision = %s\nisl = %d\nosl = %d\ntp = %d\n"
                b"chips = 8\n" % (r.choice([b"fp8", b"bf16"]),
                                  r.choice([128, 2048]),
                                  r.choice([128, 2048]),
                                  r.choice([1, 2, 8])))

        def text(d):
            return b"[preset]\n" + b"".join(
                b"%s = %s\n" % (k.encode(), d[k].encode())
                for k in order if k in d) + scen
        kind = r.choice(["chip", "model", "profile"])
        new = r.choice({"chip": self.SCEN_CHIPS, "model": self.SCEN_MODELS,
                        "profile": self.SCEN_PROFILES}[kind])
        repl = dict(pre, **{kind: new})
        if kind == "chip":
            repl.pop("node", None)
        self.scen_texts = (text(pre), text(repl))
        self.put("sc.ini", self.scen_texts[0])
        self.scen_what = (kind, new, pre)
        return ["eval", "--scenario", "sc.ini", "--" + kind, new, "--json"]

    def scenrepl_check(self, argv, p):
        self.put("sc.ini", self.scen_texts[1])
        q = self.rl("eval", "--scenario", "sc.ini", "--json")
        self.put("sc.ini", self.scen_texts[0])
        # (where the profile was named is said: setup.profile_chosen)
        def bare(out):
            return re.sub(rb'(?m)^ *"profile_chosen": .*$', b"", out)
        if (q.returncode, bare(q.stdout)) != (p.returncode, bare(p.stdout)):
            kind, new, pre = self.scen_what
            return [f"--{kind} {new} after a scenario of {pre} differs from "
                    f"the scenario naming it (exit {p.returncode}, "
                    f"{q.returncode})"]
        return []


    # ---- review27: targets, sweepopts, repeat, valrepdb
    TGT_VALUES = ["1e-9", "1.0000000001e-9", "9.99999e-10", "1e6",
                  "1000000.0000001", "1e-3", "0.03", "0.04", "0.05", "0.5",
                  "2", "1e5", "0", "-1", "nan", "inf", "1e-320", "0x1p-4",
                  " 0.5", "0.5 ", "1,5", "", "\u0661", "0.03\x01"]
    TGT_PCTS = ["", "", "", "p50-", "p99-", "p99.9-", "p0.0001-",
                "p99.99999999-", "p050-", "p1e1-", "p100-", "p0-", "p-1-",
                "p+99-", "pnan-", "pinf-", "p 99-", "p99e0-",
                "p\u0669\u0669-", "p0x1p6-", "p1e-320-", "p" + "9" * 40 + "-"]

    def t_targets(self):
        """curve and map under latency targets: --ttft-/--tpot- (and map's
        --e2e-) max at the ends of [1e-9, 1e6] s and past them, tokens,
        percentile forms (pNN at ends, exponents, signs, Unicode digits),
        a target given twice; checked against the JSON's own figures."""
        r = self.rng
        cmd = r.choice(["curve", "curve", "map"])
        chip = r.choice(["h100-sxm", "h200-sxm", "b200", "h100-sxm,h200-sxm",
                         "sohu"])
        argv = [cmd, "--chip", chip if cmd == "curve" else chip.split(",")[0],
                "--model", r.choice(["llama3-8b", "llama3-70b"]),
                "--precision", "fp8", "--isl", r.choice(["128", "2048"]),
                "--osl", r.choice(["1", "128"]), "--chips", "2"]
        if cmd == "curve" and r.random() < 0.5:
            argv += ["--tp", r.choice(["1", "2", "1,2"])]
        self.tgt_given = []
        for _ in range(r.randint(1, 3)):
            m = r.choice(["ttft", "tpot"] + ["e2e"] * (cmd == "map"))
            # most runs answer (a mean target, a number in range), the
            # rest test the refusals
            pct = r.choice(self.TGT_PCTS) if r.random() < 0.4 else \
                ("p%g-" % r.choice([50, 90, 99]) if cmd == "map" and
                 m != "e2e" and r.random() < 0.5 else "")
            v = r.choice(self.TGT_VALUES) if r.random() < 0.3 else \
                "%.6g" % (10 ** r.uniform(-4, 1))
            name = f"--{m}-{pct}max"
            argv += [f"{name}={v}"] if r.random() < 0.3 else [name, v]
            self.tgt_given.append((m, pct, v))
        return argv + ["--json"] * (r.random() < 0.8)

    @staticmethod
    def tgt_ok(value, mx, met):
        """Whether met agrees with value <= mx, but within 10 digits of
        the boundary (the JSON's rounding)."""
        if value is None or mx is None:
            return True
        if abs(value - mx) <= 1e-9 * max(abs(mx), 1e-300):
            return True
        return met == (value <= mx)

    def targets_check(self, argv, p):
        given = [(m, pct) for m, pct, _ in self.tgt_given]
        plain = lambda pct: pct == "" or pct == "p99-"  # noqa: E731
        if len(set(given)) < len(given) and all(plain(x) for _, x in given) \
                and p.returncode == 0:
            return [f"a target given twice accepted: {self.tgt_given!r}"]
        if p.returncode != 0 or "--json" not in argv:
            return []
        try:
            d = json.loads(p.stdout.decode("utf-8"))
        except Exception:  # noqa: BLE001 (judge reports it)
            return []
        why = []
        if argv[0] == "curve":
            tg = [(t["metric"], t["max_s"]) for t in d.get("targets") or []]
            met = {}
            for s in d["series"]:
                for pt in s["points"]:
                    vals = [pt.get(f"{m}_s") for m, _ in tg]
                    ok = all(v is not None and v <= mx * (1 + 1e-9)
                             for v, (_, mx) in zip(vals, tg))
                    clear = all(v is not None and v <= mx * (1 - 1e-9)
                                for v, (_, mx) in zip(vals, tg))
                    if pt.get("meets_targets") and (not ok or pt["over_tdp"]):
                        why.append(f"curve point meets targets {tg} with "
                                   f"{vals} (over_tdp {pt['over_tdp']})")
                    if pt.get("meets_targets") is False and clear and \
                            not pt["over_tdp"] and \
                            pt["output_tokens_per_s_per_chip"]:
                        why.append(f"curve point misses targets {tg} with "
                                   f"{vals}")
                    if pt.get("meets_targets"):
                        met.setdefault(s["chip"], []).append(pt)
            for fr in d.get("pareto_under_targets") or []:
                pts = met.get(fr["chip"], [])
                for q in fr["points"]:
                    x, y = q["tokens_per_s_per_user"], \
                        q["output_tokens_per_s_per_chip"]
                    if not any(abs(x - o["tokens_per_s_per_user"]) <= 1e-9 * x
                               and abs(y - o["output_tokens_per_s_per_chip"])
                               <= 1e-9 * y for o in pts):
                        why.append(f"front point ({x}, {y}) of {fr['chip']} "
                                   "is no point that meets the targets")
                    if any(o["tokens_per_s_per_user"] >= x * (1 + 1e-9) and
                           o["output_tokens_per_s_per_chip"] >= y * (1 + 1e-9)
                           for o in pts):
                        why.append(f"front point ({x}, {y}) of {fr['chip']} "
                                   "dominated by a point meeting the targets")
            return why[:3]
        best = None
        for mp in d.get("mappings") or []:
            ut = mp.get("under_targets")
            if ut and ut.get("met") and (best is None or
                                         ut["output_tokens_per_s"] >
                                         best[1]["output_tokens_per_s"]):
                best = (mp, ut)
        but = d.get("under_targets")
        if but and but.get("best_under_targets"):
            b = but["best_under_targets"]
            for t in b.get("targets") or []:
                if not self.tgt_ok(t.get("value_s"), t.get("max_s"),
                                   t.get("met")):
                    why.append(f"map target {t} met wrongly")
            if best and b.get("met") and (
                    best[0]["tp"], best[0]["pp"], best[0]["dp"],
                    best[0]["ep"]) != (but["tp"], but["pp"], but["dp"],
                                       but["ep"]) and \
                    best[1]["output_tokens_per_s"] > 1.000001 * b["load"][
                        "output_tokens_per_s"]:
                why.append("map's best under targets is not the mapping "
                           "serving most under them")
        return why[:3]

    SW_VALUES = ["1", "2", "3", "7", "1024", "1025", "0", "-1", "2.0", "02",
                 " 2", "0x2", "2e0", "1e8", "100000001", "", "nan", "\u0662"]

    def t_sweepopts(self):
        """sweep of a 30-point grid with --threads/--jobs and
        --points-per-commit/--batch (each spelling, '=' forms, values at
        and past their ranges, one option under both spellings or
        twice): stored rows as a plain sweep's, or exit 2."""
        r = self.rng
        spec = ("[meta]\nname = so\n[base]\nchip = h100-sxm\nmodel = "
                "llama3-8b\nprofile = ideal\nset = scenario.precision=fp8\n"
                "set = scenario.isl=128\nset = scenario.osl=128\n[axes]\n"
                "scenario.batch = 1, 2, 4, 8, 16, 32, 64, 128, 256, 512\ndesign.frac_mac = 0.3, 0.4, "
                "0.5\n[sampling]\nmethod = grid\n")
        self.put("so.ini", spec.encode())
        if not getattr(self, "so_ref", None):
            self.rm("so_ref.db")
            self.rl("sweep", "so.ini", "--db", "so_ref.db")
            self.so_ref = self.so_rows("so_ref.db")
        self.rm("so.db", "so.db-wal", "so.db-shm")
        argv = ["sweep", "so.ini", "--db", "so.db"]
        self.so_names = []
        for _ in range(r.randint(1, 3)):
            o = r.choice(["--threads", "--jobs", "--points-per-commit",
                          "--batch"])
            v = r.choice(self.SW_VALUES)
            argv += [f"{o}={v}"] if r.random() < 0.3 else [o, v]
            self.so_names.append(o)
        if r.random() < 0.2:
            argv += ["--shard", r.choice(["0/2", "1/2"])]
        return argv

    def so_rows(self, db):
        con = sqlite3.connect(self.path(db))
        cols = [c[1] for c in con.execute("PRAGMA table_info(points)")
                if c[1] not in ("run_id",)]
        rows = con.execute("SELECT %s FROM points ORDER BY idx" %
                           ", ".join(cols)).fetchall()
        con.close()
        return rows

    def sweepopts_check(self, argv, p):
        canon = {"--jobs": "--threads", "--batch": "--points-per-commit"}
        seen = [canon.get(o, o) for o in self.so_names]
        twice = len(set(seen)) < len(seen)
        why = []
        if twice:
            # (a value out of range may be refused first)
            if p.returncode != 2:
                why.append(f"{self.so_names} not refused as given twice "
                           f"(exit {p.returncode})")
        if p.returncode == 0:
            got = self.so_rows("so.db")
            ref = self.so_ref
            if "--shard" not in argv and got != ref:
                why.append(f"rows differ from a plain sweep's ({len(got)} "
                           f"against {len(ref)})")
            if "--shard" in argv and not set(got) <= set(ref):
                why.append("a shard's rows are not the plain sweep's")
        self.rm("so.db", "so.db-wal", "so.db-shm")
        return why

    REP_VERSIONS = ["0.11.0", "0.12.0", "0.13.0", "0.14.0", "0.15.0",
                    "0.12.0", "0.13.0", "", " 0.12.0", "0.12.0 ", "v0.12.0",
                    "0.12", "\u00e9\u2202", "\udcff", "0.12.0\t", "'\"",
                    "a,b", "9" * 300, "0.20-post(main)", "1.0(main)",
                    "`touch PW`"]

    # versions the emulation takes: the table's own (1), or ones it lacks
    # (0) that no spelling rule merges with another
    REP_CLEAN = {"0.11.0": 1, "0.12.0": 1, "0.13.0": 1, "0.14.0": 1,
                 "0.15.0": 1, "0.20-post(main)": 1, "1.0(main)": 1,
                 "\u00e9\u2202": 0, "'\"": 0, "a,b": 0, "`touch PW`": 0}

    def t_repeat(self):
        """validate --measurements of llama3-8b rows on an H100 whose
        cells recur across versions (the same cell twice in one version,
        versions missing from harness.csv, odd version strings, invalid
        UTF-8, values 1e-300 to 1e300): the JSON's repeatability pairs are
        the pairs emulated here (a cell twice in one table left out),
        their figures consistent, and the text lists as many."""
        r = self.rng
        head = ("id,software,version,chip,gpus,model,precision,isl,osl,tp,"
                "pp,batch_or_concurrency,request_rate,metric,value")
        rows = [head]
        self.rep_rows = []
        for i in range(r.randint(2, 12)):
            v = r.choice(self.REP_VERSIONS)
            isl = r.choice([128, 256, 512])
            val = r.choice([1000, 1010, 1500, 2000, 999.5, 1e-300, 1e300,
                            5e-324, 1e5])
            vq = v if not any(c in v for c in ',"\n\t ') else \
                '"' + v.replace('"', '""') + '"'
            rows.append(f"q{i},TensorRT-LLM,{vq},h100-sxm,1,llama3-8b,fp8,"
                        f"{isl},128,1,1,,,tokens_per_s,{val!r}")
            self.rep_rows.append((v, isl, val))
        self.put("rep.csv", "\n".join(rows).encode("utf-8",
                                                   "surrogateescape") + b"\n")
        return ["validate", "--measurements", "rep.csv"] + \
            ["--json"] * (r.random() < 0.7)

    def repeat_check(self, argv, p):
        if p.returncode != 0:
            return []
        if "--json" not in argv:
            return []
        try:
            d = json.loads(p.stdout.decode("utf-8"))
        except Exception:  # noqa: BLE001 (judge reports it)
            return []
        why = []
        got = d.get("repeatability") or []
        # emulated where every version is written as the version table
        # writes it, or is one it lacks that no spelling rule could merge
        # with another: per version the isl values held once (a cell twice
        # in one table is left out); a pair per two versions sharing one,
        # of one quantity (a version the table lacks keeps tokens_per_s,
        # one it has output_tokens_per_s)
        if all(v in self.REP_CLEAN for v, _, _ in self.rep_rows):
            byv = {}
            for v, isl, val in self.rep_rows:
                byv.setdefault(v, []).append((isl, val))
            once = {v: {x: y for x, y in lst
                        if [z for z, _ in lst].count(x) == 1}
                    for v, lst in byv.items()}

            def shared(a, b):
                # a cell whose ratio, or 100 times it, no double holds
                # is left out (valrepeat.c)
                n = 0
                for x in set(once[a]) & set(once[b]):
                    p, q = once[a][x], once[b][x]
                    r1, r2 = q / p, p / q
                    n += r1 > 0 and r2 > 0 and math.isfinite(100 * r1) \
                        and math.isfinite(100 * r2)
                return n
            vs = list(once)
            want = sorted(n for i, a in enumerate(vs) for b in vs[i + 1:]
                          if self.REP_CLEAN[a] == self.REP_CLEAN[b]
                          for n in [shared(a, b)] if n)
            if sorted(x["cells"] for x in got) != want:
                why.append(f"pairs' cells {sorted(x['cells'] for x in got)}"
                           f", emulated {want}")
        for x in got:
            if x["harness"] not in ("same", "changed", "unknown"):
                why.append(f"harness {x['harness']!r}")
            if x["adjacent"] and x["harness"] == "unknown":
                why.append("adjacent with an unknown harness")
            if x["version_a"] == x["version_b"]:
                why.append("a pair of one version")
            ma, pa = x["median_abs_change"], x["p90_abs_change"]
            if ma is not None and (ma < 0 or (pa is not None and
                                              pa < ma * (1 - 1e-9))):
                why.append(f"median {ma} and p90 {pa} |change|")
        plain = [a for a in argv if a != "--json"]
        if "--db" in plain:  # the text alone, not stored twice
            del plain[plain.index("--db"):plain.index("--db") + 2]
        t = self.rl(*plain)
        text = t.stdout.decode("utf-8", "replace")
        sec = text.split("repeatability of the measurements", 1)
        if t.returncode != 0 or len(sec) < 2:
            why.append(f"text run: exit {t.returncode}, no section")
        else:
            body = sec[1].split("\n\n", 1)[0]
            n = len(re.findall(r"(?m)^  .* -> .*%", body))
            if n != len(got):
                why.append(f"text lists {n} pairs, JSON {len(got)}")
        return why[:3]

    def t_valrepdb(self):
        """report of a claim database whose validation_repeat or
        validation_runs.repeat_pairs is edited by hand: cells of other
        types, hostile text, a column dropped or added, the table
        dropped, rows of another run; exit 0 only where every read cell
        of an adjacent pair is a number, the output UTF-8 and whole."""
        r = self.rng
        self.rm("vr.db")
        shutil.copy(os.path.join(self.seeds, "claim.db"), self.path("vr.db"))
        con = sqlite3.connect(self.path("vr.db"))
        cols = ["version_a", "version_b", "cells", "median_abs_change",
                "p90_abs_change", "median_change", "harness", "adjacent"]
        for _ in range(r.randint(1, 3)):
            op = r.randrange(10)
            try:
                if op <= 5:
                    con.execute(f"UPDATE validation_repeat SET "
                                f"{r.choice(cols)} = ? WHERE ord = ?",
                                (r.choice(SQL_VALUES + ["same", "changed",
                                                        "unknown", "12"]),
                                 r.randrange(20)))
                elif op == 6:
                    con.execute(f"ALTER TABLE validation_repeat DROP COLUMN "
                                f"{r.choice(cols)}")
                elif op == 7:
                    con.execute("ALTER TABLE validation_repeat ADD COLUMN "
                                "extra TEXT DEFAULT 'x'")
                elif op == 8:
                    con.execute("UPDATE validation_runs SET repeat_pairs = ?",
                                (r.choice(SQL_VALUES),))
                else:
                    con.execute("DROP TABLE validation_repeat")
            except sqlite3.Error:
                pass
        con.commit()
        con.close()
        out = r.choice(["r.md", "r.html"])
        return ["report", "--db", "vr.db", "--out", out, "--no-plots"]

    def valrepdb_check(self, argv, p):
        if p.returncode != 0:
            return []
        con = sqlite3.connect(self.path("vr.db"))
        bad = []
        try:
            run = con.execute("SELECT max(id) FROM validation_runs "
                              "WHERE repeat_pairs IS NOT NULL").fetchone()[0]
            last = con.execute("SELECT max(id) FROM validation_runs"
                               ).fetchone()[0]
            if run is not None and run == last:
                bad = con.execute(
                    "SELECT ord, typeof(median_abs_change), "
                    "typeof(p90_abs_change), typeof(median_change), "
                    "typeof(cells), harness FROM validation_repeat WHERE "
                    "run_id = ? AND adjacent != 0", (run,)).fetchall()
        except sqlite3.Error:
            bad = []
        con.close()
        why = []
        for b in bad:
            if any(t in ("text", "blob") for t in b[1:4]) or \
                    b[4] != "integer" or b[5] not in ("same", "changed",
                                                      "unknown"):
                why.append(f"report read validation_repeat pair {b[0]} "
                           f"holding {b[1:]} (exit 0)")
                break
        out = [a for a in argv if a in OUTPUTS][0]
        if os.path.exists(self.path(out)):
            txt = open(self.path(out), "rb").read()
            try:
                s = txt.decode("utf-8")
                if re.search(r"\bnan%|\binf%", s):
                    why.append("nan% or inf% in the report")
            except UnicodeDecodeError:
                why.append("report not UTF-8")
        return why

    # ---- fuzz3: hostile --set values for every parameter, structural CSV
    # hostility, code in a database's text cells, sweeps onto foreign files
    SETX_VALUES = ["1e308", "-1e308", "1e309", "-1e309", "nan", "NaN",
                   "-nan", "inf", "-inf", "Infinity", "", "  ", " 1", "1 ",
                   "-1", "-0", "0", "1e-320", "5e-324",
                   "2.2250738585072014e-308", "9007199254740993",
                   "18446744073709551616", "9" * 400, "0x10", "0x1p3", "1e",
                   "e5", "1.", ".", "+1", "++1", "1,5", "1_000", "1e+",
                   "\uff11", "\u0661", "\u00e9", "\udcff", "\udcc3",
                   "\udced\udca0\udc80", "1\udcff", "a" * 100000,
                   "1" * 5000, "0." + "0" * 5000 + "1", "true", "false",
                   "yes", "fp8", "bf16", "h100-sxm", "$(touch PW)",
                   "`touch PW`", "1;touch PW", "\n", "1\n2", "1\t", "\x7f",
                   "\x01", "1e308*10", "2e308", "-2", "0.5", "3", "1e6",
                   "1e12", "\u202e1"]
    SETX_KEYS = ["=1", "chip.=1", ".x=1", "chip.hbm_tbps", "chip.hbm_tbps==1",
                 "CHIP.HBM_TBPS=1", "chip.hbm_tbps =1", " chip.hbm_tbps=1",
                 "chip.hbm_tbps= 1", "chip.\u00e9=1", "chip.\udcff=1",
                 "chip." + "a" * 100000 + "=1", "chip.hbm_tbps.x=1",
                 "hbm_tbps=1", "chip..hbm_tbps=1", "\udcff=\udcff", "=",
                 "chip.hbm_tbps=1=2", "scenario.precision=fp8,bf16"]
    NUMLIKE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")

    def t_setx(self):
        """every parameter of `rooflab params` given a hostile value (or a
        hostile key) by --set on eval, area, curve or map, or as a sweep's
        [base] set line or axis."""
        r = self.rng
        sets = []
        for _ in range(r.choice([1, 1, 1, 2, 3])):
            if r.random() < 0.1:
                sets.append(r.choice(self.SETX_KEYS))
                continue
            p = r.choice(self.params)
            v = r.choice(self.SETX_VALUES)
            if r.random() < 0.3:
                v = r.choice([repr(p["min"]), repr(p["max"]),
                              repr(p["max"] * 2 + 1), repr(-p["max"]),
                              repr(p["min"] - 1)]) if "|" not in p["range"] \
                    else r.choice(p["range"].split("|")) + \
                    r.choice(["", " ", "\udcff", "X", "|"])
            sets.append(f"{p['name']}={v}")
        self.setx_sets = sets
        how = r.random()
        if how < 0.15:  # a sweep's [base] set line, or an axis list
            self.rm("x.db")
            body = ("[meta]\nname = x\n[base]\nchip = h100-sxm\n"
                    "model = llama3-8b\nprofile = ideal\n"
                    "set = scenario.isl=128\nset = scenario.osl=16\n")
            k, _, v = sets[0].partition("=")
            if r.random() < 0.5:
                body += "".join(f"set = {x}\n" for x in sets)
                body += "[axes]\nscenario.batch = 1, 2\n"
            else:
                body += f"[axes]\n{k} = {v}, {v}\n"
            self.put("x.ini", body.encode("utf-8", "surrogateescape"))
            return ["sweep", "x.ini", "--db", "x.db"]
        cmd = r.choice(["eval", "eval", "eval", "area", "curve", "map"])
        argv = [cmd, "--chip", r.choice(["h100-sxm", "sohu", "b200",
                                         "sohu-design", "l40s"])]
        if cmd != "area":
            argv += ["--model", r.choice(["llama3-8b", "mixtral-8x7b",
                                          "llama3-70b"]),
                     "--profile", r.choice(["trtllm-0.15", "ideal"])]
        if cmd == "map":
            argv += ["--chips", "8"]
        for x in sets:
            argv += ["--set", x.replace("\x00", "")]
        return argv + ["--json"] * (r.random() < 0.7)

    def setx_check(self, argv, p):
        why = []
        why += self.stderr_clean(p.stderr)
        if os.path.exists(self.path("PW")):
            why.append("a --set value ran as a command (PW made)")
            self.rm("PW")
        if p.returncode == 0:
            by = {q["name"]: q for q in self.params}
            for s in self.setx_sets:
                k, _, v = s.partition("=")
                q = by.get(k)
                if not q or "|" in q["range"] or not self.NUMLIKE.match(v):
                    continue
                x = float(v)
                if not math.isfinite(x) or x < q["min"] or x > q["max"]:
                    why.append(f"{k}={v[:30]} accepted outside "
                               f"[{q['min']}, {q['max']}]")
        return why

    def t_csvx(self):
        """validate --measurements (and calibrate) of a CSV made hostile in
        its structure: BOM, CRLF, CR alone, NUL, quotes (embedded commas,
        newlines, unterminated), 1e6 columns in the header or a row, a
        megabyte field, columns dropped or repeated, ids repeated, empty."""
        r = self.rng
        head = self.csv[0]
        rows = r.sample(self.csv[1:-1], r.randint(1, 8))
        cal = r.random() < 0.1
        if cal:
            rows = [x for x in self.csv if b",0.15.0," in x][:30]
        lines = [head] + rows
        for _ in range(r.randint(1, 3)):
            op = r.randrange(16)
            i = r.randrange(len(lines))
            f = lines[i].split(b",")
            if op == 0:
                lines[0] = b"\xef\xbb\xbf" + lines[0]
            elif op == 1:  # a quoted field, at times with a comma, a
                # doubled quote or a newline in it
                j = r.randrange(len(f))
                f[j] = b'"' + f[j] + r.choice([b"", b",x", b'""', b"\nx",
                                               b"\r\n", b""]) + b'"'
                lines[i] = b",".join(f)
            elif op == 2:  # an unterminated quote
                j = r.randrange(len(f))
                f[j] = b'"' + f[j]
                lines[i] = b",".join(f)
            elif op == 3:  # a NUL in a line
                pos = r.randrange(len(lines[i]) + 1)
                lines[i] = lines[i][:pos] + b"\x00" + lines[i][pos:]
            elif op == 4:  # many columns in the header
                lines[0] += b"".join(b",x%d" % k for k in
                                     range(r.choice([10, 1000, 1000000])))
            elif op == 5:  # many fields in a row
                lines[i] += b"," * r.choice([10, 1000, 1000000])
            elif op == 6:  # a megabyte field
                j = r.randrange(len(f))
                f[j] = r.choice([b"a", b"9", b"\xc3\xa9", b"\xff"]) * \
                    r.choice([1000, 1000000])
                lines[i] = b",".join(f)
            elif op == 7:  # a header column dropped
                h = lines[0].split(b",")
                del h[r.randrange(len(h))]
                lines[0] = b",".join(h)
            elif op == 8:  # a header column repeated
                h = lines[0].split(b",")
                h.append(r.choice(h))
                lines[0] = b",".join(h)
            elif op == 9 and len(lines) > 1:  # a row twice, or its id on
                # another row
                k = r.randrange(1, len(lines))
                if r.random() < 0.5:
                    lines.append(lines[k])
                else:
                    g = lines[r.randrange(1, len(lines))].split(b",")
                    g[0] = lines[k].split(b",")[0]
                    lines.append(b",".join(g))
            elif op == 10:
                lines = r.choice([[], [head], [b""], [b"\xef\xbb\xbf"],
                                  [head, b""], [b","], [b'"']])
                if not lines:
                    lines = [b""]
            elif op == 11:  # blanks around fields
                lines[i] = b",".join(b" " + x + b"\t" for x in f)
            elif op == 12:  # a trailing comma, or blank lines
                lines[i] += r.choice([b",", b"\n\n", b"\n \n", b"\n#x"])
            elif op == 13:  # a field replaced by a token
                j = r.randrange(len(f))
                f[j] = r.choice(TOKENS + [b"1e308", b"-1e308", b"5e-324"])
                lines[i] = b",".join(f)
            elif op == 14:  # many rows
                lines += [lines[-1].replace(b",", b"x,", 1) + b"%d" % k
                          for k in range(r.choice([100, 5000]))]
            else:
                self.csv_ends = r.choice([b"\r\n", b"\r", b"\n\r"])
        ends = getattr(self, "csv_ends", b"\n")
        self.csv_ends = b"\n"
        self.put("m.csv", ends.join(lines) + r.choice([ends, b""]))
        if cal:
            return ["calibrate", "--profile", "trtllm-0.15",
                    "--measurements", "m.csv", "--no-loo", "--out", "o.ini"]
        argv = ["validate", "--measurements", "m.csv"]
        argv += r.choice([[], ["--json"], ["--json"], ["--strict", "--json"],
                          ["--db", "v.db"]])
        self.rm("v.db")
        return argv

    def csvx_check(self, argv, p):
        why = []
        if p.returncode == 2:
            msg = p.stderr.decode("utf-8", "replace")
            if "m.csv" not in msg:
                why.append("refusal names not m.csv: " + msg.strip()[:100])
        why += self.stderr_clean(p.stderr)
        return why

    GP_VALUES = ["x\"\nsystem \"touch PW\"\n#", "x'\nsystem 'touch PW'\n#",
                 "`touch PW`", "x\\\nsystem 'touch PW'",
                 "'.system('touch PW').'", "\".system(\"touch PW\").\"",
                 "@GPVAL_TERM", "x\r\nsystem 'touch PW'",
                 "x;system 'touch PW'", "x\"; system \"touch PW\"; print \"",
                 "x'; system 'touch PW'; print '", "x\\'; system 'touch PW'",
                 "x\\\"; system \"touch PW\"; #", "\x00system 'touch PW'",
                 "{/Symbol a}", "%s%n%s", "\\", "\"", "'",
                 "<script>alert(PW)</script>", "</svg><x>", "&amp;<&",
                 "x'); DROP TABLE runs; --", "x\"); DROP TABLE points; --",
                 "\u202e\u00e9\udcff", "a" * 5000, "x\x1by\x07", "]]>"]

    def t_gpx(self):
        """plot, report and export of a claim or sweep database whose text
        cells hold gnuplot, shell, SQL, HTML or SVG code (or invalid UTF-8):
        nothing runs, the output is well formed."""
        r = self.rng
        name = r.choice(["claim.db", "sweep.db", "filt.db"])
        self.rm("g3.db", "g3.db-wal", "g3.db-shm", "o.svg", "r.html",
                "r.md", "o.txt")
        shutil.copy(os.path.join(self.seeds, name), self.path("g3.db"))
        con = sqlite3.connect(self.path("g3.db"))
        cells = []
        for (t,) in con.execute("SELECT name FROM sqlite_master WHERE "
                                "type='table'"):
            for c in con.execute(f'PRAGMA table_info("{t}")'):
                if "TEXT" in c[2].upper() or c[2] == "":
                    cells.append((t, c[1]))
        for _ in range(r.randint(1, 6)):
            t, c = r.choice(cells)
            v = r.choice(self.GP_VALUES)
            if "\udcff" in v:
                v = v.encode("utf-8", "surrogateescape")
            try:
                con.execute(f'UPDATE "{t}" SET "{c}" = ?', (v,)) \
                    if r.random() < 0.5 else con.execute(
                    f'UPDATE "{t}" SET "{c}" = ? WHERE rowid IN (SELECT '
                    f'rowid FROM "{t}" ORDER BY random() LIMIT 2)', (v,))
            except sqlite3.Error:
                pass
        con.commit()
        con.close()
        if name != "claim.db":
            kind = r.choice(["heatmap", "pareto", "export"])
            if kind == "export":
                return ["export", "--db", "g3.db", "--format",
                        r.choice(["json", "csv"])]
            out = r.choice([["--out", "o.svg"], ["--term", "dumb"]])
            extra = []
            if kind == "heatmap":
                extra = r.choice([[], ["--z", "power_watts"]])
            return ["plot", kind, "--db", "g3.db", *out, *extra]
        kind = r.choice(["roofline", "factors", "tornado", "distribution",
                         "batch", "interactivity", "breakdown", "validation"])
        return r.choice([["report", "--db", "g3.db", "--out", "r.html"],
                         ["report", "--db", "g3.db", "--out", "r.md"],
                         ["report", "--db", "g3.db", "--out", "r.html",
                          "--no-plots"],
                         ["plot", kind, "--db", "g3.db", "--out", "o.svg"],
                         ["plot", kind, "--db", "g3.db", "--term", "dumb"]])

    def gpx_check(self, argv, p):
        import xml.etree.ElementTree as ET
        why = []
        for d in (self.work, "/tmp"):
            if os.path.exists(os.path.join(d, "PW")):
                why.append(f"code in a cell ran (PW made in {d})")
                os.remove(os.path.join(d, "PW"))
        con = sqlite3.connect(self.path("g3.db"))
        n = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        con.close()
        if n < 3:
            why.append("tables gone from the database")
        if p.returncode != 0:
            return why
        for f in ("o.svg", "r.html"):
            if not os.path.exists(self.path(f)):
                continue
            b = open(self.path(f), "rb").read()
            if b"<script>alert" in b or b"<x>" in b:
                why.append(f"{f}: markup from a cell unescaped")
            try:
                s = b.decode("utf-8")
            except UnicodeDecodeError:
                why.append(f"{f} not UTF-8")
                continue
            if f == "o.svg":
                try:
                    ET.fromstring(s)
                except ET.ParseError as e:
                    why.append(f"o.svg not XML: {e}")
        for f in os.listdir(self.work):
            if f.endswith(".svg") and f != "o.svg":
                b = open(self.path(f), "rb").read()
                try:
                    ET.fromstring(b.decode("utf-8"))
                except (ET.ParseError, UnicodeDecodeError) as e:
                    why.append(f"{f} (beside r.md) not UTF-8 XML: {e}")
                self.rm(f)
        return why

    def t_resumex(self):
        """sweep (at times --resume) onto a file that is not this spec's
        sweep database: a claim or validation database, a sweep database
        with its tables altered, dropped, made views, its user_version or
        application_id changed, a text file, an empty one."""
        r = self.rng
        self.rm("rx.db", "rx.db-wal", "rx.db-shm", "rx.db-journal")
        src = r.choice(["claim.db", "sweep.db", "sweep.db", "filt.db",
                        "shard0.db", "text", "empty"])
        if src == "text":
            self.put("rx.db", b"SQLite format 3\x00" + b"\xff" * 200)
        elif src == "empty":
            self.put("rx.db", b"")
        else:
            shutil.copy(os.path.join(self.seeds, src), self.path("rx.db"))
            con = sqlite3.connect(self.path("rx.db"))
            edits = [
                "DROP VIEW results", "DROP TABLE points",
                "DROP TABLE run_columns",
                "ALTER TABLE points RENAME TO points_old",
                "ALTER TABLE runs DROP COLUMN next_idx",
                "ALTER TABLE runs DROP COLUMN spec_hash",
                "ALTER TABLE points ADD COLUMN extra TEXT",
                "ALTER TABLE runs RENAME COLUMN spec TO spec2",
                "PRAGMA user_version = 99", "PRAGMA user_version = -1",
                "PRAGMA application_id = 1", "PRAGMA application_id = 0",
                "UPDATE runs SET spec_hash = 'x'",
                "UPDATE runs SET finished = NULL",
                "UPDATE runs SET next_idx = -5",
                "UPDATE runs SET spec_path = 'tiny.ini'",
                "UPDATE runs SET shard_count = 0",
                "DELETE FROM run_columns WHERE rowid % 2 = 0",
                "UPDATE run_columns SET name = 'x\"; DROP TABLE runs; --'",
                "CREATE TABLE points (x)", "CREATE VIEW runs AS SELECT 1",
                "CREATE TABLE runs (id INTEGER PRIMARY KEY, x TEXT)"]
            for _ in range(r.randint(0, 3)):
                try:
                    con.execute(r.choice(edits))
                except sqlite3.Error:
                    pass
            con.commit()
            con.close()
        self.rx_before = open(self.path("rx.db"), "rb").read()
        shutil.copy(os.path.join(self.seeds, "tiny.ini"),
                    self.path("tiny.ini"))
        argv = ["sweep", "tiny.ini", "--db", "rx.db"]
        if r.random() < 0.5:
            argv.append("--resume")
        return argv

    def resumex_check(self, argv, p):
        why = []
        if p.returncode == 2:
            msg = p.stderr.decode("utf-8", "replace")
            if "rx.db" not in msg:
                why.append("refusal names not rx.db: " + msg.strip()[:100])
            after = open(self.path("rx.db"), "rb").read() if \
                os.path.exists(self.path("rx.db")) else None
            if after != self.rx_before and not (self.rx_before == b"" and
                                                 after in (b"", None)):
                why.append("refused, yet rx.db changed")
        if p.returncode == 0:
            con = sqlite3.connect(self.path("rx.db"))
            try:
                n = con.execute("SELECT count(*) FROM points WHERE run_id = "
                                "(SELECT max(id) FROM runs)").fetchone()[0]
                m = con.execute("SELECT points, dropped FROM runs WHERE id ="
                                " (SELECT max(id) FROM runs)").fetchone()
                if m is None or n + (m[1] or 0) != m[0]:
                    why.append(f"run stored {n} points of {m}")
            except sqlite3.Error as e:
                why.append(f"exit 0 but the db reads not: {e}")
            con.close()
        return why

    JSONX_TEXT = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbf\xbe",
                  b"\xe2\x80\xa8", b"\x01\x02", b"\x7f", b"\x1b[31m",
                  b"\"", b"\\", b"\\u0000", b"\\ud800", b"</script>",
                  b"a" * 10000, b"\xc3\xa9" * 3000, b"x\ty", b"'", b"{}",
                  b"]]>", b"%s%n", b"\xf4\x90\x80\x80", b"\xc0\xaf",
                  b"nan", b"-inf", b"\xe2\x80\xae"]

    JNAMES = ["\udcff.ini", "j\"q.ini", "j\\b.ini", "j\x01.ini",
              "j\nx.ini", "\udced\udca0\udc80.ini", "j\u2028.ini", "-j.ini",
              "a b.ini", "\x1b[31mj\x07.ini", "j\u202e.ini", "a" * 127 + ".ini",
              "j.ini"]

    def t_jsonx(self):
        """eval, area, curve, map, claim and solve with --json on a chip,
        model, profile or scenario INI (by path) whose free text ([meta]
        name, software, a profile's notes) holds hostile bytes: the JSON
        must be strict UTF-8 (judge: json.loads, no lone surrogate)."""
        r = self.rng
        kind = r.choice(["chips", "models", "profiles", "scenarios"])
        src = {"chips": "h100-sxm.ini", "models": "llama3-8b.ini",
               "profiles": "trtllm-0.15.ini",
               "scenarios": "trtllm-128-128.ini"}[kind]
        lines = lines_of(os.path.join(DATA, kind, src))
        keys = [i for i, x in enumerate(lines)
                if re.match(rb"(name|software|fitted|leave_one\w*|notes?)"
                            rb"\s*=", x)]
        for _ in range(r.randint(1, 2)):
            v = b"".join(r.choice(self.JSONX_TEXT)
                         for _ in range(r.randint(1, 3)))
            v = v.replace(b"\n", b"").replace(b";", b"")
            if keys and r.random() < 0.8:
                i = r.choice(keys)
                k = lines[i].split(b"=")[0]
                lines[i] = k + b"= " + r.choice([b"", b"x "]) + v
            else:
                lines.insert(1, b"; " + v)
        # the file's name is the preset's name in the output
        for f in self.JNAMES:
            path = os.path.join(self.work, f).encode("utf-8",
                                                     "surrogateescape")
            if os.path.exists(path):
                os.remove(path)
        name = r.choice(["j.ini"] * 4 + self.JNAMES)
        self.jname = name
        with open(os.path.join(self.work, name).encode(
                "utf-8", "surrogateescape"), "wb") as f:
            f.write(b"\n".join(lines))
        opt = {"chips": "--chip", "models": "--model",
               "profiles": "--profile", "scenarios": "--scenario"}[kind]
        cmd = r.choice(["eval", "eval", "curve", "map", "area", "claim",
                        "solve"])
        if kind == "scenarios" and cmd in ("area", "claim", "solve"):
            cmd = "eval"
        if cmd == "area":
            return ["area", "--chip", self.jname if kind == "chips" else
                    "h100-sxm", "--json"]
        if cmd in ("claim", "solve"):
            side = kind != "models"
            if side is None:
                return ["eval", "--model", self.jname, "--chip", "h100-sxm",
                        "--json"]
            self.put("cj.ini", (
                "[claim]\nscenario = etched-bench\nsamples = 5\n[a]\n"
                "chip = h100-sxm\nprofile = trtllm-0.10\n[b]\n"
                + (f"chip = {self.jname}\nprofile = etched-claim\n" if kind ==
                   "chips" else f"chip = sohu\nprofile = {self.jname}\n"))
                .encode("utf-8", "surrogateescape"))
            if cmd == "claim":
                return ["claim", "--config", "cj.ini", "--no-design",
                        "--json"]
            return ["solve", "--config", "cj.ini", "--vary",
                    "b.chip.hbm_tbps", "--json"]
        argv = [cmd, opt, self.jname]
        if kind != "chips":
            argv += ["--chip", "h100-sxm"]
        if kind not in ("models", "scenarios"):
            argv += ["--model", "llama3-8b"]
        if cmd == "map":
            argv += ["--chips", "2"]
        return argv + ["--json"] * (r.random() < 0.7)

    def jsonx_check(self, argv, p):
        why = []
        if p.returncode == 0 and "--json" not in argv:
            if re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", p.stdout):
                why.append("text output holds a control byte")
        why += self.stderr_clean(p.stderr)
        return why

    @staticmethod
    def stderr_clean(err):
        """What is wrong with a command's stderr: not UTF-8, or a control
        byte besides tab and newline (setx, csvx and jsonx check it)."""
        try:
            e = err.decode("utf-8")
        except UnicodeDecodeError:
            return ["stderr not UTF-8"]
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", e):
            return ["stderr holds a control byte"]
        return []

    # ---- fuzz4: the option parsers and files landed since fuzz3
    RANK_KEYS = ["output-tps", "tokens-per-joule", "usd-cost", "usd-price",
                 "ttft", "tpot"]
    RANK_FIELDS = {"output-tps": ("throughput", "output_tokens_per_s", -1),
                   "tokens-per-joule": ("power", "output_tokens_per_joule",
                                        -1),
                   "usd-cost": ("cost", "usd_per_million_tokens_at_cost", 1),
                   "usd-price": ("cost", "usd_per_million_tokens_at_price",
                                 1),
                   "ttft": ("latency", "ttft_s", 1),
                   "tpot": ("latency", "tpot_s", 1)}

    def t_rankby(self):
        """map --json --rank-by KEY (hostile words at times) of a chip,
        model, precision and chip count, with or without latency targets
        and a --set that makes mappings not fit (hbm_gb) or run over the
        TDP: the mappings must be ranked as map --help says, those within
        the limits first, then the runnable, the ones that do not fit or
        are over their TDP last, by KEY (a null after every known figure;
        ties by output tokens/s), and best is the first."""
        r = self.rng
        key = r.choice(self.RANK_KEYS)
        if r.random() < 0.1:
            key = r.choice(["", "TTFT", "ttft ", "ttft,tpot", "output_tps",
                            "usd", "\udcff", "tpot=1", "-", "a" * 5000])
        self.rk_key = key
        chip = r.choice(["h100-sxm", "h100-sxm", "sohu", "sohu-design",
                         "a100-sxm", "mi300x", "b200", "l40s"])
        model = r.choice(["llama3-8b", "llama3-70b", "llama3-70b",
                          "mixtral-8x7b", "llama2-70b"])
        argv = ["map", "--chip", chip, "--model", model, "--chips",
                str(r.choice([1, 2, 4, 8, 8, 16, 6]))]
        if r.random() < 0.5:
            argv += ["--precision", r.choice(["fp8", "fp16", "bf16"])]
        if r.random() < 0.3 and chip != "sohu-design":
            argv += ["--set", "chip.hbm_gb=" + r.choice(["20", "40", "60",
                                                         "100"])]
        if r.random() < 0.2:
            argv += ["--set", "chip.tdp_w=" + r.choice(["50", "200", "400"])]
        for opt in ("--ttft-max", "--tpot-max"):
            if r.random() < 0.35:
                argv += [opt, r.choice(["0.001", "0.01", "0.05", "0.2",
                                        "1", "10"])]
        return argv + ["--rank-by", key, "--json"]

    def rankby_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        key = self.rk_key
        if key not in self.RANK_KEYS:
            if p.returncode != 2:
                why.append(f"--rank-by {key[:20]!r} not refused")
            elif b"--rank-by" not in p.stderr:
                why.append("the refusal names no --rank-by")
            return why
        if p.returncode != 0:
            return why
        try:
            d = json.loads(p.stdout)
        except ValueError:
            return why  # judge says it
        sec, fld, sign = self.RANK_FIELDS[key]
        if d.get("ranked_by", {}).get("key") != key:
            why.append("ranked_by does not name the key")
        m = d.get("mappings") or []

        def group(x):
            ok = x["fits"] and not x["over_tdp"]
            return (0 if x["meets_limits"] else 1, 0 if ok else 1)

        def val(x):
            v = (x.get(sec) or {}).get(fld)
            return v if isinstance(v, (int, float)) else None
        for a, b in zip(m, m[1:]):
            ga, gb = group(a), group(b)
            if ga > gb:
                why.append(f"a mapping of group {ga} ranked before one of "
                           f"{gb} (within limits, runnable)")
                break
            if ga < gb or ga[1]:
                continue
            va, vb = val(a), val(b)
            if va is None and vb is not None:
                why.append(f"an unknown {fld} ranked before a known one")
                break
            if va is None or vb is None:
                continue
            if sign * (va - vb) > 1e-9 * max(abs(va), abs(vb)):
                why.append(f"{fld} {va} ranked before {vb} ({key})")
                break
        best = d.get("best")
        if m and best and (best.get("tp"), best.get("pp"), best.get("ep")) \
                != (m[0]["tp"], m[0]["pp"], m[0]["ep"]):
            why.append("best is not the first mapping")
        return why

    SOLVE_TARGETS = {"speedup": (1, 1e-6, 1e9),
                     "output_tokens_per_s": (1, 1e-6, 1e12),
                     "output_tokens_per_s_per_chip": (1, 1e-6, 1e12),
                     "tpot_s": (-1, 1e-9, 1e6), "ttft_s": (-1, 1e-9, 1e6),
                     "output_tokens_per_joule": (1, 1e-6, 1e9),
                     "usd_per_million_tokens_at_cost": (-1, 1e-6, 1e9),
                     "usd_per_million_tokens_at_price": (-1, 1e-6, 1e9)}
    SOLVE_VALUES = {"speedup": ["20", "5", "1", "1e-6", "1e9", "0.5"],
                    "output_tokens_per_s": ["1000", "300000", "1e12",
                                            "50000"],
                    "output_tokens_per_s_per_chip": ["100", "5000", "1e5"],
                    "tpot_s": ["0.02", "0.001", "1", "1e-9", "1e6"],
                    "ttft_s": ["0.1", "0.01", "5", "1e6"],
                    "output_tokens_per_joule": ["1", "10", "0.1", "1e9"],
                    "usd_per_million_tokens_at_cost": ["0.1", "1", "0.01"],
                    "usd_per_million_tokens_at_price": ["1", "0.5", "10"]}

    def t_solvet(self):
        """solve --target KEY=X (each key at values inside and at the ends
        of its range, or a hostile form: case, blanks, '==', a list, past
        the range, nan, hex, 400 digits, invalid UTF-8) varying one or two
        parameters of a side: a well-formed target runs (exit 0, or 2
        naming --target where the side has no such figure); a malformed
        one is refused naming --target; and the JSON's rows agree with
        the target: a row met now has metric_now on the target's side of
        it, a feasible row metric_at_value there (1e-3), an infeasible one
        not met now metric_now on the other side."""
        r = self.rng
        k = r.choice(list(self.SOLVE_TARGETS))
        v = r.choice(self.SOLVE_VALUES[k])
        t = k + "=" + v if k != "speedup" or r.random() < 0.7 else v
        self.sv_ok = True
        if r.random() < 0.25:
            self.sv_ok = False
            t = r.choice([k.upper() + "=" + v, k + " =" + v, k + "= " + v,
                          k + "==" + v, k + "=" + v + ",1", k + "=nan",
                          k + "=inf", k + "=0x10", k + "=" + "9" * 400,
                          k + "=-" + v, "=" + v, k, k + "=",
                          k + "=\udcff", "\udcff=" + v, k + "=" + v + "x",
                          k + "=" + str(self.SOLVE_TARGETS[k][2] * 10),
                          k + "=" + str(self.SOLVE_TARGETS[k][1] / 10)])
        self.sv_target = t
        vary = r.sample(["b.chip.hbm_tbps", "b.profile.eff_compute",
                         "b.chip.peak_tflops_fp8", "a.profile.eff_compute",
                         "b.design.frac_mac", "b.design.mac_mm2",
                         "a.chip.hbm_tbps", "b.chip.link_gbps",
                         "b.design.clock_ghz"], r.choice([1, 1, 2]))
        argv = ["solve"]
        for x in vary:
            argv += ["--vary", x]
        if r.random() < 0.3 and not any(".design." in x for x in vary):
            argv.append("--no-design")
        if r.random() < 0.2:
            argv += ["--b", r.choice(["sohu-design", "h200-sxm", "b200"])]
        return argv + ["--target", t, "--json"]

    def solvet_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if not self.sv_ok:
            # a form that happens to read as a number in range (k=1e-06
            # from a range end / 10 is below it) must still be refused
            if p.returncode == 0:
                why.append(f"--target {self.sv_target[:40]!r} accepted")
            elif p.returncode == 2 and b"--target" not in p.stderr and \
                    b"--vary" not in p.stderr and b"--b" not in p.stderr:
                why.append("the refusal names no --target")
            return why
        if p.returncode != 0:
            return why
        try:
            d = json.loads(p.stdout)
        except ValueError:
            return why
        k = self.sv_target.split("=")[0] if "=" in self.sv_target \
            else "speedup"
        sign = self.SOLVE_TARGETS[k][0]
        x = float(self.sv_target.split("=")[-1])

        def meets(v, tol):
            if not isinstance(v, (int, float)):
                return None
            return sign * (v - x) >= -tol * abs(x)
        for row in d.get("solve", []):
            now, at = row.get("metric_now"), row.get("metric_at_value")
            if row.get("met_now") and meets(now, 1e-6) is False:
                why.append(f"{row.get('param')}: met_now with metric_now "
                           f"{now} against {k} {x}")
            if row.get("feasible") and not row.get("met_now") and \
                    meets(at, 1e-3) is False:
                why.append(f"{row.get('param')}: feasible at metric "
                           f"{at} against {k} {x}")
            if row.get("feasible") is False and not row.get("met_now") and \
                    meets(now, -1e-6):
                why.append(f"{row.get('param')}: infeasible and not met "
                           f"now, yet metric_now {now} meets {k} {x}")
        return why

    def plotat_db(self):
        """A sweep over batch, isl (a list), precision and frac_mac (a
        decimal range) in seeds/at.db, made once."""
        db = os.path.join(self.seeds, "at.db")
        if not os.path.exists(db):
            with open(os.path.join(self.seeds, "at.ini"), "w") as f:
                f.write("[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
                        "profile = ideal\n[axes]\nscenario.batch = 1:64:4 "
                        "log\nscenario.isl = 128, 1024\nscenario.precision"
                        " = fp8, fp16\ndesign.frac_mac = 0.02:0.06:0.02\n")
            self.rl("sweep", "at.ini", "--db", "at.db", cwd=self.seeds)
        return db

    AT_GOOD = {"scenario.batch": ["1", "4", "16", "64", "4.0", "1.6e1"],
               "scenario.isl": ["128", "1024", "1.024e3"],
               "scenario.precision": ["fp8", "fp16"],
               "design.frac_mac": ["0.02", "0.04", "0.06", "6e-2"]}

    def t_plotat(self):
        """plot heatmap or pareto of a sweep with --at PARAM=VALUE (1-3 of
        them): values the run stores (in other spellings: 4.0, 1.6e1, 6e-2,
        a linear range's 0.06), values near them, none, hostile words,
        parameters not swept, an axis, a name twice: a stored value must
        select its points (no 'no point where' refusal), every refusal
        names --at (or the axis), and a plot written is whole."""
        r = self.rng
        shutil.copy(self.plotat_db(), self.path("at.db"))
        self.at_good = True
        ats = []
        for name in r.sample(list(self.AT_GOOD), r.randint(1, 3)):
            v = r.choice(self.AT_GOOD[name])
            if r.random() < 0.2:
                self.at_good = False
                v = r.choice(["2", "3", "0", "-0", "fp4", "FP8", " 4", "4 ",
                              "nan", "1e400", "\udcff", "4=4", "",
                              "\u00e9" * 50, "0.0600001", "0x10"])
            if r.random() < 0.05:
                self.at_good = False
                name = r.choice(["chip.hbm_tbps", "scenario.osl", "x",
                                 "SCENARIO.ISL", "\udcff", "a" * 300])
            ats.append(name + "=" + v)
        if r.random() < 0.08:
            self.at_good = False
            ats.append(ats[0])
        self.at_list = ats
        kind = r.choice(["heatmap", "pareto"])
        argv = ["plot", kind, "--db", "at.db", "--out", "o.svg"]
        if kind == "heatmap":
            xs = [n for n in ("scenario.batch", "design.frac_mac",
                              "scenario.isl")
                  if not any(a.startswith(n + "=") for a in ats)]
            if len(xs) >= 2:
                argv += ["--x", xs[0], "--y", xs[1]]
        for a in ats:
            argv += ["--at", a] if r.random() < 0.7 else ["--at=" + a]
        return argv

    def plotat_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if p.returncode == 2:
            if self.at_good and b"has no point where" in p.stderr:
                why.append("a stored value refused: " +
                           p.stderr.decode("utf-8", "replace")[-160:])
            if b"--at" not in p.stderr and b"--x" not in p.stderr and \
                    b"at.db" not in p.stderr:
                why.append("the refusal names no --at")
        if p.returncode == 0 and os.path.exists(self.path("o.svg")):
            d = open(self.path("o.svg"), "rb").read()
            if not d.rstrip().endswith(b"</svg>"):
                why.append("o.svg not whole")
            try:
                import xml.dom.minidom
                xml.dom.minidom.parseString(d)
            except Exception as e:  # noqa: BLE001
                why.append(f"o.svg not XML: {type(e).__name__}")
        return why

    def t_count(self):
        """sweep --count (a shard at times) of a spec of 1-3 axes, each a
        list, a log range or a linear range whose numbers are written as
        decimals or in exponent form (0.1, 1e-1, 25e-2), then the sweep
        itself into a fresh file: --count and the sweep agree on the
        refusal and on the shard's points, and a linear range whose exact
        values all lie in the parameter's range is not refused as outside
        it (emulated here with exact fractions)."""
        from fractions import Fraction
        r = self.rng
        axes, self.ct_inrange = [], True
        pool = [("chip.hbm_tbps", 0, 1000),
                ("profile.eff_compute", 0.001, 1),
                ("design.frac_mac", 0, 1), ("chip.hbm_gb", 0, 1e6)]
        for name, lo, hi in r.sample(pool, r.randint(1, 3)):
            form = r.choice(["list", "log", "lin", "lin", "lin"])
            if form == "list":
                vals = [r.choice(["0.1", "1e-1", "0.5", "5e-1", "1"])
                        for _ in range(r.randint(1, 3))]
                text = ", ".join(dict.fromkeys(vals))
            elif form == "log":
                text = f"{r.choice(['0.1', '1e-1', '0.2'])}:1:" \
                       f"{r.randint(2, 6)} log"
            else:
                step = r.choice(["0.1", "1e-1", "0.25", "25e-2", "2.5e-1",
                                 "0.2", "2e-1", "0.3", "3e-1", "0.05",
                                 "5e-2"])
                a = r.choice(["0", "0.1", "1e-1", "0.2", "0.5"])
                b = r.choice(["0.5", "1", "1e0", "0.9", "9e-1"])
                if hi > 1 and r.random() < 0.5:
                    a, b = r.choice([("990", "1000"), ("999", "1e3"),
                                     ("999.5", "1000")])
                fa, fb, fs = Fraction(a), Fraction(b), Fraction(step)
                if fb < fa:
                    a, b, fa, fb = b, a, fb, fa
                n = (fb - fa) // fs + 1
                if n > 60:
                    step, fs = "1", Fraction(1)
                    n = (fb - fa) // fs + 1
                last = fa + (n - 1) * fs
                if not (lo <= fa and last <= hi):
                    self.ct_inrange = False
                text = f"{a}:{b}:{step}"
            axes.append(f"{name} = {text}")
        samp = ""
        if r.random() < 0.25:  # a sampled run: count points drawn
            samp = (f"[sampling]\nmethod = {r.choice(['random', 'sobol'])}"
                    f"\ncount = {r.choice([1, 2, 7, 30])}\nseed = "
                    f"{r.randint(0, 9)}\n")
        self.put("ct.ini", ("[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
                            "profile = ideal\n[axes]\n" + "\n".join(axes) +
                            "\n" + samp).encode())
        self.ct_shard = [] if r.random() < 0.6 else \
            ["--shard", f"{r.randint(0, 2)}/3"]
        self.rm("ct.db", "ct.db-wal", "ct.db-shm")
        return ["sweep", "ct.ini", "--count"] + self.ct_shard

    def count_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if p.returncode == 2 and self.ct_inrange and \
                b"outside the allowed" in p.stderr:
            why.append("a range inside the parameter's refused: " +
                       p.stderr.decode("utf-8", "replace")[-120:])
        q = self.rl("sweep", "ct.ini", "--db", "ct.db", *self.ct_shard)
        if (q.returncode == 0) != (p.returncode == 0):
            why.append(f"--count exit {p.returncode}, the sweep's "
                       f"{q.returncode}")
            return why
        if p.returncode:
            return why
        out = p.stdout.decode("utf-8", "replace")
        m = re.search(r"shard \d+/\d+: (\d+) of them", out) or \
            re.search(r": (\d+) design points?", out)
        e = re.search(rb"(\d+) points? evaluated", q.stderr)
        if not m or not e or int(m.group(1)) != int(e.group(1)):
            why.append(f"--count says {m and m.group(1)}, the sweep "
                       f"evaluated {e and e.group(1).decode()}")
        return why

    MM2_BLOCKS = ["mac", "vector", "sram", "phy", "other"]

    def t_mm2(self):
        """area --json (or eval) of sohu-design with die blocks given by
        area, design.*_mm2, by --set or in a copy of its INI (the share
        line replaced, or kept beside it: refused), values from 0 and
        subnormals to past the die, the die itself set at times: a run
        that succeeds gives each such block area_mm2 as given, its share
        that over the die, the blocks (unassigned too) adding up to the
        die; a refusal names the key, file or --set."""
        r = self.rng
        die = r.choice([814.0, 814.0, 400.0, 858.0, 1000.0, 100.0])
        self.mm2_die = die
        self.mm2_given = {}
        sets, ini_edits = [], {}
        for b in r.sample(self.MM2_BLOCKS, r.randint(1, 3)):
            v = r.choice(["0", "1", "10", "50.5", "120", "300", "5e-1",
                          "1e-300", "600", "814", "900", "2e2"])
            if r.random() < 0.1:
                v = r.choice(["-1", "nan", "inf", "1e5", "100001", "x",
                              "1e400", "0x10", ""])
            if r.random() < 0.5:
                sets += ["--set", f"design.{b}_mm2={v}"]
            else:
                ini_edits[b] = v
            self.mm2_given[b] = v
        lines = lines_of(os.path.join(DATA, "chips", "sohu-design.ini"))
        self.mm2_both = False
        for b, v in ini_edits.items():
            for i, x in enumerate(lines):
                if re.match(rb"frac_" + b.encode() + rb"\s*=", x):
                    if r.random() < 0.15:
                        self.mm2_both = True
                        lines.insert(i + 1, f"{b}_mm2 = {v}".encode())
                    else:
                        lines[i] = f"{b}_mm2 = {v}".encode()
                    break
        if r.random() < 0.4 or die != 814.0:
            if r.random() < 0.5:
                sets += ["--set", f"design.die_mm2={die:g}"]
            else:
                lines = [re.sub(rb"^die_mm2\s*=.*", f"die_mm2 = {die:g}"
                                .encode(), x) for x in lines]
        self.put("sd.ini", b"\n".join(lines))
        cmd = r.choice(["area", "area", "area", "eval"])
        argv = [cmd, "--chip", "sd.ini"] + sets
        if cmd == "eval":
            argv += ["--model", "llama3-8b"]
        return argv + ["--json"]

    def mm2_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if self.mm2_both and p.returncode == 0:
            why.append("a block given as share and area in the INI ran")
        if p.returncode == 2 and not re.search(
                rb"sd\.ini|--set|design\.|_mm2|frac_", p.stderr):
            why.append("the refusal names no key, file or --set")
        if p.returncode != 0 or argv[0] != "area":
            return why
        try:
            d = json.loads(p.stdout)
        except ValueError:
            return why
        die = d["die"]["area_mm2"]
        blocks = {b["name"]: b for b in d["blocks"]}
        total = sum(b["area_mm2"] for b in d["blocks"])
        if abs(total - die) > 1e-6 * die:
            why.append(f"blocks add to {total} mm2 on a die of {die}")
        for b, v in self.mm2_given.items():
            try:
                fv = float(v)
            except ValueError:
                continue
            if fv == 0 or b not in blocks:
                continue  # 0: its share gives it
            got = blocks[b]["area_mm2"]
            if abs(got - fv) > 1e-6 * fv:
                why.append(f"{b} given {v} mm2, area_mm2 {got}")
            if abs(blocks[b]["share"] - fv / die) > 1e-6 * max(fv / die,
                                                               1e-300):
                why.append(f"{b} share {blocks[b]['share']} is not "
                           f"{fv} / {die}")
        return why

    CSVV = [b"nan", b"NaN", b"inf", b"-inf", b"1e308", b"1e309", b"-1",
            b"0", b"-0", b"5e-324", b"2.2250738585072014e-308", b"1e-300",
            b"1e300", b"0x10", b"1_000", b"\xef\xbc\x91", b"", b"\"1\"",
            b"\"1,5\"", b"1.5.5", b"+1", b" 1", b"9" * 400, b"1e-5"]

    CSVV_OK = [b"1", b"2", b"8", b"1e-5", b"0.001", b"1e6", b"123456789",
               b"1e12", b"3.5", b"64", b"1024", b"100000", b"1e-9"]

    def t_csvv(self):
        """validate --measurements (--json at times) of rows of
        published-h100.csv whose numbers (value, isl, osl, tp, pp, gpus,
        batch) are NaN, infinite, 1e308, negative, 0, subnormal, hex,
        Unicode digits, quoted, 400 digits, blank: exit 0 or 2 only, a
        refusal naming m.csv, the line and the column; an output printing
        no nan or inf."""
        r = self.rng
        head = self.csv[0].split(b",")
        rows = r.sample(self.csv[1:-1], r.randint(1, 5))
        out = []
        for row in rows:
            f = row.split(b",")
            for _ in range(r.randint(1, 2)):
                col = r.choice([b"value", b"value", b"isl", b"osl", b"tp",
                                b"pp", b"gpus", b"batch_or_concurrency"])
                if col in head:  # half of them numbers that read
                    f[head.index(col)] = r.choice(self.CSVV) \
                        if r.random() < 0.5 else r.choice(self.CSVV_OK)
            out.append(b",".join(f))
        text = b"\n".join([self.csv[0]] + out) + b"\n"
        if r.random() < 0.2:
            text = text.replace(b"\n", b"\r\n")
        if r.random() < 0.1:
            text = b"\xef\xbb\xbf" + text
        self.put("m.csv", text)
        return ["validate", "--measurements", "m.csv"] + \
            (["--json"] if r.random() < 0.6 else [])

    def csvv_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if p.returncode == 0:
            # "rate inf": a row's request_rate as written (all at once)
            o = p.stdout.decode("utf-8", "replace").replace("(rate inf)",
                                                            "")
            if "--json" not in argv and re.search(
                    r"(?i)(?<![a-z_])(nan|inf)(?![a-z_])|nan%|inf%", o):
                why.append("a nan or inf printed: " + re.search(
                    r"(?i).{0,40}(?<![a-z_])(nan|inf)(?![a-z_]).{0,10}",
                    o).group(0))
        if p.returncode == 2 and b"m.csv" not in p.stderr:
            why.append("the refusal names no m.csv")
        return why

    NOTE_TEXT = ["# ASSUMPTION: hash note", "; semi note", ";", "#",
                 "; " + "n" * 3000, "; \xe9\u202e\u2028 bidi", "; \x01\x1b[31m",
                 "; <script>alert(1)</script> & \"q\"", "; ]]>", "; x;y#z",
                 "; ASSUMPTION: 1 ; 2 # 3", "\t; tab", "; \udcff"]

    def t_notes(self):
        """claim --json or text (and report of its --db at times) with a
        side b chip INI by path whose comments beside price_usd are
        hostile (a '#' or ';' after the value, 3,000 bytes, controls,
        invalid UTF-8, markup, a BOM, CRLF, a blank line between, the key
        in another section): the output UTF-8 without controls, the JSON's
        chip_price_note the comment the file writes where it writes one
        after the value, and no markup from it in the report."""
        r = self.rng
        lines = lines_of(os.path.join(DATA, "chips", "sohu.ini"))
        i = next(k for k, x in enumerate(lines) if x.startswith(
            b"price_usd"))
        after = r.choice(self.NOTE_TEXT + [""] * 3)
        self.nt_after = after
        lines[i] = b"price_usd = 33625" + (b" " + after.encode(
            "utf-8", "surrogateescape") if after else b"")
        if r.random() < 0.3:
            above = r.choice(self.NOTE_TEXT)
            lines.insert(i, (above if above[0] in ";#" else "; " + above)
                         .encode("utf-8", "surrogateescape"))
        if r.random() < 0.1:
            lines.insert(i, b"")
        text = b"\n".join(lines)
        if r.random() < 0.15:
            text = text.replace(b"\n", b"\r\n")
        if r.random() < 0.15:
            text = b"\xef\xbb\xbf" + text
        self.put("nb.ini", text)
        self.rm("nt.db", "r.html", "r.md")
        argv = ["claim", "--b", "./nb.ini", "--samples", "20"]
        if r.random() < 0.3:
            argv += ["--db", "nt.db"]
            self.nt_report = r.choice(["r.html", "r.md"])
        else:
            self.nt_report = None
        return argv + (["--json"] if r.random() < 0.6 else [])

    def notes_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if p.returncode == 0 and "--json" not in argv and re.search(
                rb"[\x00-\x08\x0b-\x1f\x7f]", p.stdout):
            why.append("text output holds a control byte")
        if p.returncode == 0 and "--json" in argv:
            try:
                d = json.loads(p.stdout)
                note = d["b"]["chip_price_note"] or ""
            except (ValueError, KeyError, TypeError):
                return why
            a = self.nt_after.strip().lstrip(";#").strip()
            # (a note is cut at 2,047 bytes: one after 3,000 above it is
            # not there; runs of blanks and tabs are one blank)
            if a and "\udcff" not in a and len(note) < 2000 and \
                    not re.search(r"[\x00-\x1f]", a):
                if re.sub(r"[ \t]+", " ", a)[:60] not in note:
                    why.append(f"the comment after the value {a[:30]!r} "
                               f"is not in chip_price_note")
        if p.returncode == 0 and self.nt_report:
            q = self.rl("report", "--db", "nt.db", "--out", self.nt_report,
                        "--no-plots")
            if q.returncode != 0:
                why.append(f"report of the claim's db exit {q.returncode}")
            else:
                d = open(self.path(self.nt_report), "rb").read()
                try:
                    d.decode("utf-8")
                except UnicodeDecodeError:
                    why.append("report not UTF-8")
                if b"<script>alert" in d:
                    why.append("markup from a comment in the report")
                if re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", d):
                    why.append("report holds a control byte")
            self.rm(self.nt_report)
        return why

    TRUST = [None, "", b"\xff\xfe", "<script>alert(1)</script>", "a" * 100000,
             "\u00e9" * 5000, "x\x01\x1b[31my", 3.5, 7, b"\x00abc",
             "\u202e", "]]>&amp;", "line\nline", float("nan"), "%s%n",
             "| a | b |\n|---|", "*b* _x_ `c`", "\ufeff", "\r\n",
             "\ud800".encode("utf-8", "surrogatepass"), 10 ** 18,
             "\u00e9" * 1023 + "e"]

    def t_trustdb(self):
        """report (HTML or Markdown) of a claim database whose
        validation_runs.trust (validate's trust line) is hostile: NULL,
        text of 100,000 bytes, invalid UTF-8, controls, markup, a number,
        a blob, or the column dropped, retyped or the table made a view:
        exit 0 or 2, the page UTF-8, whole, without a control byte or
        markup from the cell."""
        r = self.rng
        shutil.copy(os.path.join(self.seeds, "claim.db"), self.path("t.db"))
        con = sqlite3.connect(self.path("t.db"))
        v = r.choice(self.TRUST)
        op = r.random()
        if op < 0.8:
            con.execute("UPDATE validation_runs SET trust = ?", (v,))
        elif op < 0.9:
            con.execute("ALTER TABLE validation_runs DROP COLUMN trust")
        else:
            con.executescript(
                "ALTER TABLE validation_runs RENAME TO vr0; CREATE VIEW "
                "validation_runs AS SELECT *, 'v<b>' || trust AS x FROM vr0")
        con.commit()
        con.close()
        self.tr_out = r.choice(["r.html", "r.md"])
        return ["report", "--db", "t.db", "--out", self.tr_out] + \
            (["--no-plots"] if r.random() < 0.8 else [])

    def trustdb_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if p.returncode == 0 and os.path.exists(self.path(self.tr_out)):
            d = open(self.path(self.tr_out), "rb").read()
            try:
                d.decode("utf-8")
            except UnicodeDecodeError:
                why.append("report not UTF-8")
            if b"<script>alert" in d or b"<b>" in d:
                why.append("markup from the cell in the report")
            if re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", d):
                why.append("report holds a control byte")
        return why

    MERGEX = [
        "CREATE TABLE evil(x TEXT); INSERT INTO evil VALUES('<script>')",
        "UPDATE run_columns SET name = printf('%.*c', 100000, 'x') "
        "WHERE ord = 0",
        "UPDATE run_columns SET unit = x'fffe00' WHERE ord = 1",
        "UPDATE runs SET spec = spec || printf('%.*c', 1000000, 'y')",
        "UPDATE runs SET spec = x'00ff'",
        "UPDATE points SET throughput_output_tokens_per_s = 'abc'",
        "UPDATE points SET scenario_batch = x'00'",
        "UPDATE points SET idx = 0.5 WHERE idx = (SELECT min(idx) FROM "
        "points)",
        "UPDATE points SET idx = 'a' WHERE idx = (SELECT min(idx) FROM "
        "points)",
        "UPDATE points SET status = 'ok'", "UPDATE points SET status = 0.5",
        "UPDATE runs SET shard_count = 'two'",
        "UPDATE runs SET shard_index = -1", "UPDATE runs SET points = 'x'",
        "UPDATE runs SET points = points + 0.5",
        "UPDATE runs SET next_idx = next_idx + 0.5",
        "UPDATE runs SET next_idx = 'n'",
        "UPDATE runs SET points = 4611686018427387904",
        "ALTER TABLE points ADD COLUMN evil TEXT; UPDATE points SET evil = "
        "'x'", "ALTER TABLE points DROP COLUMN latency_ttft_s",
        "DELETE FROM run_columns WHERE ord = 2",
        "UPDATE runs SET chip = x'ff0a1b5b33316d'",
        "UPDATE runs SET profile_chosen = printf('%.*c', 1000000, 'p')",
        "ALTER TABLE runs RENAME TO runs_t; CREATE VIEW runs AS SELECT * "
        "FROM runs_t", "DROP TABLE column_docs",
        "UPDATE column_docs SET doc = printf('%.*c', 1000000, 'd')",
        "DROP VIEW results; CREATE VIEW results AS SELECT 1 AS x",
        "UPDATE runs SET dropped = 'a', dropped_below = x'01'",
        "CREATE TRIGGER t AFTER INSERT ON points BEGIN SELECT 1; END",
        "UPDATE runs SET version = version || x'ff'",
        "UPDATE runs SET seed = 'x'", "UPDATE runs SET started = NULL"]

    def t_mergex(self):
        """merge of two shards of a sweep, one or both given a hostile
        edit: foreign tables and triggers, columns of other types (text,
        a real or a blob in a count or index), 1 MB of text, a view for
        a table: a merge that succeeds writes a run whose every point is
        a whole-numbered index in [0, points) once and whose counts are
        whole numbers; a refusal names a part and leaves no output."""
        r = self.rng
        for i in range(2):
            shutil.copy(os.path.join(self.seeds, f"shard{i}.db"),
                        self.path(f"x{i}.db"))
        for _ in range(r.randint(1, 2)):
            con = sqlite3.connect(self.path(f"x{r.randint(0, 1)}.db"))
            try:
                con.executescript(r.choice(self.MERGEX))
                con.commit()
            except sqlite3.Error:
                pass
            con.close()
        self.rm("mo.db", "mo.db-wal", "mo.db-shm", "mo.db-journal")
        return ["merge", "mo.db", "x0.db", "x1.db"]

    def mergex_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if p.returncode == 2 and not re.search(rb"x[01]\.db", p.stderr):
            why.append("the refusal names no part")
        if p.returncode == 0 and os.path.exists(self.path("mo.db")):
            try:
                con = sqlite3.connect(self.path("mo.db"))
                n, = con.execute("SELECT points FROM runs").fetchone()
                bad = con.execute(
                    "SELECT count(*) FROM points WHERE typeof(idx) != "
                    "'integer' OR typeof(status) != 'integer' OR idx < 0 "
                    "OR idx >= ?", (n if isinstance(n, int) else 0,)
                ).fetchone()[0]
                k, = con.execute("SELECT count(DISTINCT idx) FROM points"
                                 ).fetchone()
                t = con.execute("SELECT typeof(points), typeof(next_idx), "
                                "typeof(shard_count) FROM runs").fetchone()
                con.close()
            except sqlite3.Error as e:
                return why + [f"merged file unreadable: {e}"]
            if t != ("integer", "integer", "integer"):
                why.append(f"merged run's counts are {t}")
            if bad:
                why.append(f"{bad} merged points with an index or status "
                           "that is no point")
            if isinstance(n, int) and k != n:
                why.append(f"merged run of {n} points holds {k}")
        return why

    # ---- fuzz5: the inputs landed last stop (range robustness, the
    # Monte Carlo's sample counts, merge --allow-mixed-builds, names in a
    # sweep database, measurement CSV structure, comments in INI values)
    def claim_stated(self):
        """side b's stated values and units, as claim reports them"""
        if not getattr(self, "stated", None):
            p = self.rl("claim", "--samples", "0", "--no-design", "--json")
            self.stated = {a["param"]: a for a in
                           json.loads(p.stdout)["assumptions"]}
        return self.stated

    def odd_range(self, st, mx):
        """an uncertainty section's keys around stated value st (the
        parameter's largest value mx): odd on purpose"""
        r = self.rng
        up = st * 1.3 if st > 0 else 0.5
        up = min(up, mx)
        dn = st * 0.6
        k = r.choice(["eq", "eqtri", "above", "below", "zero", "modeend",
                      "normal", "lognormal", "token", "huge", "truncpt"])
        if k == "eq":
            return f"dist = uniform\nlow = {st!r}\nhigh = {st!r}\n"
        if k == "eqtri":
            return (f"dist = triangular\nlow = {st!r}\nmode = {st!r}\n"
                    f"high = {st!r}\n")
        if k == "above" and up > st:
            return f"dist = uniform\nlow = {(st + up) / 2!r}\nhigh = {up!r}\n"
        if k == "below" and st > 0:
            return f"dist = uniform\nlow = {dn / 2!r}\nhigh = {dn!r}\n"
        if k == "zero":
            x = r.choice([dn, up, 0.0])
            return r.choice([f"dist = uniform\nlow = {x!r}\nhigh = {x!r}\n",
                             f"dist = triangular\nlow = {x!r}\nmode = "
                             f"{x!r}\nhigh = {x!r}\n"])
        if k == "modeend":
            lo, hi = r.choice([(st, up), (dn, st)])
            return (f"dist = triangular\nlow = {lo!r}\nmode = "
                    f"{r.choice([lo, hi, st])!r}\nhigh = {hi!r}\n")
        if k == "normal":
            sd = r.choice([0.0, 5e-324, 1e-300, st * 0.1, 1e300])
            t = r.choice(["", f"low = {st!r}\nhigh = {st!r}\n",
                          f"low = {dn!r}\nhigh = {up!r}\n",
                          f"low = {up!r}\nhigh = {up!r}\n"])
            return f"dist = normal\nmean = {r.choice([st, up])!r}\nsd = {sd!r}\n" + t
        if k == "lognormal":
            return (f"dist = lognormal\nmedian = {r.choice([st, up, 1e-300])!r}"
                    f"\nsigma = {r.choice([0.0, 1e-300, 0.1, 50.0])!r}\n" +
                    r.choice(["", f"low = {dn!r}\nhigh = {up!r}\n"]))
        if k == "truncpt":
            return (f"dist = normal\nmean = {st!r}\nsd = 1\nlow = {up!r}\n"
                    f"high = {up!r}\n")
        tok = r.choice(["nan", "NaN", "inf", "-inf", "1e309", "-1e309",
                        "1e308", "-1e308", "5e-324", "0x10", "1e3x", ""])
        if k == "huge":
            tok = r.choice(["1e308", "1.7976931348623157e308", repr(mx),
                            repr(mx * (1 + 1e-15))])
        return r.choice([f"dist = uniform\nlow = {st!r}\nhigh = {tok}\n",
                         f"dist = uniform\nlow = {tok}\nhigh = {st!r}\n",
                         f"dist = triangular\nlow = 0\nmode = {tok}\n"
                         f"high = {up!r}\n"])

    def t_ranges(self):
        """claim over an uncertainty file of 1-4 odd ranges of side b's
        parameters (low = high = stated, stated outside the range, a
        range of zero width elsewhere, a triangle's mode at an end, a
        normal's sd 0, subnormal or huge, a truncation to a point, a
        lognormal, NaN, inf, huge and malformed numbers), 1-20 samples"""
        r = self.rng
        st = self.claim_stated()
        mx = {p["name"]: p["max"] for p in self.params}
        text = ""
        for name in r.sample(sorted(st), r.randint(1, 4)):
            v = st[name]["value"]
            text += f"[{name}]\n" + self.odd_range(v, mx[name[2:]]) + \
                "source = fuzz5\n"
        self.put("u.ini", text.encode())
        self.rm("rc.db", "rr.html")
        n = r.choice(["1", "2", "3", "5", "20"])
        return ["claim", "--uncertainty", "u.ini", "--samples", n,
                "--no-design", "--json"] + ["--db", "rc.db"] * (
                    r.random() < 0.3)

    def ranges_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        if p.returncode == 2 and b"u.ini" not in p.stderr:
            why.append("refusal names no u.ini")
        if p.returncode != 0 and os.path.exists(self.path("rc.db")):
            why.append("rc.db left by a refused claim")
        if p.returncode != 0:
            return why
        if "--db" in argv:
            # the database written whole: the report reads it
            q = self.rl("report", "--db", "rc.db", "--out", "rr.html",
                        "--no-plots")
            if q.returncode != 0 or not open(
                    self.path("rr.html"), "rb").read().rstrip().endswith(
                        b"</html>"):
                why.append("report of the claim's database: exit "
                           f"{q.returncode} " + q.stderr.decode(
                               "utf-8", "replace")[-100:])
        try:
            d = json.loads(p.stdout, parse_constant=lambda c: 1 / 0)
        except Exception:  # noqa: BLE001 (judge says it)
            return why
        n = int(argv[argv.index("--samples") + 1])
        rr = d["verdict"].get("range_robustness")
        if rr is None:
            return why
        fr = [x["fraction"] for x in rr["narrowed"]]
        if fr != [1, 0.5, 0.25, 0.1]:
            why.append(f"fractions {fr}")
        for x in rr["narrowed"]:
            pr = x["prob_ge_target"]
            if pr is not None and not 0 <= pr <= 1:
                why.append(f"narrowed P {pr} outside [0, 1]")
            if x["samples"] != n or x["evaluated"] > n:
                why.append(f"narrowed row of {x['samples']} samples, "
                           f"{x['evaluated']} evaluated, of {n}")
            q = [x[k] for k in ("p05", "p50", "p95")]
            if None not in q and not q[0] <= q[1] <= q[2]:
                why.append(f"narrowed quantiles out of order {q}")
        p0 = rr["narrowed"][0]["prob_ge_target"]
        moves = [(abs(a["prob_ge_target"] - p0), i) for i, a in
                 enumerate(rr["alone_estimated"])
                 if a["prob_ge_target"] is not None and p0 is not None]
        for a in rr["alone_estimated"]:
            pr = a["prob_ge_target"]
            if pr is not None and not 0 <= pr <= 1:
                why.append(f"alone P {pr} outside [0, 1]")
        best = max([m for m in moves if m[0] > 0], default=None,
                   key=lambda m: (m[0], -m[1]))
        mm = rr["most_moving"]
        if (mm is None) != (best is None):
            why.append(f"most_moving {mm and mm['param']} where the "
                       f"largest move is {best}")
        elif mm is not None and \
                rr["alone_estimated"][best[1]]["param"] != mm["param"]:
            why.append(f"most_moving {mm['param']}, the largest move "
                       f"{rr['alone_estimated'][best[1]]['param']}")
        # every range a point at its stated value: narrowing moves nothing
        unc = open(self.path("u.ini")).read()
        if all(re.search(r"dist = (uniform|triangular)", s) and
               len(set(re.findall(r"(?:low|high|mode) = (\S+)", s))) == 1
               and re.search(r"low = (\S+)", s).group(1) ==
               repr(self.stated[h]["value"])
               for h, s in re.findall(r"\[([^]]+)\]\n(.*?)source",
                                      unc, re.S)):
            ps = {x["prob_ge_target"] for x in rr["narrowed"]}
            m = {x["p50"] for x in rr["narrowed"]}
            if len(ps) > 1 or len(m) > 1:
                why.append(f"ranges of one point narrowed move: P {ps}, "
                           f"medians {m}")
        # the text: no parameter whose range moves the speedup away from
        # the stated values' is said to leave it unchanged
        plain = [a for a in argv if a != "--json"]
        if "--db" in plain:  # the text alone, not stored twice
            del plain[plain.index("--db"):plain.index("--db") + 2]
        t = self.rl(*plain)
        nom = d["speedup"] if isinstance(d.get("speedup"), (int, float)) \
            else (d.get("monte_carlo") or {}).get("nominal")
        m = re.search(rb"unchanged over the range: ([^\n]*(\n {6,}[^\n]*)*)",
                      t.stdout)
        flat = set(re.findall(r"[ab]\.[a-z_]+\.[a-z_0-9]+",
                              m.group(1).decode())) if m else set()
        for row in d.get("tornado", []):
            lo, hi = row["speedup_low"], row["speedup_high"]
            if row["param"] in flat and nom and None not in (lo, hi) and \
                    max(abs(lo - nom), abs(hi - nom)) > 0.01 * nom:
                why.append(f"{row['param']} said unchanged over its range "
                           f"where the speedup there is {lo:.4g} .. "
                           f"{hi:.4g}, {nom:.4g} at the stated values")
        if re.search(rb"\bnan\b|\binf\b", t.stdout, re.I):
            why.append("nan or inf in claim's text")
        return why

    def t_samples(self):
        """claim with --samples 1, 2, 3 or a huge count (past 1e8, or
        written as no whole number), a seed, target and threads drawn:
        the Monte Carlo's figures are those of N samples"""
        r = self.rng
        n = r.choice(["1", "2", "3", "4", "1", "2", "100000001",
                      "99999999999999999999", "2e8", "1.5",
                      "4294967297", "01"])
        argv = ["claim", "--samples", n, "--seed", str(r.randrange(2 ** 32)),
                "--threads", r.choice(["0", "1", "2", "3"]), "--json"]
        if r.random() < 0.5:
            argv += ["--target", r.choice(["1", "13", "20", "21.38897499",
                                           "1e9", "1e-6"])]
        if r.random() < 0.3:
            argv += ["--no-design"]
        return argv

    def samples_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        n = argv[argv.index("--samples") + 1]
        ok = re.fullmatch(r"[0-9]+", n) and int(n) <= 10 ** 8
        if not ok and p.returncode != 2:
            why.append(f"--samples {n} not refused")
        if ok and p.returncode not in (0, 1):
            why.append(f"--samples {n} refused")
        if p.returncode != 0:
            return why
        try:
            d = json.loads(p.stdout, parse_constant=lambda c: 1 / 0)
        except Exception:  # noqa: BLE001 (judge says it)
            return why
        for key in ("monte_carlo", "monte_carlo_by_design"):
            mc = d.get(key)
            if not mc:
                continue
            if mc["samples"] != int(n):
                why.append(f"{key}.samples {mc['samples']} of {n}")
            q = [mc[k] for k in ("p05", "p50", "p95")]
            if None not in q and not q[0] <= q[1] <= q[2]:
                why.append(f"{key} quantiles out of order {q}")
            if int(n) == 1 and None not in q and len(set(q)) != 1:
                why.append(f"{key}: one sample's quantiles differ {q}")
            for k in ("prob_ge_target", "nominal_below", "violation_rate"):
                x = mc.get(k)
                if x is not None and not 0 <= x <= 1:
                    why.append(f"{key}.{k} = {x}")
                # a share of n samples (or of those evaluated) is a
                # multiple of 1/n (or of 1/evaluated)
                m = int(n) - (mc.get("failed") or 0)
                if x is not None and int(n) <= 4 and all(
                        abs(x * d - round(x * d)) > 1e-6 for d in
                        {int(n), m} if d > 0):
                    why.append(f"{key}.{k} = {x}: no share of {n} samples")
        return why

    BUILDS = ["", "mixed", "0.1.0", "0.2.0", "'; DROP TABLE runs; --",
              "\u202e", "x\ny", "a" * 5000, 7, 1.5, b"\xff\x00",
              "0.1.0 ", "é", "deadbee", "cef404b"]

    def t_mixed(self):
        """merge of a sweep's two shards written by 'different builds':
        runs.version and git_rev of one or both set to another value
        (NULL, empty, 'mixed', SQL, a number, a blob, 5,000 bytes, one
        blank apart), with and without --allow-mixed-builds"""
        r = self.rng
        self.mixed = []
        for i in range(2):
            self.rm(f"b{i}.db")
            shutil.copy(os.path.join(self.seeds, f"shard{i}.db"),
                        self.path(f"b{i}.db"))
        con = sqlite3.connect(self.path("b0.db"))
        base = con.execute("SELECT version, git_rev FROM runs").fetchone()
        con.close()
        for i in range(2):
            v, g = base
            if r.random() < 0.6:
                v = r.choice(self.BUILDS)
            if r.random() < 0.6:
                g = r.choice(self.BUILDS)
            con = sqlite3.connect(self.path(f"b{i}.db"))
            con.execute("UPDATE runs SET version = ?, git_rev = ?", (v, g))
            con.commit()
            # as stored (the columns' affinity: 7 reads back '7')
            self.mixed.append(con.execute("SELECT version, git_rev FROM "
                                          "runs").fetchone())
            con.close()
        self.rm("mo.db")
        return ["merge"] + ["--allow-mixed-builds"] * (r.random() < 0.7) + \
            ["mo.db", "b0.db", "b1.db"]

    def mixed_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        (v0, g0), (v1, g1) = self.mixed
        same = v0 == v1 and g0 == g1 and type(v0) is type(v1) and \
            type(g0) is type(g1)
        allow = "--allow-mixed-builds" in argv
        plain = all(isinstance(x, str) and x and len(x.encode()) < 64
                    for x in (v0, v1, g0, g1))
        if p.returncode == 2 and not re.search(rb"b[01]\.db", p.stderr):
            why.append("the refusal names no part")
        if not same and not allow and p.returncode == 0:
            why.append(f"builds {self.mixed} merged without "
                       "--allow-mixed-builds")
        if plain and (same or allow) and p.returncode != 0:
            why.append(f"builds {self.mixed} not merged")
        if p.returncode != 0:
            if os.path.exists(self.path("mo.db")):
                why.append("mo.db left by a refused merge")
            return why
        try:
            con = sqlite3.connect(self.path("mo.db"))
            v, g = con.execute("SELECT version, git_rev FROM runs").fetchone()
            parts = con.execute("SELECT part, version, git_rev FROM "
                                "run_parts ORDER BY shard_index").fetchall()
            con.close()
        except sqlite3.Error as e:
            return why + [f"merged file unreadable: {e}"]
        want_v = v0 if v0 == v1 and type(v0) is type(v1) else "mixed"
        want_g = g0 if g0 == g1 and type(g0) is type(g1) else "mixed"
        if (v, g) != (want_v, want_g):
            why.append(f"merged run's build {(v, g)!r}, parts "
                       f"{self.mixed!r}")
        if [(x[1], x[2]) for x in parts] != self.mixed:
            why.append(f"run_parts' builds {[x[1:] for x in parts]!r}, "
                       f"parts {self.mixed!r}")
        if not same and b"rooflab builds" not in p.stdout + p.stderr:
            why.append("a merge of mixed builds does not say so")
        return why

    SQLNAMES = ['x"; DROP TABLE runs; --', "a'b", "c]d", "e`f", "g h",
                "idx", "run_id", "status", "\u202e", "é", "x" * 3000,
                "scenario_batch", "a\nb", "'", '"', ")", "SELECT"]

    def t_sweepdbx(self):
        """export, plot and report --sweeps of a sweep database whose
        names hold SQL, quotes, brackets, blanks, newlines, a name
        given twice (a points column added, renamed or named in
        run_columns), columns dropped or added, text in numeric columns"""
        r = self.rng
        self.rm("s.db", "s.db-wal", "s.db-shm", "o.svg", "r.html")
        shutil.copy(os.path.join(self.seeds, "sweep.db"), self.path("s.db"))
        shutil.copy(os.path.join(self.seeds, "claim.db"), self.path("cl.db"))
        con = sqlite3.connect(self.path("s.db"))
        cols = [c[1] for c in con.execute("PRAGMA table_info(points)")]
        q = '"{}"'.format
        for _ in range(r.randint(1, 3)):
            nm = r.choice(self.SQLNAMES).replace('"', '""')
            c = r.choice(cols[3:])
            op = r.randrange(7)
            try:
                if op == 0:
                    con.execute(f"ALTER TABLE points ADD COLUMN {q(nm)} REAL")
                    con.execute(f"UPDATE points SET {q(nm)} = idx * 1.5")
                    if r.random() < 0.7:
                        con.execute("INSERT INTO run_columns SELECT run_id, "
                                    "(SELECT max(ord) + 1 FROM run_columns), "
                                    "?, source, dotted || 'x', unit FROM "
                                    "run_columns LIMIT 1", (nm.replace(
                                        '""', '"'),))
                elif op == 1:
                    con.execute(f"ALTER TABLE points RENAME COLUMN {q(c)} TO "
                                f"{q(nm)}")
                    con.execute("UPDATE run_columns SET name = ? WHERE name "
                                "= ?", (nm.replace('""', '"'), c))
                elif op == 2:
                    con.execute("UPDATE run_columns SET name = ? WHERE name "
                                "= ?", (nm.replace('""', '"'), c))
                elif op == 3:
                    con.execute("UPDATE run_columns SET dotted = ?, unit = ? "
                                "WHERE name = ?", (nm, nm, c))
                elif op == 4:
                    con.execute(f"ALTER TABLE points DROP COLUMN {q(c)}")
                elif op == 5:
                    con.execute(f"UPDATE points SET {q(c)} = ? WHERE idx % 2",
                                (r.choice(["1e3abc", "12", " 5", "", "nan",
                                           "'; DROP TABLE runs; --"]),))
                else:
                    con.execute(f"ALTER TABLE runs ADD COLUMN {q(nm)} TEXT")
            except sqlite3.Error:
                pass
        con.commit()
        self.sqlmaster = con.execute("SELECT type, name FROM sqlite_master "
                                     "ORDER BY name").fetchall()
        con.close()
        return r.choice([["export", "--db", "s.db", "--format", "csv"],
                         ["export", "--db", "s.db", "--format", "json"],
                         ["plot", "heatmap", "--db", "s.db", "--out",
                          "o.svg"],
                         ["plot", "pareto", "--db", "s.db", "--out", "o.svg"],
                         ["report", "--db", "cl.db", "--sweeps", "s.db",
                          "--out", "r.html"]])

    def sweepdbx_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        try:
            con = sqlite3.connect(self.path("s.db"))
            now = con.execute("SELECT type, name FROM sqlite_master ORDER "
                              "BY name").fetchall()
            con.close()
            if now != self.sqlmaster:
                why.append("the database's schema changed: "
                           f"{set(self.sqlmaster) ^ set(now)}")
        except sqlite3.Error as e:
            why.append(f"s.db unreadable after: {e}")
        if p.returncode == 2 and b"s.db" not in p.stderr:
            why.append("refusal names no s.db")
        if p.returncode == 0 and "json" in argv:
            try:
                d = json.loads(p.stdout, parse_constant=lambda c: 1 / 0)
                names = [c["name"] for c in d["columns"]]
                if len(names) != len(set(names)):
                    why.append(f"export's columns twice: {names}")
            except Exception:  # noqa: BLE001 (judge says it)
                pass
        if p.returncode == 0 and "csv" in argv:
            head = p.stdout.split(b"\n")[0]
            if b"\r" in head or head.count(b'"') % 2:
                why.append("CSV header broken")
        if p.returncode == 0 and os.path.exists(self.path("o.svg")):
            import xml.dom.minidom
            try:
                xml.dom.minidom.parse(self.path("o.svg"))
            except Exception as e:  # noqa: BLE001
                why.append(f"SVG does not parse: {e}")
        return why

    def t_csvdiff(self):
        """differential: validate --measurements --json of 2-5 rows, and
        of the same rows with a BOM, CRLF line ends, empty (or blank)
        lines between and after them, fields quoted, the columns in
        another order (fuzz79), or a column given twice: the same output, or a refusal naming m2.csv (a column
        twice, which is ambiguous, must be refused, but for the source_*
        columns rooflab keeps aside)"""
        r = self.rng
        # the file's lines end in CRLF: the plain copy in LF
        rows = [x.rstrip(b"\r") for x in [self.csv[0]] + r.sample(
            [x for x in self.csv[1:] if x.strip()], r.randint(2, 5))]
        self.put("m.csv", b"\n".join(rows) + b"\n")
        self.csvd = set()
        out = []
        perm = None
        if r.random() < 0.25:  # the columns in another order (fuzz79)
            self.csvd.add("reorder")
            perm = list(range(len(rows[0].split(b","))))
            r.shuffle(perm)
        for ln in rows:
            f = ln.split(b",")
            if perm is not None:
                got = next(csv.reader([ln.decode("utf-8")]))
                if len(got) == len(perm):
                    got = [got[i] for i in perm]
                o = io.StringIO()
                csv.writer(o, lineterminator="").writerow(got)
                out.append(o.getvalue().encode("utf-8"))
                continue
            if b'"' not in ln and r.random() < 0.4:
                self.csvd.add("quote")
                f = [b'"' + x + b'"' if r.random() < 0.5 else x for x in f]
            out.append(b",".join(f))
        if perm is None and r.random() < 0.2:
            self.csvd.add("dup")
            j = r.randrange(len(rows[0].split(b",")))
            self.csvdup = rows[0].split(b",")[j]
            out = [ln + b"," + ln.split(b",")[j] for ln in out]
        if r.random() < 0.5:
            self.csvd.add("empty")
            for _ in range(r.randint(1, 3)):
                out.insert(r.randint(1, len(out)),
                           r.choice([b"", b"", b" ", b"\t", b"\r"]))
        eol = b"\r\n" if r.random() < 0.5 else b"\n"
        text = eol.join(out) + eol * r.randint(0, 3)
        if r.random() < 0.4:
            text = b"\xef\xbb\xbf" + text
        self.put("m2.csv", text)
        self.csvref = self.rl("validate", "--measurements", "m.csv",
                              "--json")
        return ["validate", "--measurements", "m2.csv", "--json"]

    def csvdiff_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        ref = self.csvref
        if ref.returncode != 0:
            return why
        if p.returncode == 2:
            if b"m2.csv" not in p.stderr:
                why.append("refusal names no m2.csv")
            if self.csvd == {"reorder"}:  # the same file, its columns moved
                why.append("the columns in another order refused: " +
                           p.stderr.decode("utf-8", "replace")[:100])
            return why
        # a column rooflab reads given twice is refused; one it keeps
        # aside (source_repo, source_path, source_commit) may repeat
        if "dup" in self.csvd and p.returncode == 0 and self.csvdup not in (
                b"source_repo", b"source_path", b"source_commit"):
            why.append("a column given twice accepted")
        if p.returncode == 0:
            a = ref.stdout.replace(b"m.csv", b"M")
            b = p.stdout.replace(b"m2.csv", b"M")
            if a != b:
                ja, jb = json.loads(a), json.loads(b)
                diff = [k for k in ja if ja.get(k) != jb.get(k)]
                why.append(f"output differs from the plain file's ({diff[:4]})")
        return why

    def t_inicom(self):
        """differential: eval --json of a chip, model, profile or
        scenario preset copied with a comment put inside or after a
        value ('v ; c', 'v;c', 'v # c', 'v\\t#c', 'v ; k = 5', a ';' in
        a name): a comment after a blank or tab reads as the value
        alone (the same output as the copy without it), one glued to
        the value is part of it (a number refused naming the file and
        line, text kept)"""
        r = self.rng
        kind, flag = r.choice([("chips", "--chip"), ("models", "--model"),
                               ("profiles", "--profile"),
                               ("scenarios", "--scenario")])
        name = {"chips": "h100-sxm", "models": "llama3-8b",
                "profiles": "trtllm-0.15",
                "scenarios": "trtllm-128-128"}[kind]
        src = lines_of(os.path.join(DATA, kind, name + ".ini"))
        keys = [i for i, ln in enumerate(src)
                if re.match(rb"\s*[a-z_0-9.]+\s*=", ln)]
        i = r.choice(keys)
        ln = re.sub(rb"(^|\s)[;#].*", b"", src[i])
        k, v = ln.split(b"=", 1)
        v = v.strip()
        form = r.choice([b" ; c", b";c", b" # c", b"\t#c", b" ; k = 5",
                         b"  ;", b" #", b"#c", b" ;;", b"\t; \xc3\xa9"])
        self.inicom = (form[:1] in b" \t", re.fullmatch(
            rb"-?[0-9.]+(e[-+]?[0-9]+)?", v) is not None)
        edited = list(src)
        edited[i] = k + b"= " + v + form
        plain = list(src)
        plain[i] = k + b"= " + v
        # the copy without the comment by the same name in a folder of
        # its own (a scenario's name is its file's)
        os.makedirs(self.path("plain"), exist_ok=True)
        self.put("plain/e.ini", b"\n".join(plain))
        self.put("e.ini", b"\n".join(edited))
        argv = ["eval", "--chip", "h100-sxm", "--model", "llama3-8b",
                "--json"]
        if flag in argv:
            argv[argv.index(flag) + 1] = "e.ini"
        else:
            argv += [flag, "e.ini"]
        self.iniref = self.rl(*argv, cwd=self.path("plain"))
        self.iniline = i + 1
        return argv

    def inicom_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        ref = self.iniref
        blank, num = self.inicom
        if ref.returncode != 0:
            return why
        if blank:
            if p.returncode != 0:
                why.append("a comment after a blank refused: " +
                           p.stderr.decode("utf-8", "replace")[:100])
            elif p.stdout.replace(self.path("").encode(), b"") != \
                    ref.stdout.replace(self.path("plain/").encode(), b""):
                why.append("a comment after a blank changes the output")
        elif num and p.returncode == 0:
            why.append("a number with a comment glued to it accepted")
        if p.returncode == 2 and not re.search(
                rb"e\.ini:%d\b" % self.iniline if num else rb"e\.ini",
                p.stderr):
            why.append("refusal names not e.ini:%d: " % self.iniline +
                       p.stderr.decode("utf-8", "replace")[:100])
        return why

    # ---- fuzz6: the truncated draws, profile-fit notes and --set ends
    TRUNC_NUMS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 8.0, 1e-300, 2.3e-308,
                  1e-9, 1e-12, 1e300, 1.7976931348623157e308, -1e308, 37.5,
                  1e6, 6.5, 40.0, 4000.0]
    TRUNC_TOKENS = ["inf", "-inf", "nan", "NaN", "1e309", "-1e309", "5e-324",
                    "1e-320", "", "x", "0x10", "1,5", "1e", "--1", "1 2",
                    "\u22121", "\xff"]

    @staticmethod
    def phi_tails(x):
        """P(Z <= x) and P(Z > x) of the standard normal, each from its
        own erfc (no 1 - P rounding)"""
        if x == -math.inf:
            return 0.0, 1.0
        if x == math.inf:
            return 1.0, 0.0
        return (0.5 * math.erfc(-x / math.sqrt(2)),
                0.5 * math.erfc(x / math.sqrt(2)))

    def trunc_mass(self, al, be):
        """the standard normal's probability in [al, be], read from the
        tail each end lies in"""
        if not al < be:
            return 0.0
        pa, qa = self.phi_tails(al)
        pb, qb = self.phi_tails(be)
        if al >= 0:
            return qa - qb
        if be <= 0:
            return pb - pa
        return 1 - pa - qb

    def trunc_quantile(self, al, be, q):
        """the standard normal truncated to [al, be]: its q-quantile,
        mirrored into the lower tail where both ends lie above 0"""
        nd = statistics.NormalDist()
        if al >= 0:
            return -self.trunc_quantile(-be, -al, 1 - q)
        pa = self.phi_tails(al)[0]
        p = pa + q * self.trunc_mass(al, be)
        if p <= 0.5:
            return nd.inv_cdf(min(max(p, 1e-300), 0.5))
        qq = self.phi_tails(be)[1] + (1 - q) * self.trunc_mass(al, be)
        return -nd.inv_cdf(min(max(qq, 1e-300), 0.5))

    def t_trunc(self):
        """claim over an uncertainty file of one normal or lognormal of
        side b with hostile numbers: inf, nan, 1e309, subnormals, huge,
        negative spreads, low above high, one end alone outside the
        parameter's range, a mean far outside it, truncations keeping
        1e-300 of the distribution or about 1e-9 of it; tokens"""
        r = self.rng
        st = self.claim_stated()
        rng_of = {"b." + p["name"]: (p.get("min"), p.get("max"))
                  for p in self.params}
        names = sorted(n for n in st if n in rng_of and
                       isinstance(rng_of[n][0], (int, float)))
        name = r.choice(names)
        lo_p, hi_p = rng_of[name]
        v = st[name]["value"]
        dist = r.choice(["normal", "lognormal"])
        keys = ("mean", "sd") if dist == "normal" else ("median", "sigma")

        def num():
            k = r.random()
            if k < 0.08:
                return r.choice(self.TRUNC_TOKENS)
            if k < 0.4:
                return repr(r.choice(self.TRUNC_NUMS))
            if k < 0.7:  # near the stated value or the range's ends
                base = r.choice([v, lo_p, hi_p, (lo_p + hi_p) / 2])
                return repr(base * r.choice([1, 0.5, 1.5, 1 + 1e-15,
                                             1 - 1e-15, 10, -1]))
            return repr(r.uniform(-0.5, 1.5) * (hi_p - lo_p) + lo_p)

        def spread():
            k = r.random()
            if k < 0.5:
                return repr(r.choice([0.0, 1e-300, 1e-9, 0.01, 0.1, 0.5,
                                      1.0, 3.0, 50.0, 1e300, -1.0, -1e-300])
                            * (1 if dist == "lognormal" or r.random() < 0.3
                               else max(abs(v), 1e-3)))
            return num()
        lines = [f"dist = {dist}", f"{keys[0]} = {num()}",
                 f"{keys[1]} = {spread()}"]
        for end in ("low", "high"):
            if r.random() < 0.6:
                lines.append(f"{end} = {num()}")
        if r.random() < 0.5:  # numbers a user might give: the checks' own
            c = max(float(v), 1e-3) * r.choice([0.2, 0.9, 1, 1.1, 3, 30])
            s = r.choice([0.01, 0.1, 0.5, 1.0, 2.0]) * (
                c if dist == "normal" else 1)
            ends = sorted(r.uniform(lo_p, min(hi_p, 10 * c + 1))
                          for _ in range(2))
            lines = [f"dist = {dist}", f"{keys[0]} = {c!r}",
                     f"{keys[1]} = {s!r}"]
            for end, x in zip(("low", "high"), ends):
                if r.random() < 0.5:
                    lines.append(f"{end} = {x!r}")
        if r.random() < 0.2:  # ends placed to keep about 1e-9, or 1e-300
            c = float(v) if v else 1.0
            s = max(abs(c) * 0.05, 1e-6)
            z = r.choice([5.9978, 5.9979, 6.0, 6.1, 37.5, 38.5])
            lo_z = c + z * s if dist == "normal" else c * math.exp(z * 0.05)
            lines = [f"dist = {dist}", f"{keys[0]} = {c!r}",
                     f"{keys[1]} = {(s if dist == 'normal' else 0.05)!r}",
                     f"low = {lo_z!r}"]
        r.shuffle(lines[1:])
        self.trunc = (name, dist, lines, lo_p, hi_p)
        self.put("u.ini", (f"[{name}]\n" + "\n".join(lines) +
                           "\nsource = fuzz6\n").encode())
        return ["claim", "--uncertainty", "u.ini", "--samples",
                r.choice(["0", "5", "20"]), "--no-design", "--json"]

    def trunc_check(self, argv, p):
        """exit 2 exactly where a number is no finite normal double, a
        spread below 0, a lognormal sigma past ln(DBL_MAX), a median not
        above 0, an end outside the range,
        low above high, or the truncation keeps under 1e-9 (near it not
        judged); a claim run's assumption: the truncated distribution's
        5th and 95th percentiles (worked out here) inside its ends"""
        why = self.stderr_clean(p.stderr)
        name, dist, lines, lo_p, hi_p = self.trunc
        kv = dict(l.split(" = ", 1) for l in lines)
        if p.returncode == 2 and not re.search(rb"u\.ini:\d+", p.stderr):
            why.append("refusal names no u.ini:LINE")
        vals = {}
        for k, t in kv.items():
            if k == "dist":
                continue
            try:
                x = float(t)
            except ValueError:
                x = None
            # rooflab's reader: decimal or exponent forms only, a finite
            # double, none nearer 0 than the smallest normal one
            if x is None or not re.fullmatch(
                    r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", t) or \
                    not math.isfinite(x) or (x != 0 and abs(x) < 2.2250738585072014e-308):
                if p.returncode != 2:
                    why.append(f"{k} = {t!r} taken (exit {p.returncode})")
                return why
            vals[k] = x
        c = vals.get("mean", vals.get("median"))
        s = vals.get("sd", vals.get("sigma"))
        lo, hi = vals.get("low", lo_p), vals.get("high", hi_p)
        bad = None
        if dist == "lognormal" and s > math.log(sys.float_info.max):
            bad = "sigma past ln(DBL_MAX) = 709.782712893384"
        elif s < 0 or (dist == "lognormal" and not c > 0):
            bad = "spread or median"
        elif any(k in vals and not lo_p <= vals[k] <= hi_p
                 for k in ("low", "high")):
            bad = "an end outside the range"
        elif not lo <= hi:
            bad = "low above high"
        if bad:
            if p.returncode != 2:
                why.append(f"{bad} taken: {kv} (exit {p.returncode})")
            return why
        if s == 0:
            m = 1.0 if lo <= c <= hi else 0.0
            al = be = None
        else:
            if dist == "normal":
                al, be = (lo - c) / s, (hi - c) / s
            else:
                lc = math.log(c)
                al = (math.log(lo) - lc) / s if lo > 0 else -math.inf
                be = (math.log(hi) - lc) / s if hi > 0 else -math.inf
            if math.isnan(al) or math.isnan(be):
                return why  # (inf - inf: not worked out here)
            m = self.trunc_mass(al, be)
        if 0.5e-9 <= m <= 2e-9:
            return why  # the line itself: rounding decides
        if m < 1e-9:
            if p.returncode != 2:
                why.append(f"mass {m:.3g} under 1e-9 taken: {kv}")
            elif b"truncation keeps" not in p.stderr:
                why.append("refused, not for the mass: " +
                           p.stderr.decode("utf-8", "replace")[-160:])
            return why
        if p.returncode != 0:
            why.append(f"mass {m:.3g} refused: " +
                       p.stderr.decode("utf-8", "replace")[-160:])
            return why
        try:
            d = json.loads(p.stdout, parse_constant=lambda c: 1 / 0)
        except Exception:  # noqa: BLE001 (judge says it)
            return why
        a = [x for x in d["assumptions"] if x["param"] == name]
        if len(a) != 1:
            return why + [f"assumptions list {name} {len(a)} times"]
        a = a[0]
        ql, qh = a["low"], a["high"]
        if ql is None or qh is None or not lo <= ql <= qh <= hi:
            # (JSON's 10 digits: an end within 1e-9 of it)
            tol = 1e-9 * max(abs(lo), abs(hi), 1e-300)
            if None in (ql, qh) or not (lo - tol <= ql <= qh + tol and
                                        qh <= hi + tol):
                why.append(f"5th-95th {ql} .. {qh} outside [{lo}, {hi}]")
        if al is not None and m > 1e-6 and s > 1e-200 and \
                None not in (ql, qh):
            for q, got in ((0.05, ql), (0.95, qh)):
                z = self.trunc_quantile(al, be, q)
                x = c + s * z if dist == "normal" else c * math.exp(s * z)
                x = min(max(x, lo), hi)
                if not math.isclose(got, x, rel_tol=2e-6,
                                    abs_tol=1e-9 * max(abs(lo), abs(hi))):
                    why.append(f"{q:.0%} percentile {got}, worked out "
                               f"{x!r} ({kv})")
        return why

    PF_NAMES = ["h200-sxm", "h\x1b[31mX", "h\xff\xfe", "a" * 200, "a" * 127,
                "a" * 128, "q'\"`x`",
                "h100-sxm.ini", "\u202eh200", "sp ace", "-h200", "h200\ttab",
                "\xe2\x80", "x.ini.ini", "h100-sxm"]

    def t_profilefit(self):
        """eval, map and curve (--json at times) of a chip INI by path
        under a name with odd bytes (controls, invalid UTF-8, bidi, quotes,
        200 bytes, .ini twice) and a profile that is fitted, ideal, a
        directory, missing, a FIFO or a fitted one's file by path"""
        r = self.rng
        name = r.choice(self.PF_NAMES)
        src = r.choice(["h200-sxm", "h100-sxm", "b200", "l40s"])
        d = self.path("pf")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        raw = name.encode("latin-1") if all(ord(c) < 256 for c in name) \
            else name.encode()
        fn = os.path.join(os.fsencode(d), raw + b".ini")
        with open(os.path.join(DATA, "chips", src + ".ini"), "rb") as f:
            data = f.read()
        with open(fn, "wb") as f:
            f.write(data)
        prof = r.choice(["trtllm-0.10", "trtllm-0.19", "trtllm-1.0",
                         "ideal", "DIR", "MISSING", "FIFO", "BYPATH", None])
        popt = []
        if prof == "DIR":
            os.makedirs(os.path.join(d, "p.ini"))
            popt = ["--profile", "pf/p.ini"]
        elif prof == "MISSING":
            popt = ["--profile", "pf/missing.ini"]
        elif prof == "FIFO":
            os.mkfifo(os.path.join(d, "f.ini"))
            popt = ["--profile", "pf/f.ini"]
        elif prof == "BYPATH":
            popt = ["--profile", os.path.join(DATA, "profiles",
                                              "trtllm-0.14.ini")]
        elif prof:
            popt = ["--profile", prof]
        self.pf = (raw, src, prof)
        cmd = r.choice(["eval", "eval", "map", "curve"])
        argv = [cmd, "--chip", os.fsdecode(b"pf/" + raw + b".ini"),
                "--model", "llama3-8b"] + popt
        if cmd == "eval":
            argv += ["--tp", "1"]
        if r.random() < 0.6:
            argv.append("--json")
        return argv

    def profilefit_check(self, argv, p):
        """stdout and stderr free of control bytes (text), JSON's
        profile_fit naming the file's stem as the chip, a note exactly where
        a fitted profile's chip is not the file's stem, refusals of a
        directory, missing file or FIFO as a profile naming it"""
        why = self.stderr_clean(p.stderr)
        raw, src, prof = self.pf
        if prof in ("DIR", "MISSING", "FIFO"):
            if p.returncode != 2:
                why.append(f"profile {prof}: exit {p.returncode}")
            elif b"pf/" not in p.stderr and b"chip file '" not in p.stderr:
                # (a chip file's name over 127 bytes is refused first)
                why.append(f"profile {prof}: refusal names no path")
            return why
        if p.returncode != 0:
            return why
        if "--json" not in argv:
            try:
                t = p.stdout.decode("utf-8")
                if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", t):
                    why.append("text stdout holds a control byte")
            except UnicodeDecodeError:
                why.append("text stdout not UTF-8")
            return why
        try:
            d = json.loads(p.stdout, parse_constant=lambda c: 1 / 0)
        except Exception:  # noqa: BLE001 (judge says it)
            return why
        fits = []

        def walk(x):
            if isinstance(x, dict):
                if "profile_fit" in x:
                    fits.append(x["profile_fit"])
                for v in x.values():
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
        walk(d)
        stem = raw.decode("utf-8", "replace")
        fitted = prof in ("trtllm-0.10", "trtllm-0.19", "trtllm-1.0",
                          "BYPATH")
        for f in fits:
            carried = f is not None
            if prof == "ideal" and carried:
                why.append("a note for ideal")
            if fitted and carried and f.get("fitted_chip") == stem:
                why.append(f"a note where the chip's name {stem!r} is the "
                           "fitted chip")
            if fitted and not carried and stem != "h100-sxm":
                why.append(f"no note for chip {stem!r} (a {src} file)")
            if carried and "fit_rows_on_chip" in f:
                why.append("profile_fit has fit_rows_on_chip (dropped: "
                           "0 wherever printed)")
            if carried and " of its version there, 0 on " not in \
                    f.get("note", ""):
                why.append(f"a note not saying 0 fit rows on the chip: "
                           f"{f.get('note')!r}")
        return why

    def t_nulcols(self):
        """merge, export, plot and report --sweeps of sweep shards whose
        run_columns names hold a NUL and bytes after it, bytes that are no
        UTF-8, or another column's name (plain, with a NUL after it, in
        another case, with a blank), run_columns rows duplicated"""
        r = self.rng
        for i in range(2):
            self.rm(f"n{i}.db")
            shutil.copy(os.path.join(self.seeds, f"shard{i}.db"),
                        self.path(f"n{i}.db"))
        self.rm("nm.db")
        for i in range(2):
            if i and r.random() < 0.5:
                continue
            con = sqlite3.connect(self.path(f"n{i}.db"))
            names = [x[0] for x in con.execute(
                "SELECT name FROM run_columns ORDER BY ord")]
            for _ in range(r.randint(1, 2)):
                a, b = r.sample(names, 2)
                k = r.randrange(7)
                if k == 0:
                    val, sql = b, "?"
                elif k == 1:
                    val, sql = b, "CAST(? || char(0) || 'x' AS TEXT)"
                elif k == 2:
                    val, sql = a, "CAST(? || char(0) AS TEXT)"
                elif k == 3:
                    val, sql = a, "CAST(CAST(? AS BLOB) || x'ff' AS TEXT)"
                elif k == 4:
                    val, sql = b.upper(), "?"
                elif k == 5:
                    val, sql = b + " ", "?"
                else:
                    con.execute("INSERT INTO run_columns SELECT run_id, "
                                "(SELECT max(ord) + 1 FROM run_columns), "
                                "name, source, dotted, unit FROM run_columns "
                                "WHERE name = ? LIMIT 1", (b,))
                    continue
                con.execute(f"UPDATE run_columns SET name = {sql} WHERE "
                            "name = ?", (val, a))
            con.commit()
            con.close()
        return r.choice([["merge", "nm.db", "n0.db", "n1.db"],
                         ["merge", "--allow-mixed-builds", "nm.db", "n0.db",
                          "n1.db"],
                         ["export", "--db", "n0.db", "--format", "csv"],
                         ["export", "--db", "n0.db", "--format", "json"],
                         ["plot", "pareto", "--db", "n0.db", "--out",
                          "o.svg"],
                         ["report", "--db", self.path("cl.db") if
                          os.path.exists(self.path("cl.db")) else
                          os.path.join(self.seeds, "claim.db"), "--sweeps",
                          "n0.db", "--out", "r.html", "--no-plots"]])

    def nulcols_check(self, argv, p):
        """a refusal names the part or file (never merge's temporary
        file); a merged file or CSV header names no column twice"""
        why = self.stderr_clean(p.stderr)
        if p.returncode == 2:
            if b".tmp-" in p.stderr:
                why.append("refusal names a temporary file")
            elif not re.search(rb"n[01]\.db", p.stderr):
                why.append("refusal names no part")
        if p.returncode != 0:
            return why
        if argv[0] == "merge":
            con = sqlite3.connect(self.path("nm.db"))
            names = [x[0] for x in con.execute(
                "SELECT name FROM run_columns")]
            con.close()
            if len(names) != len(set(names)):
                why.append("the merged run_columns names a column twice")
            if any("\x00" in n for n in names):
                why.append("the merged run_columns keeps a NUL")
        elif "csv" in argv:
            head = p.stdout.split(b"\n", 1)[0].split(b",")
            if len(head) != len(set(head)):
                why.append("a CSV header naming a column twice")
        return why

    LV_CENTRES = [0.0, 5e-324, 2.2250738585072014e-308, 1e-300, 1e-20,
                  1e-12, 0.5, 1.0, 100.0, 1000.0, 5243.10531650879, 1e15,
                  1e300, -1e300, -0.5, -1000.0]

    def t_levels(self):
        """plot heatmap --term dumb of a results table of nx x ny cells,
        z around a hostile centre over a spread drawn relative to it."""
        r = self.rng
        nx, ny = r.randint(2, 5), r.randint(2, 4)
        c = r.choice(self.LV_CENTRES)
        rel = r.choice([1e-15, 1e-12, 1e-9, 1e-8, 1e-6, 1e-3, 0.1, 1, 10, 1e3])
        w = abs(c) * rel if c != 0 else r.choice([5e-324, 1e-300, 1e-20, 1])
        speedup = r.random() < 0.3
        col = "speedup_total_tokens" if speedup else \
            "throughput_output_tokens_per_s"
        rows = []
        for i in range(nx):
            for j in range(ny):
                z = c + w * r.choice([0, 1, 0.5, r.random(), -r.random(), i, j])
                if z != z or abs(z) == float("inf"):
                    z = c
                rows.append([1, 0.1 * (i + 1), 100.0 * (j + 1), z])
        odd = r.random()
        if odd < 0.08:
            rows[r.randrange(len(rows))][3] = None
        elif odd < 0.14:
            rows[r.randrange(len(rows))][3] = r.choice(
                [float("inf"), float("-inf")])
        elif odd < 0.2:
            del rows[r.randrange(len(rows))]
        self.rm("lv.db")
        con = sqlite3.connect(self.path("lv.db"))
        con.execute("CREATE TABLE results(run_id INTEGER, design_frac_mac "
                    f"REAL, chip_tdp_w REAL, {col} REAL)")
        con.executemany("INSERT INTO results VALUES(?, ?, ?, ?)", rows)
        con.commit()
        con.close()
        argv = ["plot", "heatmap", "--db", "lv.db", "--x", "design.frac_mac",
                "--y", "chip.tdp_w", "--z", col.replace("_", ".", 1)
                if not speedup else col, "--term", "dumb"]
        target = None
        if speedup and r.random() < 0.5:
            target = r.choice([c, c + w / 2, c + w, 1e-6, 20, 1e9])
            argv += ["--target", "%.17g" % target]
        full = len(rows) == nx * ny and all(
            v[3] is not None and abs(v[3]) != float("inf") for v in rows)
        zs = [v[3] for v in rows if v[3] is not None]
        self.lv = (full, zs)
        return argv

    @staticmethod
    def lv_faithful(title, level):
        """title is level printed at the decimals or significant digits
        the title itself shows (C's and Python's printf agree)."""
        if "e" in title or "E" in title:
            for p in range(1, 18):
                if "%.*g" % (p, level) == title:
                    return True
            return False
        d = len(title.split(".")[1]) if "." in title else 0
        return "%.*f" % (d, level) == title

    def levels_check(self, argv, p):
        why = []
        if p.returncode not in (0, 2):
            return why  # judge names it
        full, zs = self.lv
        finite = [z for z in zs if abs(z) != float("inf")]
        # (heatmap.c span_undrawable: with its hair of margin, 1e-8)
        wide = bool(finite) and self.sp_wide(min(finite), max(finite))
        if p.returncode != 0:
            # a --target outside [1e-6, 1e9] is refused, naming it; so is
            # a z whose ends lie more than the largest double apart, where
            # gnuplot traced no contour (nothing drawn, exit 0)
            if full and b"--target" not in p.stderr and not (
                    wide and b"the colour (z)" in p.stderr):
                why.append("levels: a full grid refused: " +
                           p.stderr.decode("utf-8", "replace")[:120])
            if wide and b"the colour (z)" not in p.stderr and \
                    b"--target" not in p.stderr:
                why.append("levels: a z past a double's span refused "
                           "without naming it")
            return why
        if wide:
            why.append("levels: a z past a double's span drawn (gnuplot "
                       "draws it blank), not refused")
            return why
        zmin, zmax = min(zs), max(zs)
        span = zmax - zmin
        if span == float("inf"):
            # an infinite z (no cell): the levels are not judged
            return why
        flat = "%.9g" % zmin == "%.9g" % zmax
        out = p.stdout.decode("utf-8", "replace")
        # the key lies below the x axis's label (where it is drawn)
        out = out[max(out.rfind("(design.frac_mac)"), 0):]
        # (a key too wide for a row wraps: its samples there no '-')
        keys = [re.search(r" (-?[0-9][0-9.e+-]*) +-?" + re.escape(ch) +
                          "{3,}", out)
                for ch in "*#$%"]
        drawn = all(keys)
        if not (full and not flat):
            if drawn and re.search(r" -\*{3,}.* -#{3,}", out):
                why.append("levels: a key of levels where the grid is not "
                           "full or is one colour")
            return why
        # gnuplot traces no contour at some levels of a span near 1e-9 of
        # z, and its key then drops them: the entries drawn are judged
        lv = [zmin + (zmax - zmin) * k / 5.0 for k in range(1, 5)]
        got = [(m.group(1), v) for m, v in zip(keys, lv) if m]
        if not got and not (flat or span < 1e-8 * max(abs(zmin), abs(zmax))):
            why.append("levels: no key of levels on a full grid")
        titles = [t for t, _ in got]
        # (levels alike as doubles, subnormals 1 step apart, print alike)
        if len(set(titles)) != len(titles) and len(set(lv)) == 4:
            why.append(f"levels: the key's titles alike: {titles}")
        for t, v in got:
            if not self.lv_faithful(t, v):
                why.append(f"levels: title {t} is not the level {v!r}")
                break
        return why

    # ---- fuzz9: the heatmap's span refusal (plots/heatmap.c)
    SP_BASES = [4.4942328e307, 4.494232e307, 4.49423283e307, 4.4942329e307,
                8.9884656e307, 8.98846567e307, 8.988465e307, 5e307, 1e308,
                1.7976931348623157e308, 4.4e307, 1e300, 1.0]

    @staticmethod
    def sp_wide(lo, hi):
        """span_undrawable: ends more than the largest double apart, with
        a margin of 1e-8 of it (Python's floats are C's doubles)."""
        return (hi - lo) * (1 + 1e-8) in (float("inf"), float("-inf"))

    @staticmethod
    def sp_ends(u):
        """axis_ends of a linear axis: the outer cells' edges, half the
        gap to the neighbour past each end, held at the value where that
        leaves the doubles (heatmap.c edges)."""
        u = sorted(set(u))
        lo = u[0] - (u[1] - u[0]) / 2
        hi = u[-1] + (u[-1] - u[-2]) / 2
        inf = float("inf")
        return (u[0] if lo in (inf, -inf) else lo,
                u[-1] if hi in (inf, -inf) else hi)

    def sp_values(self, n):
        """n distinct values near the doubles' ends, one of them not
        positive (a linear axis: no log spacing to decide)"""
        r = self.rng
        vals = set()
        while len(vals) < n:
            vals.add(r.choice(self.SP_BASES) *
                     r.choice([1, 1, -1, -1, 0.5, -0.5, 0.25, 0]))
        if min(vals) > 0:
            vals.discard(max(vals))
            vals.add(-r.choice(self.SP_BASES))
            while len(vals) < n:
                vals.add(0.0)
        return sorted(vals)

    def t_spanx(self):
        """plot heatmap (text or SVG) of a results table whose x, y or z
        lies near the doubles' ends."""
        r = self.rng
        which = r.choice("xyz")
        xs = self.sp_values(r.randint(2, 4)) if which == "x" else [0.1, 0.2]
        ys = self.sp_values(r.randint(2, 3)) if which == "y" else [100.0,
                                                                   200.0]
        rows, zs = [], []
        for i, x in enumerate(xs):
            for j, y in enumerate(ys):
                z = 1.0 + i + j
                if which == "z":
                    z = r.choice(self.SP_BASES) * r.choice([1, -1, 0.5, -0.5,
                                                            0])
                rows.append([1, x, y, z])
                zs.append(z)
        self.rm("sp.db", "sp.svg")
        con = sqlite3.connect(self.path("sp.db"))
        con.execute("CREATE TABLE results(run_id INTEGER, design_frac_mac "
                    "REAL, chip_hbm_tbps REAL, throughput_output_tokens_per_s"
                    " REAL)")
        con.executemany("INSERT INTO results VALUES(?, ?, ?, ?)", rows)
        con.commit()
        con.close()
        self.sp = (xs, ys, zs)
        return ["plot", "heatmap", "--db", "sp.db", "--x", "design.frac_mac",
                "--y", "chip.hbm_tbps", "--z",
                "throughput.output_tokens_per_s"] + (
                    ["--term", "dumb"] if r.random() < 0.5
                    else ["--out", "sp.svg"])

    def spanx_check(self, argv, p):
        """exit 2 naming the first column whose span is refused (x, y,
        then z), nothing written; else exit 0"""
        xs, ys, zs = self.sp
        want = None
        if self.sp_wide(*self.sp_ends(xs)):
            want = b"the x axis, design.frac_mac"
        elif self.sp_wide(*self.sp_ends(ys)):
            want = b"the y axis, chip.hbm_tbps"
        elif self.sp_wide(min(zs), max(zs)):
            want = b"the colour (z), throughput.output_tokens_per_s"
        rc = p.returncode
        if want is None and rc != 0:
            return [f"spanx: {xs} x {ys}, z {min(zs)!r}..{max(zs)!r} "
                    f"refused: " + p.stderr.decode("utf-8", "replace")[:100]]
        if want is not None:
            why = []
            if rc != 2 or want not in p.stderr:
                why.append(f"spanx: exit {rc}, {want.decode()} over the "
                           f"largest double not refused naming it ({xs} x "
                           f"{ys}, z {min(zs)!r}..{max(zs)!r})")
            if os.path.exists(self.path("sp.svg")):
                why.append("spanx: an image written where refused")
            return why
        return []

    # ---- fuzz8: the software note and the [meta] a profile's fit is read by
    SN_PIECES = ["Tri'ton", '"x"', "`touch PW`", "$(touch PW)",
                 "'; DROP TABLE runs; --", "x'); DELETE FROM runs; --",
                 'set output "|touch PW"', 'system("touch PW")', "\\",
                 "<b>&amp;</b>", "</p><script>x</script>", "\u202e", "\u2028",
                 "\x1b[31m", "\x7f", "\x01", "\t", "é", "日本", "\U0001f600",
                 "TensorRT-LLM", "TensorRT-LLM ", "vLLM 0.6.0", "0.10.0",
                 " ", "%s%n", "{{x}}", "\ufeff"]
    SN_RAW = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\r"]
    SN_NAMES = ["trtllm-0.10", "trtllm-0.19", "trtllm-1.0", "ideal",
                "trtllm-0.10.ini", "/x", "../profiles/trtllm-0.10",
                "trtllm-0.10 ", "TRTLLM-0.10", "p", "a" * 127, "a" * 128,
                "trtllm-0.1", "'; DROP TABLE x; --"]
    SN_CHIPS = {"mi300x": "", "h100-sxm": "TensorRT-LLM",
                "h200-sxm": "TensorRT-LLM", "sohu": ""}

    def sn_text(self):
        """hostile [meta] text: pieces, at times a byte no UTF-8 holds, a
        NUL or a CR, at times padded to 126-129 or 300 bytes"""
        r = self.rng
        t = "".join(r.choice(self.SN_PIECES)
                    for _ in range(r.randint(1, 5))).encode()
        if r.random() < 0.1:
            k = r.randrange(len(t) + 1)
            t = t[:k] + r.choice(self.SN_RAW) + t[k:]
        if r.random() < 0.3:
            t = t + b"v" * max(0, r.choice([126, 127, 128, 129, 300]) -
                               len(t))
        return t

    def t_softnote(self):
        """a copy of a fitted profile whose [meta] software, name or
        calibrated is hostile (quotes, shell, SQL, gnuplot and HTML text,
        controls, bidi, invalid UTF-8, NUL, CR, 126-300 bytes), on a chip
        whose preset names TensorRT-LLM or no software (or a chip file
        whose software is hostile), through eval, map, curve, claim --json,
        or a sweep (its runs.software_note, baseline_software_note) read
        back by export (JSON, CSV) and report --sweeps"""
        r = self.rng
        src = r.choice(["trtllm-0.10", "trtllm-0.10", "trtllm-0.19"])
        with open(os.path.join(DATA, "profiles", src + ".ini"), "rb") as f:
            data = f.read()
        sw = self.sn_text() if r.random() < 0.8 else None
        name = r.choice(self.SN_NAMES).encode() if r.random() < 0.4 \
            else None
        cal = self.sn_text()[:r.choice([31, 32, 40])] \
            if r.random() < 0.15 else None
        if sw is not None:
            data = re.sub(rb"(?m)^software = .*$",
                          lambda m: b"software = " + sw, data, count=1)
        if name is not None:
            data = re.sub(rb"(?m)^name = .*$", lambda m: b"name = " + name,
                          data, count=1)
        if cal is not None:
            data = re.sub(rb"(?m)^calibrated = .*$",
                          lambda m: b"calibrated = " + cal, data, count=1)
        self.put("p.ini", data)
        chip = r.choice(list(self.SN_CHIPS))
        chipsw = self.SN_CHIPS[chip]
        chipval = None
        if r.random() < 0.2:
            chipval = self.sn_text()
            self.put("c.ini", b"[meta]\nsoftware = " + chipval +
                     b"\n[preset]\nchip = h100-sxm\n")
            chip = "c.ini"
        self.sn = {"src": src, "data": data, "chip": chip, "chipsw": chipsw,
                   "chipval": chipval, "kind": None}
        self.rm("PW", "sw.db", "c.db")
        kind = r.choice(["eval", "eval", "map", "curve", "claim", "sweep",
                         "sweep", "sweep"])
        self.sn["kind"] = kind
        if kind in ("eval", "map", "curve"):
            argv = [kind, "--chip", chip, "--model", "llama3-8b",
                    "--profile", "p.ini"]
            if kind == "eval":
                argv += ["--tp", "1"]
            if kind == "map":
                argv += ["--chips", r.choice(["1", "2"])]
            return argv + (["--json"] if r.random() < 0.7 else [])
        if kind == "claim":
            return ["claim", "--b", f"{chip},profile=p.ini", "--samples",
                    "5", "--no-design", "--json"]
        base = r.random() < 0.7
        bl = not base or r.random() < 0.5
        # the profile on the [base] or the [baseline], or both; the other
        # section on the H100 (TensorRT-LLM)
        self.sn["sections"] = ((chip if base else "h100-sxm", base),
                               ("h100-sxm" if base else chip, bl))
        spec = ("[base]\nchip = %s\nmodel = llama3-8b\n%s[axes]\n"
                "scenario.batch = 1, 2\n[baseline]\nchip = %s\n"
                "model = llama3-8b\n%s" % (
                    chip if base else "h100-sxm",
                    "profile = p.ini\n" if base else "",
                    "h100-sxm" if base else chip,
                    "profile = p.ini\n" if bl else ""))
        self.put("s.ini", spec.encode())
        self.sn["spec"] = spec
        p = self.rl("sweep", "s.ini", "--db", "sw.db")
        self.sn["sweep"] = p
        if p.returncode != 0:
            return ["sweep", "s.ini", "--db", "sw.db"]
        return r.choice([["export", "--db", "sw.db", "--format", "json"],
                         ["export", "--db", "sw.db", "--format", "csv"],
                         ["report", "--db", os.path.join(self.seeds,
                                                         "claim.db"),
                          "--sweeps", "sw.db", "--out", "r.html",
                          "--no-plots"]])

    @staticmethod
    def sn_value(data, key):
        """the [meta] value of key in data as the INI reader takes it:
        (None, None) where absent, else (value, why refused or None): one
        CR at the end cut (CRLF), another refused, a comment cut from a ';'
        or '#' after a blank, bytes no UTF-8 refused, blanks trimmed"""
        m = re.search(rb"(?m)^" + key + rb" = ([^\n]*)", data)
        if not m:
            return None, None
        v = m.group(1)
        if b"\x00" in data:
            return v, "NUL"
        if v.endswith(b"\r"):
            v = v[:-1]
        if b"\r" in v:
            return v, "CR"
        c = re.search(rb"(?<=[ \t\n\v\f\r])[;#]", v)
        if c:
            v = v[:c.start()]
        try:
            v.decode("utf-8")
        except UnicodeDecodeError:
            return v, "UTF-8"
        v = v.strip(b" \t\n\v\f\r")
        return v, "empty" if not v else None

    def sn_refusal(self, data, key, cap):
        """why data's [meta] key is refused (None: taken, or absent)"""
        v, bad = self.sn_value(data, key)
        if bad or v is None:
            return bad
        return "long" if cap and len(v) >= cap else None

    def softnote_check(self, argv, p):
        """exit 2 exactly where a [meta] value is refused (NUL, CR, no
        UTF-8, empty, software of 128 bytes or calibrated of 32 on), the
        message naming the file; else the software note exactly where the
        chip's software is no family of the profile's, its words the
        profile's [meta] software byte for byte in JSON and the sweep's
        database and export's JSON; no file PW; no control byte on stderr
        nor markup from the value in the report"""
        why = self.stderr_clean(p.stderr)
        sn = self.sn
        if os.path.exists(self.path("PW")):
            why.append("a command in a [meta] value ran (PW made)")
        data = sn["data"]
        sw = self.sn_value(data, b"software")[0]
        bad = self.sn_refusal(data, b"software", 128) or \
            self.sn_refusal(data, b"calibrated", 32) or \
            self.sn_refusal(data, b"name", 0)
        nm = self.sn_value(data, b"name")[0]
        cbad = None
        chipsw = sn["chipsw"]
        if sn["chipval"] is not None:
            cdata = b"software = " + sn["chipval"] + b"\n"
            cbad = self.sn_refusal(cdata, b"software", 128)
            chipsw = None if cbad else \
                self.sn_value(cdata, b"software")[0].decode()
        # refusals: at the sweep (its own exit), else at the command
        rc, err = p.returncode, p.stderr
        if sn["kind"] == "sweep" and argv[0] != "sweep":
            rc, err = sn["sweep"].returncode, sn["sweep"].stderr
            if "p.ini" not in sn["spec"]:
                bad = None
        if bad or cbad:
            if rc != 2:
                why.append(f"[meta] {bad or cbad} value taken "
                           f"(exit {rc})")
            elif not re.search(rb"[pc]\.ini", err):
                why.append("refusal names no p.ini or c.ini: " +
                           err.decode("utf-8", "replace")[:120])
            return why
        if rc != 0:
            why.append(f"exit {rc}: " + err.decode("utf-8", "replace")[-160:])
            return why
        sws = sw.decode("utf-8")

        def want_on(chip):
            """the note of p.ini on chip (None: none), by of_family"""
            csw = chipsw if chip == sn["chip"] else self.SN_CHIPS[chip]
            name = "c" if chip == "c.ini" else chip
            if csw and sws.startswith(csw) and \
                    sws[len(csw):len(csw) + 1] in ("", " "):
                return None
            return (f"profile p is of {sws}, software the preset of chip "
                    f"{name} does not name (it names {csw or 'none'}): its "
                    "figures are that software's efficiencies carried over "
                    "to this chip by ASSUMPTION")
        want = want_on(sn["chip"])
        if sn["kind"] in ("eval", "map", "curve", "claim") and \
                "--json" in argv:
            try:
                d = json.loads(p.stdout)
            except Exception:  # noqa: BLE001 (judge says it)
                return why
            got = []

            def walk(x):
                if isinstance(x, dict):
                    for k, v in x.items():
                        if k.endswith("software_note"):
                            got.append(v)
                        walk(v)
                elif isinstance(x, list):
                    for v in x:
                        walk(v)
            walk(d)
            if sn["kind"] == "claim":
                got = [d.get("b", {}).get("software_note")]
            if not got:
                why.append("no software_note in the JSON")
            for g in got:
                if g != want:
                    why.append(f"software_note {str(g)[:80]!r}, worked out "
                               f"{str(want)[:80]!r}")
                    break
            if sn["kind"] == "eval":
                fit = re.search(r"a copy of profile (\S+)'s fit",
                                d["setup"].get("profile_chosen") or "")
                wfit = nm.decode() if nm is not None else "p"
                wfit = wfit if wfit == sn["src"] else None
                if (fit.group(1) if fit else None) != wfit:
                    why.append(f"copy note names {fit and fit.group(1)!r}, "
                               f"worked out {wfit!r} ([meta] name {nm!r})")
        if sn["kind"] == "sweep" and argv[0] != "sweep":
            con = sqlite3.connect(self.path("sw.db"))
            con.text_factory = bytes
            row = con.execute("SELECT software_note, baseline_software_note "
                              "FROM runs").fetchone()
            con.close()
            (bchip, onbase), (lchip, onbl) = sn["sections"]
            wb = want_on(bchip) if onbase else None
            wl = want_on(lchip) if onbl else None
            for k, w, label in ((0, wb, "software_note"),
                                (1, wl, "baseline_software_note")):
                w = w.encode() if w else None
                if (row[k] or None) != w:
                    why.append(f"runs.{label} {row[k]!r:.80}, worked out "
                               f"{w!r:.80}")
            if argv[0] == "export" and "json" in argv:
                try:
                    run = json.loads(p.stdout)["run"]
                except Exception:  # noqa: BLE001 (judge says it)
                    return why
                g = run.get("software_note")
                if (g != wb) if wb else g not in ("", None):
                    why.append(f"export's run.software_note {g!r:.80}")
            if (wb or wl) and b"is of " not in p.stderr and \
                    argv[0] == "export":
                why.append("export says no software note")
            if argv[0] == "report":
                page = open(self.path("r.html"), "rb").read() if \
                    os.path.exists(self.path("r.html")) else b""
                for mark in (b"<b>&amp;</b>", b"<script>", b"\x1b"):
                    if mark in sw and mark in page:
                        why.append(f"the report holds {mark!r} from the "
                                   "value")
                if (wb or wl) and b"is of " not in page:
                    why.append("the report says no software note")
        return why

    # ---- fuzz11: a preset or spec of raw bytes, a NUL named by line
    def t_nulini(self):
        """a preset (or sweep spec) of raw mutated bytes, the first NUL's
        line and byte worked out here (nulini_check)"""
        r = self.rng
        kind, flag, name = r.choice([
            ("chips", "--chip", "h100-sxm"), ("models", "--model",
                                               "llama3-8b"),
            ("profiles", "--profile", "trtllm-0.15"),
            ("scenarios", "--scenario", "trtllm-128-128"),
            ("sweeps", None, None)])
        if kind == "sweeps":
            src = open(os.path.join(ROOT, "sweeps", r.choice(
                [f for f in sorted(os.listdir(os.path.join(ROOT, "sweeps")))
                 if f.endswith(".ini")])), "rb").read()
        else:
            src = open(os.path.join(DATA, kind, name + ".ini"), "rb").read()
        b = bytearray(src)
        for _ in range(r.randrange(0, 4)):
            k, at = r.randrange(6), r.randrange(len(b) + 1)
            if k == 0 and b:
                b[min(at, len(b) - 1)] = r.randrange(256)
            elif k == 1:
                b[at:at] = r.choice([b"\xff", b"\xc3", b"\xed\xa0\x80",
                                     b"\r", b"\xe2\x80\xae", b"\x1b"])
            elif k == 2:
                b = bytearray(bytes(b).replace(b"\n", b"\r\n"))
            elif k == 3:
                b[at:at] = b"x" * r.choice([4094, 4095, 4096, 4097])
            elif k == 4 and not b.startswith(b"\xef\xbb\xbf"):
                b[0:0] = b"\xef\xbb\xbf"
            else:
                del b[at:at + r.randrange(1, 30)]
        for _ in range(r.choice([0, 1, 1, 1, 2])):
            at = r.randrange(len(b) + 1)
            b[at:at] = b"\0"
        fname = "s.ini" if kind == "sweeps" else "e.ini"
        self.rm("s.ini", "e.ini", "s.db")
        self.put(fname, bytes(b))
        self.nulini = (fname, bytes(b), len(b) > 65536 and kind == "sweeps")
        if kind == "sweeps":
            return ["sweep", fname, "--db", "s.db", "--count"]
        argv = ["eval", "--chip", "h100-sxm", "--model", "llama3-8b",
                "--json"]
        if flag in argv:
            argv[argv.index(flag) + 1] = fname
        else:
            argv += [flag, fname]
        return argv

    def nulini_check(self, argv, p):
        fname, data, too_big = self.nulini
        why = self.stderr_clean(p.stderr)
        if p.returncode == 2 and fname.encode() not in p.stderr:
            why.append(f"refusal names not {fname}: " +
                       p.stderr.decode("utf-8", "replace")[:100])
        at = data.find(b"\0")
        if at < 0 or too_big:
            return why
        line = data.count(b"\n", 0, at) + 1
        start = data.rfind(b"\n", 0, at) + 1
        if line == 1 and data.startswith(b"\xef\xbb\xbf"):
            start = 3
        want = b"%s:%d: byte %d of the line is a NUL byte" % (
            fname.encode(), line, at - start + 1)
        if p.returncode != 2 or want not in p.stderr:
            why.append("a NUL not refused as '%s': status %d, %s" % (
                want.decode(), p.returncode,
                p.stderr.decode("utf-8", "replace")[:120]))
        return why

    # ---- fuzz12: setup.c's '=' blank rule, run.c's removal of a database
    # that holds nothing, validate --measurements of a million rows
    BLANK_NAMES = [b"chip.hbm_tbps", b"scenario.batch", b"scenario.precision",
                   b"hbm_tbps", b"chip.hbm_tbp", b"", b" ", b"\t",
                   b"\xff\xfe", b"a\x1b[31m", b"x" * 300, b"chip.\xc3",
                   b"chip.hbm_tbps.x", b"\xe2\x80\xae", b"."]
    BLANK_VALUES = [b"3", b"", b" ", b"3 ", b"fp8", b"=3", b"\xff", b"1e309",
                    b"\t2", b"x" * 200, b"8\x07"]

    def t_blankeq(self):
        """an assignment with blanks (or tabs) at the ends of its name and
        value, by --set or as a spec's set line (blankeq_check)"""
        r = self.rng
        lead = r.choice([b"", b"", b" ", b"\t"])
        left = r.choice([b"", b" ", b"\t", b"  ", b" \t"])
        right = r.choice([b"", b"", b" ", b"\t"])
        a = lead + r.choice(self.BLANK_NAMES) + left + b"=" + right + \
            r.choice(self.BLANK_VALUES) + r.choice([b"", b"", b" "])
        self.blankeq = a
        self.rm("s.ini", "s.db")
        if r.random() < 0.5:
            self.blankeq_spec = False
            return ["eval", "--chip", "h100-sxm", "--model", "llama3-8b",
                    "--set", os.fsdecode(a)]
        self.blankeq_spec = True
        self.put("s.ini", b"[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
                 b"set = " + a + b"\n[axes]\nscenario.isl = 128, 256\n")
        return ["sweep", "s.ini", "--db", "s.db", "--count"]

    def blankeq_check(self, argv, p):
        """a blank before the '=' (in a set line, after the line's own
        blanks are gone) refused on one line naming the file and line in a
        spec; the way to write it it gives, where it gives one, taken by
        the parser: not refused again for blanks or the '='."""
        a, why = self.blankeq, self.stderr_clean(p.stderr)
        eqs = a.strip(b" \t") if self.blankeq_spec else a
        k = eqs.find(b"=")
        if k > 0 and eqs[k - 1:k] in (b" ", b"\t"):
            if p.returncode != 2:
                why.append("a blank before the '=' not refused")
            msg = "\n".join(x for x in p.stderr.decode(
                "utf-8", "replace").strip().split("\n") if ": note: " not in x)
            if msg.count("\n"):
                why.append("refusal of more than one line")
            if self.blankeq_spec and "s.ini:4:" not in msg:
                why.append("refusal names not s.ini:4: " + msg[:100])
            m = re.search(r"; write (\S*) \(no blanks", msg)
            if m and "\ufffd" not in m.group(1) and len(a) < 500:
                w = m.group(1)
                name, _, val = w.partition("=")
                if not name or not val:
                    why.append("the way to write it is no assignment: " + w)
                elif name != "section.key":
                    q = self.rl("eval", "--chip", "h100-sxm", "--model",
                                "llama3-8b", "--set", w)
                    e = q.stderr.decode("utf-8", "replace")
                    if "blanks around" in e or "no parameter before" in e:
                        why.append(f"the way to write it ({w}) is refused "
                                   "again: " + e.strip()[:100])
        return why

    def t_emptydb(self):
        """a sweep whose run fails (a file size limit, ulimit -f, of 0-64
        KiB; a point that cannot be stored) into a new database, an empty
        file, one holding another run, or a link to nothing
        (emptydb_check)"""
        r = self.rng
        for f in os.listdir(self.work):
            if f.startswith("e.db") or f == "s.ini":
                self.rm(f)
        n = r.choice([2, 30, 300, 3000])
        self.put("s.ini", b"[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
                 b"profile = ideal\n[axes]\nchip.hbm_tbps = 1:5:%d log\n"
                 b"scenario.isl = 128, 256\n" % (n // 2))
        before = r.choice(["none", "none", "empty", "other", "link"])
        if before == "empty":
            self.put("e.db", b"")
        elif before == "other":
            shutil.copy(os.path.join(self.seeds, "sweep.db"), self.path("e.db"))
        elif before == "link":
            os.symlink("nowhere.db", self.path("e.db"))
        self.emptydb = (before, r.choice([0, 1, 4, 16, 64, None]))
        self.emptydb_before = (open(self.path("e.db"), "rb").read()
                               if before == "other" else None)
        return ["sweep", "s.ini", "--db", "e.db"] + r.choice(
            [[], [], ["--shard", "1/2"], ["--points-per-commit", "1"]])

    def run_fsize(self, argv, blocks):
        """the binary on argv with files limited to blocks KiB (None: no
        limit), as emptydb and dbpath run it"""

        def limit():
            import resource
            if blocks is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE,
                                   (blocks * 1024, blocks * 1024))
        return subprocess.run([self.a.bin, *argv], cwd=self.work,
                              capture_output=True, preexec_fn=limit,
                              timeout=self.a.timeout)

    def emptydb_run(self, argv):
        return self.run_fsize(argv, self.emptydb[1])

    def emptydb_check(self, argv, p):
        """a failed run leaves no file it made that holds nothing (the
        database, -wal, -shm, -journal) and does not say --resume of it;
        a file that was there is kept, another run's bytes as they were
        where the run failed before writing; a run that succeeds stores
        its points."""
        before, _ = self.emptydb
        why = self.stderr_clean(p.stderr)
        left = sorted(f for f in os.listdir(self.work) if f.startswith("e.db"))
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode == 0:
            try:
                con = sqlite3.connect(self.path("e.db"))
                if not con.execute("SELECT count(*) FROM points").fetchone()[0]:
                    why.append("a run that succeeded stored no point")
                con.close()
            except sqlite3.Error as e:
                why.append(f"a run that succeeded left no database: {e}")
            return why
        if before in ("none", "link"):
            held = 0
            if os.path.lexists(self.path("e.db")) and before == "none":
                try:
                    con = sqlite3.connect(f"file:{self.path('e.db')}?mode=ro",
                                          uri=True)
                    held = con.execute("SELECT count(*) FROM points"
                                       ).fetchone()[0]
                    con.close()
                except sqlite3.Error:
                    # an empty file has no table to count and holds
                    # nothing (fuzz14: left under ulimit -f 0)
                    held = 0 if os.path.getsize(self.path("e.db")) == 0 \
                        else -1
                if held == 0:
                    why.append("a failed run left the database it made "
                               "holding nothing: " + ", ".join(left))
                if held == 0 and "--resume" in err:
                    why.append("--resume said of a run that holds nothing")
            if before == "link" and not os.path.islink(self.path("e.db")):
                why.append("the link to nothing was replaced or removed")
        elif not os.path.lexists(self.path("e.db")):
            why.append(f"a failed run removed the {before} file that was "
                       "there")
        return why

    def t_csvbig(self):
        """validate --measurements (--json) of the published rows repeated
        to 10^5 or 10^6 rows, ids kept (duplicated) or made distinct, a
        cell of invalid UTF-8, NaN or inf text or 400 digits at times."""
        r = self.rng
        head, rows = self.csv[0], self.csv[1:-1]
        n = r.choice([100000, 1000000])
        body = []
        bad = r.choice([None, b"\xff\xfe", b"NaN", b"inf", b"9" * 400,
                        b"\"a\nb\"", b"\xed\xa0\x80"])
        at = r.randrange(n)
        for k in range(n):
            row = rows[k % len(rows)]
            if r.random() < 0.5 or k == at:
                f = row.split(b",")
                if r.random() < 0.5:
                    f[0] = f[0] + b"-%d" % k
                if k == at and bad is not None:
                    f[r.randrange(len(f))] = bad
                row = b",".join(f)
            body.append(row)
        self.put("m.csv", b"\n".join([head] + body) + b"\n")
        return ["validate", "--measurements", "m.csv"] + r.choice(
            [["--json"], []])

    # ---- modellabels: the model column read as presets (modellabel.c)
    ML_SPELLINGS = [
        ("deepseek-r1", "deepseek-r1"), ("falcon-180b", "falcon-180b"),
        ("gpt-j-6b", "gpt-j-6b"), ("gpt-oss-120b", "gpt-oss-120b"),
        ("gpt-oss-20b", "gpt-oss-20b"), ("llama2-70b", "llama2-70b"),
        ("llama2-7b", "llama2-7b"), ("llama3-405b", "llama3-405b"),
        ("llama3-70b", "llama3-70b"), ("llama3-8b", "llama3-8b"),
        ("llama3.1-405b", "llama3.1-405b"), ("llama3.1-70b", "llama3.1-70b"),
        ("llama3.1-8b", "llama3.1-8b"), ("llama3.3-70b", "llama3.3-70b"),
        ("llama4-maverick-17b-128e", "llama4-maverick-17b-128e"),
        ("llama4-scout-17b-16e", "llama4-scout-17b-16e"),
        ("mistral-7b", "mistral-7b"), ("mixtral-8x22b", "mixtral-8x22b"),
        ("mixtral-8x7b", "mixtral-8x7b"),
        ("qwen3-235b-a22b", "qwen3-235b-a22b"),
        ("qwen3-30b-a3b", "qwen3-30b-a3b"),
        ("LLaMA v2 7B", "llama2-7b"), ("LLaMA v2 70B", "llama2-70b"),
        ("LLaMA v3 8B", "llama3-8b"), ("LLaMA v3 70B", "llama3-70b"),
        ("LLaMA v3.1 8B", "llama3.1-8b"), ("LLaMA v3.1 70B", "llama3.1-70b"),
        ("LLaMA v3.3 70B", "llama3.3-70b"),
        ("Llama 4 Maverick", "llama4-maverick-17b-128e"),
        ("Llama 4 Scout", "llama4-scout-17b-16e"),
        ("meta-llama/Meta-Llama-3-8B", "llama3-8b"),
        ("meta-llama/Meta-Llama-3-70B", "llama3-70b"),
        ("meta-llama/Meta-Llama-3.1-8B", "llama3.1-8b"),
        ("meta-llama/Meta-Llama-3.1-70B", "llama3.1-70b"),
        ("meta-llama/Meta-Llama-3.1-405B", "llama3.1-405b"),
        ("mistralai/Mistral-7B-v0.1", "mistral-7b"),
        ("mistralai/Mixtral-8x7B-v0.1", "mixtral-8x7b"),
        ("mistralai/Mixtral-8x22B-v0.1", "mixtral-8x22b")]
    ML_TAILS = {b"instruct", b"chat", b"hf", b"fp8", b"fp4", b"nvfp4",
                b"bf16", b"fp16"}
    ML_HOSTILE = [b"", b" ", b"-_-", b"/", b"../x", b"../llama3-70b",
                  b"llama3-70b/", b"..", b".", b"a" * 300, b"llama3-70b" +
                  b" " * 300, b"llama3 70b" + b" fp8" * 15,
                  b"\xffllama3-70b", b"llama3-70b\xff", b"llama3\xc2\xa070b",
                  b"Llama 270B", b"Llama 3.18B", b"gpt-oss-1 20b",
                  b"llama3-70b\x00x", b"\x00", b"llama3\x0170b",
                  b"\xed\xa0\x80", b"llama3.1-70b-llama3-70b",
                  b"llama3-70b llama3.1-70b", b"Llama 3 70B/Llama 3.1 70B"]

    @staticmethod
    def ml_skeleton(label):
        """modellabel.h read independently: after the last '/', ASCII
        letters lowered, words parted by ASCII blanks and punctuation but
        '.', trailing kinds dropped, joined with nothing between but a '-'
        between two numbers."""
        s = label.rsplit(b"/", 1)[-1].lower()
        words = [w for w in re.split(rb"[\x09-\x0d !-\-/:-@\[-`{-~]+", s)
                 if w]
        while len(words) > 1 and words[-1] in Fuzzer.ML_TAILS:
            words.pop()
        key = b""
        for w in words:  # two numbers kept apart: "llama 270b"
            key += (b"-" if key[-1:].isdigit() and w[:1].isdigit()
                    else b"") + w
        return key

    def t_modellabels(self):
        """validate --json on rows whose model column is a hostile label
        (an edit of a preset's spelling, or one of ML_HOSTILE), CSV
        quoted, and one row of each preset's own name beside them."""
        r = self.rng
        head = self.csv[0]
        rows, self.ml_labels = [], []
        names = sorted({p for _, p in self.ML_SPELLINGS})
        for i, n in enumerate(names):
            rows.append(b"p%d,TensorRT-LLM,0.13.0,h200-sxm,1,%s,fp8,128,"
                        b"128,1,1,,,tokens_per_s,1000" % (i, n.encode()))
        for i in range(r.randint(1, 6)):
            if r.random() < 0.3:
                lab = r.choice(self.ML_HOSTILE)
            else:
                lab = r.choice(self.ML_SPELLINGS)[0].encode()
                if r.random() < 0.8:
                    lab = mutate(r, lab, [])
            lab = lab.replace(b"\n", b"").replace(b"\r", b"")
            self.ml_labels.append(lab)
            rows.append(b'x%d,TensorRT-LLM,0.13.0,h200-sxm,1,"%s",fp8,128,'
                        b"128,1,1,,,tokens_per_s,1000" %
                        (i, lab.replace(b'"', b'""')))
        self.ml_names = names
        self.put("m.csv", b"\n".join([head] + rows) + b"\n")
        return ["validate", "--measurements", "m.csv", "--json"]

    def modellabels_check(self, argv, p):
        """Exit 0; a label row modelled predicts as a preset whose
        spellings share its skeleton (the C's key is finer: a subset); a
        refused one's reason is UTF-8 (judge: the whole JSON); a label
        with a NUL byte never reaches a preset (the C string would end
        there: another name), the file refused for it as it is now."""
        if p.returncode == 2 and p.stderr.startswith(
                b"rooflab validate: m.csv:"):
            return []  # the CSV reader refused the file (a NUL, a field
            # over 511 bytes), naming its line: no row read
        if p.returncode != 0:
            return [f"modellabels: exit {p.returncode}"]
        try:
            rows = json.loads(p.stdout.decode("utf-8"))["rows"]
        except Exception:  # noqa: BLE001 (judge reports it)
            return []
        byid = {x["id"]: x for x in rows}
        pred = {n: byid.get("p%d" % i, {}).get("predicted")
                for i, n in enumerate(self.ml_names)}
        why = []
        for i, lab in enumerate(self.ml_labels):
            row = byid.get("x%d" % i)
            if row is None:
                continue  # a row the CSV reader refused or merged
            if row.get("status") != "ok":
                continue
            sk = self.ml_skeleton(lab)
            ok = {pr for s, pr in self.ML_SPELLINGS
                  if self.ml_skeleton(s.encode()) == sk}
            if b"\x00" in lab:
                why.append(f"modellabels: {lab!r} with a NUL modelled")
            elif not any(pred[n] == row.get("predicted") for n in ok):
                why.append(f"modellabels: {lab!r} modelled as no preset "
                           f"it spells (predicted {row.get('predicted')})")
        return why[:1]

    # ---- helpwords: every command's words with --help (parseopt.c)
    def hw_commands(self):
        """The commands `rooflab help` lists, and each one's options
        (from its --help: name, takes a value or not), read once."""
        if not hasattr(self, "hw_cmds"):
            usage = self.rl("help").stdout.decode("utf-8", "replace")
            part = usage.split("commands:", 1)[-1].split("\n\n", 1)[0]
            self.hw_cmds = {}
            for line in part.splitlines():
                m = re.match(r"  ([a-z]+) ", line)
                if not m:
                    continue
                c = m.group(1)
                text = self.rl(c, "--help").stdout.decode("utf-8",
                                                            "replace")
                opts = {}
                for o in re.finditer(r"(?m)^  (--[a-z][a-z0-9-]*)(\S*)"
                                     r"( [^ ]\S*)?", text):
                    opts[o.group(1)] = bool(o.group(3) or o.group(2))
                self.hw_cmds[c] = (opts, text)
        return self.hw_cmds

    HW_WORDS = ["chip", "model", "profile", "heatmap", "pareto", "curve",
                "scenario.batch", "chip.hbm_tbps", "design.frac_mac",
                "tornado", "nope", "x.y", "-", "--", "---help", "--helpx",
                "-hh", "--HELP", "-H", "help", "--help=1", "-h=1",
                "--json", "--db", "--out", "--chip", "--model", "=",
                "h100-sxm", "llama3-70b", "1", "-1", "nan", "a" * 300,
                "\u00e9", "\u202e", "a\tb", "'", "\"", "%s%n", "$(touch PW)"]

    def t_helpwords(self):
        """CMD, then 0-4 words (the command's options, with a value where
        they take one, kinds, keys, hostile tokens) with --help or -h put
        where no option takes it as its value."""
        r = self.rng
        cmds = self.hw_commands()
        c = r.choice(sorted(cmds))
        opts = cmds[c][0]
        words = []
        for _ in range(r.choice([0, 1, 1, 2, 2, 3, 4])):
            k = r.randrange(4)
            if k == 0 and opts:
                o = r.choice(sorted(opts))
                words.append(o)
                if opts[o]:
                    words.append(r.choice(["1", "x", "a.db", "fp8", "",
                                           "h100-sxm", "-1"]))
            elif k == 1:
                words.append(r.choice(self.HW_WORDS))
            elif k == 2:
                words.append(r.choice(TOKENS).decode("utf-8",
                                                     "surrogateescape"))
            else:
                words.append(self.hx_word(True))
        # --help where the word before it is no option taking a value
        # (the option given as "--name=v" takes none after it)
        spots = [i for i in range(len(words) + 1)
                 if i == 0 or not opts.get(words[i - 1], False)]
        words.insert(r.choice(spots), r.choice(["--help", "-h"]))
        argv = [c] + [w.replace("\x00", "") for w in words]
        self.hw_argv = argv
        return argv

    def helpwords_check(self, argv, p):
        """Exit 0 (the command's help on stdout) or 2 (a message on stderr
        that names a word of the command line, nothing on stdout)."""
        rc, out, err = p.returncode, p.stdout, p.stderr
        cmds = self.hw_commands()
        why = []
        if rc not in (0, 2):
            why.append(f"helpwords: exit {rc}")
        if rc == 0 and not (argv[0] == "plot" and "curve" in argv[1:2]) \
                and out.decode("utf-8", "replace") != cmds[argv[0]][1]:
            why.append("helpwords: exit 0 without the command's help")
        if rc == 2:
            if out:
                why.append("helpwords: a refusal wrote to stdout")
            text = err.decode("utf-8", "replace")
            # a word as the messages quote it: controls, and bytes that
            # are no UTF-8 (surrogate escapes here), shown as '?'
            words = [re.sub(r"[\x00-\x1f\x7f\udc80-\udcff]", "?", w)[:20]
                     for w in argv[1:] if w not in ("--help", "-h")]
            if words and not any(("'%s" % w) in text or
                                 (len(w) > 2 and w in text)
                                 for w in words):
                why.append("helpwords: refusal names no word: " +
                           text.strip()[:120])
        return why

    # fuzz14: hostile --db names and kinds of file for a sweep (dbmade.c),
    # and a preset, config, spec or CSV path that is no regular text file
    DBP_NAMES = [b"new.db", b"sp ace.db", b"nl\nx.db", b"q'uo\"te.db",
                 b"e\x1b[31m.db", b"bad\xff.db", b"$(touch PW).db",
                 b"`touch PW`.db", b"-dash.db", b" lead.db", b"tab\t.db",
                 # (240: with "-journal" within a name's 255 bytes)
                 b"x" * 240 + b".db", b"\xe2\x80\xae.db", b"cr\r.db"]

    def t_dbpath(self):
        """sweep --db of a name in a folder of its own (dp/): a new name
        with hostile bytes, a text file, a copy of another sweep
        database, a link to either, to a folder or to nothing (here, or
        in a folder that is not there), a folder, a name ending in '/';
        a run that fails at times (ulimit -f of 0-16 KiB, or a spec that
        is refused) (dbpath_check)"""
        r = self.rng
        dp = self.path("dp")
        shutil.rmtree(dp, ignore_errors=True)
        os.makedirs(os.path.join(dp, "adir"))
        with open(os.path.join(dp, "keep.txt"), "wb") as f:
            f.write(b"precious\n")
        shutil.copy(os.path.join(self.seeds, "sweep.db"),
                    os.path.join(dp, "other.db"))
        kind = r.choice(["new", "new", "new", "text", "other", "l2text",
                         "l2other", "l2dir", "dangling", "dangling2",
                         "dir", "slash", "sidecars"])
        name = r.choice(self.DBP_NAMES) if kind in ("new", "sidecars") \
            else b"x.db"
        full = os.path.join(os.fsencode(dp), name)
        if kind == "text":
            shutil.copy(os.path.join(dp, "keep.txt"), full)
        elif kind == "other":
            shutil.copy(os.path.join(dp, "other.db"), full)
        elif kind in ("l2text", "l2other", "l2dir", "dangling",
                      "dangling2"):
            os.symlink({"l2text": b"keep.txt", "l2other": b"other.db",
                        "l2dir": b"adir", "dangling": b"nowhere.db",
                        "dangling2": b"gone/x.db"}[kind], full)
        elif kind == "dir":
            os.makedirs(full)
        elif kind == "sidecars":
            # another file's sidecars, there before: a new database at
            # the name may not take or remove them (a -wal of no database
            # read as the new one's is a finding too)
            for ext in (b"-journal", b"-shm"):
                with open(full + ext, "wb") as f:
                    f.write(b"not ours\n")
        arg = os.fsdecode(full) + ("/" if kind == "slash" else "")
        spec = r.choice([b"[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
                         b"profile = ideal\n[axes]\nscenario.batch = 1:4:1\n"] * 3
                        + [b"[base]\nchip = nochip\n[axes]\n"
                           b"scenario.batch = 1:4:1\n"])
        self.put("s.ini", spec)
        self.dbpath = (kind, full, r.choice([None, None, 0, 4, 16]),
                       self.dbp_snapshot(dp))
        return ["sweep", "s.ini", "--db", arg]

    @staticmethod
    def dbp_snapshot(dp):
        """Each entry under dp (bytes names): its kind, link target or
        bytes."""
        snap = {}
        for root, dirs, files in os.walk(os.fsencode(dp)):
            for n in dirs + files:
                q = os.path.join(root, n)
                if os.path.islink(q):
                    snap[q] = ("link", os.readlink(q))
                elif os.path.isdir(q):
                    snap[q] = ("dir", None)
                else:
                    with open(q, "rb") as f:
                        snap[q] = ("file", f.read())
        return snap

    def dbpath_run(self, argv):
        return self.run_fsize(argv, self.dbpath[2])

    def dbpath_check(self, argv, p):
        """nothing under dp/ changed but the file named and the sidecars
        of a database the run made (a link's target neither, but for
        another sweep database a link names, which the run may add to);
        a file that was there kept (a text file's bytes as they were); a
        failed run leaves no new file; exit 1 only past a file size
        limit; a refusal names the path (its controls and bytes of no
        UTF-8 as '?'), stderr UTF-8 without controls; no PW made."""
        kind, full, blocks, before = self.dbpath
        dp = os.fsencode(self.path("dp"))
        why = self.stderr_clean(p.stderr)
        after = self.dbp_snapshot(self.path("dp"))
        rc = p.returncode
        if rc == 1 and blocks is None:
            why.append("status 1 without a file size limit: " +
                       p.stderr.decode("utf-8", "replace").strip()[-120:])
        if os.path.exists(self.path("PW")):
            why.append("a name ran as a command (PW made)")
            os.remove(self.path("PW"))
        # where the run may write: the name, its sidecars, and through a
        # link to another sweep database (or to nothing: the target made)
        mine = {full, full + b"-wal", full + b"-shm", full + b"-journal"}
        if kind == "l2other":
            mine |= {os.path.join(dp, b"other.db" + e)
                     for e in (b"", b"-wal", b"-shm", b"-journal")}
        if kind == "dangling":
            mine |= {os.path.join(dp, b"nowhere.db" + e)
                     for e in (b"", b"-wal", b"-shm", b"-journal")}
        # (a -journal or -shm at the name before the run is the new
        # database's to SQLite, which removes a stale journal of an empty
        # file and takes the -shm over: not judged)
        for q in set(before) | set(after):
            if q in mine:
                continue
            if before.get(q) != after.get(q):
                why.append("changed outside the named file: " +
                           os.fsdecode(q[len(dp) + 1:])[:60] + " " +
                           ("made" if q not in before else "removed"
                            if q not in after else "rewritten"))
        if kind in ("text", "l2text") and after.get(
                os.path.join(dp, b"keep.txt")) != before.get(
                os.path.join(dp, b"keep.txt")):
            why.append("the text file named was rewritten")
        if kind in ("l2text", "l2other", "l2dir", "dangling") and \
                after.get(full, ("?",))[0] != "link":
            why.append("the link named was replaced or removed")
        if rc != 0 and kind in ("new", "sidecars") and full in after:
            try:
                con = sqlite3.connect("file:%s?mode=ro" % os.fsdecode(full),
                                      uri=True)
                held = con.execute("SELECT count(*) FROM points").fetchone()[0]
                con.close()
            except sqlite3.Error:
                held = 0
            if not held:
                why.append("a failed run left the new file it made")
        if rc == 2:
            # the name as cli_say shows it: a control byte or a byte of
            # no UTF-8 as '?'
            shown = re.sub(r"[\x00-\x1f\x7f\ufffd]", "?",
                           full.decode("utf-8", "replace"))
            msg = p.stderr.decode("utf-8", "replace")
            base = os.path.basename(shown)
            if base not in msg and "s.ini" not in msg:
                why.append("a refusal names neither the --db nor the spec: "
                           + msg.strip()[:120])
        return why

    INIP_CMDS = [["eval", "--chip", "{}", "--model", "llama3-8b"],
                 ["eval", "--chip", "h100-sxm", "--model", "{}"],
                 ["eval", "--chip", "h100-sxm", "--model", "llama3-8b",
                  "--profile", "{}"],
                 ["eval", "--scenario", "{}"],
                 ["claim", "--samples", "10", "--config", "{}"],
                 ["sweep", "{}", "--count"],
                 ["validate", "--measurements", "{}"],
                 ["validate", "--versions", "{}"]]

    def t_inipath(self):
        """a chip, model, profile or scenario by path, claim --config,
        a sweep spec, validate --measurements or --versions naming a
        folder, a FIFO, a link to nothing, to a folder or to a FIFO,
        /dev/null, /dev/zero, a file of 10 MB in one line, one past 16
        MiB, one with a NUL, or a good file without its last newline
        (inipath_check)"""
        r = self.rng
        ip = self.path("ip")
        shutil.rmtree(ip, ignore_errors=True)
        os.makedirs(ip)
        cmd = r.choice(self.INIP_CMDS)
        good = {"--chip": "chips/h100-sxm.ini",
                "--model": "models/llama3-8b.ini",
                "--profile": "profiles/ideal.ini",
                "--scenario": "scenarios/trtllm-2048-128.ini",
                "--config": None, "--count": None,
                "--measurements": "measurements/published-h100.csv",
                "--versions": "profiles/versions.csv"}
        flag = cmd[cmd.index("{}") - 1] if cmd[0] != "sweep" else "--count"
        src = good[flag]
        if src and os.path.exists(os.path.join(DATA, src)):
            text = open(os.path.join(DATA, src), "rb").read()
        elif flag == "--count":
            text = (b"[base]\nchip = h100-sxm\nmodel = llama3-8b\n[axes]\n"
                    b"scenario.batch = 1:4:1\n")
        else:
            text = b"[claim]\n"
        kind = r.choice(["dir", "fifo", "dangling", "l2dir", "l2fifo",
                         "devnull", "devzero", "long", "huge", "nul",
                         "nonl", "nonl"])
        f = os.path.join(ip, "f.ini")
        if kind == "dir":
            os.makedirs(f)
        elif kind == "fifo":
            os.mkfifo(f)
        elif kind == "dangling":
            os.symlink("nowhere.ini", f)
        elif kind == "l2dir":
            os.makedirs(os.path.join(ip, "d"))
            os.symlink("d", f)
        elif kind == "l2fifo":
            os.mkfifo(os.path.join(ip, "p"))
            os.symlink("p", f)
        elif kind in ("devnull", "devzero"):
            os.symlink("/dev/" + kind[3:], f)
        elif kind == "long":
            with open(f, "wb") as o:
                o.write(text[:r.randrange(len(text) + 1)] +
                        b"#" * 10 ** 7 + b"\n" + text)
        elif kind == "huge":
            with open(f, "wb") as o:
                o.write(text + (b"# " + b"y" * 1000 + b"\n") * 17000)
        elif kind == "nul":
            k = r.randrange(len(text) + 1)
            with open(f, "wb") as o:
                o.write(text[:k] + b"\x00" + text[k:])
        else:
            with open(f, "wb") as o:
                o.write(text.rstrip(b"\n"))
            with open(os.path.join(ip, "g.ini"), "wb") as o:
                o.write(text.rstrip(b"\n") + b"\n")
        self.inipath = (kind, [a if a != "{}" else "ip/g.ini" for a in cmd])
        return [a if a != "{}" else "ip/f.ini" for a in cmd]

    def inipath_check(self, argv, p):
        """exit 2 naming ip/f.ini for all but a good file without its
        last newline, which does as the same file with it does (its
        status); stderr UTF-8 without controls."""
        kind, with_nl = self.inipath
        why = self.stderr_clean(p.stderr)
        msg = p.stderr.decode("utf-8", "replace")
        if kind == "nonl":
            q = self.rl(*with_nl)
            if q.returncode != p.returncode:
                why.append(f"without its last newline exit {p.returncode}, "
                           f"with it {q.returncode}")
        elif kind == "devnull" and argv[0] == "claim":
            pass  # an empty config: claim's defaults, as an empty file
        elif kind == "huge" and argv[0] == "validate":
            pass  # a CSV has no size limit (10^6 rows are read)
        else:
            if p.returncode != 2:
                why.append(f"a {kind} given: exit {p.returncode}")
            elif "ip/f.ini" not in msg:
                why.append(f"a {kind} refused naming not ip/f.ini: " +
                           msg.strip()[:120])
        return why

    # ---- fuzz15: export and merge of crafted sweep databases (the checks
    # landed last stop: idx and status typed, number columns' text)
    # (edit, refused): an edit of a copy of seeds/sweep.db (8 points, idx
    # 0-7; a run whose every idx is a whole number in [0, points) once,
    # number columns numbers, text columns rooflab's ASCII words) and
    # whether export must refuse it (exit 2); None: either, but a run
    # exported (exit 0) must still hold the invariants exportx_check reads
    PW_FRESH = (" AND typeof(power_watts) = 'real' AND "
                "abs(power_watts) < 1e300")
    BL_FRESH = " AND batch_limit = 'batch'"
    EXPORTX = [
        ("UPDATE points SET idx = -1 WHERE idx = 3", True),
        ("UPDATE points SET idx = 8 WHERE idx = 3", True),
        ("UPDATE points SET idx = 9223372036854775807 WHERE idx = 3", True),
        ("UPDATE points SET idx = -9223372036854775808 WHERE idx = 3", True),
        ("UPDATE points SET idx = 2.5 WHERE idx = 3", True),
        ("UPDATE points SET idx = '3' WHERE idx = 3", None),  # affinity: 3
        ("UPDATE points SET idx = 'x''y' WHERE idx = 3", True),
        ("UPDATE points SET idx = x'03' WHERE idx = 3", True),
        ("DROP VIEW results; CREATE TABLE p2 AS SELECT * FROM points; "
         "DROP TABLE points; ALTER TABLE p2 RENAME TO points; "
         "UPDATE points SET idx = 0 WHERE idx = 1", True),
        ("DROP VIEW results; CREATE TABLE p2 AS SELECT * FROM points; "
         "DROP TABLE points; ALTER TABLE p2 RENAME TO points; "
         "UPDATE points SET idx = NULL WHERE idx = 1", True),
        # a cell edited once: an edit of a cell another changed changes
        # nothing (its guard), so is not counted applied
        ("UPDATE points SET status = 0.5 WHERE idx = 2 AND status = 0", True),
        ("UPDATE points SET status = 'ok' WHERE idx = 2 AND status = 0",
         True),
        ("UPDATE points SET status = 99 WHERE idx = 2 AND status = 0", None),
        ("UPDATE points SET status = -9223372036854775808 WHERE idx = 2 "
         "AND status = 0", None),
        ("UPDATE points SET power_watts = 'abc' WHERE idx = 5" + PW_FRESH,
         True),
        ("UPDATE points SET power_watts = x'00ff' WHERE idx = 5" + PW_FRESH,
         True),
        ("UPDATE points SET power_watts = 9e999 WHERE idx = 5" + PW_FRESH,
         None),
        ("UPDATE points SET latency_ttft_s = -9e999 WHERE idx = 5", None),
        ("UPDATE points SET power_watts = 9223372036854775807 WHERE idx = 1"
         + PW_FRESH, None),
        ("UPDATE points SET scenario_batch = -9223372036854775808", None),
        ("UPDATE points SET design_frac_mac = 1e308", None),
        ("UPDATE points SET batch_limit = x'41ff42' WHERE idx = 6"
         + BL_FRESH, True),
        ("UPDATE points SET batch_limit = x'' WHERE idx = 6" + BL_FRESH,
         True),
        ("UPDATE points SET batch_limit = CAST(x'41ff42' AS TEXT) "
         "WHERE idx = 6" + BL_FRESH, True),
        ("UPDATE points SET batch_limit = CAST(x'410042' AS TEXT) "
         "WHERE idx = 6" + BL_FRESH, True),
        ("UPDATE points SET batch_limit = 'a' || char(27) || '[2J' "
         "WHERE idx = 6" + BL_FRESH, True),
        ("UPDATE points SET batch_limit = 12 WHERE idx = 6" + BL_FRESH,
         None),
        ("UPDATE points SET prefill_bound = char(133) WHERE idx = 0", True),
        ("UPDATE points SET decode_bound = 'é,\"q\"' || char(10) || 'x' "
         "WHERE idx = 7", None),
        ("UPDATE points SET decode_bound = printf('%.*c', 1000000, 'y') "
         "WHERE idx = 4", None),
        ("UPDATE run_columns SET unit = CAST(x'57ff1b' AS TEXT) "
         "WHERE name = 'power_watts' AND unit = 'W'", True),
        ("UPDATE run_columns SET unit = x'57' WHERE name = 'power_watts' "
         "AND unit = 'W'", True),
        ("UPDATE run_columns SET unit = 'W,\"x\"' WHERE name = "
         "'power_watts' AND unit = 'W'", None),
        ("UPDATE run_columns SET name = 'scenario_batch' WHERE name = "
         "'power_watts'", True),
        ("UPDATE run_columns SET name = 'pow\"er' WHERE name = "
         "'power_watts'", True),
        ("UPDATE run_columns SET name = CAST(x'706f7765725f776174747300ff'"
         " AS TEXT) WHERE name = 'power_watts'", None),
        ("DROP VIEW results; ALTER TABLE points DROP COLUMN power_watts",
         True),
        ("ALTER TABLE points ADD COLUMN \"x\"\"y\" TEXT; "
         "UPDATE points SET \"x\"\"y\" = x'ff'", None),
        ("DROP VIEW results; CREATE TABLE pp AS SELECT * FROM points; "
         "DROP TABLE points; CREATE VIEW points AS SELECT * FROM pp", None),
        ("DROP VIEW results; CREATE TABLE pp AS SELECT * FROM points; "
         "DROP TABLE points; CREATE VIEW points AS SELECT run_id, idx, "
         "status, scenario_batch, 'x' AS design_frac_mac, * FROM pp", True),
        ("UPDATE runs SET spec_path = 'a''\"' || char(27) || ']0;x' || "
         "char(7) || CAST(x'ff' AS TEXT)", None),
        ("UPDATE runs SET chip = x'00ff', model = CAST(x'c3' AS TEXT)", None),
        ("UPDATE runs SET points = -5", None),
        ("UPDATE runs SET points = 'x'", True),
        ("UPDATE runs SET points = 4.5", True),
        ("UPDATE runs SET points = 9223372036854775807", None),
        ("UPDATE runs SET finished = NULL, next_idx = -1", None),
        ("DELETE FROM points WHERE idx IN (4, 7)", None),
        ("CREATE TABLE evil(x TEXT); INSERT INTO evil VALUES('<x>')", None),
        ("CREATE TRIGGER t BEFORE DELETE ON points BEGIN "
         "SELECT RAISE(ABORT, 'x'); END", None),
    ]

    def t_exportx(self):
        """export (csv, --units at times, json; --run 1 at times) of a
        copy of a sweep run given 1-3 edits of EXPORTX, or a file that is
        no database (a folder, a FIFO, an empty file, a file cut inside a
        page, bytes flipped): exit 2 exactly where an edit applied is one
        export must refuse (exportx_check), the message naming ex.db and
        nothing on stdout; exit 0 a CSV or JSON of whole rows, UTF-8,
        each point's idx once in [0, points) (fuzz15)"""
        r = self.rng
        self.rm("ex.db-wal", "ex.db-shm", "ex.db-journal")
        if os.path.isdir(self.path("ex.db")):
            os.rmdir(self.path("ex.db"))
        else:
            self.rm("ex.db")
        self.exportx_must, self.exportx_edits = None, []
        form = r.random()
        if form < 0.12:
            src = open(os.path.join(self.seeds, "sweep.db"), "rb").read()
            kind = r.choice(["folder", "fifo", "empty", "cut", "flip"])
            if kind == "folder":
                os.mkdir(self.path("ex.db"))
            elif kind == "fifo":
                os.mkfifo(self.path("ex.db"))
            elif kind == "empty":
                self.put("ex.db", b"")
            elif kind == "cut":
                n = r.choice([100, 4096, 4097, 8192 + 9, len(src) - 1])
                self.put("ex.db", src[:n])
                if n > 100:
                    self.exportx_edits.append(f"cut at {n}")
            else:
                b = bytearray(src)
                for _ in range(r.randint(1, 8)):
                    b[r.randrange(100, len(b))] = r.randrange(256)
                self.put("ex.db", bytes(b))
            # a file cut past its first page may lose none the run reads
            self.exportx_must = None if kind == "flip" or (
                kind == "cut" and len(self.exportx_edits) > 0) else True
            self.exportx_edits.append(kind)
        else:
            shutil.copy(os.path.join(self.seeds, "sweep.db"),
                        self.path("ex.db"))
            con = sqlite3.connect(self.path("ex.db"))
            must = False
            for sql, refused in r.sample(self.EXPORTX, r.randint(1, 3)):
                before = con.total_changes
                try:
                    con.executescript(sql)
                    con.commit()
                except sqlite3.Error:
                    continue  # not applied: no claim on the result
                if sql.startswith("UPDATE") and con.total_changes == before:
                    continue  # its row gone (an earlier edit): likewise
                self.exportx_edits.append(sql[:70])
                if refused is None:
                    must = must if must else None
                else:
                    must = True if refused else must
            con.close()
            self.exportx_must = must
        fmt = r.choice(["csv", "json", "jsonl"])
        argv = ["export", "--db", "ex.db", "--format", fmt]
        if fmt == "csv" and r.random() < 0.4:
            argv.append("--units")
        if r.random() < 0.3:
            argv += ["--run", "1"]
        return argv

    def exportx_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        rc, must = p.returncode, self.exportx_must
        if must is True and rc != 2:
            why.append(f"exit {rc} where an edit export refuses applied: "
                       f"{self.exportx_edits}")
        if must is False and rc != 0:
            why.append(f"exit {rc} of a run as rooflab wrote it: "
                       f"{self.exportx_edits}")
        if rc == 2 and b"ex.db" not in p.stderr:
            why.append("the refusal names no ex.db")
        if rc != 0 and p.stdout:
            why.append(f"a refused export wrote {len(p.stdout)} bytes")
        if rc != 0:
            return why
        try:
            text = p.stdout.decode("utf-8")
        except UnicodeDecodeError:
            return why + ["stdout not UTF-8"]
        if "json" in argv:
            try:
                rows = json.loads(text)["points"]
            except (ValueError, KeyError, TypeError):
                return why  # judge names the JSON
        elif "jsonl" in argv:  # the run and columns, then a point a line
            try:
                rows = [self.strict_json(x) for x in text.split("\n")[1:-1]]
            except ValueError as e:
                return why + [f"a JSONL line unreadable: {e}"[:120]]
        else:
            csv.field_size_limit(1 << 30)  # a crafted 1 MB cell
            got = list(csv.reader(io.StringIO(text, newline="")))
            head, rows = got[0], got[1:]
            if len(set(head)) != len(head):
                why.append("a CSV header names a column twice")
            if any(len(x) != len(head) for x in rows):
                why.append("a CSV row of another width than its header")
            rows = [dict(zip(head, x)) for x in rows]
        try:
            con = sqlite3.connect(self.path("ex.db"))
            n, = con.execute("SELECT points FROM runs WHERE id = 1"
                             ).fetchone()
            con.close()
        except (sqlite3.Error, TypeError):
            n = None
        idx = [x.get("idx") for x in rows]
        try:
            idx = [int(i) for i in idx]
        except (TypeError, ValueError):
            return why + [f"an idx no whole number: {idx[:8]}"]
        if len(set(idx)) != len(idx):
            why.append("an idx exported twice")
        if isinstance(n, int) and any(i < 0 or i >= n for i in idx):
            why.append(f"an idx outside [0, {n}) exported")
        return why

    # axes that combine in one spec (each a float parameter none of the
    # others replaces): up to 40 of them at 10^9 points a piece pass every
    # bound a double holds (10^360)
    CJ_AXES = ["chip.peak_tflops_bf16", "chip.peak_tflops_fp8",
               "chip.peak_tflops_fp4", "chip.peak_tflops_vector",
               "chip.hbm_gb", "chip.hbm_tbps", "chip.link_gbps",
               "chip.link_latency_us", "chip.sram_mb", "chip.tdp_w",
               "chip.sram_resident_share", "chip.sram_tbps",
               "design.die_mm2", "design.frac_mac", "design.frac_vector",
               "design.frac_sram", "design.frac_phy", "design.frac_other",
               "design.transistors_per_fma", "design.clock_ghz",
               "design.density_mtr_per_mm2", "design.fp8_per_bf16",
               "design.fp4_per_bf16", "design.hbm_stack_gb",
               "design.hbm_stack_gbps", "design.hbm_phy_edge_mm",
               "design.hbm_phy_mm2", "design.aspect_ratio",
               "design.energy_overhead", "design.sram_b_per_clk_per_kb",
               "design.transistors", "design.fma_units",
               "node.logic_mtr_per_mm2", "node.sram_mb_per_mm2",
               "node.fma_pj_fp16", "node.fma_pj_fp8", "node.fma_pj_fp4",
               "node.sram_pj_per_byte", "node.wafer_usd", "node.wafer_mm"]

    def t_countj(self):
        """sweep --count --json (a shard at times) of a spec of 1-40 of
        CJ_AXES, each a log range of 2 to 10^9 points within its range or
        a hostile one (0 or 10^12 points, a step of 0, 1e308, nan, ends
        reversed, subnormal), grid or sampled: exit 0 or 2; the JSON
        valid, its points a number (null only past what a double holds,
        points_log10 over 308, points_text "about ...") that points_text gives
        ("about X" past what a sweep numbers), a shard's points the
        shard's share, and the text count the same figures (fuzz15)"""
        r = self.rng
        rng = {p["name"]: (p.get("min"), p.get("max")) for p in self.params}
        lines, every = [], r.random() < 0.15  # all 40 at 10^9: 10^360
        for name in r.sample(self.CJ_AXES, 40 if every else r.randint(1, 40)):
            lo, hi = rng.get(name, (0, 1))
            lo = max(float(lo or 0), 1e-3)
            hi = float(hi if hi is not None else 1)
            if hi <= 2 * lo:
                hi = 2 * lo + 1
            n = 10 ** 9 if every else r.choice([2, 7, 1000, 10 ** 6, 10 ** 9])
            text = f"{lo!r}:{hi!r}:{n} log"
            if not every and r.random() < 0.08:
                text = r.choice([f"{lo!r}:{hi!r}:0 log", f"{lo!r}:{hi!r}:0",
                                 f"{lo!r}:{hi!r}:{10 ** 12} log",
                                 f"{lo!r}:1e308:1", "nan:1:2",
                                 f"{hi!r}:{lo!r}:3 log", "1e-320:1:3 log",
                                 f"{lo!r}:{hi!r}:1e-300"])
            lines.append(f"{name} = {text}")
        samp = ""
        if r.random() < 0.2:
            samp = (f"[sampling]\nmethod = {r.choice(['random', 'sobol'])}"
                    f"\ncount = {r.choice([1, 30, 10 ** 6])}\nseed = 1\n")
        self.put("cj.ini", ("[base]\nchip = h100-sxm\nmodel = llama3-8b\n"
                            "[axes]\n" + "\n".join(lines) + "\n" +
                            samp).encode())
        self.cj_shard = [] if r.random() < 0.6 else \
            ["--shard", f"{r.randint(0, 6)}/7"]
        return ["sweep", "cj.ini", "--count", "--json"] + self.cj_shard

    def countj_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        q = self.rl("sweep", "cj.ini", "--count", *self.cj_shard)
        if q.returncode != p.returncode:
            why.append(f"--count --json exit {p.returncode}, the text's "
                       f"{q.returncode}")
        if p.returncode != 0:
            if p.stdout:
                why.append("a refused count wrote stdout")
            return why
        try:
            d = json.loads(p.stdout)
        except ValueError:
            return why  # judge names it
        pts, text = d.get("points"), str(d.get("points_text"))
        lg = d.get("points_log10")
        if not isinstance(lg, (int, float)) or isinstance(lg, bool):
            why.append(f"points_log10 {lg!r} ({text})")
        elif pts is None and lg > 308 and re.fullmatch(
                r"about [0-9.]+e\+" + str(int(math.floor(lg + 1e-9))), text):
            pass  # past what a double holds: null, the text from the log
        elif not isinstance(pts, (int, float)) or isinstance(pts, bool):
            why.append(f"points {pts!r} ({text})")
        elif d.get("numbered") and text != str(pts):
            why.append(f"points {pts} but points_text {text}")
        elif not text.startswith("about") and (
                not text.isdigit() or (int(text) != pts if isinstance(
                    pts, int) else float(int(text)) != pts)):
            # exact to 2^64 (past what a sweep numbers, 2^63 - 1, too)
            why.append(f"points {pts} but points_text {text}")
        out = q.stdout.decode("utf-8", "replace")
        if f": {text} design point" not in out:
            why.append(f"the text does not say {text} design points")
        sh = d.get("shard")
        if sh and isinstance(pts, int):
            i, n = sh.get("index"), sh.get("of")
            if sh.get("points") != pts // n + (1 if i < pts % n else 0):
                why.append(f"shard {i}/{n} of {pts}: {sh.get('points')}")
        return why

    # ---- fuzz79: the newest input paths (export --format jsonl, merge's
    # run_columns checks, --db of a few bytes, --set near its 300-byte cut)
    # edits of a copy of seeds/sweep.db beside EXPORTX's: runs and
    # run_columns given other types, huge or hostile text (invalid UTF-8:
    # overlong, surrogates, past U+10FFFF; C0, C1, bidi, LS/PS, NUL),
    # columns added, renamed or dropped, the schema's marks changed
    JSONLX = [
        "ALTER TABLE runs ADD COLUMN \"x\"\"y\\\" TEXT DEFAULT 'a'",
        "ALTER TABLE runs ADD COLUMN extra BLOB; UPDATE runs SET extra = "
        "x'00ff41'",
        "UPDATE runs SET spec_path = CAST(x'c0afe282ac41eda080f4908080' "
        "AS TEXT)",
        "UPDATE runs SET chip = char(8238) || 'h100' || char(133)",
        "UPDATE runs SET chip = printf('%.*c', 1000000, 'c')",
        "UPDATE runs SET seed = 9e999", "UPDATE runs SET seed = -9e999",
        "UPDATE runs SET seed = 9223372036854775807",
        "UPDATE runs SET seed = 5e-324", "UPDATE runs SET seed = -0.0",
        "UPDATE runs SET started = CAST(x'1b5b326a0d0a00' AS TEXT)",
        "UPDATE runs SET started = char(133, 8232, 8233, 65279)",
        "UPDATE runs SET spec = x''", "UPDATE runs SET spec = NULL",
        "UPDATE runs SET profile = CAST(x'410042' AS TEXT)",
        "PRAGMA user_version = 1", "PRAGMA user_version = 99",
        "PRAGMA user_version = -1", "PRAGMA application_id = 0",
        "PRAGMA application_id = 7",
        "ALTER TABLE run_columns ADD COLUMN extra TEXT DEFAULT 'e'",
        "ALTER TABLE run_columns RENAME COLUMN unit TO unit2",
        "DROP VIEW run_columns_doc; ALTER TABLE run_columns DROP COLUMN "
        "source",
        "UPDATE run_columns SET ord = ord + 100 WHERE ord = 0",
        "UPDATE run_columns SET ord = 'a' WHERE ord = 0",
        "UPDATE run_columns SET ord = 1.5 WHERE ord = 0",
        "UPDATE run_columns SET source = CAST(x'ff' AS TEXT) WHERE ord = 0",
        "UPDATE run_columns SET dotted = '' WHERE ord = 1",
        "UPDATE run_columns SET dotted = 'scenario.batch' WHERE ord = 1",
        "UPDATE run_columns SET name = 'idx' WHERE ord = 1",
        "UPDATE run_columns SET name = 'status' WHERE ord = 1",
        "UPDATE run_columns SET name = 'run_id' WHERE ord = 1",
        "UPDATE run_columns SET name = 'SCENARIO_BATCH' WHERE ord = 0",
        "DELETE FROM run_columns WHERE ord = 1",
        "DELETE FROM run_columns",
        "INSERT INTO run_columns SELECT run_id, ord + 1000, name, source, "
        "dotted, unit FROM run_columns WHERE ord = 0",
        "UPDATE run_columns SET run_id = 2 WHERE ord = 0",
        "ALTER TABLE points ADD COLUMN \"a\"\"b\" REAL",
        "ALTER TABLE points ADD COLUMN run_chip TEXT",
        "DROP VIEW results; ALTER TABLE points RENAME COLUMN decode_bound "
        "TO \"de\"\"code\"",
        "DROP VIEW results; ALTER TABLE points RENAME COLUMN decode_bound "
        "TO idx2; UPDATE run_columns SET name = 'idx2' WHERE name = "
        "'decode_bound'",
        "UPDATE points SET design_frac_mac = 5e-324",
        "UPDATE points SET throughput_output_tokens_per_s = -0.0",
        "UPDATE points SET latency_ttft_s = 1.7976931348623157e308",
        "UPDATE points SET decode_bound = char(8232) || 'x' || char(133) "
        "|| char(0) || 'y'",
        "UPDATE points SET decode_bound = CAST(x'eda080edb080' AS TEXT)",
        "UPDATE points SET decode_bound = CAST(x'e0808a' AS TEXT)",
        "UPDATE points SET decode_bound = char(8207, 8234, 8297) || 'r'",
        "UPDATE points SET prefill_bound = printf('%.*c', 300000, 'z')",
        "UPDATE points SET prefill_bound = 'a\"b\\c' || char(13, 10, 9, 8)",
        "UPDATE points SET scenario_batch = 9223372036854775807",
        "UPDATE points SET scenario_batch = 4.5",
        "UPDATE points SET scenario_batch = 'nan'",
        "DELETE FROM points", "DELETE FROM points WHERE idx % 2 = 1",
        "UPDATE runs SET id = 2; UPDATE points SET run_id = 2; "
        "UPDATE run_columns SET run_id = 2",
        "INSERT INTO runs (spec, spec_hash, spec_path, version, git_rev, "
        "started, sampling, points, shard_index, shard_count) SELECT spec, "
        "spec_hash, spec_path, version, git_rev, started, sampling, 0, 0, "
        "1 FROM runs",
        "DROP TABLE column_docs",
        "UPDATE column_docs SET doc = CAST(x'ff00' AS TEXT)",
        "CREATE TABLE zz(a); INSERT INTO zz VALUES (x'ff')",
    ] + [  # run_columns without its types and NOT NULLs, a cell made odd
        "DROP VIEW run_columns_doc; CREATE TABLE rc2 AS SELECT * FROM "
        "run_columns; DROP TABLE run_columns; ALTER TABLE rc2 RENAME TO "
        "run_columns; UPDATE run_columns SET " + e for e in (
            "name = NULL WHERE ord = 1", "name = x'6100' WHERE ord = 1",
            "name = 7 WHERE ord = 1", "source = NULL WHERE ord = 1",
            "unit = 1.5 WHERE ord = 1", "dotted = NULL WHERE ord = 0",
            "ord = NULL WHERE ord = 1", "run_id = NULL WHERE ord = 1",
            "name = CAST(x'c0af' AS TEXT) WHERE ord = 1")]

    def t_jsonlx(self):
        """export --format jsonl (json, csv) of a copy of a sweep run given
        1-3 edits of JSONLX or EXPORTX: the three formats agree: all
        refused (exit 2 naming jx.db, nothing on stdout), or the JSONL's
        first line the JSON's run and columns, its other lines the JSON's
        points one for one, the CSV's rows the same idx in the same order
        under a header of run_id and the points' keys; every line UTF-8
        JSON, no key twice in an object, no NaN (fuzz79)"""
        r = self.rng
        self.rm("jx.db", "jx.db-wal", "jx.db-shm", "jx.db-journal")
        shutil.copy(os.path.join(self.seeds, "sweep.db"), self.path("jx.db"))
        con = sqlite3.connect(self.path("jx.db"))
        self.jx_edits = []
        pool = self.JSONLX + [e for e, _ in self.EXPORTX]
        for sql in r.sample(pool, r.randint(1, 3)):
            try:
                con.executescript(sql)
                con.commit()
                self.jx_edits.append(sql[:60])
            except sqlite3.Error:
                pass
        con.close()
        argv = ["export", "--db", "jx.db", "--format", "jsonl"]
        if r.random() < 0.3:
            argv += ["--run", r.choice(["1", "2"])]
        return argv

    @staticmethod
    def strict_json(line):
        """the JSON value of line (str), ValueError where a key is given
        twice in an object or a NaN/Infinity constant appears"""
        def pairs(kv):
            keys = [k for k, _ in kv]
            if len(set(keys)) != len(keys):
                raise ValueError("a key twice: " + repr(keys)[:80])
            return dict(kv)

        def const(c):
            raise ValueError("constant " + c)
        return json.loads(line, object_pairs_hook=pairs,
                          parse_constant=const)

    def jsonlx_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        pj = self.rl(*[("json" if a == "jsonl" else a) for a in argv])
        pc = self.rl(*[("csv" if a == "jsonl" else a) for a in argv])
        rcs = (p.returncode, pj.returncode, pc.returncode)
        if len(set(rcs)) != 1:
            return why + [f"jsonl, json, csv exit {rcs}: {self.jx_edits}"]
        if p.returncode != 0:
            if p.returncode == 2 and b"jx.db" not in p.stderr:
                why.append("the refusal names no jx.db")
            if p.stdout or pj.stdout or pc.stdout:
                why.append("a refused export wrote stdout")
            return why
        try:
            lines = p.stdout.decode("utf-8").split("\n")
            if lines[-1] != "":
                why.append("the JSONL's last line has no newline")
            lines = lines[:-1]
            jl = [self.strict_json(x) for x in lines]
            doc = self.strict_json(pj.stdout.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            return why + [f"JSONL or JSON unreadable: {e}"[:150]]
        if not jl or sorted(jl[0]) != ["columns", "run"]:
            return why + ["the JSONL's first line is not {run, columns}"]
        if jl[0]["run"] != doc.get("run") or \
                jl[0]["columns"] != doc.get("columns"):
            why.append("the JSONL's run or columns differ from the JSON's")
        if jl[1:] != doc.get("points"):
            why.append(f"the JSONL's {len(jl) - 1} points differ from the "
                       f"JSON's {len(doc.get('points') or [])}")
        csv.field_size_limit(1 << 30)
        rows = list(csv.reader(io.StringIO(pc.stdout.decode(
            "utf-8", "replace"), newline="")))
        head, rows = rows[0], rows[1:]
        keys = list(jl[1].keys()) if len(jl) > 1 else None
        if keys is not None and head[1:] != keys:
            why.append("the CSV's header is not run_id and the points' keys")
        if len(rows) != len(jl) - 1:
            why.append(f"CSV {len(rows)} rows, JSONL {len(jl) - 1} points")
        elif any(str(pt.get("idx")) != row[1] for pt, row in
                 zip(jl[1:], rows) if len(row) > 1):
            why.append("the CSV's idx differ from the JSONL's")
        return why

    def t_dbfew(self):
        """a command's database (written: sweep --db (--resume too),
        claim --db, validate --db, merge's OUT; read: export, report, plot,
        merge's PART) given a file that is no whole database: empty, 1-15 NUL
        bytes, 1-40 bytes of text (UTF-8 edge cases, CRLF), SQLite's magic
        with or without its NUL, a real database's first 1-4097 bytes or
        its header's bytes flipped, another kind's database: a failure
        leaves the bytes and no sidecar (-journal, -wal, -shm); a reader
        never changes the file; a writer that succeeds was given an empty
        file or NULs only, or a whole database of its kind; a refusal names
        fw.db (fuzz79)"""
        r = self.rng
        for f in os.listdir(self.work):
            if f.startswith(("fw.db", "mo.db")):
                self.rm(f)
        src = open(os.path.join(self.seeds, "sweep.db"), "rb").read()
        csrc = open(os.path.join(self.seeds, "claim.db"), "rb").read()
        k = r.choice(["empty", "nul", "text", "magic", "prefix", "flip",
                      "claim", "sweep"])
        if k == "empty":
            data = b""
        elif k == "nul":
            data = b"\x00" * r.randint(1, 15)
        elif k == "text":
            data = b"".join(r.choice([b"a", b"\xc0\xaf", b"\xed\xa0\x80",
                                      b"\xf4\x90\x80\x80", b"\xe2\x80\xae",
                                      b"\xc2\x85", b"\r\n", b"\x00", b"\x1b",
                                      b"S", b"SQLite", b"\xff", b"\n"])
                            for _ in range(r.randint(1, 20)))
        elif k == "magic":
            data = r.choice([b"SQLite format 3", b"SQLite format 3\x00",
                             b"SQLite format 3\x00" + b"\x00" * 84,
                             b"SQLite format 3\x00" + b"\xff" * 84,
                             b"SQLite format 3\x00\x10\x00" + b"\x00" * 82,
                             b"sqlite format 3\x00"])
        elif k == "prefix":
            data = src[:r.choice([1, 8, 15, 16, 17, 28, 32, 99, 100, 101,
                                  512, 1024, 4095, 4096, 4097])]
        elif k == "flip":
            b = bytearray(src)
            for _ in range(r.randint(1, 3)):
                b[r.randrange(16, 100)] ^= 1 << r.randrange(8)
            data = bytes(b)
        else:
            data = csrc if k == "claim" else src
        self.put("fw.db", data)
        self.fw = (k, data)
        for i in range(2):
            shutil.copy(os.path.join(self.seeds, f"shard{i}.db"),
                        self.path(f"p{i}.db"))
        shutil.copy(os.path.join(self.seeds, "tiny.ini"), self.path("t.ini"))
        shutil.copy(os.path.join(self.seeds, "claim.db"), self.path("c.db"))
        cmds = {
            "w": [["sweep", "t.ini", "--db", "fw.db"],
                  ["claim", "--db", "fw.db", "--samples", "0"],
                  ["validate", "--db", "fw.db"],
                  ["merge", "fw.db", "p0.db", "p1.db"],
                  # (a resume of a file with no run of the spec starts
                  # one: sweeps/README.md's shard loop)
                  ["sweep", "t.ini", "--db", "fw.db", "--resume"]],
            "r": [["export", "--db", "fw.db", "--format",
                   r.choice(["csv", "json", "jsonl"])],
                  ["report", "--db", "fw.db", "--out", "r.md", "--no-plots"],
                  ["report", "--db", "c.db", "--sweeps", "fw.db", "--out",
                   "r.md", "--no-plots"],
                  ["plot", "pareto", "--db", "fw.db", "--term", "dumb"],
                  ["plot", "tornado", "--db", "fw.db", "--term", "dumb"],
                  ["merge", "mo.db", "fw.db", "p1.db"]]}
        role = r.choice(["w", "r"])
        self.fw_role = role
        return r.choice(cmds[role])

    def dbfew_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        k, data = self.fw
        rc = p.returncode
        now = open(self.path("fw.db"), "rb").read() \
            if os.path.isfile(self.path("fw.db")) else None
        side = [f for f in os.listdir(self.work)
                if f.startswith("fw.db-")]
        if now != data and (rc != 0 or self.fw_role == "r"):
            why.append(f"fw.db ({k}, {len(data)} bytes) changed by a "
                       f"{'failed run' if rc else 'reader'}")
        if rc != 0 and side:
            why.append(f"sidecars left: {side}")
        if rc == 2 and b"fw.db" not in p.stderr:
            why.append("the refusal names no fw.db")
        # the kind of database the command writes or reads
        mine = "claim" if argv[0] in ("claim", "validate") or \
            "tornado" in argv else "sweep"
        if argv[:3] == ["report", "--db", "fw.db"]:
            # a sweep database's report says its claim sections absent
            mine = k if k in ("claim", "sweep") else "claim"
        if rc == 0 and now != data and not (
                k in ("empty", "nul", "flip") or k == mine):
            why.append(f"a {self.fw_role} wrote over a {k} file of "
                       f"{len(data)} bytes")
        # (the report says a file of another kind or an empty one holds
        # no sweep or claim and leaves the section out, reports/more.c)
        empty_ok = argv[0] == "report"
        if rc == 0 and self.fw_role == "r" and k not in (mine, "flip") \
                and not empty_ok:
            why.append(f"a reader read a {k} file of {len(data)} bytes "
                       "as a database")
        for f in os.listdir(self.work):
            if f.startswith("mo.db"):
                if rc != 0:
                    why.append(f"a failed merge left {f}")
                self.rm(f)
        self.rm("r.md")
        return why

    def t_setcut(self):
        """eval of an accepted --set whose warning quotes it (a power key
        on sohu, which has no node; a [design] key on h100-sxm, given by
        its spec sheet; an SRAM key with none resident) written 290-310
        bytes long (the number padded with zeros) or a refused one of
        that length with a multibyte character, invalid UTF-8, a C1 or
        bidi control across the cut: an assignment of at most 300 bytes
        quoted whole, a longer one as its first bytes to a whole character
        within 297 and '... (N bytes', N its length; stderr UTF-8 without
        controls (fuzz79)"""
        r = self.rng
        chip, key = r.choice([("sohu", "power.static_w"),
                              ("sohu", "chip.tdp_w"),
                              ("h100-sxm", "design.frac_sram"),
                              ("h100-sxm", "design.frac_vector"),
                              ("h100-sxm", "chip.sram_mb")])
        val = {"power.static_w": "1", "chip.tdp_w": "700",
               "design.frac_sram": "0.1", "design.frac_vector": "0.1",
               "chip.sram_mb": "50"}[key]
        n = r.randint(290, 310)
        if "." not in val:
            val += "."
        pad = n - len(key) - 1 - len(val)
        a = f"{key}={val}{'0' * max(pad, 0)}".encode()
        self.sc = ("ok", a)
        if r.random() < 0.35:  # a refused one, odd bytes at the cut
            cut = r.randint(290, 300) - len(key) - 1
            odd = r.choice([b"\xc3\xa9", b"\xe2\x82\xac", b"\xf0\x9f\x98\x80",
                            b"\xc0\xaf", b"\xed\xa0\x80", b"\xc2\x85",
                            b"\xe2\x80\xae", b"\xe2\x80\xa8", b"\xff",
                            b"\x1b[2J", b"\t"]) * r.randint(1, 4)
            a = key.encode() + b"=" + (b"1" * cut + odd + b"0" *
                                       r.randint(0, 12))[:r.randint(
                                           cut, cut + 20)]
            self.sc = ("bad", a)
        return ["eval", "--chip", chip, "--model", "llama3-8b", "--set",
                os.fsdecode(a)]

    def setcut_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        kind, a = self.sc
        err = p.stderr
        if kind == "bad":
            if p.returncode != 2:
                why.append(f"a malformed --set: exit {p.returncode}")
            return why
        if p.returncode != 0:
            return why + [f"an accepted --set of {len(a)} bytes: exit "
                          f"{p.returncode}"]
        if len(a) <= 300:
            if b"--set " + a + b" " not in err:
                why.append(f"a --set of {len(a)} bytes not quoted whole")
        else:
            m = re.search(rb"--set (.*?)\.\.\. \((\d+) bytes", err)
            if not m:
                why.append(f"a --set of {len(a)} bytes quoted without "
                           "'... (N bytes'")
            elif int(m.group(2)) != len(a) or not a.startswith(m.group(1)) \
                    or len(m.group(1)) > 297 or len(m.group(1)) < 294:
                why.append(f"a --set of {len(a)} bytes quoted as "
                           f"{len(m.group(1))} bytes and "
                           f"{m.group(2).decode()}")
        return why

    def t_mergejl(self):
        """merge of two shards (seeds/shard0.db, shard1.db) of which one or
        both got 1-2 edits of JSONLX (the same edit to both at times)
        (fuzz79)"""
        r = self.rng
        for f in os.listdir(self.work):
            if f.startswith(("mq.db", "q0.db", "q1.db")):
                self.rm(f)
        for i in range(2):
            shutil.copy(os.path.join(self.seeds, f"shard{i}.db"),
                        self.path(f"q{i}.db"))
        self.mq_edits = []
        for _ in range(r.randint(1, 2)):
            sql = r.choice(self.JSONLX)
            for i in r.choice([[0], [1], [0, 1]]):
                con = sqlite3.connect(self.path(f"q{i}.db"))
                try:
                    con.executescript(sql)
                    con.commit()
                    self.mq_edits.append(f"q{i}: {sql[:50]}")
                except sqlite3.Error:
                    pass
                con.close()
        return ["merge", "mq.db", "q0.db", "q1.db"]

    def run_columns_of(self, name):
        try:
            con = sqlite3.connect(self.path(name))
            # (as a set: merge takes a part's columns by name, in the
            # first part's order)
            # (of the part's run: a row whose run_id is another's or
            # NULL is none of its columns)
            got = sorted(con.execute("SELECT name, source, dotted, unit "
                                     "FROM run_columns WHERE run_id IN "
                                     "(SELECT id FROM runs)").fetchall(),
                         key=repr)
            con.close()
            return got
        except sqlite3.Error:
            return None  # a column gone: no claim

    def mergejl_check(self, argv, p):
        why = self.stderr_clean(p.stderr)
        rc = p.returncode
        if rc == 2 and not re.search(rb"q[01]\.db|mq\.db", p.stderr):
            why.append("the refusal names no part")
        if rc != 0:
            left = [f for f in os.listdir(self.work)
                    if f.startswith("mq.db")]
            if left:
                why.append(f"a failed merge left {left}")
            return why
        c0, c1 = self.run_columns_of("q0.db"), self.run_columns_of("q1.db")
        if c0 != c1 and None not in (c0, c1):
            why.append(f"parts whose run_columns differ merged: "
                       f"{self.mq_edits}")
        parts = [self.rl("export", "--db", f"q{i}.db", "--format", "jsonl")
                 for i in range(2)]
        m = self.rl("export", "--db", "mq.db", "--format", "jsonl")
        if any(q.returncode != 0 for q in parts):
            return why  # a part export refuses: no claim on the merged one
        if m.returncode != 0:
            return why + ["the merged run is refused by export, its parts "
                          "not: " + m.stderr.decode("utf-8", "replace")
                          [:100]]
        try:
            # (split at LF alone: str.splitlines splits at U+0085, U+2028
            # too, which a JSON string holds raw)
            pl = [[self.strict_json(x) for x in q.stdout.decode(
                "utf-8").split("\n")[:-1]] for q in parts]
            ml = [self.strict_json(x) for x in m.stdout.decode(
                "utf-8").split("\n")[:-1]]
        except (UnicodeDecodeError, ValueError) as e:
            return why + [f"export unreadable: {e}"[:120]]
        want = sorted(pl[0][1:] + pl[1][1:], key=lambda x: x.get("idx"))
        if ml[1:] != want:
            why.append(f"merged points ({len(ml) - 1}) are not the parts' "
                       f"({len(want)}): {self.mq_edits}")
        if ml[0].get("columns") != pl[0][0].get("columns"):
            why.append("merged columns are not the parts'")
        return why

    def path(self, name):
        return os.path.join(self.work, name)

    def put(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data)

    def rm(self, *names):
        for n in names:
            # (lexists: a link to nothing too, which emptydb's next link
            # found in its way: FileExistsError, the campaign ended)
            if os.path.lexists(self.path(n)):
                os.remove(self.path(n))

    def judge(self, target, argv, p):
        """The reasons this run is a finding (empty: none)."""
        why = []
        rc, out, err = p.returncode, p.stdout, p.stderr
        if SAN.search(err):
            line = SAN.search(err).group(0).decode()
            m = re.search(rb"runtime error: [^\n]*|ERROR: [^\n]*", err)
            why.append("sanitizer: " + (m.group(0).decode("utf-8", "replace")
                                        [:120] if m else line))
        if target == "sigint" and rc in (130, -2):
            pass  # stopped by the SIGINT sent (sigint_check judges it)
        elif rc < 0:
            why.append(f"killed by signal {-rc}")
        elif rc not in (0, 1, 2):
            why.append(f"status {rc}")
        if rc == 1 and target not in ("emptydb", "dbpath"):  # ulimit -f
            why.append("status 1 on bad user input: " +
                       err.decode("utf-8", "replace").strip()[-120:])
        # sweep names why the first point that served nothing did not
        # (cmd_sweep.c first_why: "status 2: model: ... cannot exceed
        # layers"), a point's reason, not the run's failure
        said = re.sub(rb"(?m)^rooflab sweep: the first that .*$", b"", err)
        if rc == 0 and FAILWORDS.search(said) and b"warning" not in err:
            why.append("status 0 with a failure message: " +
                       err.decode("utf-8", "replace").strip()[:120])
        if rc == 2:
            msg = err.decode("utf-8", "replace")
            files = [a for a in argv if re.search(r"\.(csv|ini|db)$", a)]
            named = any(f in msg for f in files) or re.search(
                r"--[a-z]|\bline\b|\b[a-z]+\.[a-z_0-9]+\b|'|=|\.ini:\d|"
                r"\b(chip|model|profile|scenario|side)\b", msg)
            if not named:
                why.append("status 2 names nothing: " + msg.strip()[:120])
        if rc == 0 and ("--json" in argv or "json" in argv) and \
                target != "helpwords":  # --help: the help, no JSON
            try:
                doc = json.loads(out.decode("utf-8"),
                                 parse_constant=lambda c: 1 / 0)
                # a lone surrogate escaped (\ud800) is JSON no UTF-8
                # reader can take: every string must encode
                json.dumps(doc, ensure_ascii=False).encode("utf-8")
            except Exception as e:  # noqa: BLE001 (any failure is the finding)
                why.append(f"JSON output invalid: {type(e).__name__}")
        if rc == 0:  # export refuses a text cell of no UTF-8 (fuzz15)
            try:
                out.decode("utf-8")
            except UnicodeDecodeError:
                why.append("stdout not UTF-8")
        outs = [a for a in argv if a in OUTPUTS]
        for f in outs:
            there = os.path.exists(self.path(f))
            if rc != 0 and there:
                why.append(f"output {f} left by a failed run")
            if rc == 0 and f.endswith(".html") and not open(
                    self.path(f), "rb").read().rstrip().endswith(b"</html>"):
                why.append(f"output {f} incomplete")
            self.rm(f)
        for f in os.listdir(self.work):
            if ".tmp-" in f:
                why.append("temporary left: " + f)
                self.rm(f)
        return why

    def record(self, target, argv, p, why):
        sig = target + ": " + re.sub(r"[0-9]+", "N", why[0])[:90]
        if sig in self.found:
            self.found[sig]["n"] += 1
            return
        keep = os.path.join(self.a.out, f"case{len(self.found)}")
        os.makedirs(keep, exist_ok=True)
        for f in os.listdir(self.work):
            if os.path.isfile(self.path(f)):
                shutil.copy(self.path(f), keep)
        self.found[sig] = {"n": 1, "why": why, "dir": keep,
                           "cmd": shlex.join([self.a.bin, *argv]),
                           "err": p.stderr[-600:].decode("utf-8", "replace")}
        print(f"FINDING {sig}\n  in {keep}: {self.found[sig]['cmd']}",
              flush=True)

    def run(self):
        targets = {"measurements": self.t_measurements,
                   "preset": self.t_preset, "set": self.t_set,
                   "spec": self.t_spec, "db": self.t_db,
                   "claim": self.t_claim, "versions": self.t_versions,
                   "merge": self.t_merge, "opts": self.t_opts,
                   "drops": self.t_drops, "labels": self.t_labels,
                   "solve": self.t_solve, "presets": self.t_presets,
                   "profile": self.t_profile, "cache": self.t_cache,
                   "twice": self.t_twice, "specx": self.t_specx,
                   "linsum": self.t_linsum, "claimv2": self.t_claimv2,
                   "sram": self.t_sram, "legacydb": self.t_legacydb,
                   "sigint": self.t_sigint, "sections": self.t_sections,
                   "strict": self.t_strict, "axes": self.t_axes,
                   "bothends": self.t_bothends, "zbest": self.t_zbest,
                   "digits": self.t_digits, "suggest": self.t_suggest,
                   "shcmd": self.t_shcmd, "memory": self.t_memory,
                   "power": self.t_power, "tpcol": self.t_tpcol,
                   "nodechip": self.t_nodechip,
                   "scenrepl": self.t_scenrepl,
                   "targets": self.t_targets, "sweepopts": self.t_sweepopts,
                   "repeat": self.t_repeat, "valrepdb": self.t_valrepdb,
                   "setx": self.t_setx, "csvx": self.t_csvx,
                   "gpx": self.t_gpx, "resumex": self.t_resumex,
                   "jsonx": self.t_jsonx, "rankby": self.t_rankby,
                   "solvet": self.t_solvet, "plotat": self.t_plotat,
                   "count": self.t_count, "mm2": self.t_mm2,
                   "csvv": self.t_csvv, "notes": self.t_notes,
                   "trustdb": self.t_trustdb, "mergex": self.t_mergex,
                   "ranges": self.t_ranges, "samples": self.t_samples,
                   "mixed": self.t_mixed, "sweepdbx": self.t_sweepdbx,
                   "csvdiff": self.t_csvdiff, "inicom": self.t_inicom,
                   "trunc": self.t_trunc,
                   "profilefit": self.t_profilefit,
                   "nulcols": self.t_nulcols, "levels": self.t_levels,
                   "softnote": self.t_softnote, "helpx": self.t_helpx,
                   "spanx": self.t_spanx, "nulini": self.t_nulini,
                   "blankeq": self.t_blankeq, "emptydb": self.t_emptydb,
                   "csvbig": self.t_csvbig,
                   "modellabels": self.t_modellabels,
                   "helpwords": self.t_helpwords,
                   "dbpath": self.t_dbpath, "inipath": self.t_inipath,
                   "exportx": self.t_exportx, "countj": self.t_countj,
                   "jsonlx": self.t_jsonlx, "dbfew": self.t_dbfew,
                   "setcut": self.t_setcut, "mergejl": self.t_mergejl}
        checks = {"drops": self.drops_check, "labels": self.labels_check,
                  "measurements": self.measurements_check,
                  "presets": self.presets_check, "cache": self.cache_check,
                  "twice": self.twice_check, "specx": self.specx_check,
                  "linsum": self.linsum_check,
                  "claimv2": self.claimv2_check,
                  "sram": self.sram_check, "legacydb": self.legacydb_check,
                  "sigint": self.sigint_check,
                  "sections": self.sections_check,
                  "strict": self.strict_check,
                  "axes": self.axes_check,
                  "bothends": self.bothends_check,
                  "zbest": self.zbest_check, "digits": self.digits_check,
                  "suggest": self.suggest_check, "shcmd": self.shcmd_check,
                  "memory": self.memory_check, "power": self.power_check,
                  "tpcol": self.tpcol_check,
                  "nodechip": self.nodechip_check,
                  "scenrepl": self.scenrepl_check,
                  "targets": self.targets_check,
                  "sweepopts": self.sweepopts_check,
                  "repeat": self.repeat_check,
                  "valrepdb": self.valrepdb_check,
                  "setx": self.setx_check, "csvx": self.csvx_check,
                  "gpx": self.gpx_check, "resumex": self.resumex_check,
                  "jsonx": self.jsonx_check,
                  "rankby": self.rankby_check, "solvet": self.solvet_check,
                  "plotat": self.plotat_check, "count": self.count_check,
                  "mm2": self.mm2_check, "csvv": self.csvv_check,
                  "notes": self.notes_check, "trustdb": self.trustdb_check,
                  "mergex": self.mergex_check,
                  "ranges": self.ranges_check,
                  "samples": self.samples_check,
                  "mixed": self.mixed_check,
                  "sweepdbx": self.sweepdbx_check,
                  "csvdiff": self.csvdiff_check,
                  "inicom": self.inicom_check,
                  "trunc": self.trunc_check,
                  "profilefit": self.profilefit_check,
                  "nulcols": self.nulcols_check,
                  "levels": self.levels_check,
                  "softnote": self.softnote_check,
                  "helpx": self.helpx_check,
                  "spanx": self.spanx_check,
                  "nulini": self.nulini_check,
                  "blankeq": self.blankeq_check,
                  "emptydb": self.emptydb_check,
                  "csvbig": self.csvx_check,
                  "modellabels": self.modellabels_check,
                  "helpwords": self.helpwords_check,
                  "dbpath": self.dbpath_check,
                  "inipath": self.inipath_check,
                  "exportx": self.exportx_check,
                  "countj": self.countj_check,
                  "jsonlx": self.jsonlx_check, "dbfew": self.dbfew_check,
                  "setcut": self.setcut_check,
                  "mergejl": self.mergejl_check}
        # targets that run their command themselves (a signal sent to it)
        runners = {"sigint": self.sigint_run,
                   "sections": lambda argv: self.rl(*argv,
                                                    env=self.sections_env),
                   "emptydb": self.emptydb_run,
                   "dbpath": self.dbpath_run}
        names = self.a.targets.split(",") if self.a.targets else [
            t for t in targets if t != "csvbig"]  # minutes a run
        stop = time.time() + self.a.seconds
        while time.time() < stop:
            t = self.rng.choice(names)
            argv = targets[t]()
            try:
                p = runners[t](argv) if t in runners else self.rl(
                    *argv, env=self.presets_env if t == "presets" else None)
            except subprocess.TimeoutExpired:
                p = subprocess.CompletedProcess(argv, -999, b"", b"timeout")
                why = [f"hang over {self.a.timeout} s"]
            else:
                # the checks read the outputs judge then removes
                why = checks[t](argv, p) if t in checks else []
                why += self.judge(t, argv, p)
            self.runs += 1
            k = (t, p.returncode)
            self.stats[k] = self.stats.get(k, 0) + 1
            if why:
                self.record(t, argv, p, why)
        with open(os.path.join(self.a.out, "findings.txt"), "w",
                  errors="backslashreplace") as f:
            for sig, v in self.found.items():
                f.write(f"{sig}  (x{v['n']})\n  {v['dir']}\n  {v['cmd']}\n"
                        f"  {'; '.join(v['why'])}\n  stderr: {v['err']!r}\n\n")
        print(f"{self.runs} runs, {len(self.found)} distinct findings")
        print("runs by target and status:", ", ".join(
            f"{t} {rc}: {n}" for (t, rc), n in sorted(self.stats.items())))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "rooflab"))
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--targets", default="",
                    help="measurements,preset,set,spec,db,claim,versions,"
                    "merge,opts,drops,labels,solve,presets,profile,cache,"
                    "twice,specx,linsum,claimv2,sram,legacydb,sigint,"
                    "sections,strict,axes,bothends,zbest,digits,suggest,"
                    "shcmd,memory,power,tpcol,nodechip,scenrepl,targets,"
                    "sweepopts,repeat,valrepdb,setx,csvx,gpx,resumex,jsonx,"
                    "rankby,solvet,plotat,count,mm2,csvv,notes,trustdb,"
                    "mergex,ranges,samples,mixed,sweepdbx,csvdiff,inicom,"
                    "trunc,profilefit,nulcols,levels,softnote,helpx,"
                    "spanx,nulini,blankeq,emptydb,csvbig,modellabels,"
                    "helpwords,dbpath,inipath,exportx,countj,jsonlx,dbfew,"
                    "setcut,mergejl "
                    "(default all)")
    ap.add_argument("--out", default="/tmp/rooflab-fuzz")
    a = ap.parse_args()
    a.bin = os.path.abspath(a.bin)
    os.makedirs(a.out, exist_ok=True)
    Fuzzer(a).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
