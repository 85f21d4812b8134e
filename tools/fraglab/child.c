// SPDX-License-Identifier: GPL-2.0
/*
 * fraglab's child: it owns the region, so that whatever happens to the
 * parent, the region goes when the child does (it is killed with its
 * parent: PR_SET_PDEATHSIG).  It maps anonymous memory, writes every page
 * (each word its own value), gives back the pages the pattern picks with
 * MADV_DONTNEED, and reads the frames of the pages it keeps in its own
 * /proc/self/pagemap.  After the compaction it reads them again and
 * checks each page's contents.  It talks to the parent through two pipes:
 * a report after the fragmenting, a command, a report after the check.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include "fraglab.h"

/* pagemap: bit 63 present, bits 0-54 the frame (admin-guide/mm/pagemap.rst). */
#define PM_PRESENT	0x8000000000000000ULL
#define PM_PFN_MASK	0x007fffffffffffffULL

#define CMD_CHECK	'c'

struct region {
	const struct fl_lab *lab;
	unsigned char *base;
	size_t page_size, words;	/* words: 64-bit words per page */
	u64 mix;			/* the seed's part of every word */
	unsigned long kept;
	unsigned long *index;		/* the kept pages' indices */
	u64 *pfn;			/* their frames before the compaction */
	u64 *sum;			/* their checksums */
	u64 *entries;			/* pagemap, a word per page */
};

static u64 word_value(const struct region *r, unsigned long page, size_t w)
{
	return ((u64)page * r->words + w) ^ r->mix;
}

static void fill(const struct region *r, unsigned long page)
{
	u64 *p = (u64 *)(r->base + page * r->page_size);
	size_t w;

	for (w = 0; w < r->words; w++)
		p[w] = word_value(r, page, w);
}

/* FNV-1a over the page's words; 0 if a word is not what fill() wrote. */
static u64 checksum(const struct region *r, unsigned long page)
{
	const u64 *p = (const u64 *)(r->base + page * r->page_size);
	u64 h = 0xcbf29ce484222325ULL;
	size_t w;

	for (w = 0; w < r->words; w++) {
		if (p[w] != word_value(r, page, w))
			return 0;
		h = (h ^ p[w]) * 0x100000001b3ULL;
	}
	return h ? h : 1;
}

static int read_pagemap(struct region *r)
{
	size_t len = r->lab->pages * sizeof(u64), done = 0;
	off_t off = (uintptr_t)r->base / r->page_size * sizeof(u64);
	ssize_t n;
	int fd;

	fd = open("/proc/self/pagemap", O_RDONLY);
	if (fd < 0)
		return -errno;
	while (done < len) {
		n = pread(fd, (char *)r->entries + done, len - done, off + done);
		if (n <= 0) {
			close(fd);
			return n < 0 ? -errno : -EIO;
		}
		done += n;
	}
	close(fd);
	return 0;
}

static u64 frame(const struct region *r, unsigned long i)
{
	u64 e = r->entries[r->index[i]];

	return e & PM_PRESENT ? e & PM_PFN_MASK : 0;
}

/* Frees pages [@from, @to) of the region. */
static int give_back(struct region *r, unsigned long from, unsigned long to)
{
	if (from == to)
		return 0;
	return madvise(r->base + from * r->page_size,
		       (to - from) * r->page_size, MADV_DONTNEED) ? -errno : 0;
}

static int fragment(struct region *r, struct fl_frag_report *rep)
{
	const struct fl_lab *lab = r->lab;
	unsigned long page, run = 0, i;
	int err;

	/* Base pages only: a huge page would be freed, or kept, whole. */
	madvise(r->base, lab->pages * r->page_size, MADV_NOHUGEPAGE);
	for (page = 0; page < lab->pages; page++)
		fill(r, page);
	/* Runs of freed pages, one madvise() each. */
	for (page = 0; page < lab->pages; page++) {
		if (kmemlab_frag_page_freed(lab->pattern, page, lab->seed))
			continue;
		err = give_back(r, run, page);
		if (err)
			goto free_failed;
		run = page + 1;
		r->index[r->kept++] = page;
	}
	err = give_back(r, run, lab->pages);
	if (err)
		goto free_failed;
	err = read_pagemap(r);
	if (err) {
		rep->failed = FL_CHILD_PAGEMAP;
		return err;
	}
	rep->addr = (uintptr_t)r->base;
	rep->kept = r->kept;
	rep->freed = lab->pages - r->kept;
	for (i = 0; i < r->kept; i++) {
		r->pfn[i] = frame(r, i);
		rep->present += !!r->pfn[i];
		r->sum[i] = checksum(r, r->index[i]);
		rep->checksum += r->sum[i];
	}
	return 0;

free_failed:
	rep->failed = FL_CHILD_FREE;
	return err;
}

