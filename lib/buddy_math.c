// SPDX-License-Identifier: GPL-2.0
/* Buddy arithmetic; see kmemlab/buddy_math.h. */
#include <kmemlab/buddy_math.h>

unsigned int kmemlab_size_to_order(size_t size, unsigned int page_shift)
{
	unsigned int order = 0;

	if (!size)
		return 0;
	size = (size - 1) >> page_shift;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}

unsigned long kmemlab_buddy_pfn(unsigned long pfn, unsigned int order)
{
	return pfn ^ (1UL << order);
}

unsigned long kmemlab_parent_pfn(unsigned long pfn, unsigned int order)
{
	return pfn & ~((1UL << (order + 1)) - 1);
}
