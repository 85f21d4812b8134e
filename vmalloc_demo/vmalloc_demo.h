/* SPDX-License-Identifier: GPL-2.0 */
/* Internal interfaces between vmalloc_demo's files. */
#ifndef VMALLOC_DEMO_H
#define VMALLOC_DEMO_H

#include <kmemlab/size_list.h>
#include <kmemlab/vmalloc_row.h>

struct dentry;

/* One area, held from insmod to rmmod, and what was found out about it. */
struct vd_alloc {
	void *area;
	unsigned long *pfns;	/* row.pages frames, in mapping order */
	struct kmemlab_vmalloc_row row;
};

/* Everything the module holds; the debugfs files read it. */
struct vd_state {
	unsigned int nr;	/* allocs[] taken so far */
	struct vd_alloc allocs[KMEMLAB_MAX_SIZES];
};

int vd_take(struct vd_alloc *a, unsigned long size, unsigned int iterations,
	    bool show_addrs);
void vd_release(struct vd_alloc *a);
void vd_log_fill(void);

void vd_report_create(struct dentry *dir, struct vd_state *st);
void vd_map_create(struct dentry *dir, struct vd_state *st);

#endif /* VMALLOC_DEMO_H */
