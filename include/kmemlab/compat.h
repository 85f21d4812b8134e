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

/*
 * Number of buddy orders, i.e. entries in zone->free_area[].  MAX_ORDER
 * was exclusive until 6.3, became inclusive in 6.4, and NR_PAGE_ORDERS
 * took its place in 6.8.  The array's own size is right on all of them.
 */
#define KMEMLAB_NR_ORDERS	ARRAY_SIZE(((struct zone *)0)->free_area)

/*
 * Whether alloc_pages() and __free_pages() of @order may be served by the
 * per-cpu page lists rather than free_area[]: mm/page_alloc.c's
 * pcp_allowed_order(), which is static.  Orders up to
 * PAGE_ALLOC_COSTLY_ORDER since 5.13 (only order 0 before), and with THP
 * the pageblock order since 5.19; kmemlab builds for 6.1 and later.
 */
static inline bool kmemlab_pcp_order(unsigned int order)
{
	if (order <= PAGE_ALLOC_COSTLY_ORDER)
		return true;
	return IS_ENABLED(CONFIG_TRANSPARENT_HUGEPAGE) &&
	       order == pageblock_order;
}

#endif /* KMEMLAB_COMPAT_H */
