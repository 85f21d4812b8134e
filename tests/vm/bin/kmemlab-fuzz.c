// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlab-fuzz: hostile input for the modules, from inside the guest.
 *
 *   kmemlab-fuzz pages FILE COUNT SEED
 *	COUNT malformed commands to buddy_probe's pages file: empty and
 *	4 KiB lines, binary data, numbers with signs and overflows, orders
 *	above the largest (from /proc/buddyinfo), frees of pfns that are not
 *	held; every tenth is "free all", which must succeed, and a write of
 *	no bytes must return 0.  Every other write must fail with EINVAL.
 *   kmemlab-fuzz snapshot FILE COUNT SEED
 *	The same for the snapshot file, which takes "1" or "0" only.
 *   kmemlab-fuzz readonly FILE COUNT SEED
 *	Writes to a file that has no write method: EINVAL each time.
 *   kmemlab-fuzz edges PAGES SNAPSHOT
 *	Writes at the edges of each file's buffer and of its line rules:
 *	the longest command and one byte more, "\r\n", tabs, "+N", leading
 *	zeros, two lines in one write, a command split over two writes,
 *	writev() of two iovecs, pwrite(), a write of no bytes.  Each has
 *	its expected outcome, and must change the blocks held only as a
 *	good command does.
 *   kmemlab-fuzz race PAGES
 *	Two writers free the same blocks, pfn by pfn, at the same time
 *	(and then one frees all while the other frees pfns): each block is
 *	freed once, every other free fails with EINVAL.
 *   kmemlab-fuzz resume PAGES
 *	A listing read a byte at a time while the block it shows last is
 *	freed, and while one it has not reached yet is: every block that
 *	stayed held is listed once, the freed ones not after they went.
 *   kmemlab-fuzz seq FILE...
 *	Each file (a seq_file) read a byte at a time and at once, the same
 *	when its path starts with '=' (its content does not move); then
 *	SEEK_END, a negative and a huge offset: refused (EINVAL, or ESPIPE
 *	for a stream), or read as the end of the file.
 *   kmemlab-fuzz interrupt PAGES ORDER COUNT
 *	"alloc ORDER COUNT" in a child, killed (SIGKILL) or read beside at
 *	delays from 100 us on: a kill must stop it between two blocks, and
 *	a reader get its listing, before the last block.  Prints
 *	"partial_kills=K partial_reads=R"; bad unless both are above 0.
 *   kmemlab-fuzz params MODULE.ko COUNT SEED
 *	COUNT finit_module() calls, each with one bad parameter among good
 *	ones: each must fail with EINVAL or ERANGE, and leave a line naming
 *	the module in the kernel log.  (An unknown parameter is not one:
 *	the kernel ignores it, with a warning, and loads the module.)
 *
 * Prints "sent=N refused=R accepted=A bad=B"; exits 1 if B > 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LINE_MAX_LEN	8192

static char klog[1 << 20];
static int sent, refused, accepted, bad;
static unsigned int nr_orders;		/* the kernel's, from /proc/buddyinfo */

/* The number of orders: the counts on /proc/buddyinfo's first line. */
static unsigned int read_nr_orders(void)
{
	char line[512], *tok, *save;
	unsigned int n = 0;
	FILE *f = fopen("/proc/buddyinfo", "r");

	if (!f || !fgets(line, sizeof(line), f)) {
		perror("/proc/buddyinfo");
		exit(2);
	}
	fclose(f);
	/* "Node 0, zone DMA32 c0 c1 ...": four words, then the counts. */
	for (tok = strtok_r(line, "\n ", &save); tok; tok = strtok_r(NULL, "\n ", &save))
		n++;
	return n - 4;
}

static unsigned int rnd(unsigned int n)
{
	return (unsigned int)random() % n;
}

static const char * const numbers[] = {
	"-1", "-0", "+-1", "--1", "4294967296", "4294967295",
	"18446744073709551615", "18446744073709551616",
	"99999999999999999999999999", "0x", "0xffffffffffffffffff", "1e3",
	"1.5", "0b101", "1K", "0o7", "NaN", "-9223372036854775808",
	"1 1 1", "\xff\xfe", "%s%s%n", "${IFS}",
};

/* Printable or not, never a NUL: the NUL case is its own. */
static int random_bytes(char *buf, int len, int binary)
{
	int i;

	for (i = 0; i < len; i++)
		buf[i] = binary ? (char)(1 + rnd(255)) : (char)(' ' + rnd(95));
	return len;
}

