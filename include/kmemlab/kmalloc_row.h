/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One row of /sys/kernel/debug/kmalloc_demo/report, and its header: the
 * columns are whitespace-separated and aligned, so that the file reads
 * well with cat and parses with awk.
 */
#ifndef KMEMLAB_KMALLOC_ROW_H
#define KMEMLAB_KMALLOC_ROW_H

#include <linux/types.h>

struct kmemlab_kmalloc_row {
	size_t size;		/* asked for */
	size_t ksize;		/* given, as ksize() says */
	const char *cache;	/* "kmalloc-32", or "page-allocator" */
	unsigned int order;	/* order of the slab, or of the pages */
	const void *virt;	/* printed hashed (%p) unless show_addrs */
	bool show_addrs;
	u64 phys;
	unsigned long pfn;
	unsigned long offset;	/* of the object in its first page */
	int node;
	const char *zone;
	bool crosses;		/* the object touches more than one page */
	bool contig;		/* the frames of those pages are consecutive */
	u64 alloc_ns;		/* mean per kmalloc() */
	u64 free_ns;		/* mean per kfree() */
	bool kfence;		/* a KFENCE object: ksize() is the size asked */
};

/* Longest line, newline and NUL included. */
#define KMEMLAB_KMALLOC_ROW_MAX	256

/* Both return the length written, excluding the NUL; lines end in '\n'. */
int kmemlab_kmalloc_header(char *buf, size_t len);
int kmemlab_kmalloc_row(char *buf, size_t len,
			const struct kmemlab_kmalloc_row *r);

#endif /* KMEMLAB_KMALLOC_ROW_H */
