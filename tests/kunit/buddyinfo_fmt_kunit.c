// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the /proc/buddyinfo line format.  The expected strings
 * are spelled out by hand from mm/vmstat.c's frag_show_print():
 * "Node %d, zone %8s " then "%6lu " per order, then a newline (left out
 * of the table below and checked on its own).
 */
#include <kunit/test.h>
#include <kmemlab/buddyinfo_fmt.h>
#include <kmemlab/frag_index.h>
#include <kmemlab/snapshot_delta.h>

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

/* Formatting, then parsing, gives back the counts; and the line again. */
static void buddyinfo_round_trip_test(struct kunit *test)
{
	const struct fmt_case *c = test->param_value;
	char buf[KMEMLAB_BUDDYINFO_LINE_MAX], again[KMEMLAB_BUDDYINFO_LINE_MAX];
	struct kmemlab_zone_counts zc;
	char name[16];
	unsigned int order;

	kmemlab_buddyinfo_format(buf, sizeof(buf), &c->zc);
	KUNIT_ASSERT_EQ(test, kmemlab_buddyinfo_parse(buf, &zc, name,
						      sizeof(name)), 0);
	KUNIT_EXPECT_EQ(test, zc.nid, c->zc.nid);
	KUNIT_EXPECT_STREQ(test, zc.zone, c->zc.zone);
	KUNIT_ASSERT_EQ(test, zc.nr_orders, c->zc.nr_orders);
	for (order = 0; order < zc.nr_orders; order++)
		KUNIT_EXPECT_EQ(test, zc.nr_free[order], c->zc.nr_free[order]);
	kmemlab_buddyinfo_format(again, sizeof(again), &zc);
	KUNIT_EXPECT_STREQ(test, again, buf);
}

/*
 * KMEMLAB_ZONE_PREFIX against mm/vmstat.c's bytes, spelled out by hand:
 * the zone name right-aligned in 8 columns, or as long as it is; and
 * every line kmemlab writes for a zone starts with it.
 */
struct prefix_case {
	const char *name;
	int nid;
	const char *zone;
	const char *want;
};

static const struct prefix_case prefix_cases[] = {
	{ "short name", 0, "DMA", "Node 0, zone      DMA " },
	{ "node 1", 1, "Movable", "Node 1, zone  Movable " },
	{ "8 characters", 3, "ZoneName", "Node 3, zone ZoneName " },
	{ "longer than the field", 12, "VeryLongZone", "Node 12, zone VeryLongZone " },
	{ "no node", -1, "Normal", "Node -1, zone   Normal " },
};

static void prefix_case_desc(const struct prefix_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(prefix, prefix_cases, prefix_case_desc);

static void zone_prefix_test(struct kunit *test)
{
	const struct prefix_case *c = test->param_value;
	struct kmemlab_zone_counts zc = {
		.nid = c->nid, .zone = c->zone, .nr_orders = 2, .nr_free = { 3, 1 },
	};
	struct kmemlab_zone_delta delta = { .nr_orders = 2, .blocks = { -1, 2 } };
	char buf[KMEMLAB_BUDDYINFO_LINE_MAX];
	size_t n = strlen(c->want);

	KUNIT_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), KMEMLAB_ZONE_PREFIX,
					c->nid, c->zone), (int)n);
	KUNIT_EXPECT_STREQ(test, buf, c->want);

	kmemlab_buddyinfo_format(buf, sizeof(buf), &zc);
	KUNIT_EXPECT_EQ(test, strncmp(buf, c->want, n), 0);
	kmemlab_frag_format(buf, sizeof(buf), &zc, KMEMLAB_UNUSABLE_INDEX);
	KUNIT_EXPECT_EQ(test, strncmp(buf, c->want, n), 0);
	kmemlab_frag_format(buf, sizeof(buf), &zc, KMEMLAB_EXTFRAG_INDEX);
	KUNIT_EXPECT_EQ(test, strncmp(buf, c->want, n), 0);
	kmemlab_delta_format(buf, sizeof(buf), &zc, &delta);
	KUNIT_EXPECT_EQ(test, strncmp(buf, c->want, n), 0);
}

struct parse_case {
	const char *name;
	const char *line;
	int ret;
	int nid;
	unsigned int nr_orders;
	unsigned long last;	/* the last count */
};

static const struct parse_case parse_cases[] = {
	{ "no newline", "Node 0, zone      DMA      1      2 ", 0, 0, 2, 2 },
	{ "no trailing blank", "Node 3, zone Normal 7\n", 0, 3, 1, 7 },
	{ "negative node", "Node -1, zone Normal 7 ", 0, -1, 1, 7 },
	{ "no counts", "Node 0, zone Normal ", 0, 0, 0, 0 },
	{ "empty", "", -EINVAL },
	{ "not Node", "node 0, zone Normal 1", -EINVAL },
	{ "no comma", "Node 0 zone Normal 1", -EINVAL },
	{ "no node id", "Node , zone Normal 1", -EINVAL },
	{ "no zone name", "Node 0, zone ", -EINVAL },
	{ "name too long", "Node 0, zone ZoneNameLongerThan16 1", -EINVAL },
	{ "letter in a count", "Node 0, zone Normal 12x ", -EINVAL },
	{ "negative count", "Node 0, zone Normal -1 ", -EINVAL },
	{ "count too big", "Node 0, zone Normal 18446744073709551616 ", -ERANGE },
	{ "node id too big", "Node 2147483648, zone Normal 1 ", -ERANGE },
	{ "two lines", "Node 0, zone Normal 1\nNode 0, zone DMA 1\n", -EINVAL },
	{
		"33 counts",
		"Node 0, zone Normal 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
		-EINVAL,
	},
};

static void parse_case_desc(const struct parse_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(parse, parse_cases, parse_case_desc);

static void buddyinfo_parse_test(struct kunit *test)
{
	const struct parse_case *c = test->param_value;
	struct kmemlab_zone_counts zc;
	char name[16];

	KUNIT_ASSERT_EQ(test, kmemlab_buddyinfo_parse(c->line, &zc, name,
						      sizeof(name)), c->ret);
	if (c->ret)
		return;
	KUNIT_EXPECT_EQ(test, zc.nid, c->nid);
	KUNIT_ASSERT_EQ(test, zc.nr_orders, c->nr_orders);
	if (zc.nr_orders)
		KUNIT_EXPECT_EQ(test, zc.nr_free[zc.nr_orders - 1], c->last);
}

static struct kunit_case buddyinfo_fmt_cases[] = {
	KUNIT_CASE_PARAM(buddyinfo_format_test, fmt_gen_params),
	KUNIT_CASE(buddyinfo_format_max_test),
	KUNIT_CASE_PARAM(buddyinfo_round_trip_test, fmt_gen_params),
	KUNIT_CASE_PARAM(buddyinfo_parse_test, parse_gen_params),
	KUNIT_CASE_PARAM(zone_prefix_test, prefix_gen_params),
	{}
};

static struct kunit_suite buddyinfo_fmt_suite = {
	.name = "kmemlab_buddyinfo_fmt",
	.test_cases = buddyinfo_fmt_cases,
};

kunit_test_suite(buddyinfo_fmt_suite);

MODULE_LICENSE("GPL");
