// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_demo: where vmalloc memory comes from.  A vmalloc area is
 * virtually contiguous only; the frame behind each page is found through
 * the page tables (vmalloc_to_pfn()), never with virt_to_phys(), which is
 * valid for the kernel's linear map alone.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/vmalloc.h>

static bool show_addrs;
module_param(show_addrs, bool, 0400);
MODULE_PARM_DESC(show_addrs, "Print raw virtual addresses instead of hashed ones (default: 0)");

static const unsigned long vd_sizes[] = { SZ_8K, SZ_1M, SZ_64M };
static void *vd_areas[ARRAY_SIZE(vd_sizes)];

static void vd_report(unsigned long size, const void *area)
{
	unsigned long pfn = vmalloc_to_pfn(area);
	phys_addr_t phys = PFN_PHYS(pfn);

	if (show_addrs)
		pr_info("size %lu: virt 0x%lx first page phys %pa pfn %lu\n",
			size, (unsigned long)area, &phys, pfn);
	else
		pr_info("size %lu: virt %p first page phys %pa pfn %lu\n",
			size, area, &phys, pfn);
}

static void vd_free_all(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vd_areas); i++) {
		vfree(vd_areas[i]);
		vd_areas[i] = NULL;
	}
}

static int __init vmalloc_demo_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vd_sizes); i++) {
		vd_areas[i] = vmalloc(vd_sizes[i]);
		if (!vd_areas[i]) {
			vd_free_all();
			return -ENOMEM;
		}
		vd_report(vd_sizes[i], vd_areas[i]);
	}
	return 0;
}

static void __exit vmalloc_demo_exit(void)
{
	vd_free_all();
	pr_info("freed everything\n");
}

module_init(vmalloc_demo_init);
module_exit(vmalloc_demo_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("kmemlab developers");
MODULE_DESCRIPTION("vmalloc areas with the physical frames behind them");
