// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc_demo: where kmalloc memory comes from.  For each size in sizes=
 * it times kmalloc()/kfree() pairs, then takes one object and holds it
 * until rmmod, so that /proc/slabinfo and /proc/kpageflags can be read
 * while it is alive.  One dmesg line per size, and the table
 * /sys/kernel/debug/kmalloc_demo/report.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/stringify.h>
#include "kmalloc_demo.h"

#define KD_ITERATIONS		100
#define KD_MAX_ITERATIONS	1000000
/* The objects held may take at most 1/KD_AVAIL_SHARE of MemAvailable. */
#define KD_AVAIL_SHARE		2

static char *sizes = "8,17,32,96,100,192,1024,4096,8192,8193,16384,4M";
module_param(sizes, charp, 0400);
MODULE_PARM_DESC(sizes, "Comma-separated sizes to kmalloc, K/M suffixes allowed; at most "
		 __stringify(KMEMLAB_MAX_SIZES)
		 ", each 1..KMALLOC_MAX_SIZE (default: a sweep of the size classes)");

static char *gfp = "kernel";
module_param(gfp, charp, 0400);
MODULE_PARM_DESC(gfp, "Allocation flags: kernel, atomic, user or dma32 (default: kernel)");

static unsigned int iterations = KD_ITERATIONS;
module_param(iterations, uint, 0400);
MODULE_PARM_DESC(iterations, "kmalloc/kfree pairs timed per size, 1.."
		 __stringify(KD_MAX_ITERATIONS) " (default: "
		 __stringify(KD_ITERATIONS) ")");

static bool show_addrs;
module_param(show_addrs, bool, 0400);
MODULE_PARM_DESC(show_addrs, "Print raw virtual addresses instead of hashed ones, and log physical addresses (default: 0)");

struct kd_gfp {
	const char *name;
	gfp_t flags;
	const char *note;	/* what the flags change, said at load */
};

/*
 * GFP_USER is GFP_KERNEL | __GFP_HARDWALL.  kmalloc_type() ignores
 * __GFP_HARDWALL, so the object comes from the same kmalloc-N cache; the
 * flag only matters when the page allocator is asked for pages, where it
 * keeps them on the nodes of the caller's cpuset.
 *
 * kmalloc cannot honour __GFP_DMA32: it is in GFP_SLAB_BUG_MASK
 * (mm/internal.h), and both the slab path and the large path strip it
 * with a "Fix your code!" warning and a stack dump.  What kmalloc offers
 * instead is GFP_DMA: the dma-kmalloc-N caches, whose slabs, like the
 * large allocations, come from ZONE_DMA, below 16 MiB on x86 and so
 * below 4 GiB too.  gfp=dma32 uses that, and says so.
 */
static const struct kd_gfp kd_gfps[] = {
	{ "kernel", GFP_KERNEL, "may sleep to reclaim memory" },
	{ "atomic", GFP_ATOMIC, "never sleeps, may use the reserves" },
	{ "user", GFP_USER,
	  "GFP_KERNEL|__GFP_HARDWALL: same caches; new pages from the cpuset's nodes only" },
	{ "dma32", GFP_KERNEL | GFP_DMA,
	  "kmalloc refuses __GFP_DMA32 (GFP_SLAB_BUG_MASK): GFP_DMA, dma-kmalloc-N, ZONE_DMA" },
};

static struct kd_state kd_state;
static struct dentry *kd_dir;

static const struct kd_gfp *kd_find_gfp(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kd_gfps); i++)
		if (!strcmp(name, kd_gfps[i].name))
			return &kd_gfps[i];
	return NULL;
}