/* One malformed pages command into @buf; returns its length. */
static int bad_pages(char *buf, int *valid)
{
	const char *num = numbers[rnd(sizeof(numbers) / sizeof(*numbers))];

	*valid = 0;
	switch (rnd(12)) {
	case 0:		/* a write of no bytes does nothing, and says 0 */
		*valid = rnd(2);
		return sprintf(buf, "%s", *valid ? "" : "\n");
	case 1:		/* a 4 KiB line, or one starting with a good command */
		memset(buf, 'a' + rnd(26), 4096);
		if (rnd(2))
			memcpy(buf, "alloc 0 ", 8);
		buf[4096] = '\n';
		return 4097;
	case 2:
		return random_bytes(buf, 1 + rnd(128), 1);
	case 3:		/* a NUL byte inside a good command */
		memcpy(buf, "alloc 0\0 1\n", 11);
		return 11;
	case 4:
		return sprintf(buf, "alloc %s\n", num);
	case 5:
		return sprintf(buf, "alloc 0 %s\n", rnd(2) ? num : "0");
	case 6:		/* orders above the largest */
		return sprintf(buf, "alloc %u\n", nr_orders + rnd(100000));
	case 7:		/* nothing is held: every pfn is unknown */
		return sprintf(buf, "free %lu\n", (unsigned long)random() * rnd(1000));
	case 8:
		return sprintf(buf, "free %s\n", num);
	case 9:
		*valid = 1;
		return sprintf(buf, "free all\n");
	case 10:
		return sprintf(buf, "%s %u\n", rnd(2) ? "ALLOC" : "alloc\x01", rnd(5));
	default:
		return random_bytes(buf, 1 + rnd(64), 0);
	}
}

/* The kernel's isspace(), which strim() uses: Latin-1's NBSP too. */
static int kernel_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

/*
 * What the snapshot file takes: at most 7 bytes, no NUL, one line (a
 * "\n" or "\r\n" at the end, no other), "0" or "1" once surrounding
 * white space is trimmed.  Random bytes make that now and then (" 1",
 * "0\v"): those are not malformed, and are drawn again.
 */
static int snapshot_valid(const char *buf, int len)
{
	int start = 0;

	if (len > 7 || memchr(buf, '\0', len))
		return 0;
	if (len && buf[len - 1] == '\n')
		len--;
	if (len && buf[len - 1] == '\r')
		len--;
	if (memchr(buf, '\n', len) || memchr(buf, '\r', len))
		return 0;
	while (start < len && kernel_space(buf[start]))
		start++;
	while (len > start && kernel_space(buf[len - 1]))
		len--;
	return len - start == 1 && (buf[start] == '0' || buf[start] == '1');
}

static int bad_snapshot(char *buf, int *valid)
{
	const char *num = numbers[rnd(sizeof(numbers) / sizeof(*numbers))];
	int len;

	*valid = 0;
	switch (rnd(6)) {
	case 0:
		*valid = rnd(2);
		return sprintf(buf, "%s", *valid ? "" : "\n");
	case 1:
		memset(buf, '1', 4096);
		return 4096;
	case 2:
		do
			len = random_bytes(buf, 1 + rnd(16), 1);
		while (snapshot_valid(buf, len));
		return len;
	case 3:
		return sprintf(buf, "%s\n", num);
	case 4:
		return sprintf(buf, "%u\n", 2 + rnd(1000));
	default:
		memcpy(buf, "1\0", 2);
		return 2;
	}
}

/* Binary data with the odd NUL: whatever it is, it cannot be written. */
static int any_bytes(char *buf, int *valid)
{
	int i, len = 1 + rnd(512);

	*valid = 0;
	for (i = 0; i < len; i++)
		buf[i] = (char)rnd(256);
	return len;
}

static int fuzz_file(const char *file, int count,
		     int (*gen)(char *buf, int *valid))
{
	static char buf[LINE_MAX_LEN];
	int i, fd = open(file, O_WRONLY | O_CLOEXEC);

	if (fd < 0) {
		perror(file);
		return 2;
	}
	for (i = 0; i < count; i++) {
		int valid, len = gen(buf, &valid);
		ssize_t ret = write(fd, buf, len);
		int err = errno;

		sent++;
		if (ret >= 0 && valid) {
			accepted++;
		} else if (ret < 0 && !valid && err == EINVAL) {
			refused++;
		} else {
			bad++;
			printf("BAD: write of %d bytes '%.*s': %s\n", len,
			       len > 60 ? 60 : len, buf,
			       ret < 0 ? strerror(err) : "accepted");
		}
	}
	close(fd);
	return 0;
}

