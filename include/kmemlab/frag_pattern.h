/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which pages of fraglab's region its child gives back, by the page's
 * index in the region: the holes they leave between the pages it keeps
 * are what fragments free memory.
 */
#ifndef KMEMLAB_FRAG_PATTERN_H
#define KMEMLAB_FRAG_PATTERN_H

#include <linux/types.h>

enum kmemlab_frag_pattern {
	KMEMLAB_FRAG_EVERY_OTHER,	/* pages 1, 3, 5...: one-page holes */
	KMEMLAB_FRAG_THREE_OF_FOUR,	/* all but 0, 4, 8...: three-page holes */
	KMEMLAB_FRAG_RANDOM,		/* each one with probability 1/2 */
	KMEMLAB_FRAG_NR_PATTERNS
};

int kmemlab_frag_pattern_parse(const char *name,
			       enum kmemlab_frag_pattern *pattern);
const char *kmemlab_frag_pattern_name(enum kmemlab_frag_pattern pattern);
u64 kmemlab_frag_random(u64 seed, u64 index);
bool kmemlab_frag_page_freed(enum kmemlab_frag_pattern pattern, u64 index,
			     u64 seed);

#endif /* KMEMLAB_FRAG_PATTERN_H */
