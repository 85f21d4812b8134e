/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/slab.h>: kmalloc and kvmalloc on libc. */
#ifndef _KMEMLAB_SHIM_LINUX_SLAB_H
#define _KMEMLAB_SHIM_LINUX_SLAB_H

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define GFP_KERNEL	0U

/*
 * What kvmalloc_array() returns is written whole at once (the model's
 * id map table marks every entry empty): where the kernel can, fault its
 * pages in with one call rather than a trap per page, which in a VM was a
 * quarter of buddysim's time on a 2^16-block script.  Since Linux 5.14;
 * where the call fails, the pages fault in as they are written.
 */
static inline void kv_populate(void *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t page = (uintptr_t)getpagesize();
	uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
	uintptr_t end = ((uintptr_t)p + len) & ~(page - 1);

	if (end > start)
		madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#endif
}

static inline void *kmalloc_array(size_t n, size_t size, unsigned int flags)
{
	(void)flags;
	if (size && n > SIZE_MAX / size)
		return NULL;
	return malloc(n * size);
}

static inline void *kvmalloc_array(size_t n, size_t size, unsigned int flags)
{
	void *p = kmalloc_array(n, size, flags);

	if (p)
		kv_populate(p, n * size);
	return p;
}

static inline void kfree(const void *addr)
{
	free((void *)addr);
}

static inline void *kvcalloc(size_t n, size_t size, unsigned int flags)
{
	(void)flags;
	return calloc(n, size);
}

static inline void kvfree(const void *addr)
{
	free((void *)addr);
}

#endif