struct param_gen {
	const char *module;
	const char * const *good;	/* NULL-terminated */
	const char * const *bad;
};

static const char * const kd_good[] = {
	"sizes=8", "sizes=8,4096", "iterations=1", "gfp=kernel",
	"gfp=atomic", "show_addrs=0", NULL
};

static const char * const kd_bad[] = {
	"sizes=", "sizes=0", "sizes=-1", "sizes=abc", "sizes=8,,16",
	"sizes=5M", "sizes=4097K", "sizes=1G", "sizes=18446744073709551616",
	"sizes=16777216T", "sizes=16E", "sizes=0777", "sizes=08", "sizes=+8",
	"sizes=1K1", "sizes=8;16", "sizes=,8", "sizes=8,", "sizes=1X",
	"sizes=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65",
	"gfp=", "gfp=KERNEL", "gfp=dma", "gfp=atomic2", "gfp=0",
	"iterations=0", "iterations=1000001", "iterations=-1",
	"iterations=4294967296", "iterations=x", "iterations=",
	"show_addrs=2", "show_addrs=maybe", "sizes", "gfp", "iterations",
	NULL
};

static const char * const vd_good[] = {
	"sizes=8K", "sizes=4K,8K", "iterations=1", "show_addrs=0", NULL
};

static const char * const vd_bad[] = {
	"sizes=", "sizes=0", "sizes=-8K", "sizes=16P", "sizes=8K,16P",
	"sizes=18446744073709551615", "sizes=8K,,8K", "sizes=K", "sizes=1X",
	"sizes=18446744073709551616", "sizes=20E", "sizes=08K", "sizes=+8K",
	"iterations=0", "iterations=10001", "iterations=-5",
	"iterations=99999999999", "show_addrs=x", "iterations", NULL
};

static const char * const bp_good[] = {
	"demo_orders=0", "demo_orders=0,1", NULL
};

/* '@' stands for the kernel's number of orders: one above the largest. */
static const char * const bp_bad[] = {
	"demo_orders=@", "demo_orders=99", "demo_orders=-1",
	"demo_orders=a", "demo_orders=0,,1", "demo_orders=4294967296",
	"demo_orders=0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6", "demo_orders=",
	"demo_orders=0,@", "demo_orders", "demo_orders=1.5", NULL
};

static const struct param_gen gens[] = {
	{ "kmalloc_demo", kd_good, kd_bad },
	{ "vmalloc_demo", vd_good, vd_bad },
	{ "buddy_probe", bp_good, bp_bad },
};

static int count_strs(const char * const *s)
{
	int n = 0;

	while (s[n])
		n++;
	return n;
}

/* "name=value" and "name" name the same parameter as "name=other". */
static int same_name(const char *a, const char *b)
{
	size_t la = strcspn(a, "="), lb = strcspn(b, "=");

	return la == lb && !strncmp(a, b, la);
}

static int fuzz_params(const char *ko, int count)
{
	const struct param_gen *g = NULL;
	char params[1024], prefix[80];
	unsigned int i;
	int n;

	for (i = 0; i < sizeof(gens) / sizeof(*gens); i++)
		if (strstr(ko, gens[i].module))
			g = &gens[i];
	if (!g) {
		fprintf(stderr, "%s: no parameters known\n", ko);
		return 2;
	}
	snprintf(prefix, sizeof(prefix), "%s: ", g->module);
	for (n = 0; n < count; n++) {
		int fd = open(ko, O_RDONLY | O_CLOEXEC), ret, err, len = 0;
		int goods = rnd(3), bad_at = rnd(goods + 1), j;
		const char *bad_param;

		if (fd < 0) {
			perror(ko);
			return 2;
		}
		/*
		 * A bad parameter, after the good ones or among them.  A good
		 * one never sets the same name: the last value would win.
		 */
		bad_param = g->bad[rnd(count_strs(g->bad))];
		for (j = 0; j <= goods; j++) {
			const char *p = bad_param;

			if (j != bad_at) {
				p = g->good[rnd(count_strs(g->good))];
				if (same_name(p, bad_param))
					continue;
			}
			len += snprintf(params + len, sizeof(params) - len, "%s",
					len ? " " : "");
			for (; *p; p++)
				len += *p == '@' ?
				       snprintf(params + len, sizeof(params) - len,
						"%u", nr_orders) :
				       snprintf(params + len, sizeof(params) - len,
						"%c", *p);
		}
		klogctl(5, NULL, 0);	/* CLEAR */
		ret = syscall(SYS_finit_module, fd, params, 0);
		err = errno;
		close(fd);
		len = klogctl(3, klog, sizeof(klog) - 1);	/* READ_ALL */
		klog[len > 0 ? len : 0] = '\0';
		sent++;
		if (!ret) {
			bad++;
			printf("BAD: insmod %s %s: loaded\n", g->module, params);
			syscall(SYS_delete_module, g->module, O_NONBLOCK);
		} else if (err != EINVAL && err != ERANGE) {
			bad++;
			printf("BAD: insmod %s %s: %s\n", g->module, params,
			       strerror(err));
		} else if (!strstr(klog, prefix)) {
			bad++;
			printf("BAD: insmod %s %s: %s, and no line in the log\n",
			       g->module, params, strerror(err));
		} else {
			refused++;
		}
	}
	return 0;
}

