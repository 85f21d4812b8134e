// SPDX-License-Identifier: GPL-2.0
/* __zone_watermark_ok(), approximated; see kmemlab/watermark.h. */
#include <kmemlab/watermark.h>

bool kmemlab_wmark_ok(unsigned int order, long free_pages, unsigned long mark,
		      unsigned long usable_orders, unsigned int nr_orders)
{
	/* The pages of the block itself, but one, do not count as free. */
	free_pages -= (1L << order) - 1;
	if (free_pages <= (long)mark)
		return false;
	if (!order)
		return true;
	if (nr_orders < BITS_PER_LONG)
		usable_orders &= (1UL << nr_orders) - 1;
	return order < BITS_PER_LONG && (usable_orders >> order);
}
