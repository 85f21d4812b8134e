/* SPDX-License-Identifier: GPL-2.0 */
/* Internal interfaces between buddy_probe's files. */
#ifndef BUDDY_PROBE_H
#define BUDDY_PROBE_H

#include <linux/gfp.h>
#include <linux/mmzone.h>
#include <kmemlab/buddyinfo_fmt.h>

struct dentry;
struct file;
struct seq_file;

/*
 * Populated zones of online nodes, in /proc/buddyinfo order:
 *	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone))
 */
struct zone *bp_first_zone(void);
struct zone *bp_next_zone(struct zone *zone);
unsigned int bp_nr_zones(void);
void bp_show_by_node(struct seq_file *m,
		     void (*header)(struct seq_file *m),
		     void (*show)(struct seq_file *m, struct zone *zone));

/*
 * single_open() with room for the whole file: @per_zone lines for each
 * zone and @extra more, of at most BP_LINE_MAX bytes.  seq_file then
 * never has to grow its buffer and run @show, with all its zone->lock
 * holds, again.
 */
#define BP_LINE_MAX	160
int bp_zones_open(struct file *file, int (*show)(struct seq_file *, void *),
		  unsigned int per_zone, unsigned int extra);

/* A zone's free block counts, with the zone's identity. */
struct bp_zone_reading {
	int zone_idx;			/* with counts.nid, the zone's key */
	unsigned long type_orders;	/* see bp_read_zones() */
	struct kmemlab_zone_counts counts;
};

/* A zone's counts, under its zone->lock; _locked: the caller holds it. */
void bp_read_zone_counts(struct zone *zone, struct kmemlab_zone_counts *zc);
void bp_read_zone_counts_locked(struct zone *zone,
				struct kmemlab_zone_counts *zc);
unsigned int bp_read_zones(struct bp_zone_reading *readings,
			   unsigned int max, int migratetype);
struct bp_zone_reading *bp_read_all_zones(unsigned int *n);
struct bp_zone_reading *bp_find_reading(struct bp_zone_reading *readings,
					unsigned int n, struct zone *zone);

/* Writes: a bounded copy of one line, and refusals the user can read. */
int bp_copy_line(char *buf, size_t size, const char __user *ubuf,
		 size_t count, const char *file);
__printf(1, 2) void bp_refuse(const char *fmt, ...);

/*
 * The pages experiment (pages.c).  Its lock, bp_pages_lock, also guards
 * experiment.c: taken with bp_lock_pages() (killable: -EINTR), dropped
 * with bp_unlock_pages(), which time each hold for stats.  BP_GFP is the
 * base of its allocation flags.
 */
#define BP_GFP		(GFP_KERNEL | __GFP_NOWARN)
int bp_lock_pages(void);
void bp_unlock_pages(void);
int bp_pages_alloc(unsigned int order, unsigned int count, bool demo);
void bp_pages_free_all(bool log);
void bp_pages_usage(unsigned long *cap, unsigned long *charge,
		    unsigned long *blocks);

/* show_addrs=: frame numbers and physical addresses in the kernel log. */
extern bool bp_show_addrs;

/* The last alloc or free of the pages file, held to a prediction. */
int bp_experiment_init(void);
void bp_experiment_exit(void);
void bp_experiment_alloc_begin(void);
void bp_experiment_alloc_end(struct page *page, unsigned int order);
void bp_experiment_free_begin(struct page *page, unsigned int order);
void bp_experiment_free_end(void);

/*
 * One free list's length, under zone->lock; stops at BP_LIST_CAP
 * (*overflow), where mm/vmstat.c stops counting and prints ">100000".
 */
#define BP_LIST_CAP	100000
unsigned long bp_count_free_list(struct zone *zone, unsigned int order,
				 int mtype, bool *overflow);

/* Every bp_count_free_list() walk: it held a zone->lock for @ns. */
void bp_stats_lock_held(u64 ns);
/*
 * Every hold of bp_pages_lock, and every stretch of the pages code
 * between two chances to reschedule.
 */
void bp_stats_pages_lock_held(u64 ns);
void bp_stats_stretch(u64 ns);

/* The walks under a zone->lock that stats counts, and the longest of each. */
enum bp_hold {
	BP_HOLD_FREE_LIST,	/* one free list, counted */
	BP_HOLD_PAGEBLOCKS,	/* one zone's pageblocks, counted by type */
	BP_HOLD_PAGEBLOCK_MAP,	/* one pageblock's free pages */
	BP_NR_HOLDS
};

void bp_stats_hold(enum bp_hold kind, u64 ns);

/*
 * Pageblocks (pageblocks.c), as mm/vmstat.c counts them: the page of step
 * @pfn of the zone's walk if it counts (online, and in @zone), and its
 * block's migrate type; both under zone->lock.
 */
struct page *bp_pageblock_page(struct zone *zone, unsigned long pfn);
unsigned int bp_pageblock_migratetype(struct zone *zone, unsigned long pfn);
void bp_count_pageblocks(struct zone *zone, unsigned long *counts);

void bp_buddyinfo_create(struct dentry *dir);
void bp_pagetypeinfo_create(struct dentry *dir);
void bp_frag_index_create(struct dentry *dir);
void bp_snapshot_create(struct dentry *dir);
void bp_snapshot_exit(void);
void bp_pages_create(struct dentry *dir);
void bp_experiment_create(struct dentry *dir);
void bp_stats_create(struct dentry *dir);
void bp_metrics_create(struct dentry *dir);
void bp_pageblocks_create(struct dentry *dir);
void bp_pageblock_map_create(struct dentry *dir);
void bp_zoneinfo_create(struct dentry *dir);
void bp_watermarks_create(struct dentry *dir);

/* mm_page_alloc_extfrag events counted from load on (fallbacks.c). */
int bp_fallbacks_init(void);
void bp_fallbacks_exit(void);
bool bp_fallbacks_total(unsigned long *total);
void bp_fallbacks_create(struct dentry *dir);

#endif /* BUDDY_PROBE_H */
