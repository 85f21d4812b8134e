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
 *
 * The file is a seq_file of small records, one family's lines for one
 * zone (and one migrate type, for the free lists), so that its buffer
 * stays a page: a scrape of a large machine allocates nothing that its
 * own counts would show, as a single buffer of the whole text would.
 * The zones' counts are read at the scrape's start (position 0) and kept
 * with the open file; the walks of the free lists and pageblocks are made
 * by their records.
 *
 * The watermarks and the free pages they are held to take the names,
 * help and labels of node_exporter's zoneinfo collector
 * (node_zoneinfo_*_pages); the pageblocks per migrate type
 * (/proc/pagetypeinfo's "Number of blocks type"), the watermarks' boost
 * and the pages on the per-cpu lists are kmemlab_*.
 */
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/percpu.h>
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

static void show_blocks(struct seq_file *m, const struct bp_zone_reading *r)
{
	unsigned int order;

	for (order = 0; order < r->counts.nr_orders; order++)
		seq_printf(m, "node_buddyinfo_blocks{node=\"%d\",zone=\"%s\",size=\"%u\"} %lu\n",
			   r->counts.nid, r->counts.zone, order,
			   r->counts.nr_free[order]);
}

/* A list of BP_LIST_CAP blocks or more counts as that, as in pagetypeinfo. */
static void show_types(struct seq_file *m, struct zone *zone, int mtype,
		       const unsigned long *free)
{
	unsigned int order;

	for (order = 0; order < KMEMLAB_NR_ORDERS; order++)
		seq_printf(m, "kmemlab_free_blocks{node=\"%d\",zone=\"%s\",order=\"%u\",type=\"%s\"} %lu\n",
			   zone_to_nid(zone), zone->name, order,
			   kmemlab_migratetype_name(mtype), free[order]);
}

static void show_index(struct seq_file *m, const struct bp_zone_reading *r,
		       enum kmemlab_frag_kind kind)
{
	const char *name = kind == KMEMLAB_UNUSABLE_INDEX ?
		"kmemlab_unusable_index" : "kmemlab_extfrag_index";
	const struct kmemlab_zone_counts *zc = &r->counts;
	struct kmemlab_contig_info info;
	unsigned int order;
	int index;

	for (order = 0; order < zc->nr_orders; order++) {
		kmemlab_fill_contig_info(zc->nr_free, zc->nr_orders, order,
					 &info);
		if (kind == KMEMLAB_UNUSABLE_INDEX)
			index = kmemlab_unusable_index(order, &info);
		else
			index = kmemlab_extfrag_index(order, zc->nr_orders,
						      &info);
		/* Thousandths, as a decimal: -1000 is -1.000. */
		seq_printf(m, "%s{node=\"%d\",zone=\"%s\",order=\"%u\"} %s%d.%03d\n",
			   name, zc->nid, zc->zone, order, index < 0 ? "-" : "",
			   abs(index) / 1000, abs(index) % 1000);
	}
}

static void show_pageblocks(struct seq_file *m, struct zone *zone,
			    const unsigned long *counts)
{
	int mtype;

	for (mtype = 0; mtype < MIGRATE_TYPES; mtype++)
		seq_printf(m, "kmemlab_pageblocks{node=\"%d\",zone=\"%s\",type=\"%s\"} %lu\n",
			   zone_to_nid(zone), zone->name,
			   kmemlab_migratetype_name(mtype), counts[mtype]);
}

/* The file's sections, a family each, in the order they are printed. */
enum section {
	S_BLOCKS, S_TYPES, S_UNUSABLE, S_EXTFRAG, S_PAGEBLOCKS,
	S_FREE, S_MIN, S_LOW, S_HIGH, S_BOOST, S_PCP,	/* a line per zone */
	NR_SECTIONS
};

static const struct {
	const char *name;
	const char *help;
} families[NR_SECTIONS] = {
	[S_BLOCKS] = {
		"node_buddyinfo_blocks",
		"Count of free blocks according to size.",
	},
	[S_TYPES] = {
		"kmemlab_free_blocks",
		"Free blocks per order and migrate type, as in /proc/pagetypeinfo (a list counts up to "
		__stringify(BP_LIST_CAP) ").",
	},
	[S_UNUSABLE] = {
		"kmemlab_unusable_index",
		"Fraction of free memory in blocks too small for an allocation of this order, as in extfrag/unusable_index.",
	},
	[S_EXTFRAG] = {
		"kmemlab_extfrag_index",
		"Why an allocation of this order would fail: towards 0 lack of memory, towards 1 fragmentation; -1 if it would succeed. As in extfrag/extfrag_index.",
	},
	[S_PAGEBLOCKS] = {
		"kmemlab_pageblocks",
		"Pageblocks per migrate type, as in /proc/pagetypeinfo's Number of blocks type.",
	},
	[S_FREE] = {
		"node_zoneinfo_nr_free_pages",
		"Total number of free pages in the zone",
	},
	[S_MIN] = { "node_zoneinfo_min_pages", "Zone watermark pages_min" },
	[S_LOW] = { "node_zoneinfo_low_pages", "Zone watermark pages_low" },
	[S_HIGH] = { "node_zoneinfo_high_pages", "Zone watermark pages_high" },
	[S_BOOST] = {
		"kmemlab_watermark_boost_pages",
		"Pages the watermarks are raised by for now, included in min, low and high (zoneinfo boost).",
	},
	[S_PCP] = {
		"kmemlab_pcp_pages",
		"Free pages on the zone's per-cpu lists, which nr_free_pages leaves out (zoneinfo count, summed over CPUs).",
	},
};

/* A zone's value for a section of a line per zone, as /proc/zoneinfo has it. */
static unsigned long zone_gauge(struct zone *zone, enum section section)
{
	unsigned long pages = 0;
	int cpu;

	switch (section) {
	case S_FREE:
		return zone_page_state(zone, NR_FREE_PAGES);
	case S_MIN:
		return min_wmark_pages(zone);
	case S_LOW:
		return low_wmark_pages(zone);
	case S_HIGH:
		return high_wmark_pages(zone);
	case S_BOOST:
		return zone->watermark_boost;
	default:
		for_each_online_cpu(cpu)
			pages += READ_ONCE(per_cpu_ptr(zone->per_cpu_pageset,
						       cpu)->count);
		return pages;
	}
}

/*
 * One open file's scrape: the zones' counts read at its start, and the
 * record a position names: a section, a zone of the readings, and a
 * migrate type in the section of the free lists.  A record that walks
 * free lists or pageblocks keeps what it counted, with its position:
 * seq_file shows a record that did not fit in the buffer again at the
 * next read(), and the walk, with its zone->lock holds, is not repeated.
 */
struct scrape {
	struct bp_zone_reading *readings;
	unsigned int n;
	unsigned int section, zone, mtype;
	loff_t pos;
	loff_t walked;	/* pos + 1 of the record counted below; 0: none */
	union {
		unsigned long free[KMEMLAB_NR_ORDERS];	/* S_TYPES */
		unsigned long blocks[MIGRATE_TYPES];	/* S_PAGEBLOCKS */
	} counted;
};

static unsigned int section_types(unsigned int section)
{
	return section == S_TYPES ? MIGRATE_TYPES : 1;
}

static void *metrics_start(struct seq_file *m, loff_t *pos)
{
	struct scrape *s = m->private;
	loff_t left = *pos;

	if (!*pos || !s->readings) {
		kfree(s->readings);
		s->walked = 0;
		s->readings = bp_read_all_zones(&s->n);
		if (!s->readings)
			return ERR_PTR(-ENOMEM);
	}
	s->pos = *pos;
	for (s->section = 0; s->section < NR_SECTIONS; s->section++) {
		loff_t records = (loff_t)s->n * section_types(s->section);

		if (left < records) {
			unsigned int record = left;

			s->zone = record / section_types(s->section);
			s->mtype = record % section_types(s->section);
			return s;
		}
		left -= records;
	}
	return NULL;
}

static void *metrics_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct scrape *s = v;

	s->pos = ++*pos;
	if (++s->mtype < section_types(s->section))
		return s;
	s->mtype = 0;
	if (++s->zone < s->n)
		return s;
	s->zone = 0;
	return ++s->section < NR_SECTIONS ? s : NULL;
}

