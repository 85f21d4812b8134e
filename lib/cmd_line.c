// SPDX-License-Identifier: GPL-2.0
/* One command line per write; see kmemlab/cmd_line.h. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kmemlab/cmd_line.h>

int kmemlab_cmd_line(char *line, const char **why)
{
	size_t len = strlen(line);

	if (len && line[len - 1] == '\n')
		line[--len] = '\0';
	if (len && line[len - 1] == '\r')
		line[--len] = '\0';
	if (strpbrk(line, "\r\n")) {
		*why = "more than one line: write one command per write()";
		return -EINVAL;
	}
	return 0;
}
