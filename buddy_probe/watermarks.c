// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs watermarks: two tables.  The first, per zone and order: the
 * free blocks and pages of that order, and whether an allocation of that
 * order would clear the zone's low watermark now (kmemlab_wmark_ok(),
 * which approximates __zone_watermark_ok(): not exported).  The second,
 * per zone: the free memory accounted for, the pages in free_area and
 * those parked on the per-cpu lists, next to the zone's NR_FREE_PAGES,
 * which counts only the first; and a last row, "all", whose NR_FREE_PAGES
 * is the global counter /proc/meminfo's MemFree shows.
 */
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <kmemlab/compat.h>
#include <kmemlab/watermark.h>
#include "buddy_probe.h"

/* One zone, read at once under its lock, and its per-cpu pages after. */
struct wm_zone {
	struct kmemlab_zone_counts counts;
	unsigned long usable;		/* see kmemlab_wmark_ok() */
	unsigned long nr_free_pages;	/* NR_FREE_PAGES */
	unsigned long low;		/* low_wmark_pages() */
	unsigned long buddy_pages;	/* the pages of counts */
	unsigned long pcp_pages;
};

static void read_zone(struct zone *zone, struct wm_zone *w)
{
	unsigned int order;
	unsigned long flags;
	int mtype, cpu;

	w->usable = 0;
	spin_lock_irqsave(&zone->lock, flags);
	bp_read_zone_counts_locked(zone, &w->counts);
	for (order = 0; order < KMEMLAB_NR_ORDERS; order++)
		for (mtype = 0; mtype < MIGRATE_PCPTYPES; mtype++)
			if (!list_empty(&zone->free_area[order].free_list[mtype]))
				w->usable |= 1UL << order;
	w->nr_free_pages = zone_page_state(zone, NR_FREE_PAGES);
	w->low = low_wmark_pages(zone);
	spin_unlock_irqrestore(&zone->lock, flags);

	w->buddy_pages = 0;
	for (order = 0; order < KMEMLAB_NR_ORDERS; order++)
		w->buddy_pages += w->counts.nr_free[order] << order;
	/* /proc/zoneinfo's "count:", summed over the same CPUs. */
	w->pcp_pages = 0;
	for_each_online_cpu(cpu)
		w->pcp_pages +=
			READ_ONCE(per_cpu_ptr(zone->per_cpu_pageset, cpu)->count);
}

static void show_orders(struct seq_file *m, const struct wm_zone *w,
			unsigned int n)
{
	const struct kmemlab_zone_counts *zc;
	unsigned int order;
	bool ok;

	seq_puts(m, "# low_ok: an allocation of the order would leave more than the low watermark free, and find a free block of the order or larger on an Unmovable, Movable or Reclaimable list; an approximation of __zone_watermark_ok() for a caller without reserves in its own zone, which leaves out the high-atomic reserve, free CMA pages, the lowmem_reserve a caller from a higher zone keeps, and unaccepted memory\n");
	seq_printf(m, "%4s %-8s %5s %8s %8s %6s\n", "node", "zone", "order",
		   "blocks", "pages", "low_ok");
	for (; n--; w++) {
		zc = &w->counts;
		for (order = 0; order < zc->nr_orders; order++) {
			ok = kmemlab_wmark_ok(order, w->nr_free_pages, w->low,
					      w->usable, zc->nr_orders);
			seq_printf(m, "%4d %-8s %5u %8lu %8lu %6s\n", zc->nid,
				   zc->zone, order, zc->nr_free[order],
				   zc->nr_free[order] << order,
				   ok ? "yes" : "no");
		}
	}
}

static void show_free(struct seq_file *m, const struct wm_zone *w,
		      unsigned int n)
{
	unsigned long buddy = 0, pcp = 0;

	seq_puts(m, "\n# free pages: in free_area (free_area), on the per-cpu lists (pcp), both (free); nr_free_pages is NR_FREE_PAGES, which counts free_area only: the zone's, and in the all row the global one behind /proc/meminfo's MemFree\n");
	seq_printf(m, "%4s %-8s %9s %9s %9s %13s\n", "node", "zone",
		   "free_area", "pcp", "free", "nr_free_pages");
	for (; n--; w++) {
		seq_printf(m, "%4d %-8s %9lu %9lu %9lu %13lu\n",
			   w->counts.nid, w->counts.zone, w->buddy_pages,
			   w->pcp_pages, w->buddy_pages + w->pcp_pages,
			   w->nr_free_pages);
		buddy += w->buddy_pages;
		pcp += w->pcp_pages;
	}
	seq_printf(m, "%4s %-8s %9lu %9lu %9lu %13lu\n", "all", "all", buddy,
		   pcp, buddy + pcp, global_zone_page_state(NR_FREE_PAGES));
}

static int watermarks_show(struct seq_file *m, void *v)
{
	unsigned int n, i = 0;
	struct wm_zone *w;
	struct zone *zone;

	/* Allocated first, so that the readings include their own memory. */
	n = bp_nr_zones();
	w = kcalloc(n, sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	for (zone = bp_first_zone(); zone && i < n; zone = bp_next_zone(zone))
		read_zone(zone, &w[i++]);
	show_orders(m, w, i);
	show_free(m, w, i);
	kfree(w);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(watermarks);

void bp_watermarks_create(struct dentry *dir)
{
	debugfs_create_file("watermarks", 0400, dir, NULL, &watermarks_fops);
}
