/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A write to one of buddy_probe's command files is one line: a command,
 * then at most one line end, "\n" or "\r\n" (a script saved on Windows).
 * A line break anywhere else would run two commands together as one.
 */
#ifndef KMEMLAB_CMD_LINE_H
#define KMEMLAB_CMD_LINE_H

/*
 * Strips the line end of the NUL-terminated @line in place.
 *
 * Return: 0, or -EINVAL with a reason in *@why if @line holds another
 * newline or carriage return.
 */
int kmemlab_cmd_line(char *line, const char **why);

#endif /* KMEMLAB_CMD_LINE_H */
