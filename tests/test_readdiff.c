/*
** test_readdiff.c: a differential fuzz of speed17's rewritten readers
** against the versions they replaced (copied below, renamed, from
** 1772788a, main just before speed17): config/csvrows.c's csv_next (an
** 8 KiB read-ahead block cut by memchr, fields by strchr; before, a byte
** at a time by getc_unlocked), config/strpool.c's strpool_key (memcpy;
** before, snprintf) and model/numtext.c's rl_number_text (1-15 digits by
** hand; before, strtod alone).  The oracle is the old code itself: the
** same return codes, rows, fields, line numbers and messages; the same
** key bytes (the whole of out, past the NUL too) and length; the same
** double bit for bit, the same verdict and errno.
** Inputs from a fixed seed: CSV texts whose special bytes (a comma, a
** quote, CR, LF, NUL, a byte order mark, a long line's end) are placed
** at and around the reader's block ends (8192, 16384) and the line limit
** (16382 bytes), unterminated quotes, empty files, no final newline;
** number texts of 1-20 digits, leading zeros, signs, '.', exponents,
** spaces, inf/nan spellings; keys cut at and around their length.
** READDIFF_SCALE=N (an environment variable) runs N times as many (the
** long run behind fuzz83's report); the default runs in about a second.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config/csvrows.h"
#include "../config/strpool.h"
#include "../model/numtext.h"

/* ---- the old code, as 1772788a had it (renamed) ---- */

typedef struct {
	FILE *f;
	const char *path;
	int comments;
	int line;
	int nf;
	char *fields[CSV_MAX_FIELDS];
	char buf[CSV_LINE_MAX];
} old_rows;

static int old_csv_split(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line, *out;
	for (;;) {
		if (n == max)
			return -2;
		fields[n++] = out = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (!*p)
					return -1;
				if (*p == '"' && p[1] == '"') {
					*out++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else {
					*out++ = *p++;
				}
			}
			while (*p && *p != ',')
				p++;
		} else {
			while (*p && *p != ',')
				*out++ = *p++;
		}
		if (*p != ',') {
			*out = '\0';
			break;
		}
		p++;
		*out = '\0';
	}
	return n;
}

static long old_read_line(old_rows *r, char *err, size_t errlen)
{
	size_t len = 0;
	int c, got = 0;
	errno = 0;
	while ((c = getc_unlocked(r->f)) != EOF) {
		got = 1;
		if (c == '\n')
			break;
		if (c == '\0') {
			snprintf(err, errlen, "%s:%d: a NUL byte (column %zu); not a "
			         "text file", r->path, r->line + 1, len + 1);
			return -1;
		}
		if (len + 1 >= sizeof r->buf ||
		    (c != '\r' && len + 2 >= sizeof r->buf)) {
			snprintf(err, errlen, "%s:%d: line too long (more than %zu "
			         "bytes)", r->path, r->line + 1, sizeof r->buf - 2);
			return -1;
		}
		r->buf[len++] = (char)c;
	}
	if (ferror(r->f)) {
		snprintf(err, errlen, "%s: cannot read: %s", r->path,
		         strerror(errno ? errno : EIO));
		return -1;
	}
	if (!got)
		return -2;
	r->line++;
	if (len && r->buf[len - 1] == '\r')
		len--;
	r->buf[len] = '\0';
	if (memchr(r->buf, '\r', len)) {
		snprintf(err, errlen, "%s:%d: a carriage return inside the line "
		         "(lines must end in LF or CRLF)", r->path, r->line);
		return -1;
	}
	if (r->line == 1 && len >= 3 && !memcmp(r->buf, "\xef\xbb\xbf", 3)) {
		memmove(r->buf, r->buf + 3, len - 2);
		len -= 3;
	}
	return (long)len;
}

