// SPDX-License-Identifier: GPL-2.0
/*
 * fraglab - make memory fragment, watch it, compact it, and prove that
 * the pages moved.  See usage_text, and docs/reference.md#fraglab.
 *
 * Four steps, each measured on /proc/buddyinfo, /proc/vmstat and the
 * fragmentation index files (snapshot.c):
 *   1. baseline;
 *   2. a child maps a share of free memory, writes it, and frees pages of
 *      it by a pattern (child.c): free memory is left in small holes;
 *   3. compaction, through /proc/sys/vm/compact_memory or a node's
 *      compact file, moves the child's pages and merges the holes;
 *   4. the child's frames before and after, and its checksums.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <kmemlab/frag_delta.h>
#include <kmemlab/parse_num.h>
#include "fraglab.h"

/* At most this share of free memory: the rest keeps the machine running. */
#define SHARE_MAX	80
#define SHARE_DEFAULT	50

#define EXIT_USAGE	2
#define MIB		(1024.0 * 1024.0)

static const char usage_text[] =
	"usage: fraglab [OPTIONS]\n"
	"\n"
	"Makes memory fragment on purpose, compacts it, and shows both in the\n"
	"kernel's own accounting. As root; the kernel needs CONFIG_COMPACTION.\n"
	"  1. baseline: /proc/buddyinfo, the fragmentation indices, /proc/vmstat\n"
	"  2. fragment: a child maps and writes a share of free memory, then frees\n"
	"     pages of it by a pattern: free memory is left in small holes between\n"
	"     the pages it keeps, the free lists shift toward order 0, and the\n"
	"     unusable index of the high orders rises\n"
	"  3. compact: /proc/sys/vm/compact_memory (or a node's compact file)\n"
	"     moves the child's pages together: high-order blocks come back, the\n"
	"     indices fall, compact_* and pgmigrate_* in /proc/vmstat grow\n"
	"  4. prove: the child's frames (/proc/self/pagemap) before and after the\n"
	"     compaction, how many changed, and that its data is intact\n"
	"Before each reading, writes to /proc/sys/vm/stat_refresh give the pages\n"
	"waiting on the per-cpu lists back to the free lists, where they merge.\n"
	"\n"
	"options:\n"
	"  -s, --share PERCENT  the share of free memory (MemFree) the child maps,\n"
	"                       1 to 80 (default 50)\n"
	"  -p, --pattern NAME   the pages the child frees: every-other (default),\n"
	"                       three-of-four (keeps one page in four), random\n"
	"  -S, --seed N         the seed of the random pattern (default 1)\n"
	"  -c, --compact WHERE  all (default: every node) or a node's number\n"
	"  -x, --exec CMD       runs sh -c CMD after each step's readings, with\n"
	"                       FRAGLAB_STEP (baseline, fragmented, compacted),\n"
	"                       FRAGLAB_CHILD (its pid), FRAGLAB_ADDR and\n"
	"                       FRAGLAB_PAGES (its region) in the environment\n"
	"  -o, --output DIR     saves each step's /proc/buddyinfo, /proc/vmstat and\n"
	"                       /proc/zoneinfo as DIR/buddyinfo.STEP, DIR/vmstat.STEP\n"
	"                       and DIR/zoneinfo.STEP\n"
	"  -k, --kv             KEY=VALUE lines instead of the explanations\n"
	"  -h, --help           prints this\n"
	"\n"
	"exit status: 0 done; 1 the lab failed (not root, no compaction, the\n"
	"child died); 2 bad options; 128+N on signal N (Ctrl-C), after\n"
	"killing the child: nothing is left behind.\n";

struct options {
	unsigned int share;
	struct fl_lab lab;
	int node;			/* -1: all */
	const char *exec;
	const char *output;
	bool kv;
};

atomic_int fl_stop;

static void on_signal(int sig)
{
	atomic_store(&fl_stop, sig);
}

static int stopped(void)
{
	return atomic_load(&fl_stop);
}

/*
 * The explanations on stdout; messages on stderr, "fraglab: " first; and
 * a bad option's, with the way to the help (the caller exits 2).  Each
 * message is one string, whole, so that it can be grepped for.
 */
