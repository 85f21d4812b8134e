// SPDX-License-Identifier: GPL-2.0
/*
 * Formats a zone's free-block counts exactly as mm/vmstat.c's
 * frag_show_print() does for /proc/buddyinfo.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <kmemlab/buddyinfo_fmt.h>

/**
 * kmemlab_buddyinfo_format() - format one /proc/buddyinfo line
 * @buf: destination, NUL-terminated on return
 * @size: size of @buf; KMEMLAB_BUDDYINFO_LINE_MAX always suffices
 * @zc: the zone's node id, name and per-order free counts
 *
 * Return: the number of characters written, not counting the NUL.
 */
int kmemlab_buddyinfo_format(char *buf, size_t size,
			     const struct kmemlab_zone_counts *zc)
{
	unsigned int order;
	int len;

	len = scnprintf(buf, size, KMEMLAB_ZONE_PREFIX, zc->nid, zc->zone);
	for (order = 0; order < zc->nr_orders; order++)
		len += scnprintf(buf + len, size - len, "%6lu ",
				 zc->nr_free[order]);
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}
