/* SPDX-License-Identifier: GPL-2.0 */
/* Internal interfaces between kmalloc_demo's files. */
#ifndef KMALLOC_DEMO_H
#define KMALLOC_DEMO_H

#include <linux/gfp.h>
#include <kmemlab/kmalloc_class.h>
#include <kmemlab/kmalloc_row.h>
#include <kmemlab/size_list.h>

struct dentry;

/* One object, held from insmod to rmmod, and what was found out about it. */
struct kd_alloc {
	void *obj;
	char cache[KMEMLAB_KMALLOC_NAME_MAX];	/* row.cache points here */
	struct kmemlab_kmalloc_row row;
};

/* Everything the module holds; the report reads it. */
struct kd_state {
	const char *gfp_name;	/* as given: "kernel", "dma32", ... */
	gfp_t gfp;		/* what is passed to kmalloc() */
	unsigned int nr;	/* allocs[] taken so far */
	struct kd_alloc allocs[KMEMLAB_MAX_SIZES];
};

int kd_take(struct kd_alloc *a, size_t size, gfp_t gfp,
	    unsigned int iterations, bool show_addrs);
void kd_release(struct kd_alloc *a);

void kd_report_create(struct dentry *dir, struct kd_state *st);
void kd_map_create(struct dentry *dir, struct kd_state *st);

#endif /* KMALLOC_DEMO_H */
