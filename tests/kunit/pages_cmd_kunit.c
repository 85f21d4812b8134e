// SPDX-License-Identifier: GPL-2.0
/* KUnit cases for the commands of buddy_probe's pages file. */
#include <kunit/test.h>
#include <kmemlab/pages_cmd.h>

#define MAX_ORDER_HERE	10	/* the largest order of x86-64 in 6.1 */

struct cmd_case {
	const char *line;
	int ret;
	enum kmemlab_pages_op op;
	unsigned int order;
	unsigned int count;
	unsigned long pfn;
};

static const struct cmd_case cmd_cases[] = {
	{ "alloc 5\n", 0, KMEMLAB_PAGES_ALLOC, 5, 1, 0 },
	{ "alloc 0 1024", 0, KMEMLAB_PAGES_ALLOC, 0, 1024, 0 },
	{ "  alloc\t10   7", 0, KMEMLAB_PAGES_ALLOC, 10, 7, 0 },
	{ "free 123\n", 0, KMEMLAB_PAGES_FREE, 0, 0, 123 },
	{ "free 0x1f", 0, KMEMLAB_PAGES_FREE, 0, 0, 31 },
	{ "free all\n", 0, KMEMLAB_PAGES_FREE_ALL },
	{ "", -EINVAL },
	{ "\n", -EINVAL },
	{ "garbage", -EINVAL },
	{ "ALLOC 5", -EINVAL },
	{ "alloc", -EINVAL },
	{ "alloc x", -EINVAL },
	{ "alloc 5x", -EINVAL },
	{ "alloc -1", -EINVAL },
	{ "alloc 11", -EINVAL },
	{ "alloc 4294967296", -EINVAL },
	{ "alloc 5 0", -EINVAL },
	{ "alloc 5 -3", -EINVAL },
	{ "alloc 5 1025", -EINVAL },
	{ "alloc 5 1 2", -EINVAL },
	{ "alloc 5 1 2 3 4 5", -EINVAL },
	{ "free", -EINVAL },
	{ "free -1", -EINVAL },
	{ "free abc", -EINVAL },
	{ "free all now", -EINVAL },
	{ "free 99999999999999999999999", -EINVAL },
	{ "free 18446744073709551616", -EINVAL },
	{ "free 18446744073709551615", 0, KMEMLAB_PAGES_FREE, 0, 0, ~0UL },
	{ "free 0", 0, KMEMLAB_PAGES_FREE, 0, 0, 0 },
	/* No silent octal, no sign: kstrto*() took these. */
	{ "free 010", -EINVAL },
	{ "free 0x010", -EINVAL },
	{ "free 0X10", 0, KMEMLAB_PAGES_FREE, 0, 0, 16 },
	{ "alloc 05", -EINVAL },
	{ "alloc +5", -EINVAL },
	{ "alloc 5 +1", -EINVAL },
	{ "alloc 10 01", -EINVAL },
	{ "alloc 0x5", -EINVAL },
	/* One line per write, ended by \n or \r\n at most. */
	{ "free\n123", -EINVAL },
	{ "alloc 5\nfree all", -EINVAL },
	{ "alloc 5\n\n", -EINVAL },
	{ "alloc 5\r\r\n", -EINVAL },
	{ "alloc\r5", -EINVAL },
	{ "alloc 5\r\n", 0, KMEMLAB_PAGES_ALLOC, 5, 1, 0 },
	{ "alloc\t5\t2\r\n", 0, KMEMLAB_PAGES_ALLOC, 5, 2, 0 },
	{ "free all\r\n", 0, KMEMLAB_PAGES_FREE_ALL },
};

/* The line with its line breaks spelled out, as "\\n" and "\\r". */
static void cmd_case_desc(const struct cmd_case *c, char *desc)
{
	size_t i, n = 0;

	desc[n++] = '\'';
	for (i = 0; c->line[i] && n < KUNIT_PARAM_DESC_SIZE - 4; i++) {
		if (c->line[i] == '\n' || c->line[i] == '\r') {
			desc[n++] = '\\';
			desc[n++] = c->line[i] == '\n' ? 'n' : 'r';
		} else {
			desc[n++] = c->line[i] == '\t' ? ' ' : c->line[i];
		}
	}
	desc[n++] = '\'';
	desc[n] = '\0';
}

KUNIT_ARRAY_PARAM(cmd, cmd_cases, cmd_case_desc);

static void pages_cmd_parse_test(struct kunit *test)
{
	const struct cmd_case *c = test->param_value;
	char line[KMEMLAB_PAGES_CMD_MAX + 1];
	struct kmemlab_pages_cmd cmd;
	const char *why = NULL;
	int ret;

	strscpy(line, c->line, sizeof(line));
	ret = kmemlab_pages_cmd_parse(line, MAX_ORDER_HERE, &cmd, &why);
	KUNIT_ASSERT_EQ(test, ret, c->ret);
	if (ret) {
		/* Every refusal says why. */
		KUNIT_EXPECT_NOT_NULL(test, why);
		return;
	}
	KUNIT_EXPECT_EQ(test, cmd.op, c->op);
	if (c->op == KMEMLAB_PAGES_ALLOC) {
		KUNIT_EXPECT_EQ(test, cmd.order, c->order);
		KUNIT_EXPECT_EQ(test, cmd.count, c->count);
	} else if (c->op == KMEMLAB_PAGES_FREE) {
		KUNIT_EXPECT_EQ(test, cmd.pfn, c->pfn);
	}
}

static struct kunit_case pages_cmd_cases[] = {
	KUNIT_CASE_PARAM(pages_cmd_parse_test, cmd_gen_params),
	{}
};

static struct kunit_suite pages_cmd_suite = {
	.name = "kmemlab_pages_cmd",
	.test_cases = pages_cmd_cases,
};

kunit_test_suite(pages_cmd_suite);

MODULE_LICENSE("GPL");
