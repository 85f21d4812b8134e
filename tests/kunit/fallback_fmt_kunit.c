// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for buddy_probe's fallbacks table: every cell of a table
 * maps back to its key, out-of-range fields have no cell, and the rows
 * line up under the header.  The line a kernel without the tracepoint
 * shows is checked too: no VM lane lacks it.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <kmemlab/fallback_fmt.h>
#include "split_fields.h"

#define ORDERS	11
#define TYPES	6

/* Each cell is one key's, and each key has one cell. */
static void cells_round_trip_test(struct kunit *test)
{
	size_t cell, cells = kmemlab_fallback_cells(ORDERS, TYPES);
	struct kmemlab_fallback_key key;

	KUNIT_ASSERT_EQ(test, cells, (size_t)ORDERS * ORDERS * TYPES * TYPES * 2);
	for (cell = 0; cell < cells; cell++) {
		kmemlab_fallback_key_of(cell, ORDERS, TYPES, &key);
		KUNIT_ASSERT_EQ(test, kmemlab_fallback_cell(&key, ORDERS, TYPES),
				(long)cell);
	}
}

static void cell_fields_test(struct kunit *test)
{
	struct kmemlab_fallback_key key = { 3, 10, 1, 0, true };
	struct kmemlab_fallback_key back;
	long cell = kmemlab_fallback_cell(&key, ORDERS, TYPES);

	KUNIT_ASSERT_GE(test, cell, 0L);
	kmemlab_fallback_key_of(cell, ORDERS, TYPES, &back);
	KUNIT_EXPECT_EQ(test, back.alloc_order, 3);
	KUNIT_EXPECT_EQ(test, back.fallback_order, 10);
	KUNIT_EXPECT_EQ(test, back.from, 1);
	KUNIT_EXPECT_EQ(test, back.to, 0);
	KUNIT_EXPECT_TRUE(test, back.change_ownership);
}

static const struct kmemlab_fallback_key bad_keys[] = {
	{ -1, 0, 0, 0, false },
	{ ORDERS, 0, 0, 0, false },
	{ 0, -1, 0, 0, false },
	{ 0, ORDERS, 0, 0, false },
	{ 0, 0, -1, 0, false },
	{ 0, 0, TYPES, 0, false },
	{ 0, 0, 0, -1, false },
	{ 0, 0, 0, TYPES, true },
};

static void bad_key_desc(const struct kmemlab_fallback_key *k, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%d %d %d %d", k->alloc_order,
		 k->fallback_order, k->from, k->to);
}

KUNIT_ARRAY_PARAM(bad_key, bad_keys, bad_key_desc);

static void out_of_range_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, kmemlab_fallback_cell(test->param_value, ORDERS,
						    TYPES), -1L);
}

/* A row's fields are the key, the names and the count, in the header's order. */
static void row_test(struct kunit *test)
{
	static const char * const want[] = {
		"0", "10", "Movable", "Unmovable", "1", "18446744073709551615",
	};
	struct kmemlab_fallback_key key = { 0, 10, 1, 0, true };
	char buf[KMEMLAB_FALLBACK_ROW_MAX], header[] = KMEMLAB_FALLBACK_HEADER;
	char *f[6], *h[6];
	int len;

	len = kmemlab_fallback_row(buf, sizeof(buf), &key, "Movable",
				   "Unmovable", ULONG_MAX);
	/* Wider than the header: 20 digits in a column of 10. */
	KUNIT_EXPECT_EQ(test, len, (int)strlen(KMEMLAB_FALLBACK_HEADER) + 10);
	expect_fields(test, buf, len, sizeof(buf), want, f, ARRAY_SIZE(want));
	KUNIT_EXPECT_EQ(test, split_fields(header, h, ARRAY_SIZE(h)), 6U);
	KUNIT_EXPECT_STREQ(test, h[0], "alloc_order");
	KUNIT_EXPECT_STREQ(test, h[5], "count");
}

/* The longest names pagetypeinfo has still line up. */
static void row_widths_test(struct kunit *test)
{
	struct kmemlab_fallback_key key = { 10, 10, 2, 3, false };
	char buf[KMEMLAB_FALLBACK_ROW_MAX];

	KUNIT_EXPECT_EQ(test, kmemlab_fallback_row(buf, sizeof(buf), &key,
						   "Reclaimable", "HighAtomic", 0),
			(int)strlen(KMEMLAB_FALLBACK_HEADER));
}

/* Lines emitted, one after the other, in a buffer. */
struct emitted {
	char text[512];
	unsigned int lines;
};

