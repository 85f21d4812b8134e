// SPDX-License-Identifier: GPL-2.0
/*
 * Walks populated zones the way /proc/buddyinfo does.  The kernel's own
 * for_each_populated_zone() needs first_online_pgdat() and next_zone(),
 * which are not exported to modules, so nodes are walked with
 * for_each_online_node()'s primitives and zones by index.
 */
#include <linux/nodemask.h>
#include <linux/spinlock.h>
#include <kmemlab/compat.h>
#include "buddy_probe.h"

/* The first populated zone at or after zone index @idx of node @nid. */
static struct zone *bp_zone_from(int nid, int idx)
{
	for (; nid < MAX_NUMNODES; nid = next_online_node(nid), idx = 0) {
		for (; idx < MAX_NR_ZONES; idx++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[idx];

			if (populated_zone(zone))
				return zone;
		}
	}
	return NULL;
}

struct zone *bp_first_zone(void)
{
	return bp_zone_from(first_online_node, 0);
}

struct zone *bp_next_zone(struct zone *zone)
{
	return bp_zone_from(zone_to_nid(zone), zone_idx(zone) + 1);
}

/* Copies the per-order free counts under zone->lock, as mm/vmstat.c does. */
void bp_read_zone_counts(struct zone *zone, struct kmemlab_zone_counts *zc)
{
	unsigned long flags;
	unsigned int order;

	BUILD_BUG_ON(KMEMLAB_NR_ORDERS > KMEMLAB_MAX_ORDERS);
	zc->nid = zone_to_nid(zone);
	zc->zone = zone->name;
	zc->nr_orders = KMEMLAB_NR_ORDERS;

	spin_lock_irqsave(&zone->lock, flags);
	for (order = 0; order < KMEMLAB_NR_ORDERS; order++)
		zc->nr_free[order] = zone->free_area[order].nr_free;
	spin_unlock_irqrestore(&zone->lock, flags);
}
