// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs metrics: the free lists and the fragmentation indices in the
 * Prometheus text exposition format, for node_exporter's textfile
 * collector (tools/buddy-textfile) or any scraper.
 *
 * node_buddyinfo_blocks has the name, labels, help and type of
 * node_exporter's own buddyinfo collector, so that what is built on it
 * keeps working.  The rest is what /proc/buddyinfo does not say: free
 * blocks per migrate type (/proc/pagetypeinfo) and the unusable and
 * extfrag indices (/sys/kernel/debug/extfrag/).  Each zone's counts are
 * read once, under its lock, for both node_buddyinfo_blocks and the
 * indices, so that within one scrape they agree.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stringify.h>
#include <kmemlab/compat.h>
#include <kmemlab/frag_index.h>
#include <kmemlab/migratetype_names.h>
#include "buddy_probe.h"

static void family(struct seq_file *m, const char *name, const char *help)
{
	seq_printf(m, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name);
}

static void show_blocks(struct seq_file *m, const struct bp_zone_reading *r,
			unsigned int n)
{
	unsigned int order;

	family(m, "node_buddyinfo_blocks",
	       "Count of free blocks according to size.");
	for (; n--; r++)
		for (order = 0; order < r->counts.nr_orders; order++)
			seq_printf(m, "node_buddyinfo_blocks{node=\"%d\",zone=\"%s\",size=\"%u\"} %lu\n",
				   r->counts.nid, r->counts.zone, order,
				   r->counts.nr_free[order]);
}

/* A list of BP_LIST_CAP blocks or more counts as that, as in pagetypeinfo. */
static void show_types(struct seq_file *m)
{
	unsigned int order;
	struct zone *zone;
	bool overflow;
	int mtype;

	family(m, "kmemlab_free_blocks",
	       "Free blocks per order and migrate type, as in /proc/pagetypeinfo (a list counts up to "
	       __stringify(BP_LIST_CAP) ").");
	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone))
		for (mtype = 0; mtype < MIGRATE_TYPES; mtype++)
			for (order = 0; order < KMEMLAB_NR_ORDERS; order++)
				seq_printf(m, "kmemlab_free_blocks{node=\"%d\",zone=\"%s\",order=\"%u\",type=\"%s\"} %lu\n",
					   zone_to_nid(zone), zone->name, order,
					   kmemlab_migratetype_name(mtype),
					   bp_count_free_list(zone, order, mtype,
							      &overflow));
}

static void show_index(struct seq_file *m, const struct bp_zone_reading *r,
		       unsigned int n, enum kmemlab_frag_kind kind)
{
	const char *name = kind == KMEMLAB_UNUSABLE_INDEX ?
		"kmemlab_unusable_index" : "kmemlab_extfrag_index";
	const struct kmemlab_zone_counts *zc;
	struct kmemlab_contig_info info;
	unsigned int order;
	int index;

	if (kind == KMEMLAB_UNUSABLE_INDEX)
		family(m, name,
		       "Fraction of free memory in blocks too small for an allocation of this order, as in extfrag/unusable_index.");
	else
		family(m, name,
		       "Why an allocation of this order would fail: towards 0 lack of memory, towards 1 fragmentation; -1 if it would succeed. As in extfrag/extfrag_index.");
	for (; n--; r++) {
		zc = &r->counts;
		for (order = 0; order < zc->nr_orders; order++) {
			kmemlab_fill_contig_info(zc->nr_free, zc->nr_orders,
						 order, &info);
			if (kind == KMEMLAB_UNUSABLE_INDEX)
				index = kmemlab_unusable_index(order, &info);
			else
				index = kmemlab_extfrag_index(order,
							      zc->nr_orders,
							      &info);
			/* Thousandths, as a decimal: -1000 is -1.000. */
			seq_printf(m, "%s{node=\"%d\",zone=\"%s\",order=\"%u\"} %s%d.%03d\n",
				   name, zc->nid, zc->zone, order,
				   index < 0 ? "-" : "", abs(index) / 1000,
				   abs(index) % 1000);
		}
	}
}

static int metrics_show(struct seq_file *m, void *v)
{
	struct bp_zone_reading *readings;
	unsigned int n;

	readings = bp_read_all_zones(&n);
	if (!readings)
		return -ENOMEM;

	show_blocks(m, readings, n);
	show_types(m);
	show_index(m, readings, n, KMEMLAB_UNUSABLE_INDEX);
	show_index(m, readings, n, KMEMLAB_EXTFRAG_INDEX);
	kfree(readings);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(metrics);

void bp_metrics_create(struct dentry *dir)
{
	debugfs_create_file("metrics", 0400, dir, NULL, &metrics_fops);
}
