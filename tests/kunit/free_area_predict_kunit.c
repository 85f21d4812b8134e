// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the split and merge predictions.  The expected counts
 * are the buddy algorithm done by hand: taking order 0 from an order-3
 * block leaves one free block each of orders 2, 1 and 0.
 */
#include <kunit/test.h>
#include <kmemlab/free_area_predict.h>

#define N	5

static void expect_counts(struct kunit *test, const unsigned long *got,
			  const unsigned long *want)
{
	unsigned int order;

	for (order = 0; order < N; order++)
		KUNIT_EXPECT_EQ_MSG(test, got[order], want[order],
				    "order %u", order);
}

struct split_case {
	const char *name;
	unsigned long before[N];
	unsigned long type_orders;	/* orders with a block of the type */
	unsigned int order;
	int from;			/* the smallest such order, or -1 */
	int ret;
	unsigned long after[N];
};

static const struct split_case split_cases[] = {
	{ "order 0 from order 3", { 3, 0, 0, 1, 2 }, 0x18, 0, 3, 0, { 4, 1, 1, 0, 2 } },
	{ "exact fit, no split", { 3, 1, 1, 1, 2 }, 0x1f, 2, 2, 0, { 3, 1, 0, 1, 2 } },
	{ "from the largest order", { 0, 0, 0, 0, 1 }, 0x10, 1, 4, 0, { 0, 1, 1, 1, 0 } },
	/* Free blocks, but none of the wanted type: a fallback. */
	{ "no block of the type", { 5, 5, 5, 5, 5 }, 0x03, 2, -1, -EINVAL, { 0 } },
	{ "order past the last", { 1, 1, 1, 1, 1 }, 0x1f, N, -1, -EINVAL, { 0 } },
};

static void split_case_desc(const struct split_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(split, split_cases, split_case_desc);

static void predict_split_test(struct kunit *test)
{
	const struct split_case *c = test->param_value;
	unsigned long after[N];
	int from, ret;

	from = kmemlab_smallest_order(c->type_orders, c->order, N);
	KUNIT_ASSERT_EQ(test, from, c->from);
	ret = kmemlab_predict_split(c->before, N, c->order,
				    from < 0 ? 0 : from, after);
	KUNIT_ASSERT_EQ(test, ret, c->ret);
	if (!ret)
		expect_counts(test, after, c->after);
}

struct merge_case {
	const char *name;
	unsigned long before[N];
	unsigned int order;
	unsigned int merges;
	int ret;
	unsigned long after[N];
};

static const struct merge_case merge_cases[] = {
	{ "no merge", { 1, 1, 1, 0, 0 }, 1, 0, 0, { 1, 2, 1, 0, 0 } },
	{ "two merges", { 1, 1, 1, 0, 0 }, 0, 2, 0, { 0, 0, 2, 0, 0 } },
	{ "up to the largest order", { 0, 1, 1, 1, 0 }, 1, 3, 0, { 0, 0, 0, 0, 1 } },
	{ "at the largest order", { 0, 0, 0, 0, 7 }, 4, 0, 0, { 0, 0, 0, 0, 8 } },
	{ "past the largest order", { 0, 1, 1, 1, 1 }, 1, 4, -EINVAL, { 0 } },
	{ "a buddy that is not free", { 1, 0, 1, 0, 0 }, 0, 2, -EINVAL, { 0 } },
};

static void merge_case_desc(const struct merge_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(merge, merge_cases, merge_case_desc);

static void predict_merge_test(struct kunit *test)
{
	const struct merge_case *c = test->param_value;
	unsigned long after[N];
	int ret;

	ret = kmemlab_predict_merge(c->before, N, c->order, c->merges, after);
	KUNIT_ASSERT_EQ(test, ret, c->ret);
	if (!ret)
		expect_counts(test, after, c->after);
}

/* Freeing what a split took merges it back: the counts are restored. */
static void split_then_merge_test(struct kunit *test)
{
	const struct split_case *c = test->param_value;
	unsigned long after[N], restored[N];

	if (c->ret)
		return;
	KUNIT_ASSERT_EQ(test, kmemlab_predict_split(c->before, N, c->order,
						    c->from, after), 0);
	KUNIT_ASSERT_EQ(test, kmemlab_predict_merge(after, N, c->order,
						    c->from - c->order,
						    restored), 0);
	expect_counts(test, restored, c->before);
}

struct orders_case {
	unsigned long orders;
	unsigned int order;
	int smallest;
	int largest;
};

static const struct orders_case orders_cases[] = {
	{ 0x14, 0, 2, 4 },
	{ 0x14, 3, 4, 4 },
	{ 0x14, 5, -1, -1 },
	{ 0x00, 0, -1, -1 },
	{ 0x1f, 4, 4, 4 },
};

static void orders_case_desc(const struct orders_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "orders %#lx from %u",
		 c->orders, c->order);
}

KUNIT_ARRAY_PARAM(orders, orders_cases, orders_case_desc);

static void smallest_largest_test(struct kunit *test)
{
	const struct orders_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_smallest_order(c->orders, c->order, N),
			c->smallest);
	KUNIT_EXPECT_EQ(test, kmemlab_largest_order(c->orders, c->order, N),
			c->largest);
}

static void nonempty_orders_test(struct kunit *test)
{
	static const unsigned long counts[N] = { 0, 3, 0, 0, 1 };

	KUNIT_EXPECT_EQ(test, kmemlab_nonempty_orders(counts, N), 0x12UL);
}

static struct kunit_case free_area_predict_cases[] = {
	KUNIT_CASE_PARAM(predict_split_test, split_gen_params),
	KUNIT_CASE_PARAM(predict_merge_test, merge_gen_params),
	KUNIT_CASE_PARAM(split_then_merge_test, split_gen_params),
	KUNIT_CASE_PARAM(smallest_largest_test, orders_gen_params),
	KUNIT_CASE(nonempty_orders_test),
	{}
};

static struct kunit_suite free_area_predict_suite = {
	.name = "kmemlab_free_area_predict",
	.test_cases = free_area_predict_cases,
};

kunit_test_suite(free_area_predict_suite);

MODULE_LICENSE("GPL");
