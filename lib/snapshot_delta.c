// SPDX-License-Identifier: GPL-2.0
/* Signed per-order changes between two readings of one zone's free_area[]. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <kmemlab/snapshot_delta.h>

/**
 * kmemlab_snapshot_delta() - what changed in a zone since @then
 * @then: the baseline reading
 * @now: the current reading of the same zone
 * @delta: per order, the change in free blocks; and the change in free
 *	pages, each block counting 2^order pages
 *
 * Return: 0, or -EINVAL if the readings are not of the same zone.
 */
int kmemlab_snapshot_delta(const struct kmemlab_zone_counts *then,
			   const struct kmemlab_zone_counts *now,
			   struct kmemlab_zone_delta *delta)
{
	unsigned int order;

	if (then->nid != now->nid || then->nr_orders != now->nr_orders ||
	    now->nr_orders > KMEMLAB_MAX_ORDERS)
		return -EINVAL;

	delta->nr_orders = now->nr_orders;
	delta->pages = 0;
	for (order = 0; order < now->nr_orders; order++) {
		/* Unsigned subtraction, then signed: right across wrap too. */
		delta->blocks[order] = (long)(now->nr_free[order] -
					      then->nr_free[order]);
		delta->pages += delta->blocks[order] * (1L << order);
	}
	return 0;
}

/**
 * kmemlab_delta_format() - one line of the snapshot file
 * @buf: destination, NUL-terminated on return
 * @size: size of @buf; KMEMLAB_DELTA_LINE_MAX always suffices
 * @now: the zone's node id and name
 * @delta: kmemlab_snapshot_delta()'s result
 *
 * Return: the number of characters written, not counting the NUL.
 */
int kmemlab_delta_format(char *buf, size_t size,
			 const struct kmemlab_zone_counts *now,
			 const struct kmemlab_zone_delta *delta)
{
	unsigned int order;
	int len;

	len = scnprintf(buf, size, KMEMLAB_ZONE_PREFIX, now->nid, now->zone);
	for (order = 0; order < delta->nr_orders; order++)
		len += scnprintf(buf + len, size - len, "%+6ld ",
				 delta->blocks[order]);
	len += scnprintf(buf + len, size - len, "pages %+ld\n", delta->pages);
	return len;
}
