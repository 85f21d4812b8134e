// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs unusable_index and extfrag_index: the twins of
 * /sys/kernel/debug/extfrag/, computed from free_area[] counts read under
 * zone->lock (the kernel holds it for the whole line too), so they exist
 * on kernels built without CONFIG_COMPACTION as well.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <kmemlab/frag_index.h>
#include "buddy_probe.h"

static int frag_show(struct seq_file *m, enum kmemlab_frag_kind kind)
{
	struct kmemlab_zone_counts zc;
	char line[KMEMLAB_FRAG_LINE_MAX];
	struct zone *zone;

	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone)) {
		bp_read_zone_counts(zone, &zc);
		kmemlab_frag_format(line, sizeof(line), &zc, kind);
		seq_puts(m, line);
	}
	return 0;
}

static int unusable_index_show(struct seq_file *m, void *v)
{
	return frag_show(m, KMEMLAB_UNUSABLE_INDEX);
}
DEFINE_SHOW_ATTRIBUTE(unusable_index);

static int extfrag_index_show(struct seq_file *m, void *v)
{
	return frag_show(m, KMEMLAB_EXTFRAG_INDEX);
}
DEFINE_SHOW_ATTRIBUTE(extfrag_index);

void bp_frag_index_create(struct dentry *dir)
{
	debugfs_create_file("unusable_index", 0400, dir, NULL,
			    &unusable_index_fops);
	debugfs_create_file("extfrag_index", 0400, dir, NULL,
			    &extfrag_index_fops);
}