/* ---- edges, races, reads ------------------------------------------ */

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static int open_or_die(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0)
		die(path);
	return fd;
}

/* A whole file, read with reads of @chunk bytes, into a malloc()ed buffer. */
static char *slurp(const char *path, size_t chunk, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);
	int fd = open_or_die(path, O_RDONLY);
	ssize_t got;

	if (!buf)
		die("malloc");
	for (;;) {
		if (cap - n < chunk) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				die("realloc");
		}
		got = read(fd, buf + n, chunk);
		if (got < 0)
			die(path);
		if (!got)
			break;
		n += got;
	}
	close(fd);
	*len = n;
	return buf;
}

static unsigned long count_lines(const char *buf, size_t len)
{
	unsigned long n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		n += buf[i] == '\n';
	return n;
}

/* The blocks pages lists: its rows but the header. */
static unsigned long held_blocks(const char *pages)
{
	size_t len;
	char *buf = slurp(pages, 65536, &len);
	unsigned long n = count_lines(buf, len);

	free(buf);
	return n ? n - 1 : 0;
}

/* The pfns of the blocks pages lists, in its order, into @pfns. */
static int held_pfns(const char *pages, unsigned long *pfns, int max)
{
	size_t len;
	char *buf = slurp(pages, 65536, &len), *line, *save;
	int n = 0;

	buf[len ? len - 1 : 0] = '\0';
	line = strtok_r(buf, "\n", &save);	/* the header */
	while ((line = strtok_r(NULL, "\n", &save)) && n < max)
		if (sscanf(line, "%*u %lu", &pfns[n]) == 1)
			n++;
	free(buf);
	return n;
}

/* One write of @cmd, as write(2) sees it: its count or -errno. */
static long put_cmd(const char *file, const char *cmd)
{
	int fd = open_or_die(file, O_WRONLY);
	long ret = write(fd, cmd, strlen(cmd));

	if (ret < 0)
		ret = -errno;
	close(fd);
	return ret;
}

static void verdict(int ok, const char *what, const char *detail)
{
	sent++;
	if (ok) {
		refused++;
		return;
	}
	bad++;
	printf("BAD: %s: %s\n", what, detail);
}

enum how { WRITE, SPLIT, WRITEV, PWRITE };

struct edge {
	int snapshot;		/* the snapshot file, else pages */
	const char *name;
	const char *data;	/* NULL: @len spaces after "alloc 0" or "1" */
	int len;		/* with data: its length, -1 for strlen() */
	enum how how;
	long want;		/* what the write returns: a count or -errno */
	int blocks;		/* blocks the pages file holds after it */
};

/*
 * pages takes lines of at most 64 bytes, snapshot of at most 7.  Neither
 * takes pwrite() (ESPIPE: seq_open() clears FMODE_PWRITE).  Each iovec
 * of a writev() is a write of its own (the VFS loops over them).
 */
