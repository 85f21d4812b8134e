/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The commands buddy_probe's pages file accepts:
 *	alloc ORDER [COUNT]	take COUNT (default 1) blocks of 2^ORDER pages
 *	free PFN		return the block held at PFN (decimal, or hex after 0x)
 *	free all		return every block held
 */
#ifndef KMEMLAB_PAGES_CMD_H
#define KMEMLAB_PAGES_CMD_H

#include <linux/types.h>

/* The longest command line accepted, newline included. */
#define KMEMLAB_PAGES_CMD_MAX	64
#define KMEMLAB_PAGES_COUNT_MAX	1024

enum kmemlab_pages_op {
	KMEMLAB_PAGES_ALLOC,
	KMEMLAB_PAGES_FREE,
	KMEMLAB_PAGES_FREE_ALL,
};

struct kmemlab_pages_cmd {
	enum kmemlab_pages_op op;
	unsigned int order;	/* alloc */
	unsigned int count;	/* alloc */
	unsigned long pfn;	/* free */
};

int kmemlab_pages_cmd_parse(char *line, unsigned int max_order,
			    struct kmemlab_pages_cmd *cmd, const char **why);

#endif /* KMEMLAB_PAGES_CMD_H */
