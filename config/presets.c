/*
** presets.c: the preset files of the data directory: their folders, the
** names they load by, listing them, and a name or path resolved to a file
** (presets.h).
*/
#include "presets.h"
#include "../model/status.h"
#include "../model/utf8.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef RL_DATA_DIR
#define RL_DATA_DIR "data"
#endif

const char *rl_data_dir(void)
{
	const char *env = getenv("ROOFLAB_DATA");
	return env && *env ? env : RL_DATA_DIR;
}

const char *rl_data_rel(const char *path)
{
	const char *d = rl_data_dir(), *base;
	size_t n = strlen(d);
	while (n > 1 && d[n - 1] == '/')
		n--;
	if (strncmp(path, d, n) || path[n] != '/')
		return path;
	for (base = path + n; base > path && base[-1] != '/'; base--)
		;
	return base;
}

int rl_data_dir_check(char *err, size_t errlen)
{
	const char *dir = rl_data_dir(), *env = getenv("ROOFLAB_DATA");
	struct stat sb;
	const char *why = NULL;
	if (stat(dir, &sb) != 0)
		why = strerror(errno);
	else if (!S_ISDIR(sb.st_mode))
		why = "not a directory";
	if (!why)
		return 0;
	snprintf(err, errlen, "data directory %s (%s): %s", dir,
	         env && *env ? "ROOFLAB_DATA" : "built in; set ROOFLAB_DATA", why);
	return -1;
}

const char *preset_kind_dir(const char *kind)
{
	static const char *const kinds[][2] = {
	    {"chip", "chips"},       {"model", "models"},
	    {"scenario", "scenarios"}, {"profile", "profiles"},
	    {"node", "nodes"},       {"uncertainty", "uncertainty"}};
	size_t i;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(kinds[i][0], kind))
			return kinds[i][1];
	return NULL;
}

static int is_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The file of the preset name in kind folder dir of the data directory:
** its length, which is len or more when it did not fit (path is then no
** file's name). */
static size_t preset_file(const char *dir, const char *name, char *path,
                          size_t len)
{
	int w = snprintf(path, len, "%s/%s/%s.ini", rl_data_dir(), dir, name);
	return w < 0 ? len : (size_t)w;
}

/* Why path, named as a preset file, cannot be one, into err: it does not
** exist (or cannot be reached), or it is a directory, a device or another
** thing that is not a file; the path quoted, cut past
** RL_UTF8_PATH_SHOWN_MAX bytes at a whole character with "..." and its
** size, so that the reason is always said (a path of 5,000 bytes, one
** that is no file, filled the callers' 1,024-byte messages). */
static void not_a_file(const char *kind, const char *path, char *err,
                       size_t errlen)
{
	struct stat sb;
	char q[RL_UTF8_PATH_SHOWN_MAX + 80];
	int st = stat(path, &sb), e = errno;
	rl_utf8_quote(path, RL_UTF8_PATH_SHOWN_MAX, q, sizeof q);
	if (st == 0)
		snprintf(err, errlen, "%s file %s is not a preset file (%s)",
		         kind, q, S_ISDIR(sb.st_mode) ? "a directory"
		                  : "not a regular file");
	else if (e == ENOENT)
		snprintf(err, errlen, "%s file %s does not exist", kind, q);
	else
		snprintf(err, errlen, "%s file %s: %s", kind, q, strerror(e));
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

size_t preset_stem(const char *name, const char **stem)
{
	const char *base = strrchr(name, '/');
	size_t l;
	base = base ? base + 1 : name;
	l = strlen(base);
	if (l > 4 && !strcmp(base + l - 4, ".ini"))
		l -= 4;
	*stem = base;
	return l;
}

/* A name given where a preset is asked for that is a path to its file:
** one holding a '/' or ending in ".ini" (README: "a preset name or a path
** to an INI file"), read from the working directory; any other name is a
** preset's, in the data directory. A preset file x.ini.ini therefore has
** no name it loads by (preset_name_fits refuses "x.ini"). */
static int names_a_path(const char *name)
{
	size_t l = strlen(name);
	return strchr(name, '/') || (l >= 4 && !strcmp(name + l - 4, ".ini"));
}

/* The .ini files of kind's folder whose name (less .ini) loads as a
** preset's (refused 0: preset_name_fits takes it) or does not (refused 1),
** into names (rows of width bytes), at most max, sorted: how many there
** are; *nomem 1 where the folder could not be read for want of memory
** (opendir's ENOMEM: a list of none that is no list), else 0. */
static size_t list_dir(const char *kind, char *names, size_t width,
                       size_t max, int refused, int *nomem)
{
	char dir[1024], base[PRESET_FILE_MAX];
	size_t n = 0, kept;
	DIR *d;
	struct dirent *e;
	*nomem = 0;
	if (!preset_kind_dir(kind))
		return 0;
	snprintf(dir, sizeof dir, "%s/%s", rl_data_dir(), preset_kind_dir(kind));
	*nomem = 0;
	d = opendir(dir);
	if (!d) {
		*nomem = errno == ENOMEM;
		return 0;
	}
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l <= 4 || strcmp(e->d_name + l - 4, ".ini"))
			continue;
		snprintf(base, sizeof base, "%.*s", (int)(l - 4), e->d_name);
		if ((preset_name_fits(kind, base, NULL, 0) != 0) != refused)
			continue;
		if (n < max && l - 4 < width) {
			memcpy(names + n * width, e->d_name, l - 4);
			names[n * width + l - 4] = '\0';
		} else if (!refused) {
			break; /* the list is full: as many as it holds */
		}
		n++;
	}
	closedir(d);
	kept = n < max ? n : max;
	qsort(names, kept, width, cmp_name);
	return n;
}

