// SPDX-License-Identifier: GPL-2.0
/*
 * kmemmap - map one allocation of kmalloc_demo or vmalloc_demo into this
 * process, through the module's debugfs file map/N, and show that the
 * process and the kernel see the same frames and the same bytes:
 *
 *   - per page, the frame /proc/self/pagemap finds behind the user
 *     address, next to the frame the module reports (map/N's pfn);
 *   - the pattern in each page (kmemlab/map_page.h), read through the
 *     mapping: the module's, or an earlier process's;
 *   - this process's own pattern, written through the mapping, as the
 *     module reads it back (map/N again);
 *   - for vmalloc memory, the runs of consecutive frames, next to those
 *     vmalloc_demo's report counts for the area.
 *
 * See usage_text and docs/reference.md.  Built static, so that it runs in
 * the busybox VM.  Needs root: debugfs is root's, and pagemap shows
 * frames to CAP_SYS_ADMIN only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <kmemlab/map_page.h>
#include <kmemlab/parse_num.h>
#include <kmemlab/pfn_runs.h>

#define DEBUGFS		"/sys/kernel/debug"
/* Documentation/admin-guide/mm/pagemap.rst */
#define PM_PRESENT	BIT_ULL(63)
#define PM_PFN_MASK	(BIT_ULL(55) - 1)
#define BLANKS		"\n\t "
#define SUMMARY		"%lu page(s): %lu matched (frame, pattern read back, pattern written seen by the kernel); PROT_EXEC by mprotect(): %s\n"

enum { EXIT_MATCH, EXIT_DIFFER, EXIT_USAGE, EXIT_FAIL };

#define USAGE \
	"usage: kmemmap [OPTIONS] kmalloc|vmalloc INDEX\n" \
	"       kmemmap --help\n"

static const char usage_text[] = USAGE
	"Maps allocation INDEX of kmalloc_demo or vmalloc_demo (the row of its\n"
	"report; the file map/INDEX) into this process, reads back the pattern in\n"
	"each page, writes its own, and prints one row per page: the user address,\n"
	"the frame from /proc/self/pagemap, the frame the module reports, and\n"
	"whether each side sees what the other wrote.\n"
	"  -o, --offset PAGE  map from this page of the allocation (default 0)\n"
	"  -n, --pages N      map N pages (default: up to the allocation's end)\n"
	"      --exec         ask for PROT_EXEC too (the module refuses it)\n"
	"      --private      MAP_PRIVATE, not MAP_SHARED (the module refuses it)\n"
	"      --hold         keep the mapping afterwards, until SIGTERM, SIGINT\n"
	"                     or SIGHUP, then unmap it\n"
	"exit status: 0 every page matched, 1 one did not, 2 bad arguments,\n"
	"3 no mapping (the module refused it: dmesg says why) or no file to read.\n";

struct opts {
	const char *kind;	/* "kmalloc" or "vmalloc" */
	unsigned long index;
	unsigned long offset;	/* in pages */
	unsigned long pages;	/* 0: up to the end */
	bool exec;
	bool private;
	bool hold;
};

/* One page row of map/N, as the module printed it. */
struct kpage {
	unsigned long pfn;		/* the module's frame */
	char holds[8];			/* kernel, user, none, ? */
	unsigned long long alloc, page, hpfn, stamp;
	char sum[4];			/* ok, bad, - */
};

/* map/N read whole: its first line, and its page rows in order. */
struct map_file {
	char title[KMEMLAB_MAP_ROW_MAX];
	unsigned long pages;		/* 0: not mappable */
	struct kpage *rows;
};

/* What this process found in one page of its mapping. */
struct upage {
	unsigned long pfn;	/* from pagemap; valid if present */
	bool present;
	const char *read;	/* the pattern it read: kernel, user, none, bad, wrong */
	bool read_ok;
	const char *sees;	/* what the module reads after our write */
	bool seen;
};

/* Decimal only (lib/parse_num.c): no sign, leading zero, junk or overflow. */
static int parse_ulong(const char *arg, unsigned long *val)
{
	const char *end;
	u64 v;

	if (kmemlab_parse_u64(arg, 0, &v, &end) || *end || v > ULONG_MAX)
		return -1;
	*val = v;
	return 0;
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("kmemmap: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n" USAGE, stderr);
	return EXIT_USAGE;
}

