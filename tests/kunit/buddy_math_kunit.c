// SPDX-License-Identifier: GPL-2.0
/* KUnit cases for include/kmemlab/buddy_math.h. */
#include <kunit/test.h>
#include <kmemlab/buddy_math.h>

struct order_case {
	size_t size;
	unsigned int page_shift;
	unsigned int order;
};

static const struct order_case order_cases[] = {
	{ 0, 12, 0 },
	{ 1, 12, 0 },
	{ 4096, 12, 0 },
	{ 4097, 12, 1 },
	{ 8192, 12, 1 },
	{ 8193, 12, 2 },
	{ 16384, 12, 2 },
	{ 4 << 20, 12, 10 },
	{ (4 << 20) + 1, 12, 11 },
	{ 65536, 16, 0 },
	{ 65537, 16, 1 },
};

static void order_case_desc(const struct order_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "size %zu, page shift %u",
		 c->size, c->page_shift);
}

KUNIT_ARRAY_PARAM(order, order_cases, order_case_desc);

static void size_to_order_test(struct kunit *test)
{
	const struct order_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_size_to_order(c->size, c->page_shift),
			c->order);
}

struct pfn_case {
	unsigned long pfn;
	unsigned int order;
	unsigned long buddy;
	unsigned long parent;
};

static const struct pfn_case pfn_cases[] = {
	{ 0, 0, 1, 0 },
	{ 1, 0, 0, 0 },
	{ 6, 1, 4, 4 },
	{ 4, 1, 6, 4 },
	{ 32, 5, 0, 0 },
	{ 0x12340, 5, 0x12360, 0x12340 },
	{ 0x12360, 5, 0x12340, 0x12340 },
	{ 0x400, 10, 0, 0 },
	{ 0xc00, 10, 0x800, 0x800 },
};

static void pfn_case_desc(const struct pfn_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "pfn %#lx, order %u",
		 c->pfn, c->order);
}

KUNIT_ARRAY_PARAM(pfn, pfn_cases, pfn_case_desc);

static void buddy_pfn_test(struct kunit *test)
{
	const struct pfn_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_buddy_pfn(c->pfn, c->order), c->buddy);
	/* Being a buddy is symmetric. */
	KUNIT_EXPECT_EQ(test, kmemlab_buddy_pfn(c->buddy, c->order), c->pfn);
}

static void parent_pfn_test(struct kunit *test)
{
	const struct pfn_case *c = test->param_value;
	unsigned long parent = kmemlab_parent_pfn(c->pfn, c->order);

	KUNIT_EXPECT_EQ(test, parent, c->parent);
	/* A block and its buddy merge into the same parent... */
	KUNIT_EXPECT_EQ(test, kmemlab_parent_pfn(c->buddy, c->order), parent);
	/* ...which is aligned to its own size. */
	KUNIT_EXPECT_EQ(test, parent & ((2UL << c->order) - 1), 0UL);
}

static struct kunit_case buddy_math_cases[] = {
	KUNIT_CASE_PARAM(size_to_order_test, order_gen_params),
	KUNIT_CASE_PARAM(buddy_pfn_test, pfn_gen_params),
	KUNIT_CASE_PARAM(parent_pfn_test, pfn_gen_params),
	{}
};

static struct kunit_suite buddy_math_suite = {
	.name = "kmemlab_buddy_math",
	.test_cases = buddy_math_cases,
};

kunit_test_suite(buddy_math_suite);

MODULE_LICENSE("GPL");
