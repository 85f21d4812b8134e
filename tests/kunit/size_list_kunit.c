// SPDX-License-Identifier: GPL-2.0
/* KUnit cases for the sizes= parameter's parser. */
#include <kunit/test.h>
#include <linux/sizes.h>
#include <kmemlab/size_list.h>

struct sizes_case {
	const char *name;
	const char *str;
	unsigned long max;
	enum kmemlab_sizes_err err;
	unsigned int n;		/* sizes parsed */
	unsigned long first;	/* size[0], if n */
	unsigned long last;	/* size[n - 1], or the refused size if TOO_LARGE */
	unsigned int bad;
};

static const struct sizes_case sizes_cases[] = {
	{ "one size", "17", SZ_4M, KMEMLAB_SIZES_OK, 1, 17, 17, 0 },
	{ "suffixes", "8,4K,4M", SZ_4M, KMEMLAB_SIZES_OK, 3, 8, SZ_4M, 2 },
	{ "lower-case suffix", "1m", SZ_4M, KMEMLAB_SIZES_OK, 1, SZ_1M, SZ_1M, 0 },
	{ "hex", "0x1000", SZ_4M, KMEMLAB_SIZES_OK, 1, 4096, 4096, 0 },
	{ "the largest allowed", "4194304", SZ_4M, KMEMLAB_SIZES_OK, 1, SZ_4M, SZ_4M, 0 },
	{ "NULL", NULL, SZ_4M, KMEMLAB_SIZES_EMPTY, 0, 0, 0, 0 },
	{ "empty", "", SZ_4M, KMEMLAB_SIZES_EMPTY, 0, 0, 0, 0 },
	{ "zero", "8,0", SZ_4M, KMEMLAB_SIZES_ZERO, 1, 8, 8, 1 },
	{ "zero with a suffix", "0K", SZ_4M, KMEMLAB_SIZES_ZERO, 0, 0, 0, 0 },
	{ "one byte too many", "17,4194305", SZ_4M, KMEMLAB_SIZES_TOO_LARGE, 1, 17, SZ_4M + 1, 1 },
	{ "8M", "8M", SZ_4M, KMEMLAB_SIZES_TOO_LARGE, 0, 0, SZ_8M, 0 },
	{ "negative", "-1", SZ_4M, KMEMLAB_SIZES_NOT_A_NUMBER, 0, 0, 0, 0 },
	{ "word", "big", SZ_4M, KMEMLAB_SIZES_NOT_A_NUMBER, 0, 0, 0, 0 },
	{ "trailing junk", "12x", SZ_4M, KMEMLAB_SIZES_NOT_A_NUMBER, 0, 0, 0, 0 },
	{ "empty entry", "8,,16", SZ_4M, KMEMLAB_SIZES_NOT_A_NUMBER, 1, 8, 8, 1 },
	{ "trailing comma", "8,", SZ_4M, KMEMLAB_SIZES_NOT_A_NUMBER, 1, 8, 8, 1 },
	{ "space", "8, 16", SZ_4M, KMEMLAB_SIZES_NOT_A_NUMBER, 1, 8, 8, 1 },
	/* memparse() wrapped these to 0 or to a small size, and read octal. */
	{ "2^64", "18446744073709551616", ~0UL, KMEMLAB_SIZES_OVERFLOW, 0, 0, 0, 0 },
	{ "2^64 - 1", "8,18446744073709551615", SZ_4M, KMEMLAB_SIZES_TOO_LARGE, 1, 8, ~0UL, 1 },
	{ "2^64 + 8", "18446744073709551624", ~0UL, KMEMLAB_SIZES_OVERFLOW, 0, 0, 0, 0 },
	{ "2^64 as a suffix", "16777216T", ~0UL, KMEMLAB_SIZES_OVERFLOW, 0, 0, 0, 0 },
	{ "2^64 as a suffix, then more", "16777216T,8", ~0UL, KMEMLAB_SIZES_OVERFLOW, 0, 0, 0, 0 },
	{ "overflow in the second", "8,32E", ~0UL, KMEMLAB_SIZES_OVERFLOW, 1, 8, 8, 1 },
	{ "octal-looking", "0777", SZ_4M, KMEMLAB_SIZES_LEADING_ZERO, 0, 0, 0, 0 },
	{ "leading zero, suffix", "8,04K", SZ_4M, KMEMLAB_SIZES_LEADING_ZERO, 1, 8, 8, 1 },
	{ "plus sign", "+5", SZ_4M, KMEMLAB_SIZES_NOT_A_NUMBER, 0, 0, 0, 0 },
	{ "newline", "5\n", SZ_4M, KMEMLAB_SIZES_NOT_A_NUMBER, 0, 0, 0, 0 },
	{ "hex with a suffix", "0x10K", SZ_4M, KMEMLAB_SIZES_OK, 1, SZ_16K, SZ_16K, 0 },
	{ "E suffix", "1E", ~0UL, KMEMLAB_SIZES_OK, 1, 1UL << 60, 1UL << 60, 0 },
};

static void sizes_case_desc(const struct sizes_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sizes, sizes_cases, sizes_case_desc);

static void parse_sizes_test(struct kunit *test)
{
	const struct sizes_case *c = test->param_value;
	struct kmemlab_size_list list;
	unsigned int bad = 99;

	KUNIT_EXPECT_EQ(test, kmemlab_parse_sizes(c->str, c->max, &list, &bad), c->err);
	KUNIT_EXPECT_EQ(test, list.n, c->n);
	if (c->err)
		KUNIT_EXPECT_EQ(test, bad, c->bad);
	if (c->n)
		KUNIT_EXPECT_EQ(test, list.size[0], c->first);
	if (c->err == KMEMLAB_SIZES_TOO_LARGE)
		KUNIT_EXPECT_EQ(test, list.size[bad], c->last);
	else if (c->n)
		KUNIT_EXPECT_EQ(test, list.size[c->n - 1], c->last);
}

/* 64 sizes are accepted, the 65th is refused. */
static void parse_sizes_count_test(struct kunit *test)
{
	struct kmemlab_size_list list;
	char str[KMEMLAB_MAX_SIZES * 2 + 3] = "";
	unsigned int i, bad;

	for (i = 0; i < KMEMLAB_MAX_SIZES; i++)
		strcat(str, i ? ",1" : "1");
	KUNIT_EXPECT_EQ(test, kmemlab_parse_sizes(str, 8, &list, &bad), KMEMLAB_SIZES_OK);
	KUNIT_EXPECT_EQ(test, list.n, KMEMLAB_MAX_SIZES);
	strcat(str, ",1");
	KUNIT_EXPECT_EQ(test, kmemlab_parse_sizes(str, 8, &list, &bad), KMEMLAB_SIZES_TOO_MANY);
	KUNIT_EXPECT_EQ(test, bad, KMEMLAB_MAX_SIZES);
	KUNIT_EXPECT_STREQ(test, kmemlab_sizes_strerror(KMEMLAB_SIZES_TOO_MANY),
			   "more than 64 sizes");
	KUNIT_EXPECT_STREQ(test, kmemlab_sizes_strerror(KMEMLAB_SIZES_OVERFLOW),
			   "more than 64 bits");
}

static struct kunit_case size_list_test_cases[] = {
	KUNIT_CASE_PARAM(parse_sizes_test, sizes_gen_params),
	KUNIT_CASE(parse_sizes_count_test),
	{}
};

static struct kunit_suite size_list_suite = {
	.name = "kmemlab_size_list",
	.test_cases = size_list_test_cases,
};

kunit_test_suite(size_list_suite);

MODULE_LICENSE("GPL");
