// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs stats: the cost to the rest of the system of what buddy_probe
 * counts under a zone->lock (every allocation and free in that zone waits
 * while it holds it), per kind of walk: how many holds, the longest, and
 * all of them together, measured with ktime_get() inside the lock.
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

/* Called with the zone->lock held: lock-free, and never waits. */
void bp_stats_hold(enum bp_hold kind, u64 ns)
{
	s64 old = atomic64_read(&kinds[kind].max_ns);

	atomic64_inc(&kinds[kind].holds);
	atomic64_add(ns, &kinds[kind].total_ns);
	while ((s64)ns > old) {
		s64 seen = atomic64_cmpxchg(&kinds[kind].max_ns, old, ns);

		if (seen == old)
			break;
		old = seen;
	}
}

void bp_stats_lock_held(u64 ns)
{
	bp_stats_hold(BP_HOLD_FREE_LIST, ns);
}

static int stats_show(struct seq_file *m, void *v)
{
	unsigned int i;

	for (i = 0; i < BP_NR_HOLDS; i++) {
		seq_printf(m, "%s_lock_holds %lld\n", kinds[i].name,
			   atomic64_read(&kinds[i].holds));
		seq_printf(m, "%s_max_lock_hold_ns %lld\n", kinds[i].name,
			   atomic64_read(&kinds[i].max_ns));
		seq_printf(m, "%s_lock_hold_ns %lld\n", kinds[i].name,
			   atomic64_read(&kinds[i].total_ns));
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

void bp_stats_create(struct dentry *dir)
{
	debugfs_create_file("stats", 0400, dir, NULL, &stats_fops);
}
