// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmstat.c's fragmentation arithmetic, on counts rather than on a
 * struct zone: fill_contig_page_info(), unusable_free_index() and
 * __fragmentation_index(), then the line unusable_show_print() and
 * extfrag_show_print() print.
 */
#include <linux/kernel.h>
#include <linux/math64.h>
#include <kmemlab/frag_index.h>

/**
 * kmemlab_fill_contig_info() - the sums behind both indices
 * @nr_free: free blocks per order, as in zone->free_area[order].nr_free
 * @nr_orders: entries in @nr_free
 * @suitable_order: the order of the allocation being asked about
 * @info: filled with the free pages, the free blocks, and how many blocks
 *	of @suitable_order the free blocks of that order or above hold
 */
void kmemlab_fill_contig_info(const unsigned long *nr_free,
			      unsigned int nr_orders,
			      unsigned int suitable_order,
			      struct kmemlab_contig_info *info)
{
	unsigned int order;

	info->free_pages = 0;
	info->free_blocks_total = 0;
	info->free_blocks_suitable = 0;

	for (order = 0; order < nr_orders; order++) {
		unsigned long blocks = nr_free[order];

		info->free_blocks_total += blocks;
		info->free_pages += blocks << order;
		/* An order-9 block holds 2 order-8 blocks, 4 order-7 ones... */
		if (order >= suitable_order)
			info->free_blocks_suitable +=
				blocks << (order - suitable_order);
	}
}

/**
 * kmemlab_unusable_index() - free memory unusable for an allocation
 * @order: the allocation's order
 * @info: kmemlab_fill_contig_info() for @order
 *
 * Return: the fraction of free pages that lie in blocks smaller than
 * @order, in thousandths; no free memory at all counts as all unusable.
 */
int kmemlab_unusable_index(unsigned int order,
			   const struct kmemlab_contig_info *info)
{
	if (!info->free_pages)
		return 1000;

	return div_u64((info->free_pages -
			(info->free_blocks_suitable << order)) * 1000ULL,
		       info->free_pages);
}

/**
 * kmemlab_extfrag_index() - why an allocation of @order would fail
 * @order: the allocation's order
 * @nr_orders: the zone's number of orders; larger orders give 0, as the
 *	kernel's __fragmentation_index() does (after a warning)
 * @info: kmemlab_fill_contig_info() for @order
 *
 * Return: -1000 when a block of @order is free (the allocation would
 * succeed, so the question does not arise); otherwise, in thousandths,
 * towards 0 when it would fail for lack of memory and towards 1000 when
 * it would fail because the free memory is in pieces too small.
 */
int kmemlab_extfrag_index(unsigned int order, unsigned int nr_orders,
			  const struct kmemlab_contig_info *info)
{
	unsigned long requested = 1UL << order;

	if (order >= nr_orders || !info->free_blocks_total)
		return 0;
	if (info->free_blocks_suitable)
		return -1000;

	return 1000 - div_u64(1000 + div_u64(info->free_pages * 1000ULL,
					     requested),
			      info->free_blocks_total);
}

/**
 * kmemlab_frag_format() - one line of unusable_index or extfrag_index
 * @buf: destination, NUL-terminated on return
 * @size: size of @buf; KMEMLAB_FRAG_LINE_MAX always suffices
 * @zc: the zone's node id, name and per-order free counts
 * @kind: which index, and so which of the kernel's two formats
 *
 * Return: the number of characters written, not counting the NUL.
 */
int kmemlab_frag_format(char *buf, size_t size,
			const struct kmemlab_zone_counts *zc,
			enum kmemlab_frag_kind kind)
{
	struct kmemlab_contig_info info;
	unsigned int order;
	int len, index;

	len = scnprintf(buf, size, KMEMLAB_ZONE_PREFIX, zc->nid, zc->zone);
	for (order = 0; order < zc->nr_orders; order++) {
		kmemlab_fill_contig_info(zc->nr_free, zc->nr_orders, order,
					 &info);
		if (kind == KMEMLAB_EXTFRAG_INDEX) {
			index = kmemlab_extfrag_index(order, zc->nr_orders,
						      &info);
			len += scnprintf(buf + len, size - len, "%2d.%03d ",
					 index / 1000, index % 1000);
		} else {
			index = kmemlab_unusable_index(order, &info);
			len += scnprintf(buf + len, size - len, "%d.%03d ",
					 index / 1000, index % 1000);
		}
	}
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}
