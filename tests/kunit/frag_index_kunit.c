// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the fragmentation indices.  Every expected value is
 * worked out by hand from mm/vmstat.c's formulas, e.g. for the counts
 * {4, 2, 1, 0}: 12 free pages in 7 blocks; for order 3 no block is big
 * enough, so unusable = 12 * 1000 / 12 = 1000 and
 * extfrag = 1000 - (1000 + 12 * 1000 / 8) / 7 = 1000 - 357 = 643.
 */
#include <kunit/test.h>
#include <kmemlab/frag_index.h>

struct frag_case {
	const char *name;
	unsigned long nr_free[4];
	unsigned int order;
	struct kmemlab_contig_info info;
	int unusable;
	int extfrag;
};

static const struct frag_case frag_cases[] = {
	{ "{4,2,1,0} order 0: all usable", { 4, 2, 1, 0 }, 0, { 12, 7, 12 }, 0, -1000 },
	{ "{4,2,1,0} order 1", { 4, 2, 1, 0 }, 1, { 12, 7, 4 }, 333, -1000 },
	{ "{4,2,1,0} order 2", { 4, 2, 1, 0 }, 2, { 12, 7, 1 }, 666, -1000 },
	{ "{4,2,1,0} order 3: would fail", { 4, 2, 1, 0 }, 3, { 12, 7, 0 }, 1000, 643 },
	{ "no free pages", { 0, 0, 0, 0 }, 2, { 0, 0, 0 }, 1000, 0 },
	{ "only order-0 pages, order 3", { 1000, 0, 0, 0 }, 3, { 1000, 1000, 0 }, 1000, 874 },
	{ "one large block, order 0", { 0, 0, 0, 1 }, 0, { 8, 1, 8 }, 0, -1000 },
	{ "one large block, order 3", { 0, 0, 0, 1 }, 3, { 8, 1, 1 }, 0, -1000 },
	/* Fewer free pages than asked, in one block: the kernel's formula
	 * goes below 0 (1000 - 1500), and the kernel prints " 0.-500".
	 */
	{ "too little memory in one block", { 0, 0, 1, 0 }, 3, { 4, 1, 0 }, 1000, -500 },
	{ "order past the last", { 4, 2, 1, 0 }, 4, { 12, 7, 0 }, 1000, 0 },
};

static void frag_case_desc(const struct frag_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(frag, frag_cases, frag_case_desc);

static void fill_contig_info_test(struct kunit *test)
{
	const struct frag_case *c = test->param_value;
	struct kmemlab_contig_info info;

	kmemlab_fill_contig_info(c->nr_free, 4, c->order, &info);
	KUNIT_EXPECT_EQ(test, info.free_pages, c->info.free_pages);
	KUNIT_EXPECT_EQ(test, info.free_blocks_total, c->info.free_blocks_total);
	KUNIT_EXPECT_EQ(test, info.free_blocks_suitable,
			c->info.free_blocks_suitable);
}

static void unusable_index_test(struct kunit *test)
{
	const struct frag_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_unusable_index(c->order, &c->info),
			c->unusable);
}

static void extfrag_index_test(struct kunit *test)
{
	const struct frag_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_extfrag_index(c->order, 4, &c->info),
			c->extfrag);
}

/* Each line ends in a blank and a newline; the newline is checked apart. */
struct line_case {
	const char *name;
	struct kmemlab_zone_counts zc;
	enum kmemlab_frag_kind kind;
	const char *line;
};

static const struct line_case line_cases[] = {
	{
		"unusable_index",
		{ 0, "Normal", 4, { 4, 2, 1, 0 } }, KMEMLAB_UNUSABLE_INDEX,
		"Node 0, zone   Normal 0.000 0.333 0.666 1.000 ",
	},
	{
		"extfrag_index",
		{ 0, "Normal", 4, { 4, 2, 1, 0 } }, KMEMLAB_EXTFRAG_INDEX,
		"Node 0, zone   Normal -1.000 -1.000 -1.000  0.643 ",
	},
	{
		"extfrag_index, empty zone",
		{ 1, "Movable", 2, { 0, 0 } }, KMEMLAB_EXTFRAG_INDEX,
		"Node 1, zone  Movable  0.000  0.000 ",
	},
	{
		"extfrag_index below 0, printed as the kernel does",
		{ 0, "DMA", 4, { 0, 0, 1, 0 } }, KMEMLAB_EXTFRAG_INDEX,
		"Node 0, zone      DMA -1.000 -1.000 -1.000  0.-500 ",
	},
};

static void line_case_desc(const struct line_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(line, line_cases, line_case_desc);

static void frag_format_test(struct kunit *test)
{
	const struct line_case *c = test->param_value;
	char buf[KMEMLAB_FRAG_LINE_MAX];
	int len;

	len = kmemlab_frag_format(buf, sizeof(buf), &c->zc, c->kind);
	KUNIT_ASSERT_EQ(test, len, (int)strlen(c->line) + 1);
	KUNIT_EXPECT_EQ(test, buf[len - 1], '\n');
	buf[len - 1] = '\0';
	KUNIT_EXPECT_STREQ(test, buf, c->line);
}

/* The worst case fits the buffer size the header promises. */
static void frag_format_max_test(struct kunit *test)
{
	struct kmemlab_zone_counts zc = {
		.nid = INT_MIN, .zone = "Movable", .nr_orders = KMEMLAB_MAX_ORDERS,
	};
	char buf[KMEMLAB_FRAG_LINE_MAX];
	int len;

	zc.nr_free[0] = 1;
	len = kmemlab_frag_format(buf, sizeof(buf), &zc, KMEMLAB_EXTFRAG_INDEX);
	KUNIT_EXPECT_LT(test, len, (int)sizeof(buf) - 1);
	KUNIT_EXPECT_EQ(test, buf[len - 1], '\n');
}

static struct kunit_case frag_index_cases[] = {
	KUNIT_CASE_PARAM(fill_contig_info_test, frag_gen_params),
	KUNIT_CASE_PARAM(unusable_index_test, frag_gen_params),
	KUNIT_CASE_PARAM(extfrag_index_test, frag_gen_params),
	KUNIT_CASE_PARAM(frag_format_test, line_gen_params),
	KUNIT_CASE(frag_format_max_test),
	{}
};

static struct kunit_suite frag_index_suite = {
	.name = "kmemlab_frag_index",
	.test_cases = frag_index_cases,
};

kunit_test_suite(frag_index_suite);

MODULE_LICENSE("GPL");
