// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the low watermark check, worked out by hand from
 * mm/page_alloc.c's __zone_watermark_ok() for a caller with no ALLOC_
 * flags and highest_zoneidx its own zone (lowmem_reserve 0): free_pages
 * minus (2^order - 1) must be above the mark; above order 0, a free
 * block of the order or larger must sit on an Unmovable, Movable or
 * Reclaimable list.
 */
#include <kunit/test.h>
#include <kmemlab/watermark.h>

struct wmark_case {
	const char *name;
	unsigned int order;
	long free_pages;
	unsigned long mark;
	unsigned long usable;	/* bit k: a usable free block of order k */
	bool ok;
};

static const struct wmark_case wmark_cases[] = {
	{ "order 0, one page above the mark", 0, 101, 100, 0, true },
	{ "order 0, at the mark: no", 0, 100, 100, 0x7ff, false },
	{ "order 0 needs no free list", 0, 5000, 100, 0, true },
	{ "order 3 counts 7 pages as taken: 108 - 7 > 100", 3, 108, 100, 0x8, true },
	{ "order 3: 107 - 7 is the mark: no", 3, 107, 100, 0x8, false },
	{ "order 3 with only smaller blocks free", 3, 5000, 100, 0x7, false },
	{ "order 3 from a larger block", 3, 5000, 100, 0x400, true },
	{ "order 10, the largest, free", 10, 5000, 100, 0x400, true },
	{ "order 10 above everything free", 10, 5000, 100, 0x3ff, false },
	{ "no free page at all", 0, 0, 0, 0, false },
	{ "NR_FREE_PAGES can run below the block", 5, 20, 0, 0x20, false },
	{ "a bit past the zone's orders is ignored", 4, 5000, 100, 0x800, false },
};

static void wmark_case_desc(const struct wmark_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wmark, wmark_cases, wmark_case_desc);

/* Zones of 11 orders, as x86-64's. */
static void wmark_ok_test(struct kunit *test)
{
	const struct wmark_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_wmark_ok(c->order, c->free_pages, c->mark,
					       c->usable, 11), c->ok);
}

static struct kunit_case watermark_cases[] = {
	KUNIT_CASE_PARAM(wmark_ok_test, wmark_gen_params),
	{}
};

static struct kunit_suite watermark_suite = {
	.name = "kmemlab_watermark",
	.test_cases = watermark_cases,
};

kunit_test_suite(watermark_suite);

MODULE_LICENSE("GPL");
