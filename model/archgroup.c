/*
** archgroup.c: which models are one network for the engine, and the
** leave-out groups that follow (archgroup.h).
*/
#include "archgroup.h"

#include <stdio.h>
#include <string.h>

#include "params.h"

int rl_arch_same(const rl_config *a, const rl_config *b)
{
	size_t np, k;
	const rl_param *p = rl_params(&np);
	for (k = 0; k < np; k++)
		if (!strcmp(p[k].section, "model") &&
		    rl_param_get(a, &p[k]) != rl_param_get(b, &p[k]))
			return 0;
	return 1;
}

/* The root of i's set: follow group[] to the row that is its own. */
static int root_of(const int *group, int i)
{
	while (group[i] != i)
		i = group[i];
	return i;
}

void rl_arch_groups(const rl_config *const *cfg, const char *const *name,
                    size_t n, int *group)
{
	size_t i, r;
	for (i = 0; i < n; i++)
		group[i] = (int)i;
	/* union: the set with the later root joins the earlier one, so each
	** root is the first row of its set */
	for (i = 0; i < n; i++)
		for (r = 0; r < i; r++) {
			int a, b;
			if (strcmp(name[r], name[i]) && !rl_arch_same(cfg[r], cfg[i]))
				continue;
			a = root_of(group, (int)r);
			b = root_of(group, (int)i);
			if (a < b)
				group[b] = a;
			else if (b < a)
				group[a] = b;
		}
	for (i = 0; i < n; i++)
		group[i] = root_of(group, (int)i);
}

/* The smallest name (strcmp) among the rows of group g that sorts after
** `after` (NULL: any), or NULL. */
static const char *next_name(const char *const *name, const int *group,
                             size_t n, int g, const char *after)
{
	const char *best = NULL;
	size_t i;
	for (i = 0; i < n; i++)
		if (group[i] == g && (!after || strcmp(name[i], after) > 0) &&
		    (!best || strcmp(name[i], best) < 0))
			best = name[i];
	return best;
}

/* The group (a root) whose first name is the smallest after `after`
** (NULL: any) among groups of two names or more; -1 when none.  A name is
** in one group only (rows of one name share theirs), so the groups' first
** names differ. */
static int next_group(const char *const *name, const int *group, size_t n,
                      const char *after)
{
	const char *best = NULL;
	int bg = -1;
	size_t i;
	for (i = 0; i < n; i++) {
		const char *first, *second;
		if (group[i] != (int)i)
			continue;
		first = next_name(name, group, n, (int)i, NULL);
		second = next_name(name, group, n, (int)i, first);
		if (!second || (after && strcmp(first, after) <= 0) ||
		    (best && strcmp(first, best) >= 0))
			continue;
		best = first;
		bg = (int)i;
	}
	return bg;
}

/* Appends s to buf (len bytes, *used of them taken), cut to fit. */
static void append(char *buf, size_t len, size_t *used, const char *s)
{
	int w;
	if (*used + 1 >= len)
		return;
	w = snprintf(buf + *used, len - *used, "%s", s);
	*used += w < 0 ? 0 : (size_t)w;
	if (*used >= len)
		*used = len - 1;
}

size_t rl_arch_twins(const char *const *name, const int *group, size_t n,
                     char *buf, size_t len)
{
	const char *after = NULL;
	size_t count = 0, used = 0;
	int g;
	if (len)
		buf[0] = '\0';
	while ((g = next_group(name, group, n, after)) >= 0) {
		const char *nm = next_name(name, group, n, g, NULL);
		after = nm;
		if (count++)
			append(buf, len, &used, ", ");
		append(buf, len, &used, nm);
		while ((nm = next_name(name, group, n, g, nm))) {
			append(buf, len, &used, " = ");
			append(buf, len, &used, nm);
		}
	}
	return count;
}