/* -1 when the arguments are good, else the exit status. */
static int parse_args(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "offset", required_argument, NULL, 'o' },
		{ "pages", required_argument, NULL, 'n' },
		{ "exec", no_argument, NULL, 'x' },
		{ "private", no_argument, NULL, 'p' },
		{ "hold", no_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:n:", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (parse_ulong(optarg, &o->offset))
				return usage_error("bad offset '%s': a page number", optarg);
			break;
		case 'n':
			if (parse_ulong(optarg, &o->pages) || !o->pages)
				return usage_error("bad page count '%s': 1 or more", optarg);
			break;
		case 'x':
			o->exec = true;
			break;
		case 'p':
			o->private = true;
			break;
		case 'H':
			o->hold = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(EXIT_MATCH);
		case ':':
			return usage_error("%s needs a value", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return usage_error("%s", argc - optind < 2 ? "KIND and INDEX needed" :
				   "too many arguments");
	o->kind = argv[optind];
	if (strcmp(o->kind, "kmalloc") && strcmp(o->kind, "vmalloc"))
		return usage_error("unknown kind '%s': kmalloc or vmalloc", o->kind);
	if (parse_ulong(argv[optind + 1], &o->index))
		return usage_error("bad index '%s': a row of the module's report",
				   argv[optind + 1]);
	return -1;
}

/* "kmalloc(SIZE): P pages, mappable": P, or 0 for "not mappable". */
static unsigned long title_pages(const char *title)
{
	const char *s = strstr(title, "): ");
	unsigned long pages;

	if (!s || sscanf(s, "): %lu pages, mappable", &pages) != 1)
		return 0;
	return pages;
}

/* One page row; "none" rows have "-" for the header's fields. */
static int parse_row(const char *line, unsigned long want, struct kpage *k)
{
	unsigned long page;
	int n;

	memset(k, 0, sizeof(*k));
	n = sscanf(line, "%lu %lu %7s %llu %llu %llu %llu %3s", &page, &k->pfn,
		   k->holds, &k->alloc, &k->page, &k->hpfn, &k->stamp, k->sum);
	if (n == 3 && !strcmp(k->holds, "none"))
		return page == want ? 0 : -1;
	return n == 8 && page == want ? 0 : -1;
}

/* Reads map/N whole into @mf; on failure says why and returns -1. */
static int read_map_file(const char *path, struct map_file *mf)
{
	unsigned long i = 0;
	char *line = NULL;
	size_t cap = 0;
	FILE *f;
	int err = 0;

	memset(mf, 0, sizeof(*mf));
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "kmemmap: %s: %s%s\n", path, strerror(errno),
			errno != ENOENT ? "" :
			": is the module loaded, and does it hold that many allocations?");
		return -1;
	}
	if (getline(&line, &cap, f) <= 0) {
		err = -1;
		goto out;
	}
	line[strcspn(line, "\n")] = '\0';
	snprintf(mf->title, sizeof(mf->title), "%s", line);
	mf->pages = title_pages(line);
	mf->rows = calloc(mf->pages ? mf->pages : 1, sizeof(*mf->rows));
	if (!mf->rows || (mf->pages && getline(&line, &cap, f) <= 0)) {
		err = -1;
		goto out;
	}
	for (i = 0; i < mf->pages; i++) {
		if (getline(&line, &cap, f) <= 0 || parse_row(line, i, &mf->rows[i])) {
			err = -1;
			break;
		}
	}
out:
	if (err)
		fprintf(stderr, "kmemmap: %s: not the format of map/N (page row %lu)\n",
			path, i);
	free(line);
	fclose(f);
	return err;
}

/* The pattern this process finds in a page, judged against the module's row. */
static void judge_read(struct upage *u, const void *data, size_t ps,
		       unsigned long index, unsigned long page,
		       const struct kpage *k)
{
	struct kmemlab_map_header h;

	switch (kmemlab_map_read(data, ps, &h)) {
	case KMEMLAB_MAP_NONE:
		u->read = "none";
		return;
	case KMEMLAB_MAP_BAD:
		u->read = "bad";
		return;
	default:
		break;
	}
	if (!k || h.alloc != index || h.page != page || h.pfn != k->pfn) {
		u->read = "wrong";
		return;
	}
	u->read = h.writer == KMEMLAB_MAP_KERNEL ? "kernel" :
		  h.writer == KMEMLAB_MAP_USER ? "user" : "?";
	u->read_ok = h.writer == KMEMLAB_MAP_KERNEL || h.writer == KMEMLAB_MAP_USER;
}

/* What the module reads in a page after this process wrote it. */
static void judge_seen(struct upage *u, unsigned long page, const struct kpage *k)
{
	if (!k) {
		u->sees = "-";
		return;
	}
	u->seen = !strcmp(k->holds, "user") && !strcmp(k->sum, "ok") &&
		  k->stamp == (unsigned long long)getpid() && k->page == page &&
		  u->present && k->hpfn == u->pfn;
	u->sees = u->seen ? "ours" : !strcmp(k->sum, "bad") ? "bad" : k->holds;
}

