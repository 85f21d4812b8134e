// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs zoneinfo: for each populated zone, the lines of /proc/zoneinfo
 * that decide whether an allocation succeeds: the free pages, the
 * watermarks and their boost, the zone's size, the reserves it keeps from
 * callers of higher zones (protection), and each CPU's per-cpu page list:
 * how many pages it holds (count), when it gives back to free_area (high)
 * and in what batches (batch).  Every line is printed with
 * mm/vmstat.c's zoneinfo_show_print()'s words and spacing, so that each
 * appears in /proc/zoneinfo; the rest of that file is left out.
 */
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <kmemlab/compat.h>
#include "buddy_probe.h"

static void show_zone(struct seq_file *m, struct zone *zone)
{
	unsigned int i;
	int cpu;

	seq_printf(m, "Node %d, zone %8s\n", zone_to_nid(zone), zone->name);
	seq_printf(m,
		   "  pages free     %lu\n"
		   "        boost    %lu\n"
		   "        min      %lu\n"
		   "        low      %lu\n"
		   "        high     %lu\n"
		   "        spanned  %lu\n"
		   "        present  %lu\n"
		   "        managed  %lu\n",
		   zone_page_state(zone, NR_FREE_PAGES),
		   zone->watermark_boost,
		   min_wmark_pages(zone),
		   low_wmark_pages(zone),
		   high_wmark_pages(zone),
		   zone->spanned_pages,
		   zone->present_pages,
		   zone_managed_pages(zone));
	seq_printf(m, "        protection: (%ld", zone->lowmem_reserve[0]);
	for (i = 1; i < ARRAY_SIZE(zone->lowmem_reserve); i++)
		seq_printf(m, ", %ld", zone->lowmem_reserve[i]);
	seq_puts(m, ")\n  pagesets\n");
	for_each_online_cpu(cpu)
		kmemlab_zoneinfo_pcp(m, cpu,
				     per_cpu_ptr(zone->per_cpu_pageset, cpu));
}

static int zoneinfo_show(struct seq_file *m, void *v)
{
	struct zone *zone;

	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone))
		show_zone(m, zone);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(zoneinfo);

void bp_zoneinfo_create(struct dentry *dir)
{
	debugfs_create_file("zoneinfo", 0400, dir, NULL, &zoneinfo_fops);
}
