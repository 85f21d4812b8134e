// SPDX-License-Identifier: GPL-2.0
/* Parses one command written to buddy_probe's pages file. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <kmemlab/cmd_line.h>
#include <kmemlab/pages_cmd.h>
#include <kmemlab/parse_num.h>

#define MAX_WORDS	4	/* one more than any command has */

/* Splits @line at blanks into at most MAX_WORDS words; returns how many. */
static int split_words(char *line, char **words)
{
	int n = 0;
	char *word;

	while ((word = strsep(&line, " \t"))) {
		if (!*word)
			continue;
		if (n == MAX_WORDS)
			break;
		words[n++] = word;
	}
	return n;
}

/* Reasons for a number that is refused, one per kmemlab_parse_u64() error. */
struct num_why {
	const char *not_a_number;
	const char *leading_zero;
	const char *too_large;
};

/* @word is one number of at most @max: 0, or -EINVAL with the reason. */
static int parse_word(const char *word, unsigned int flags, u64 max, u64 *val,
		      const struct num_why *w, const char **why)
{
	const char *end;
	int ret;

	ret = kmemlab_parse_u64(word, flags, val, &end);
	if (!ret && *end)
		ret = -EINVAL;
	if (!ret && *val > max)
		ret = -ERANGE;
	if (ret == -EDOM)
		*why = w->leading_zero;
	else if (ret == -ERANGE)
		*why = w->too_large;
	else if (ret)
		*why = w->not_a_number;
	return ret ? -EINVAL : 0;
}

static const struct num_why order_why = {
	"ORDER is not a number from 0 up",
	"ORDER has a leading zero",
	"ORDER is above the largest order",
};

static const struct num_why count_why = {
	"COUNT is not a number from 1 up",
	"COUNT has a leading zero",
	"COUNT must be from 1 to " __stringify(KMEMLAB_PAGES_COUNT_MAX),
};

static const struct num_why pfn_why = {
	"PFN is not a number from 0 up (decimal, or hex after 0x)",
	"PFN has a leading zero (decimal, or hex after 0x)",
	"PFN is too large",
};

static int parse_alloc(char **words, int n, unsigned int max_order,
		       struct kmemlab_pages_cmd *cmd, const char **why)
{
	u64 val;

	cmd->op = KMEMLAB_PAGES_ALLOC;
	cmd->count = 1;
	if (n < 2 || n > 3) {
		*why = "usage: alloc ORDER [COUNT]";
		return -EINVAL;
	}
	if (parse_word(words[1], 0, max_order, &val, &order_why, why))
		return -EINVAL;
	cmd->order = val;
	if (n == 3) {
		if (parse_word(words[2], 0, KMEMLAB_PAGES_COUNT_MAX, &val,
			       &count_why, why))
			return -EINVAL;
		cmd->count = val;
	}
	if (!cmd->count) {
		*why = count_why.too_large;
		return -EINVAL;
	}
	return 0;
}

static int parse_free(char **words, int n, struct kmemlab_pages_cmd *cmd,
		      const char **why)
{
	u64 val;

	if (n != 2) {
		*why = "usage: free PFN | free all";
		return -EINVAL;
	}
	if (!strcmp(words[1], "all")) {
		cmd->op = KMEMLAB_PAGES_FREE_ALL;
		return 0;
	}
	cmd->op = KMEMLAB_PAGES_FREE;
	/* Hex too: a pfn may be pasted from a dump as 0x... */
	if (parse_word(words[1], KMEMLAB_NUM_HEX, ULONG_MAX, &val, &pfn_why,
		       why))
		return -EINVAL;
	cmd->pfn = val;
	return 0;
}

/**
 * kmemlab_pages_cmd_parse() - parse one command line
 * @line: the NUL-terminated text of one write; split in place
 * @max_order: the largest order the kernel's buddy allocator has
 * @cmd: the command, on success
 * @why: on failure, a short reason for the user
 *
 * Return: 0 or -EINVAL.  Limits that depend on the state of memory (how
 * much is free, which blocks are held) are the caller's to check.
 */
int kmemlab_pages_cmd_parse(char *line, unsigned int max_order,
			    struct kmemlab_pages_cmd *cmd, const char **why)
{
	char *words[MAX_WORDS];
	int n;

	if (kmemlab_cmd_line(line, why))
		return -EINVAL;
	n = split_words(line, words);
	if (n && !strcmp(words[0], "alloc"))
		return parse_alloc(words, n, max_order, cmd, why);
	if (n && !strcmp(words[0], "free"))
		return parse_free(words, n, cmd, why);
	*why = "unknown command: alloc ORDER [COUNT] | free PFN | free all";
	return -EINVAL;
}