static int old_csv_next(old_rows *r, char *err, size_t errlen)
{
	long len;
	while ((len = old_read_line(r, err, errlen)) >= 0) {
		if (!len || (r->comments && r->buf[0] == '#'))
			continue;
		r->nf = old_csv_split(r->buf, r->fields, CSV_MAX_FIELDS);
		if (r->nf == -2) {
			snprintf(err, errlen, "%s:%d: more than %d fields (the most a "
			         "row may have)", r->path, r->line, CSV_MAX_FIELDS);
			return -1;
		}
		if (r->nf < 0) {
			snprintf(err, errlen, "%s:%d: unterminated quote (a quoted "
			         "field cannot hold a line break)", r->path, r->line);
			return -1;
		}
		return 1;
	}
	return len == -2 ? 0 : -1;
}

static size_t old_strpool_key(char *out, size_t len, const char *head, int n,
                              const char *const *texts)
{
	size_t used = 0;
	int i, k;
	k = snprintf(len ? out : NULL, len, "%s", head);
	used = k > 0 ? (size_t)k : 0;
	for (i = 0; i < n; i++) {
		k = snprintf(used < len ? out + used : NULL,
		             used < len ? len - used : 0, "\x1f%zu:%s",
		             strlen(texts[i]), texts[i]);
		used += k > 0 ? (size_t)k : 0;
	}
	return used;
}

static int old_number_text(const char *text, double *x)
{
	char *end;
	errno = 0;
	*x = strtod(text, &end);
	return end != text && !*end && !strpbrk(text, "xX") &&
	       !isspace((unsigned char)*text);
}

/* ---- inputs ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64* (Vigna): a fixed seed, the same inputs every run */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ull;
}

