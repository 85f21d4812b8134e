/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lines buddy_probe prints about pageblocks: the "Number of blocks
 * type" section of /proc/pagetypeinfo, as mm/vmstat.c's
 * pagetypeinfo_showblockcount() and pagetypeinfo_showblockcount_print()
 * print it, and the rows of buddy_probe/pageblock_map.
 */
#ifndef KMEMLAB_PAGEBLOCK_FMT_H
#define KMEMLAB_PAGEBLOCK_FMT_H

#include <linux/types.h>

/* Longest line: a 16-character zone name or type, 8 migrate types. */
#define KMEMLAB_PB_TYPES_MAX	8
#define KMEMLAB_PB_LINE_MAX	(48 + KMEMLAB_PB_TYPES_MAX * 22)

/* "\nNumber of blocks type  " then each name as "%12s ", and '\n'. */
int kmemlab_blockcount_header(char *buf, size_t size,
			      const char *const *names, unsigned int nr_types);
/* "Node %d, zone %8s " then each count as "%12lu ", and '\n'. */
int kmemlab_blockcount_line(char *buf, size_t size, int nid, const char *zone,
			    const unsigned long *counts, unsigned int nr_types);

/* One pageblock, a row of buddy_probe/pageblock_map. */
struct kmemlab_pb_row {
	unsigned long pfn;	/* its first pfn in the zone */
	int nid;
	const char *zone;
	const char *type;	/* its migrate type's name */
	unsigned long pages;	/* of the zone's pfns, in the block */
	unsigned long free;	/* of those, in free_area's free blocks */
	int largest;		/* the order of its largest free block, or -1 */
};

/* Both return the length written, excluding the NUL; lines end in '\n'. */
int kmemlab_pb_map_header(char *buf, size_t size);
int kmemlab_pb_map_row(char *buf, size_t size, const struct kmemlab_pb_row *r);

#endif /* KMEMLAB_PAGEBLOCK_FMT_H */
