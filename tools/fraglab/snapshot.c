// SPDX-License-Identifier: GPL-2.0
/*
 * One step's readings: /proc/buddyinfo parsed into zones and added up,
 * the /proc/vmstat counters of compaction and migration, and the
 * fragmentation index files, buddy_probe's where it is loaded, else the
 * kernel's extfrag/ (kernels with CONFIG_COMPACTION), else none.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/kernel.h>
#include <kmemlab/frag_delta.h>
#include <kmemlab/vmstat_parse.h>
#include "fraglab.h"

const char * const fl_vmstat_names[FL_NR_VMSTAT] = {
	[FL_NR_FREE_PAGES] = "nr_free_pages",
	[FL_COMPACT_STALL] = "compact_stall",
	[FL_COMPACT_FAIL] = "compact_fail",
	[FL_COMPACT_SUCCESS] = "compact_success",
	[FL_COMPACT_MIGRATE_SCANNED] = "compact_migrate_scanned",
	[FL_COMPACT_FREE_SCANNED] = "compact_free_scanned",
	[FL_COMPACT_ISOLATED] = "compact_isolated",
	[FL_PGMIGRATE_SUCCESS] = "pgmigrate_success",
	[FL_PGMIGRATE_FAIL] = "pgmigrate_fail",
};

static const char * const index_dirs[] = {
	"/sys/kernel/debug/buddy_probe",
	"/sys/kernel/debug/extfrag",
};

/* The whole of @path, up to FL_FILE_MAX bytes.  Return: 0 or -errno. */
int fl_read_file(const char *path, struct fl_file *f)
{
	ssize_t n;
	int fd, err = 0;

	f->len = 0;
	f->text = malloc(FL_FILE_MAX + 1);
	if (!f->text)
		return -ENOMEM;
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		err = -errno;
		goto out;
	}
	while (f->len < FL_FILE_MAX) {
		n = read(fd, f->text + f->len, FL_FILE_MAX - f->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			err = -errno;
		if (n <= 0)
			break;
		f->len += n;
	}
	close(fd);
out:
	if (err) {
		free(f->text);
		f->text = NULL;
		return err;
	}
	f->text[f->len] = '\0';
	return 0;
}

/*
 * Writes "1" to @path, a file that runs something when written (compaction,
 * a vmstat refresh).  Return: 0 or -errno (-EINTR if a signal came).
 */
int fl_trigger(const char *path)
{
	int fd, err = 0;

	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	if (write(fd, "1\n", 2) != 2)
		err = -errno;
	close(fd);
	return err;
}

static void release(struct fl_file *f)
{
	free(f->text);
	f->text = NULL;
	f->len = 0;
}

/*
 * Copies the line at *@p, newline included, into @line (the parsers want
 * a line alone) and moves *@p past it.  Return: 0, -ENOENT at the end,
 * -EINVAL for a line too long.
 */
static int next_line(const char **p, char *line, size_t size)
{
	size_t len = strcspn(*p, "\n");

	if (!**p)
		return -ENOENT;
	len += (*p)[len] == '\n';
	if (len >= size)
		return -EINVAL;
	memcpy(line, *p, len);
	line[len] = '\0';
	*p += len;
	return 0;
}

static int parse_buddyinfo(struct fl_snapshot *s)
{
	char line[KMEMLAB_BUDDYINFO_LINE_MAX];
	const char *p = s->buddyinfo.text;
	int err;

	s->nr_zones = 0;
	s->all.nr_orders = 0;
	while (!(err = next_line(&p, line, sizeof(line)))) {
		struct fl_zone *z = &s->zones[s->nr_zones];

		if (s->nr_zones == FL_MAX_ZONES ||
		    kmemlab_buddyinfo_parse(line, &z->counts, z->name,
					    sizeof(z->name)) ||
		    kmemlab_zone_counts_add(&s->all, &z->counts))
			return -EINVAL;
		s->nr_zones++;
	}
	return err == -ENOENT && s->nr_zones ? 0 : -EINVAL;
}

static int parse_vmstat(struct fl_snapshot *s)
{
	struct kmemlab_vmstat vs = {
		.names = fl_vmstat_names, .nr = FL_NR_VMSTAT, .values = s->vm,
	};
	const char *p = s->vmstat.text;
	char line[256];
	int err;

	while (!(err = next_line(&p, line, sizeof(line))))
		if (kmemlab_vmstat_take(&vs, line))
			return -EINVAL;
	s->vm_seen = vs.seen;
	return err == -ENOENT ? 0 : err;
}

