// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for fraglab's page patterns: the names, the pages each
 * fixed pattern frees, and the random one against SplitMix64's published
 * outputs for seed 0 (Vigna's reference splitmix64.c), its share of
 * freed pages and its dependence on the seed.
 */
#include <kunit/test.h>
#include <kmemlab/frag_pattern.h>

struct name_case {
	const char *name;
	int ret;
	enum kmemlab_frag_pattern pattern;
};

static const struct name_case name_cases[] = {
	{ "every-other", 0, KMEMLAB_FRAG_EVERY_OTHER },
	{ "three-of-four", 0, KMEMLAB_FRAG_THREE_OF_FOUR },
	{ "random", 0, KMEMLAB_FRAG_RANDOM },
	{ "", -EINVAL },
	{ "Random", -EINVAL },
	{ "random ", -EINVAL },
	{ "every", -EINVAL },
};

static void name_case_desc(const struct name_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "'%s'", c->name);
}

KUNIT_ARRAY_PARAM(name, name_cases, name_case_desc);

static void parse_test(struct kunit *test)
{
	const struct name_case *c = test->param_value;
	enum kmemlab_frag_pattern p = KMEMLAB_FRAG_NR_PATTERNS;

	KUNIT_ASSERT_EQ(test, kmemlab_frag_pattern_parse(c->name, &p), c->ret);
	if (c->ret)
		return;
	KUNIT_EXPECT_EQ(test, p, c->pattern);
	KUNIT_EXPECT_STREQ(test, kmemlab_frag_pattern_name(p), c->name);
}

static void name_out_of_range_test(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, kmemlab_frag_pattern_name(KMEMLAB_FRAG_NR_PATTERNS));
}

/* Freed pages among the first 8, as a bit mask, page 0 the lowest bit. */
static unsigned int freed_mask(enum kmemlab_frag_pattern p, u64 seed)
{
	unsigned int i, mask = 0;

	for (i = 0; i < 8; i++)
		if (kmemlab_frag_page_freed(p, i, seed))
			mask |= 1U << i;
	return mask;
}

static void fixed_patterns_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, freed_mask(KMEMLAB_FRAG_EVERY_OTHER, 0), 0xaaU);
	KUNIT_EXPECT_EQ(test, freed_mask(KMEMLAB_FRAG_THREE_OF_FOUR, 0), 0xeeU);
	/* The seed is for random only. */
	KUNIT_EXPECT_EQ(test, freed_mask(KMEMLAB_FRAG_EVERY_OTHER, 99), 0xaaU);
	/* Far into a large region too. */
	KUNIT_EXPECT_TRUE(test, kmemlab_frag_page_freed(KMEMLAB_FRAG_EVERY_OTHER,
							(1ULL << 40) + 1, 0));
	KUNIT_EXPECT_FALSE(test, kmemlab_frag_page_freed(KMEMLAB_FRAG_THREE_OF_FOUR,
							 1ULL << 40, 0));
	KUNIT_EXPECT_FALSE(test, kmemlab_frag_page_freed(KMEMLAB_FRAG_NR_PATTERNS,
							 1, 0));
}

static void splitmix64_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kmemlab_frag_random(0, 0), 0xe220a8397b1dcdafULL);
	KUNIT_EXPECT_EQ(test, kmemlab_frag_random(0, 1), 0x6e789e6aa1b965f4ULL);
	KUNIT_EXPECT_EQ(test, kmemlab_frag_random(0, 2), 0x06c45d188009454fULL);
}

/* About half the pages, each seed its own choice, each time the same. */
static void random_pattern_test(struct kunit *test)
{
	unsigned int i, freed = 0, differ = 0;

	for (i = 0; i < 4096; i++) {
		bool a = kmemlab_frag_page_freed(KMEMLAB_FRAG_RANDOM, i, 1);

		freed += a;
		differ += a != kmemlab_frag_page_freed(KMEMLAB_FRAG_RANDOM, i, 2);
		KUNIT_EXPECT_EQ(test, a,
				kmemlab_frag_page_freed(KMEMLAB_FRAG_RANDOM, i, 1));
	}
	KUNIT_EXPECT_GT(test, freed, 4096U * 45 / 100);
	KUNIT_EXPECT_LT(test, freed, 4096U * 55 / 100);
	KUNIT_EXPECT_GT(test, differ, 4096U * 40 / 100);
}

static struct kunit_case frag_pattern_cases[] = {
	KUNIT_CASE_PARAM(parse_test, name_gen_params),
	KUNIT_CASE(name_out_of_range_test),
	KUNIT_CASE(fixed_patterns_test),
	KUNIT_CASE(splitmix64_test),
	KUNIT_CASE(random_pattern_test),
	{}
};

static struct kunit_suite frag_pattern_suite = {
	.name = "kmemlab_frag_pattern",
	.test_cases = frag_pattern_cases,
};

kunit_test_suite(frag_pattern_suite);

MODULE_LICENSE("GPL");
