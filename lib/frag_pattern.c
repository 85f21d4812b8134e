// SPDX-License-Identifier: GPL-2.0
/*
 * fraglab's page patterns.  Each is a function of the page's index (and,
 * for random, of a seed) alone, so that the child, its parent and a test
 * agree on which pages were freed without telling each other.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kmemlab/frag_pattern.h>

static const char * const pattern_names[KMEMLAB_FRAG_NR_PATTERNS] = {
	[KMEMLAB_FRAG_EVERY_OTHER] = "every-other",
	[KMEMLAB_FRAG_THREE_OF_FOUR] = "three-of-four",
	[KMEMLAB_FRAG_RANDOM] = "random",
};

/* Return: 0, or -EINVAL when @name is none of the patterns' names. */
int kmemlab_frag_pattern_parse(const char *name,
			       enum kmemlab_frag_pattern *pattern)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pattern_names); i++) {
		if (!strcmp(name, pattern_names[i])) {
			*pattern = i;
			return 0;
		}
	}
	return -EINVAL;
}

/* Return: the pattern's name, or NULL for a value out of the enum. */
const char *kmemlab_frag_pattern_name(enum kmemlab_frag_pattern pattern)
{
	return (unsigned int)pattern < ARRAY_SIZE(pattern_names) ?
		pattern_names[pattern] : NULL;
}

/**
 * kmemlab_frag_random() - output number @index of SplitMix64 seeded @seed
 * @seed: the generator's starting state
 * @index: which output, from 0
 *
 * SplitMix64 (Steele, Lea and Flood; Vigna's reference code) steps its
 * state by a constant, so its @index-th output needs no loop: the state
 * after @index + 1 steps, mixed.
 *
 * Return: 64 pseudo-random bits.
 */
u64 kmemlab_frag_random(u64 seed, u64 index)
{
	u64 z = seed + (index + 1) * 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/**
 * kmemlab_frag_page_freed() - whether the child gives page @index back
 * @pattern: the pattern
 * @index: the page's index in the region, from 0
 * @seed: for KMEMLAB_FRAG_RANDOM, the seed; ignored otherwise
 *
 * Page 0 is kept by every pattern but random.  Return: true to free it.
 */
bool kmemlab_frag_page_freed(enum kmemlab_frag_pattern pattern, u64 index,
			     u64 seed)
{
	switch (pattern) {
	case KMEMLAB_FRAG_EVERY_OTHER:
		return index & 1;
	case KMEMLAB_FRAG_THREE_OF_FOUR:
		return index & 3;
	case KMEMLAB_FRAG_RANDOM:
		return kmemlab_frag_random(seed, index) >> 63;
	default:
		return false;
	}
}
