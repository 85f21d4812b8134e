/* SPDX-License-Identifier: GPL-2.0 */
/* fraglab's parts: the readings of each step, and the child. */
#ifndef FRAGLAB_H
#define FRAGLAB_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <linux/types.h>
#include <kmemlab/buddyinfo_fmt.h>
#include <kmemlab/frag_pattern.h>

#define FL_MAX_ZONES		64
#define FL_ZONE_NAME_MAX	16
#define FL_FILE_MAX		(256 * 1024)

/* The /proc/vmstat counters each step reads (snapshot.c names them). */
enum fl_vmstat {
	FL_NR_FREE_PAGES,
	FL_COMPACT_STALL,
	FL_COMPACT_FAIL,
	FL_COMPACT_SUCCESS,
	FL_COMPACT_MIGRATE_SCANNED,
	FL_COMPACT_FREE_SCANNED,
	FL_COMPACT_ISOLATED,
	FL_PGMIGRATE_SUCCESS,
	FL_PGMIGRATE_FAIL,
	FL_NR_VMSTAT
};

extern const char * const fl_vmstat_names[FL_NR_VMSTAT];

/* A file as read, NUL-terminated. */
struct fl_file {
	char *text;
	size_t len;
};

struct fl_zone {
	char name[FL_ZONE_NAME_MAX];
	struct kmemlab_zone_counts counts;
};

/* What one step reads. */
struct fl_snapshot {
	struct fl_file buddyinfo, vmstat, unusable, extfrag;
	const char *index_dir;		/* where unusable/extfrag came from */
	unsigned int nr_zones;
	struct fl_zone zones[FL_MAX_ZONES];
	struct kmemlab_zone_counts all;	/* the zones added up */
	unsigned long long vm[FL_NR_VMSTAT];
	unsigned long vm_seen;		/* bit i: fl_vmstat i was found */
	/*
	 * Pages on the per-cpu lists before and after settling (-1: unknown),
	 * and the last /proc/zoneinfo read, which gave pcp_after.
	 */
	long long pcp_before, pcp_after;
	struct fl_file zoneinfo;
	unsigned int refreshes;		/* writes to stat_refresh */
};

int fl_read_file(const char *path, struct fl_file *f);
int fl_trigger(const char *path);
int fl_snapshot_take(struct fl_snapshot *s);
void fl_snapshot_release(struct fl_snapshot *s);
int fl_meminfo_free_kib(unsigned long long *kib);

/* The child's region and what it is to free. */
struct fl_lab {
	unsigned long pages;
	enum kmemlab_frag_pattern pattern;
	u64 seed;
};

/* What failed in the child, for the parent's message. */
enum fl_child_step {
	FL_CHILD_MAP,			/* its arrays, or mmap() */
	FL_CHILD_FREE,			/* madvise(MADV_DONTNEED) */
	FL_CHILD_PAGEMAP,		/* reading /proc/self/pagemap */
};

/* What the child reports once it has fragmented its region. */
struct fl_frag_report {
	int err;			/* 0, or the -errno of the step that failed */
	enum fl_child_step failed;	/* with err: which step */
	unsigned long addr;		/* the region's start */
	unsigned long kept, freed;
	unsigned long present;		/* kept pages with a frame */
	unsigned long long checksum;	/* of the kept pages' contents */
};

/* And after the compaction. */
struct fl_check_report {
	int err;			/* 0, or -errno: pagemap */
	unsigned long present;		/* kept pages with a frame */
	unsigned long moved;		/* of which at another frame than before */
	unsigned long intact;		/* kept pages whose checksum is unchanged */
	unsigned long long checksum;
};

struct fl_child {
	pid_t pid;
	int to_child, from_child;
};

int fl_child_start(struct fl_child *c, const struct fl_lab *lab,
		   struct fl_frag_report *r);
int fl_child_check(struct fl_child *c, struct fl_check_report *r);
void fl_child_stop(struct fl_child *c);

/* Set by SIGINT, SIGTERM or SIGHUP: every step checks it (main.c). */
extern atomic_int fl_stop;

#endif /* FRAGLAB_H */
