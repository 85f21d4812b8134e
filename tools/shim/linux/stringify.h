/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/stringify.h>: a macro's value as a string. */
#ifndef _KMEMLAB_SHIM_LINUX_STRINGIFY_H
#define _KMEMLAB_SHIM_LINUX_STRINGIFY_H

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#endif
