// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_demo: where vmalloc memory comes from.  For each size in sizes=
 * it times vmalloc()/vfree() pairs, then takes one area and holds it until
 * rmmod, so that /proc/vmallocinfo can be read while it is alive.  One
 * dmesg line per area, and under /sys/kernel/debug/vmalloc_demo/ the
 * tables report (one row per area) and pfns (one row per page).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/stringify.h>
#include <linux/vmalloc.h>
#include "vmalloc_demo.h"

#define VD_SIZES		"8K,1M,64M"
#define VD_ITERATIONS		10
#define VD_MAX_ITERATIONS	10000
/* The areas held may take at most 1/VD_AVAIL_SHARE of MemAvailable. */
#define VD_AVAIL_SHARE		2

static char *sizes = VD_SIZES;
module_param(sizes, charp, 0400);
MODULE_PARM_DESC(sizes, "Comma-separated sizes to vmalloc, K/M/G suffixes allowed; at most "
		 __stringify(KMEMLAB_MAX_SIZES)
		 ", each at least 1 and within the vmalloc space (default: "
		 VD_SIZES ")");

static unsigned int iterations = VD_ITERATIONS;
module_param(iterations, uint, 0400);
MODULE_PARM_DESC(iterations, "vmalloc/vfree pairs timed per size, 1.."
		 __stringify(VD_MAX_ITERATIONS) " (default: "
		 __stringify(VD_ITERATIONS) ")");

static bool show_addrs;
module_param(show_addrs, bool, 0400);
MODULE_PARM_DESC(show_addrs, "Print raw virtual addresses instead of hashed ones, and log frame numbers (default: 0)");

/* The whole vmalloc space; the memory check below refuses far less. */
#define VD_MAX_SIZE		(VMALLOC_END - VMALLOC_START)
/*
 * What each page of an area costs besides itself: its entry in pfns, in
 * the area's page array and in the page tables.
 */
#define VD_PAGE_OVERHEAD	(sizeof(unsigned long) + sizeof(struct page *) + \
				 sizeof(pte_t))

static struct vd_state vd_state;
static struct dentry *vd_dir;

/* Checks the parameters; on a bad one, says why in one line. */
static int vd_parse(struct kmemlab_size_list *list)
{
	enum kmemlab_sizes_err err;
	unsigned int bad;

	err = kmemlab_parse_sizes(sizes, VD_MAX_SIZE, list, &bad);
	if (err == KMEMLAB_SIZES_TOO_LARGE) {
		pr_err("sizes=%s: size %lu is larger than the vmalloc space (%lu)\n",
		       sizes, list->size[bad], VD_MAX_SIZE);
		return -EINVAL;
	}
	if (err) {
		pr_err("sizes=%s: entry %u: %s\n", sizes, bad + 1,
		       kmemlab_sizes_strerror(err));
		return -EINVAL;
	}
	if (!iterations || iterations > VD_MAX_ITERATIONS) {
		pr_err("iterations=%u: must be 1..%u\n", iterations,
		       VD_MAX_ITERATIONS);
		return -EINVAL;
	}
	return 0;
}

/*
 * The most the areas take at once: every area with its overhead, and,
 * once they are all held, the kmalloc twin of a size (up to
 * KMALLOC_MAX_SIZE), freed at once.  A timing loop's area is freed before
 * the held one of its size is taken, so it adds nothing.  More than a
 * share of what is available is refused: held, it would leave the rest
 * of the system to the OOM killer.
 */
static int vd_check_memory(const struct kmemlab_size_list *list)
{
	unsigned long long need = 0, twin = 0, avail;
	unsigned long size;
	unsigned int i;

	for (i = 0; i < list->n; i++) {
		size = list->size[i];
		need += PAGE_ALIGN(size) + (PAGE_ALIGN(size) >> PAGE_SHIFT) *
			VD_PAGE_OVERHEAD;
		if (size <= KMALLOC_MAX_SIZE)
			twin = max_t(unsigned long long, twin,
				     roundup_pow_of_two(size));
	}
	need += twin;
	avail = (unsigned long long)si_mem_available() << PAGE_SHIFT;
	if (need <= avail / VD_AVAIL_SHARE)
		return 0;
	/* MemAvailable moves from one insmod to the next: the line does not. */
	pr_err("sizes=%s: the areas would take up to %llu bytes, more than 1/%u of MemAvailable\n",
	       sizes, need, VD_AVAIL_SHARE);
	return -ENOMEM;
}

static void vd_release_all(void)
{
	while (vd_state.nr)
		vd_release(&vd_state.allocs[--vd_state.nr]);
}

static int __init vmalloc_demo_init(void)
{
	struct kmemlab_size_list list;
	unsigned int i;
	int err;

	err = vd_parse(&list);
	if (err)
		return err;
	err = vd_check_memory(&list);
	if (err)
		return err;
	vd_log_fill();
	for (i = 0; i < list.n; i++) {
		err = vd_take(&vd_state.allocs[i], list.size[i], iterations,
			      show_addrs);
		if (err) {
			pr_err("vmalloc(%lu) failed: freeing the %u area(s) already taken, nothing is held\n",
			       list.size[i], vd_state.nr);
			goto err_release;
		}
		vd_state.nr++;
	}

	vd_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR(vd_dir)) {
		err = PTR_ERR(vd_dir);
		pr_err("cannot create debugfs directory: %d\n", err);
		goto err_release;
	}
	vd_report_create(vd_dir, &vd_state);
	vd_map_create(vd_dir, &vd_state);
	pr_info("holding %u areas until rmmod; see /sys/kernel/debug/%s/\n",
		vd_state.nr, KBUILD_MODNAME);
	return 0;

err_release:
	vd_release_all();
	return err;
}

static void __exit vmalloc_demo_exit(void)
{
	/* The files go first: nothing may read an area after its vfree(). */
	debugfs_remove_recursive(vd_dir);
	vd_release_all();
	pr_info("freed everything\n");
}

module_init(vmalloc_demo_init);
module_exit(vmalloc_demo_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kmemlab developers");
MODULE_DESCRIPTION("Where vmalloc memory comes from: areas and the frames behind them");
