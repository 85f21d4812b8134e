// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the migrate-type names, for the four combinations of
 * CONFIG_CMA and CONFIG_MEMORY_ISOLATION, spelled out from enum
 * migratetype in include/linux/mmzone.h and migratetype_names[] in
 * mm/page_alloc.c (6.1).
 */
#include <kunit/test.h>
#include <linux/mmzone.h>
#include <kmemlab/migratetype_names.h>

struct mt_case {
	bool cma;
	bool isolation;
	unsigned int count;
	const char *names[7];	/* NULL after the last */
};

static const struct mt_case mt_cases[] = {
	{ false, false, 4, { "Unmovable", "Movable", "Reclaimable", "HighAtomic" } },
	{ true, false, 5, { "Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA" } },
	{ false, true, 5, { "Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate" } },
	{ true, true, 6,
	  { "Unmovable", "Movable", "Reclaimable", "HighAtomic", "CMA", "Isolate" } },
};

static void mt_case_desc(const struct mt_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "CMA %s, ISOLATION %s",
		 c->cma ? "y" : "n", c->isolation ? "y" : "n");
}

KUNIT_ARRAY_PARAM(mt, mt_cases, mt_case_desc);

/* The number of migrate types (MIGRATE_TYPES) the table gives such a kernel. */
static unsigned int kmemlab_migratetype_count(bool cma, bool isolation)
{
	unsigned int type = 0;

	while (kmemlab_migratetype_name_for(type, cma, isolation))
		type++;
	return type;
}

static void migratetype_names_test(struct kunit *test)
{
	const struct mt_case *c = test->param_value;
	unsigned int type;

	KUNIT_EXPECT_EQ(test, kmemlab_migratetype_count(c->cma, c->isolation),
			c->count);
	for (type = 0; type <= c->count; type++) {
		const char *name;

		name = kmemlab_migratetype_name_for(type, c->cma, c->isolation);
		if (!c->names[type]) {
			KUNIT_EXPECT_NULL(test, name);
			continue;
		}
		KUNIT_ASSERT_NOT_NULL(test, name);
		KUNIT_EXPECT_STREQ(test, name, c->names[type]);
		/* /proc/pagetypeinfo prints them with %12s. */
		KUNIT_EXPECT_LE(test, strlen(name), (size_t)12);
	}
}

/* The constant the glue checks against MIGRATE_TYPES is the table's count. */
static void migratetype_count_test(struct kunit *test)
{
	unsigned int count;

	count = kmemlab_migratetype_count(IS_ENABLED(CONFIG_CMA),
					  IS_ENABLED(CONFIG_MEMORY_ISOLATION));
	KUNIT_EXPECT_EQ(test, count, (unsigned int)KMEMLAB_MIGRATE_TYPES);
	KUNIT_EXPECT_NULL(test, kmemlab_migratetype_name(count));
	KUNIT_EXPECT_STREQ(test, kmemlab_migratetype_name(0), "Unmovable");
}

/*
 * Built into the kernel, unlike the module, the suite can see the
 * kernel's own table: the two must agree for the kernel under test.
 */
static void migratetype_kernel_table_test(struct kunit *test)
{
	unsigned int type;

	KUNIT_EXPECT_EQ(test, (unsigned int)KMEMLAB_MIGRATE_TYPES,
			(unsigned int)MIGRATE_TYPES);
	for (type = 0; type < MIGRATE_TYPES; type++) {
		KUNIT_ASSERT_NOT_NULL(test, kmemlab_migratetype_name(type));
		KUNIT_EXPECT_STREQ(test, kmemlab_migratetype_name(type),
				   migratetype_names[type]);
	}
}

static struct kunit_case migratetype_names_cases[] = {
	KUNIT_CASE_PARAM(migratetype_names_test, mt_gen_params),
	KUNIT_CASE(migratetype_count_test),
	KUNIT_CASE(migratetype_kernel_table_test),
	{}
};

static struct kunit_suite migratetype_names_suite = {
	.name = "kmemlab_migratetype_names",
	.test_cases = migratetype_names_cases,
};

kunit_test_suite(migratetype_names_suite);

MODULE_LICENSE("GPL");