static int pagemap_entry(int fd, const void *addr, size_t ps, struct upage *u)
{
	unsigned long long e;

	if (pread(fd, &e, sizeof(e), (off_t)((unsigned long)addr / ps) * sizeof(e)) !=
	    sizeof(e))
		return -1;
	u->present = e & PM_PRESENT;
	u->pfn = e & PM_PFN_MASK;
	return 0;
}

/*
 * The runs of the area's frames in vmalloc_demo's report, row @index:
 * columns "runs" and "longest".
 */
static int report_runs(unsigned long index, unsigned long *runs,
		       unsigned long *longest)
{
	int runs_col = -1, longest_col = -1, col;
	unsigned long row = 0;
	char *line = NULL, *tok, *save;
	size_t cap = 0;
	int err = -1;
	FILE *f;

	*runs = 0;
	*longest = 0;
	f = fopen(DEBUGFS "/vmalloc_demo/report", "r");
	if (!f)
		return -1;
	while (getline(&line, &cap, f) > 0) {
		for (col = 0, tok = strtok_r(line, BLANKS, &save); tok;
		     col++, tok = strtok_r(NULL, BLANKS, &save)) {
			if (!row && !strcmp(tok, "runs"))
				runs_col = col;
			else if (!row && !strcmp(tok, "longest"))
				longest_col = col;
			else if (row == index + 1 && col == runs_col)
				*runs = strtoul(tok, NULL, 10);
			else if (row == index + 1 && col == longest_col)
				*longest = strtoul(tok, NULL, 10);
		}
		if (row++ == index + 1) {
			err = runs_col < 0 || longest_col < 0 ? -1 : 0;
			break;
		}
	}
	free(line);
	fclose(f);
	return err;
}

/*
 * The frames' runs in mapping order, one line each, and the summary next
 * to the report's when the whole area is mapped.  Returns 0 if they agree.
 */
static int print_runs(const struct opts *o, const struct upage *u,
		      unsigned long n, bool whole)
{
	unsigned long i, first = 0, runs, longest, rruns, rlongest;
	struct kmemlab_pfn_runs r = { 0 };

	printf("runs of consecutive frames, from pagemap:\n");
	for (i = 0; i < n; i++) {
		kmemlab_pfn_runs_add(&r, u[i].pfn);
		if (i + 1 < n && u[i + 1].pfn == u[i].pfn + 1)
			continue;
		printf("  pages %lu-%lu: pfns %lu-%lu, %lu page(s)\n",
		       o->offset + first, o->offset + i, u[first].pfn, u[i].pfn,
		       i - first + 1);
		first = i + 1;
	}
	runs = r.runs;
	longest = r.longest;
	printf("%lu run(s), longest %lu page(s)", runs, longest);
	if (!whole) {
		printf(" (part of the area: the report counts all of it)\n");
		return 0;
	}
	if (report_runs(o->index, &rruns, &rlongest)) {
		printf("; vmalloc_demo's report: unreadable\n");
		return -1;
	}
	printf("; vmalloc_demo's report: %lu run(s), longest %lu page(s): %s\n",
	       rruns, rlongest, runs == rruns && longest == rlongest ? "same" : "DIFFERENT");
	return runs == rruns && longest == rlongest ? 0 : -1;
}

/* Blocks the signals that end --hold, so that none is lost before it waits. */
static void hold_prepare(sigset_t *stop)
{
	sigemptyset(stop);
	sigaddset(stop, SIGTERM);
	sigaddset(stop, SIGINT);
	sigaddset(stop, SIGHUP);
	sigprocmask(SIG_BLOCK, stop, NULL);
}

static void hold(void *p, size_t len, const sigset_t *stop)
{
	int sig;

	printf("holding the mapping (pid %d): SIGTERM, SIGINT or SIGHUP unmaps it\n",
	       getpid());
	fflush(stdout);
	do
		sig = sigwaitinfo(stop, NULL);
	while (sig < 0 && errno == EINTR);
	munmap(p, len);
	printf("unmapped on signal %d\n", sig);
}

static void *map(const struct opts *o, const char *path, unsigned long n, size_t ps)
{
	int prot = PROT_READ | PROT_WRITE | (o->exec ? PROT_EXEC : 0);
	void *p;
	int fd;

	fd = open(path, O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "kmemmap: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	p = mmap(NULL, n * ps, prot, o->private ? MAP_PRIVATE : MAP_SHARED, fd,
		 (off_t)(o->offset * ps));
	if (p == MAP_FAILED) {
		fprintf(stderr,
			"kmemmap: mmap of %lu page(s) from page %lu of %s%s%s: %s; the module says why in the kernel log (dmesg)\n",
			n, o->offset, path, o->exec ? ", PROT_EXEC" : "",
			o->private ? ", MAP_PRIVATE" : "", strerror(errno));
		close(fd);
		return NULL;
	}
	close(fd);
	printf("mapped %lu page(s) from page %lu at %p, %s, by pid %d; "
	       "fd closed: the mapping holds the file, and the file holds %s_demo\n",
	       n, o->offset, p, o->private ? "MAP_PRIVATE" : "MAP_SHARED",
	       getpid(), o->kind);
	return p;
}

