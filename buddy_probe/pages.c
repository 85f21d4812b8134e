// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs pages: the alloc_pages() experiment.  "alloc ORDER [COUNT]"
 * takes blocks of 2^ORDER pages with alloc_pages(GFP_KERNEL), "free PFN"
 * and "free all" give them back; reading lists the blocks held, by pfn,
 * with each block's physical address found two ways and its buddy's pfn.
 * Whatever is still held at rmmod is freed then.
 *
 * The blocks are kept in an rbtree keyed by pfn, so that "free PFN" and a
 * read that resumes where the last read() stopped cost O(log n), and
 * every loop over them takes and drops bp_pages_lock in bounded steps:
 * with 10^5 blocks held neither a reader nor the rest of the system
 * waits for a whole pass.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/ktime.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stringify.h>
#include <linux/vmstat.h>
#include <kmemlab/buddy_math.h>
#include <kmemlab/compat.h>
#include <kmemlab/pages_cmd.h>
#include "buddy_probe.h"

struct bp_block {
	struct rb_node node;		/* in bp_blocks, by pfn */
	unsigned long pfn;
	unsigned int order;
};

/* Serialises writers, and readers of the blocks and of the experiment. */
static DEFINE_MUTEX(bp_pages_lock);
static struct rb_root bp_blocks = RB_ROOT;	/* under bp_pages_lock */
static unsigned long bp_held_pages;		/* under bp_pages_lock */
static unsigned long bp_nr_blocks;		/* under bp_pages_lock */
static u64 bp_locked_at;			/* under bp_pages_lock */

/*
 * The blocks the user may hold, with their bookkeeping, come to at most
 * 1/BP_HOLD_SHARE of the pages GFP_KERNEL could have if none were held.
 */
#define BP_HOLD_SHARE	4
/* Each block's kmalloc() object, at most the next power of two. */
#define BP_BLOCK_BYTES	roundup_pow_of_two(sizeof(struct bp_block))
#define BP_OVER_CAP	"over 1/" __stringify(BP_HOLD_SHARE) " of the memory GFP_KERNEL can use"
/* Blocks freed per hold of bp_pages_lock by "free all" and rmmod. */
#define BP_FREE_BATCH	64

/* Takes bp_pages_lock; a fatal signal while waiting gives -EINTR. */
int bp_lock_pages(void)
{
	if (mutex_lock_killable(&bp_pages_lock))
		return -EINTR;
	bp_locked_at = ktime_get_ns();
	return 0;
}

/* At rmmod, where everything must be freed: no signal stops it. */
static void lock_pages_for_exit(void)
{
	mutex_lock(&bp_pages_lock);
	bp_locked_at = ktime_get_ns();
}

void bp_unlock_pages(void)
{
	bp_stats_pages_lock_held(ktime_get_ns() - bp_locked_at);
	mutex_unlock(&bp_pages_lock);
}

/*
 * A stretch of the pages code between two chances to reschedule: *@t is
 * when it began.  bp_resched() ends one with cond_resched() and starts
 * the next; bp_stretch_end() ends the last, before the return to user
 * space, which is a chance too.
 */
static void bp_stretch_end(u64 *t)
{
	bp_stats_stretch(ktime_get_ns() - *t);
}

static void bp_resched(u64 *t)
{
	bp_stretch_end(t);
	cond_resched();
	*t = ktime_get_ns();
}

/* Pages and bookkeeping, as the cap counts them. */
static unsigned long charged(unsigned long pages, unsigned long blocks)
{
	return pages + DIV_ROUND_UP(blocks * BP_BLOCK_BYTES, PAGE_SIZE);
}

/*
 * The free pages a GFP_KERNEL allocation can take: in the zones up to
 * ZONE_NORMAL (not Movable, not HighMem), not CMA pageblocks, and above
 * what the zone keeps back, its high watermark and its reserve against
 * allocations that could have used a higher zone (lowmem_reserve[]), as
 * zone_watermark_ok() counts them.
 */
static unsigned long usable_free_pages(void)
{
	unsigned long pages = 0;
	struct zone *zone;
	long free;

	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone)) {
		if (zone_idx(zone) > ZONE_NORMAL)
			continue;
		free = zone_page_state(zone, NR_FREE_PAGES) -
		       zone_page_state(zone, NR_FREE_CMA_PAGES) -
		       high_wmark_pages(zone) - zone->lowmem_reserve[ZONE_NORMAL];
		if (free > 0)
			pages += free;
	}
	return pages;
}

/* The cap, in charged pages: a share of what would be usable if none were held. */
static unsigned long cap_pages(void)
{
	return (usable_free_pages() + charged(bp_held_pages, bp_nr_blocks)) /
	       BP_HOLD_SHARE;
}

