// SPDX-License-Identifier: GPL-2.0
/*
 * enum migratetype's names, in enum order, for any combination of the two
 * options that add types.  The kernel's own table is in mm/page_alloc.c.
 */
#include <linux/kernel.h>
#include <kmemlab/migratetype_names.h>

#define MT_ALWAYS	0
#define MT_CMA		1	/* exists with CONFIG_CMA */
#define MT_ISOLATION	2	/* exists with CONFIG_MEMORY_ISOLATION */

static const struct {
	const char *name;
	unsigned int needs;
} migratetypes[] = {
	{ "Unmovable", MT_ALWAYS },
	{ "Movable", MT_ALWAYS },
	{ "Reclaimable", MT_ALWAYS },
	{ "HighAtomic", MT_ALWAYS },
	{ "CMA", MT_CMA },
	{ "Isolate", MT_ISOLATION },
};

static bool mt_exists(unsigned int needs, bool cma, bool isolation)
{
	return needs == MT_ALWAYS || (needs == MT_CMA && cma) ||
	       (needs == MT_ISOLATION && isolation);
}

/**
 * kmemlab_migratetype_name_for() - the name of migrate type @type
 * @type: a value of enum migratetype
 * @cma: whether the kernel has CONFIG_CMA
 * @isolation: whether the kernel has CONFIG_MEMORY_ISOLATION
 *
 * Return: the name /proc/pagetypeinfo prints, or NULL when @type is not a
 * migrate type of such a kernel.
 */
const char *kmemlab_migratetype_name_for(unsigned int type, bool cma,
					 bool isolation)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(migratetypes); i++) {
		if (!mt_exists(migratetypes[i].needs, cma, isolation))
			continue;
		if (type-- == 0)
			return migratetypes[i].name;
	}
	return NULL;
}

const char *kmemlab_migratetype_name(unsigned int type)
{
	return kmemlab_migratetype_name_for(type, IS_ENABLED(CONFIG_CMA),
					    IS_ENABLED(CONFIG_MEMORY_ISOLATION));
}
