/*
** utf8.h: checking text for well-formed UTF-8, so that what rooflab writes
** (JSON, HTML, Markdown) stays valid whatever bytes its input held, and
** quoting, cutting and sizing text for messages at a whole character.
** Pure computation on strings (no I/O), in model/ so that every layer,
** model/params.c's messages among them, uses the one rule.
*/
#ifndef RL_UTF8_H
#define RL_UTF8_H

#include <stddef.h>

/* Length of the well-formed UTF-8 sequence at s (RFC 3629: no overlong
** forms, no surrogates, nothing above U+10FFFF), or 0 when s starts with
** a byte that begins none. */
int rl_utf8_len(const unsigned char *s);

/* 1 when the well-formed sequence at s (rl_utf8_len > 0) is a Unicode
** noncharacter: U+FDD0..U+FDEF, and the last two code points of each of
** the 17 planes (U+FFFE, U+FFFF, U+1FFFE, ... U+10FFFF); Unicode 15.0
** section 23.7 lists these 66.  XML 1.0 (section 2.2, Char) refuses
** U+FFFE and U+FFFF outright and discourages the rest, so text bound for
** an SVG writes them '?'.  0 otherwise, and for a byte that begins no
** well-formed sequence (rl_utf8_len says that one). */
int rl_utf8_nonchar(const unsigned char *s);

/* The characters of s as rl_utf8_cell counts them: one per well-formed
** sequence, one per byte that begins none. */
size_t rl_utf8_chars(const char *s);

/* The offset of the first byte of s that begins no well-formed sequence
** (rl_utf8_len 0), or -1 when s is well-formed UTF-8 throughout. */
long rl_utf8_bad(const char *s);

/* The size of the first n bytes of s for a message about a limit, which
** rooflab's fixed fields count in bytes: "N bytes", and where they hold
** other than ASCII "N bytes (M characters)", M as rl_utf8_chars counts
** (a label of 100 Greek letters is "200 bytes (100 characters)"), into
** buf (len bytes); returns buf.  The one way a message says what it
** counted. */
const char *rl_utf8_bytes(const char *s, size_t n, char *buf, size_t len);

/* How many of s's first max bytes (at most strlen(s)) a message quotes
** when it cuts s: the longest prefix that ends at a whole character,
** never inside a well-formed sequence (a byte that begins none is one
** character), for printf's "%.*s": snprintf(err, len, "'%.*s...'",
** rl_utf8_cut(s, 40), s), where "%.40s" could end in the first byte of
** a two-byte letter, which a terminal shows as '?' and JSON as U+FFFD.
** max above INT_MAX is taken as INT_MAX. */
int rl_utf8_cut(const char *s, size_t max);

/* The longest text a message about a value quotes whole (bytes): past it
** rl_utf8_quote cuts it, so that the allowed range after it is said (a
** value of thousands of bytes filled the message and lost it).  Used by
** model/params.c and config/num.c. */
#define RL_UTF8_QUOTE_MAX 80

/* s quoted for a message into buf (len bytes); returns buf: "'S'" where
** s is at most max bytes, else its first max - 3 bytes or fewer, cut at a
** whole character (rl_utf8_cut), then "...'" and its size as
** rl_utf8_bytes says it: "'999...' (5000 bytes)"; 100 Greek letters of 2
** bytes each at max 80, 38 of them (76 bytes), then "...' (200 bytes (100
** characters))".  A cut quote with its dots is thus at most max bytes
** between the quotes.  max under 3 is taken as 3. */
const char *rl_utf8_quote(const char *s, size_t max, char *buf, size_t len);

/* s for a message, unquoted, into buf (len bytes, max + 64 at least);
** returns buf: s whole where it is at most max bytes, else its first max
** - 3 bytes or fewer, cut at a whole character (rl_utf8_cut), then "..."
** and its size as rl_utf8_bytes says it: "/tmp/dd... (1000 bytes)".  For a
** file's path before ":LINE:" (config/ini.c) and a --set assignment
** (cli/options.c), whose whole text would leave no room for the reason
** after it.  max under 3 is taken as 3. */
const char *rl_utf8_shown(const char *s, size_t max, char *buf, size_t len);

/* The longest file path a message names whole (bytes), for rl_utf8_shown
** and rl_utf8_quote's max: past it cut, so that a message's reason after
** a path of 1,000 bytes (eval's --profile, a side's profile=, validate's
** --measurements take 1023) is still said (config/ini.c, presets.c,
** regfile.c) */
#define RL_UTF8_PATH_SHOWN_MAX 300

/* 1 when the well-formed sequence at s (rl_utf8_len > 0) is a character
** rooflab never shows or writes as it stands: a control character (C0
** U+0000..U+001F, DEL U+007F, and the C1 controls U+0080..U+009F, which a
** terminal may obey) or a bidirectional control of UAX #9, section 2
** (U+061C, U+200E/F, U+202A..U+202E, U+2066..U+2069, which reorder what
** follows on the screen: a row id after U+202E reads backwards); 0
** otherwise, and for a byte that begins no well-formed sequence
** (rl_utf8_len says that one).  The one rule of rl_utf8_cell (written
** '?') and of a sweep's text cells (sweeps/celltext.c: refused, but for
** tab, line feed and carriage return, which a CSV quotes). */
int rl_utf8_control(const unsigned char *s);

/* s as a cell of a text table for a terminal, into buf (n bytes): each
** character rl_utf8_control names and each byte that begins no
** well-formed sequence written as '?'; at most `width` characters when cut (never a sequence
** cut in two), then spaces up to `width` characters, so that a column
** lines up whatever bytes its names take (width 0: no padding).  A
** character is a code point: a wide (CJK) or combining one is counted as
** one.  Stops at a whole character when buf is full; returns buf. */
const char *rl_utf8_cell(const char *s, int width, int cut, char *buf,
                         size_t n);

/* U+FFFD, the replacement character, in UTF-8. */
#define RL_UTF8_REPLACEMENT "\xef\xbf\xbd"

#endif
