// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the kmalloc size classes.  The expected values are
 * worked out by hand from include/linux/slab.h (6.1): __kmalloc_index()
 * for the caches, KMALLOC_SHIFT_HIGH/MAX for where the page allocator
 * takes over and where kmalloc gives up, get_order() above that, and
 * mm/slab_common.c's kmalloc_info[] for the names.
 */
#include <kunit/test.h>
#include <linux/sizes.h>
#include <kmemlab/kmalloc_class.h>

/* x86-64 and most others with SLUB: 4 KiB pages, kmalloc-8 .. kmalloc-8k. */
static const struct kmemlab_kmalloc_geometry slub_4k = { 12, 3, 13, 22 };
/* SLAB: KMALLOC_SHIFT_LOW 5, so kmalloc-32 is the smallest cache. */
static const struct kmemlab_kmalloc_geometry slab_4k = { 12, 5, 13, 22 };
/* arm64 6.1: ARCH_DMA_MINALIGN 128, so no kmalloc-96 or kmalloc-192. */
static const struct kmemlab_kmalloc_geometry arm64_4k = { 12, 7, 13, 22 };
/* arm64 with 64 KiB pages: caches up to 128k, MAX_ORDER 14. */
static const struct kmemlab_kmalloc_geometry arm64_64k = { 16, 7, 17, 29 };

struct class_case {
	const char *name;
	const struct kmemlab_kmalloc_geometry *g;
	size_t size;
	int err;
	bool slab;
	unsigned int index;
	unsigned int order;
	size_t given;
	const char *cache;	/* for slab classes */
};

static const struct class_case class_cases[] = {
	{ "0 is refused", &slub_4k, 0, -EINVAL },
	{ "1 -> kmalloc-8", &slub_4k, 1, 0, true, 3, 0, 8, "kmalloc-8" },
	{ "8 -> kmalloc-8", &slub_4k, 8, 0, true, 3, 0, 8, "kmalloc-8" },
	{ "9 -> kmalloc-16", &slub_4k, 9, 0, true, 4, 0, 16, "kmalloc-16" },
	{ "17 -> kmalloc-32", &slub_4k, 17, 0, true, 5, 0, 32, "kmalloc-32" },
	{ "32 -> kmalloc-32", &slub_4k, 32, 0, true, 5, 0, 32, "kmalloc-32" },
	{ "64 -> kmalloc-64", &slub_4k, 64, 0, true, 6, 0, 64, "kmalloc-64" },
	{ "65 -> kmalloc-96", &slub_4k, 65, 0, true, 1, 0, 96, "kmalloc-96" },
	{ "96 -> kmalloc-96", &slub_4k, 96, 0, true, 1, 0, 96, "kmalloc-96" },
	{ "97 -> kmalloc-128", &slub_4k, 97, 0, true, 7, 0, 128, "kmalloc-128" },
	{ "100 -> kmalloc-128", &slub_4k, 100, 0, true, 7, 0, 128, "kmalloc-128" },
	{ "129 -> kmalloc-192", &slub_4k, 129, 0, true, 2, 0, 192, "kmalloc-192" },
	{ "192 -> kmalloc-192", &slub_4k, 192, 0, true, 2, 0, 192, "kmalloc-192" },
	{ "193 -> kmalloc-256", &slub_4k, 193, 0, true, 8, 0, 256, "kmalloc-256" },
	{ "1000 -> kmalloc-1k", &slub_4k, 1000, 0, true, 10, 0, 1024, "kmalloc-1k" },
	{ "1025 -> kmalloc-2k", &slub_4k, 1025, 0, true, 11, 0, 2048, "kmalloc-2k" },
	{ "4096 -> kmalloc-4k", &slub_4k, 4096, 0, true, 12, 0, 4096, "kmalloc-4k" },
	{ "8192 -> kmalloc-8k", &slub_4k, 8192, 0, true, 13, 0, 8192, "kmalloc-8k" },
	{ "8193 -> pages, order 2", &slub_4k, 8193, 0, false, 0, 2, 16384 },
	{ "16384 -> pages, order 2", &slub_4k, 16384, 0, false, 0, 2, 16384 },
	{ "16385 -> pages, order 3", &slub_4k, 16385, 0, false, 0, 3, 32768 },
	{ "1M + 1 -> pages, order 9", &slub_4k, SZ_1M + 1, 0, false, 0, 9, SZ_2M },
	{ "4M -> pages, order 10", &slub_4k, SZ_4M, 0, false, 0, 10, SZ_4M },
	{ "4M + 1 is refused", &slub_4k, SZ_4M + 1, -EINVAL },
	{ "SLAB: 8 -> kmalloc-32", &slab_4k, 8, 0, true, 5, 0, 32, "kmalloc-32" },
	{ "SLAB: 65 -> kmalloc-96", &slab_4k, 65, 0, true, 1, 0, 96, "kmalloc-96" },
	{ "arm64: 8 -> kmalloc-128", &arm64_4k, 8, 0, true, 7, 0, 128, "kmalloc-128" },
	{ "arm64: 96 -> kmalloc-128", &arm64_4k, 96, 0, true, 7, 0, 128, "kmalloc-128" },
	{ "arm64: 192 -> kmalloc-256", &arm64_4k, 192, 0, true, 8, 0, 256, "kmalloc-256" },
	{ "64K pages: 100000 -> kmalloc-128k", &arm64_64k, 100000, 0, true, 17, 0, SZ_128K,
	  "kmalloc-128k" },
	{ "64K pages: 128k + 1 -> order 2", &arm64_64k, SZ_128K + 1, 0, false, 0, 2, SZ_256K },
	{ "64K pages: 512M", &arm64_64k, SZ_512M, 0, false, 0, 13, SZ_512M },
};

