/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whether an allocation would clear a zone's watermark: an approximation
 * of mm/page_alloc.c's __zone_watermark_ok(), which is not exported, for
 * a caller without reserves (no ALLOC_HARDER, ALLOC_HIGHATOMIC, ALLOC_OOM
 * or ALLOC_CMA: a plain GFP_KERNEL allocation) whose preferred zone is the
 * zone itself.  It leaves out what such a caller subtracts beyond that:
 * the high-atomic reserve, free CMA pages, the lowmem_reserve[] a caller
 * from a higher zone must leave, and unaccepted memory the kernel would
 * accept first.
 */
#ifndef KMEMLAB_WATERMARK_H
#define KMEMLAB_WATERMARK_H

#include <linux/types.h>

/**
 * kmemlab_wmark_ok() - would an allocation of @order clear @mark now
 * @order: the allocation's order
 * @free_pages: the zone's NR_FREE_PAGES ("pages free" in /proc/zoneinfo)
 * @mark: the watermark, its boost included (low_wmark_pages())
 * @usable_orders: bit k set when free_area[k] holds a free block on an
 *	Unmovable, Movable or Reclaimable list (the MIGRATE_PCPTYPES)
 * @nr_orders: the zone's number of orders
 *
 * Return: true when, after the block is taken, more than @mark pages stay
 * free, and, above order 0, a block of @order or larger is free on one of
 * those lists.
 */
bool kmemlab_wmark_ok(unsigned int order, long free_pages, unsigned long mark,
		      unsigned long usable_orders, unsigned int nr_orders);

#endif /* KMEMLAB_WATERMARK_H */
