/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-in for <linux/kernel.h>: the limits and helpers lib/
 * uses, with the kernel's semantics (lib/vsprintf.c).
 */
#ifndef _KMEMLAB_SHIM_LINUX_KERNEL_H
#define _KMEMLAB_SHIM_LINUX_KERNEL_H

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

#endif
