// SPDX-License-Identifier: GPL-2.0
/*
 * A pageblock's flags in the kernel's bitmap, and the blocks of a zone
 * /proc/pagetypeinfo counts; see kmemlab/pageblock.h.
 */
#include <linux/kernel.h>
#include <kmemlab/pageblock.h>

/**
 * kmemlab_pb_locate() - the bitmap word and shift of a block's flags
 * @l: the kernel's layout
 * @offset: the block's pfn within the bitmap's span: with SPARSEMEM each
 *	memory section has a bitmap, and @offset is the pfn's offset in the
 *	section (mm/page_alloc.c's pfn_to_bitidx())
 *
 * Return: the word of the bitmap, and the bit in it where the block's
 * flags start.
 */
struct kmemlab_pb_pos kmemlab_pb_locate(const struct kmemlab_pb_layout *l,
					unsigned long offset)
{
	unsigned long bit = (offset >> l->block_order) * l->bits_per_block;
	struct kmemlab_pb_pos pos = {
		.word = bit / BITS_PER_LONG,
		.shift = bit % BITS_PER_LONG,
	};

	return pos;
}

/**
 * kmemlab_pb_migratetype() - the migrate type a block's flags say
 * @l: the kernel's layout
 * @word: the bitmap word kmemlab_pb_locate() named
 * @shift: and the bit where the block's flags start
 *
 * Isolation wins over the migrate type it leaves in place, where it has a
 * bit of its own (get_pfnblock_migratetype()); elsewhere it is one of the
 * values.  The compaction skip bit is ignored.
 *
 * Return: the migrate type, which may be out of the kernel's range: the
 * caller checks it against MIGRATE_TYPES, as mm/vmstat.c does.
 */
unsigned int kmemlab_pb_migratetype(const struct kmemlab_pb_layout *l,
				    unsigned long word, unsigned int shift)
{
	unsigned long flags = word >> shift;

	if (flags & l->isolate_mask)
		return l->isolate_type;
	return flags & l->migrate_mask;
}

unsigned long kmemlab_pb_steps(unsigned long start_pfn, unsigned long end_pfn,
			       unsigned int block_order)
{
	unsigned long block = 1UL << block_order;

	if (end_pfn <= start_pfn)
		return 0;
	return (end_pfn - start_pfn + block - 1) >> block_order;
}

unsigned long kmemlab_pb_span(unsigned long pfn, unsigned long start_pfn,
			      unsigned long end_pfn,
			      unsigned int block_order,
			      unsigned long *first)
{
	unsigned long block = 1UL << block_order;
	unsigned long lo = pfn & ~(block - 1), hi = lo + block;

	if (lo < start_pfn)
		lo = start_pfn;
	if (hi > end_pfn)
		hi = end_pfn;
	*first = lo;
	return hi > lo ? hi - lo : 0;
}