size_t preset_list(const char *kind, char (*names)[PRESET_NAME_MAX],
                   size_t max)
{
	int nomem;
	return list_dir(kind, names[0], PRESET_NAME_MAX, max, 0, &nomem);
}

int preset_list_all(const char *kind, char (*names)[PRESET_NAME_MAX],
                    size_t max, size_t *n)
{
	int nomem;
	*n = list_dir(kind, names[0], PRESET_NAME_MAX, max, 0, &nomem);
	return nomem ? RL_EINTERNAL : RL_OK;
}

size_t preset_unloadable(const char *kind, char (*names)[PRESET_FILE_MAX],
                         size_t max)
{
	int nomem;
	return list_dir(kind, names[0], PRESET_FILE_MAX, max, 1, &nomem);
}

/* Only the presets that are files: a directory, a FIFO or a link to
** nothing named *.ini is in preset_list (`rooflab presets` lists it as not
** loading, with why) but no name a message offers as known. */
void preset_names(const char *kind, char *buf, size_t len)
{
	char names[PRESET_LIST_MAX][PRESET_NAME_MAX], path[1024];
	size_t n = preset_list(kind, names, PRESET_LIST_MAX), used = 0, i;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		int w;
		if (preset_file(preset_kind_dir(kind), names[i], path,
		                sizeof path) >= sizeof path ||
		    !is_file(path))
			continue;
		/* room kept for ", ..." after it unless it is the last: a
		** list cut short says so, and never inside a name */
		w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
		             names[i]);
		if (w >= 0 && used + (size_t)w + (i + 1 < n ? 5 : 0) < len) {
			used += (size_t)w;
			continue;
		}
		buf[used] = '\0';
		if (used + 5 < len)
			snprintf(buf + used, len - used, "%s...", used ? ", " : "");
		break;
	}
}

void preset_known(const char *kind, char *buf, size_t len)
{
	char why[1200];
	preset_names(kind, buf, len);
	if (buf[0])
		return;
	/* none, as in a data directory that is empty or not there: say
	** where it looked, or why it could not */
	if (rl_data_dir_check(why, sizeof why) == 0)
		snprintf(why, sizeof why, "no presets in %s/%s", rl_data_dir(),
		         preset_kind_dir(kind) ? preset_kind_dir(kind) : kind);
	snprintf(buf, len, "none (%s)", why);
}

int preset_name_fits(const char *kind, const char *name, char *err,
                     size_t errlen)
{
	if (strlen(name) >= PRESET_NAME_MAX) {
		char size[64];
		snprintf(err, errlen, "%s name of %s; a preset name has at most "
		         "%d bytes", kind,
		         rl_utf8_bytes(name, strlen(name), size, sizeof size),
		         PRESET_NAME_MAX - 1);
		return -1;
	}
	if (names_a_path(name)) {
		snprintf(err, errlen, "%s name ending in .ini: a path, not a "
		         "preset", kind);
		return -1;
	}
	return 0;
}

int preset_path(const char *kind, const char *name, char *path, size_t len,
                char *err, size_t errlen)
{
	const char *dir = preset_kind_dir(kind);
	char known[1024];
	if (!name || !*name) {
		snprintf(err, errlen, "empty %s name", kind);
		return -1;
	}
	if (names_a_path(name)) {
		if (!is_file(name)) {
			not_a_file(kind, name, err, errlen);
			return -1;
		}
		if (strlen(name) >= len) {
			char size[64];
			snprintf(err, errlen, "%s file '%.*s...' is a path of %s; "
			         "at most %zu bytes", kind, rl_utf8_cut(name, 64), name,
			         rl_utf8_bytes(name, strlen(name), size, sizeof size),
			         len - 1);
			return -1;
		}
		snprintf(path, len, "%s", name);
		return 0;
	}
	/* a preset name of more is no file preset_list lists, nor one the
	** setup's records of names (RL_NAME_MAX) hold whole */
	if (preset_name_fits(kind, name, err, errlen))
		return -1;
	if (dir) {
		struct stat sb;
		size_t pl = preset_file(dir, name, path, len);
		if (pl >= len) {
			snprintf(err, errlen, "%s file of %zu bytes in the data "
			         "directory %s; at most %zu", kind, pl, rl_data_dir(),
			         len - 1);
			return -1;
		}
		if (is_file(path))
			return 0;
		/* there but no file (a directory, a FIFO, a link to nothing):
		** said so, where it was an unknown preset whose name the list
		** of known ones (preset_names) then gave */
		if (lstat(path, &sb) == 0) {
			not_a_file(kind, path, err, errlen);
			return -1;
		}
	}
	preset_known(kind, known, sizeof known);
	snprintf(err, errlen, "unknown %s '%s'; known: %s", kind, name, known);
	return -1;
}
