// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc_demo: where kmalloc memory comes from.  Each allocation is held
 * until rmmod and reported with its virtual address, the physical address
 * behind it and its page frame number.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/io.h>
#include <linux/module.h>
#include <linux/slab.h>

static bool show_addrs;
module_param(show_addrs, bool, 0400);
MODULE_PARM_DESC(show_addrs, "Print raw virtual addresses instead of hashed ones (default: 0)");

static const size_t kd_sizes[] = { 1024, 8192 };
static void *kd_objs[ARRAY_SIZE(kd_sizes)];

static void kd_report(size_t size, void *obj)
{
	phys_addr_t phys = virt_to_phys(obj);

	if (show_addrs)
		pr_info("size %zu: virt 0x%lx phys %pa pfn %lu\n", size,
			(unsigned long)obj, &phys, PHYS_PFN(phys));
	else
		pr_info("size %zu: virt %p phys %pa pfn %lu\n", size, obj,
			&phys, PHYS_PFN(phys));
}

static void kd_free_all(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kd_objs); i++) {
		kfree(kd_objs[i]);
		kd_objs[i] = NULL;
	}
}

static int __init kmalloc_demo_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kd_sizes); i++) {
		kd_objs[i] = kmalloc(kd_sizes[i], GFP_KERNEL);
		if (!kd_objs[i]) {
			kd_free_all();
			return -ENOMEM;
		}
		kd_report(kd_sizes[i], kd_objs[i]);
	}
	return 0;
}

static void __exit kmalloc_demo_exit(void)
{
	kd_free_all();
	pr_info("freed everything\n");
}

module_init(kmalloc_demo_init);
module_exit(kmalloc_demo_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kmemlab developers");
MODULE_DESCRIPTION("kmalloc allocations with their physical addresses");
