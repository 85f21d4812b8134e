// SPDX-License-Identifier: GPL-2.0
/*
 * buddy_probe: the buddy allocator's free lists seen from inside, in
 * files under /sys/kernel/debug/buddy_probe/ that can be held against
 * the kernel's own /proc/buddyinfo, /proc/pagetypeinfo and
 * /sys/kernel/debug/extfrag/, and an alloc_pages() experiment.
 *
 * demo_orders=0,5,10 takes one block of each order at load, logs it
 * (where it lies with show_addrs=1), and keeps it (in the pages file)
 * until rmmod.
 *
 * The load takes everything that can fail before it creates the first
 * file: a file opened while the load can still fail would pin a module
 * that is freed anyway, and its release would run freed code.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/module.h>
#include <kmemlab/compat.h>
#include "buddy_probe.h"

#define BP_MAX_DEMO_ORDERS	16

static unsigned int demo_orders[BP_MAX_DEMO_ORDERS];
static unsigned int nr_demo_orders;
module_param_array(demo_orders, uint, &nr_demo_orders, 0400);
MODULE_PARM_DESC(demo_orders,
		 "orders of blocks to allocate at load and log, e.g. 0,5,10");

bool bp_show_addrs;
module_param_named(show_addrs, bp_show_addrs, bool, 0400);
MODULE_PARM_DESC(show_addrs, "Log the frame numbers and physical addresses of demo_orders= blocks (default: 0)");

static struct dentry *bp_dir;

/* The module parameter parser has checked the syntax; this the range. */
static int check_demo_orders(void)
{
	unsigned int i;

	for (i = 0; i < nr_demo_orders; i++) {
		if (demo_orders[i] >= KMEMLAB_NR_ORDERS) {
			pr_err("demo_orders: order %u is above the largest order, %lu\n",
			       demo_orders[i], KMEMLAB_NR_ORDERS - 1);
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * debugfs_create_file() fails only when out of memory, and the module
 * works on without that file; but it says which is missing.  The names
 * are the ones the bp_*_create() functions below give.
 */
static void check_files(struct dentry *dir)
{
	static const char * const names[] = {
		"buddyinfo", "pagetypeinfo", "unusable_index", "extfrag_index",
		"snapshot", "pages", "experiment", "stats", "metrics", "fallbacks",
		"pageblocks", "pageblock_map", "zoneinfo", "watermarks",
	};
	struct dentry *d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		d = debugfs_lookup(names[i], dir);
		if (d)
			dput(d);
		else
			pr_warn("cannot create debugfs file %s\n", names[i]);
	}
}

static void create_files(struct dentry *dir)
{
	bp_buddyinfo_create(dir);
	bp_pagetypeinfo_create(dir);
	bp_frag_index_create(dir);
	bp_snapshot_create(dir);
	bp_pages_create(dir);
	bp_experiment_create(dir);
	bp_stats_create(dir);
	bp_metrics_create(dir);
	bp_fallbacks_create(dir);
	bp_pageblocks_create(dir);
	bp_pageblock_map_create(dir);
	bp_zoneinfo_create(dir);
	bp_watermarks_create(dir);
	check_files(dir);
}

/* What the load holds that files can read: first taken, last given back. */
static int take_resources(void)
{
	unsigned int i;
	int ret;

	ret = bp_experiment_init();
	if (ret) {
		pr_err("cannot allocate the experiment's zone readings: %d\n", ret);
		return ret;
	}
	ret = bp_fallbacks_init();
	if (ret) {
		pr_err("cannot register a probe on mm_page_alloc_extfrag: %d\n", ret);
		goto err_experiment;
	}
	for (i = 0; i < nr_demo_orders; i++) {
		ret = bp_pages_alloc(demo_orders[i], 1, true);
		if (ret) {
			pr_err("demo_orders: no free block of order %u\n",
			       demo_orders[i]);
			goto err_pages;
		}
	}
	return 0;

err_pages:
	bp_pages_free_all(false);
	bp_fallbacks_exit();
err_experiment:
	bp_experiment_exit();
	return ret;
}

/* @log: at rmmod, say how many pages were still held. */
static void give_back_resources(bool log)
{
	bp_pages_free_all(log);
	bp_snapshot_exit();
	bp_fallbacks_exit();
	bp_experiment_exit();
}

static int __init buddy_probe_init(void)
{
	int ret;

	ret = check_demo_orders();
	if (ret)
		return ret;
	ret = take_resources();
	if (ret)
		return ret;
	bp_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR(bp_dir)) {
		ret = PTR_ERR(bp_dir);
		pr_err("cannot create debugfs directory: %d\n", ret);
		give_back_resources(false);
		return ret;
	}
	/* From here on nothing fails: each file is there, or said missing. */
	create_files(bp_dir);
	pr_info("loaded: see /sys/kernel/debug/%s/\n", KBUILD_MODNAME);
	return 0;
}

static void __exit buddy_probe_exit(void)
{
	/* No file can be in use after this: then nothing can race the frees. */
	debugfs_remove_recursive(bp_dir);
	give_back_resources(true);
	pr_info("unloaded\n");
}

module_init(buddy_probe_init);
module_exit(buddy_probe_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kmemlab developers");
MODULE_DESCRIPTION("Buddy allocator free lists and fragmentation, next to the kernel's own accounting");
