/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /proc/vmstat's lines, "name value" (mm/vmstat.c's vmstat_show()), read
 * back into numbers for the counters a caller asks for by name.
 */
#ifndef KMEMLAB_VMSTAT_PARSE_H
#define KMEMLAB_VMSTAT_PARSE_H

#include <linux/types.h>

/* Longest counter name kmemlab expects; longer ones are skipped whole. */
#define KMEMLAB_VMSTAT_NAME_MAX	64

/*
 * The counters a caller wants: @names[i]'s value goes to @values[i], and
 * bit i of @seen says it was found.  At most BITS_PER_LONG names.
 */
struct kmemlab_vmstat {
	const char * const *names;
	unsigned int nr;
	unsigned long long *values;
	unsigned long seen;
};

int kmemlab_vmstat_parse_line(const char *line, char *name, size_t name_size,
			      unsigned long long *value);
int kmemlab_vmstat_take(struct kmemlab_vmstat *vs, const char *line);

#endif /* KMEMLAB_VMSTAT_PARSE_H */
