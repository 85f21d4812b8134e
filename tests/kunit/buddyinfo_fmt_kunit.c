// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the /proc/buddyinfo line format.  The expected strings
 * are spelled out by hand from mm/vmstat.c's frag_show_print():
 * "Node %d, zone %8s " then "%6lu " per order, then a newline (left out
 * of the table below and checked on its own).
 */
#include <kunit/test.h>
#include <kmemlab/buddyinfo_fmt.h>

struct fmt_case {
	const char *name;
	struct kmemlab_zone_counts zc;
	const char *line;
};

static const struct fmt_case fmt_cases[] = {
	{
		"DMA, 11 orders",
		{ 0, "DMA", 11, { 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 3 } },
		"Node 0, zone      DMA      0      0      0      0      0      1      1      1      0      1      3 ",
	},
	{
		"Movable on node 1, wide counts",
		{ 1, "Movable", 3, { 123456, 1234567, 7 } },
		"Node 1, zone  Movable 123456 1234567      7 ",
	},
	{
		"name longer than the field",
		{ 12, "VeryLongZone", 1, { 5 } },
		"Node 12, zone VeryLongZone      5 ",
	},
	{
		"no orders",
		{ 0, "Normal", 0, { 0 } },
		"Node 0, zone   Normal ",
	},
	{
		"largest count",
		{ 0, "DMA32", 1, { ULONG_MAX } },
		"Node 0, zone    DMA32 18446744073709551615 ",
	},
};

static void fmt_case_desc(const struct fmt_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(fmt, fmt_cases, fmt_case_desc);

static void buddyinfo_format_test(struct kunit *test)
{
	const struct fmt_case *c = test->param_value;
	char buf[KMEMLAB_BUDDYINFO_LINE_MAX];
	int len;

	len = kmemlab_buddyinfo_format(buf, sizeof(buf), &c->zc);
	KUNIT_ASSERT_EQ(test, len, (int)strlen(c->line) + 1);
	KUNIT_EXPECT_EQ(test, buf[len - 1], '\n');
	buf[len - 1] = '\0';
	KUNIT_EXPECT_STREQ(test, buf, c->line);
}

/* The worst case fits the buffer size the header promises. */
static void buddyinfo_format_max_test(struct kunit *test)
{
	struct kmemlab_zone_counts zc = {
		.nid = INT_MIN, .zone = "Movable", .nr_orders = KMEMLAB_MAX_ORDERS,
	};
	char buf[KMEMLAB_BUDDYINFO_LINE_MAX];
	unsigned int i;
	int len;

	for (i = 0; i < KMEMLAB_MAX_ORDERS; i++)
		zc.nr_free[i] = ULONG_MAX;
	len = kmemlab_buddyinfo_format(buf, sizeof(buf), &zc);
	KUNIT_EXPECT_LT(test, len, (int)sizeof(buf) - 1);
	KUNIT_EXPECT_EQ(test, buf[len - 1], '\n');
}

static struct kunit_case buddyinfo_fmt_cases[] = {
	KUNIT_CASE_PARAM(buddyinfo_format_test, fmt_gen_params),
	KUNIT_CASE(buddyinfo_format_max_test),
	{}
};

static struct kunit_suite buddyinfo_fmt_suite = {
	.name = "kmemlab_buddyinfo_fmt",
	.test_cases = buddyinfo_fmt_cases,
};

kunit_test_suite(buddyinfo_fmt_suite);

MODULE_LICENSE("GPL");
