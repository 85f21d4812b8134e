/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pageblocks: where a block's flags sit in the kernel's bitmap, how its
 * migrate type is decoded from them, and which blocks of a zone
 * /proc/pagetypeinfo counts.  The kernel's get_pfnblock_flags_mask() and
 * get_pfnblock_migratetype() are not exported; the layout of the bits
 * differs between kernels, so it is an argument here, filled in by
 * compat.h's kmemlab_pageblock_layout().
 */
#ifndef KMEMLAB_PAGEBLOCK_H
#define KMEMLAB_PAGEBLOCK_H

#include <linux/types.h>

/* How one kernel lays out a pageblock's flags (mm/page_alloc.c). */
struct kmemlab_pb_layout {
	unsigned int block_order;		/* log2 of the pages in a block */
	unsigned int bits_per_block;	/* NR_PAGEBLOCK_BITS */
	unsigned long migrate_mask;	/* the migrate type's bits, from bit 0 */
	unsigned long isolate_mask;	/* a bit of its own for isolation, or 0 */
	unsigned int isolate_type;	/* the migrate type that bit means */
};

/* Where a block's flags are: bitmap word @word, from bit @shift on. */
struct kmemlab_pb_pos {
	unsigned long word;
	unsigned int shift;
};

struct kmemlab_pb_pos kmemlab_pb_locate(const struct kmemlab_pb_layout *l,
					unsigned long offset);
unsigned int kmemlab_pb_migratetype(const struct kmemlab_pb_layout *l,
				    unsigned long word, unsigned int shift);

/*
 * mm/vmstat.c's pagetypeinfo_showblockcount_print() steps from the zone's
 * first pfn by whole pageblocks while below its end; each step names one
 * block.  A zone that starts inside a block starts inside every one.
 */
unsigned long kmemlab_pb_steps(unsigned long start_pfn, unsigned long end_pfn,
			       unsigned int block_order);

/* The zone's pfns in the block of step @pfn: [*first, *first + return). */
unsigned long kmemlab_pb_span(unsigned long pfn, unsigned long start_pfn,
			      unsigned long end_pfn,
			      unsigned int block_order,
			      unsigned long *first);

#endif /* KMEMLAB_PAGEBLOCK_H */
