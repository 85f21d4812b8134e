// SPDX-License-Identifier: GPL-2.0
/*
 * Parses /proc/vmstat: each line is a counter's name, one blank and its
 * value in decimal (vmstat_show() prints "%s %lu\n").  fraglab reads the
 * compaction and migration counters with it, before and after each step.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kmemlab/parse_num.h>
#include <kmemlab/vmstat_parse.h>

/**
 * kmemlab_vmstat_parse_line() - split one /proc/vmstat line
 * @line: "pgmigrate_success 1234", newline optional
 * @name: receives the name, NUL-terminated
 * @name_size: size of @name
 * @value: receives the value
 *
 * Return: 0; -EINVAL if @line is not a name (letters, digits, '_'), one
 * blank and a decimal number, or if the name does not fit @name; -ERANGE
 * if the number does not fit 64 bits.
 */
int kmemlab_vmstat_parse_line(const char *line, char *name, size_t name_size,
			      unsigned long long *value)
{
	const char *end;
	size_t len, i;
	int ret;

	len = strcspn(line, "\n ");
	if (!len || len >= name_size || line[len] != ' ')
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)line[i]) && line[i] != '_')
			return -EINVAL;
	memcpy(name, line, len);
	name[len] = '\0';

	/* Plain decimal, as vmstat prints it: no sign, base or leading zero. */
	ret = kmemlab_parse_u64(line + len + 1, 0, value, &end);
	if (ret)
		return ret == -ERANGE ? ret : -EINVAL;
	if (*end == '\n')
		end++;
	return *end ? -EINVAL : 0;
}

/**
 * kmemlab_vmstat_take() - keep the value of @line if it is a wanted counter
 * @vs: the counters wanted; the value and the bit in @vs->seen are set
 * @line: one line of /proc/vmstat
 *
 * Return: 0 whether or not the counter is wanted; an error of
 * kmemlab_vmstat_parse_line() for a malformed line, with @vs unchanged.
 * A name too long for any wanted counter is not an error: skipped.
 */
int kmemlab_vmstat_take(struct kmemlab_vmstat *vs, const char *line)
{
	char name[KMEMLAB_VMSTAT_NAME_MAX];
	unsigned long long value;
	unsigned int i;
	int ret;

	if (strcspn(line, "\n ") >= sizeof(name))
		return 0;
	ret = kmemlab_vmstat_parse_line(line, name, sizeof(name), &value);
	if (ret)
		return ret;
	for (i = 0; i < vs->nr && i < BITS_PER_LONG; i++) {
		if (!strcmp(name, vs->names[i])) {
			vs->values[i] = value;
			vs->seen |= 1UL << i;
			break;
		}
	}
	return 0;
}