/* The index files of the first directory that has both; none is fine. */
static void read_indices(struct fl_snapshot *s)
{
	char path[128];
	unsigned int i;

	s->index_dir = NULL;
	for (i = 0; i < ARRAY_SIZE(index_dirs); i++) {
		snprintf(path, sizeof(path), "%s/unusable_index", index_dirs[i]);
		if (fl_read_file(path, &s->unusable))
			continue;
		snprintf(path, sizeof(path), "%s/extfrag_index", index_dirs[i]);
		if (fl_read_file(path, &s->extfrag)) {
			release(&s->unusable);
			continue;
		}
		s->index_dir = index_dirs[i];
		return;
	}
}

/*
 * The pages on every per-cpu list, from the "count:" lines of
 * /proc/zoneinfo, read into @f (the caller releases it); -1 if it cannot
 * be read.
 */
static long long pcp_pages(struct fl_file *f)
{
	const char *line, *next;
	long long sum = 0;

	if (fl_read_file("/proc/zoneinfo", f))
		return -1;
	for (line = f->text; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			next++;
		line += strspn(line, " ");
		if (!strncmp(line, "count:", 6))
			sum += strtoll(line + 6, NULL, 10);
	}
	return sum;
}

/*
 * Since 6.7 a CPU that frees many pages lets its per-cpu list grow
 * (pcp->high tuned up to high_max), and vmstat's refresh gives the
 * excess back to the free lists an eighth at a time, once a second
 * (decay_pcp_high()).  Pages that wait there are free but not in
 * buddyinfo, and cannot merge: on 6.12, after a compaction, the lists
 * held 13155 pages, frames it had emptied among them, and the index had
 * not fallen.  A write to /proc/sys/vm/stat_refresh runs that refresh at
 * once on every CPU: repeated while the lists shrink, it settles them
 * before a reading.
 */
#define SETTLE_MAX	64	/* (7/8)^64: any pcp->high down to its floor */
#define SETTLE_QUIET	16	/* refreshes without a page given back */

static void settle(struct fl_snapshot *s)
{
	unsigned int quiet = 0;
	long long now;

	s->pcp_before = pcp_pages(&s->zoneinfo);
	s->pcp_after = s->pcp_before;
	while (s->pcp_after > 0 && quiet < SETTLE_QUIET &&
	       s->refreshes < SETTLE_MAX && !fl_trigger("/proc/sys/vm/stat_refresh")) {
		s->refreshes++;
		release(&s->zoneinfo);
		now = pcp_pages(&s->zoneinfo);
		quiet = now < s->pcp_after ? 0 : quiet + 1;
		s->pcp_after = now;
	}
}

/*
 * Reads the step, once the per-cpu lists have settled.  buddyinfo first,
 * right after whatever the step did: the other files are read in the
 * order a reader of the output meets them.
 * Return: 0, or -errno with nothing held.
 */
int fl_snapshot_take(struct fl_snapshot *s)
{
	int err;

	memset(s, 0, sizeof(*s));
	settle(s);
	err = fl_read_file("/proc/buddyinfo", &s->buddyinfo);
	if (err)
		return err;
	err = fl_read_file("/proc/vmstat", &s->vmstat);
	if (err)
		goto fail;
	err = parse_buddyinfo(s);
	if (!err)
		err = parse_vmstat(s);
	if (err)
		goto fail;
	read_indices(s);
	return 0;
fail:
	fl_snapshot_release(s);
	return err;
}

void fl_snapshot_release(struct fl_snapshot *s)
{
	release(&s->buddyinfo);
	release(&s->vmstat);
	release(&s->zoneinfo);
	release(&s->unusable);
	release(&s->extfrag);
}

/* MemFree of /proc/meminfo.  Return: 0 or -errno. */
int fl_meminfo_free_kib(unsigned long long *kib)
{
	struct fl_file f;
	char *p;
	int err;

	err = fl_read_file("/proc/meminfo", &f);
	if (err)
		return err;
	p = strstr(f.text, "MemFree:");
	err = p && sscanf(p, "MemFree: %llu kB", kib) == 1 ? 0 : -EINVAL;
	release(&f);
	return err;
}
