/*
** test_chiplabel.c: the GPU labels of a measurements table read as chip
** presets (config/chiplabel.c).  Every expected preset is worked out by
** hand from the table chip_labels and the rules of chiplabel.h: the
** family, then only form factors, capacities and memory kinds that are
** the part's own.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../config/chiplabel.h"

/* label names preset (NULL: no part) */
static void names(const char *label, const char *preset)
{
	const char *got = chiplabel_preset(label);
	if (!preset) {
		if (got)
			fail_msg("'%s' names %s, expected no part", label, got);
		return;
	}
	if (!got || strcmp(got, preset))
		fail_msg("'%s' names %s, expected %s", label, got ? got : "none",
		         preset);
}

static void test_tables_labels(void **state)
{
	(void)state;
	names("h200-sxm", "h200-sxm");           /* a preset's own name */
	names("H200-SXM", "h200-sxm");           /* any case */
	names("H200 141GB HBM3e", "h200-sxm");
	/* a table's header for it: the capacity names the part, with the
	** SXM words the HBM3e label takes too */
	names("H200 141GB HBM3", "h200-sxm");
	names("H200 SXM5 141GB HBM3", "h200-sxm");
	names("H200 SXM 141GB HBM3", "h200-sxm");
	names("A100-PCIE-80GB", "a100-pcie");
	names("A100-SXM4-80GB", "a100-sxm");
	names("A100-SXM4-40GB", "a100-sxm-40gb"); /* the 40 GB HBM2 part */
	names("H100 80 GB", "h100-sxm");         /* the unit its own word */
	/* the Grace's LPDDR5X beside the module's 96 GB of HBM3 */
	names("GH200 96GB HBM3 (480 GB LPDDR5X)", "gh200");
	names("NVIDIA HGX B200", "b200");
	names("L40S PCIe", "l40s");
	names("GB200 NVL72", "gb200");
	names("A100 Ampere", "a100-sxm");        /* its own architecture */
	/* MLPerf's system names of the held-back parts (data/measurements.csv:
	** H200-SXM-141GBx8; hardware-more.csv, hardware-models-more.md:
	** B200-SXM-180GBx1, GB200-NVL72_GB200-186GB,
	** GH200-GraceHopper-Superchip_GH200-96GB, L40Sx8) and the driver's
	** names as nvidia-smi prints them (recalled, not in the repository:
	** "NVIDIA A100-SXM4-80GB", "NVIDIA A100 80GB PCIe", "NVIDIA GH200
	** 480GB") */
	names("H200-SXM-141GB", "h200-sxm");
	names("B200-SXM-180GB", "b200");
	names("GB200-186GB", "gb200");
	names("GH200-96GB", "gh200");
	names("NVIDIA A100-SXM4-80GB", "a100-sxm");
	names("NVIDIA A100 80GB PCIe", "a100-pcie");
	names("NVIDIA GH200 480GB", "gh200");
	names("NVIDIA L40S", "l40s");
	/* stas00's tables (hardware-more.csv: gh200 fp8_dense, "NVIDIA GH200
	** SXM ... 1979"; gb200 max_sm_clock, "NVIDIA GB200 SXM 2062") name
	** the modules SXM: the GH200 with no capacity is the 96 GB module
	** (gh200.ini), as "GH200" alone; MLPerf v4.0's system name joins Grace
	** and Hopper ("GH200-GraceHopper-Superchip_GH200-96GB_aarch64x1_TRT":
	** hardware-more.csv gh200-96gb hbm_capacity); both refused before */
	names("NVIDIA GH200 SXM", "gh200");
	names("NVIDIA GB200 SXM", "gb200");
	names("GH200 SXM 96GB HBM3", "gh200");
	names("GH200-GraceHopper-Superchip", "gh200");
	names("GH200-GraceHopper-Superchip-96GB", "gh200");
	/* the GB200 column headed as the B200's (chiplabel.c's ASSUMPTION) */
	names("GB200 180GB HBM3e", "gb200");
	names("GB200 192GB HBM3e", "gb200");
}

