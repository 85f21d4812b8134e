// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for kmemlab's number parser: the edges of 64 bits, with and
 * without suffixes, and what kstrtoul()/memparse() would have misread
 * ("0777" as octal, "+5" with a sign, a value that wraps).
 */
#include <kunit/test.h>
#include <kmemlab/parse_num.h>

struct num_case {
	const char *str;
	bool size;		/* kmemlab_parse_size(), else _u64() */
	unsigned int flags;
	int ret;
	u64 val;		/* if ret is 0 */
	unsigned int used;	/* characters parsed, if ret is 0 */
};

static const struct num_case num_cases[] = {
	{ "0", false, 0, 0, 0, 1 },
	{ "7", false, 0, 0, 7, 1 },
	{ "10", false, 0, 0, 10, 2 },
	/* 19 digits cannot overflow; the 20th is the first one checked. */
	{ "9999999999999999999", false, 0, 0, 9999999999999999999ULL, 19 },
	{ "10000000000000000000", false, 0, 0, 10000000000000000000ULL, 20 },
	{ "18446744073709551615", false, 0, 0, ~0ULL, 20 },
	{ "18446744073709551619", false, 0, -ERANGE },
	{ "20000000000000000000", false, 0, -ERANGE },
	{ "18446744073709551616", false, 0, -ERANGE },
	{ "99999999999999999999999999", false, 0, -ERANGE },
	{ "0777", false, 0, -EDOM },
	{ "00", false, 0, -EDOM },
	{ "+5", false, 0, -EINVAL },
	{ "-1", false, 0, -EINVAL },
	{ " 5", false, 0, -EINVAL },
	{ "", false, 0, -EINVAL },
	{ "5\n", false, 0, 0, 5, 1 },
	{ "5 6", false, 0, 0, 5, 1 },
	{ "0x1f", false, 0, 0, 0, 1 },
	{ "0x1f", false, KMEMLAB_NUM_HEX, 0, 31, 4 },
	{ "0X1F", false, KMEMLAB_NUM_HEX, 0, 31, 4 },
	{ "0xffffffffffffffff", false, KMEMLAB_NUM_HEX, 0, ~0ULL, 18 },
	{ "0x10000000000000000", false, KMEMLAB_NUM_HEX, -ERANGE },
	{ "0xfffffffffffffffff", false, KMEMLAB_NUM_HEX, -ERANGE },
	{ "0xffffffffffffffff0", false, KMEMLAB_NUM_HEX, -ERANGE },
	{ "0x", false, KMEMLAB_NUM_HEX, -EINVAL },
	{ "0x0", false, KMEMLAB_NUM_HEX, 0, 0, 3 },
	{ "0x01", false, KMEMLAB_NUM_HEX, -EDOM },
	{ "0xg", false, KMEMLAB_NUM_HEX, -EINVAL },
	{ "4K", true, 0, 0, 4096, 2 },
	{ "1m", true, 0, 0, 1 << 20, 2 },
	{ "2G", true, 0, 0, 2ULL << 30, 2 },
	{ "15E", true, 0, 0, 15ULL << 60, 3 },
	{ "16E", true, 0, -ERANGE },
	{ "16777216T", true, 0, -ERANGE },
	{ "16777215T", true, 0, 0, 16777215ULL << 40, 9 },
	{ "18446744073709551615", true, 0, 0, ~0ULL, 20 },
	{ "18446744073709551616K", true, 0, -ERANGE },
	{ "18014398509481984K", true, 0, -ERANGE },
	{ "18014398509481983K", true, 0, 0, 18014398509481983ULL << 10, 18 },
	{ "0777K", true, 0, -EDOM },
	{ "+5K", true, 0, -EINVAL },
	{ "5X", true, 0, 0, 5, 1 },
	{ "5\n", true, 0, 0, 5, 1 },
	{ "0x10k", true, KMEMLAB_NUM_HEX, 0, 16 << 10, 5 },
	{ "K", true, 0, -EINVAL },
};

static void num_case_desc(const struct num_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s '%.*s'%s",
		 c->size ? "size" : "u64", (int)strcspn(c->str, "\n"), c->str,
		 strchr(c->str, '\n') ? " newline" : "");
}

KUNIT_ARRAY_PARAM(num, num_cases, num_case_desc);

static void parse_num_test(struct kunit *test)
{
	const struct num_case *c = test->param_value;
	const char *end = NULL;
	u64 val = 12345;
	int ret;

	if (c->size)
		ret = kmemlab_parse_size(c->str, c->flags, &val, &end);
	else
		ret = kmemlab_parse_u64(c->str, c->flags, &val, &end);
	KUNIT_ASSERT_EQ(test, ret, c->ret);
	if (ret) {
		/* A refused number leaves the value as it was. */
		KUNIT_EXPECT_EQ(test, val, 12345ULL);
		return;
	}
	KUNIT_EXPECT_EQ(test, val, c->val);
	KUNIT_EXPECT_EQ(test, (unsigned int)(end - c->str), c->used);
}

static struct kunit_case parse_num_cases[] = {
	KUNIT_CASE_PARAM(parse_num_test, num_gen_params),
	{}
};

static struct kunit_suite parse_num_suite = {
	.name = "kmemlab_parse_num",
	.test_cases = parse_num_cases,
};

kunit_test_suite(parse_num_suite);

MODULE_LICENSE("GPL");
