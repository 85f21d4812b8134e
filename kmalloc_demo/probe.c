// SPDX-License-Identifier: GPL-2.0
/*
 * One kmalloc() looked at from every side: how long it takes, what
 * ksize() says was given, which cache or how many pages it came from, and
 * where it lies in physical memory.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/io.h>
#include <linux/kfence.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <kmemlab/addr_fmt.h>
#include <kmemlab/compat.h>
#include <kmemlab/kmalloc_class.h>
#include "kmalloc_demo.h"

static const struct kmemlab_kmalloc_geometry kd_geometry = {
	.page_shift = PAGE_SHIFT,
	.shift_low = KMALLOC_SHIFT_LOW,
	.shift_high = KMALLOC_SHIFT_HIGH,
	.shift_max = KMALLOC_SHIFT_MAX,
};

/*
 * Mean ns per kmalloc() and per kfree() over @iterations pairs.  Each
 * object is freed at once, so this is the hot path: after the first pair
 * the slab's per-CPU freelist hands back the same object.  vmalloc_demo
 * has the same loop for vmalloc(); it is not shared through a function
 * pointer because an indirect call (a retpoline on x86) costs about as
 * much as the kmalloc() being timed.
 */
static int kd_time(size_t size, gfp_t gfp, unsigned int iterations,
		   u64 *alloc_ns, u64 *free_ns)
{
	u64 t0, t1, t2, alloc = 0, free = 0;
	unsigned int i;
	void *p;

	for (i = 0; i < iterations; i++) {
		t0 = ktime_get_ns();
		p = kmalloc(size, gfp);
		t1 = ktime_get_ns();
		if (!p)
			return -ENOMEM;
		kfree(p);
		t2 = ktime_get_ns();
		alloc += t1 - t0;
		free += t2 - t1;
		cond_resched();
	}
	*alloc_ns = div_u64(alloc, iterations);
	*free_ns = div_u64(free, iterations);
	return 0;
}

/*
 * Where the object came from.  The kernel says whether its folio is a
 * slab, and ksize() what it was given; the cache's name follows from its
 * class and the flags.  The class worked out from slab.h's rules must
 * agree with the kernel, and with the object size of the cache that
 * kmalloc_caches[] holds for it; if not, say so loudly, since either the
 * rules or the module are wrong for this kernel.
 *
 * A KFENCE object is the exception: KFENCE, when it samples an
 * allocation, serves it from a page of its own pool, and ksize() then
 * says the size asked for, not the cache's.  Such a row is labelled, and
 * its ksize and waste are what KFENCE gives.
 */
static bool kd_source(struct kd_alloc *a, gfp_t gfp)
{
	struct kmemlab_kmalloc_row *r = &a->row;
	struct folio *folio = virt_to_folio(a->obj);
	bool slab = folio_test_slab(folio);
	struct kmemlab_kmalloc_class cls;
	struct kmem_cache *cache = NULL;

	kmemlab_kmalloc_class(r->size, &kd_geometry, &cls);
	if (slab) {
		cache = kmemlab_kmalloc_cache(cls.index, gfp);
		kmemlab_kmalloc_cache_name(a->cache, sizeof(a->cache),
					   kmemlab_kmalloc_prefix(gfp), &cls);
	} else {
		strscpy(a->cache, "page-allocator", sizeof(a->cache));
	}
	r->cache = a->cache;
	r->order = folio_order(folio);
	r->node = folio_nid(folio);
	r->zone = folio_zone(folio)->name;
	if (r->kfence)
		return slab;
	if (cls.slab != slab || cls.size != r->ksize ||
	    (slab && (!cache || kmem_cache_size(cache) != r->ksize)))
		pr_err("size %zu: the kernel disagrees with slab.h's rules: %s, ksize %zu; expected %s, %zu\n",
		       r->size, slab ? "slab" : "pages", r->ksize,
		       cls.slab ? "slab" : "pages", cls.size);
	return slab;
}

/* Physical addresses and frame numbers go to the log only with show_addrs=1. */
static void kd_log(const struct kmemlab_kmalloc_row *r, bool slab)
{
	char where[48], virt[KMEMLAB_ADDR_MAX], phys[48] = "";

	kmemlab_addr_format(virt, sizeof(virt), r->virt, r->show_addrs);
	if (r->kfence)
		snprintf(where, sizeof(where), "KFENCE, for %s", r->cache);
	else if (slab)
		snprintf(where, sizeof(where), "%s (slab order %u)",
			 r->cache, r->order);
	else
		snprintf(where, sizeof(where), "the page allocator, order %u",
			 r->order);
	if (r->show_addrs)
		snprintf(phys, sizeof(phys), " phys 0x%llx pfn %lu",
			 (unsigned long long)r->phys, r->pfn);
	pr_info("kmalloc(%zu): ksize %zu from %s, waste %zu; virt %s%s offset %lu, node %d zone %s; %s, %s; %llu ns per kmalloc, %llu ns per kfree\n",
		r->size, r->ksize, where, kmemlab_waste(r->size, r->ksize),
		virt, phys, r->offset, r->node,
		r->zone, r->crosses ? "crosses a page boundary" : "within one page",
		r->contig ? "physically contiguous" : "NOT physically contiguous",
		(unsigned long long)r->alloc_ns, (unsigned long long)r->free_ns);
}

int kd_take(struct kd_alloc *a, size_t size, gfp_t gfp,
	    unsigned int iterations, bool show_addrs)
{
	struct kmemlab_kmalloc_row *r = &a->row;
	bool slab;
	int err;

	memset(a, 0, sizeof(*a));
	r->size = size;
	r->show_addrs = show_addrs;
	err = kd_time(size, gfp, iterations, &r->alloc_ns, &r->free_ns);
	if (err)
		return err;
	a->obj = kmalloc(size, gfp);
	if (!a->obj)
		return -ENOMEM;
	r->virt = a->obj;
	r->ksize = ksize(a->obj);
	r->kfence = is_kfence_address(a->obj);
	slab = kd_source(a, gfp);
	/* Linear map: physical = virtual - a constant (PAGE_OFFSET on x86-64). */
	r->phys = virt_to_phys(a->obj);
	r->pfn = PHYS_PFN(r->phys);
	r->offset = offset_in_page(a->obj);
	r->crosses = kmemlab_pages_spanned(r->offset, size, PAGE_SHIFT) > 1;
	r->contig = kmemlab_linear_runs(a->obj, size) == 1;
	if (kmemlab_linear_pfn(a->obj) != r->pfn)
		pr_err("size %zu: the page tables disagree with virt_to_phys()\n", size);
	kd_log(r, slab);
	return 0;
}

void kd_release(struct kd_alloc *a)
{
	kfree(a->obj);
	a->obj = NULL;
	a->row.virt = NULL;
}
