// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for kmalloc_demo's report: the header names the columns the
 * VM tests and the README rely on, and each row has one field per column,
 * in that order, with the waste worked out from size and ksize.
 */
#include <kunit/test.h>
#include <kmemlab/kmalloc_row.h>
#include "split_fields.h"

#define NR_COLS 16

static void kmalloc_header_test(struct kunit *test)
{
	static const char * const cols[NR_COLS] = {
		"size", "ksize", "cache", "order", "waste", "virt", "phys", "pfn",
		"offset", "node", "zone", "crosses", "contig", "alloc_ns", "free_ns",
		"kfence",
	};
	char line[KMEMLAB_KMALLOC_ROW_MAX], *f[NR_COLS];
	int len;

	len = kmemlab_kmalloc_header(line, sizeof(line));
	expect_fields(test, line, len, sizeof(line), cols, f, NR_COLS);
}

struct row_case {
	const char *name;
	struct kmemlab_kmalloc_row row;
	/*
	 * NULL: not checked (a hashed pointer).  A raw one is as %px prints
	 * it (lib/vsprintf.c's pointer_string()): no 0x, 16 hex digits.
	 */
	const char *want[NR_COLS];
};

static const struct row_case row_cases[] = {
	{
		"kmalloc(17), raw address",
		{ 17, 32, "kmalloc-32", 0, (void *)0xffff888001234560UL, true,
		  0x1234560, 0x1234, 0x560, 0, "DMA32", false, true, 120, 80, false },
		{ "17", "32", "kmalloc-32", "0", "15", "ffff888001234560",
		  "0x1234560", "4660", "1376", "0", "DMA32", "no", "yes", "120", "80",
		  "no" },
	},
	{
		"kmalloc(8193), page allocator, hashed address",
		{ 8193, 16384, "page-allocator", 2, (void *)0xffff888002840000UL, false,
		  0x2840000, 0x2840, 0, 1, "Normal", true, true, 80221, 4837, false },
		{ "8193", "16384", "page-allocator", "2", "8191", NULL,
		  "0x2840000", "10304", "0", "1", "Normal", "yes", "yes", "80221", "4837",
		  "no" },
	},
	{
		"kmalloc(17) from KFENCE: ksize is the size asked, no waste",
		{ 17, 17, "kmalloc-rnd-??-32", 0, (void *)0xffff88807fa00fe0UL, true,
		  0x7fa00fe0, 0x7fa00, 0xfe0, 0, "DMA32", false, true, 900, 700, true },
		{ "17", "17", "kmalloc-rnd-??-32", "0", "0", "ffff88807fa00fe0",
		  "0x7fa00fe0", "522752", "4064", "0", "DMA32", "no", "yes", "900", "700",
		  "yes" },
	},
	{
		"widest values still give one field each",
		{ 4194304, 4194304, "dma-kmalloc-192", 10, (void *)ULONG_MAX, true,
		  U64_MAX, ULONG_MAX, 4095, 1023, "Movable", true, false, U64_MAX, U64_MAX,
		  true },
		{ "4194304", "4194304", "dma-kmalloc-192", "10", "0", "ffffffffffffffff",
		  "0xffffffffffffffff", "18446744073709551615", "4095", "1023", "Movable",
		  "yes", "no", "18446744073709551615", "18446744073709551615", "yes" },
	},
};

static void row_case_desc(const struct row_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(row, row_cases, row_case_desc);

static void kmalloc_row_test(struct kunit *test)
{
	const struct row_case *c = test->param_value;
	char line[KMEMLAB_KMALLOC_ROW_MAX], *f[NR_COLS];
	int len;

	len = kmemlab_kmalloc_row(line, sizeof(line), &c->row);
	expect_fields(test, line, len, sizeof(line), c->want, f, NR_COLS);
	/* A hashed pointer never shows the raw value. */
	if (!c->row.show_addrs)
		KUNIT_EXPECT_NULL(test, strstr(f[5], "ffff888002840000"));
}

static struct kunit_case kmalloc_row_test_cases[] = {
	KUNIT_CASE(kmalloc_header_test),
	KUNIT_CASE_PARAM(kmalloc_row_test, row_gen_params),
	{}
};

static struct kunit_suite kmalloc_row_suite = {
	.name = "kmemlab_kmalloc_row",
	.test_cases = kmalloc_row_test_cases,
};

kunit_test_suite(kmalloc_row_suite);

MODULE_LICENSE("GPL");
