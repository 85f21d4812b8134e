// SPDX-License-Identifier: GPL-2.0
/*
 * One vmalloc() looked at from every side: how long it takes, where the
 * area lies, the frame behind each of its pages, and what kmalloc() makes
 * of the same size.
 *
 * The frames come from the page tables, through vmalloc_to_pfn().  Never
 * virt_to_phys(): it subtracts the linear map's offset, which is only
 * right for linear-map addresses, and a vmalloc address is not one.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <kmemlab/addr_fmt.h>
#include <kmemlab/compat.h>
#include <kmemlab/pfn_runs.h>
#include "vmalloc_demo.h"

/*
 * vmalloc() with __GFP_NOWARN: a failure is an answer the demo reports
 * itself; and __GFP_RETRY_MAYFAIL: a failure it is, never an OOM kill.
 */
#define VD_GFP	(GFP_KERNEL | __GFP_NOWARN | __GFP_RETRY_MAYFAIL)

/* Mean ns per vmalloc() and per vfree() over @iterations pairs. */
static int vd_time(unsigned long size, unsigned int iterations,
		   u64 *alloc_ns, u64 *free_ns)
{
	u64 t0, t1, t2, alloc = 0, free = 0;
	unsigned int i;
	void *p;

	for (i = 0; i < iterations; i++) {
		t0 = ktime_get_ns();
		p = __vmalloc(size, VD_GFP);
		t1 = ktime_get_ns();
		if (!p)
			return -ENOMEM;
		vfree(p);
		t2 = ktime_get_ns();
		alloc += t1 - t0;
		free += t2 - t1;
		cond_resched();
	}
	*alloc_ns = div_u64(alloc, iterations);
	*free_ns = div_u64(free, iterations);
	return 0;
}

/* The frame behind each page of the area, and the runs they form. */
static int vd_frames(struct vd_alloc *a)
{
	struct kmemlab_vmalloc_row *r = &a->row;
	unsigned long i;

	a->pfns = kvmalloc_array(r->pages, sizeof(*a->pfns),
				 GFP_KERNEL | __GFP_RETRY_MAYFAIL);
	if (!a->pfns)
		return -ENOMEM;
	for (i = 0; i < r->pages; i++)
		a->pfns[i] = vmalloc_to_pfn(a->area + i * PAGE_SIZE);
	r->runs = kmemlab_pfn_runs(a->pfns, r->pages, &r->longest);
	return 0;
}

/*
 * The same size through kmalloc(): it succeeds with physically
 * contiguous frames (from the linear map, so the frames are found with
 * kmemlab_linear_pfn()), or it fails, as it must above KMALLOC_MAX_SIZE.
 * The object is freed at once; only its numbers are kept.
 */
static void vd_kmalloc_twin(struct kmemlab_vmalloc_row *r)
{
	void *p = kmalloc(r->size, VD_GFP);

	r->kmalloc_ok = p;
	if (!p)
		return;
	r->kmalloc_pfn = kmemlab_linear_pfn(p);
	r->kmalloc_runs = kmemlab_linear_runs(p, r->size);
	kfree(p);
}

/* Frame numbers go to the log only with show_addrs=1. */
static void vd_log(const struct kmemlab_vmalloc_row *r)
{
	char twin[96], start[KMEMLAB_ADDR_MAX], end[KMEMLAB_ADDR_MAX];

	if (r->kmalloc_ok && r->show_addrs)
		snprintf(twin, sizeof(twin), "succeeds: %lu run(s) from pfn %lu",
			 r->kmalloc_runs, r->kmalloc_pfn);
	else if (r->kmalloc_ok)
		snprintf(twin, sizeof(twin), "succeeds: %lu run(s)",
			 r->kmalloc_runs);
	else if (r->size > KMALLOC_MAX_SIZE)
		snprintf(twin, sizeof(twin), "fails: above KMALLOC_MAX_SIZE (%lu)",
			 KMALLOC_MAX_SIZE);
	else
		snprintf(twin, sizeof(twin), "fails: out of memory");
	kmemlab_addr_format(start, sizeof(start), r->start, r->show_addrs);
	kmemlab_addr_format(end, sizeof(end), r->end, r->show_addrs);
	pr_info("vmalloc(%lu): %lu pages at %s-%s, %s VMALLOC_START..VMALLOC_END; frames in %lu run(s), longest %lu pages; %llu ns per vmalloc, %llu ns per vfree; kmalloc of the same size %s\n",
		r->size, r->pages, start, end,
		r->in_vmalloc ? "inside" : "OUTSIDE", r->runs, r->longest,
		(unsigned long long)r->alloc_ns,
		(unsigned long long)r->free_ns, twin);
}

/*
 * How this kernel fills an area with frames, said once at load: it sets
 * how long the runs of frames can be (see KMEMLAB_VMALLOC_LARGE_FIRST).
 */
void vd_log_fill(void)
{
	if (KMEMLAB_VMALLOC_LARGE_FIRST)
		pr_info("this kernel fills an area with blocks of up to order %lu first, each split into pages: runs of up to %lu frames, as long as such blocks are free\n",
			KMEMLAB_NR_ORDERS - 1, 1UL << (KMEMLAB_NR_ORDERS - 1));
	else
		pr_info("this kernel fills an area with single pages, up to 100 at a time from the bulk allocator: runs are as long as the free lists happen to hand out\n");
}

int vd_take(struct vd_alloc *a, unsigned long size, unsigned int iterations,
	    bool show_addrs)
{
	struct kmemlab_vmalloc_row *r = &a->row;
	int err;

	memset(a, 0, sizeof(*a));
	r->size = size;
	r->pages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	r->show_addrs = show_addrs;
	err = vd_time(size, iterations, &r->alloc_ns, &r->free_ns);
	if (err)
		return err;
	a->area = __vmalloc(size, VD_GFP);
	if (!a->area)
		return -ENOMEM;
	r->start = a->area;
	r->end = a->area + size;
	/* The kernel's own test, on the first and the last byte. */
	r->in_vmalloc = is_vmalloc_addr(r->start) && is_vmalloc_addr(r->end - 1);
	err = vd_frames(a);
	if (err) {
		vd_release(a);
		return err;
	}
	vd_kmalloc_twin(r);
	vd_log(r);
	return 0;
}

void vd_release(struct vd_alloc *a)
{
	kvfree(a->pfns);
	a->pfns = NULL;
	vfree(a->area);
	a->area = NULL;
	a->row.start = NULL;
	a->row.end = NULL;
}
