// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs pageblocks: the pageblocks of each zone by migrate type, the
 * "Number of blocks type" sections of /proc/pagetypeinfo, byte for byte.
 * Each block's type is read from its flags in the memory section's bitmap
 * (get_pfnblock_flags_mask() is not exported), and the blocks are counted
 * as mm/vmstat.c's pagetypeinfo_showblockcount_print() counts them: in
 * pageblock steps from the zone's first pfn, skipping offline pages and
 * pages of other zones, under the zone's lock.
 */
#include <linux/debugfs.h>
#include <linux/ktime.h>
#include <linux/memory_hotplug.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <kmemlab/compat.h>
#include <kmemlab/migratetype_names.h>
#include <kmemlab/pageblock.h>
#include <kmemlab/pageblock_fmt.h>
#include "buddy_probe.h"

struct page *bp_pageblock_page(struct zone *zone, unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);

	if (!page || page_zone(page) != zone)
		return NULL;
	return page;
}

unsigned int bp_pageblock_migratetype(struct zone *zone, unsigned long pfn)
{
	struct kmemlab_pb_layout layout = kmemlab_pageblock_layout();
	const unsigned long *bitmap;
	struct kmemlab_pb_pos pos;
	unsigned long offset;

	lockdep_assert_held(&zone->lock);
	bitmap = kmemlab_pageblock_bitmap(zone, pfn, &offset);
	pos = kmemlab_pb_locate(&layout, offset);
	/* The kernel changes the bits without a lock, a word at a time. */
	return kmemlab_pb_migratetype(&layout, READ_ONCE(bitmap[pos.word]),
				      pos.shift);
}

/*
 * @counts gets MIGRATE_TYPES counts.  The zone's lock is held for the
 * whole walk, as the kernel's file holds it: a word read per block.
 */
void bp_count_pageblocks(struct zone *zone, unsigned long *counts)
{
	unsigned long step, steps, pfn, flags;
	unsigned int mtype;
	ktime_t start;

	memset(counts, 0, MIGRATE_TYPES * sizeof(*counts));
	spin_lock_irqsave(&zone->lock, flags);
	start = ktime_get();
	steps = kmemlab_pb_steps(zone->zone_start_pfn, zone_end_pfn(zone),
				 pageblock_order);
	for (step = 0; step < steps; step++) {
		pfn = zone->zone_start_pfn + (step << pageblock_order);
		if (!bp_pageblock_page(zone, pfn))
			continue;
		mtype = bp_pageblock_migratetype(zone, pfn);
		if (mtype < MIGRATE_TYPES)
			counts[mtype]++;
	}
	bp_stats_hold(BP_HOLD_PAGEBLOCKS,
		      ktime_to_ns(ktime_sub(ktime_get(), start)));
	spin_unlock_irqrestore(&zone->lock, flags);
}

static void show_header(struct seq_file *m)
{
	const char *names[MIGRATE_TYPES];
	char line[KMEMLAB_PB_LINE_MAX];
	unsigned int mtype;

	for (mtype = 0; mtype < MIGRATE_TYPES; mtype++)
		names[mtype] = kmemlab_migratetype_name(mtype);
	kmemlab_blockcount_header(line, sizeof(line), names, MIGRATE_TYPES);
	seq_puts(m, line);
}

static void show_zone(struct seq_file *m, struct zone *zone)
{
	unsigned long counts[MIGRATE_TYPES];
	char line[KMEMLAB_PB_LINE_MAX];

	bp_count_pageblocks(zone, counts);
	kmemlab_blockcount_line(line, sizeof(line), zone_to_nid(zone),
				zone->name, counts, MIGRATE_TYPES);
	seq_puts(m, line);
	cond_resched();
}

/* /proc/pagetypeinfo prints the section once per node, header first. */
static int pageblocks_show(struct seq_file *m, void *v)
{
	BUILD_BUG_ON(MIGRATE_TYPES > KMEMLAB_PB_TYPES_MAX);
	bp_show_by_node(m, show_header, show_zone);
	return 0;
}

/* A line per zone, and a header per zone at most. */
static int pageblocks_open(struct inode *inode, struct file *file)
{
	return bp_zones_open(file, pageblocks_show, 2, 0);
}

static const struct file_operations pageblocks_fops = {
	.owner = THIS_MODULE,
	.open = pageblocks_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

void bp_pageblocks_create(struct dentry *dir)
{
	debugfs_create_file("pageblocks", 0400, dir, NULL, &pageblocks_fops);
}
