/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where kmalloc(size) is served from, worked out from the rules of
 * include/linux/slab.h (6.1): a kmalloc-N slab cache up to
 * KMALLOC_MAX_CACHE_SIZE, the page allocator above it.  The module checks
 * the answer against the kernel (ksize(), the slab flag of the folio) at
 * run time; KUnit checks it against slab.h's __kmalloc_index() table.
 */
#ifndef KMEMLAB_KMALLOC_CLASS_H
#define KMEMLAB_KMALLOC_CLASS_H

#include <linux/types.h>

/* The constants of slab.h that decide the class, as shifts. */
struct kmemlab_kmalloc_geometry {
	unsigned int page_shift;	/* PAGE_SHIFT */
	unsigned int shift_low;		/* KMALLOC_SHIFT_LOW: smallest cache */
	unsigned int shift_high;	/* KMALLOC_SHIFT_HIGH: largest cache */
	unsigned int shift_max;		/* KMALLOC_SHIFT_MAX: largest kmalloc */
};

struct kmemlab_kmalloc_class {
	bool slab;		/* from a kmalloc-N cache, not the page allocator */
	unsigned int index;	/* kmalloc_caches[type][index]; 0 if !slab */
	unsigned int order;	/* page-allocator order; 0 if slab */
	size_t size;		/* bytes given: the cache's size, or the pages' */
};

/* Largest size kmalloc accepts: KMALLOC_MAX_SIZE. */
size_t kmemlab_kmalloc_max_size(const struct kmemlab_kmalloc_geometry *g);

/* Fills @c for kmalloc(@size); -EINVAL for 0 or above the largest size. */
int kmemlab_kmalloc_class(size_t size, const struct kmemlab_kmalloc_geometry *g,
			  struct kmemlab_kmalloc_class *c);

/* Longest cache name, NUL included: "kmalloc-rcl-512k", "dma-kmalloc-2M". */
#define KMEMLAB_KMALLOC_NAME_MAX	24

/*
 * The name of the cache of class @c, after @prefix ("kmalloc-",
 * "dma-kmalloc-", ...), spelled as mm/slab_common.c's kmalloc_info[] does:
 * "kmalloc-96", "kmalloc-1k", "kmalloc-2M".  Returns the length written.
 */
int kmemlab_kmalloc_cache_name(char *buf, size_t len, const char *prefix,
			       const struct kmemlab_kmalloc_class *c);

/* Internal waste: bytes given beyond those asked for. */
size_t kmemlab_waste(size_t requested, size_t given);

/* Number of pages that @len bytes starting @offset into a page touch. */
unsigned long kmemlab_pages_spanned(unsigned long offset, size_t len,
				    unsigned int page_shift);

#endif /* KMEMLAB_KMALLOC_CLASS_H */
