// SPDX-License-Identifier: GPL-2.0
/* Parses one command written to buddy_probe's pages file. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <kmemlab/pages_cmd.h>

#define MAX_WORDS	4	/* one more than any command has */

/* Splits @line at blanks into at most MAX_WORDS words; returns how many. */
static int split_words(char *line, char **words)
{
	int n = 0;
	char *word;

	while ((word = strsep(&line, " \t\n"))) {
		if (!*word)
			continue;
		if (n == MAX_WORDS)
			break;
		words[n++] = word;
	}
	return n;
}

static int parse_alloc(char **words, int n, unsigned int max_order,
		       struct kmemlab_pages_cmd *cmd, const char **why)
{
	cmd->op = KMEMLAB_PAGES_ALLOC;
	cmd->count = 1;
	if (n < 2 || n > 3) {
		*why = "usage: alloc ORDER [COUNT]";
		return -EINVAL;
	}
	if (kstrtouint(words[1], 10, &cmd->order)) {
		*why = "ORDER is not a number from 0 up";
		return -EINVAL;
	}
	if (cmd->order > max_order) {
		*why = "ORDER is above the largest order";
		return -EINVAL;
	}
	if (n == 3 && kstrtouint(words[2], 10, &cmd->count)) {
		*why = "COUNT is not a number from 1 up";
		return -EINVAL;
	}
	if (cmd->count < 1 || cmd->count > KMEMLAB_PAGES_COUNT_MAX) {
		*why = "COUNT must be from 1 to " __stringify(KMEMLAB_PAGES_COUNT_MAX);
		return -EINVAL;
	}
	return 0;
}

static int parse_free(char **words, int n, struct kmemlab_pages_cmd *cmd,
		      const char **why)
{
	if (n != 2) {
		*why = "usage: free PFN | free all";
		return -EINVAL;
	}
	if (!strcmp(words[1], "all")) {
		cmd->op = KMEMLAB_PAGES_FREE_ALL;
		return 0;
	}
	cmd->op = KMEMLAB_PAGES_FREE;
	/* Base 0: the pfn may be pasted from a hex dump as 0x... */
	if (kstrtoul(words[1], 0, &cmd->pfn)) {
		*why = "PFN is not a number from 0 up";
		return -EINVAL;
	}
	return 0;
}

/**
 * kmemlab_pages_cmd_parse() - parse one command line
 * @line: the NUL-terminated line; split in place
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

	n = split_words(line, words);
	if (n && !strcmp(words[0], "alloc"))
		return parse_alloc(words, n, max_order, cmd, why);
	if (n && !strcmp(words[0], "free"))
		return parse_free(words, n, cmd, why);
	*why = "unknown command: alloc ORDER [COUNT] | free PFN | free all";
	return -EINVAL;
}
