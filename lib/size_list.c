// SPDX-License-Identifier: GPL-2.0
/* Parses the sizes= parameter of kmalloc_demo and vmalloc_demo. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <kmemlab/parse_num.h>
#include <kmemlab/size_list.h>

const char *kmemlab_sizes_strerror(enum kmemlab_sizes_err err)
{
	switch (err) {
	case KMEMLAB_SIZES_OK:
		return "ok";
	case KMEMLAB_SIZES_EMPTY:
		return "no sizes given";
	case KMEMLAB_SIZES_NOT_A_NUMBER:
		return "not a size";
	case KMEMLAB_SIZES_LEADING_ZERO:
		return "a leading zero (write 8, not 08; hex as 0x...)";
	case KMEMLAB_SIZES_OVERFLOW:
		return "more than 64 bits";
	case KMEMLAB_SIZES_ZERO:
		return "size 0";
	case KMEMLAB_SIZES_TOO_LARGE:
		return "too large";
	case KMEMLAB_SIZES_TOO_MANY:
		return "more than " __stringify(KMEMLAB_MAX_SIZES) " sizes";
	}
	return "?";
}

enum kmemlab_sizes_err kmemlab_parse_sizes(const char *str,
					   unsigned long max_size,
					   struct kmemlab_size_list *list,
					   unsigned int *bad)
{
	const char *p = str ? str : "";
	const char *end;
	u64 val;
	int ret;

	list->n = 0;
	*bad = 0;
	if (!*p)
		return KMEMLAB_SIZES_EMPTY;
	for (;;) {
		*bad = list->n;
		if (list->n == KMEMLAB_MAX_SIZES)
			return KMEMLAB_SIZES_TOO_MANY;
		ret = kmemlab_parse_size(p, KMEMLAB_NUM_HEX, &val, &end);
		if (ret == -ERANGE)
			return KMEMLAB_SIZES_OVERFLOW;
		if (ret == -EDOM)
			return KMEMLAB_SIZES_LEADING_ZERO;
		if (ret || (*end && *end != ','))
			return KMEMLAB_SIZES_NOT_A_NUMBER;
		if (!val)
			return KMEMLAB_SIZES_ZERO;
		if (val > max_size) {
			list->size[list->n] = min_t(u64, val, ULONG_MAX);
			return KMEMLAB_SIZES_TOO_LARGE;
		}
		list->size[list->n++] = val;
		if (!*end)
			return KMEMLAB_SIZES_OK;
		p = end + 1;
	}
}
