// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlab-failnth: fails, once each, every fault-injectable allocation
 * that one module load or one debugfs write makes, with the kernel's
 * /proc/thread-self/fail-nth ("fail the Nth fault-injectable call of this
 * task", CONFIG_FAULT_INJECTION).  For N = 1, 2, 3, ... it arms fail-nth,
 * makes the one system call, and reads fail-nth back: 0 means the Nth
 * call came and failed; otherwise the call made fewer than N, and the
 * walk is over.  Guest-side (busybox has no such tool), built static.
 *
 *   kmemlab-failnth load MODULE.ko FILES [PARAMS]
 *	finit_module() under each fault.  Outcomes: refused by the module
 *	(-ENOMEM and exactly one error line of its own), refused by the
 *	kernel's loader (-ENOMEM and no line of the module's: the fault came
 *	before its init ran), or loaded; then its debugfs folder must hold
 *	FILES files, or the module must have said which one it could not
 *	create, and it is unloaded.
 *   kmemlab-failnth write FILE COMMAND [CLEANUP]
 *	write(COMMAND) under each fault: refused with -ENOMEM and a line in
 *	the log, or done; then CLEANUP (e.g. "free all") is written.
 *
 * Each fault is printed as one line; the last line is
 * "faults=F refused_module=M refused_loader=L done=D bad=B".  Exits 1 if
 * B > 0.  The kernel log is read and cleared around each call (klogctl).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LOG_SIZE	0x100000
#define MAX_FAULTS	100000

static char klog[LOG_SIZE];
static int fail_fd;

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static void set_fail_nth(unsigned int n)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%u", n);

	if (pwrite(fail_fd, buf, len, 0) != len)
		die("fail-nth");
}

/* Reads fail-nth back through the fd opened up front: no allocation. */
static unsigned int get_fail_nth(void)
{
	char buf[16] = "";

	if (pread(fail_fd, buf, sizeof(buf) - 1, 0) < 0)
		die("fail-nth");
	return strtoul(buf, NULL, 10);
}

/* The kernel log since the last call, which it clears. */
static const char *read_klog(void)
{
	int len = klogctl(4, klog, sizeof(klog) - 1);	/* READ_CLEAR */

	klog[len > 0 ? len : 0] = '\0';
	return klog;
}

/* Lines of the raw log (klogctl keeps the "<L>" prefix) at level <= 3. */
static int count_lines(const char *log, const char *prefix, int maxlevel)
{
	size_t plen = strlen(prefix);
	const char *line = log;
	int n = 0;

	while (*line) {
		const char *end = strchrnul(line, '\n');
		const char *text = line;
		int level = 7;

		if (text[0] == '<' && text[2] == '>') {
			level = text[1] - '0';
			text += 3;
		}
		/* printk time, "[    1.234567] " */
		if (text[0] == '[') {
			text = strchr(text, ']');
			text = text ? text + 2 : end;
		}
		if (level <= maxlevel && text < end &&
		    !strncmp(text, prefix, plen))
			n++;
		line = *end ? end + 1 : end;
	}
	return n;
}

static int count_files(const char *dir)
{
	struct dirent *d;
	DIR *dp = opendir(dir);
	int n = 0;

	if (!dp)
		return -1;
	while ((d = readdir(dp)))
		if (d->d_name[0] != '.')
			n++;
	closedir(dp);
	return n;
}

/*
 * A kernel complaint in the log: the walk fails whatever else happened.
 * A stack trace alone is not one: the kernel's own report of a failed
 * allocation (warn_alloc(): "vmalloc error", "page allocation failure")
 * has one, and is what a fault should cause where __GFP_NOWARN is not set.
 */
static int splat(const char *log)
{
	return strstr(log, "BUG:") || strstr(log, "WARNING:") ||
	       strstr(log, "KASAN") || strstr(log, "Oops");
}

static int faults, refused_module, refused_loader, done, bad;

static void result(unsigned int n, const char *what, int ok)
{
	printf("%s fault %u: %s\n", ok ? "ok" : "BAD", n, what);
	if (!ok)
		bad++;
}

