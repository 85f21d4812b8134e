// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs files: report, one row per area, and pfns, one row per page.
 * A 64 MiB area has 16384 pages, so pfns is a seq_file iterator that
 * produces one row at a time, not one buffer holding them all.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include "vmalloc_demo.h"

static int report_show(struct seq_file *m, void *v)
{
	const struct vd_state *st = m->private;
	char line[KMEMLAB_VMALLOC_ROW_MAX];
	unsigned int i;

	kmemlab_vmalloc_header(line, sizeof(line));
	seq_puts(m, line);
	for (i = 0; i < st->nr; i++) {
		kmemlab_vmalloc_row(line, sizeof(line), &st->allocs[i].row);
		seq_puts(m, line);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(report);

/* Where the pfns iterator is: page @page of area @alloc. */
struct pfns_cursor {
	const struct vd_state *st;
	unsigned int alloc;
	unsigned long page;
};

/* Row @pos of the file: 0 is the header, then the pages in order. */
static void *pfns_seek(struct pfns_cursor *c, loff_t pos)
{
	unsigned int a;

	if (!pos)
		return SEQ_START_TOKEN;
	pos--;
	for (a = 0; a < c->st->nr; a++) {
		if (pos < c->st->allocs[a].row.pages) {
			c->alloc = a;
			c->page = pos;
			return c;
		}
		pos -= c->st->allocs[a].row.pages;
	}
	return NULL;
}

static void *pfns_start(struct seq_file *m, loff_t *pos)
{
	return pfns_seek(m->private, *pos);
}

static void *pfns_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct pfns_cursor *c = m->private;

	++*pos;
	if (v == SEQ_START_TOKEN)
		return pfns_seek(c, *pos);
	if (++c->page < c->st->allocs[c->alloc].row.pages)
		return c;
	c->page = 0;
	return ++c->alloc < c->st->nr ? c : NULL;
}

static void pfns_stop(struct seq_file *m, void *v)
{
}

static int pfns_show(struct seq_file *m, void *v)
{
	const struct pfns_cursor *c = v;
	char line[32];

	if (v == SEQ_START_TOKEN)
		kmemlab_vmalloc_pfns_header(line, sizeof(line));
	else
		kmemlab_vmalloc_pfns_row(line, sizeof(line), c->alloc, c->page,
					 c->st->allocs[c->alloc].pfns[c->page]);
	seq_puts(m, line);
	return 0;
}

static const struct seq_operations pfns_sops = {
	.start = pfns_start,
	.next = pfns_next,
	.stop = pfns_stop,
	.show = pfns_show,
};

static int pfns_open(struct inode *inode, struct file *file)
{
	struct pfns_cursor *c;

	c = __seq_open_private(file, &pfns_sops, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->st = inode->i_private;
	return 0;
}

static const struct file_operations pfns_fops = {
	.owner = THIS_MODULE,
	.open = pfns_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

/* A file debugfs cannot create (out of memory) is missing: say which. */
static void vd_create_file(const char *name, struct dentry *dir,
			   struct vd_state *st, const struct file_operations *fops)
{
	struct dentry *d = debugfs_create_file(name, 0400, dir, st, fops);

	if (IS_ERR(d))
		pr_warn("cannot create debugfs file %s: %ld\n", name, PTR_ERR(d));
}

void vd_report_create(struct dentry *dir, struct vd_state *st)
{
	vd_create_file("report", dir, st, &report_fops);
	vd_create_file("pfns", dir, st, &pfns_fops);
}
