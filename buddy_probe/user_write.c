// SPDX-License-Identifier: GPL-2.0
/*
 * What the writable files (pages, snapshot) share: a write is one short
 * command line, copied into a kernel buffer of fixed size before it is
 * parsed, and a refused write says why in the kernel log, rate-limited so
 * that a loop of bad writes cannot flood it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "buddy_probe.h"

/* A burst big enough for a test's worth of bad writes, then 1 per 5 s. */
static DEFINE_RATELIMIT_STATE(bp_refuse_rs, 5 * HZ, 32);

void bp_refuse(const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	if (!__ratelimit(&bp_refuse_rs))
		return;
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	pr_notice("%pV", &vaf);
	va_end(args);
}

/**
 * bp_copy_line() - copy one written line into a kernel buffer
 * @buf: destination, NUL-terminated on success
 * @size: size of @buf; longer writes are refused, not truncated, so that
 *	the end of a long line is never taken for a command
 * @ubuf: the user's buffer
 * @count: bytes written
 * @file: the file's name, for the message
 *
 * Return: 0, -EINVAL (too long, or holding a NUL) or -EFAULT.
 */
int bp_copy_line(char *buf, size_t size, const char __user *ubuf,
		 size_t count, const char *file)
{
	if (count >= size) {
		bp_refuse("%s: write of %zu bytes refused: a command is at most %zu\n",
			  file, count, size - 1);
		return -EINVAL;
	}
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	if (strlen(buf) != count) {
		bp_refuse("%s: write refused: it holds a NUL byte\n", file);
		return -EINVAL;
	}
	return 0;
}
