/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the buddy allocator does to a zone's per-order free block counts
 * when it hands out a block (a split) or takes one back (a merge), as
 * mm/page_alloc.c's __rmqueue_smallest()/expand() and __free_one_page()
 * do it.  Pure: the caller says which orders hold a usable block and how
 * far a merge goes; this file does the bookkeeping.
 */
#ifndef KMEMLAB_FREE_AREA_PREDICT_H
#define KMEMLAB_FREE_AREA_PREDICT_H

#include <linux/types.h>

/* Bit k set when @nr_free[k] is not 0. */
unsigned long kmemlab_nonempty_orders(const unsigned long *nr_free,
				      unsigned int nr_orders);

/* The smallest, or the largest, order >= @order set in @orders; -1 if none. */
int kmemlab_smallest_order(unsigned long orders, unsigned int order,
			   unsigned int nr_orders);
int kmemlab_largest_order(unsigned long orders, unsigned int order,
			  unsigned int nr_orders);

int kmemlab_predict_split(const unsigned long *before, unsigned int nr_orders,
			  unsigned int order, unsigned int from,
			  unsigned long *after);
int kmemlab_predict_merge(const unsigned long *before, unsigned int nr_orders,
			  unsigned int order, unsigned int merges,
			  unsigned long *after);

#endif /* KMEMLAB_FREE_AREA_PREDICT_H */
