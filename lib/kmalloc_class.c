// SPDX-License-Identifier: GPL-2.0
/* The kmalloc size classes of include/linux/slab.h; pure, see the header. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/sizes.h>
#include <kmemlab/buddy_math.h>
#include <kmemlab/kmalloc_class.h>

/*
 * __kmalloc_index(): the power-of-two caches, plus kmalloc-96 and
 * kmalloc-192 (indices 1 and 2) where the smallest cache is small enough
 * for them to be worth having.
 */
static unsigned int kmalloc_index(size_t size, unsigned int shift_low)
{
	size_t min_size = (size_t)1 << shift_low;

	if (size <= min_size)
		return shift_low;
	if (min_size <= 32 && size > 64 && size <= 96)
		return 1;
	if (min_size <= 64 && size > 128 && size <= 192)
		return 2;
	return order_base_2(size);
}

static size_t kmalloc_index_size(unsigned int index)
{
	if (index == 1)
		return 96;
	if (index == 2)
		return 192;
	return (size_t)1 << index;
}

int kmemlab_kmalloc_class(size_t size, const struct kmemlab_kmalloc_geometry *g,
			  struct kmemlab_kmalloc_class *c)
{
	if (!size || size > kmemlab_kmalloc_max_size(g))
		return -EINVAL;
	if (size <= (size_t)1 << g->shift_high) {
		c->slab = true;
		c->index = kmalloc_index(size, g->shift_low);
		c->order = 0;
		c->size = kmalloc_index_size(c->index);
	} else {
		/* __kmalloc_large_node(): get_order(size) pages, as one folio. */
		c->slab = false;
		c->index = 0;
		c->order = kmemlab_size_to_order(size, g->page_shift);
		c->size = (size_t)1 << (g->page_shift + c->order);
	}
	return 0;
}

int kmemlab_kmalloc_cache_name(char *buf, size_t len, const char *prefix,
			       const struct kmemlab_kmalloc_class *c)
{
	if (c->size >= SZ_1M)
		return scnprintf(buf, len, "%s%zuM", prefix, c->size >> 20);
	if (c->size >= SZ_1K)
		return scnprintf(buf, len, "%s%zuk", prefix, c->size >> 10);
	return scnprintf(buf, len, "%s%zu", prefix, c->size);
}

size_t kmemlab_kmalloc_max_size(const struct kmemlab_kmalloc_geometry *g)
{
	return (size_t)1 << g->shift_max;
}

size_t kmemlab_waste(size_t requested, size_t given)
{
	return given > requested ? given - requested : 0;
}

unsigned long kmemlab_pages_spanned(unsigned long offset, size_t len,
				    unsigned int page_shift)
{
	if (!len)
		return 0;
	return ((offset + len - 1) >> page_shift) + 1;
}
