// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs snapshot: "echo 1 > snapshot" records every zone's free block
 * counts; reading prints, per zone, how many free blocks each order has
 * gained or lost since, and the change in free pages.  "echo 0" forgets
 * the baseline.  Zones are keyed by node and zone index, which do not
 * change after boot (memory hotplug can add zones: they are reported as
 * having no baseline).
 */
#include <linux/debugfs.h>
#include <linux/jiffies.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kmemlab/cmd_line.h>
#include <kmemlab/snapshot_delta.h>
#include "buddy_probe.h"

static DEFINE_MUTEX(snapshot_lock);
static struct bp_zone_reading *baseline;	/* under snapshot_lock */
static unsigned int baseline_n;
static unsigned long baseline_jiffies;

static void show_zone(struct seq_file *m, struct zone *zone)
{
	struct bp_zone_reading *then;
	struct kmemlab_zone_counts now;
	struct kmemlab_zone_delta delta;
	char line[KMEMLAB_DELTA_LINE_MAX];

	bp_read_zone_counts(zone, &now);
	then = bp_find_reading(baseline, baseline_n, zone);
	if (!then || kmemlab_snapshot_delta(&then->counts, &now, &delta)) {
		seq_printf(m, KMEMLAB_ZONE_PREFIX "no baseline: the zone is newer\n",
			   now.nid, now.zone);
		return;
	}
	kmemlab_delta_format(line, sizeof(line), &now, &delta);
	seq_puts(m, line);
}

static int snapshot_show(struct seq_file *m, void *v)
{
	unsigned int ms;
	struct zone *zone;

	mutex_lock(&snapshot_lock);
	if (!baseline) {
		seq_puts(m, "no baseline: write 1 to this file to record one\n");
		goto out;
	}
	ms = jiffies_to_msecs(jiffies - baseline_jiffies);
	seq_printf(m, "change since the baseline of %u.%03u s ago: free blocks per order, then free pages\n",
		   ms / 1000, ms % 1000);
	for (zone = bp_first_zone(); zone; zone = bp_next_zone(zone))
		show_zone(m, zone);
out:
	mutex_unlock(&snapshot_lock);
	return 0;
}

/* Replaces the baseline with @readings (NULL: none); frees the old one. */
static void set_baseline(struct bp_zone_reading *readings, unsigned int n)
{
	struct bp_zone_reading *old;

	mutex_lock(&snapshot_lock);
	old = baseline;
	baseline = readings;
	baseline_n = n;
	baseline_jiffies = jiffies;
	mutex_unlock(&snapshot_lock);
	kfree(old);
}

/* The baseline includes its own memory (bp_read_all_zones()). */
static int record_baseline(void)
{
	struct bp_zone_reading *readings;
	unsigned int n;

	readings = bp_read_all_zones(&n);
	if (!readings)
		return -ENOMEM;
	set_baseline(readings, n);
	return 0;
}

static ssize_t snapshot_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	const char *why;
	char buf[8];
	char *cmd;
	int ret;

	if (!count)
		return 0;
	ret = bp_copy_line(buf, sizeof(buf), ubuf, count, "snapshot");
	if (ret)
		return ret;
	if (kmemlab_cmd_line(buf, &why)) {
		bp_refuse("snapshot: write refused: %s\n", why);
		return -EINVAL;
	}
	cmd = strim(buf);
	if (!strcmp(cmd, "1"))
		ret = record_baseline();
	else if (!strcmp(cmd, "0"))
		set_baseline(NULL, 0);
	else
		ret = -EINVAL;
	if (ret == -EINVAL)
		bp_refuse("snapshot: '%*pE' refused: write 1 (record) or 0 (forget)\n",
			  (int)strlen(cmd), cmd);
	else if (ret)
		bp_refuse("snapshot: no baseline recorded: out of memory\n");
	return ret ? ret : count;
}

static int snapshot_open(struct inode *inode, struct file *file)
{
	return single_open(file, snapshot_show, inode->i_private);
}

static const struct file_operations snapshot_fops = {
	.owner = THIS_MODULE,
	.open = snapshot_open,
	.read = seq_read,
	.write = snapshot_write,
	.llseek = seq_lseek,
	.release = single_release,
};

void bp_snapshot_create(struct dentry *dir)
{
	debugfs_create_file("snapshot", 0600, dir, NULL, &snapshot_fops);
}

void bp_snapshot_exit(void)
{
	set_baseline(NULL, 0);
}
