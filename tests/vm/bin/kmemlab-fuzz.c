// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlab-fuzz: hostile input for the modules, from inside the guest.
 *
 *   kmemlab-fuzz pages FILE COUNT SEED
 *	COUNT malformed commands to buddy_probe's pages file: empty and
 *	4 KiB lines, binary data, numbers with signs and overflows, orders
 *	above the largest, frees of pfns that are not held; every tenth is
 *	"free all", which must succeed.  Every other write must fail with
 *	EINVAL.
 *   kmemlab-fuzz snapshot FILE COUNT SEED
 *	The same for the snapshot file, which takes "1" or "0" only.
 *   kmemlab-fuzz readonly FILE COUNT SEED
 *	Writes to a file that has no write method: EINVAL each time.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LINE_MAX_LEN	8192

static char klog[1 << 20];
static int sent, refused, accepted, bad;

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
	case 0:
		return sprintf(buf, "%s", rnd(2) ? "\n" : "");
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
	case 6:		/* orders above the largest (10 on x86-64) */
		return sprintf(buf, "alloc %u\n", 11 + rnd(100000));
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
 * What the snapshot file takes: at most 7 bytes, no NUL, "0" or "1"
 * once surrounding white space is trimmed.  Random bytes make that now
 * and then (" 1", "0\v"): those are not malformed, and are drawn again.
 */
static int snapshot_valid(const char *buf, int len)
{
	int start = 0;

	if (len > 7 || memchr(buf, '\0', len))
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
		return sprintf(buf, "%s", rnd(2) ? "\n" : "");
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
	"iterations=0", "iterations=10001", "iterations=-5",
	"iterations=99999999999", "show_addrs=x", "iterations", NULL
};

static const char * const bp_good[] = {
	"demo_orders=0", "demo_orders=0,1", NULL
};

static const char * const bp_bad[] = {
	"demo_orders=11", "demo_orders=99", "demo_orders=-1",
	"demo_orders=a", "demo_orders=0,,1", "demo_orders=4294967296",
	"demo_orders=0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6", "demo_orders=",
	"demo_orders=0,11", "demo_orders", "demo_orders=1.5", NULL
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
			len += snprintf(params + len, sizeof(params) - len, "%s%s",
					len ? " " : "", p);
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

int main(int argc, char **argv)
{
	int count, ret;

	if (argc != 5) {
		fprintf(stderr, "usage: %s pages|snapshot|readonly|params FILE COUNT SEED\n",
			argv[0]);
		return 2;
	}
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
	if (ret)
		return ret;
	printf("sent=%d refused=%d accepted=%d bad=%d\n", sent, refused,
	       accepted, bad);
	return bad ? 1 : 0;
}
