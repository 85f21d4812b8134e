/* SPDX-License-Identifier: GPL-2.0 */
/* Internal interfaces between buddy_probe's files. */
#ifndef BUDDY_PROBE_H
#define BUDDY_PROBE_H

#include <linux/mmzone.h>
#include <kmemlab/buddyinfo_fmt.h>

struct dentry;

/*
 * Populated zones of online nodes, in /proc/buddyinfo order:
 *	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone))
 */
struct zone *bp_first_zone(void);
struct zone *bp_next_zone(struct zone *zone);

void bp_read_zone_counts(struct zone *zone, struct kmemlab_zone_counts *zc);

void bp_buddyinfo_create(struct dentry *dir);

#endif /* BUDDY_PROBE_H */