static bool over_cap(unsigned int order, unsigned int count)
{
	return charged(bp_held_pages + ((unsigned long)count << order),
		       bp_nr_blocks + count) > cap_pages();
}

/* For stats: the cap, what is charged against it, and the blocks. */
void bp_pages_usage(unsigned long *cap, unsigned long *charge,
		    unsigned long *blocks)
{
	*cap = cap_pages();
	*charge = charged(bp_held_pages, bp_nr_blocks);
	*blocks = bp_nr_blocks;
}

/*
 * __GFP_NOWARN: a failed request is the user's answer.  A costly order
 * gives up after one round of compaction (__GFP_NORETRY); the small ones,
 * which the page allocator would otherwise retry until the OOM killer
 * made room, fail instead (__GFP_RETRY_MAYFAIL).
 */
static gfp_t block_gfp(unsigned int order)
{
	return BP_GFP | (order > PAGE_ALLOC_COSTLY_ORDER ? __GFP_NORETRY :
			 __GFP_RETRY_MAYFAIL);
}

static struct bp_block *find_block(unsigned long pfn)
{
	struct rb_node *node = bp_blocks.rb_node;

	while (node) {
		struct bp_block *blk = rb_entry(node, struct bp_block, node);

		if (pfn < blk->pfn)
			node = node->rb_left;
		else if (pfn > blk->pfn)
			node = node->rb_right;
		else
			return blk;
	}
	return NULL;
}

/* The block with the lowest pfn >= @pfn (> @pfn if @after), or NULL. */
static struct bp_block *block_from(unsigned long pfn, bool after)
{
	struct rb_node *node = bp_blocks.rb_node;
	struct bp_block *best = NULL;

