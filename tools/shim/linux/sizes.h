/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/sizes.h>, as much as lib/ needs. */
#ifndef _KMEMLAB_SHIM_LINUX_SIZES_H
#define _KMEMLAB_SHIM_LINUX_SIZES_H

#define SZ_1K	0x00000400
#define SZ_1M	0x00100000

#endif