static const struct edge edges[] = {
	{ 0, "64 bytes: the longest command", NULL, 64, WRITE, 64, 1 },
	{ 0, "65 bytes", NULL, 65, WRITE, -EINVAL, 0 },
	{ 0, "4096 bytes", NULL, 4096, WRITE, -EINVAL, 0 },
	{ 0, "4097 bytes", NULL, 4097, WRITE, -EINVAL, 0 },
	{ 0, "65536 bytes", NULL, 65536, WRITE, -EINVAL, 0 },
	{ 0, "\\r\\n", "alloc 0 1\r\n", -1, WRITE, 11, 1 },
	{ 0, "tabs", "\talloc\t0\t2\t\n", -1, WRITE, 12, 2 },
	{ 0, "+N order", "alloc +1\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "+N count", "alloc 0 +1\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "leading zero order", "alloc 01\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "leading zero count", "alloc 0 01\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "leading zero pfn", "free 010\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "leading zero hex pfn", "free 0x010\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "+N pfn", "free +16\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "0x alone", "free 0x\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "two newlines", "alloc 0\n\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "two commands", "alloc 0\nalloc 0\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "a newline inside", "free\n123\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "\\r\\r\\n", "alloc 0\r\r\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "\\r inside", "alloc\r0\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "\\r\\n alone", "\r\n", -1, WRITE, -EINVAL, 0 },
	{ 0, "no bytes", "", 0, WRITE, 0, 0 },
	{ 0, "split over two writes", "alloc 0\n", -1, SPLIT, -EINVAL, 0 },
	{ 0, "writev, the newline apart", "alloc 0\n", -1, WRITEV, 7, 1 },
	{ 0, "pwrite", "alloc 0\n", -1, PWRITE, -ESPIPE, 0 },
	{ 1, "7 bytes: the longest command", NULL, 7, WRITE, 7, 0 },
	{ 1, "8 bytes", NULL, 8, WRITE, -EINVAL, 0 },
	{ 1, "4096 bytes", NULL, 4096, WRITE, -EINVAL, 0 },
	{ 1, "\\r\\n", "1\r\n", -1, WRITE, 3, 0 },
	{ 1, "tabs", "\t0\t\n", -1, WRITE, 4, 0 },
	{ 1, "+N", "+1\n", -1, WRITE, -EINVAL, 0 },
	{ 1, "leading zero", "01\n", -1, WRITE, -EINVAL, 0 },
	{ 1, "two lines", "1\n0\n", -1, WRITE, -EINVAL, 0 },
	{ 1, "two newlines", "1\n\n", -1, WRITE, -EINVAL, 0 },
	{ 1, "no bytes", "", 0, WRITE, 0, 0 },
	{ 1, "split over two writes", "1 x\n", -1, SPLIT, 2, 0 },
	{ 1, "writev, the newline apart", "1\n", -1, WRITEV, 1, 0 },
	{ 1, "pwrite", "0\n", -1, PWRITE, -ESPIPE, 0 },
};

/* The edge's bytes: its data, or a good command padded with blanks. */
static int edge_bytes(const struct edge *e, char *buf)
{
	const char *cmd = e->snapshot ? "1" : "alloc 0";
	int len;

	if (e->data) {
		len = e->len < 0 ? (int)strlen(e->data) : e->len;
		memcpy(buf, e->data, len);
		return len;
	}
	len = e->len;
	memset(buf, ' ', len);
	memcpy(buf, cmd, strlen(cmd));
	buf[len - 1] = '\n';
	return len;
}

#define SECOND_HALF_TAKEN	-1000

/*
 * Writes @buf as @how says; returns what the write returned, or -errno.
 * Split in two, the first write's; the second half, no command, must be
 * refused (else SECOND_HALF_TAKEN).
 */
static long edge_write(int fd, enum how how, const char *buf, int len)
{
	struct iovec iov[2];
	long ret;

	switch (how) {
	case SPLIT:
		ret = write(fd, buf, len / 2);
		ret = ret < 0 ? -errno : ret;
		if (write(fd, buf + len / 2, len - len / 2) >= 0 || errno != EINVAL)
			return SECOND_HALF_TAKEN;
		return ret;
	case WRITEV:
		iov[0] = (struct iovec){ (void *)buf, len - 1 };
		iov[1] = (struct iovec){ (void *)(buf + len - 1), 1 };
		ret = writev(fd, iov, 2);
		break;
	case PWRITE:
		ret = pwrite(fd, buf, len, 12345);
		break;
	default:
		ret = write(fd, buf, len);
	}
	return ret < 0 ? -errno : ret;
}

static int fuzz_edges(const char *pages, const char *snapshot)
{
	static char buf[65536];
	char what[128], detail[128];
	unsigned int i;

	if (put_cmd(pages, "free all\n") < 0)
		die("free all");
	for (i = 0; i < sizeof(edges) / sizeof(*edges); i++) {
		const struct edge *e = &edges[i];
		int len = edge_bytes(e, buf);
		int fd = open_or_die(e->snapshot ? snapshot : pages, O_WRONLY);
		long ret = edge_write(fd, e->how, buf, len);
		unsigned long blocks;

		close(fd);
		blocks = held_blocks(pages);
		snprintf(what, sizeof(what), "%s: %s", e->snapshot ? "snapshot" : "pages",
			 e->name);
		snprintf(detail, sizeof(detail),
			 "returned %ld (%s), %lu blocks held; wanted %ld, %d", ret,
			 ret < 0 ? strerror(-ret) : "ok", blocks, e->want, e->blocks);
		verdict(ret == e->want && blocks == (unsigned long)e->blocks, what, detail);
		printf("ok edge: %s: %s\n", what, detail);
		put_cmd(pages, "free all\n");
	}
	put_cmd(snapshot, "0\n");
	return 0;
}

#define RACE_BLOCKS	256

/* Frees each of @pfns (or all at once, @all); counts what went through. */
static void race_writer(const char *pages, const unsigned long *pfns, int n,
			int all, int k, int pipe_fd)
{
	int fd = open_or_die(pages, O_WRONLY), i, done = 0, einval = 0, other = 0;
	char cmd[64];

	for (i = 0; i < n; i++) {
		int len = all ? sprintf(cmd, "free all\n") :
			  sprintf(cmd, "free %lu\n", pfns[i]);
		long ret = write(fd, cmd, len);

		if (ret == len)
			done++;
		else if (ret < 0 && errno == EINVAL)
			einval++;
		else
			other++;
		if (all)
			break;
	}
	dprintf(pipe_fd, "%d %d %d %d\n", k, done, einval, other);
	_exit(0);
}

/* One race: two children; the second frees all at once if @all. */
static void race_round(const char *pages, int all)
{
	static unsigned long pfns[RACE_BLOCKS];
	int p[2], n, i, k, res[2][3] = { { 0 } };
	char what[64], detail[160];
	FILE *f;

	if (put_cmd(pages, "alloc 0 256\n") < 0)
		die("alloc 0 256");
	n = held_pfns(pages, pfns, RACE_BLOCKS);
	if (pipe(p))
		die("pipe");
	for (k = 0; k < 2; k++)
		if (!fork())
			race_writer(pages, pfns, n, all && k == 1, k, p[1]);
	close(p[1]);
	f = fdopen(p[0], "r");
	for (i = 0; i < 2; i++) {
		if (fscanf(f, "%d", &k) != 1 || k < 0 || k > 1 ||
		    fscanf(f, "%d %d %d", &res[k][0], &res[k][1], &res[k][2]) != 3)
			die("race result");
	}
	fclose(f);
	while (wait(NULL) > 0)
		;
	snprintf(what, sizeof(what), "two writers freeing the same %d blocks%s", n,
		 all ? ", one with free all" : "");
	snprintf(detail, sizeof(detail), "freed %d + %d, EINVAL %d + %d, other %d + %d, %lu left",
		 res[0][0], res[1][0], res[0][1], res[1][1], res[0][2], res[1][2],
		 held_blocks(pages));
	if (all)	/* free all may come first, last, or in between */
		verdict(res[0][0] + res[0][1] == n && res[1][0] == 1 &&
			!res[0][2] && !res[1][2] && !held_blocks(pages), what, detail);
	else
		verdict(n == RACE_BLOCKS && res[0][0] + res[1][0] == n &&
			res[0][1] + res[1][1] == n && !res[0][2] && !res[1][2] &&
			!held_blocks(pages), what, detail);
	printf("ok race: %s: %s\n", what, detail);
}

static int fuzz_race(const char *pages)
{
	int round;

	for (round = 0; round < 4; round++)
		race_round(pages, round & 1);
	return 0;
}

/* Reads @fd a byte at a time to the end of row @rows (the header is row 0). */
static void read_rows(int fd, char *out, size_t *len, int rows)
{
	char c;

	while (rows >= 0 && read(fd, &c, 1) == 1) {
		out[(*len)++] = c;
		if (c == '\n')
			rows--;
	}
}

/* How often @pfn heads a row of the listing @buf. */
static int listed(const char *buf, unsigned long pfn)
{
	const char *line = buf;
	unsigned long p;
	int n = 0;

	for (line = strchr(line, '\n'); line && line[1]; line = strchr(line + 1, '\n'))
		if (sscanf(line + 1, "%*u %lu", &p) == 1 && p == pfn)
			n++;
	return n;
}

/*
 * Five blocks A < B < C < D < E by pfn (the listing's order); the reader
 * has read the header and A's row.  Round 0 frees A (shown last) and D
 * (not reached yet): B, C and E must follow, D not.  A position-based
 * resume would skip B.
 */
static int fuzz_resume(const char *pages)
{
	static char out[8192];
	unsigned long pfns[8];
	char what[64], detail[256], cmd[64];
	int round, i, n, fd;
	size_t len;

	for (round = 0; round < 2; round++) {
		put_cmd(pages, "free all\n");
		if (put_cmd(pages, round ? "alloc 3 5\n" : "alloc 0 5\n") < 0)
			die("alloc");
		n = held_pfns(pages, pfns, 8);
		fd = open_or_die(pages, O_RDONLY);
		len = 0;
		read_rows(fd, out, &len, 1);
		sprintf(cmd, "free %lu\n", pfns[0]);
		put_cmd(pages, cmd);
		sprintf(cmd, "free %lu\n", pfns[3]);
		put_cmd(pages, cmd);
		read_rows(fd, out, &len, 1000);
		out[len] = '\0';
		close(fd);
		snprintf(what, sizeof(what), "a listing resumed after frees (order %d)",
			 round ? 3 : 0);
		snprintf(detail, sizeof(detail), "listed: A %d, B %d, C %d, D %d, E %d times",
			 n == 5 ? listed(out, pfns[0]) : -1, n == 5 ? listed(out, pfns[1]) : -1,
			 n == 5 ? listed(out, pfns[2]) : -1, n == 5 ? listed(out, pfns[3]) : -1,
			 n == 5 ? listed(out, pfns[4]) : -1);
		i = n == 5 && listed(out, pfns[0]) == 1 && listed(out, pfns[1]) == 1 &&
		    listed(out, pfns[2]) == 1 && listed(out, pfns[3]) == 0 &&
		    listed(out, pfns[4]) == 1;
		verdict(i, what, detail);
		printf("ok resume: %s: %s\n", what, detail);
	}
	put_cmd(pages, "free all\n");
	return 0;
}

/* One seq_file: byte-at-a-time reads, and seeks where none may go. */
static void seq_one(const char *arg)
{
	int same = arg[0] == '=';
	const char *path = arg + same;
	char what[256], detail[160], c;
	size_t one_len, all_len;
	char *one = slurp(path, 1, &one_len), *all = slurp(path, 1 << 20, &all_len);
	int fd, stream, err;
	off_t off;

	snprintf(what, sizeof(what), "%s: read a byte at a time", path);
	snprintf(detail, sizeof(detail), "%zu bytes, %lu lines; at once %zu, %lu",
		 one_len, count_lines(one, one_len), all_len, count_lines(all, all_len));
	verdict(one_len && (!same || (one_len == all_len && !memcmp(one, all, one_len))) &&
		count_lines(one, one_len) == count_lines(all, all_len), what, detail);
	free(one);
	free(all);

	fd = open_or_die(path, O_RDONLY);
	off = lseek(fd, 0, SEEK_END);
	err = errno;
	stream = off < 0 && err == ESPIPE;
	snprintf(what, sizeof(what), "%s: SEEK_END", path);
	snprintf(detail, sizeof(detail), "returned %lld (%s)", (long long)off,
		 off < 0 ? strerror(err) : "ok");
	verdict(off < 0 && (err == EINVAL || err == ESPIPE), what, detail);

	off = lseek(fd, -1, SEEK_SET);
	err = errno;
	snprintf(what, sizeof(what), "%s: offset -1", path);
	snprintf(detail, sizeof(detail), "returned %lld (%s)", (long long)off,
		 off < 0 ? strerror(err) : "ok");
	verdict(off < 0 && err == (stream ? ESPIPE : EINVAL), what, detail);

	off = lseek(fd, 1LL << 62, SEEK_SET);
	err = errno;
	snprintf(what, sizeof(what), "%s: offset 2^62, then a read", path);
	if (off >= 0) {
		ssize_t got = read(fd, &c, 1);

		snprintf(detail, sizeof(detail), "seek returned %lld, read %zd",
			 (long long)off, got);
		verdict(off == 1LL << 62 && got == 0, what, detail);
	} else {
		snprintf(detail, sizeof(detail), "seek returned %s", strerror(err));
		verdict(stream && err == ESPIPE, what, detail);
	}
	close(fd);
	printf("ok seq: %s\n", path);
}

static int fuzz_seq(int n, char **files)
{
	int i;

	for (i = 0; i < n; i++)
		seq_one(files[i]);
	return 0;
}

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	nanosleep(&ts, NULL);
}

