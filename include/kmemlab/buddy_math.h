/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Buddy arithmetic: the order of a size and the pfn relations between a
 * block, its buddy and its parent (lib/buddy_math.c).
 */
#ifndef KMEMLAB_BUDDY_MATH_H
#define KMEMLAB_BUDDY_MATH_H

#include <linux/types.h>

/*
 * Smallest order whose block of (1 << page_shift << order) bytes holds
 * @size; like get_order(), but for any page shift so that tests can use
 * 4 KiB pages on every architecture.  @size 0 gives order 0.
 */
unsigned int kmemlab_size_to_order(size_t size, unsigned int page_shift);

/* The block that merges with @pfn's block of @order: they differ in one bit. */
unsigned long kmemlab_buddy_pfn(unsigned long pfn, unsigned int order);

/* First pfn of the order + 1 block that @pfn's block of @order merges into. */
unsigned long kmemlab_parent_pfn(unsigned long pfn, unsigned int order);

#endif /* KMEMLAB_BUDDY_MATH_H */
