// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs pages: the alloc_pages() experiment.  "alloc ORDER [COUNT]"
 * takes blocks of 2^ORDER pages with alloc_pages(GFP_KERNEL), "free PFN"
 * and "free all" give them back; reading lists the blocks held, with
 * each block's physical address found two ways and its buddy's pfn.
 * Whatever is still held at rmmod is freed then.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include <kmemlab/buddy_math.h>
#include <kmemlab/compat.h>
#include <kmemlab/pages_cmd.h>
#include "buddy_probe.h"

struct bp_block {
	struct list_head node;
	struct page *page;
	unsigned long pfn;
	unsigned int order;
};

/* Serialises writers, and readers of the list and of the experiment. */
DEFINE_MUTEX(bp_pages_lock);
static LIST_HEAD(bp_blocks);		/* under bp_pages_lock */
static unsigned long bp_held_pages;	/* under bp_pages_lock */

/* The pages the user may hold: 1/BP_HOLD_SHARE of what is free now. */
#define BP_HOLD_SHARE	4

static bool over_limit(unsigned int order, unsigned int count)
{
	unsigned long want = (unsigned long)count << order;

	return bp_held_pages + want >
	       global_zone_page_state(NR_FREE_PAGES) / BP_HOLD_SHARE;
}

static void log_block(const struct bp_block *blk)
{
	pr_info("demo: order %u: pfn %lu phys %#llx buddy pfn %lu\n",
		blk->order, blk->pfn,
		(unsigned long long)page_to_phys(blk->page),
		kmemlab_buddy_pfn(blk->pfn, blk->order));
}

/*
 * Takes one block.  The list entry is allocated first, so that the
 * experiment's before and observed readings frame alloc_pages() alone.
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
	page = alloc_pages(BP_GFP, order);
	if (!page) {
		kfree(blk);
		return -ENOMEM;
	}
	if (measure)
		bp_experiment_alloc_end(page, order);
	blk->page = page;
	blk->pfn = page_to_pfn(page);
	blk->order = order;
	list_add_tail(&blk->node, &bp_blocks);
	bp_held_pages += 1UL << order;
	if (log)
		log_block(blk);
	return 0;
}

/**
 * bp_pages_alloc() - take @count blocks of @order
 * @order: at most the largest order (the caller checks)
 * @count: 1 to KMEMLAB_PAGES_COUNT_MAX
 * @log: print each block to the kernel log (demo_orders=)
 *
 * The experiment records the last block.  Blocks taken before a failure
 * stay held.
 *
 * Return: 0 or -ENOMEM.
 */
int bp_pages_alloc(unsigned int order, unsigned int count, bool log)
{
	unsigned int i;
	int ret = 0;

	mutex_lock(&bp_pages_lock);
	if (over_limit(order, count)) {
		bp_refuse("pages: alloc %u x order %u refused: over 1/%u of free memory\n",
			  count, order, BP_HOLD_SHARE);
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < count; i++) {
		ret = alloc_block(order, i == count - 1, log);
		if (ret) {
			bp_refuse("pages: alloc order %u failed at block %u of %u\n",
				  order, i + 1, count);
			break;
		}
		cond_resched();
	}
out:
	mutex_unlock(&bp_pages_lock);
	return ret;
}

/* Unlinks, then frees: no list entry ever points to a freed block. */
static void free_block(struct bp_block *blk, bool measure)
{
	list_del(&blk->node);
	bp_held_pages -= 1UL << blk->order;
	if (measure)
		bp_experiment_free_begin(blk->page, blk->order);
	__free_pages(blk->page, blk->order);
	if (measure)
		bp_experiment_free_end();
	kfree(blk);
}

static int free_pfn(unsigned long pfn)
{
	struct bp_block *blk;
	int ret = -EINVAL;

	mutex_lock(&bp_pages_lock);
	list_for_each_entry(blk, &bp_blocks, node) {
		if (blk->pfn == pfn) {
			free_block(blk, true);
			ret = 0;
			break;
		}
	}
	mutex_unlock(&bp_pages_lock);
	if (ret)
		bp_refuse("pages: free %lu refused: no block held at that pfn\n",
			  pfn);
	return ret;
}

/* The experiment records the last block freed. */
static void free_all(bool measure)
{
	struct bp_block *blk, *next;

	mutex_lock(&bp_pages_lock);
	list_for_each_entry_safe(blk, next, &bp_blocks, node)
		free_block(blk, measure && list_is_last(&blk->node, &bp_blocks));
	mutex_unlock(&bp_pages_lock);
}

/* At rmmod: returns everything still held, and says how much. */
void bp_pages_free_all(void)
{
	unsigned long pages = bp_held_pages;

	free_all(false);
	if (pages)
		pr_info("freed the %lu pages still held\n", pages);
}

static ssize_t pages_write(struct file *file, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	char line[KMEMLAB_PAGES_CMD_MAX + 1], words[KMEMLAB_PAGES_CMD_MAX + 1];
	struct kmemlab_pages_cmd cmd;
	const char *why;
	int ret;

	ret = bp_copy_line(line, sizeof(line), ubuf, count, "pages");
	if (ret)
		return ret;
	strscpy(words, line, sizeof(words));
	ret = kmemlab_pages_cmd_parse(words, KMEMLAB_NR_ORDERS - 1, &cmd, &why);
	if (ret) {
		bp_refuse("pages: '%*pE' refused: %s\n",
			  (int)strcspn(line, "\n"), line, why);
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
		free_all(true);
		break;
	}
	return ret ? ret : count;
}

static void *pages_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&bp_pages_lock);
	return seq_list_start_head(&bp_blocks, *pos);
}

static void *pages_next(struct seq_file *m, void *v, loff_t *pos)
{
	return seq_list_next(v, &bp_blocks, pos);
}

static void pages_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&bp_pages_lock);
}

/*
 * page_to_phys() goes from the page's frame number; virt_to_phys() from
 * its address in the kernel's linear map.  They agree because GFP_KERNEL
 * pages always lie in the linear map, at a fixed offset from their
 * physical address.
 */
static int pages_show(struct seq_file *m, void *v)
{
	const struct bp_block *blk;
	phys_addr_t phys, linear;

	if (v == &bp_blocks) {
		seq_printf(m, "%5s %10s %18s %10s %18s %5s %4s %s\n", "order",
			   "pfn", "phys", "buddy_pfn", "virt_to_phys",
			   "agree", "node", "zone");
		return 0;
	}
	blk = list_entry(v, struct bp_block, node);
	phys = page_to_phys(blk->page);
	linear = virt_to_phys(page_address(blk->page));
	seq_printf(m, "%5u %10lu %#18llx %10lu %#18llx %5s %4d %s\n",
		   blk->order, blk->pfn, (unsigned long long)phys,
		   kmemlab_buddy_pfn(blk->pfn, blk->order),
		   (unsigned long long)linear, phys == linear ? "yes" : "no",
		   page_to_nid(blk->page), page_zone(blk->page)->name);
	return 0;
}

static const struct seq_operations pages_sops = {
	.start = pages_start,
	.next = pages_next,
	.stop = pages_stop,
	.show = pages_show,
};

static int pages_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &pages_sops);
}

static const struct file_operations pages_fops = {
	.owner = THIS_MODULE,
	.open = pages_open,
	.read = seq_read,
	.write = pages_write,
	.llseek = seq_lseek,
	.release = seq_release,
};

void bp_pages_create(struct dentry *dir)
{
	debugfs_create_file("pages", 0600, dir, NULL, &pages_fops);
}
