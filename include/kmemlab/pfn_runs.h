/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Runs of physically consecutive page frames.  A buffer's pages are
 * contiguous in physical memory when its frames, in the order they are
 * mapped, form one run: pfn, pfn + 1, pfn + 2, ...
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

void kmemlab_pfn_runs_add(struct kmemlab_pfn_runs *r, unsigned long pfn);

/* Runs in @pfns[0..@n); *@longest gets the longest one's length. */
unsigned long kmemlab_pfn_runs(const unsigned long *pfns, unsigned long n,
			       unsigned long *longest);

/*
 * Runs of the frames behind @pages pages of @page_size bytes from the
 * page-aligned address @page, in address order, as @pfn_of finds them.
 */
unsigned long kmemlab_pfn_runs_walk(const void *page, unsigned long pages,
				    unsigned long page_size,
				    unsigned long (*pfn_of)(const void *addr));

#endif /* KMEMLAB_PFN_RUNS_H */
