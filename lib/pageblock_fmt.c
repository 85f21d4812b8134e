// SPDX-License-Identifier: GPL-2.0
/* The pageblocks' lines; see kmemlab/pageblock_fmt.h. */
#include <linux/kernel.h>
#include <kmemlab/buddyinfo_fmt.h>
#include <kmemlab/pageblock_fmt.h>

int kmemlab_blockcount_header(char *buf, size_t size,
			      const char *const *names, unsigned int nr_types)
{
	unsigned int i;
	int len;

	len = scnprintf(buf, size, "\n%-23s", "Number of blocks type ");
	for (i = 0; i < nr_types; i++)
		len += scnprintf(buf + len, size - len, "%12s ", names[i]);
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}

int kmemlab_blockcount_line(char *buf, size_t size, int nid, const char *zone,
			    const unsigned long *counts, unsigned int nr_types)
{
	unsigned int i;
	int len;

	len = scnprintf(buf, size, KMEMLAB_ZONE_PREFIX, nid, zone);
	for (i = 0; i < nr_types; i++)
		len += scnprintf(buf + len, size - len, "%12lu ", counts[i]);
	len += scnprintf(buf + len, size - len, "\n");
	return len;
}

/* The header and the rows share the field widths, so that columns line up. */
#define COLS	"%10s %4s %-8s %-12s %5s %5s %7s\n"
#define ROW	"%10lu %4d %-8s %-12s %5lu %5lu %7s\n"

int kmemlab_pb_map_header(char *buf, size_t size)
{
	return scnprintf(buf, size, COLS, "pfn", "node", "zone", "type",
			 "pages", "free", "largest");
}

int kmemlab_pb_map_row(char *buf, size_t size, const struct kmemlab_pb_row *r)
{
	char largest[12] = "-";

	if (r->largest >= 0)
		scnprintf(largest, sizeof(largest), "%d", r->largest);
	return scnprintf(buf, size, ROW, r->pfn, r->nid, r->zone, r->type,
			 r->pages, r->free, largest);
}
