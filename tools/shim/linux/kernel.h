/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-in for <linux/kernel.h>: the limits, helpers and number
 * parsers lib/ uses, with the kernel's semantics (lib/vsprintf.c,
 * lib/kstrtox.c, lib/cmdline.c).
 */
#ifndef _KMEMLAB_SHIM_LINUX_KERNEL_H
#define _KMEMLAB_SHIM_LINUX_KERNEL_H

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/errno.h>
#include <linux/types.h>

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define min_t(type, a, b)	({ type __a = (a), __b = (b); __a < __b ? __a : __b; })

/*
 * snprintf() that returns the length written, not the length wanted.  The
 * kernel's declaration has the format checked: the module build does it.
 */
static inline int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	if (len < 0 || !size)
		return 0;
	return (size_t)len < size ? len : (int)size - 1;
}

/* Base 0: "0x" and a hex digit is hex, a leading "0" octal, else decimal. */
static inline const char *shim_fixup_radix(const char *s, unsigned int *base)
{
	bool hex = s[0] == '0' && (s[1] | 0x20) == 'x';

	if (!*base)
		*base = s[0] != '0' ? 10 : hex && isxdigit((unsigned char)s[2]) ? 16 : 8;
	return *base == 16 && hex ? s + 2 : s;
}

/* The digits at @s: how many, their value (wrapped) and whether it fits. */
static inline unsigned int shim_parse_digits(const char *s, unsigned int base,
					     unsigned long long *val,
					     bool *overflow)
{
	unsigned int n, digit;

	*val = 0;
	*overflow = false;
	for (n = 0; isxdigit((unsigned char)s[n]); n++) {
		digit = isdigit((unsigned char)s[n]) ? s[n] - '0' :
			(s[n] | 0x20) - 'a' + 10;
		if (digit >= base)
			break;
		if (*val > (ULLONG_MAX - digit) / base)
			*overflow = true;
		*val = *val * base + digit;
	}
	return n;
}

/* A leading '+', the digits, one optional newline, and nothing else. */
static inline int kstrtoull(const char *s, unsigned int base,
			    unsigned long long *res)
{
	unsigned long long val;
	bool overflow;
	unsigned int n;

	if (*s == '+')
		s++;
	s = shim_fixup_radix(s, &base);
	n = shim_parse_digits(s, base, &val, &overflow);
	if (overflow)
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = val;
	return 0;
}

/* kstrtoull(), then -ERANGE for a value that the type cannot hold. */
static inline int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val != (unsigned long)val)
		return -ERANGE;
	*res = val;
	return 0;
}

static inline int kstrtouint(const char *s, unsigned int base,
			     unsigned int *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val != (unsigned int)val)
		return -ERANGE;
	*res = val;
	return 0;
}

/* A number with an optional K, M, G, T, P or E suffix (any case). */
static inline unsigned long long memparse(const char *ptr, char **retptr)
{
	static const char units[] = "kmgtpe";
	unsigned int base = 0;
	unsigned long long val;
	const char *s, *unit;
	bool overflow;

	s = shim_fixup_radix(ptr, &base);
	s += shim_parse_digits(s, base, &val, &overflow);
	unit = *s ? strchr(units, *s | 0x20) : NULL;
	if (unit) {
		val <<= 10 * (unit - units + 1);
		s++;
	}
	if (retptr)
		*retptr = (char *)s;
	return val;
}

#endif