	while (node) {
		struct bp_block *blk = rb_entry(node, struct bp_block, node);

		if (blk->pfn > pfn || (!after && blk->pfn == pfn)) {
			best = blk;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return best;
}

/* A held block's pfn is unique: alloc_pages() cannot hand it out twice. */
static void insert_block(struct bp_block *new)
{
	struct rb_node **link = &bp_blocks.rb_node, *parent = NULL;

	while (*link) {
		struct bp_block *blk = rb_entry(*link, struct bp_block, node);

		parent = *link;
		link = new->pfn < blk->pfn ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&new->node, parent, link);
	rb_insert_color(&new->node, &bp_blocks);
	bp_held_pages += 1UL << new->order;
	bp_nr_blocks++;
}

static void log_block(const struct bp_block *blk)
{
	struct page *page = pfn_to_page(blk->pfn);

	if (bp_show_addrs)
		pr_info("demo: order %u: pfn %lu phys %#llx buddy pfn %lu\n",
			blk->order, blk->pfn,
			(unsigned long long)page_to_phys(page),
			kmemlab_buddy_pfn(blk->pfn, blk->order));
	else
		pr_info("demo: order %u: %lu pages, node %d zone %s (show_addrs=1 logs where)\n",
			blk->order, 1UL << blk->order, page_to_nid(page),
			page_zone(page)->name);
}

/*
 * Takes one block, under bp_pages_lock.  The bookkeeping is allocated
 * first, so that the experiment's before and observed readings frame
 * alloc_pages() alone.
 */
static int alloc_block(unsigned int order, bool measure, bool log)
{
	struct bp_block *blk;
	struct page *page;

	blk = kmalloc(sizeof(*blk), GFP_KERNEL);
	if (!blk)
		return -ENOMEM;
	if (measure)
		bp_experiment_alloc_begin();
	page = alloc_pages(block_gfp(order), order);
	if (!page) {
		kfree(blk);
		return -ENOMEM;
	}
	if (measure)
		bp_experiment_alloc_end(page, order);
	blk->pfn = page_to_pfn(page);
	blk->order = order;
	insert_block(blk);
	if (log)
		log_block(blk);
	return 0;
}

/* One more block, its cap checked under the lock: 0, -EINTR, -ENOSPC or -ENOMEM. */
static int alloc_one(unsigned int order, bool measure, bool log)
{
	int ret;

	ret = bp_lock_pages();
	if (ret)
		return ret;
	ret = over_cap(order, 1) ? -ENOSPC : alloc_block(order, measure, log);
	bp_unlock_pages();
	return ret;
}

/* Why an alloc stopped at block @i of @count: -EINTR, -ENOSPC or -ENOMEM. */
static void refuse_alloc(int err, unsigned int order, unsigned int i,
			 unsigned int count)
{
	if (err == -EINTR)
		bp_refuse("pages: alloc order %u interrupted at block %u of %u: %s\n",
			  order, i, count, "the blocks taken stay held");
	else if (err == -ENOSPC)
		bp_refuse("pages: alloc order %u stopped at block %u of %u: %s\n",
			  order, i, count, BP_OVER_CAP);
	else
		bp_refuse("pages: alloc order %u failed at block %u of %u\n",
			  order, i, count);
}

/**
 * bp_pages_alloc() - take @count blocks of @order
 * @order: at most the largest order (the caller checks)
 * @count: 1 to KMEMLAB_PAGES_COUNT_MAX
 * @demo: for demo_orders=: log each block, and leave a failure for the
 *	caller to report (a refused load says why in one line)
 *
 * bp_pages_lock is held for one block at a time, and a fatal signal stops
 * the loop between two blocks.  The experiment records the last block.
 * Blocks taken before a failure stay held.
 *
 * Return: 0, -ENOMEM or -EINTR.
 */
int bp_pages_alloc(unsigned int order, unsigned int count, bool demo)
{
	unsigned int i;
	bool over;
	u64 t;
	int ret;

	ret = bp_lock_pages();
	if (ret)
		return ret;
	over = over_cap(order, count);
	bp_unlock_pages();
	if (over && !demo)
		bp_refuse("pages: alloc %u x order %u refused: %s\n", count, order,
			  BP_OVER_CAP);
	if (over)
		return -ENOMEM;
	t = ktime_get_ns();
	for (i = 0; i < count; i++) {
		if (fatal_signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		ret = alloc_one(order, i == count - 1, demo);
		if (ret)
			break;
		bp_resched(&t);
	}
	bp_stretch_end(&t);
	if (ret && !demo)
		refuse_alloc(ret, order, i + 1, count);
	return ret == -ENOSPC ? -ENOMEM : ret;
}

/* Unlinks, then frees: no tree node ever points to a freed block. */
static void free_block(struct bp_block *blk, bool measure)
{
	struct page *page = pfn_to_page(blk->pfn);

	rb_erase(&blk->node, &bp_blocks);
	bp_held_pages -= 1UL << blk->order;
	bp_nr_blocks--;
	if (measure)
		bp_experiment_free_begin(page, blk->order);
	__free_pages(page, blk->order);
	if (measure)
		bp_experiment_free_end();
	kfree(blk);
}

static int free_pfn(unsigned long pfn)
{
	struct bp_block *blk;
	int ret;

	ret = bp_lock_pages();
	if (ret)
		return ret;
	blk = find_block(pfn);
	if (blk)
		free_block(blk, true);
	bp_unlock_pages();
	if (!blk) {
		bp_refuse("pages: free %lu refused: no block held at that pfn\n",
			  pfn);
		return -EINVAL;
	}
	return 0;
}

/*
 * Frees every block, BP_FREE_BATCH per hold of the lock, with a chance
 * to reschedule between batches; blocks taken meanwhile are freed too.
 * The experiment records the block whose free empties the tree.  From a
 * write (@user) a fatal signal stops it between batches: -EINTR.
 */
static int free_all(bool measure, bool user)
{
	struct rb_node *node;
	unsigned int n;
	bool more;
	int ret;
	u64 t;

	t = ktime_get_ns();
	do {
		ret = 0;
		if (!user)
			lock_pages_for_exit();
		else if (fatal_signal_pending(current))
			ret = -EINTR;
		else
			ret = bp_lock_pages();
		if (ret)
			break;
		for (n = 0; n < BP_FREE_BATCH && (node = rb_first(&bp_blocks)); n++)
			free_block(rb_entry(node, struct bp_block, node),
				   measure && bp_nr_blocks == 1);
		more = !RB_EMPTY_ROOT(&bp_blocks);
		bp_unlock_pages();
		bp_resched(&t);
	} while (more);
	bp_stretch_end(&t);
	return ret;
}

/*
 * At rmmod, or when the load fails: returns everything still held, and
 * at rmmod (@log) says how much.
 */
void bp_pages_free_all(bool log)
{
	unsigned long pages = bp_held_pages;

	free_all(false, false);
	if (pages && log)
		pr_info("freed the %lu pages still held\n", pages);
}

static ssize_t pages_write(struct file *file, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	char line[KMEMLAB_PAGES_CMD_MAX + 1], words[KMEMLAB_PAGES_CMD_MAX + 1];
	struct kmemlab_pages_cmd cmd;
	const char *why;
	int ret;

	if (!count)
		return 0;
	ret = bp_copy_line(line, sizeof(line), ubuf, count, "pages");
	if (ret)
		return ret;
	strscpy(words, line, sizeof(words));
	ret = kmemlab_pages_cmd_parse(words, KMEMLAB_NR_ORDERS - 1, &cmd, &why);
	if (ret) {
		bp_refuse("pages: '%*pE' refused: %s\n",
			  (int)strcspn(line, "\r\n"), line, why);
		return ret;
	}

	switch (cmd.op) {
	case KMEMLAB_PAGES_ALLOC:
		ret = bp_pages_alloc(cmd.order, cmd.count, false);
		break;
	case KMEMLAB_PAGES_FREE:
		ret = free_pfn(cmd.pfn);
		break;
	case KMEMLAB_PAGES_FREE_ALL:
		ret = free_all(true, true);
		break;
	}
	return ret ? ret : count;
}

/*
 * Where the last read() stopped: row @pos (the header is row 0) is the
 * first block at or above @pfn.  A read() that goes on from there finds
 * it in O(log n), even if blocks were taken or freed in between: none is
 * listed twice, and none that stayed held is skipped.  Any other
 * position (the first read, at 0, or a read after one that failed)
 * walks from the first block.
 */
struct pages_cursor {
	bool valid;
	loff_t pos;
	unsigned long pfn;
	u64 started;		/* this stretch, for bp_stats_stretch() */
};

static void *pages_start(struct seq_file *m, loff_t *pos)
{
	struct pages_cursor *c = m->private;
	struct rb_node *node;
	loff_t i;

	if (bp_lock_pages())
		return ERR_PTR(-EINTR);
	c->started = ktime_get_ns();
	if (!*pos)
		return SEQ_START_TOKEN;
	if (c->valid && *pos == c->pos)
		return block_from(c->pfn, false);
	for (node = rb_first(&bp_blocks), i = 1; node && i < *pos; i++)
		node = rb_next(node);
	return node ? rb_entry(node, struct bp_block, node) : NULL;
}

static void *pages_next(struct seq_file *m, void *v, loff_t *pos)
{
	const struct bp_block *blk = v;
	struct pages_cursor *c = m->private;
	struct rb_node *node;
	struct bp_block *next;

	node = v == SEQ_START_TOKEN ? rb_first(&bp_blocks) : rb_next(&blk->node);
	next = node ? rb_entry(node, struct bp_block, node) : NULL;
	c->valid = true;
	c->pos = ++*pos;
	/* Past the last block: the next read() shows any taken above it. */
	c->pfn = next ? next->pfn : v == SEQ_START_TOKEN ? 0 : blk->pfn + 1;
	return next;
}

static void pages_stop(struct seq_file *m, void *v)
{
	struct pages_cursor *c = m->private;

	/* pages_start() failed to take the lock: there is nothing to drop. */
	if (IS_ERR(v))
		return;
	bp_stretch_end(&c->started);
	bp_unlock_pages();
}

/*
 * page_to_phys() goes from the page's frame number; virt_to_phys() from
 * its address in the kernel's linear map.  They agree because GFP_KERNEL
 * pages always lie in the linear map, at a fixed offset from their
 * physical address.
 */
static int pages_show(struct seq_file *m, void *v)
{
	const struct bp_block *blk = v;
	phys_addr_t phys, linear;
	struct page *page;

	if (v == SEQ_START_TOKEN) {
		seq_printf(m, "%5s %10s %18s %10s %18s %5s %4s %s\n", "order",
			   "pfn", "phys", "buddy_pfn", "virt_to_phys",
			   "agree", "node", "zone");
		return 0;
	}
	page = pfn_to_page(blk->pfn);
	phys = page_to_phys(page);
	linear = virt_to_phys(page_address(page));
	seq_printf(m, "%5u %10lu %#18llx %10lu %#18llx %5s %4d %s\n",
		   blk->order, blk->pfn, (unsigned long long)phys,
		   kmemlab_buddy_pfn(blk->pfn, blk->order),
		   (unsigned long long)linear, phys == linear ? "yes" : "no",
		   page_to_nid(page), page_zone(page)->name);
	return 0;
}

static const struct seq_operations pages_sops = {
	.start = pages_start,
	.next = pages_next,
	.stop = pages_stop,
	.show = pages_show,
};

/*
 * A stream: lseek() and pread() fail with ESPIPE (pwrite() does on any
 * seq_file).  A seek or a pread() elsewhere than where reading stopped
 * would have seq_file walk the listing up to it, every row under
 * bp_pages_lock in one hold.
 */
static int pages_open(struct inode *inode, struct file *file)
{
	nonseekable_open(inode, file);
	return seq_open_private(file, &pages_sops, sizeof(struct pages_cursor));
}

static const struct file_operations pages_fops = {
	.owner = THIS_MODULE,
	.open = pages_open,
	.read = seq_read,
	.write = pages_write,
	.release = seq_release_private,
};

void bp_pages_create(struct dentry *dir)
{
	debugfs_create_file("pages", 0600, dir, NULL, &pages_fops);
}
