/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sizes= parameter of kmalloc_demo and vmalloc_demo: a comma-separated
 * list such as "8,17,4K,4M" (memparse() suffixes).  Parsed by the module's
 * init rather than by a kernel_param_ops, so that a bad list is refused
 * with one message that says which entry is wrong and why.
 *
 * static inline: both modules use it, and kbuild must not build one object
 * from two module folders.
 */
#ifndef KMEMLAB_SIZE_LIST_H
#define KMEMLAB_SIZE_LIST_H

#include <linux/kernel.h>
#include <linux/string.h>

#define KMEMLAB_MAX_SIZES	64

enum kmemlab_sizes_err {
	KMEMLAB_SIZES_OK,
	KMEMLAB_SIZES_EMPTY,		/* no entry at all */
	KMEMLAB_SIZES_NOT_A_NUMBER,	/* entry @bad is not a size */
	KMEMLAB_SIZES_ZERO,		/* entry @bad is 0 */
	KMEMLAB_SIZES_TOO_LARGE,	/* entry @bad is above @max_size */
	KMEMLAB_SIZES_TOO_MANY,		/* more than KMEMLAB_MAX_SIZES entries */
};

struct kmemlab_size_list {
	unsigned int n;
	unsigned long size[KMEMLAB_MAX_SIZES];
};

static inline const char *kmemlab_sizes_strerror(enum kmemlab_sizes_err err)
{
	switch (err) {
	case KMEMLAB_SIZES_OK:
		return "ok";
	case KMEMLAB_SIZES_EMPTY:
		return "no sizes given";
	case KMEMLAB_SIZES_NOT_A_NUMBER:
		return "not a size";
	case KMEMLAB_SIZES_ZERO:
		return "size 0";
	case KMEMLAB_SIZES_TOO_LARGE:
		return "too large";
	case KMEMLAB_SIZES_TOO_MANY:
		return "more than 64 sizes";
	}
	return "?";
}

/*
 * Fills @list from @str; on error, *@bad is the index of the offending
 * entry (for TOO_MANY, the first one that did not fit), list->size[]
 * holds the entries parsed so far, and for TOO_LARGE list->size[*@bad]
 * the offending size.
 */
static inline enum kmemlab_sizes_err
kmemlab_parse_sizes(const char *str, unsigned long max_size,
		    struct kmemlab_size_list *list, unsigned int *bad)
{
	const char *p = str ? str : "";
	unsigned long long val;
	char *end;

	list->n = 0;
	*bad = 0;
	if (!*p)
		return KMEMLAB_SIZES_EMPTY;
	for (;;) {
		*bad = list->n;
		if (list->n == KMEMLAB_MAX_SIZES)
			return KMEMLAB_SIZES_TOO_MANY;
		/* memparse() takes "-1" as 0 chars parsed: caught below. */
		val = memparse(p, &end);
		if (end == p || (*end && *end != ','))
			return KMEMLAB_SIZES_NOT_A_NUMBER;
		if (!val)
			return KMEMLAB_SIZES_ZERO;
		if (val > max_size) {
			list->size[list->n] = min_t(unsigned long long, val,
						    ULONG_MAX);
			return KMEMLAB_SIZES_TOO_LARGE;
		}
		list->size[list->n++] = val;
		if (!*end)
			return KMEMLAB_SIZES_OK;
		p = end + 1;
	}
}

#endif /* KMEMLAB_SIZE_LIST_H */
