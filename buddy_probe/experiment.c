// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs experiment: the last alloc or free done through the pages file,
 * as three readings of the block's zone->free_area[].nr_free: before,
 * predicted (the buddy split or merge, from free_area_predict.c) and
 * observed.  Before and observed are read under zone->lock right around
 * the call; anything else that allocates or frees in the zone in between
 * (another CPU, an interrupt) shows up as a difference.
 *
 * Everything here runs under bp_pages_lock, taken by pages.c.  Each
 * experiment starts from a blank record: nothing of the one before may
 * show through.
 */
#include <linux/debugfs.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kmemlab/buddy_math.h>
#include <kmemlab/compat.h>
#include <kmemlab/free_area_predict.h>
#include <kmemlab/migratetype_names.h>
#include "buddy_probe.h"

/* BP_GFP is neither movable nor reclaimable: the Unmovable free lists. */
#define BP_ALLOC_MIGRATETYPE	MIGRATE_UNMOVABLE

struct bp_experiment {
	bool valid;
	bool alloc;			/* else a free */
	unsigned int order;
	unsigned long pfn;
	/* alloc: the order split; fallback: no block of the type was free */
	int from;
	bool fallback;
	unsigned int merges;		/* free */
	int predict_err;		/* 0, or why there is no prediction */
	/* alloc: mm_page_alloc_extfrag events during the call, if counted */
	bool fallbacks_counted;
	unsigned long fallbacks;
	struct kmemlab_zone_counts before, observed;
	unsigned long predicted[KMEMLAB_MAX_ORDERS];
};

static struct bp_experiment exp;
/* Every zone, read before an alloc: the block's zone is known only after. */
static struct bp_zone_reading *readings;
static unsigned int nr_readings, max_readings;
static struct zone *free_zone;	/* between free_begin and free_end */
static unsigned long fallbacks_before;	/* between alloc_begin and alloc_end */

int bp_experiment_init(void)
{
	max_readings = bp_nr_zones();
	readings = kcalloc(max_readings, sizeof(*readings), GFP_KERNEL);
	return readings ? 0 : -ENOMEM;
}

void bp_experiment_exit(void)
{
	kfree(readings);
	readings = NULL;
}

void bp_experiment_alloc_begin(void)
{
	BUILD_BUG_ON(BP_GFP & (__GFP_MOVABLE | __GFP_RECLAIMABLE));
	nr_readings = bp_read_zones(readings, max_readings,
				    BP_ALLOC_MIGRATETYPE);
	/* Last: the readings may allocate nothing, but take time. */
	bp_fallbacks_total(&fallbacks_before);
}

/*
 * __rmqueue_smallest() splits the smallest free block of the wanted type
 * at or above @order.  If there is none, the kernel goes to the largest
 * block of another type (__rmqueue_fallback(), __rmqueue_claim() since
 * 6.15), and may first move a whole pageblock's free blocks to the wanted
 * type: the split then comes from the smallest of those, which the counts
 * cannot tell; since 6.15 a pageblock it cannot claim sends it to smaller
 * blocks, and at last to the smallest one (__rmqueue_steal()).  The
 * largest is the guess.
 */
static void predict_split(struct bp_zone_reading *before)
{
	unsigned int n = before->counts.nr_orders;
	unsigned long any;

	exp.from = kmemlab_smallest_order(before->type_orders, exp.order, n);
	exp.fallback = exp.from < 0;
	if (exp.fallback) {
		any = kmemlab_nonempty_orders(before->counts.nr_free, n);
		exp.from = kmemlab_largest_order(any, exp.order, n);
	}
	exp.predict_err = exp.from < 0 ? -ENOENT :
		kmemlab_predict_split(before->counts.nr_free, n, exp.order,
				      exp.from, exp.predicted);
}

