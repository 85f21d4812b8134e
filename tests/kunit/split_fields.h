/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For the report suites: a line's whitespace-separated fields, as awk and
 * the VM tests see them.
 */
#ifndef KMEMLAB_SPLIT_FIELDS_H
#define KMEMLAB_SPLIT_FIELDS_H

#include <kunit/test.h>
#include <linux/string.h>

/*
 * Splits @line (modified) into fields; the first @max go to @f.  Returns
 * how many there are in all.
 */
static inline unsigned int split_fields(char *line, char **f, unsigned int max)
{
	unsigned int n = 0;
	char *tok;

	while ((tok = strsep(&line, "\n ")))
		if (*tok && n++ < max)
			f[n - 1] = tok;
	return n;
}

/*
 * Expects @line, @len bytes long in a buffer of @size, to be one line,
 * newline included and not cut short, of exactly @n fields, each equal to
 * @want[i] where that is not NULL.  @f (@n slots) gets the fields.
 */
static inline void expect_fields(struct kunit *test, char *line, int len,
				 size_t size, const char * const *want,
				 char **f, unsigned int n)
{
	unsigned int i;

	KUNIT_ASSERT_GT(test, len, 0);
	KUNIT_ASSERT_LT(test, len, (int)size - 1);
	KUNIT_EXPECT_EQ(test, line[len - 1], '\n');
	KUNIT_EXPECT_PTR_EQ(test, strchr(line, '\n'), line + len - 1);
	KUNIT_ASSERT_EQ(test, split_fields(line, f, n), n);
	for (i = 0; i < n; i++)
		if (want[i])
			KUNIT_EXPECT_STREQ(test, f[i], want[i]);
}

#endif /* KMEMLAB_SPLIT_FIELDS_H */