static void emit(void *out, const char *line)
{
	struct emitted *e = out;

	strlcat(e->text, line, sizeof(e->text));
	e->lines++;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static unsigned long count_of(const void *ctx, size_t cell)
{
	return ((const unsigned long *)ctx)[cell];
}

static const char *type_name(unsigned int type)
{
	static const char * const names[] = { "Unmovable", "Movable" };

	return type < ARRAY_SIZE(names) ? names[type] : "?";
}

/* A table of 2 orders and 2 types: 2 * 2 * 2 * 2 * 2 = 32 cells. */
static void show_test(struct kunit *test)
{
	unsigned long counts[32] = { 0 };
	struct kmemlab_fallback_key k1 = { 0, 1, 1, 0, true };
	struct kmemlab_fallback_key k2 = { 1, 1, 0, 1, false };
	struct kmemlab_fallback_table t = {
		.found = true, .nr_orders = 2, .nr_types = 2,
		.unclassified = 2, .count = count_of, .type_name = type_name,
		.ctx = counts,
	};
	struct emitted e = { "", 0 };
	char row1[KMEMLAB_FALLBACK_ROW_MAX], row2[KMEMLAB_FALLBACK_ROW_MAX];

	counts[kmemlab_fallback_cell(&k1, 2, 2)] = 5;
	counts[kmemlab_fallback_cell(&k2, 2, 2)] = 7;
	kmemlab_fallback_row(row1, sizeof(row1), &k1, "Movable", "Unmovable", 5);
	kmemlab_fallback_row(row2, sizeof(row2), &k2, "Unmovable", "Movable", 7);
	KUNIT_EXPECT_EQ(test, kmemlab_fallback_show(&t, emit, &e), 14UL);
	KUNIT_EXPECT_EQ(test, e.lines, 5U);
	KUNIT_EXPECT_TRUE(test, strstarts(e.text, KMEMLAB_FALLBACK_HEADER));
	KUNIT_EXPECT_NOT_NULL(test, strstr(e.text, row1));
	KUNIT_EXPECT_NOT_NULL(test, strstr(e.text, row2));
	/* Cells in order: the order-0 allocation's row first. */
	KUNIT_EXPECT_LT(test, strstr(e.text, row1) - e.text,
			strstr(e.text, row2) - e.text);
	KUNIT_EXPECT_TRUE(test, ends_with(e.text, "unclassified 2\ntotal 14\n"));
}

/* Nothing counted: the header and "total 0". */
static void show_empty_test(struct kunit *test)
{
	unsigned long counts[32] = { 0 };
	struct kmemlab_fallback_table t = {
		.found = true, .nr_orders = 2, .nr_types = 2,
		.count = count_of, .type_name = type_name, .ctx = counts,
	};
	struct emitted e = { "", 0 };

	KUNIT_EXPECT_EQ(test, kmemlab_fallback_show(&t, emit, &e), 0UL);
	KUNIT_EXPECT_STREQ(test, e.text, KMEMLAB_FALLBACK_HEADER "total 0\n");
}

/*
 * A kernel without the tracepoint (none of the VM lanes is one): one
 * line that says so, no header, no total, and the table is not read.
 */
static void show_missing_test(struct kunit *test)
{
	struct kmemlab_fallback_table t = {
		.found = false, .nr_orders = 2, .nr_types = 2,
		.count = NULL, .type_name = NULL,
	};
	struct emitted e = { "", 0 };

	KUNIT_EXPECT_EQ(test, kmemlab_fallback_show(&t, emit, &e), 0UL);
	KUNIT_EXPECT_EQ(test, e.lines, 1U);
	KUNIT_EXPECT_STREQ(test, e.text, KMEMLAB_FALLBACK_MISSING);
	KUNIT_EXPECT_NOT_NULL(test, strstr(e.text, "mm_page_alloc_extfrag"));
}

static struct kunit_case fallback_fmt_cases[] = {
	KUNIT_CASE(cells_round_trip_test),
	KUNIT_CASE(cell_fields_test),
	KUNIT_CASE_PARAM(out_of_range_test, bad_key_gen_params),
	KUNIT_CASE(row_test),
	KUNIT_CASE(row_widths_test),
	KUNIT_CASE(show_test),
	KUNIT_CASE(show_empty_test),
	KUNIT_CASE(show_missing_test),
	{}
};

static struct kunit_suite fallback_fmt_suite = {
	.name = "kmemlab_fallback_fmt",
	.test_cases = fallback_fmt_cases,
};

kunit_test_suite(fallback_fmt_suite);

MODULE_LICENSE("GPL");