void bp_experiment_alloc_end(struct page *page, unsigned int order)
{
	struct bp_zone_reading *before;
	struct zone *zone = page_zone(page);
	struct kmemlab_zone_counts observed;
	unsigned long fallbacks;
	bool counted;

	/* First, before anything else can change the zone or fall back. */
	counted = bp_fallbacks_total(&fallbacks);
	bp_read_zone_counts(zone, &observed);
	memset(&exp, 0, sizeof(exp));
	exp.fallbacks_counted = counted;
	exp.fallbacks = fallbacks - fallbacks_before;
	exp.observed = observed;
	exp.valid = true;
	exp.alloc = true;
	exp.order = order;
	exp.pfn = page_to_pfn(page);
	exp.from = -1;
	before = bp_find_reading(readings, nr_readings, zone);
	if (!before) {
		/* A zone hotplugged since load: not in readings[]. */
		exp.before = exp.observed;
		exp.predict_err = -ENOENT;
		return;
	}
	exp.before = before->counts;
	predict_split(before);
}

/*
 * How many times the block at @pfn will merge when freed: the buddy of
 * each order must be a free block of that very order in the same zone
 * (what __free_one_page() checks with page_is_buddy()).  Under zone->lock,
 * so that no buddy changes while it is looked at.  Not modelled: guard
 * pages (debug_pagealloc) and the refusal to merge an isolated pageblock
 * with another above pageblock_order.
 */
static unsigned int count_merges(struct zone *zone, unsigned long pfn,
				 unsigned int order)
{
	unsigned int o;

	lockdep_assert_held(&zone->lock);
	for (o = order; o < KMEMLAB_NR_ORDERS - 1; o++) {
		unsigned long buddy_pfn = kmemlab_buddy_pfn(pfn, o);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn) || !zone_spans_pfn(zone, buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		/* page_private() of a free block's head page is its order. */
		if (page_zone(buddy) != zone || !PageBuddy(buddy) ||
		    page_private(buddy) != o)
			break;
		pfn = kmemlab_parent_pfn(pfn, o);
	}
	return o - order;
}

void bp_experiment_free_begin(struct page *page, unsigned int order)
{
	unsigned long flags;

	free_zone = page_zone(page);
	memset(&exp, 0, sizeof(exp));
	exp.order = order;
	exp.pfn = page_to_pfn(page);
	spin_lock_irqsave(&free_zone->lock, flags);
	bp_read_zone_counts_locked(free_zone, &exp.before);
	exp.merges = count_merges(free_zone, exp.pfn, order);
	spin_unlock_irqrestore(&free_zone->lock, flags);
}

void bp_experiment_free_end(void)
{
	bp_read_zone_counts(free_zone, &exp.observed);
	free_zone = NULL;
	exp.valid = true;
	exp.predict_err = kmemlab_predict_merge(exp.before.nr_free,
						exp.before.nr_orders,
						exp.order, exp.merges,
						exp.predicted);
}

static void show_row(struct seq_file *m, const char *label,
		     const unsigned long *counts, unsigned int n)
{
	unsigned int order;

	seq_printf(m, "%-10s", label);
	for (order = 0; order < n; order++)
		seq_printf(m, "%6lu ", counts[order]);
	seq_putc(m, '\n');
}