#define fl_info(...)	printf(__VA_ARGS__)
#define fl_err(fmt, ...)	fprintf(stderr, "fraglab: " fmt, ##__VA_ARGS__)
#define fl_usage_err(fmt, ...)						\
	fprintf(stderr, "fraglab: " fmt "\n(fraglab --help for the options)\n", \
		##__VA_ARGS__)

/*
 * Decimal (lib/parse_num.c: no sign, no leading zero, no overflow), in
 * range [@min, @max]; '%' allowed at the end.
 */
static int parse_uint(const char *s, unsigned long long min,
		      unsigned long long max, bool percent,
		      unsigned long long *val)
{
	const char *end;
	u64 v;
	int ret;

	ret = kmemlab_parse_u64(s, 0, &v, &end);
	if (ret)
		return ret == -ERANGE ? ret : -EINVAL;
	if (percent && *end == '%')
		end++;
	if (*end)
		return -EINVAL;
	*val = v;
	return v < min || v > max ? -ERANGE : 0;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "share", required_argument, NULL, 's' },
		{ "pattern", required_argument, NULL, 'p' },
		{ "seed", required_argument, NULL, 'S' },
		{ "compact", required_argument, NULL, 'c' },
		{ "exec", required_argument, NULL, 'x' },
		{ "output", required_argument, NULL, 'o' },
		{ "kv", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long v;
	char path[64];
	int opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":s:p:S:c:x:o:kh", longopts,
				  NULL)) != -1) {
		switch (opt) {
		case 's':
			if (parse_uint(optarg, 1, 100, true, &v) == -EINVAL) {
				fl_usage_err("--share '%s': not a percentage (a whole number, 1 to 80)",
					     optarg);
				return EXIT_USAGE;
			}
			if (parse_uint(optarg, 1, SHARE_MAX, true, &v)) {
				fl_usage_err("--share '%s': out of range: 1 to 80 percent of free memory (more would leave the machine too little, and drive the OOM killer)",
					     optarg);
				return EXIT_USAGE;
			}
			o->share = v;
			break;
		case 'p':
			if (kmemlab_frag_pattern_parse(optarg, &o->lab.pattern)) {
				fl_usage_err("--pattern '%s': unknown: every-other, three-of-four or random",
					     optarg);
				return EXIT_USAGE;
			}
			break;
		case 'S':
			if (parse_uint(optarg, 0, ULLONG_MAX, false, &v)) {
				fl_usage_err("--seed '%s': not a whole number from 0 up",
					     optarg);
				return EXIT_USAGE;
			}
			o->lab.seed = v;
			break;
		case 'c':
			if (!strcmp(optarg, "all")) {
				o->node = -1;
				break;
			}
			if (parse_uint(optarg, 0, INT_MAX, false, &v)) {
				fl_usage_err("--compact '%s': neither 'all' nor a node's number",
					     optarg);
				return EXIT_USAGE;
			}
			snprintf(path, sizeof(path),
				 "/sys/devices/system/node/node%llu/compact", v);
			if (access(path, F_OK)) {
				fl_usage_err("--compact '%s': no such node, or it has no compact file",
					     optarg);
				return EXIT_USAGE;
			}
			o->node = v;
			break;
		case 'x':
			o->exec = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'k':
			o->kv = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case ':':
			fl_usage_err("%s needs a value", argv[optind - 1]);
			return EXIT_USAGE;
		default:
			fl_usage_err("unknown option '%s'", argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fl_usage_err("unexpected argument '%s'", argv[optind]);
		return EXIT_USAGE;
	}
	return 0;
}

/* What a step prints, and what it compares with. */
struct step {
	const char *name;		/* baseline, fragmented, compacted */
	struct fl_snapshot snap;
};

static unsigned int pageblock_order(void)
{
	struct fl_file f;
	unsigned int order = 9;
	char *p;

	if (fl_read_file("/proc/pagetypeinfo", &f))
		return order;
	p = strstr(f.text, "Page block order:");
	if (!p || sscanf(p, "Page block order: %u", &order) != 1)
		order = 9;
	free(f.text);
	return order;
}

static void thousandths(char *buf, int value, bool plus)
{
	kmemlab_thousandths_format(buf, KMEMLAB_THOUSANDTHS_MAX, value, plus);
}

static unsigned long long free_pages(const struct kmemlab_zone_counts *zc)
{
	unsigned long long pages = 0;
	unsigned int order;

	for (order = 0; order < zc->nr_orders; order++)
		pages += (unsigned long long)zc->nr_free[order] << order;
	return pages;
}

static void print_kv(const struct step *s, const struct step *prev)
{
	const struct kmemlab_zone_counts *all = &s->snap.all;
	char buf[KMEMLAB_THOUSANDTHS_MAX];
	unsigned int order, i;

	printf("%s.free_pages=%llu\n", s->name, free_pages(all));
	for (order = 0; order < all->nr_orders; order++)
		printf("%s.blocks.%u=%lu\n", s->name, order, all->nr_free[order]);
	for (order = 0; order < all->nr_orders; order++) {
		thousandths(buf, kmemlab_unusable_at(all, order), false);
		printf("%s.unusable.%u=%s\n", s->name, order, buf);
	}
	for (i = 0; i < FL_NR_VMSTAT; i++) {
		if (!(s->snap.vm_seen & (1UL << i)))
			continue;
		printf("%s.%s=%llu\n", s->name, fl_vmstat_names[i], s->snap.vm[i]);
		if (prev && (prev->snap.vm_seen & (1UL << i)))
			printf("%s.%s.delta=%lld\n", s->name, fl_vmstat_names[i],
			       (long long)(s->snap.vm[i] - prev->snap.vm[i]));
	}
	printf("%s.index_source=%s\n", s->name,
	       s->snap.index_dir ? s->snap.index_dir : "none");
	printf("%s.pcp_pages_before=%lld\n%s.pcp_pages=%lld\n", s->name,
	       s->snap.pcp_before, s->name, s->snap.pcp_after);
	printf("%s.stat_refreshes=%u\n", s->name, s->snap.refreshes);
}

static void print_row(const char *label, const struct kmemlab_zone_counts *zc,
		      const struct kmemlab_zone_counts *base, bool index)
{
	char buf[KMEMLAB_THOUSANDTHS_MAX];
	unsigned int order;
	long long d;

	printf("  %-13s", label);
	for (order = 0; order < zc->nr_orders; order++) {
		if (index) {
			int v = kmemlab_unusable_at(zc, order);

			if (base)
				v -= kmemlab_unusable_at(base, order);
			thousandths(buf, v, base);
			printf(" %7s", buf);
		} else if (base) {
			d = (long long)zc->nr_free[order] -
			    (long long)(order < base->nr_orders ?
					base->nr_free[order] : 0);
			printf(" %+7lld", d);
		} else {
			printf(" %7lu", zc->nr_free[order]);
		}
	}
	putchar('\n');
}

static void print_table(const struct step *s, const struct step *prev)
{
	const struct kmemlab_zone_counts *all = &s->snap.all;
	unsigned int order;

	printf("  %-13s", "order");
	for (order = 0; order < all->nr_orders; order++)
		printf(" %7u", order);
	putchar('\n');
	print_row("free blocks", all, NULL, false);
	if (prev)
		print_row("  change", all, &prev->snap.all, false);
	print_row("unusable", all, NULL, true);
	if (prev)
		print_row("  change", all, &prev->snap.all, true);
}

static void print_indent(const char *text)
{
	const char *line, *next;

	for (line = text; *line; line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		printf("    %.*s", (int)(next - line), line);
	}
}

static void print_vmstat(const struct step *s, const struct step *prev)
{
	unsigned int i;

	printf("  /proc/vmstat:");
	for (i = FL_COMPACT_STALL; i < FL_NR_VMSTAT; i++) {
		if (!(s->snap.vm_seen & (1UL << i)))
			continue;
		printf(" %s %llu", fl_vmstat_names[i], s->snap.vm[i]);
		if (prev && (prev->snap.vm_seen & (1UL << i)))
			printf(" (%+lld)",
			       (long long)(s->snap.vm[i] - prev->snap.vm[i]));
		fputs(i + 1 < FL_NR_VMSTAT ? "," : "", stdout);
	}
	putchar('\n');
}

static void print_step(const struct options *o, const struct step *s,
		       const struct step *prev)
{
	const struct kmemlab_zone_counts *all = &s->snap.all;

	if (o->kv) {
		print_kv(s, prev);
		return;
	}
	fl_info("  free: %.1f MiB (%llu pages) in %u zones; free blocks and the unusable index of all zones together, by order%s:\n",
		free_pages(all) * (double)sysconf(_SC_PAGESIZE) / MIB,
		free_pages(all), s->snap.nr_zones,
		prev ? ", and the change since the step before" : "");
	print_table(s, prev);
	if (s->snap.pcp_before >= 0)
		fl_info("  per-cpu page lists: %lld free pages not in buddyinfo; %lld after %u writes to /proc/sys/vm/stat_refresh, which hand the lists' excess back to the free lists (since 6.7)\n",
			s->snap.pcp_before, s->snap.pcp_after, s->snap.refreshes);
	if (s->snap.index_dir) {
		printf("  the kernel's indices, zone by zone (%s/):\n",
		       s->snap.index_dir);
		printf("   unusable_index:\n");
		print_indent(s->snap.unusable.text);
		printf("   extfrag_index:\n");
		print_indent(s->snap.extfrag.text);
	} else {
		fl_info("  no fragmentation index files: neither buddy_probe is loaded nor has this kernel extfrag/ in debugfs\n");
	}
	print_vmstat(s, prev);
}

static int save(const struct options *o, const char *what, const char *step,
		const struct fl_file *f)
{
	char path[PATH_MAX];
	FILE *out;
	int err = 0;

	if (!o->output)
		return 0;
	snprintf(path, sizeof(path), "%s/%s.%s", o->output, what, step);
	out = fopen(path, "w");
	if (!out || fwrite(f->text, 1, f->len, out) != f->len)
		err = -errno;
	if (out && fclose(out) && !err)
		err = -errno;
	if (err)
		fl_err("cannot write %s: %s\n", path,
		       strerror(-err));
	return err;
}

/* Runs -x's command; a signal kills it too.  Return: 0 or -EINTR. */
static int run_exec(const struct options *o, const char *step,
		    const struct fl_child *c, const struct fl_frag_report *r)
{
	char buf[32];
	pid_t pid;
	int status;

	if (!o->exec)
		return 0;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -errno;
	if (!pid) {
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		setenv("FRAGLAB_STEP", step, 1);
		if (c && c->pid > 0) {
			snprintf(buf, sizeof(buf), "%d", (int)c->pid);
			setenv("FRAGLAB_CHILD", buf, 1);
			snprintf(buf, sizeof(buf), "%lu", r->addr);
			setenv("FRAGLAB_ADDR", buf, 1);
			snprintf(buf, sizeof(buf), "%lu", r->kept + r->freed);
			setenv("FRAGLAB_PAGES", buf, 1);
		}
		execl("/bin/sh", "sh", "-c", o->exec, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return -errno;
		if (stopped()) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			return -EINTR;
		}
	}
	return 0;
}

/* A step's readings, saved and handed to -x.  Return: 0 or -errno. */
static int take(const struct options *o, struct step *s, const char *name,
		const struct fl_child *c, const struct fl_frag_report *r)
{
	int err;

	s->name = name;
	err = fl_snapshot_take(&s->snap);
	if (err) {
		fl_err("cannot read /proc/buddyinfo and /proc/vmstat: %s\n",
		       strerror(-err));
		return err;
	}
	err = save(o, "buddyinfo", name, &s->snap.buddyinfo);
	if (!err)
		err = save(o, "vmstat", name, &s->snap.vmstat);
	if (!err && s->snap.zoneinfo.text)
		err = save(o, "zoneinfo", name, &s->snap.zoneinfo);
	if (!err)
		err = run_exec(o, name, c, r);
	return err;
}

static int compact_now(const struct options *o)
{
	char path[64];
	int err;

	if (o->node < 0)
		snprintf(path, sizeof(path), "/proc/sys/vm/compact_memory");
	else
		snprintf(path, sizeof(path),
			 "/sys/devices/system/node/node%d/compact", o->node);
	err = fl_trigger(path);
	if (err && err != -EINTR)
		fl_err("cannot write %s: %s (is the kernel built with CONFIG_COMPACTION?)\n",
		       path, strerror(-err));
	return err;
}

static int unusable(const struct step *s, unsigned int order)
{
	return kmemlab_unusable_at(&s->snap.all, order);
}

static long delta_blocks(const struct step *a, const struct step *b,
			 unsigned int order)
{
	return (long)b->snap.all.nr_free[order] - (long)a->snap.all.nr_free[order];
}

static long long delta_vm(const struct step *a, const struct step *b,
			  enum fl_vmstat i)
{
	return (long long)(b->snap.vm[i] - a->snap.vm[i]);
}

static void title(const struct options *o, const char *text)
{
	if (!o->kv)
		printf("\n== %s\n", text);
}

static void explain_baseline(const struct options *o, const struct step *s,
			     unsigned int pb)
{
	char buf[KMEMLAB_THOUSANDTHS_MAX];

	if (o->kv)
		return;
	thousandths(buf, unusable(s, pb), false);
	fl_info("  what it means: the unusable index at order %u (the pageblock order, %lu KiB) is %s: that share of the free memory lies in blocks too small for such an allocation.\n",
		pb, (sysconf(_SC_PAGESIZE) << pb) / 1024, buf);
}

static void explain_fragmented(const struct options *o, const struct step *a,
			       const struct step *b,
			       const struct fl_frag_report *r,
			       unsigned int pb)
{
	char from[KMEMLAB_THOUSANDTHS_MAX], to[KMEMLAB_THOUSANDTHS_MAX];
	unsigned int top = b->snap.all.nr_orders - 1;

	if (o->kv) {
		printf("child.pages=%lu\nchild.kept=%lu\n", r->kept + r->freed,
		       r->kept);
		printf("child.freed=%lu\nchild.present=%lu\n", r->freed,
		       r->present);
		return;
	}
	thousandths(from, unusable(a, pb), false);
	thousandths(to, unusable(b, pb), false);
	fl_info("  what it means: the child wrote %lu pages and gave %lu back, in holes between the %lu it keeps (%lu of them have a frame in its pagemap). ",
		r->kept + r->freed, r->freed, r->kept, r->present);
	fl_info("A freed page whose buddy is still in use cannot merge: the free lists shift toward order 0 (%+ld order-0 blocks, %+ld of order %u), and the unusable index at order %u went from %s to %s.\n",
		delta_blocks(a, b, 0), delta_blocks(a, b, top), top, pb, from, to);
}

static void explain_compacted(const struct options *o, const struct step *a,
			      const struct step *b, unsigned int pb)
{
	char from[KMEMLAB_THOUSANDTHS_MAX], to[KMEMLAB_THOUSANDTHS_MAX];
	unsigned int top = b->snap.all.nr_orders - 1;

	if (o->kv)
		return;
	thousandths(from, unusable(a, pb), false);
	thousandths(to, unusable(b, pb), false);
	fl_info("  what it means: compaction migrated %lld pages (pgmigrate_success; %lld failed): it copies a movable page to a free page at the other end of the zone and points the page table at the copy. ",
		delta_vm(a, b, FL_PGMIGRATE_SUCCESS),
		delta_vm(a, b, FL_PGMIGRATE_FAIL));
	fl_info("The holes merge back with their buddies: %+ld blocks of order %u, and the unusable index at order %u went from %s to %s.\n",
		delta_blocks(a, b, top), top, pb, from, to);
}

static void prove(const struct options *o, const struct fl_frag_report *fr,
		  const struct fl_check_report *cr)
{
	if (o->kv) {
		printf("proof.kept=%lu\nproof.present_before=%lu\n", fr->kept,
		       fr->present);
		printf("proof.present_after=%lu\nproof.moved=%lu\n", cr->present,
		       cr->moved);
		printf("proof.intact=%lu\nproof.checksum_before=%#llx\n",
		       cr->intact, fr->checksum);
		printf("proof.checksum_after=%#llx\n", cr->checksum);
		return;
	}
	fl_info("  the child's %lu kept pages: %lu had a frame before the compaction, %lu after; %lu are now at another frame (its /proc/self/pagemap, read before and after)\n",
		fr->kept, fr->present, cr->present, cr->moved);
	fl_info("  checksums: %lu of %lu pages hold what the child wrote (sum %#llx before, %#llx after)\n",
		cr->intact, fr->kept, fr->checksum, cr->checksum);
	if (cr->intact != fr->kept)
		fl_info("  what it means: some pages do not hold what the child wrote: a kernel bug, or the child's memory was written from outside.\n");
	else if (cr->moved)
		fl_info("  what it means: the same virtual pages, now in other page frames, with the same data: the kernel moved them, and the child never noticed.\n");
	else
		fl_info("  what it means: no page of the child moved: its pages lay where compaction's free scanner worked, and its holes were filled from below.\n");
}

/* Says what failed in the child (a signal says so itself). */
static void child_failed(int err, const struct fl_frag_report *r)
{
	static const char * const steps[] = {
		[FL_CHILD_MAP] = "mapping its region",
		[FL_CHILD_FREE] = "madvise(), to free pages (CONFIG_ADVISE_SYSCALLS?)",
		[FL_CHILD_PAGEMAP] = "reading its pagemap (CONFIG_PROC_PAGE_MONITOR?)",
	};

	if (err == -EINTR)
		return;
	if (r->err)
		fl_err("the child failed at %s: %s\n", steps[r->failed],
		       strerror(-err));
	else if (err == -ECHILD)
		fl_err("the child died\n");
	else
		fl_err("cannot start the child: %s\n", strerror(-err));
}

/* The lab, once the options are known.  Return: the exit status. */
static int lab(const struct options *o)
{
	struct step steps[3] = { 0 };
	struct fl_frag_report fr = { 0 };
	struct fl_check_report cr = { 0 };
	struct fl_child child = { 0 };
	unsigned long long kib;
	unsigned int pb = pageblock_order(), i;
	long page_size = sysconf(_SC_PAGESIZE);
	int err, status = 1;
	struct fl_lab lab = o->lab;

	if (fl_meminfo_free_kib(&kib)) {
		fl_err("cannot read MemFree in /proc/meminfo\n");
		return 1;
	}
	lab.pages = kib * 1024 / page_size * o->share / 100;
	if (!lab.pages) {
		fl_err("%u%% of %llu KiB free is not a page\n",
		       o->share, kib);
		return EXIT_USAGE;
	}

	title(o, "1. Baseline");
	if (take(o, &steps[0], "baseline", NULL, NULL))
		goto out;
	print_step(o, &steps[0], NULL);
	explain_baseline(o, &steps[0], pb);
	if (stopped())
		goto out;

	if (!o->kv) {
		fl_info("\n== 2. Fragment: a child maps %.1f MiB (%lu pages, %u%% of the free memory), writes every page, then frees pages by the pattern %s\n",
			lab.pages * (double)page_size / MIB, lab.pages, o->share,
			kmemlab_frag_pattern_name(lab.pattern));
		fflush(stdout);
	}
	err = fl_child_start(&child, &lab, &fr);
	if (err) {
		child_failed(err, &fr);
		goto out;
	}
	if (take(o, &steps[1], "fragmented", &child, &fr))
		goto out;
	print_step(o, &steps[1], &steps[0]);
	explain_fragmented(o, &steps[0], &steps[1], &fr, pb);
	if (stopped())
		goto out;

	if (o->node < 0)
		title(o, "3. Compact: 1 > /proc/sys/vm/compact_memory");
	else if (!o->kv)
		fl_info("\n== 3. Compact: 1 > /sys/devices/system/node/node%d/compact\n",
			o->node);
	fflush(stdout);
	if (compact_now(o) || stopped())
		goto out;
	if (take(o, &steps[2], "compacted", &child, &fr))
		goto out;
	print_step(o, &steps[2], &steps[1]);
	explain_compacted(o, &steps[1], &steps[2], pb);
	if (stopped())
		goto out;

	title(o, "4. Prove that the pages moved");
	err = fl_child_check(&child, &cr);
	if (err) {
		if (err != -EINTR)
			fl_err("the child failed after the compaction: %s\n",
			       strerror(-err));
		goto out;
	}
	prove(o, &fr, &cr);
	status = 0;
out:
	fl_child_stop(&child);
	for (i = 0; i < 3; i++)
		fl_snapshot_release(&steps[i].snap);
	fflush(stdout);
	if (stopped()) {
		fl_err("stopped by signal %d: the child is gone, its memory free\n",
		       stopped());
		return 128 + stopped();
	}
	return status;
}

int main(int argc, char **argv)
{
	struct options o = {
		.share = SHARE_DEFAULT,
		.lab = { .pattern = KMEMLAB_FRAG_EVERY_OTHER, .seed = 1 },
		.node = -1,
	};
	struct sigaction sa = { .sa_handler = on_signal };
	struct stat st;
	int ret;

	ret = parse_options(argc, argv, &o);
	if (ret)
		return ret;
	if (o.output && (stat(o.output, &st) || !S_ISDIR(st.st_mode))) {
		fl_usage_err("--output '%s': not a directory", o.output);
		return EXIT_USAGE;
	}
	if (geteuid()) {
		fl_err("needs root: it writes compact_memory and reads frame numbers in pagemap\n");
		return 1;
	}
	/* No SA_RESTART: a signal interrupts the step's wait. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	return lab(&o);
}
