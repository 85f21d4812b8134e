// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs fallbacks: the kernel's mm_page_alloc_extfrag events, counted
 * from load on.  The event fires when an allocation finds no free block
 * of its migrate type and takes one from another type's free list (a
 * fallback); it says whether the pageblock changed owner.  A probe on the
 * tracepoint counts each event in one cell of a table (lib/fallback_fmt.c)
 * per (alloc order, fallback order, from type, to type, ownership).
 *
 * The probe runs inside the page allocator, under zone->lock with
 * interrupts off: it does an index computation and two atomic
 * increments, nothing else.
 */
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <kmemlab/compat.h>
#include <kmemlab/fallback_fmt.h>
#include <kmemlab/migratetype_names.h>
#include "buddy_probe.h"

#define BP_FALLBACK_CELLS						\
	(KMEMLAB_NR_ORDERS * KMEMLAB_NR_ORDERS * MIGRATE_TYPES * MIGRATE_TYPES * 2)

static atomic_long_t bp_fallback_counts[BP_FALLBACK_CELLS];
static atomic_long_t bp_fallback_unclassified;
static atomic_long_t bp_fallback_total;
/* Set once the probe is registered; NULL where there is no tracepoint. */
static struct tracepoint *bp_extfrag_tp;

/* TP_PROTO of mm_page_alloc_extfrag (include/trace/events/kmem.h). */
static void bp_extfrag_probe(void *data, struct page *page, int alloc_order,
			     int fallback_order, int alloc_migratetype,
			     int fallback_migratetype)
{
	/* change_ownership as the event's TP_fast_assign() computes it. */
	struct kmemlab_fallback_key key = {
		.alloc_order = alloc_order,
		.fallback_order = fallback_order,
		.from = fallback_migratetype,
		.to = alloc_migratetype,
		.change_ownership = alloc_migratetype ==
				    bp_pageblock_migratetype(page_zone(page),
							     page_to_pfn(page)),
	};
	long cell = kmemlab_fallback_cell(&key, KMEMLAB_NR_ORDERS,
					  MIGRATE_TYPES);

	if (cell < 0)
		atomic_long_inc(&bp_fallback_unclassified);
	else
		atomic_long_inc(&bp_fallback_counts[cell]);
	atomic_long_inc(&bp_fallback_total);
}

/*
 * Registers the probe; without the tracepoint there is nothing to
 * register, and the file says so.  Return: 0 or the registration's error.
 */
int bp_fallbacks_init(void)
{
	struct tracepoint *tp = kmemlab_find_tracepoint("mm_page_alloc_extfrag");
	int ret;

	BUILD_BUG_ON(KMEMLAB_MIGRATE_TYPES != MIGRATE_TYPES);
	if (!tp)
		return 0;
	ret = tracepoint_probe_register(tp, bp_extfrag_probe, NULL);
	if (ret)
		return ret;
	bp_extfrag_tp = tp;
	return 0;
}

/* After this no probe runs, or is about to: the module may go. */
void bp_fallbacks_exit(void)
{
	if (!bp_extfrag_tp)
		return;
	tracepoint_probe_unregister(bp_extfrag_tp, bp_extfrag_probe, NULL);
	tracepoint_synchronize_unregister();
	bp_extfrag_tp = NULL;
}

/* Whether fallbacks are counted, and if so *@total so far. */
bool bp_fallbacks_total(unsigned long *total)
{
	*total = atomic_long_read(&bp_fallback_total);
	return !!bp_extfrag_tp;
}

static unsigned long read_cell(const void *ctx, size_t cell)
{
	return atomic_long_read(&bp_fallback_counts[cell]);
}

static const char *type_name(unsigned int type)
{
	return kmemlab_migratetype_name(type) ?: "?";
}

static void emit(void *m, const char *line)
{
	seq_puts(m, line);
}

static int fallbacks_show(struct seq_file *m, void *v)
{
	struct kmemlab_fallback_table t = {
		.found = !!bp_extfrag_tp,
		.nr_orders = KMEMLAB_NR_ORDERS,
		.nr_types = MIGRATE_TYPES,
		.unclassified = atomic_long_read(&bp_fallback_unclassified),
		.count = read_cell,
		.type_name = type_name,
	};

	kmemlab_fallback_show(&t, emit, m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(fallbacks);

void bp_fallbacks_create(struct dentry *dir)
{
	debugfs_create_file("fallbacks", 0400, dir, NULL, &fallbacks_fops);
}
