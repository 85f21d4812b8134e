// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the pageblock helpers, worked out by hand from
 * include/linux/pageblock-flags.h and mm/page_alloc.c's pfn_to_bitidx()
 * and get_pfnblock_migratetype() of two layouts: 6.1 and 6.12 (three
 * migrate type bits and the skip bit, NR_PAGEBLOCK_BITS 4,
 * MIGRATE_ISOLATE a value), and 7.x with CONFIG_MEMORY_ISOLATION
 * (PB_migrate_0..2, PB_compact_skip, PB_migrate_isolate: five bits,
 * rounded up to 8); and for the lines of pagetypeinfo's "Number of blocks
 * type" section (mm/vmstat.c) and of pageblock_map.
 */
#include <kunit/test.h>
#include <kmemlab/pageblock.h>
#include <kmemlab/pageblock_fmt.h>

/* 6.1 with CMA and isolation: types 0-3, CMA 4, Isolate 5. */
static const struct kmemlab_pb_layout layout_61 = {
	.block_order = 9, .bits_per_block = 4, .migrate_mask = 0x7,
};

/* 7.x with CMA and isolation: Isolate (5) is bit 4 of its own. */
static const struct kmemlab_pb_layout layout_7x = {
	.block_order = 9, .bits_per_block = 8, .migrate_mask = 0x7,
	.isolate_mask = 0x10, .isolate_type = 5,
};

struct locate_case {
	const char *name;
	const struct kmemlab_pb_layout *l;
	unsigned long offset;	/* pfn & (PAGES_PER_SECTION - 1) */
	unsigned long word;
	unsigned int shift;
};

/*
 * A 128 MiB section of 4 KiB pages holds 64 blocks of 512 pages: with 4
 * bits a block, 16 blocks a 64-bit word; with 8 bits, 8.
 */
static const struct locate_case locate_cases[] = {
	{ "6.1: the section's first block", &layout_61, 0, 0, 0 },
	{ "6.1: a pfn inside block 0", &layout_61, 511, 0, 0 },
	{ "6.1: block 1", &layout_61, 512, 0, 4 },
	{ "6.1: block 15, the word's last", &layout_61, 15 * 512 + 7, 0, 60 },
	{ "6.1: block 16 starts word 1", &layout_61, 16 * 512, 1, 0 },
	{ "6.1: block 63, the section's last", &layout_61, 32767, 3, 60 },
	{ "7.x: block 1", &layout_7x, 512, 0, 8 },
	{ "7.x: block 7, the word's last", &layout_7x, 7 * 512, 0, 56 },
	{ "7.x: block 8 starts word 1", &layout_7x, 8 * 512, 1, 0 },
	{ "7.x: block 63", &layout_7x, 32767, 7, 56 },
	{ "order 10 blocks, 4 bits: block 17", &(const struct kmemlab_pb_layout){
		.block_order = 10, .bits_per_block = 4, .migrate_mask = 0x7 },
	  17 * 1024 + 1023, 1, 4 },
};

