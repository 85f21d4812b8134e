// SPDX-License-Identifier: GPL-2.0
/*
 * Walks populated zones the way /proc/buddyinfo does.  The kernel's own
 * for_each_populated_zone() needs first_online_pgdat() and next_zone(),
 * which are not exported to modules, so nodes are walked with
 * for_each_online_node()'s primitives and zones by index.
 */
#include <linux/nodemask.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
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

/* The number of zones bp_first_zone() and bp_next_zone() walk today. */
unsigned int bp_nr_zones(void)
{
	unsigned int n = 0;
	struct zone *zone;

	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone))
		n++;
	return n;
}

int bp_zones_open(struct file *file, int (*show)(struct seq_file *, void *),
		  unsigned int per_zone, unsigned int extra)
{
	size_t size = ((size_t)bp_nr_zones() * per_zone + extra) * BP_LINE_MAX;
	char *buf;
	int ret;

	/*
	 * single_open_size(), but from vmalloc(): order-0 pages, not a
	 * high-order block taken from and given back to the free lists the
	 * file reports.  seq_file frees it with kvfree().  A failure is
	 * the reader's ENOMEM, not a warning in the log.
	 */
	buf = __vmalloc(size, GFP_KERNEL | __GFP_NOWARN);
	if (!buf)
		return -ENOMEM;
	ret = single_open(file, show, NULL);
	if (ret) {
		vfree(buf);
		return ret;
	}
	((struct seq_file *)file->private_data)->buf = buf;
	((struct seq_file *)file->private_data)->size = size;
	return 0;
}

/*
 * As /proc/pagetypeinfo prints its sections: once per node, @header
 * first, then @show for each of the node's zones.
 */
void bp_show_by_node(struct seq_file *m,
		     void (*header)(struct seq_file *m),
		     void (*show)(struct seq_file *m, struct zone *zone))
{
	struct zone *zone;
	int nid = NUMA_NO_NODE;

	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone)) {
		if (zone_to_nid(zone) != nid) {
			nid = zone_to_nid(zone);
			header(m);
		}
		show(m, zone);
	}
}

/* Copies the per-order free counts; the caller holds zone->lock. */
void bp_read_zone_counts_locked(struct zone *zone,
				struct kmemlab_zone_counts *zc)
{
	unsigned int order;

	BUILD_BUG_ON(KMEMLAB_NR_ORDERS > KMEMLAB_MAX_ORDERS);
	BUILD_BUG_ON(KMEMLAB_NR_ORDERS > BITS_PER_LONG);
	/* free_list[] is indexed by every migrate type, here and in pagetypeinfo. */
	BUILD_BUG_ON(ARRAY_SIZE(((struct free_area *)0)->free_list) != MIGRATE_TYPES);
	lockdep_assert_held(&zone->lock);
	zc->nid = zone_to_nid(zone);
	zc->zone = zone->name;
	zc->nr_orders = KMEMLAB_NR_ORDERS;
	for (order = 0; order < KMEMLAB_NR_ORDERS; order++)
		zc->nr_free[order] = zone->free_area[order].nr_free;
}

/*
 * Copies the per-order free counts under zone->lock, so that they are one
 * moment's counts of the zone.  mm/vmstat.c took the lock for
 * /proc/buddyinfo until 7.2 too; 7.3 reads nr_free without it, so there
 * the kernel's line of a zone may mix moments, ours does not.
 */
void bp_read_zone_counts(struct zone *zone, struct kmemlab_zone_counts *zc)
{
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	bp_read_zone_counts_locked(zone, zc);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * bp_read_zones() - read every zone, each under its own lock
 * @readings: filled in zone order
 * @max: room in @readings; zones past it (hotplugged since) are left out
 * @migratetype: if >= 0, bit k of each reading's type_orders says that
 *	the zone's order-k free list of this migrate type is not empty
 *
 * Return: the number of readings filled.
 */
unsigned int bp_read_zones(struct bp_zone_reading *readings,
			   unsigned int max, int migratetype)
{
	struct bp_zone_reading *r = readings;
	unsigned long flags;
	unsigned int order;
	struct zone *zone;

	for (zone = bp_first_zone(); zone && r < readings + max;
	     zone = bp_next_zone(zone), r++) {
		r->zone_idx = zone_idx(zone);
		r->type_orders = 0;
		spin_lock_irqsave(&zone->lock, flags);
		bp_read_zone_counts_locked(zone, &r->counts);
		for (order = 0; migratetype >= 0 && order < KMEMLAB_NR_ORDERS;
		     order++) {
			struct free_area *area = &zone->free_area[order];

			if (!list_empty(&area->free_list[migratetype]))
				r->type_orders |= 1UL << order;
		}
		spin_unlock_irqrestore(&zone->lock, flags);
	}
	return r - readings;
}

/**
 * bp_read_all_zones() - bp_read_zones() of every zone into a new array
 * @n: set to the number of readings
 *
 * Allocates first, then reads: the readings include their own memory.
 *
 * Return: the readings, for kfree(); NULL when out of memory.
 */
struct bp_zone_reading *bp_read_all_zones(unsigned int *n)
{
	struct bp_zone_reading *readings;

	*n = bp_nr_zones();
	readings = kcalloc(*n, sizeof(*readings), GFP_KERNEL);
	if (readings)
		*n = bp_read_zones(readings, *n, -1);
	return readings;
}

/* The reading of @zone among @n, by node and zone index; NULL if none. */
struct bp_zone_reading *bp_find_reading(struct bp_zone_reading *readings,
					unsigned int n, struct zone *zone)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (readings[i].counts.nid == zone_to_nid(zone) &&
		    readings[i].zone_idx == zone_idx(zone))
			return &readings[i];
	return NULL;
}
