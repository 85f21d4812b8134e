// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator's effect on free_area[].nr_free, order by order.
 *
 * A split: taking an order-2 block when the smallest free block is of
 * order 5 removes that block and leaves one free block of each order in
 * between (4, 3 and 2's buddy halves: expand() in mm/page_alloc.c).
 * A merge: freeing an order-2 block whose buddy is free removes the buddy
 * and tries again one order up, with the merged block; the block that
 * stops merging is added at its order (__free_one_page()).
 */
#include <linux/errno.h>
#include <linux/string.h>
#include <kmemlab/free_area_predict.h>

unsigned long kmemlab_nonempty_orders(const unsigned long *nr_free,
				      unsigned int nr_orders)
{
	unsigned long orders = 0;
	unsigned int order;

	for (order = 0; order < nr_orders; order++)
		if (nr_free[order])
			orders |= 1UL << order;
	return orders;
}

int kmemlab_smallest_order(unsigned long orders, unsigned int order,
			   unsigned int nr_orders)
{
	for (; order < nr_orders; order++)
		if (orders & (1UL << order))
			return order;
	return -1;
}

int kmemlab_largest_order(unsigned long orders, unsigned int order,
			  unsigned int nr_orders)
{
	int o;

	for (o = (int)nr_orders - 1; o >= (int)order; o--)
		if (orders & (1UL << o))
			return o;
	return -1;
}

/**
 * kmemlab_predict_split() - counts after an allocation split a block
 * @before: free blocks per order before the allocation
 * @nr_orders: entries in @before and @after
 * @order: the order allocated
 * @from: the order of the free block the allocation takes and splits
 * @after: the predicted counts; may not alias @before
 *
 * Return: 0, or -EINVAL if @from is below @order or out of range, or if
 * @before holds no block of order @from.
 */
int kmemlab_predict_split(const unsigned long *before, unsigned int nr_orders,
			  unsigned int order, unsigned int from,
			  unsigned long *after)
{
	unsigned int o;

	if (from < order || from >= nr_orders || !before[from])
		return -EINVAL;

	memcpy(after, before, nr_orders * sizeof(*after));
	after[from]--;
	for (o = order; o < from; o++)
		after[o]++;
	return 0;
}

/**
 * kmemlab_predict_merge() - counts after a freed block merged with buddies
 * @before: free blocks per order before the free
 * @nr_orders: entries in @before and @after
 * @order: the order freed
 * @merges: how many times it merges: the buddy of order @order,
 *	@order + 1, ... up to @order + @merges - 1 is free
 * @after: the predicted counts; may not alias @before
 *
 * Return: 0, or -EINVAL if the merged block would be past the largest
 * order or a merge would take a buddy that @before says is not there.
 */
int kmemlab_predict_merge(const unsigned long *before, unsigned int nr_orders,
			  unsigned int order, unsigned int merges,
			  unsigned long *after)
{
	unsigned int o;

	if (order >= nr_orders || merges >= nr_orders - order)
		return -EINVAL;
	for (o = order; o < order + merges; o++)
		if (!before[o])
			return -EINVAL;

	memcpy(after, before, nr_orders * sizeof(*after));
	for (o = order; o < order + merges; o++)
		after[o]--;
	after[order + merges]++;
	return 0;
}
