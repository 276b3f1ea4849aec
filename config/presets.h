/*
** presets.h: the preset files of the data directory.  Presets are INI
** files under it (data/chips/NAME.ini, data/models/, data/scenarios/,
** data/profiles/, data/nodes/, data/uncertainty/), or any path to an INI
** file; a name holding '/' or ending in ".ini" is such a path.  Their
** kinds and folders, the names that load, listing them, and a name
** resolved to a file.  Loading one into a configuration: setup.h.
*/
#ifndef RL_PRESETS_H
#define RL_PRESETS_H

#include <stddef.h>

/* The data directory: $ROOFLAB_DATA, else the one built in. */
const char *rl_data_dir(void);

/* A path as the claim's text and the report print it: from the data
** directory's own name on ("data/chips/sohu.ini" for
** $ROOFLAB_DATA/chips/sohu.ini where ROOFLAB_DATA is /x/data) where the
** path lies in the data directory, else the path as it is; a pointer into
** path. */
const char *rl_data_rel(const char *path);

/* Is the data directory there, a directory?  0, or -1 with "data
** directory DIR (ROOFLAB_DATA|built in): REASON" in err. */
int rl_data_dir_check(char *err, size_t errlen);

/* Resolve a preset of kind "chip", "model", "scenario", "profile", "node"
** or "uncertainty" to a path.  Returns 0, or -1 with a message listing
** the known names. */
int preset_path(const char *kind, const char *name, char *path, size_t len,
                char *err, size_t errlen);

/* The longest preset name, with its NUL: a file of a longer name (less
** .ini) is not in preset_list but in preset_unloadable, and preset_path
** refuses the name. */
#define PRESET_NAME_MAX 64

/* 0 when name loads as a preset's: short enough (under PRESET_NAME_MAX)
** and not a path (a name holding '/' or ending in ".ini" is a path to a
** file, which preset_path reads from the working directory); else -1 with
** the message saying why (err may be NULL with errlen 0). */
int preset_name_fits(const char *kind, const char *name, char *err,
                     size_t errlen);

/* The longest file name, with its NUL (NAME_MAX of POSIX systems, 255). */
#define PRESET_FILE_MAX 256

/* The most presets of one kind a list of them holds (preset_list's max
** where the whole list is wanted): 256 names of PRESET_NAME_MAX, 16 KiB. */
#define PRESET_LIST_MAX 256

/* The names of the presets of a kind (their files in the data directory
** without .ini), sorted, at most max: their count. */
size_t preset_list(const char *kind, char (*names)[PRESET_NAME_MAX],
                   size_t max);

/* preset_list's list into names and its count into *n, for a caller that
** decides on it (the chip's default profile, a model prefix's match):
** RL_OK, or RL_EINTERNAL where the folder could not be read for want of
** memory, which preset_list gives as a list of none. */
int preset_list_all(const char *kind, char (*names)[PRESET_NAME_MAX],
                    size_t max, size_t *n);

/* The names (less .ini) of kind's files that no preset name loads
** (preset_name_fits refuses them: too long, or ending in ".ini"), sorted,
** at most max of them (one of over PRESET_FILE_MAX - 1 bytes is counted,
** not given): how many there are. */
size_t preset_unloadable(const char *kind, char (*names)[PRESET_FILE_MAX],
                         size_t max);

/* The same names, comma separated (for messages); a list longer than len
** stops at a whole name and ends in ", ..." to say so. */
void preset_names(const char *kind, char *buf, size_t len);

/* preset_names' list for a message's "known: ...": where there are none,
** "none (no presets in DIR/chips)", or "none (data directory DIR ...:
** REASON)" where the data directory is not there (rl_data_dir_check). */
void preset_known(const char *kind, char *buf, size_t len);

/* The name a preset given by path goes by: its file name (after the last
** '/') less a final ".ini" ("data/chips/h200-sxm.ini" and "h200-sxm" both
** "h200-sxm"; a file named ".ini" alone keeps it); *stem points at it in
** name and its length is returned (no NUL ends it there).  One rule for
** setup.c, which records a loaded preset under it (refusing one too long
** for the record), and for the callers that name a chip or scenario as the
** measurement files and the claim database give it. */
size_t preset_stem(const char *name, const char **stem);

/* The folder of the data directory that holds kind's presets ("chips"
** for "chip"), NULL when kind is no preset kind. */
const char *preset_kind_dir(const char *kind);

#endif
