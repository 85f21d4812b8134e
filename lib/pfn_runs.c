// SPDX-License-Identifier: GPL-2.0
/* Runs of physically consecutive page frames; see kmemlab/pfn_runs.h. */
#include <kmemlab/pfn_runs.h>

/*
 * Only an ascending neighbour extends a run: frames mapped in the reverse
 * order are not one contiguous buffer as seen from the virtual side.
 */
void kmemlab_pfn_runs_add(struct kmemlab_pfn_runs *r, unsigned long pfn)
{
	if (r->runs && pfn == r->last + 1) {
		r->len++;
	} else {
		r->runs++;
		r->len = 1;
	}
	if (r->len > r->longest)
		r->longest = r->len;
	r->last = pfn;
}

unsigned long kmemlab_pfn_runs(const unsigned long *pfns, unsigned long n,
			       unsigned long *longest)
{
	struct kmemlab_pfn_runs r = { 0 };
	unsigned long i;

	for (i = 0; i < n; i++)
		kmemlab_pfn_runs_add(&r, pfns[i]);
	*longest = r.longest;
	return r.runs;
}

unsigned long kmemlab_pfn_runs_walk(const void *page, unsigned long pages,
				    unsigned long page_size,
				    unsigned long (*pfn_of)(const void *addr))
{
	struct kmemlab_pfn_runs r = { 0 };
	unsigned long i;

	for (i = 0; i < pages; i++)
		kmemlab_pfn_runs_add(&r, pfn_of((const char *)page + i * page_size));
	return r.runs;
}
