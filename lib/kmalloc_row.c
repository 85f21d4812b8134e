// SPDX-License-Identifier: GPL-2.0
/* The report's header and rows; pure, see include/kmemlab/kmalloc_row.h. */
#include <linux/kernel.h>
#include <kmemlab/addr_fmt.h>
#include <kmemlab/kmalloc_class.h>
#include <kmemlab/kmalloc_row.h>

/*
 * The header and the rows share the field widths, so that the columns
 * line up; a value wider than its field just pushes the line right.
 */
#define COLS	"%8s %8s %-16s %5s %7s %-18s %-12s %8s %6s %4s %-7s %7s %6s %8s %8s %6s\n"
#define ROW	"%8zu %8zu %-16s %5u %7zu %-18s %-12s %8lu %6lu %4d %-7s %7s %6s %8llu %8llu %6s\n"

int kmemlab_kmalloc_header(char *buf, size_t len)
{
	return scnprintf(buf, len, COLS, "size", "ksize", "cache", "order",
			 "waste", "virt", "phys", "pfn", "offset", "node",
			 "zone", "crosses", "contig", "alloc_ns", "free_ns",
			 "kfence");
}

int kmemlab_kmalloc_row(char *buf, size_t len,
			const struct kmemlab_kmalloc_row *r)
{
	char virt[KMEMLAB_ADDR_MAX], phys[24];

	kmemlab_addr_format(virt, sizeof(virt), r->virt, r->show_addrs);
	snprintf(phys, sizeof(phys), "0x%llx", (unsigned long long)r->phys);
	return scnprintf(buf, len, ROW, r->size, r->ksize, r->cache, r->order,
			 kmemlab_waste(r->size, r->ksize), virt, phys, r->pfn,
			 r->offset, r->node, r->zone, r->crosses ? "yes" : "no",
			 r->contig ? "yes" : "no",
			 (unsigned long long)r->alloc_ns,
			 (unsigned long long)r->free_ns, r->kfence ? "yes" : "no");
}
