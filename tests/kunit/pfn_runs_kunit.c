// SPDX-License-Identifier: GPL-2.0
/* KUnit cases for counting runs of consecutive page frames. */
#include <kunit/test.h>
#include <kmemlab/pfn_runs.h>

#define MAX_PFNS 8

struct runs_case {
	const char *name;
	unsigned long n;
	unsigned long pfns[MAX_PFNS];
	unsigned long runs;
	unsigned long longest;
};

static const struct runs_case runs_cases[] = {
	{ "no pages", 0, { 0 }, 0, 0 },
	{ "one page", 1, { 42 }, 1, 1 },
	{ "pfn 0 starts a run", 2, { 0, 1 }, 1, 2 },
	{ "contiguous", 4, { 100, 101, 102, 103 }, 1, 4 },
	{ "descending is not contiguous", 3, { 7, 6, 5 }, 3, 1 },
	{ "the same frame twice", 2, { 9, 9 }, 2, 1 },
	{ "gap in the middle", 5, { 10, 11, 20, 21, 22 }, 2, 3 },
	{ "scattered", 4, { 5, 900, 3, 77 }, 4, 1 },
	{ "longest run last", 6, { 1, 3, 4, 8, 9, 10 }, 3, 3 },
	{ "highest pfns", 2, { ULONG_MAX - 1, ULONG_MAX }, 1, 2 },
};

static void runs_case_desc(const struct runs_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(runs, runs_cases, runs_case_desc);

static void pfn_runs_test(struct kunit *test)
{
	const struct runs_case *c = test->param_value;
	unsigned long longest = 12345;

	KUNIT_EXPECT_EQ(test, kmemlab_pfn_runs(c->pfns, c->n, &longest), c->runs);
	KUNIT_EXPECT_EQ(test, longest, c->longest);
}

/* Feeding frames one at a time gives the same answer as the array form. */
static void pfn_runs_add_test(struct kunit *test)
{
	const struct runs_case *c = test->param_value;
	struct kmemlab_pfn_runs r = { 0 };
	unsigned long i;

	for (i = 0; i < c->n; i++)
		kmemlab_pfn_runs_add(&r, c->pfns[i]);
	KUNIT_EXPECT_EQ(test, r.runs, c->runs);
	KUNIT_EXPECT_EQ(test, r.longest, c->longest);
}

static struct kunit_case pfn_runs_test_cases[] = {
	KUNIT_CASE_PARAM(pfn_runs_test, runs_gen_params),
	KUNIT_CASE_PARAM(pfn_runs_add_test, runs_gen_params),
	{}
};

static struct kunit_suite pfn_runs_suite = {
	.name = "kmemlab_pfn_runs",
	.test_cases = pfn_runs_test_cases,
};

kunit_test_suite(pfn_runs_suite);

MODULE_LICENSE("GPL");
