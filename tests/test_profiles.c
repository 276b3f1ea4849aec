/*
** test_profiles.c: config/profiles.c's default profile (profile_settle)
** of a chip named by a file's path.  A scenario that names its chip by
** path ([preset] chip = /tmp/.../myh100.ini) gives the chip the default
** profile the same file named as the chip option gives it: the rule is
** the chip's, whoever names it.  The scenario's chip was looked up by its
** name alone (myh100, the file's less .ini), which no preset has, so its
** software read as none and it served under ideal ("its preset names no
** software") while --chip of the same file took the calibrated profile.
** No number is expected here but the equality of the two, and that the
** file (a copy of data/chips/h100-sxm.ini, whose [meta] names
** TensorRT-LLM) gets a default, not ideal.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/presets.h"
#include "../config/profiles.h"
#include "../config/setup.h"
#include "../config/slurp.h"

/* The default profile and its note of the setup o names. */
static void settle(eval_opts *o, rl_setup *st, char *name, size_t namelen)
{
	char err[1024] = "";
	const char *at;
	int rc = opts_apply(o, st, 1, err, sizeof err);
	if (rc)
		fail_msg("opts_apply: %s", err);
	rc = profile_settle(o, st, "--profile", name, namelen, &at, err,
	                    sizeof err);
	if (rc < 0)
		fail_msg("profile_settle: %s", err);
}

static void test_scenario_chip_path(void **state)
{
	char dir[] = "/tmp/rl_test_prof_XXXXXX", chip[128], scen[128];
	char src[1024], name_a[128] = "", name_b[128] = "";
	static rl_setup a, b;
	eval_opts oa, ob;
	size_t len;
	char *text;
	FILE *f;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(chip, sizeof chip, "%s/myh100.ini", dir);
	snprintf(scen, sizeof scen, "%s/sc.ini", dir);
	snprintf(src, sizeof src, "%s/chips/h100-sxm.ini", rl_data_dir());
	text = rl_slurp(src, &len);
	assert_non_null(text);
	f = fopen(chip, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(text);
	f = fopen(scen, "w");
	assert_non_null(f);
	fprintf(f, "[preset]\nchip = %s\nmodel = llama3-8b\n", chip);
	assert_int_equal(fclose(f), 0);
	memset(&oa, 0, sizeof oa);
	oa.scenario = scen;
	settle(&oa, &a, name_a, sizeof name_a);
	memset(&ob, 0, sizeof ob);
	ob.chip = chip;
	ob.model = "llama3-8b";
	settle(&ob, &b, name_b, sizeof name_b);
	unlink(scen);
	unlink(chip);
	rmdir(dir);
	assert_string_not_equal(b.profile, "ideal");
	assert_string_equal(a.profile, b.profile);
	assert_string_equal(a.profile_note, b.profile_note);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scenario_chip_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
