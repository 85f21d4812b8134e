/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Buddy arithmetic: the order of a size and the pfn relations between a
 * block, its buddy and its parent.  Pure functions, shared by the modules,
 * the KUnit suites and the userspace tools.
 */
#ifndef KMEMLAB_BUDDY_MATH_H
#define KMEMLAB_BUDDY_MATH_H

#include <linux/types.h>

/*
 * Smallest order whose block of (PAGE_SIZE << order) bytes holds @size;
 * like get_order(), but for any page shift so that tests can use 4 KiB
 * pages on every architecture.  @size 0 gives order 0.
 */
static inline unsigned int kmemlab_size_to_order(size_t size,
						 unsigned int page_shift)
{
	unsigned int order = 0;

	if (!size)
		return 0;
	size = (size - 1) >> page_shift;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

/* The block that merges with @pfn's block of @order: they differ in one bit. */
static inline unsigned long kmemlab_buddy_pfn(unsigned long pfn,
					      unsigned int order)
{
	return pfn ^ (1UL << order);
}

/* First pfn of the order + 1 block that @pfn's block of @order merges into. */
static inline unsigned long kmemlab_parent_pfn(unsigned long pfn,
					       unsigned int order)
{
	return pfn & ~((1UL << (order + 1)) - 1);
}

#endif /* KMEMLAB_BUDDY_MATH_H */
