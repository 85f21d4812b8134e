// SPDX-License-Identifier: GPL-2.0
/* debugfs report: a header, then one row per object held. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include "kmalloc_demo.h"

static int report_show(struct seq_file *m, void *v)
{
	const struct kd_state *st = m->private;
	char line[KMEMLAB_KMALLOC_ROW_MAX];
	unsigned int i;

	kmemlab_kmalloc_header(line, sizeof(line));
	seq_puts(m, line);
	for (i = 0; i < st->nr; i++) {
		kmemlab_kmalloc_row(line, sizeof(line), &st->allocs[i].row);
		seq_puts(m, line);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(report);

void kd_report_create(struct dentry *dir, struct kd_state *st)
{
	struct dentry *d = debugfs_create_file("report", 0400, dir, st,
					       &report_fops);

	/* Out of memory: the module keeps its objects, but says so. */
	if (IS_ERR(d))
		pr_warn("cannot create debugfs file report: %ld\n", PTR_ERR(d));
}