static int load_walk(const char *ko, int want_files, const char *params)
{
	char name[64], prefix[80], dir[128], why[256];
	const char *unfaulted = "insmod without a fault";
	const char *base = strrchr(ko, '/') ? strrchr(ko, '/') + 1 : ko;
	unsigned int n;

	snprintf(name, sizeof(name), "%.*s", (int)strcspn(base, "."), base);
	snprintf(prefix, sizeof(prefix), "%s: ", name);
	snprintf(dir, sizeof(dir), "/sys/kernel/debug/%s", name);
	for (n = 1; n < MAX_FAULTS; n++) {
		int fd = open(ko, O_RDONLY | O_CLOEXEC);
		int ret, err, errs, files;
		unsigned int left;
		const char *log;

		if (fd < 0)
			die(ko);
		read_klog();
		set_fail_nth(n);
		ret = syscall(SYS_finit_module, fd, params, 0);
		err = errno;
		left = get_fail_nth();
		set_fail_nth(0);
		close(fd);
		log = read_klog();
		errs = count_lines(log, prefix, 3);
		if (splat(log)) {
			result(n, "the kernel complained", 0);
			fputs(log, stdout);
		}
		if (left) {
			/* The load made fewer than n calls: the walk is over. */
			if (ret) {
				snprintf(why, sizeof(why), "%s failed: %s",
					 unfaulted, strerror(err));
				result(n, why, 0);
			} else if (syscall(SYS_delete_module, name, O_NONBLOCK)) {
				snprintf(why, sizeof(why), "%s: rmmod failed", unfaulted);
				result(n, why, 0);
			}
			return n - 1;
		}
		faults++;
		if (ret) {
			if (err != ENOMEM) {
				snprintf(why, sizeof(why), "refused with %s, not ENOMEM",
					 strerror(err));
				result(n, why, 0);
			} else if (errs > 1) {
				result(n, "refused with more than one error line", 0);
				fputs(log, stdout);
			} else {
				*(errs ? &refused_module : &refused_loader) += 1;
				result(n, errs ? "refused by the module" :
				       "refused by the kernel's loader", 1);
			}
			continue;
		}
		files = count_files(dir);
		if (files != want_files &&
		    count_lines(log, prefix, 4) == 0) {
			snprintf(why, sizeof(why), "loaded with %d of %d files and no word of it",
				 files, want_files);
			result(n, why, 0);
		} else {
			done++;
			result(n, files == want_files ? "loaded" :
			       "loaded, and said which file is missing", 1);
		}
		if (syscall(SYS_delete_module, name, O_NONBLOCK))
			result(n, "rmmod failed", 0);
		read_klog();
	}
	return n;
}

static int write_walk(const char *file, const char *cmd, const char *cleanup)
{
	const char *log;
	char why[256];
	unsigned int n;

	for (n = 1; n < MAX_FAULTS; n++) {
		int fd = open(file, O_WRONLY | O_CLOEXEC);
		unsigned int left;
		ssize_t ret;
		int err;

		if (fd < 0)
			die(file);
		read_klog();
		set_fail_nth(n);
		ret = write(fd, cmd, strlen(cmd));
		err = errno;
		left = get_fail_nth();
		set_fail_nth(0);
		log = read_klog();
		if (splat(log)) {
			result(n, "the kernel complained", 0);
			fputs(log, stdout);
		}
		if (cleanup && write(fd, cleanup, strlen(cleanup)) < 0)
			result(n, "cleanup write failed", 0);
		close(fd);
		if (left) {
			if (ret < 0) {
				snprintf(why, sizeof(why), "unfaulted write failed: %s",
					 strerror(err));
				result(n, why, 0);
			}
			return n - 1;
		}
		faults++;
		if (ret >= 0) {
			done++;
			result(n, "done", 1);
		} else if (err != ENOMEM) {
			snprintf(why, sizeof(why), "refused with %s, not ENOMEM",
				 strerror(err));
			result(n, why, 0);
		} else if (!strstr(log, "buddy_probe: ")) {
			result(n, "refused with ENOMEM but no word in the log", 0);
		} else {
			refused_module++;
			result(n, "refused with ENOMEM and a message", 1);
		}
	}
	return n;
}

int main(int argc, char **argv)
{
	fail_fd = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	if (fail_fd < 0)
		die("/proc/thread-self/fail-nth");
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 4 && !strcmp(argv[1], "load")) {
		load_walk(argv[2], atoi(argv[3]), argc > 4 ? argv[4] : "");
	} else if (argc >= 4 && !strcmp(argv[1], "write")) {
		write_walk(argv[2], argv[3], argc > 4 ? argv[4] : NULL);
	} else {
		fprintf(stderr, "usage: %s load MODULE.ko FILES [PARAMS]\n"
			"       %s write FILE COMMAND [CLEANUP]\n", argv[0], argv[0]);
		return 2;
	}
	printf("faults=%d refused_module=%d refused_loader=%d done=%d bad=%d\n",
	       faults, refused_module, refused_loader, done, bad);
	return bad ? 1 : 0;
}
