// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for vmalloc_demo's report and pfns files: the headers name
 * the columns the VM tests and the README rely on, and each row has one
 * field per column, in that order.
 */
#include <kunit/test.h>
#include <linux/sizes.h>
#include <kmemlab/vmalloc_row.h>
#include "split_fields.h"

#define NR_COLS 12

static void vmalloc_header_test(struct kunit *test)
{
	static const char * const cols[NR_COLS] = {
		"size", "pages", "runs", "longest", "start", "end", "inside",
		"alloc_ns", "free_ns", "kmalloc", "kpfn", "kruns",
	};
	char line[KMEMLAB_VMALLOC_ROW_MAX], *f[NR_COLS];
	int len;

	len = kmemlab_vmalloc_header(line, sizeof(line));
	expect_fields(test, line, len, sizeof(line), cols, f, NR_COLS);
}

struct row_case {
	const char *name;
	struct kmemlab_vmalloc_row row;
	/*
	 * NULL: not checked (a hashed pointer).  A raw one is as %px prints
	 * it (lib/vsprintf.c's pointer_string()): no 0x, 16 hex digits.
	 */
	const char *want[NR_COLS];
};

static const struct row_case row_cases[] = {
	{
		"1 MiB, kmalloc twin succeeds, raw addresses",
		{ SZ_1M, 256, 122, 85, (void *)0xffffc90000100000UL,
		  (void *)0xffffc90000200000UL, true, true, 1287999, 81215,
		  true, 11008, 1 },
		{ "1048576", "256", "122", "85", "ffffc90000100000",
		  "ffffc90000200000", "yes", "1287999", "81215", "ok", "11008", "1" },
	},
	{
		"64 MiB, kmalloc twin fails, hashed addresses",
		{ SZ_64M, 16384, 748, 12890, (void *)0xffffc90000100000UL,
		  (void *)0xffffc90004100000UL, false, true, 290232558, 31213617,
		  false, 0, 0 },
		{ "67108864", "16384", "748", "12890", NULL, NULL, "yes",
		  "290232558", "31213617", "failed", "-", "-" },
	},
	{
		"outside the vmalloc space",
		{ 4096, 1, 1, 1, (void *)0x1000UL, (void *)0x2000UL, true, false,
		  0, 0, true, 1, 1 },
		{ "4096", "1", "1", "1", "0000000000001000", "0000000000002000",
		  "no", "0", "0", "ok", "1", "1" },
	},
};

static void row_case_desc(const struct row_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(row, row_cases, row_case_desc);

static void vmalloc_row_test(struct kunit *test)
{
	const struct row_case *c = test->param_value;
	char line[KMEMLAB_VMALLOC_ROW_MAX], *f[NR_COLS];
	int len;

	len = kmemlab_vmalloc_row(line, sizeof(line), &c->row);
	expect_fields(test, line, len, sizeof(line), c->want, f, NR_COLS);
	if (!c->row.show_addrs)
		KUNIT_EXPECT_NULL(test, strstr(f[4], "ffffc90000100000"));
}

static void vmalloc_pfns_test(struct kunit *test)
{
	static const char * const header[] = { "alloc", "page", "pfn" };
	static const char * const row[] = { "63", "16383", "18446744073709551615" };
	char line[64], *f[3];
	int len;

	len = kmemlab_vmalloc_pfns_header(line, sizeof(line));
	expect_fields(test, line, len, sizeof(line), header, f, 3);
	len = kmemlab_vmalloc_pfns_row(line, sizeof(line), 63, 16383, ULONG_MAX);
	expect_fields(test, line, len, sizeof(line), row, f, 3);
}

static struct kunit_case vmalloc_row_test_cases[] = {
	KUNIT_CASE(vmalloc_header_test),
	KUNIT_CASE_PARAM(vmalloc_row_test, row_gen_params),
	KUNIT_CASE(vmalloc_pfns_test),
	{}
};

static struct kunit_suite vmalloc_row_suite = {
	.name = "kmemlab_vmalloc_row",
	.test_cases = vmalloc_row_test_cases,
};

kunit_test_suite(vmalloc_row_suite);

MODULE_LICENSE("GPL");