static int check(struct region *r, struct fl_check_report *rep)
{
	unsigned long i;
	u64 pfn, sum;
	int err;

	err = read_pagemap(r);
	if (err)
		return err;
	for (i = 0; i < r->kept; i++) {
		pfn = frame(r, i);
		rep->present += !!pfn;
		rep->moved += pfn && r->pfn[i] && pfn != r->pfn[i];
		sum = checksum(r, r->index[i]);
		rep->intact += sum && sum == r->sum[i];
		rep->checksum += sum;
	}
	return 0;
}

static int setup(struct region *r, const struct fl_lab *lab)
{
	size_t len;

	r->lab = lab;
	r->page_size = sysconf(_SC_PAGESIZE);
	r->words = r->page_size / sizeof(u64);
	r->mix = kmemlab_frag_random(lab->seed, 0);
	r->index = calloc(lab->pages, sizeof(*r->index));
	r->pfn = calloc(lab->pages, sizeof(*r->pfn));
	r->sum = calloc(lab->pages, sizeof(*r->sum));
	r->entries = calloc(lab->pages, sizeof(*r->entries));
	if (!r->index || !r->pfn || !r->sum || !r->entries)
		return -ENOMEM;
	len = lab->pages * r->page_size;
	r->base = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return r->base == MAP_FAILED ? -errno : 0;
}

/* If the OOM killer must kill, it kills the child first. */
static void oom_first(void)
{
	int fd = open("/proc/self/oom_score_adj", O_WRONLY);

	if (fd >= 0) {
		if (write(fd, "1000", 4) != 4)
			perror("fraglab: oom_score_adj");
		close(fd);
	}
}

static void send(int fd, const void *msg, size_t len)
{
	/* Less than PIPE_BUF: one write, whole or not at all. */
	if (write(fd, msg, len) != (ssize_t)len)
		_exit(1);
}

static void child_main(const struct fl_lab *lab, int in, int out,
		       pid_t parent)
{
	struct fl_frag_report frag = { 0 };
	struct fl_check_report chk = { 0 };
	struct region r = { 0 };
	char cmd;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(1);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	oom_first();
	frag.err = setup(&r, lab);
	if (!frag.err)
		frag.err = fragment(&r, &frag);
	send(out, &frag, sizeof(frag));
	if (frag.err)
		_exit(1);
	if (read(in, &cmd, 1) != 1 || cmd != CMD_CHECK)
		_exit(0);
	chk.err = check(&r, &chk);
	send(out, &chk, sizeof(chk));
	/* Holds the region until the parent has read the last step. */
	while (read(in, &cmd, 1) == 1)
		;
	_exit(0);
}

/*
 * Reads one report, of @len bytes, whose error field is *@msg_err; fails
 * when the child died, the read was interrupted or the child reports an
 * error, and then stops the child.
 */
static int receive(struct fl_child *c, void *msg, size_t len,
		   const int *msg_err)
{
	ssize_t n = read(c->from_child, msg, len);
	int err;

	if (n == (ssize_t)len)
		err = *msg_err;
	else
		err = n < 0 ? -errno : -ECHILD;
	if (err)
		fl_child_stop(c);
	return err;
}

/**
 * fl_child_start() - fork the child and wait until it has fragmented
 * @c: filled with the child's pid and pipes
 * @lab: its region
 * @r: its report
 *
 * Return: 0; -EINTR on a signal; -ECHILD if the child died; another
 * -errno if a pipe or the fork failed or the child reports an error (in
 * @r->err too).  On error the child is gone.
 */
int fl_child_start(struct fl_child *c, const struct fl_lab *lab,
		   struct fl_frag_report *r)
{
	int down[2], up[2], err;
	pid_t parent = getpid();

	if (pipe(down))
		return -errno;
	if (pipe(up)) {
		err = -errno;
		close(down[0]);
		close(down[1]);
		return err;
	}
	c->pid = fork();
	if (c->pid < 0) {
		err = -errno;
		close(down[0]);
		close(down[1]);
		close(up[0]);
		close(up[1]);
		return err;
	}
	if (!c->pid) {
		close(down[1]);
		close(up[0]);
		child_main(lab, down[0], up[1], parent);
	}
	close(down[0]);
	close(up[1]);
	c->to_child = down[1];
	c->from_child = up[0];
	return receive(c, r, sizeof(*r), &r->err);
}

/* Asks for the check after the compaction.  Return: as fl_child_start(). */
int fl_child_check(struct fl_child *c, struct fl_check_report *r)
{
	char cmd = CMD_CHECK;
	int err;

	if (write(c->to_child, &cmd, 1) != 1) {
		err = -errno;
		fl_child_stop(c);
		return err;
	}
	return receive(c, r, sizeof(*r), &r->err);
}

/* Kills the child and waits for it: then its region is free. */
void fl_child_stop(struct fl_child *c)
{
	if (c->pid <= 0)
		return;
	kill(c->pid, SIGKILL);
	while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR)
		;
	close(c->to_child);
	close(c->from_child);
	c->pid = 0;
}
