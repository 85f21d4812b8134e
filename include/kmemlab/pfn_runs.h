/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Runs of physically consecutive page frames.  A buffer's pages are
 * contiguous in physical memory when its frames, in the order they are
 * mapped, form one run: pfn, pfn + 1, pfn + 2, ...
 *
 * static inline: both modules use it (see docs/HACKING.md).
 */
#ifndef KMEMLAB_PFN_RUNS_H
#define KMEMLAB_PFN_RUNS_H

/* Zero-initialise, then feed the frames in mapping order. */
struct kmemlab_pfn_runs {
	unsigned long runs;	/* runs so far */
	unsigned long longest;	/* pages in the longest run so far */
	unsigned long len;	/* pages in the current run */
	unsigned long last;	/* the previous frame */
};

/*
 * Only an ascending neighbour extends a run: frames mapped in the reverse
 * order are not one contiguous buffer as seen from the virtual side.
 */
static inline void kmemlab_pfn_runs_add(struct kmemlab_pfn_runs *r,
					unsigned long pfn)
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

/* Runs in @pfns[0..@n); *@longest gets the longest one's length. */
static inline unsigned long kmemlab_pfn_runs(const unsigned long *pfns,
					     unsigned long n,
					     unsigned long *longest)
{
	struct kmemlab_pfn_runs r = { 0 };
	unsigned long i;

	for (i = 0; i < n; i++)
		kmemlab_pfn_runs_add(&r, pfns[i]);
	*longest = r.longest;
	return r.runs;
}

#endif /* KMEMLAB_PFN_RUNS_H */
