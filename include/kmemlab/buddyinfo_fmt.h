/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The /proc/buddyinfo line format, kept apart from the zone walk so that
 * KUnit can hold it to the kernel's format byte for byte.
 */
#ifndef KMEMLAB_BUDDYINFO_FMT_H
#define KMEMLAB_BUDDYINFO_FMT_H

#include <linux/types.h>

/*
 * Upper bound on buddy orders (the most in 6.x is 14: arm64, 64K pages).
 * Small, because zone counts and lines live on the stack; the glue has a
 * BUILD_BUG_ON should a kernel ever need more.
 */
#define KMEMLAB_MAX_ORDERS	16

/*
 * How mm/vmstat.c starts each line of /proc/buddyinfo and of extfrag/'s
 * files (frag_show_print(), unusable_show_print(), extfrag_show_print()),
 * for the node id and the zone name; kmemlab's lines of a zone too.
 */
#define KMEMLAB_ZONE_PREFIX	"Node %d, zone %8s "

/* One line of /proc/buddyinfo: "Node 0, zone   Normal  12  3 ...". */
struct kmemlab_zone_counts {
	int nid;
	const char *zone;
	unsigned int nr_orders;
	unsigned long nr_free[KMEMLAB_MAX_ORDERS];
};

/* Longest line: a 16-character zone name, any node id, 20-digit counts. */
#define KMEMLAB_BUDDYINFO_LINE_MAX	(48 + KMEMLAB_MAX_ORDERS * 21)

int kmemlab_buddyinfo_format(char *buf, size_t size,
			     const struct kmemlab_zone_counts *zc);
int kmemlab_buddyinfo_parse(const char *line, struct kmemlab_zone_counts *zc,
			    char *name, size_t name_size);

#endif /* KMEMLAB_BUDDYINFO_FMT_H */
