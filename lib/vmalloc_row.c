// SPDX-License-Identifier: GPL-2.0
/* The report's header and rows; pure, see include/kmemlab/vmalloc_row.h. */
#include <linux/kernel.h>
#include <kmemlab/addr_fmt.h>
#include <kmemlab/vmalloc_row.h>

/* Shared field widths, so that the header lines up with the rows. */
#define COLS	"%10s %6s %5s %7s %-18s %-18s %6s %10s %10s %7s %8s %5s\n"
#define ROW	"%10lu %6lu %5lu %7lu %-18s %-18s %6s %10llu %10llu %7s %8s %5s\n"
#define PFNS	"%5s %6s %8s\n"
#define PFN_ROW	"%5u %6lu %8lu\n"

int kmemlab_vmalloc_header(char *buf, size_t len)
{
	return scnprintf(buf, len, COLS, "size", "pages", "runs", "longest",
			 "start", "end", "inside", "alloc_ns", "free_ns",
			 "kmalloc", "kpfn", "kruns");
}

int kmemlab_vmalloc_row(char *buf, size_t len,
			const struct kmemlab_vmalloc_row *r)
{
	char start[KMEMLAB_ADDR_MAX], end[KMEMLAB_ADDR_MAX];
	char kpfn[24] = "-", kruns[24] = "-";

	kmemlab_addr_format(start, sizeof(start), r->start, r->show_addrs);
	kmemlab_addr_format(end, sizeof(end), r->end, r->show_addrs);
	if (r->kmalloc_ok) {
		snprintf(kpfn, sizeof(kpfn), "%lu", r->kmalloc_pfn);
		snprintf(kruns, sizeof(kruns), "%lu", r->kmalloc_runs);
	}
	return scnprintf(buf, len, ROW, r->size, r->pages, r->runs, r->longest,
			 start, end, r->in_vmalloc ? "yes" : "no",
			 (unsigned long long)r->alloc_ns,
			 (unsigned long long)r->free_ns,
			 r->kmalloc_ok ? "ok" : "failed", kpfn, kruns);
}

int kmemlab_vmalloc_pfns_header(char *buf, size_t len)
{
	return scnprintf(buf, len, PFNS, "alloc", "page", "pfn");
}

int kmemlab_vmalloc_pfns_row(char *buf, size_t len, unsigned int alloc,
			     unsigned long page, unsigned long pfn)
{
	return scnprintf(buf, len, PFN_ROW, alloc, page, pfn);
}
