/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The names /proc/pagetypeinfo gives the migrate types.  The kernel's
 * migratetype_names[] is not exported to modules, and which types exist
 * depends on CONFIG_CMA and CONFIG_MEMORY_ISOLATION, so the table is
 * rebuilt here under the same conditions (mm/page_alloc.c, 6.1).
 */
#ifndef KMEMLAB_MIGRATETYPE_NAMES_H
#define KMEMLAB_MIGRATETYPE_NAMES_H

#include <linux/kconfig.h>
#include <linux/types.h>

/* Names are at most 12 characters: pagetypeinfo prints them with %12s. */
const char *kmemlab_migratetype_name_for(unsigned int type, bool cma,
					 bool isolation);

/*
 * The count for the kernel being built for, as a constant so that the
 * glue can BUILD_BUG_ON() it against MIGRATE_TYPES; KUnit checks that it
 * agrees with the table.
 */
#define KMEMLAB_MIGRATE_TYPES						\
	(4 + IS_ENABLED(CONFIG_CMA) + IS_ENABLED(CONFIG_MEMORY_ISOLATION))

/* The name of @type on the kernel being built for. */
const char *kmemlab_migratetype_name(unsigned int type);

#endif /* KMEMLAB_MIGRATETYPE_NAMES_H */