/* Each side's view, page by page; returns how many pages matched all. */
static unsigned long compare(const struct opts *o, const char *path, char *p,
			     unsigned long n, size_t ps, struct upage *u,
			     const struct map_file *before)
{
	struct kmemlab_map_header h = {
		.writer = KMEMLAB_MAP_USER,
		.alloc = o->index,
		.stamp = getpid(),
	};
	struct map_file after;
	unsigned long i, page, good = 0;
	int pm;

	pm = open("/proc/self/pagemap", O_RDONLY);
	for (i = 0; i < n; i++) {
		page = o->offset + i;
		judge_read(&u[i], p + i * ps, ps, o->index, page,
			   page < before->pages ? &before->rows[page] : NULL);
		if (pm < 0 || pagemap_entry(pm, p + i * ps, ps, &u[i]))
			u[i].present = false;
		h.page = page;
		h.pfn = u[i].pfn;
		kmemlab_map_fill(p + i * ps, ps, &h);
	}
	if (pm >= 0)
		close(pm);
	if (read_map_file(path, &after))
		memset(&after, 0, sizeof(after));
	printf("%5s %-18s %11s %10s %5s %-6s %s\n", "page", "uvirt", "pagemap_pfn",
	       "module_pfn", "match", "read", "kernel_reads");
	for (i = 0; i < n; i++) {
		page = o->offset + i;
		judge_seen(&u[i], page, page < after.pages ? &after.rows[page] : NULL);
		if (page < before->pages && u[i].present)
			printf("%5lu %-18p %11lu %10lu %5s %-6s %s\n", page, p + i * ps,
			       u[i].pfn, before->rows[page].pfn,
			       u[i].pfn == before->rows[page].pfn ? "yes" : "NO",
			       u[i].read, u[i].sees);
		else
			printf("%5lu %-18p %11s %10s %5s %-6s %s\n", page, p + i * ps,
			       u[i].present ? "?" : "-", "-", "NO", u[i].read, u[i].sees);
		if (page < before->pages && u[i].present &&
		    u[i].pfn == before->rows[page].pfn && u[i].read_ok && u[i].seen)
			good++;
	}
	free(after.rows);
	return good;
}

int main(int argc, char **argv)
{
	struct opts o = { 0 };
	size_t ps = sysconf(_SC_PAGESIZE);
	unsigned long n, good;
	struct map_file mf;
	char path[128];
	struct upage *u;
	bool exec_refused;
	sigset_t stop;
	int status;
	char *p;

	status = parse_args(argc, argv, &o);
	if (status >= 0)
		return status;
	if (o.offset > (unsigned long)INT64_MAX / ps ||
	    o.pages > (unsigned long)INT64_MAX / ps)
		return usage_error("%s", "offset or page count too large");
	if (o.hold)
		hold_prepare(&stop);
	snprintf(path, sizeof(path), DEBUGFS "/%s_demo/map/%lu", o.kind, o.index);
	if (read_map_file(path, &mf))
		return EXIT_FAIL;
	printf("%s_demo map/%lu: %s\n", o.kind, o.index, mf.title);
	n = o.pages ? o.pages : mf.pages > o.offset ? mf.pages - o.offset : 1;
	u = calloc(n, sizeof(*u));
	if (!u) {
		fprintf(stderr, "kmemmap: out of memory for %lu pages\n", n);
		return EXIT_FAIL;
	}
	p = map(&o, path, n, ps);
	if (!p)
		return EXIT_FAIL;
	good = compare(&o, path, p, n, ps, u, &mf);
	/* The module cleared VM_MAYEXEC: no PROT_EXEC later either. */
	exec_refused = mprotect(p, n * ps, PROT_READ | PROT_EXEC) && errno == EACCES;
	if (!exec_refused)
		mprotect(p, n * ps, PROT_READ | PROT_WRITE);
	printf(SUMMARY, n, good, exec_refused ? "refused" : "ALLOWED");
	status = good == n && exec_refused ? EXIT_MATCH : EXIT_DIFFER;
	if (!strcmp(o.kind, "vmalloc") &&
	    print_runs(&o, u, n, !o.offset && n == mf.pages))
		status = EXIT_DIFFER;
	if (o.hold)
		hold(p, n * ps, &stop);
	return status;
}
