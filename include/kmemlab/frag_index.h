/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fragmentation indices, as mm/vmstat.c computes them for
 * /sys/kernel/debug/extfrag/{unusable_index,extfrag_index}, from a zone's
 * per-order free block counts.  Pure: the counts are passed in, so the
 * same numbers come out on kernels built without CONFIG_COMPACTION, which
 * have no extfrag/ files.
 */
#ifndef KMEMLAB_FRAG_INDEX_H
#define KMEMLAB_FRAG_INDEX_H

#include <linux/types.h>
#include <kmemlab/buddyinfo_fmt.h>

/* The three sums of mm/vmstat.c's fill_contig_page_info(). */
struct kmemlab_contig_info {
	unsigned long free_pages;		/* pages in free blocks */
	unsigned long free_blocks_total;	/* free blocks of any order */
	unsigned long free_blocks_suitable;	/* order-@suitable blocks they hold */
};

void kmemlab_fill_contig_info(const unsigned long *nr_free,
			      unsigned int nr_orders,
			      unsigned int suitable_order,
			      struct kmemlab_contig_info *info);

/* Both indices are in thousandths: 1000 is 1.000. */
int kmemlab_unusable_index(unsigned int order,
			   const struct kmemlab_contig_info *info);
int kmemlab_extfrag_index(unsigned int order, unsigned int nr_orders,
			  const struct kmemlab_contig_info *info);

enum kmemlab_frag_kind {
	KMEMLAB_UNUSABLE_INDEX,
	KMEMLAB_EXTFRAG_INDEX,
};

/* KMEMLAB_ZONE_PREFIX, then one "%d.%03d " (extfrag: "%2d.%03d ") per order. */
#define KMEMLAB_FRAG_LINE_MAX	(48 + KMEMLAB_MAX_ORDERS * 8)

int kmemlab_frag_format(char *buf, size_t size,
			const struct kmemlab_zone_counts *zc,
			enum kmemlab_frag_kind kind);

#endif /* KMEMLAB_FRAG_INDEX_H */
