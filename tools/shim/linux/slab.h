/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/slab.h>: the kv*alloc() family on libc. */
#ifndef _KMEMLAB_SHIM_LINUX_SLAB_H
#define _KMEMLAB_SHIM_LINUX_SLAB_H

#include <stdint.h>
#include <stdlib.h>

#define GFP_KERNEL	0U

static inline void *kvmalloc_array(size_t n, size_t size, unsigned int flags)
{
	(void)flags;
	if (size && n > SIZE_MAX / size)
		return NULL;
	return malloc(n * size);
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
