/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place where kmemlab meets kernel-version differences.
 *
 * Kernel glue includes this header; pure helpers never do, so that they
 * build unchanged under KUnit/UML and in userspace.
 */
#ifndef KMEMLAB_COMPAT_H
#define KMEMLAB_COMPAT_H

#include <linux/kernel.h>
#include <linux/mmzone.h>
#include <linux/slab.h>

/*
 * Number of buddy orders, i.e. entries in zone->free_area[].  MAX_ORDER
 * was exclusive until 6.3, became inclusive in 6.4, and NR_PAGE_ORDERS
 * took its place in 6.8.  The array's own size is right on all of them.
 */
#define KMEMLAB_NR_ORDERS	ARRAY_SIZE(((struct zone *)0)->free_area)

/*
 * The cache kmalloc() takes objects from, for a size of kmalloc class
 * @index (see kmemlab/kmalloc_class.h) and the flags @gfp; NULL if there
 * is none.  struct kmem_cache is mm-internal: only pass it to exported
 * functions such as kmem_cache_size().  6.6 gave kmalloc_type() a caller
 * argument and several copies of each cache (CONFIG_RANDOM_KMALLOC_CACHES,
 * "kmalloc-rnd-NN-"), so this and the prefix below are 6.1's answer.
 */
static inline struct kmem_cache *kmemlab_kmalloc_cache(unsigned int index,
						       gfp_t gfp)
{
	return kmalloc_caches[kmalloc_type(gfp)][index];
}

/* The name prefix of that cache, as mm/slab_common.c's kmalloc_info[] has it. */
static inline const char *kmemlab_kmalloc_prefix(gfp_t gfp)
{
	switch (kmalloc_type(gfp)) {
	case KMALLOC_NORMAL:
		return "kmalloc-";
#ifdef CONFIG_MEMCG_KMEM
	case KMALLOC_CGROUP:
		return "kmalloc-cg-";
#endif
	case KMALLOC_RECLAIM:
		return "kmalloc-rcl-";
#ifdef CONFIG_ZONE_DMA
	case KMALLOC_DMA:
		return "dma-kmalloc-";
#endif
	default:
		return "?-kmalloc-";
	}
}

#endif /* KMEMLAB_COMPAT_H */