static void show_prediction(struct seq_file *m)
{
	const char *type = kmemlab_migratetype_name(BP_ALLOC_MIGRATETYPE);

	if (exp.predict_err)
		seq_puts(m, "prediction: none: no free block to take, or the zone was not read before\n");
	else if (!exp.alloc && !exp.merges)
		seq_printf(m, "prediction: no merge: the order-%u buddy is not free\n",
			   exp.order);
	else if (!exp.alloc && exp.merges == 1)
		seq_printf(m, "prediction: 1 merge: the order-%u buddy is free, the block returns as order %u\n",
			   exp.order, exp.order + 1);
	else if (!exp.alloc)
		seq_printf(m, "prediction: %u merges: the buddies of orders %u to %u are free, the block returns as order %u\n",
			   exp.merges, exp.order, exp.order + exp.merges - 1,
			   exp.order + exp.merges);
	else if (!exp.fallback && exp.from == exp.order)
		seq_printf(m, "prediction: take a free %s block of order %u: no split\n",
			   type, exp.order);
	else if (!exp.fallback && exp.from == exp.order + 1)
		seq_printf(m, "prediction: split a free %s block of order %d (the smallest order >= %u with one): one half is taken, the other stays free at order %u\n",
			   type, exp.from, exp.order, exp.order);
	else if (!exp.fallback)
		seq_printf(m, "prediction: split a free %s block of order %d (the smallest order >= %u with one): the unused halves stay free, one each at orders %d down to %u\n",
			   type, exp.from, exp.order, exp.from - 1, exp.order);
	else if (KMEMLAB_RMQUEUE_CLAIM_STEAL)
		seq_printf(m, "prediction: no free %s block of order >= %u: __rmqueue_claim() takes another type's largest block, guessed as order %d, with its pageblock; if it takes a whole pageblock the split can start lower, and if it cannot claim one __rmqueue_steal() takes the smallest block\n",
			   type, exp.order, exp.from);
	else
		seq_printf(m, "prediction: no free %s block of order >= %u: a fallback steals from another type, guessed as its largest block, order %d; if it takes a whole pageblock the split can start lower\n",
			   type, exp.order, exp.from);
	if (kmemlab_pcp_order(exp.order))
		seq_printf(m, "note: order %u goes through the per-cpu page lists: the block may come from, or go to, a per-cpu list without touching free_area, and a refill or drain moves many blocks at once\n",
			   exp.order);
}

/* What the probe on mm_page_alloc_extfrag saw, anywhere, during the alloc. */
static void show_fallbacks(struct seq_file *m)
{
	if (!exp.alloc)
		return;
	if (!exp.fallbacks_counted)
		seq_puts(m, "observed: fallbacks not counted: no mm_page_alloc_extfrag tracepoint\n");
	else if (!exp.fallbacks)
		seq_puts(m, "observed: no fallback: mm_page_alloc_extfrag did not fire during the alloc\n");
	else
		seq_printf(m, "observed: a fallback: mm_page_alloc_extfrag fired %lu time(s) during the alloc (see fallbacks)\n",
			   exp.fallbacks);
}

static bool counts_match(void)
{
	return !exp.predict_err &&
	       !memcmp(exp.predicted, exp.observed.nr_free,
		       exp.observed.nr_orders * sizeof(exp.predicted[0]));
}

static int experiment_show(struct seq_file *m, void *v)
{
	unsigned int order, n;
	int ret;

	ret = bp_lock_pages();
	if (ret)
		return ret;
	if (!exp.valid) {
		seq_puts(m, "no experiment yet: write 'alloc ORDER' or 'free PFN' to pages\n");
		goto out;
	}
	n = exp.observed.nr_orders;
	seq_printf(m, "%s order %u at pfn %lu: Node %d, zone %s\n",
		   exp.alloc ? "alloc" : "free", exp.order, exp.pfn,
		   exp.observed.nid, exp.observed.zone);
	show_prediction(m);
	show_fallbacks(m);
	seq_printf(m, "%-10s", "order");
	for (order = 0; order < n; order++)
		seq_printf(m, "%6u ", order);
	seq_putc(m, '\n');
	show_row(m, "before", exp.before.nr_free, n);
	if (!exp.predict_err)
		show_row(m, "predicted", exp.predicted, n);
	show_row(m, "observed", exp.observed.nr_free, n);
	seq_puts(m, counts_match() ? "match\n" : "differ\n");
out:
	bp_unlock_pages();
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(experiment);

void bp_experiment_create(struct dentry *dir)
{
	debugfs_create_file("experiment", 0400, dir, NULL, &experiment_fops);
}