/*
 * A child writes @cmd; once it is in the write (it says so, just before,
 * on a pipe) the parent waits @delay_us, then kills it or reads pages.
 * Returns the blocks held once it is over; *@mid the blocks a reader saw.
 */
static unsigned long interrupt_once(const char *pages, const char *cmd,
				    long delay_us, int kill_it, unsigned long *mid,
				    int *status)
{
	int p[2];
	pid_t pid;
	char c;

	if (pipe(p))
		die("pipe");
	pid = fork();
	if (!pid) {
		int fd = open_or_die(pages, O_WRONLY);

		close(p[0]);
		if (write(p[1], "w", 1) != 1)
			_exit(3);
		_exit(write(fd, cmd, strlen(cmd)) == (ssize_t)strlen(cmd) ? 0 : 1);
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1)
		die("interrupt pipe");
	close(p[0]);
	sleep_us(delay_us);
	if (kill_it)
		kill(pid, SIGKILL);
	else
		*mid = held_blocks(pages);
	waitpid(pid, status, 0);
	return held_blocks(pages);
}

static int fuzz_interrupt(const char *pages, unsigned int order, unsigned long count)
{
	static const char * const what[] = { "a read", "SIGKILL" };
	unsigned long after, mid = 0;
	int try, kill_it, status, partial[2] = { 0, 0 }, ok;
	char cmd[64], desc[96], detail[160];
	long delay;

	sprintf(cmd, "alloc %u %lu\n", order, count);
	put_cmd(pages, "free all\n");
	for (try = 0; try < 10; try++) {
		delay = 100L << try;
		for (kill_it = 0; kill_it < 2; kill_it++) {
			after = interrupt_once(pages, cmd, delay, kill_it, &mid, &status);
			if (kill_it) {
				ok = after <= count && (WIFSIGNALED(status) || after == count);
				partial[1] += after > 0 && after < count;
				snprintf(detail, sizeof(detail), "%s, %lu of %lu blocks held",
					 WIFSIGNALED(status) ? "killed" : "not killed",
					 after, count);
			} else {
				ok = WIFEXITED(status) && !WEXITSTATUS(status) &&
				     after == count && mid <= count;
				partial[0] += mid > 0 && mid < count;
				snprintf(detail, sizeof(detail),
					 "the reader saw %lu blocks, %lu of %lu after",
					 mid, after, count);
			}
			snprintf(desc, sizeof(desc), "%s %ld us into '%.*s'",
				 what[kill_it], delay, (int)strlen(cmd) - 1, cmd);
			verdict(ok, desc, detail);
			printf("ok interrupt: %s: %s\n", desc, detail);
			put_cmd(pages, "free all\n");
		}
	}
	printf("partial_kills=%d partial_reads=%d\n", partial[1], partial[0]);
	if (!partial[0] || !partial[1]) {
		bad++;
		printf("BAD: no kill stopped the alloc, or no read got in, between two blocks\n");
	}
	return 0;
}

