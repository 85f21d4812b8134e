/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The frames behind linear-map addresses (kmalloc memory), for both demo
 * modules.  Kernel glue, not a pure helper: static inline because two
 * module folders use it (see docs/HACKING.md).
 */
#ifndef KMEMLAB_LINEAR_MAP_H
#define KMEMLAB_LINEAR_MAP_H

#include <linux/io.h>
#include <linux/mm.h>
#include <kmemlab/kmalloc_class.h>
#include <kmemlab/pfn_runs.h>

/*
 * The frame behind a linear-map address.  Where a module may walk the
 * kernel's page tables (x86 exports slow_virt_to_phys()), walk them, so
 * that a claim of physical contiguity is measured rather than assumed;
 * elsewhere fall back to virt_to_phys()'s arithmetic.  Not for vmalloc
 * addresses: use vmalloc_to_pfn() for those.
 */
static inline unsigned long kmemlab_linear_pfn(const void *addr)
{
#ifdef CONFIG_X86
	return PHYS_PFN(slow_virt_to_phys((void *)addr));
#else
	return PHYS_PFN(virt_to_phys(addr));
#endif
}

/* Runs of consecutive frames behind the @len bytes at linear-map address @p. */
static inline unsigned long kmemlab_linear_runs(const void *p, size_t len)
{
	const char *page = (const char *)((unsigned long)p & PAGE_MASK);
	unsigned long i, pages = kmemlab_pages_spanned(offset_in_page(p), len,
						       PAGE_SHIFT);
	struct kmemlab_pfn_runs runs = { 0 };

	for (i = 0; i < pages; i++)
		kmemlab_pfn_runs_add(&runs, kmemlab_linear_pfn(page + i * PAGE_SIZE));
	return runs.runs;
}

#endif /* KMEMLAB_LINEAR_MAP_H */
