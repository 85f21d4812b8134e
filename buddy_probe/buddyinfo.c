// SPDX-License-Identifier: GPL-2.0
/* debugfs buddyinfo: the module's view of free_area[], /proc/buddyinfo's twin. */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include "buddy_probe.h"

static int buddyinfo_show(struct seq_file *m, void *v)
{
	struct kmemlab_zone_counts zc;
	char line[KMEMLAB_BUDDYINFO_LINE_MAX];
	struct zone *zone;

	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone)) {
		bp_read_zone_counts(zone, &zc);
		kmemlab_buddyinfo_format(line, sizeof(line), &zc);
		seq_puts(m, line);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(buddyinfo);

void bp_buddyinfo_create(struct dentry *dir)
{
	debugfs_create_file("buddyinfo", 0400, dir, NULL, &buddyinfo_fops);
}