static size_t below(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

static long scale(void)
{
	const char *s = getenv("READDIFF_SCALE");
	long k = s ? atol(s) : 1;
	return k > 0 ? k : 1;
}

#define TEXT_MAX (3 * CSV_LINE_MAX + 4 * CSV_READ_AHEAD)

typedef struct {
	char b[TEXT_MAX];
	size_t n;
} text;

static void put(text *t, const char *s, size_t n)
{
	if (t->n + n > sizeof t->b)
		n = sizeof t->b - t->n;
	memcpy(t->b + t->n, s, n);
	t->n += n;
}

static void put_c(text *t, char c)
{
	put(t, &c, 1);
}

/* a snippet a reader treats apart */
static void put_special(text *t)
{
	static const char *const sp[] = {
		",", "\"", "\"\"", "\r", "\n", "\r\n", "\0", "\xef\xbb\xbf", "#",
		"\"a,b\"", "\"x\"\"y\"", "\"\",", "\"open", ",,", "\xef\xbb", " ",
		"a", "\"\"\"", "\n#c\n", "\n\n", "\r\r\n", "\xbf\n"};
	size_t k = below(sizeof sp / sizeof *sp);
	put(t, sp[k], k == 6 ? 1 : strlen(sp[k]));
}

/* a plain row of about n bytes (n >= 1), ended by LF or CRLF */
static void put_row(text *t, size_t n)
{
	size_t i;
	for (i = 0; i + 1 < n; i++)
		put_c(t, below(7) ? (char)('a' + below(26)) : ',');
	if (below(4) == 0 && n >= 2) {
		t->n--;
		put(t, "\r\n", 2);
	} else {
		put_c(t, '\n');
	}
}

/* filler rows up to exactly byte `at` of the text */
static void fill_to(text *t, size_t at)
{
	assert_true(at < sizeof t->b);
	while (t->n < at) {
		size_t left = at - t->n, n = 1 + below(200);
		put_row(t, n < left ? (left - n < 2 ? left : n) : left);
	}
}

/* A text: small and random, or special bytes placed around a block's end
** or a long line's end. */
static void make_csv(text *t)
{
	size_t k, m;
	t->n = 0;
	switch (below(6)) {
	case 0: /* short and random, empty sometimes */
		m = below(60);
		for (k = 0; k < m; k++) {
			if (below(3))
				put_c(t, (char)("ab,\"\r\n #\0\xef\xbb\xbf"[below(13)]));
			else
				put_special(t);
		}
		break;
	case 1: /* specials straddling a block's end (8192, 16384, 24576) */
		fill_to(t, CSV_READ_AHEAD * (1 + below(3)) - below(12));
		m = 1 + below(8);
		for (k = 0; k < m; k++)
			below(2) ? put_special(t) : put_c(t, (char)('a' + below(3)));
		if (below(2))
			put_row(t, 1 + below(40));
		break;
	case 2: { /* a line of about the limit, its end near a block's end */
		size_t len = CSV_LINE_MAX - 2 - 4 + below(9); /* 16378..16386 */
		size_t start = below(3) ? CSV_READ_AHEAD - below(16)
		                        : below(2 * CSV_READ_AHEAD);
		if (below(4) == 0)
			start = CSV_READ_AHEAD * (3 + below(2)) -
			        len - below(4); /* its end at a block's end */
		fill_to(t, start);
		for (k = 0; k < len; k++)
			put_c(t, below(30) ? 'x' : ',');
		if (below(3) == 0)
			put_special(t);
		m = below(3);
		put(t, "\r\n", m == 0 ? 0 : m == 1 ? 1 : 2);
		if (below(2))
			put_c(t, '\n');
		if (below(2))
			put_row(t, 1 + below(30));
		break;
	}
	case 3: /* a line of about a block (8190..8194) */
		fill_to(t, below(CSV_READ_AHEAD));
		m = CSV_READ_AHEAD - 2 + below(5);
		for (k = 0; k < m; k++)
			put_c(t, (char)("xy,\""[below(40) ? below(2) : 2 + below(2)]));
		if (below(4))
			put_c(t, '\n');
		if (below(2))
			put_row(t, 1 + below(30));
		break;
	case 4: { /* a long file of rows, then bytes flipped to specials */
		size_t end = below(3 * CSV_READ_AHEAD + 100);
		fill_to(t, end);
		m = below(4);
		for (k = 0; k < m && t->n; k++)
			t->b[below(t->n)] = "\0\r\n\",#"[below(6)];
		break;
	}
	default: { /* many fields: at and past CSV_MAX_FIELDS */
		size_t nf = CSV_MAX_FIELDS - 2 + below(5);
		if (below(2))
			fill_to(t, below(2 * CSV_READ_AHEAD));
		for (k = 0; k + 1 < nf; k++) {
			const char *f = below(3) ? "a," : "\"q\",";
			put(t, f, strlen(f));
		}
		put_c(t, 'z');
		if (below(3))
			put_c(t, '\n');
		break;
	}
	}
	if (t->n && below(5) == 0) /* no final newline */
		while (t->n && t->b[t->n - 1] == '\n')
			t->n--;
}

static FILE *open_text(const text *t)
{
	FILE *f = t->n ? fmemopen((void *)t->b, t->n, "r")
	               : fopen("/dev/null", "r");
	assert_non_null(f);
	return f;
}

/* The two readers over the same text, row by row: the same. */
static void csv_same(const text *t, int comments)
{
	static old_rows o;
	static csv_rows r;
	char eo[512], en[512];
	int ro, rn, k;
	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	o.path = r.path = "t.csv";
	o.comments = r.comments = comments;
	o.f = open_text(t);
	r.f = open_text(t);
	do {
		strcpy(eo, "-");
		strcpy(en, "-");
		ro = old_csv_next(&o, eo, sizeof eo);
		rn = csv_next(&r, en, sizeof en);
		assert_int_equal(ro, rn);
		assert_string_equal(eo, en);
		if (ro != 1)
			break;
		assert_int_equal(o.line, r.line);
		assert_int_equal(o.nf, r.nf);
		for (k = 0; k < o.nf; k++)
			assert_string_equal(o.fields[k], r.fields[k]);
	} while (1);
	fclose(o.f);
	csv_close(&r);
}

static void test_csv_diff(void **state)
{
	static text t;
	long i, n = 3000 * scale();
	(void)state;
	rng_state = 0x5eed83c5f00dull;
	for (i = 0; i < n; i++) {
		make_csv(&t);
		csv_same(&t, (int)(i & 1));
	}
}

/* A number's text from pieces: spaces, a sign, 0-20 digits (leading
** zeros some), '.', digits, an exponent, inf/nan spellings, a tail. */
static void make_number(char *s, size_t len)
{
	static const char *const words[] = {
		"inf", "INF", "Inf", "infinity", "INFINITY", "nan", "NaN",
		"nan(123)", "infin", "0x10", "0X1p3", "1e", "1e+", "e5", ".",
		"", "-", "+"};
	size_t n = 0, k, m;
	char *p = s;
	if (below(10) == 0)
		*p++ = " \t\n"[below(3)];
	if (below(4) == 0)
		*p++ = "+-"[below(2)];
	if (below(8) == 0) {
		const char *w = words[below(sizeof words / sizeof *words)];
		strcpy(p, w);
		p += strlen(w);
	} else {
		m = below(3) ? 1 + below(20) : below(22);
		for (k = 0; k < m; k++)
			*p++ = (char)('0' + (k == 0 && below(4) == 0 ? 0 : below(10)));
		if (below(4) == 0) {
			*p++ = '.';
			m = below(6);
			for (k = 0; k < m; k++)
				*p++ = (char)('0' + below(10));
		}
		if (below(6) == 0) {
			*p++ = "eE"[below(2)];
			if (below(2))
				*p++ = "+-"[below(2)];
			m = below(4);
			for (k = 0; k < m; k++)
				*p++ = (char)('0' + below(10));
		}
	}
	if (below(12) == 0)
		*p++ = " xa.e,\t"[below(7)];
	*p = '\0';
	n = (size_t)(p - s);
	assert_true(n < len);
}

static void number_same(const char *s)
{
	double a, b;
	int ra, rb, ea, eb;
	ra = old_number_text(s, &a);
	ea = errno;
	rb = rl_number_text(s, &b);
	eb = errno;
	if (ra != rb || ea != eb || memcmp(&a, &b, sizeof a) != 0)
		fail_msg("'%s': old %d %a errno %d, new %d %a errno %d", s, ra, a,
		         ea, rb, b, eb);
}

static void test_number_diff(void **state)
{
	char s[96];
	long i, n = 200000 * scale();
	(void)state;
	rng_state = 0x83abcdefull;
	for (i = 0; i < n; i++) {
		make_number(s, sizeof s);
		number_same(s);
	}
	/* every length of nines and of a one and zeros, 1-20 digits */
	for (i = 1; i <= 20; i++) {
		memset(s, '9', (size_t)i);
		s[i] = '\0';
		number_same(s);
		memset(s, '0', (size_t)i);
		s[0] = '1';
		number_same(s);
	}
}

/* a text of n bytes: digits, the separator sometimes, letters */
static void make_piece(char *s, size_t n)
{
	size_t k;
	for (k = 0; k < n; k++)
		s[k] = below(12) ? (char)('a' + below(26))
		                 : "\x1f:09"[below(4)];
	s[n] = '\0';
}

static void test_key_diff(void **state)
{
	static const size_t lens[] = {0, 1, 2, 3, 8, 9, 10, 11, 99, 100, 101};
	char head[64], pieces[6][128], a[1024], b[1024];
	const char *texts[6];
	long i, n = 100000 * scale();
	(void)state;
	rng_state = 0x6b6579ull;
	for (i = 0; i < n; i++) {
		int nt = (int)below(7), k;
		size_t need, len, ra, rb;
		make_piece(head, below(40));
		for (k = 0; k < nt; k++) {
			make_piece(pieces[k], below(3) ? below(20) : lens[below(11)]);
			texts[k] = pieces[k];
		}
		need = old_strpool_key(NULL, 0, head, nt, texts);
		assert_true(need + 8 <= sizeof a); /* 39 + 6 x (5 + 101) at most */
		/* cut at the length, around it, anywhere */
		len = below(2) ? need + 3 - below(7) : below(need + 8);
		if (len > need + 3)
			len = need + 1;
		memset(a, 0xa5, sizeof a);
		memset(b, 0xa5, sizeof b);
		ra = old_strpool_key(len ? a : NULL, len, head, nt, texts);
		rb = strpool_key(len ? b : NULL, len, head, nt, texts);
		assert_int_equal(ra, rb);
		assert_memory_equal(a, b, sizeof a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_diff),
		cmocka_unit_test(test_number_diff),
		cmocka_unit_test(test_key_diff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
