// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs stats: the cost to the rest of the system of counting the free
 * lists (the pagetypeinfo and metrics files do), as the number of
 * zone->lock holds and the longest one (every allocation and free in that
 * zone waits that long), measured with ktime_get() inside the lock.
 */
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include "buddy_probe.h"

static atomic64_t max_hold_ns = ATOMIC64_INIT(0);
static atomic64_t nr_holds = ATOMIC64_INIT(0);

/*
 * Called by every bp_count_free_list() walk, with zone->lock held:
 * lock-free, and never waits.
 */
void bp_stats_lock_held(u64 ns)
{
	s64 old = atomic64_read(&max_hold_ns);

	atomic64_inc(&nr_holds);
	while ((s64)ns > old) {
		s64 seen = atomic64_cmpxchg(&max_hold_ns, old, ns);

		if (seen == old)
			break;
		old = seen;
	}
}

static int stats_show(struct seq_file *m, void *v)
{
	seq_printf(m, "free_list_lock_holds %lld\n",
		   atomic64_read(&nr_holds));
	seq_printf(m, "free_list_max_lock_hold_ns %lld\n",
		   atomic64_read(&max_hold_ns));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

void bp_stats_create(struct dentry *dir)
{
	debugfs_create_file("stats", 0400, dir, NULL, &stats_fops);
}
