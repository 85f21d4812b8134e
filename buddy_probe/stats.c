// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs stats: what buddy_probe costs the rest of the system.  What it
 * counts under a zone->lock (every allocation and free in that zone waits
 * while it holds it), per kind of walk: how many holds, the longest, and
 * all of them together; the longest hold of bp_pages_lock and the longest
 * stretch the pages code ran without a chance to reschedule; and the
 * pages file's cap.  Times are ktime_get() differences, taken inside the
 * locks.
 */
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include "buddy_probe.h"

static struct {
	const char *name;
	atomic64_t holds;
	atomic64_t max_ns;
	atomic64_t total_ns;
} kinds[BP_NR_HOLDS] = {
	[BP_HOLD_FREE_LIST] = { .name = "free_list" },
	[BP_HOLD_PAGEBLOCKS] = { .name = "pageblocks" },
	[BP_HOLD_PAGEBLOCK_MAP] = { .name = "pageblock_map" },
};

static atomic64_t pages_max_hold_ns = ATOMIC64_INIT(0);
static atomic64_t pages_max_stretch_ns = ATOMIC64_INIT(0);

/* Raises *@max to @ns: lock-free, and never waits. */
static void raise_max(atomic64_t *max, u64 ns)
{
	s64 old = atomic64_read(max);

	while ((s64)ns > old) {
		s64 seen = atomic64_cmpxchg(max, old, ns);

		if (seen == old)
			break;
		old = seen;
	}
}

/* Called with the zone->lock held. */
void bp_stats_hold(enum bp_hold kind, u64 ns)
{
	atomic64_inc(&kinds[kind].holds);
	atomic64_add(ns, &kinds[kind].total_ns);
	raise_max(&kinds[kind].max_ns, ns);
}

void bp_stats_lock_held(u64 ns)
{
	bp_stats_hold(BP_HOLD_FREE_LIST, ns);
}

void bp_stats_pages_lock_held(u64 ns)
{
	raise_max(&pages_max_hold_ns, ns);
}

void bp_stats_stretch(u64 ns)
{
	raise_max(&pages_max_stretch_ns, ns);
}

static int stats_show(struct seq_file *m, void *v)
{
	unsigned long cap, charge, blocks;
	unsigned int i;
	int ret;

	for (i = 0; i < BP_NR_HOLDS; i++) {
		seq_printf(m, "%s_lock_holds %lld\n", kinds[i].name,
			   atomic64_read(&kinds[i].holds));
		seq_printf(m, "%s_max_lock_hold_ns %lld\n", kinds[i].name,
			   atomic64_read(&kinds[i].max_ns));
		seq_printf(m, "%s_lock_hold_ns %lld\n", kinds[i].name,
			   atomic64_read(&kinds[i].total_ns));
	}
	seq_printf(m, "pages_max_lock_hold_ns %lld\n",
		   atomic64_read(&pages_max_hold_ns));
	seq_printf(m, "pages_max_stretch_ns %lld\n",
		   atomic64_read(&pages_max_stretch_ns));
	ret = bp_lock_pages();
	if (ret)
		return ret;
	bp_pages_usage(&cap, &charge, &blocks);
	bp_unlock_pages();
	seq_printf(m, "pages_blocks %lu\n", blocks);
	seq_printf(m, "pages_charged %lu\n", charge);
	seq_printf(m, "pages_cap %lu\n", cap);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

void bp_stats_create(struct dentry *dir)
{
	debugfs_create_file("stats", 0400, dir, NULL, &stats_fops);
}