static void class_case_desc(const struct class_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(class, class_cases, class_case_desc);

static void kmalloc_class_test(struct kunit *test)
{
	const struct class_case *c = test->param_value;
	struct kmemlab_kmalloc_class cls;
	char name[KMEMLAB_KMALLOC_NAME_MAX];

	KUNIT_ASSERT_EQ(test, kmemlab_kmalloc_class(c->size, c->g, &cls), c->err);
	if (c->err)
		return;
	KUNIT_EXPECT_EQ(test, cls.slab, c->slab);
	KUNIT_EXPECT_EQ(test, cls.index, c->index);
	KUNIT_EXPECT_EQ(test, cls.order, c->order);
	KUNIT_EXPECT_EQ(test, cls.size, c->given);
	KUNIT_EXPECT_EQ(test, kmemlab_waste(c->size, cls.size), c->given - c->size);
	if (c->slab) {
		kmemlab_kmalloc_cache_name(name, sizeof(name), "kmalloc-", &cls);
		KUNIT_EXPECT_STREQ(test, name, c->cache);
	}
}

/* The other prefixes of kmalloc_info[], and the largest cache names. */
struct name_case {
	const char *prefix;
	size_t size;
	const char *name;
};

static const struct name_case name_cases[] = {
	{ "dma-kmalloc-", 32, "dma-kmalloc-32" },
	{ "kmalloc-cg-", 192, "kmalloc-cg-192" },
	{ "kmalloc-rcl-", SZ_512K, "kmalloc-rcl-512k" },
	{ "dma-kmalloc-", SZ_2M, "dma-kmalloc-2M" },
};

static void name_case_desc(const struct name_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(name, name_cases, name_case_desc);

static void kmalloc_cache_name_test(struct kunit *test)
{
	const struct name_case *c = test->param_value;
	struct kmemlab_kmalloc_class cls = { .slab = true, .size = c->size };
	char name[KMEMLAB_KMALLOC_NAME_MAX];

	KUNIT_EXPECT_EQ(test, kmemlab_kmalloc_cache_name(name, sizeof(name), c->prefix, &cls),
			(int)strlen(c->name));
	KUNIT_EXPECT_STREQ(test, name, c->name);
}

struct span_case {
	const char *name;
	unsigned long offset;
	size_t len;
	unsigned long pages;
};

static const struct span_case span_cases[] = {
	{ "nothing", 100, 0, 0 },
	{ "one byte", 4095, 1, 1 },
	{ "a whole page", 0, 4096, 1 },
	{ "ends on the boundary", 4000, 96, 1 },
	{ "one byte over", 4000, 97, 2 },
	{ "8k from a page start", 0, 8192, 2 },
	{ "8k from mid-page", 2048, 8192, 3 },
};

static void span_case_desc(const struct span_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(span, span_cases, span_case_desc);

static void pages_spanned_test(struct kunit *test)
{
	const struct span_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_pages_spanned(c->offset, c->len, 12), c->pages);
}

static struct kunit_case kmalloc_class_test_cases[] = {
	KUNIT_CASE_PARAM(kmalloc_class_test, class_gen_params),
	KUNIT_CASE_PARAM(kmalloc_cache_name_test, name_gen_params),
	KUNIT_CASE_PARAM(pages_spanned_test, span_gen_params),
	{}
};

static struct kunit_suite kmalloc_class_suite = {
	.name = "kmemlab_kmalloc_class",
	.test_cases = kmalloc_class_test_cases,
};

kunit_test_suite(kmalloc_class_suite);

MODULE_LICENSE("GPL");
