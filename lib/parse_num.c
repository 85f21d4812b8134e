// SPDX-License-Identifier: GPL-2.0
/* Overflow-checked numbers without octal; see kmemlab/parse_num.h. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/string.h>
#include <kmemlab/parse_num.h>

/* The value of hex digit @c below @base, or -1; decimal digits first. */
static __always_inline int num_digit(char c, unsigned int base)
{
	unsigned int d = (unsigned char)c - '0';
	unsigned int x = ((unsigned char)c | 0x20) - 'a';

	if (d > 9)
		d = x < 6 ? x + 10 : base;
	return d < base ? (int)d : -1;
}

/*
 * The digits at *@p, and *@p moved past them.  Any @safe digits fit in 64
 * bits, so only those after them pay for the overflow check, which cost
 * more than the rest of the parse.  Inlined for each base, so that the
 * multiplication is by a constant.
 */
static __always_inline int num_digits(const char **p, unsigned int base,
				      unsigned int safe, u64 *val)
{
	const char *s = *p;
	unsigned int n;
	u64 v = 0;
	int d;

	for (n = 0; n < safe && (d = num_digit(s[n], base)) >= 0; n++)
		v = v * base + d;
	for (s += n; (d = num_digit(*s, base)) >= 0; s++) {
		if (check_mul_overflow(v, (u64)base, &v) ||
		    check_add_overflow(v, (u64)d, &v))
			return -ERANGE;
	}
	*val = v;
	*p = s;
	return 0;
}

int kmemlab_parse_u64(const char *s, unsigned int flags, u64 *val,
		      const char **end)
{
	unsigned int base = 10;
	const char *p = s;
	int ret;

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
	/* 19 decimal digits stay below 10^19 < 2^64; 16 hex digits fit. */
	ret = base == 10 ? num_digits(&p, 10, 19, val) :
			   num_digits(&p, 16, 16, val);
	if (!ret)
		*end = p;
	return ret;
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
