// SPDX-License-Identifier: GPL-2.0
/*
 * buddy_probe: the buddy allocator's free lists seen from inside, in
 * files under /sys/kernel/debug/buddy_probe/ that can be held against
 * the kernel's own /proc/buddyinfo.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/module.h>
#include "buddy_probe.h"

static struct dentry *bp_dir;

static int __init buddy_probe_init(void)
{
	bp_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR(bp_dir)) {
		pr_err("cannot create debugfs directory: %ld\n", PTR_ERR(bp_dir));
		return PTR_ERR(bp_dir);
	}
	bp_buddyinfo_create(bp_dir);
	pr_info("loaded: see /sys/kernel/debug/%s/\n", KBUILD_MODNAME);
	return 0;
}

static void __exit buddy_probe_exit(void)
{
	debugfs_remove_recursive(bp_dir);
	pr_info("unloaded\n");
}

module_init(buddy_probe_init);
module_exit(buddy_probe_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kmemlab developers");
MODULE_DESCRIPTION("Buddy allocator free lists, compared with /proc/buddyinfo");