/* Checks the parameters; on a bad one, says why in one line. */
static int kd_parse(struct kmemlab_size_list *list, const struct kd_gfp **g)
{
	enum kmemlab_sizes_err err;
	unsigned int bad;

	err = kmemlab_parse_sizes(sizes, KMALLOC_MAX_SIZE, list, &bad);
	if (err == KMEMLAB_SIZES_TOO_LARGE) {
		pr_err("sizes=%s: size %lu is above KMALLOC_MAX_SIZE (%lu)\n",
		       sizes, list->size[bad], KMALLOC_MAX_SIZE);
		return -EINVAL;
	}
	if (err) {
		pr_err("sizes=%s: entry %u: %s\n", sizes, bad + 1,
		       kmemlab_sizes_strerror(err));
		return -EINVAL;
	}
	*g = kd_find_gfp(gfp);
	if (!*g) {
		pr_err("gfp=%s: unknown; use kernel, atomic, user or dma32\n", gfp);
		return -EINVAL;
	}
	if (!iterations || iterations > KD_MAX_ITERATIONS) {
		pr_err("iterations=%u: must be 1..%u\n", iterations,
		       KD_MAX_ITERATIONS);
		return -EINVAL;
	}
	return 0;
}

/*
 * The most the objects can take at once: each held object at most its
 * size rounded up to a power of two, and a page at least (a slab of its
 * own).  The timing loop's object is freed before the held one of its
 * size is taken, so it adds nothing.  More than a share of what is
 * available is refused: held, it would leave the rest of the system to
 * the OOM killer.
 */
static int kd_check_memory(const struct kmemlab_size_list *list)
{
	unsigned long long need = 0, avail;
	unsigned int i;

	for (i = 0; i < list->n; i++)
		need += roundup_pow_of_two(max(list->size[i], PAGE_SIZE));
	avail = (unsigned long long)si_mem_available() << PAGE_SHIFT;
	if (need <= avail / KD_AVAIL_SHARE)
		return 0;
	/* MemAvailable moves from one insmod to the next: the line does not. */
	pr_err("sizes=%s: the objects would take up to %llu bytes, more than 1/%u of MemAvailable\n",
	       sizes, need, KD_AVAIL_SHARE);
	return -ENOMEM;
}

static void kd_release_all(void)
{
	while (kd_state.nr)
		kd_release(&kd_state.allocs[--kd_state.nr]);
}

static int __init kmalloc_demo_init(void)
{
	struct kmemlab_size_list list;
	const struct kd_gfp *g;
	unsigned int i;
	int err;

	err = kd_parse(&list, &g);
	if (err)
		return err;
	err = kd_check_memory(&list);
	if (err)
		return err;
	kd_state.gfp_name = g->name;
	/*
	 * __GFP_NOWARN: a failure is an answer the demo reports itself
	 * (ZONE_DMA, for one, has room for three 4 MiB blocks at most).
	 * __GFP_RETRY_MAYFAIL: and a failure it is, never an OOM kill.
	 */
	kd_state.gfp = g->flags | __GFP_NOWARN | __GFP_RETRY_MAYFAIL;
	pr_info("gfp=%s: %pGg; %s\n", g->name, &g->flags, g->note);

	for (i = 0; i < list.n; i++) {
		err = kd_take(&kd_state.allocs[i], list.size[i], kd_state.gfp,
			      iterations, show_addrs);
		if (err) {
			pr_err("kmalloc(%lu, gfp=%s) failed: freeing the %u object(s) already taken, nothing is held\n",
			       list.size[i], g->name, kd_state.nr);
			goto err_release;
		}
		kd_state.nr++;
	}

	kd_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR(kd_dir)) {
		err = PTR_ERR(kd_dir);
		pr_err("cannot create debugfs directory: %d\n", err);
		goto err_release;
	}
	kd_report_create(kd_dir, &kd_state);
	kd_map_create(kd_dir, &kd_state);
	pr_info("holding %u objects until rmmod; see /sys/kernel/debug/%s/report\n",
		kd_state.nr, KBUILD_MODNAME);
	return 0;

err_release:
	kd_release_all();
	return err;
}

static void __exit kmalloc_demo_exit(void)
{
	/* The report goes first: nothing may read an object after its kfree(). */
	debugfs_remove_recursive(kd_dir);
	kd_release_all();
	pr_info("freed everything\n");
}

module_init(kmalloc_demo_init);
module_exit(kmalloc_demo_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kmemlab developers");
MODULE_DESCRIPTION("Where kmalloc memory comes from: size classes, caches, physical frames");
