// SPDX-License-Identifier: GPL-2.0
/*
 * What fraglab works out from /proc/buddyinfo at each step: every zone's
 * free blocks added up, order by order, and the unusable free space index
 * of that sum, with mm/vmstat.c's formula (frag_index.c): the share of all
 * free memory that lies in blocks too small for an order.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <kmemlab/frag_delta.h>
#include <kmemlab/frag_index.h>

/**
 * kmemlab_zone_counts_add() - add a zone's free blocks to a sum
 * @sum: the sum so far; nr_orders 0 for an empty one
 * @zc: the zone's counts
 *
 * @sum takes the larger nr_orders of the two.  Return: 0, or -ERANGE if
 * a count would wrap (then @sum is unchanged).
 */
int kmemlab_zone_counts_add(struct kmemlab_zone_counts *sum,
			    const struct kmemlab_zone_counts *zc)
{
	unsigned int order;

	if (zc->nr_orders > KMEMLAB_MAX_ORDERS)
		return -ERANGE;
	for (order = 0; order < zc->nr_orders; order++)
		if (order < sum->nr_orders &&
		    sum->nr_free[order] > ULONG_MAX - zc->nr_free[order])
			return -ERANGE;
	for (order = sum->nr_orders; order < zc->nr_orders; order++)
		sum->nr_free[order] = 0;
	if (zc->nr_orders > sum->nr_orders)
		sum->nr_orders = zc->nr_orders;
	for (order = 0; order < zc->nr_orders; order++)
		sum->nr_free[order] += zc->nr_free[order];
	return 0;
}

/* Return: the unusable index of @zc for @order, in thousandths. */
int kmemlab_unusable_at(const struct kmemlab_zone_counts *zc,
			unsigned int order)
{
	struct kmemlab_contig_info info;

	kmemlab_fill_contig_info(zc->nr_free, zc->nr_orders, order, &info);
	return kmemlab_unusable_index(order, &info);
}

/**
 * kmemlab_thousandths_format() - an index in thousandths, as a decimal
 * @buf: destination, NUL-terminated
 * @size: its size; KMEMLAB_THOUSANDTHS_MAX always suffices
 * @value: the value, e.g. -1000 or 125
 * @plus: print a '+' before a value of 0 or more (for a change)
 *
 * Unlike the kernel's "%d.%03d", a value between -1000 and 0 keeps its
 * sign in front: -25 is "-0.025".  Return: the characters written.
 */
int kmemlab_thousandths_format(char *buf, size_t size, int value, bool plus)
{
	unsigned int mag = value < 0 ? 0U - (unsigned int)value : (unsigned int)value;

	return scnprintf(buf, size, "%s%u.%03u",
			 value < 0 ? "-" : plus ? "+" : "", mag / 1000,
			 mag % 1000);
}
