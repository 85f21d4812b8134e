// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs pagetypeinfo: free blocks per migrate type and order, the
 * "Free pages count per migrate type at order" section of
 * /proc/pagetypeinfo, from a walk of each zone->free_area[order]
 * .free_list[type].  nr_free counts a whole order; only the lists say
 * which migrate type a free block belongs to.
 */
#include <linux/debugfs.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <kmemlab/compat.h>
#include <kmemlab/migratetype_names.h>
#include "buddy_probe.h"

/*
 * Counts one free list under zone->lock.  The lock is held for one list
 * only, and dropped before the next with a chance to reschedule: a list
 * can be long, and every allocation and free in the zone waits for it.
 * metrics.c counts with it too.
 */
unsigned long bp_count_free_list(struct zone *zone, unsigned int order,
				 int mtype, bool *overflow)
{
	unsigned long count = 0;
	struct list_head *curr;
	ktime_t start;

	spin_lock_irq(&zone->lock);
	start = ktime_get();
	*overflow = false;
	list_for_each(curr, &zone->free_area[order].free_list[mtype]) {
		if (++count >= BP_LIST_CAP) {
			*overflow = true;
			break;
		}
	}
	bp_stats_lock_held(ktime_to_ns(ktime_sub(ktime_get(), start)));
	spin_unlock_irq(&zone->lock);
	cond_resched();
	return count;
}

static void show_header(struct seq_file *m)
{
	unsigned int order;

	seq_printf(m, "%-43s ", "Free pages count per migrate type at order");
	for (order = 0; order < KMEMLAB_NR_ORDERS; order++)
		seq_printf(m, "%6u ", order);
	seq_putc(m, '\n');
}

static void show_zone(struct seq_file *m, struct zone *zone)
{
	unsigned int order;
	bool overflow;
	int mtype;

	for (mtype = 0; mtype < MIGRATE_TYPES; mtype++) {
		seq_printf(m, "Node %4d, zone %8s, type %12s ",
			   zone_to_nid(zone), zone->name,
			   kmemlab_migratetype_name(mtype));
		for (order = 0; order < KMEMLAB_NR_ORDERS; order++) {
			unsigned long count;

			count = bp_count_free_list(zone, order, mtype, &overflow);
			seq_printf(m, "%s%6lu ", overflow ? ">" : "", count);
		}
		seq_putc(m, '\n');
	}
}

/* /proc/pagetypeinfo prints the section once per node, header first. */
static int pagetypeinfo_show(struct seq_file *m, void *v)
{
	/*
	 * migratetype_names[] is not exported: ours must have its size, and
	 * enum migratetype the order its names follow (the same 6.1 to 7.3).
	 */
	BUILD_BUG_ON(KMEMLAB_MIGRATE_TYPES != MIGRATE_TYPES);
	BUILD_BUG_ON(MIGRATE_UNMOVABLE != 0 || MIGRATE_MOVABLE != 1 ||
		     MIGRATE_RECLAIMABLE != 2 || MIGRATE_HIGHATOMIC != 3);
#ifdef CONFIG_CMA
	BUILD_BUG_ON(MIGRATE_CMA != 4);
#endif
#ifdef CONFIG_MEMORY_ISOLATION
	BUILD_BUG_ON(MIGRATE_ISOLATE + 1 != MIGRATE_TYPES);
#endif

	bp_show_by_node(m, show_header, show_zone);
	return 0;
}

/* A line per zone and migrate type, and a header per zone at most. */
static int pagetypeinfo_open(struct inode *inode, struct file *file)
{
	return bp_zones_open(file, pagetypeinfo_show, MIGRATE_TYPES + 1, 0);
}

static const struct file_operations pagetypeinfo_fops = {
	.owner = THIS_MODULE,
	.open = pagetypeinfo_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

void bp_pagetypeinfo_create(struct dentry *dir)
{
	debugfs_create_file("pagetypeinfo", 0400, dir, NULL,
			    &pagetypeinfo_fops);
}
