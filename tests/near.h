/*
** near.h: the relative-tolerance check the C tests share: near(got, want,
** rel) fails the test unless |got - want| <= rel x |want|, printing both
** numbers.  A NaN on either side fails (the comparison is written so that
** it must hold, not so that its opposite must not), as does an infinite
** want, whose tolerance has no meaning; a test of an infinite or NaN
** result says so with isinf or isnan.  Include after cmocka.h.
*/
#ifndef RL_TEST_NEAR_H
#define RL_TEST_NEAR_H

#include <math.h>

static inline void near(double got, double want, double rel)
{
	if (!(fabs(got - want) <= rel * fabs(want)) || isinf(want)) {
		print_error("got %.12g, want %.12g (+-%g%%)\n", got, want,
		            rel * 100);
		fail();
	}
}

#endif
