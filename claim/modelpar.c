/*
** modelpar.c: side b's best model-parallel mapping (claim.h): Etched's
** benchmark is "8-way model parallel" (data/sources/claims.md), the model
** split over all the server's chips, where side b's best mapping may be
** whole copies of it (DP8: not model parallel).
*/
#include "claim.h"

int claim_best_model_parallel(const claim_report *rep)
{
	size_t i;
	/* map_b is sorted best first (mapsearch.h): the first that runs
	** with one replica is the best of them */
	for (i = 0; i < rep->nmap_b; i++)
		if (rep->map_b[i].rc == RL_OK && rep->map_b[i].dp == 1)
			return (int)i;
	return -1;
}
