/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/log2.h>, as much as the model needs. */
#ifndef _KMEMLAB_SHIM_LINUX_LOG2_H
#define _KMEMLAB_SHIM_LINUX_LOG2_H

#include <linux/types.h>

/* Floor of log2(@n), @n > 0. */
#define ilog2(n)	(63 - __builtin_clzll(n))

#endif
