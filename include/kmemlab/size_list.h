/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sizes= parameter of kmalloc_demo and vmalloc_demo: a comma-separated
 * list such as "8,17,4K,4M": decimal or 0x hex, K/M/G/T/P/E suffixes, no
 * leading zero, nothing that overflows (kmemlab/parse_num.h).  Parsed by
 * the module's init rather than by a kernel_param_ops, so that a bad list
 * is refused with one message that says which entry is wrong and why.
 */
#ifndef KMEMLAB_SIZE_LIST_H
#define KMEMLAB_SIZE_LIST_H

#include <linux/types.h>

#define KMEMLAB_MAX_SIZES	64

enum kmemlab_sizes_err {
	KMEMLAB_SIZES_OK,
	KMEMLAB_SIZES_EMPTY,		/* no entry at all */
	KMEMLAB_SIZES_NOT_A_NUMBER,	/* entry @bad is not a size */
	KMEMLAB_SIZES_LEADING_ZERO,	/* entry @bad starts 0 and a digit */
	KMEMLAB_SIZES_OVERFLOW,		/* entry @bad needs more than 64 bits */
	KMEMLAB_SIZES_ZERO,		/* entry @bad is 0 */
	KMEMLAB_SIZES_TOO_LARGE,	/* entry @bad is above @max_size */
	KMEMLAB_SIZES_TOO_MANY,		/* more than KMEMLAB_MAX_SIZES entries */
};

struct kmemlab_size_list {
	unsigned int n;
	unsigned long size[KMEMLAB_MAX_SIZES];
};

const char *kmemlab_sizes_strerror(enum kmemlab_sizes_err err);

/*
 * Fills @list from @str; on error, *@bad is the index of the offending
 * entry (for TOO_MANY, the first one that did not fit), list->size[]
 * holds the entries parsed so far, and for TOO_LARGE list->size[*@bad]
 * the offending size.
 */
enum kmemlab_sizes_err kmemlab_parse_sizes(const char *str,
					   unsigned long max_size,
					   struct kmemlab_size_list *list,
					   unsigned int *bad);

#endif /* KMEMLAB_SIZE_LIST_H */
