/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/ctype.h>. */
#ifndef _KMEMLAB_SHIM_LINUX_CTYPE_H
#define _KMEMLAB_SHIM_LINUX_CTYPE_H

#include <ctype.h>

#endif
