/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/math64.h>, as much as lib/ needs. */
#ifndef _KMEMLAB_SHIM_LINUX_MATH64_H
#define _KMEMLAB_SHIM_LINUX_MATH64_H

#include <linux/types.h>

/* As in the kernel, the divisor is 32-bit. */
static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

#endif
