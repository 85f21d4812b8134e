/* SPDX-License-Identifier: GPL-2.0 */
/* The change in a zone's free blocks since a baseline, and its line. */
#ifndef KMEMLAB_SNAPSHOT_DELTA_H
#define KMEMLAB_SNAPSHOT_DELTA_H

#include <linux/types.h>
#include <kmemlab/buddyinfo_fmt.h>

struct kmemlab_zone_delta {
	unsigned int nr_orders;
	long blocks[KMEMLAB_MAX_ORDERS];	/* now - then, per order */
	long pages;				/* free pages, now - then */
};

int kmemlab_snapshot_delta(const struct kmemlab_zone_counts *then,
			   const struct kmemlab_zone_counts *now,
			   struct kmemlab_zone_delta *delta);

/* KMEMLAB_ZONE_PREFIX, "%+6ld " per order, then "pages %+ld". */
#define KMEMLAB_DELTA_LINE_MAX	(KMEMLAB_BUDDYINFO_LINE_MAX + 32)

int kmemlab_delta_format(char *buf, size_t size,
			 const struct kmemlab_zone_counts *now,
			 const struct kmemlab_zone_delta *delta);

#endif /* KMEMLAB_SNAPSHOT_DELTA_H */
