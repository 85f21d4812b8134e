/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/log2.h>, as much as lib/ needs. */
#ifndef _KMEMLAB_SHIM_LINUX_LOG2_H
#define _KMEMLAB_SHIM_LINUX_LOG2_H

#include <linux/types.h>

/* Floor of log2(@n), @n > 0. */
#define ilog2(n)	(63 - __builtin_clzll(n))

/* Ceiling of log2(@n); 0 for 0 and 1. */
#define order_base_2(n)	({ u64 __n = (n); __n > 1 ? ilog2(__n - 1) + 1 : 0; })

#endif