static void test_no_part(void **state)
{
	(void)state;
	names("H100 80GB HBM2e", NULL);   /* the PCIe card's memory, no PCIe */
	names("H200 HBM3", NULL);         /* HBM3 with no capacity naming it */
	names("H200 80GB HBM3", NULL);    /* not the H200's capacity */
	names("GB200 141GB HBM3e", NULL); /* none of the GB200's capacities */
	names("H200 141GB HBM2e", NULL);  /* no H200 of HBM2e */
	names("H200 PCIe 141GB HBM3", NULL); /* no PCIe H200 of it */
	names("H200 80GB HBM3", NULL);    /* not the H200's capacity */
	names("GH200 144GB HBM3e", NULL); /* the module without a preset */
	/* stas00's "(2)" row of it, 141 GB HBM3e: an SXM word makes no
	** capacity the part's (hardware-more.csv gh200-144gb hbm_capacity) */
	names("NVIDIA GH200 SXM 141GB HBM3e", NULL);
	names("GH200 SXM4", NULL);        /* SXM4 is the A100's form */
	names("GraceHopper H100", NULL);  /* the H100 is no Grace Hopper */
	names("GB200 SXM5", NULL);        /* SXM5 is Hopper's form */
	names("DGX H100 PCIe", NULL);     /* a DGX holds SXM parts */
	names("HGX L40S", NULL);
	names("H100 Ampere", NULL);       /* another family's architecture */
	names("H100 80GB foo", NULL);     /* any other word */
	names("h100x", NULL);
	/* AMD's parts: the family, "AMD" and "Instinct" before it, their
	** own capacity and memory kind; no NVIDIA vendor or system word */
	names("MI300X", "mi300x");
	names("AMD Instinct MI300X", "mi300x");
	names("AMD Instinct MI300X 192GB HBM3", "mi300x");
	names("AMD Instinct MI325X 256GB HBM3E", "mi325x");
	names("mi325x", "mi325x");
	names("MI300X 256GB", NULL);      /* the MI325X's capacity */
	names("MI325X HBM3", NULL);       /* the MI300X's memory kind */
	names("NVIDIA MI300X", NULL);
	names("DGX MI300X", NULL);
	names("AMD H100", NULL);
	names("Instinct MI300X", NULL);   /* "Instinct" only after "AMD" */
	names("", NULL);
}

static void test_label_is_chip(void **state)
{
	(void)state;
	assert_int_equal(chiplabel_is_chip("GH200", 5, "gh200"), 1);
	assert_int_equal(chiplabel_is_chip("H200", 4, "h200-sxm"), 1);
	assert_int_equal(chiplabel_is_chip("GH200 0.95", 5, "gh200"), 1);
	assert_int_equal(chiplabel_is_chip("H20", 3, "h200-sxm"), 0);
	assert_int_equal(chiplabel_is_chip("H100", 4, "h200-sxm"), 0);
	assert_int_equal(chiplabel_is_chip("GH200 96GB", 10, "gh200"), 0);
}

static void test_entry_names(void **state)
{
	char longer[80];
	(void)state;
	/* blanks after the label dropped, then read as a table's label */
	assert_int_equal(chiplabel_entry_names("GH200 96GB  ", 12, "gh200"), 1);
	assert_int_equal(chiplabel_entry_names("H200", 4, "h200-sxm"), 1);
	assert_int_equal(chiplabel_entry_names("GH200 144GB", 11, "gh200"), 0);
	assert_int_equal(chiplabel_entry_names("   ", 3, "gh200"), 0);
	/* 64 characters and more are no label */
	memset(longer, 'x', sizeof longer);
	memcpy(longer, "GH200", 5);
	assert_int_equal(chiplabel_entry_names(longer, 64, "gh200"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tables_labels),
	    cmocka_unit_test(test_no_part),
	    cmocka_unit_test(test_label_is_chip),
	    cmocka_unit_test(test_entry_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
