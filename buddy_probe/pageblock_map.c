// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs pageblock_map: one row per pageblock, zone by zone in
 * /proc/zoneinfo's order, each zone in pfn order: the block's first pfn,
 * node, zone, migrate type, pages, how many of them are free in
 * free_area, and the order of the largest free block in it.  The blocks
 * are those pageblocks counts, so that the two agree.
 *
 * Its cost is bounded: a row is one record of a seq_file, so that a read
 * fills the buffer and the next read resumes at the block it stopped at
 * (the position encodes the zone and the block, and is decoded by walking
 * the zones, not the blocks); each block is read under zone->lock, taken
 * for that block alone, with cond_resched() between blocks.
 */
#include <linux/debugfs.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <kmemlab/compat.h>
#include <kmemlab/migratetype_names.h>
#include <kmemlab/pageblock.h>
#include <kmemlab/pageblock_fmt.h>
#include "buddy_probe.h"

/* Where a read is: position 0 is the header, then one per block step. */
struct map_cursor {
	struct zone *zone;	/* NULL at the header */
	unsigned long step;
};

static unsigned long zone_steps(struct zone *zone)
{
	return kmemlab_pb_steps(zone->zone_start_pfn, zone_end_pfn(zone),
				pageblock_order);
}

static void *map_start(struct seq_file *m, loff_t *pos)
{
	struct map_cursor *c = m->private;
	loff_t left = *pos;
	struct zone *zone;

	c->zone = NULL;
	if (!left)
		return c;
	left--;
	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone)) {
		if (left < zone_steps(zone)) {
			c->zone = zone;
			c->step = left;
			return c;
		}
		left -= zone_steps(zone);
	}
	return NULL;
}

static void *map_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct map_cursor *c = v;

	++*pos;
	if (!c->zone) {
		c->zone = bp_first_zone();
		c->step = 0;
	} else if (++c->step >= zone_steps(c->zone)) {
		c->zone = bp_next_zone(c->zone);
		c->step = 0;
	}
	return c->zone ? c : NULL;
}

static void map_stop(struct seq_file *m, void *v)
{
}

/*
 * A free block larger than a pageblock whose head lies before @first's
 * block holds the whole block; its order, or -1.
 */
static int covering_order(struct zone *zone, unsigned long first)
{
	unsigned long block = first & ~(pageblock_nr_pages - 1), head;
	unsigned int order;
	struct page *page;

	for (order = pageblock_order + 1; order < KMEMLAB_NR_ORDERS; order++) {
		head = block & ~((1UL << order) - 1);
		if (head == block || head < zone->zone_start_pfn)
			continue;
		page = bp_pageblock_page(zone, head);
		/* page_private() of a free block's head page is its order. */
		if (page && PageBuddy(page) && page_private(page) >= order)
			return page_private(page);
	}
	return -1;
}

/*
 * The free pages of the zone's @r->pages pfns from @r->pfn, under
 * zone->lock: the heads of free blocks (PageBuddy, their order in
 * page_private()), skipping each block whole.
 */
static void count_free(struct zone *zone, struct kmemlab_pb_row *r)
{
	unsigned long pfn = r->pfn, end = r->pfn + r->pages, order;
	struct page *page;

	r->free = 0;
	r->largest = covering_order(zone, r->pfn);
	if (r->largest >= 0) {
		r->free = r->pages;
		return;
	}
	while (pfn < end) {
		page = bp_pageblock_page(zone, pfn);
		if (!page || !PageBuddy(page)) {
			pfn++;
			continue;
		}
		order = page_private(page);
		r->free += min(end, pfn + (1UL << order)) - pfn;
		if ((int)order > r->largest)
			r->largest = order;
		pfn += 1UL << order;
	}
}

/* Fills @r for the block of step @step; false if the kernel skips it. */
static bool read_block(struct zone *zone, unsigned long step,
		       struct kmemlab_pb_row *r)
{
	unsigned long pfn = zone->zone_start_pfn + (step << pageblock_order);
	unsigned int mtype = MIGRATE_TYPES;
	unsigned long flags;
	ktime_t start;

	spin_lock_irqsave(&zone->lock, flags);
	start = ktime_get();
	if (bp_pageblock_page(zone, pfn))
		mtype = bp_pageblock_migratetype(zone, pfn);
	if (mtype < MIGRATE_TYPES) {
		r->pages = kmemlab_pb_span(pfn, zone->zone_start_pfn,
					   zone_end_pfn(zone), pageblock_order,
					   &r->pfn);
		count_free(zone, r);
	}
	bp_stats_hold(BP_HOLD_PAGEBLOCK_MAP,
		      ktime_to_ns(ktime_sub(ktime_get(), start)));
	spin_unlock_irqrestore(&zone->lock, flags);
	if (mtype >= MIGRATE_TYPES)
		return false;
	r->nid = zone_to_nid(zone);
	r->zone = zone->name;
	r->type = kmemlab_migratetype_name(mtype);
	return true;
}

static int map_show(struct seq_file *m, void *v)
{
	const struct map_cursor *c = v;
	char line[KMEMLAB_PB_LINE_MAX];
	struct kmemlab_pb_row r;

	if (!c->zone) {
		kmemlab_pb_map_header(line, sizeof(line));
	} else {
		if (!read_block(c->zone, c->step, &r))
			return 0;
		kmemlab_pb_map_row(line, sizeof(line), &r);
		cond_resched();
	}
	seq_puts(m, line);
	return 0;
}

static const struct seq_operations map_sops = {
	.start = map_start,
	.next = map_next,
	.stop = map_stop,
	.show = map_show,
};

static int map_open(struct inode *inode, struct file *file)
{
	return seq_open_private(file, &map_sops, sizeof(struct map_cursor));
}

static const struct file_operations map_fops = {
	.owner = THIS_MODULE,
	.open = map_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

void bp_pageblock_map_create(struct dentry *dir)
{
	debugfs_create_file("pageblock_map", 0400, dir, NULL, &map_fops);
}
