/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One row of /sys/kernel/debug/vmalloc_demo/report and its header, and one
 * row of .../pfns: whitespace-separated, aligned columns.
 */
#ifndef KMEMLAB_VMALLOC_ROW_H
#define KMEMLAB_VMALLOC_ROW_H

#include <linux/types.h>

struct kmemlab_vmalloc_row {
	unsigned long size;
	unsigned long pages;
	unsigned long runs;	/* runs of consecutive frames among the pages */
	unsigned long longest;	/* pages in the longest run */
	const void *start;	/* printed hashed (%p) unless show_addrs */
	const void *end;	/* start + size: one past the last byte */
	bool show_addrs;
	bool in_vmalloc;	/* VMALLOC_START <= start, end <= VMALLOC_END */
	u64 alloc_ns;		/* mean per vmalloc() */
	u64 free_ns;		/* mean per vfree() */
	/* The same size through kmalloc(): */
	bool kmalloc_ok;
	unsigned long kmalloc_pfn;	/* its first frame, if kmalloc_ok */
	unsigned long kmalloc_runs;	/* runs among its frames, if kmalloc_ok */
};

/* Longest line, newline and NUL included. */
#define KMEMLAB_VMALLOC_ROW_MAX	224

/* All return the length written, excluding the NUL; lines end in '\n'. */
int kmemlab_vmalloc_header(char *buf, size_t len);
int kmemlab_vmalloc_row(char *buf, size_t len,
			const struct kmemlab_vmalloc_row *r);
int kmemlab_vmalloc_pfns_header(char *buf, size_t len);
int kmemlab_vmalloc_pfns_row(char *buf, size_t len, unsigned int alloc,
			     unsigned long page, unsigned long pfn);

#endif /* KMEMLAB_VMALLOC_ROW_H */
