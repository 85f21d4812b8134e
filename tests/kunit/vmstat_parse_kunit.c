// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the /proc/vmstat parser: lines as vmstat_show() prints
 * them ("%s %lu\n"), and the ways a line can be something else.
 */
#include <kunit/test.h>
#include <kmemlab/vmstat_parse.h>

struct line_case {
	const char *name;
	const char *line;
	int ret;
	const char *counter;
	unsigned long long value;
};

static const struct line_case line_cases[] = {
	{ "a counter", "pgmigrate_success 1234\n", 0, "pgmigrate_success", 1234 },
	{ "no newline", "compact_stall 0", 0, "compact_stall", 0 },
	{ "digits in the name", "nr_zone_write_pending 7\n", 0, "nr_zone_write_pending", 7 },
	{ "the largest value", "x 18446744073709551615\n", 0, "x", ULLONG_MAX },
	{ "one past it", "x 18446744073709551616\n", -ERANGE },
	{ "empty", "", -EINVAL },
	{ "a newline alone", "\n", -EINVAL },
	{ "no value", "pgmigrate_success\n", -EINVAL },
	{ "no value after the blank", "pgmigrate_success ", -EINVAL },
	{ "two blanks", "pgmigrate_success  12\n", -EINVAL },
	{ "a sign", "pgmigrate_success -12\n", -EINVAL },
	{ "a plus", "pgmigrate_success +12\n", -EINVAL },
	{ "hex", "pgmigrate_success 0x12\n", -EINVAL },
	{ "a leading zero", "pgmigrate_success 012\n", -EINVAL },
	{ "a word after", "pgmigrate_success 12 13\n", -EINVAL },
	{ "text after the newline", "pgmigrate_success 12\nx 1\n", -EINVAL },
	{ "a name with a dash", "pg-migrate 12\n", -EINVAL },
	{ "a blank first", " pgmigrate_success 12\n", -EINVAL },
	/* 64 characters: KMEMLAB_VMSTAT_NAME_MAX with no room for the NUL. */
	{ "a name too long",
	  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 1\n", -EINVAL },
};

static void line_case_desc(const struct line_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(line, line_cases, line_case_desc);

static void parse_line_test(struct kunit *test)
{
	const struct line_case *c = test->param_value;
	char name[KMEMLAB_VMSTAT_NAME_MAX];
	unsigned long long value = 42;

	KUNIT_ASSERT_EQ(test, kmemlab_vmstat_parse_line(c->line, name,
							sizeof(name), &value),
			c->ret);
	if (c->ret)
		return;
	KUNIT_EXPECT_STREQ(test, name, c->counter);
	KUNIT_EXPECT_EQ(test, value, c->value);
}

static const char * const wanted[] = {
	"compact_stall", "pgmigrate_success", "pgmigrate_fail",
};

/* A whole file: the wanted counters are found, the rest skipped. */
static void take_test(struct kunit *test)
{
	static const char * const lines[] = {
		"nr_free_pages 1000\n", "pgmigrate_success 5\n",
		"compact_stall 2\n",
		"a_counter_name_longer_than_any_kmemlab_wants_to_read_at_all 3\n",
		"pgmigrate_successes 9\n",
	};
	unsigned long long values[ARRAY_SIZE(wanted)] = { 0 };
	struct kmemlab_vmstat vs = {
		.names = wanted, .nr = ARRAY_SIZE(wanted), .values = values,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(lines); i++)
		KUNIT_EXPECT_EQ(test, kmemlab_vmstat_take(&vs, lines[i]), 0);
	KUNIT_EXPECT_EQ(test, vs.seen, 3UL);	/* pgmigrate_fail: absent */
	KUNIT_EXPECT_EQ(test, values[0], 2ULL);
	KUNIT_EXPECT_EQ(test, values[1], 5ULL);
	KUNIT_EXPECT_EQ(test, values[2], 0ULL);
}

/* A malformed line is an error and changes nothing. */
static void take_malformed_test(struct kunit *test)
{
	unsigned long long values[ARRAY_SIZE(wanted)] = { 0 };
	struct kmemlab_vmstat vs = {
		.names = wanted, .nr = ARRAY_SIZE(wanted), .values = values,
	};

	KUNIT_EXPECT_EQ(test, kmemlab_vmstat_take(&vs, "compact_stall x\n"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, vs.seen, 0UL);
	KUNIT_EXPECT_EQ(test, values[0], 0ULL);
}

static struct kunit_case vmstat_parse_cases[] = {
	KUNIT_CASE_PARAM(parse_line_test, line_gen_params),
	KUNIT_CASE(take_test),
	KUNIT_CASE(take_malformed_test),
	{}
};

static struct kunit_suite vmstat_parse_suite = {
	.name = "kmemlab_vmstat_parse",
	.test_cases = vmstat_parse_cases,
};

kunit_test_suite(vmstat_parse_suite);

MODULE_LICENSE("GPL");
