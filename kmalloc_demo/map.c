// SPDX-License-Identifier: GPL-2.0
/*
 * map/N: object N of the report, mapped into a process.  An object that
 * starts a page and is a whole number of pages holds the pattern of
 * kmemlab/map_page.h in each page from load on; reading map/N shows what
 * each page holds at the time of the read, and mmap() maps the object's
 * frames, one page-table entry per page.
 *
 * Not remap_pfn_range(): its VM_PFNMAP mapping is one the page walkers
 * skip (mm/pagewalk.c, walk_page_test()), so that /proc/PID/pagemap shows
 * its pages as not present.  vmf_insert_mixed() on a VM_MIXEDMAP mapping
 * writes the same special entries, which take no reference on the frames
 * (the object stays the module's), in a mapping that pagemap walks.
 *
 * Since the entries hold no reference, the object must outlive every
 * mapping: the open file holds the module (fops.owner), a mapping holds
 * its file after close() (vma->vm_file), so rmmod, which kfree()s the
 * objects, is refused while one is live.  For the same reason the files
 * can be debugfs_create_file_unsafe()'s, the one kind with an mmap: they
 * are removed at rmmod only, when none is open.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/mm.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <kmemlab/compat.h>
#include <kmemlab/map_page.h>
#include "kmalloc_demo.h"

/* What map/N knows of object N. */
struct kd_map {
	const struct kd_alloc *a;
	unsigned int index;
	enum kmemlab_map_fit fit;
	unsigned long pages;	/* 0 unless it fits */
};

static struct kd_map kd_maps[KMEMLAB_MAX_SIZES];

/* A burst for a test's worth of refusals, then one line per 5 s. */
static DEFINE_RATELIMIT_STATE(kd_map_rs, 5 * HZ, 32);

static void *kd_map_page(const struct kd_map *map, unsigned long page)
{
	return map->a->obj + page * PAGE_SIZE;
}

/* The pattern, with the frame each page lies in by the page tables. */
static void kd_map_fill(const struct kd_map *map)
{
	struct kmemlab_map_header h = {
		.writer = KMEMLAB_MAP_KERNEL,
		.alloc = map->index,
	};
	void *p;

	for (h.page = 0; h.page < map->pages; h.page++) {
		p = kd_map_page(map, h.page);
		h.pfn = kmemlab_linear_pfn(p);
		kmemlab_map_fill(p, PAGE_SIZE, &h);
		cond_resched();
	}
}

/* Row 0 is the title (and the header, if mappable), then one per page. */
static void *kd_map_start(struct seq_file *m, loff_t *pos)
{
	const struct kd_map *map = m->private;

	return *pos <= map->pages ? pos : NULL;
}

static void *kd_map_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return kd_map_start(m, pos);
}

static void kd_map_stop(struct seq_file *m, void *v)
{
}

static int kd_map_show(struct seq_file *m, void *v)
{
	const struct kd_map *map = m->private;
	const struct kmemlab_kmalloc_row *r = &map->a->row;
	loff_t row = *(loff_t *)v;
	char line[KMEMLAB_MAP_ROW_MAX];
	void *p;

	if (!row) {
		kmemlab_map_title(line, sizeof(line), "kmalloc", r->size,
				  r->offset, PAGE_SIZE);
		seq_puts(m, line);
		if (map->pages) {
			kmemlab_map_header_line(line, sizeof(line));
			seq_puts(m, line);
		}
		return 0;
	}
	p = kd_map_page(map, row - 1);
	kmemlab_map_row(line, sizeof(line), row - 1, kmemlab_linear_pfn(p), p,
			PAGE_SIZE);
	seq_puts(m, line);
	return 0;
}

static const struct seq_operations kd_map_sops = {
	.start = kd_map_start,
	.next = kd_map_next,
	.stop = kd_map_stop,
	.show = kd_map_show,
};

static int kd_map_open(struct inode *inode, struct file *file)
{
	int err = seq_open(file, &kd_map_sops);

	if (!err)
		((struct seq_file *)file->private_data)->private = inode->i_private;
	return err;
}

static int kd_map_mmap(struct file *file, struct vm_area_struct *vma)
{
	const struct kd_map *map = file_inode(file)->i_private;
	const struct kmemlab_kmalloc_row *r = &map->a->row;
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
	unsigned long i, pfn;
	vm_fault_t ret;

	if (refusal) {
		kmemlab_map_refusal_line(line, sizeof(line), map->index, &rq,
					 refusal, "kmalloc", r->size, r->offset,
					 PAGE_SIZE);
		if (__ratelimit(&kd_map_rs))
			pr_notice("%s", line);
		return kmemlab_map_errno(refusal);
	}
	/* Not made executable by mprotect() later either. */
	kmemlab_vm_flags_mod(vma, VM_MIXEDMAP | VM_DONTEXPAND | VM_DONTDUMP,
			     VM_MAYEXEC);
	for (i = 0; i < rq.pages; i++) {
		pfn = kmemlab_linear_pfn(kd_map_page(map, rq.pgoff + i));
		ret = kmemlab_insert_mixed(vma, vma->vm_start + i * PAGE_SIZE, pfn);
		/* On an error mmap_region() unmaps what was mapped. */
		if (ret != VM_FAULT_NOPAGE)
			return ret == VM_FAULT_OOM ? -ENOMEM : -EFAULT;
	}
	return 0;
}

static const struct file_operations kd_map_fops = {
	.owner = THIS_MODULE,
	.open = kd_map_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release,
	.mmap = kd_map_mmap,
};

void kd_map_create(struct dentry *dir, struct kd_state *st)
{
	struct dentry *map_dir, *d;
	struct kd_map *map;
	char name[12];
	unsigned int i;

	map_dir = debugfs_create_dir("map", dir);
	if (IS_ERR(map_dir)) {
		pr_warn("cannot create debugfs directory map: %ld\n", PTR_ERR(map_dir));
		return;
	}
	for (i = 0; i < st->nr; i++) {
		map = &kd_maps[i];
		map->a = &st->allocs[i];
		map->index = i;
		map->fit = kmemlab_map_fit(map->a->row.offset, map->a->row.size,
					   PAGE_SIZE);
		map->pages = map->fit == KMEMLAB_MAP_FITS ?
			     map->a->row.size >> PAGE_SHIFT : 0;
		kd_map_fill(map);
		snprintf(name, sizeof(name), "%u", i);
		d = debugfs_create_file_unsafe(name, 0600, map_dir, map, &kd_map_fops);
		if (IS_ERR(d))
			pr_warn("cannot create debugfs file map/%s: %ld\n", name,
				PTR_ERR(d));
	}
}
