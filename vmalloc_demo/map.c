// SPDX-License-Identifier: GPL-2.0
/*
 * map/N: area N of the report, mapped into a process.  An area that is a
 * whole number of pages holds the pattern of kmemlab/map_page.h in each
 * page from load on; reading map/N shows what each page holds at the
 * time of the read, and mmap() maps the area's pages, page by page.
 *
 * The mapping is made as remap_vmalloc_range() makes it (mm/vmalloc.c,
 * remap_vmalloc_range_partial()): vm_insert_page() of vmalloc_to_page()
 * for each page.  remap_vmalloc_range() itself takes only areas flagged
 * VM_USERMAP, and the exported ways to get one, vmalloc_user() and
 * vmalloc_32_user(), allocate with fixed flags (GFP_KERNEL or
 * GFP_VMALLOC32, with __GFP_ZERO): not the module's __GFP_NOWARN, and a
 * big area may wake the OOM killer.  The flag's two reasons hold here
 * without it: the area is page-aligned, and no stale kernel data can
 * show, since every byte of every page mapped was written by
 * vd_map_fill() at load.
 *
 * vm_insert_page() takes a reference and a map count on each page, so
 * that a page outlives even a vfree() while it is mapped; still, the
 * open file holds the module (fops.owner), a mapping holds its file after
 * close() (vma->vm_file), and rmmod is refused while one is live.  For
 * that reason too the files can be debugfs_create_file_unsafe()'s, the
 * one kind with an mmap: they are removed at rmmod only, when none is
 * open.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/mm.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/vmalloc.h>
#include <kmemlab/compat.h>
#include <kmemlab/map_page.h>
#include "vmalloc_demo.h"

/* What map/N knows of area N. */
struct vd_map {
	const struct vd_alloc *a;
	unsigned int index;
	enum kmemlab_map_fit fit;
	unsigned long pages;	/* 0 unless it fits */
};

static struct vd_map vd_maps[KMEMLAB_MAX_SIZES];

/* A burst for a test's worth of refusals, then one line per 5 s. */
static DEFINE_RATELIMIT_STATE(vd_map_rs, 5 * HZ, 32);

static void *vd_map_page(const struct vd_map *map, unsigned long page)
{
	return map->a->area + page * PAGE_SIZE;
}

/* The pattern, with the frame each page lies in by the page tables. */
static void vd_map_fill(const struct vd_map *map)
{
	struct kmemlab_map_header h = {
		.writer = KMEMLAB_MAP_KERNEL,
		.alloc = map->index,
	};
	void *p;

	for (h.page = 0; h.page < map->pages; h.page++) {
		p = vd_map_page(map, h.page);
		h.pfn = vmalloc_to_pfn(p);
		kmemlab_map_fill(p, PAGE_SIZE, &h);
		cond_resched();
	}
}

/* Row 0 is the title (and the header, if mappable), then one per page. */
static void *vd_map_start(struct seq_file *m, loff_t *pos)
{
	const struct vd_map *map = m->private;

	return *pos <= map->pages ? pos : NULL;
}

static void *vd_map_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return vd_map_start(m, pos);
}

static void vd_map_stop(struct seq_file *m, void *v)
{
}

static int vd_map_show(struct seq_file *m, void *v)
{
	const struct vd_map *map = m->private;
	loff_t row = *(loff_t *)v;
	char line[KMEMLAB_MAP_ROW_MAX];
	void *p;

	if (!row) {
		kmemlab_map_title(line, sizeof(line), "vmalloc",
				  map->a->row.size, 0, PAGE_SIZE);
		seq_puts(m, line);
		if (map->pages) {
			kmemlab_map_header_line(line, sizeof(line));
			seq_puts(m, line);
		}
		return 0;
	}
	p = vd_map_page(map, row - 1);
	kmemlab_map_row(line, sizeof(line), row - 1, vmalloc_to_pfn(p), p,
			PAGE_SIZE);
	seq_puts(m, line);
	return 0;
}

static const struct seq_operations vd_map_sops = {
	.start = vd_map_start,
	.next = vd_map_next,
	.stop = vd_map_stop,
	.show = vd_map_show,
};

static int vd_map_open(struct inode *inode, struct file *file)
{
	int err = seq_open(file, &vd_map_sops);

	if (!err)
		((struct seq_file *)file->private_data)->private = inode->i_private;
	return err;
}

static int vd_map_mmap(struct file *file, struct vm_area_struct *vma)
{
	const struct vd_map *map = file_inode(file)->i_private;
	struct kmemlab_map_request rq = {
		.fit = map->fit,
		.shared = vma->vm_flags & VM_MAYSHARE,
		.exec = vma->vm_flags & VM_EXEC,
		.pgoff = vma->vm_pgoff,
		.pages = vma_pages(vma),
		.alloc_pages = map->pages,
	};
	enum kmemlab_map_refusal refusal = kmemlab_map_check(&rq);
	char line[KMEMLAB_MAP_ROW_MAX];
	unsigned long i;
	int err;

	if (refusal) {
		kmemlab_map_refusal_line(line, sizeof(line), map->index, &rq,
					 refusal, "vmalloc", map->a->row.size, 0,
					 PAGE_SIZE);
		if (__ratelimit(&vd_map_rs))
			pr_notice("%s", line);
		return kmemlab_map_errno(refusal);
	}
	/* Not made executable by mprotect() later either. */
	kmemlab_vm_flags_mod(vma, VM_DONTEXPAND | VM_DONTDUMP, VM_MAYEXEC);
	for (i = 0; i < rq.pages; i++) {
		err = vm_insert_page(vma, vma->vm_start + i * PAGE_SIZE,
				     vmalloc_to_page(vd_map_page(map, rq.pgoff + i)));
		/* On an error mmap_region() unmaps what was mapped. */
		if (err)
			return err;
	}
	return 0;
}

static const struct file_operations vd_map_fops = {
	.owner = THIS_MODULE,
	.open = vd_map_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release,
	.mmap = vd_map_mmap,
};

void vd_map_create(struct dentry *dir, struct vd_state *st)
{
	struct dentry *map_dir, *d;
	struct vd_map *map;
	char name[12];
	unsigned int i;

	map_dir = debugfs_create_dir("map", dir);
	if (IS_ERR(map_dir)) {
		pr_warn("cannot create debugfs directory map: %ld\n", PTR_ERR(map_dir));
		return;
	}
	for (i = 0; i < st->nr; i++) {
		map = &vd_maps[i];
		map->a = &st->allocs[i];
		map->index = i;
		map->fit = kmemlab_map_fit(0, map->a->row.size, PAGE_SIZE);
		map->pages = map->fit == KMEMLAB_MAP_FITS ? map->a->row.pages : 0;
		vd_map_fill(map);
		snprintf(name, sizeof(name), "%u", i);
		d = debugfs_create_file_unsafe(name, 0600, map_dir, map, &vd_map_fops);
		if (IS_ERR(d))
			pr_warn("cannot create debugfs file map/%s: %ld\n", name,
				PTR_ERR(d));
	}
}
