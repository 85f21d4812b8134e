// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for fraglab's arithmetic across its steps: zones' free
 * blocks added up, the unusable index of the sum (worked out by hand from
 * mm/vmstat.c's formula), and indices and their changes as decimals.
 */
#include <kunit/test.h>
#include <kmemlab/frag_delta.h>

static void add_test(struct kunit *test)
{
	struct kmemlab_zone_counts sum = { .nr_orders = 0 };
	struct kmemlab_zone_counts dma = { 0, "DMA", 3, { 1, 2, 3 } };
	struct kmemlab_zone_counts normal = { 0, "Normal", 4, { 10, 0, 0, 5 } };

	KUNIT_ASSERT_EQ(test, kmemlab_zone_counts_add(&sum, &dma), 0);
	KUNIT_ASSERT_EQ(test, kmemlab_zone_counts_add(&sum, &normal), 0);
	KUNIT_EXPECT_EQ(test, sum.nr_orders, 4U);
	KUNIT_EXPECT_EQ(test, sum.nr_free[0], 11UL);
	KUNIT_EXPECT_EQ(test, sum.nr_free[1], 2UL);
	KUNIT_EXPECT_EQ(test, sum.nr_free[2], 3UL);
	KUNIT_EXPECT_EQ(test, sum.nr_free[3], 5UL);
	/* A shorter zone after a longer one leaves the top orders alone. */
	KUNIT_ASSERT_EQ(test, kmemlab_zone_counts_add(&sum, &dma), 0);
	KUNIT_EXPECT_EQ(test, sum.nr_orders, 4U);
	KUNIT_EXPECT_EQ(test, sum.nr_free[0], 12UL);
	KUNIT_EXPECT_EQ(test, sum.nr_free[3], 5UL);
}

static void add_overflow_test(struct kunit *test)
{
	struct kmemlab_zone_counts sum = { 0, "A", 2, { ULONG_MAX, 1 } };
	struct kmemlab_zone_counts one = { 0, "B", 2, { 1, 1 } };

	KUNIT_EXPECT_EQ(test, kmemlab_zone_counts_add(&sum, &one), -ERANGE);
	KUNIT_EXPECT_EQ(test, sum.nr_free[0], ULONG_MAX);
	KUNIT_EXPECT_EQ(test, sum.nr_free[1], 1UL);
}

/*
 * 2 + 2*2 + 0 + 8*1 = 14 free pages.  Order 3: only the order-3 block's 8
 * pages serve, so (14 - 8) * 1000 / 14 = 428.  Order 1: 14 - (2 + 0 + 4)
 * * 2 = 2 pages unusable, 142.
 */
static void unusable_at_test(struct kunit *test)
{
	struct kmemlab_zone_counts zc = { 0, "all", 4, { 2, 2, 0, 1 } };
	struct kmemlab_zone_counts none = { 0, "all", 4, { 0 } };

	KUNIT_EXPECT_EQ(test, kmemlab_unusable_at(&zc, 0), 0);
	KUNIT_EXPECT_EQ(test, kmemlab_unusable_at(&zc, 1), 142);
	KUNIT_EXPECT_EQ(test, kmemlab_unusable_at(&zc, 3), 428);
	KUNIT_EXPECT_EQ(test, kmemlab_unusable_at(&none, 3), 1000);
}

struct fmt_case {
	int value;
	bool plus;
	const char *text;
};

static const struct fmt_case fmt_cases[] = {
	{ 0, false, "0.000" },
	{ 0, true, "+0.000" },
	{ 125, false, "0.125" },
	{ 125, true, "+0.125" },
	{ 1000, false, "1.000" },
	{ -25, false, "-0.025" },
	{ -25, true, "-0.025" },
	{ -1000, false, "-1.000" },
	{ -1999, true, "-1.999" },
	{ INT_MIN, true, "-2147483.648" },
};

static void fmt_case_desc(const struct fmt_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%d%s", c->value,
		 c->plus ? " with +" : "");
}

KUNIT_ARRAY_PARAM(fmt, fmt_cases, fmt_case_desc);

static void thousandths_test(struct kunit *test)
{
	const struct fmt_case *c = test->param_value;
	char buf[KMEMLAB_THOUSANDTHS_MAX];

	KUNIT_EXPECT_EQ(test, kmemlab_thousandths_format(buf, sizeof(buf),
							 c->value, c->plus),
			(int)strlen(c->text));
	KUNIT_EXPECT_STREQ(test, buf, c->text);
}

static struct kunit_case frag_delta_cases[] = {
	KUNIT_CASE(add_test),
	KUNIT_CASE(add_overflow_test),
	KUNIT_CASE(unusable_at_test),
	KUNIT_CASE_PARAM(thousandths_test, fmt_gen_params),
	{}
};

static struct kunit_suite frag_delta_suite = {
	.name = "kmemlab_frag_delta",
	.test_cases = frag_delta_cases,
};

kunit_test_suite(frag_delta_suite);

MODULE_LICENSE("GPL");
