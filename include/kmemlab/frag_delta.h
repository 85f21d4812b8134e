/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fragmentation across fraglab's steps: the free blocks of several zones
 * added up, the unusable index of such a sum, and an index's change
 * between two steps, printed as the kernel prints an index.
 */
#ifndef KMEMLAB_FRAG_DELTA_H
#define KMEMLAB_FRAG_DELTA_H

#include <linux/types.h>
#include <kmemlab/buddyinfo_fmt.h>

int kmemlab_zone_counts_add(struct kmemlab_zone_counts *sum,
			    const struct kmemlab_zone_counts *zc);
int kmemlab_unusable_at(const struct kmemlab_zone_counts *zc,
			unsigned int order);

/* "-1.000", "+0.125": a sign, digits, a point and three decimals. */
#define KMEMLAB_THOUSANDTHS_MAX	16

int kmemlab_thousandths_format(char *buf, size_t size, int value,
			       bool plus);

#endif /* KMEMLAB_FRAG_DELTA_H */
