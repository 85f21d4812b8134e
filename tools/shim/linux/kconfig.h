/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-in for <linux/kconfig.h>.  A userspace build has no
 * kernel configuration: every option is off.
 */
#ifndef _KMEMLAB_SHIM_LINUX_KCONFIG_H
#define _KMEMLAB_SHIM_LINUX_KCONFIG_H

/* Off, a constant; the name is still used, as checkpatch (6.12) asks. */
#define IS_ENABLED(CONFIG_option)	(0 && sizeof(#CONFIG_option))

#endif
