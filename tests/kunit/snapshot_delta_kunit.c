// SPDX-License-Identifier: GPL-2.0
/* KUnit cases for the snapshot file's per-order change and its line. */
#include <kunit/test.h>
#include <kmemlab/snapshot_delta.h>

struct delta_case {
	const char *name;
	struct kmemlab_zone_counts then, now;
	int ret;
	long blocks[3];
	long pages;
	const char *line;
};

static const struct delta_case delta_cases[] = {
	{
		"no change",
		{ 0, "Normal", 3, { 10, 5, 2 } }, { 0, "Normal", 3, { 10, 5, 2 } },
		0, { 0, 0, 0 }, 0,
		"Node 0, zone   Normal     +0     +0     +0 pages +0\n",
	},
	{
		/* An order-1 block split for an order-0 allocation. */
		"a split",
		{ 0, "Normal", 3, { 10, 5, 2 } }, { 0, "Normal", 3, { 10, 4, 2 } },
		0, { 0, -1, 0 }, -2,
		"Node 0, zone   Normal     +0     -1     +0 pages -2\n",
	},
	{
		"gains and losses",
		{ 1, "Movable", 3, { 0, 7, 100 } }, { 1, "Movable", 3, { 12, 0, 101 } },
		0, { 12, -7, 1 }, 12 - 14 + 4,
		"Node 1, zone  Movable    +12     -7     +1 pages +2\n",
	},
	{
		"another node's zone",
		{ 0, "Normal", 3, { 1, 1, 1 } }, { 1, "Normal", 3, { 1, 1, 1 } },
		-EINVAL, { 0 }, 0, NULL,
	},
	{
		"a different number of orders",
		{ 0, "Normal", 2, { 1, 1 } }, { 0, "Normal", 3, { 1, 1, 1 } },
		-EINVAL, { 0 }, 0, NULL,
	},
};

static void delta_case_desc(const struct delta_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(delta, delta_cases, delta_case_desc);

static void snapshot_delta_test(struct kunit *test)
{
	const struct delta_case *c = test->param_value;
	struct kmemlab_zone_delta delta;
	unsigned int order;

	KUNIT_ASSERT_EQ(test, kmemlab_snapshot_delta(&c->then, &c->now, &delta),
			c->ret);
	if (c->ret)
		return;
	KUNIT_EXPECT_EQ(test, delta.nr_orders, c->now.nr_orders);
	for (order = 0; order < delta.nr_orders; order++)
		KUNIT_EXPECT_EQ_MSG(test, delta.blocks[order], c->blocks[order],
				    "order %u", order);
	KUNIT_EXPECT_EQ(test, delta.pages, c->pages);
}

static void delta_format_test(struct kunit *test)
{
	const struct delta_case *c = test->param_value;
	struct kmemlab_zone_delta delta;
	char buf[KMEMLAB_DELTA_LINE_MAX];
	int len;

	if (c->ret)
		return;
	kmemlab_snapshot_delta(&c->then, &c->now, &delta);
	len = kmemlab_delta_format(buf, sizeof(buf), &c->now, &delta);
	KUNIT_EXPECT_STREQ(test, buf, c->line);
	KUNIT_EXPECT_EQ(test, len, (int)strlen(c->line));
}

/* Counts are unsigned: a drop below the baseline is still negative. */
static void delta_wrap_test(struct kunit *test)
{
	struct kmemlab_zone_counts then = { 0, "DMA", 1, { 0 } };
	struct kmemlab_zone_counts now = { 0, "DMA", 1, { ULONG_MAX } };
	struct kmemlab_zone_delta delta;

	KUNIT_ASSERT_EQ(test, kmemlab_snapshot_delta(&now, &then, &delta), 0);
	KUNIT_EXPECT_EQ(test, delta.blocks[0], 1L);
	KUNIT_ASSERT_EQ(test, kmemlab_snapshot_delta(&then, &now, &delta), 0);
	KUNIT_EXPECT_EQ(test, delta.blocks[0], -1L);
}

static struct kunit_case snapshot_delta_cases[] = {
	KUNIT_CASE_PARAM(snapshot_delta_test, delta_gen_params),
	KUNIT_CASE_PARAM(delta_format_test, delta_gen_params),
	KUNIT_CASE(delta_wrap_test),
	{}
};

static struct kunit_suite snapshot_delta_suite = {
	.name = "kmemlab_snapshot_delta",
	.test_cases = snapshot_delta_cases,
};

kunit_test_suite(snapshot_delta_suite);

MODULE_LICENSE("GPL");