static void metrics_stop(struct seq_file *m, void *v)
{
}

/* Walks the free lists or pageblocks of @s's record, once per scrape. */
static void count_record(struct scrape *s, struct zone *zone)
{
	unsigned int order;
	bool overflow;

	if (s->walked == s->pos + 1)
		return;
	if (s->section == S_TYPES)
		for (order = 0; order < KMEMLAB_NR_ORDERS; order++)
			s->counted.free[order] =
				bp_count_free_list(zone, order, s->mtype,
						   &overflow);
	else
		bp_count_pageblocks(zone, s->counted.blocks);
	s->walked = s->pos + 1;
}

static int metrics_show(struct seq_file *m, void *v)
{
	struct scrape *s = v;
	const struct bp_zone_reading *r = &s->readings[s->zone];
	struct zone *zone = &NODE_DATA(r->counts.nid)->node_zones[r->zone_idx];

	if (!s->zone && !s->mtype)
		family(m, families[s->section].name, families[s->section].help);
	switch (s->section) {
	case S_BLOCKS:
		show_blocks(m, r);
		break;
	case S_TYPES:
		count_record(s, zone);
		show_types(m, zone, s->mtype, s->counted.free);
		break;
	case S_UNUSABLE:
		show_index(m, r, KMEMLAB_UNUSABLE_INDEX);
		break;
	case S_EXTFRAG:
		show_index(m, r, KMEMLAB_EXTFRAG_INDEX);
		break;
	case S_PAGEBLOCKS:
		count_record(s, zone);
		show_pageblocks(m, zone, s->counted.blocks);
		break;
	default:
		seq_printf(m, "%s{node=\"%d\",zone=\"%s\"} %lu\n",
			   families[s->section].name, zone_to_nid(zone),
			   zone->name, zone_gauge(zone, s->section));
	}
	return 0;
}

static const struct seq_operations metrics_sops = {
	.start = metrics_start,
	.next = metrics_next,
	.stop = metrics_stop,
	.show = metrics_show,
};

static int metrics_open(struct inode *inode, struct file *file)
{
	return seq_open_private(file, &metrics_sops, sizeof(struct scrape));
}

static int metrics_release(struct inode *inode, struct file *file)
{
	struct scrape *s = ((struct seq_file *)file->private_data)->private;

	kfree(s->readings);
	return seq_release_private(inode, file);
}

static const struct file_operations metrics_fops = {
	.owner = THIS_MODULE,
	.open = metrics_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = metrics_release,
};

void bp_metrics_create(struct dentry *dir)
{
	debugfs_create_file("metrics", 0400, dir, NULL, &metrics_fops);
}
