// SPDX-License-Identifier: GPL-2.0
/* Overflow-checked numbers without octal; see kmemlab/parse_num.h. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/string.h>
#include <kmemlab/parse_num.h>

/* The value of hex digit @c below @base, or -1. */
static int num_digit(char c, unsigned int base)
{
	int d = -1;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		d = (c | 0x20) - 'a' + 10;
	return d >= 0 && (unsigned int)d < base ? d : -1;
}

int kmemlab_parse_u64(const char *s, unsigned int flags, u64 *val,
		      const char **end)
{
	unsigned int base = 10;
	const char *p = s;
	u64 v = 0;
	int d;

	if ((flags & KMEMLAB_NUM_HEX) && p[0] == '0' && (p[1] | 0x20) == 'x') {
		base = 16;
		p += 2;
	}
	*end = p;
	if (num_digit(*p, base) < 0)
		return -EINVAL;
	/* "0" is zero; "00", "07" and "0x07" are not what they seem. */
	if (*p == '0' && num_digit(p[1], base) >= 0)
		return -EDOM;
	for (; (d = num_digit(*p, base)) >= 0; p++) {
		if (check_mul_overflow(v, (u64)base, &v) ||
		    check_add_overflow(v, (u64)d, &v))
			return -ERANGE;
	}
	*val = v;
	*end = p;
	return 0;
}

int kmemlab_parse_size(const char *s, unsigned int flags, u64 *val,
		       const char **end)
{
	static const char units[] = "kmgtpe";
	const char *unit;
	unsigned int shift;
	u64 v;
	int ret;

	ret = kmemlab_parse_u64(s, flags, &v, end);
	if (ret)
		return ret;
	unit = **end ? strchr(units, **end | 0x20) : NULL;
	if (unit) {
		shift = 10 * (unit - units + 1);
		if (v > ~0ULL >> shift)
			return -ERANGE;
		v <<= shift;
		(*end)++;
	}
	*val = v;
	return 0;
}