int main(int argc, char **argv)
{
	int count, ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
	nr_orders = read_nr_orders();
	if (argc >= 3 && !strcmp(argv[1], "seq")) {
		ret = fuzz_seq(argc - 2, argv + 2);
	} else if (argc == 3 && !strcmp(argv[1], "race")) {
		ret = fuzz_race(argv[2]);
	} else if (argc == 3 && !strcmp(argv[1], "resume")) {
		ret = fuzz_resume(argv[2]);
	} else if (argc == 4 && !strcmp(argv[1], "edges")) {
		ret = fuzz_edges(argv[2], argv[3]);
	} else if (argc == 5 && !strcmp(argv[1], "interrupt")) {
		ret = fuzz_interrupt(argv[2], atoi(argv[3]), atol(argv[4]));
	} else if (argc == 5) {
		count = atoi(argv[3]);
		srandom(atoi(argv[4]));
		if (!strcmp(argv[1], "pages"))
			ret = fuzz_file(argv[2], count, bad_pages);
		else if (!strcmp(argv[1], "snapshot"))
			ret = fuzz_file(argv[2], count, bad_snapshot);
		else if (!strcmp(argv[1], "readonly"))
			ret = fuzz_file(argv[2], count, any_bytes);
		else if (!strcmp(argv[1], "params"))
			ret = fuzz_params(argv[2], count);
		else
			ret = 2;
	} else {
		ret = 2;
	}
	if (ret == 2)
		fprintf(stderr, "usage: %s pages|snapshot|readonly|params FILE COUNT SEED\n"
			"       %s edges PAGES SNAPSHOT | race PAGES | resume PAGES\n"
			"       %s seq [=]FILE... | interrupt PAGES ORDER COUNT\n",
			argv[0], argv[0], argv[0]);
	if (ret)
		return ret;
	printf("sent=%d refused=%d accepted=%d bad=%d\n", sent, refused,
	       accepted, bad);
	return bad ? 1 : 0;
}