static void locate_case_desc(const struct locate_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(locate, locate_cases, locate_case_desc);

static void pb_locate_test(struct kunit *test)
{
	const struct locate_case *c = test->param_value;
	struct kmemlab_pb_pos pos;

	if (BITS_PER_LONG != 64)
		kunit_skip(test, "the cases are for 64-bit words");
	pos = kmemlab_pb_locate(c->l, c->offset);
	KUNIT_EXPECT_EQ(test, pos.word, c->word);
	KUNIT_EXPECT_EQ(test, pos.shift, c->shift);
}

struct type_case {
	const char *name;
	const struct kmemlab_pb_layout *l;
	unsigned long word;
	unsigned int shift;
	unsigned int type;
};

static const struct type_case type_cases[] = {
	{ "6.1: Unmovable", &layout_61, 0x0, 0, 0 },
	{ "6.1: Movable, skip bit set", &layout_61, 0x9, 0, 1 },
	{ "6.1: Reclaimable in block 1", &layout_61, 0x21, 4, 2 },
	{ "6.1: the neighbours' bits do not leak in", &layout_61, 0xf1f, 4, 1 },
	{ "6.1: Isolate is the value 5", &layout_61, 0x5UL << 60, 60, 5 },
	{ "6.1: a value above the types comes back as it is", &layout_61, 0x7, 0, 7 },
	{ "7.x: Movable", &layout_7x, 0x01, 0, 1 },
	{ "7.x: skip bit set, Reclaimable", &layout_7x, 0x0a, 0, 2 },
	{ "7.x: isolated Movable is Isolate", &layout_7x, 0x11, 0, 5 },
	{ "7.x: isolated, skip bit too", &layout_7x, 0x1c00, 8, 5 },
	{ "7.x: block 1's isolation leaves block 0 alone", &layout_7x, 0x1003, 0, 3 },
	{ "7.x: the word's last block", &layout_7x, 0x14UL << 56, 56, 5 },
	{ "7.x without isolation: bit 4 is not looked at",
	  &(const struct kmemlab_pb_layout){ .block_order = 9, .bits_per_block = 4,
					     .migrate_mask = 0x7 },
	  0x12, 0, 2 },
};

static void type_case_desc(const struct type_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(type, type_cases, type_case_desc);

static void pb_migratetype_test(struct kunit *test)
{
	const struct type_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_pb_migratetype(c->l, c->word, c->shift),
			c->type);
}

struct steps_case {
	const char *name;
	unsigned long start, end;
	unsigned int order;
	unsigned long steps;
	unsigned long step;	/* a step to look at: its pfn's block span */
	unsigned long first, pages;
};

/*
 * pagetypeinfo_showblockcount_print() steps pfn = start, start + 512...
 * while pfn < end.  x86's DMA zone starts at pfn 1: its first block is
 * 1..511, and its steps (1, 513...) fall one into each block after.
 */
static const struct steps_case steps_cases[] = {
	{ "x86 DMA: pfns 1 to 4095", 1, 4096, 9, 8, 0, 1, 511 },
	{ "x86 DMA: its last block", 1, 4096, 9, 8, 7, 3584, 512 },
	{ "aligned zone", 4096, 262144, 9, 504, 0, 4096, 512 },
	{ "a zone that ends inside a block", 4096, 4096 + 700, 9, 2, 1, 4608, 188 },
	{ "one page", 7, 8, 9, 1, 0, 7, 1 },
	{ "empty", 10, 10, 9, 0, 0, 0, 0 },
	{ "order 10 blocks", 0, 1 << 20, 10, 1024, 1023, (1 << 20) - 1024, 1024 },
	/* The kernel's walk never reaches pfn 4096 here: one step too few. */
	{ "start and end inside blocks", 1, 4097, 9, 8, 7, 3584, 512 },
};

static void steps_case_desc(const struct steps_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(steps, steps_cases, steps_case_desc);

static void pb_steps_test(struct kunit *test)
{
	const struct steps_case *c = test->param_value;
	unsigned long first = 12345, pages, pfn;

	KUNIT_EXPECT_EQ(test, kmemlab_pb_steps(c->start, c->end, c->order),
			c->steps);
	if (!c->steps)
		return;
	pfn = c->start + (c->step << c->order);
	pages = kmemlab_pb_span(pfn, c->start, c->end, c->order, &first);
	KUNIT_EXPECT_EQ(test, first, c->first);
	KUNIT_EXPECT_EQ(test, pages, c->pages);
}

/*
 * A line without its newline, which must end it: the lines of
 * pagetypeinfo end in a blank before it.
 */
static void expect_line(struct kunit *test, char *buf, int len, const char *want)
{
	KUNIT_ASSERT_EQ(test, len, (int)strlen(want) + 1);
	KUNIT_EXPECT_EQ(test, buf[len - 1], '\n');
	buf[len - 1] = '\0';
	KUNIT_EXPECT_STREQ(test, buf, want);
}

/* Spelled out from "\n%-23s" "Number of blocks type " and "%12s " per type. */
static void blockcount_header_test(struct kunit *test)
{
	static const char *const names[] = { "Unmovable", "Movable", "Reclaimable",
					     "HighAtomic", "Isolate" };
	char buf[KMEMLAB_PB_LINE_MAX];

	expect_line(test, buf, kmemlab_blockcount_header(buf, sizeof(buf), names, 5),
		    "\nNumber of blocks type     Unmovable      Movable  Reclaimable   HighAtomic      Isolate ");
}

/* "Node %d, zone %8s " then "%12lu " per type. */
static void blockcount_line_test(struct kunit *test)
{
	static const unsigned long counts[] = { 3, 1, 0, 0, 0, 4 };
	static const unsigned long wide[] = { 123456789012UL };
	char buf[KMEMLAB_PB_LINE_MAX];

	expect_line(test, buf,
		    kmemlab_blockcount_line(buf, sizeof(buf), 0, "DMA", counts, 6),
		    "Node 0, zone      DMA            3            1            0            0            0            4 ");
	expect_line(test, buf,
		    kmemlab_blockcount_line(buf, sizeof(buf), 1, "Movable", wide, 1),
		    "Node 1, zone  Movable 123456789012 ");
}

/* The worst case fits the buffer size the header promises. */
static void blockcount_max_test(struct kunit *test)
{
	static const char *const names[KMEMLAB_PB_TYPES_MAX] = {
		"SixteenCharsLong", "SixteenCharsLong", "SixteenCharsLong",
		"SixteenCharsLong", "SixteenCharsLong", "SixteenCharsLong",
		"SixteenCharsLong", "SixteenCharsLong",
	};
	unsigned long counts[KMEMLAB_PB_TYPES_MAX];
	char buf[KMEMLAB_PB_LINE_MAX];
	unsigned int i;

	for (i = 0; i < KMEMLAB_PB_TYPES_MAX; i++)
		counts[i] = ULONG_MAX;
	KUNIT_EXPECT_LT(test, kmemlab_blockcount_header(buf, sizeof(buf), names,
							KMEMLAB_PB_TYPES_MAX),
			(int)sizeof(buf) - 1);
	KUNIT_EXPECT_LT(test, kmemlab_blockcount_line(buf, sizeof(buf), INT_MIN,
						      "SixteenCharsLong", counts,
						      KMEMLAB_PB_TYPES_MAX),
			(int)sizeof(buf) - 1);
}

/* pageblock_map: fixed widths, so that every row is as long as the next. */
static void map_row_test(struct kunit *test)
{
	const struct kmemlab_pb_row used = {
		.pfn = 1, .nid = 0, .zone = "DMA", .type = "Unmovable",
		.pages = 511, .free = 0, .largest = -1,
	};
	const struct kmemlab_pb_row free = {
		.pfn = 262144, .nid = 1, .zone = "Movable", .type = "Movable",
		.pages = 512, .free = 512, .largest = 10,
	};
	char buf[KMEMLAB_PB_LINE_MAX];

	kmemlab_pb_map_header(buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "       pfn node zone     type         pages  free largest\n");
	kmemlab_pb_map_row(buf, sizeof(buf), &used);
	KUNIT_EXPECT_STREQ(test, buf,
			   "         1    0 DMA      Unmovable      511     0       -\n");
	kmemlab_pb_map_row(buf, sizeof(buf), &free);
	KUNIT_EXPECT_STREQ(test, buf,
			   "    262144    1 Movable  Movable        512   512      10\n");
}

static struct kunit_case pageblock_cases[] = {
	KUNIT_CASE_PARAM(pb_locate_test, locate_gen_params),
	KUNIT_CASE_PARAM(pb_migratetype_test, type_gen_params),
	KUNIT_CASE_PARAM(pb_steps_test, steps_gen_params),
	KUNIT_CASE(blockcount_header_test),
	KUNIT_CASE(blockcount_line_test),
	KUNIT_CASE(blockcount_max_test),
	KUNIT_CASE(map_row_test),
	{}
};

static struct kunit_suite pageblock_suite = {
	.name = "kmemlab_pageblock",
	.test_cases = pageblock_cases,
};

kunit_test_suite(pageblock_suite);

MODULE_LICENSE("GPL");
