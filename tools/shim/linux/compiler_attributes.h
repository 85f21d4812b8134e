/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/compiler_attributes.h>: what lib/ uses. */
#ifndef _KMEMLAB_SHIM_LINUX_COMPILER_ATTRIBUTES_H
#define _KMEMLAB_SHIM_LINUX_COMPILER_ATTRIBUTES_H

#define __aligned(x)	__attribute__((__aligned__(x)))
#define __packed	__attribute__((__packed__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))

#endif
