// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlab-faults: fails, once each, the fault-injectable allocations that
 * one module load or one debugfs write makes (CONFIG_FAULT_INJECTION),
 * and checks what the module makes of each.  Guest-side (busybox has no
 * such tool), built static.  Two ways to arm a fault:
 *
 *   nth	/proc/thread-self/fail-nth: "fail the Nth injectable call of
 *		this task".  For N = 1, 2, 3, ... it arms fail-nth, makes the
 *		call, and reads fail-nth back: 0 means the Nth call came and
 *		failed; otherwise the call made fewer than N, and the walk is
 *		over.  Every allocation fails once.
 *   space ATTR	the fault attributes in /sys/kernel/debug/ATTR (failslab or
 *		fail_page_alloc): task-filter with this task's make-it-fail,
 *		probability 100, times 1, and a budget in "space" that the
 *		calls use up, by their size, before one fails.  A first load
 *		measures the whole budget T; then the budgets T - 2^k fail the
 *		last allocations one by one (the module's init comes last)
 *		and the loader's ever more coarsely.  Left as found after.
 *
 *   kmemlab-faults nth|space ATTR load MODULE.ko FILES [PARAMS]
 *	finit_module() under each fault.  Outcomes: refused by the module
 *	(-ENOMEM and exactly one error line of its own), refused by the
 *	kernel's loader (-ENOMEM and no line of the module's: the fault came
 *	before its init ran), or loaded; then its debugfs folder must hold
 *	FILES files, or the module must have said which one it could not
 *	create, and it is unloaded.
 *   kmemlab-faults nth load-open FILE MODULE.ko FILES [PARAMS]
 *   kmemlab-faults space ATTR load-open FILE MODULE.ko FILES [PARAMS]
 *	The walks of a load above, with a child that opens FILE (one of
 *	the module's debugfs files) over and over while each load runs, and
 *	holds what it opens until that load is over.  A file that could be
 *	opened during a load that then failed is bad: it pins a module that
 *	is freed anyway, and its release runs freed code (the close after
 *	the load may well oops).  The summary adds "opened=O
 *	opened_in_failed=F".
 *   kmemlab-faults readers SECONDS FILE...
 *	One reader per CPU, pinned to it, reads every FILE in turn for
 *	SECONDS with its make-it-fail on, so that the fault attributes
 *	(set up by the caller: failslab, say, task-filter on) fail its
 *	allocations: each open and read must succeed or fail with ENOMEM.
 *	Prints "reads=R failed=F" (ENOMEM) and a BAD line per other error.
 *   kmemlab-faults nth write FILE COMMAND [CLEANUP]
 *	write(COMMAND) under each fault: refused with -ENOMEM and a line in
 *	the log, or done; then CLEANUP (e.g. "free all") is written.
 *
 * Each fault is printed as one line, with where it struck: the report
 * fault injection logs (verbose=2: a stack trace) names the innermost
 * frame in the module's own code, "at func+0xoff [module]"; "in the
 * kernel" when no frame is the module's (the loader, or kmemleak's and
 * KASAN's bookkeeping); "untraced" when the caller passed __GFP_NOWARN,
 * which silences the report.  A refusal traced to the module's code
 * must come with the module's own error line: without one, a silent
 * -ENOMEM from the module would pass for the loader's.
 *
 * The last line is "faults=F refused_module=M refused_loader=L done=D
 * bad=B untraced=U".  Exits 1 if B > 0.  The kernel log is read and
 * cleared around each call (klogctl).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LOG_SIZE	0x100000
#define MAX_FAULTS	100000

static char klog[LOG_SIZE];

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static int open_or_die(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		die(path);
	return fd;
}

/*
 * Numbers in proc files, through fds opened up front: no path lookup, no
 * allocation, between arming a fault and the call.
 */
static void put(int fd, long val)
{
	char buf[24];
	int len = snprintf(buf, sizeof(buf), "%ld", val);

	if (pwrite(fd, buf, len, 0) != len)
		die("pwrite");
}

static long get(int fd)
{
	char buf[24] = "";

	if (pread(fd, buf, sizeof(buf) - 1, 0) < 0)
		die("pread");
	return strtol(buf, NULL, 10);
}

/* What became of an armed fault. */
enum shot {
	NO_STEP_LEFT,	/* nothing was armed: the walk is over */
	MISSED,		/* the call made fewer allocations than armed for */
	FIRED,
	REPEAT,		/* fired at the same call as the step before */
};

/*
 * How a fault is armed.  arm(step) before the call, or 0 when there is
 * no step left; fired() after it disarms and says what came of it.  A
 * walk by fail-nth is over at the first call that did not reach the Nth
 * allocation; a walk by budget goes through its list of steps.
 */
struct arming {
	int (*arm)(unsigned int step);
	enum shot (*fired)(void);
	int over_when_missed;
};

static int nth_fd;

static int nth_arm(unsigned int n)
{
	put(nth_fd, n);
	return 1;
}

static enum shot nth_fired(void)
{
	long left = get(nth_fd);

	put(nth_fd, 0);
	return left ? MISSED : FIRED;
}

static const struct arming by_nth = { nth_arm, nth_fired, 1 };

/*
 * The budget walk: ATTR's files, this task's make-it-fail, the budgets.
 * The debugfs files cannot be read or written at an offset (pread gives
 * ESPIPE): each access opens them anew, while make-it-fail is off.
 */
static struct {
	char space[128], times[128], probability[128], task_filter[128];
	int make_it_fail;
	long saved_space, saved_times, saved_probability;
	char saved_task_filter[2];
	long total, budget;
	long last_at;		/* bytes before the last fault, or -1 */
} bud = { .last_at = -1 };

static void put_file(const char *path, const char *val)
{
	int fd = open_or_die(path);
	ssize_t len = strlen(val);

	if (write(fd, val, len) != len)
		die(path);
	close(fd);
}

static void put_num(const char *path, long val)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%ld", val);
	put_file(path, buf);
}

static long get_num(const char *path)
{
	int fd = open_or_die(path);
	char buf[24] = "";

	if (read(fd, buf, sizeof(buf) - 1) < 0)
		die(path);
	close(fd);
	return strtol(buf, NULL, 10);
}

static void budget_open(const char *attr)
{
	int fd;

	snprintf(bud.space, sizeof(bud.space), "/sys/kernel/debug/%s/space", attr);
	snprintf(bud.times, sizeof(bud.times), "/sys/kernel/debug/%s/times", attr);
	snprintf(bud.probability, sizeof(bud.probability),
		 "/sys/kernel/debug/%s/probability", attr);
	snprintf(bud.task_filter, sizeof(bud.task_filter),
		 "/sys/kernel/debug/%s/task-filter", attr);
	bud.make_it_fail = open_or_die("/proc/thread-self/make-it-fail");
	bud.saved_space = get_num(bud.space);
	bud.saved_times = get_num(bud.times);
	bud.saved_probability = get_num(bud.probability);
	fd = open_or_die(bud.task_filter);
	if (read(fd, bud.saved_task_filter, 1) != 1)
		die(bud.task_filter);
	close(fd);
	/* Filter first: with probability 100 any task's next call could fail. */
	put_file(bud.task_filter, "Y");
	put_num(bud.probability, 100);
}

static void budget_close(void)
{
	put_num(bud.space, bud.saved_space);
	put_num(bud.times, bud.saved_times);
	put_num(bud.probability, bud.saved_probability);
	put_file(bud.task_filter, bud.saved_task_filter);
}

/* Arms one fault after BUDGET bytes of this task's calls. */
static void budget_set(long budget)
{
	put_num(bud.space, budget);
	put_num(bud.times, 1);
	put(bud.make_it_fail, 1);
}

/*
 * Step k fails after T - 2^(k-1) bytes, the last step after none.  T is
 * below 2^31 ("space" is an int), so the shift stays in range.
 */
static int budget_arm(unsigned int step)
{
	long back = 1L << (step - 1);

	if (back / 2 >= bud.total)
		return 0;
	bud.budget = back < bud.total ? bud.total - back : 0;
	budget_set(bud.budget);
	return 1;
}

/*
 * A fault that fires leaves "space" at what was left of the budget: the
 * bytes before it say which call it was.  Two budgets that fail the same
 * call count as one fault.
 */
static enum shot budget_fired(void)
{
	long at;

	put(bud.make_it_fail, 0);
	if (get_num(bud.times))
		return MISSED;
	at = bud.budget - get_num(bud.space);
	if (at == bud.last_at)
		return REPEAT;
	bud.last_at = at;
	return FIRED;
}

static const struct arming by_budget = { budget_arm, budget_fired, 0 };

/* The kernel log since the last call, which it clears. */
static const char *read_klog(void)
{
	int len = klogctl(4, klog, sizeof(klog) - 1);	/* READ_CLEAR */

	klog[len > 0 ? len : 0] = '\0';
	return klog;
}

/*
 * The text of a raw log line that ends at END, past its "<L>" level
 * (klogctl keeps it; *level is 7 without one) and its printk time,
 * "[    1.234567] ".
 */
static const char *line_text(const char *line, const char *end, int *level)
{
	*level = 7;
	if (line[0] == '<' && line[2] == '>') {
		*level = line[1] - '0';
		line += 3;
	}
	if (line[0] == '[') {
		line = strchr(line, ']');
		line = line && line + 2 <= end ? line + 2 : end;
	}
	return line;
}

/* Lines of the raw log at level <= MAXLEVEL that start with PREFIX. */
static int count_lines(const char *log, const char *prefix, int maxlevel)
{
	size_t plen = strlen(prefix);
	const char *line = log;
	int n = 0;

	while (*line) {
		const char *end = strchrnul(line, '\n');
		int level;
		const char *text = line_text(line, end, &level);

		if (level <= maxlevel && text < end &&
		    !strncmp(text, prefix, plen))
			n++;
		line = *end ? end + 1 : end;
	}
	return n;
}

/*
 * Where the fault struck, from fault injection's report in the log: the
 * innermost reliable frame (ORC: no "? " mark) of MODULE, without the
 * function's size, e.g. "at kd_run+0x4c [kmalloc_demo]".
 */
static const char *fault_site(const char *log, const char *module,
			      char *site, size_t len)
{
	const char *line = strstr(log, "FAULT_INJECTION: forcing a failure");
	char tag[80];

	if (!line)
		return "untraced";
	snprintf(tag, sizeof(tag), " [%s]", module);
	while (*line) {
		const char *end = strchrnul(line, '\n');
		int level;
		const char *text = line_text(line, end, &level);

		while (text < end && *text == ' ')
			text++;
		/* The end of this trace: a later one is another story. */
		if (!strncmp(text, "</TASK>", 7))
			break;
		if (text < end && text[0] != '?' &&
		    memmem(text, end - text, tag, strlen(tag))) {
			int fn = strcspn(text, "/\n");

			snprintf(site, len, "at %.*s%s", fn, text, tag);
			return site;
		}
		line = *end ? end + 1 : end;
	}
	return "in the kernel";
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

static int faults, refused_module, refused_loader, done, bad, untraced;

/*
 * One fault's outcome; a repeat (a second budget that failed the same
 * call) is checked again but not counted again.
 */
static void result(unsigned int n, const char *what, const char *site,
		   int ok, int *counter, int repeat)
{
	printf("%s %s %u: %s (%s)\n", ok ? "ok" : "BAD",
	       repeat ? "repeat of fault" : "fault", n, what, site);
	if (!ok) {
		bad++;
		return;
	}
	if (repeat || !counter)
		return;
	faults++;
	(*counter)++;
	if (!strcmp(site, "untraced"))
		untraced++;
}

/* A site in the module's own code, as fault_site() names it. */
static int in_module(const char *site)
{
	return !strncmp(site, "at ", 3);
}

struct module {
	const char *ko, *params;
	char name[64], prefix[80], dir[128];
	int want_files;
};

/*
 * The opener (load-open), shared with its child.  The parent numbers each
 * load (gen) and says when it runs (loading) and whether it failed
 * (failed_gen); the child says when it tries to open or holds a file
 * (holding: set before the open, so that the parent, which waits for it
 * to drop before it unloads, never misses one), and counts.
 */
struct opener {
	int loading, gen, failed_gen, holding, stop;
	int opened, opened_in_failed;
	pid_t pid;
};

static struct opener *opener;

static int get_int(int *p)
{
	return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

static void set_int(int *p, int v)
{
	__atomic_store_n(p, v, __ATOMIC_SEQ_CST);
}

static void opener_child(const char *file)
{
	char c;
	int fd, gen;

	while (!get_int(&opener->stop)) {
		if (!get_int(&opener->loading)) {
			sched_yield();
			continue;
		}
		gen = get_int(&opener->gen);
		set_int(&opener->holding, 1);
		fd = open(file, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			__atomic_add_fetch(&opener->opened, 1, __ATOMIC_SEQ_CST);
			while (get_int(&opener->loading) && get_int(&opener->gen) == gen)
				sched_yield();
			if (get_int(&opener->failed_gen) == gen)
				__atomic_add_fetch(&opener->opened_in_failed, 1,
						   __ATOMIC_SEQ_CST);
			/* The module may be gone: the read fails, the close must not oops. */
			if (read(fd, &c, 1) < 0)
				c = 0;
			close(fd);
		}
		set_int(&opener->holding, 0);
	}
	_exit(0);
}

static void opener_start(const char *file)
{
	opener = mmap(NULL, sizeof(*opener), PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (opener == MAP_FAILED)
		die("mmap");
	memset(opener, 0, sizeof(*opener));
	opener->pid = fork();
	if (opener->pid < 0)
		die("fork");
	if (!opener->pid)
		opener_child(file);
}

static void opener_stop(void)
{
	set_int(&opener->stop, 1);
	waitpid(opener->pid, NULL, 0);
}

/* Before a load: no system call, nothing allocated (a fault may be armed). */
static void opener_begin(void)
{
	if (!opener)
		return;
	set_int(&opener->gen, get_int(&opener->gen) + 1);
	set_int(&opener->loading, 1);
}

/* After it: the child lets go of what it opened, before any rmmod. */
static void opener_end(int err)
{
	if (!opener)
		return;
	if (err)
		set_int(&opener->failed_gen, get_int(&opener->gen));
	set_int(&opener->loading, 0);
	while (get_int(&opener->holding))
		sched_yield();
}

/*
 * finit_module() of the module, armed by ARM (nothing is opened, read or
 * logged between arming and disarming, so that the fault falls on the
 * load's own calls); then the kernel's log.  Returns what came of the
 * fault; *err is the load's errno, or 0.
 */
static enum shot load(const struct module *m, const struct arming *a,
		      unsigned int n, int *err, const char **log)
{
	int fd = open(m->ko, O_RDONLY | O_CLOEXEC);
	enum shot shot;

	if (fd < 0)
		die(m->ko);
	read_klog();
	opener_begin();
	if (!a->arm(n)) {
		opener_end(0);
		close(fd);
		return NO_STEP_LEFT;
	}
	*err = syscall(SYS_finit_module, fd, m->params, 0) ? errno : 0;
	shot = a->fired();
	opener_end(*err);
	close(fd);
	*log = read_klog();
	return shot;
}

static void unload(const struct module *m, unsigned int n, const char *site)
{
	if (syscall(SYS_delete_module, m->name, O_NONBLOCK))
		result(n, "rmmod failed", site, 0, NULL, 0);
	read_klog();
}

/* A load that took no fault must succeed. */
static void unfaulted(const struct module *m, unsigned int n, int err)
{
	char why[256];

	if (!err) {
		unload(m, n, "no fault");
		return;
	}
	snprintf(why, sizeof(why), "insmod without a fault failed: %s",
		 strerror(err));
	result(n, why, "no fault", 0, NULL, 0);
}

static void load_faulted(const struct module *m, unsigned int n, int err,
			 const char *log, int repeat)
{
	int errs = count_lines(log, m->prefix, 3);
	char why[256], where[256];
	const char *site = fault_site(log, m->name, where, sizeof(where));
	int files;

	if (splat(log)) {
		result(n, "the kernel complained", site, 0, NULL, 0);
		fputs(log, stdout);
	}
	if (err) {
		if (err != ENOMEM) {
			snprintf(why, sizeof(why), "refused with %s, not ENOMEM",
				 strerror(err));
			result(n, why, site, 0, NULL, 0);
		} else if (errs > 1) {
			result(n, "refused with more than one error line", site, 0, NULL, 0);
			fputs(log, stdout);
		} else if (!errs && in_module(site)) {
			result(n, "refused by the module without a word", site, 0, NULL, 0);
			fputs(log, stdout);
		} else if (errs) {
			result(n, "refused by the module", site, 1, &refused_module, repeat);
		} else {
			result(n, "refused by the kernel's loader", site, 1,
			       &refused_loader, repeat);
		}
		return;
	}
	files = count_files(m->dir);
	if (files != m->want_files && count_lines(log, m->prefix, 4) == 0) {
		snprintf(why, sizeof(why), "loaded with %d of %d files and no word of it",
			 files, m->want_files);
		result(n, why, site, 0, NULL, 0);
	} else {
		result(n, files == m->want_files ? "loaded" :
		       "loaded, and said which file is missing", site, 1, &done, repeat);
	}
	unload(m, n, site);
}

static void load_walk(const struct arming *a, const struct module *m)
{
	unsigned int n;

	for (n = 1; n < MAX_FAULTS; n++) {
		const char *log;
		int err;
		enum shot shot = load(m, a, n, &err, &log);

		if (shot == NO_STEP_LEFT)
			return;
		if (shot == MISSED) {
			unfaulted(m, n, err);
			if (a->over_when_missed)
				return;
			continue;
		}
		load_faulted(m, n, err, log, shot == REPEAT);
	}
}

/* Arms the whole budget (INT_MAX), to measure what a load uses. */
static int measure_arm(unsigned int step)
{
	(void)step;
	budget_set(INT_MAX);
	return 1;
}

static enum shot measure_fired(void)
{
	put(bud.make_it_fail, 0);
	bud.total = INT_MAX - get_num(bud.space);
	return MISSED;
}

static const struct arming measuring = { measure_arm, measure_fired, 1 };

/* The budget a whole load uses up, with nothing failed. */
static void budget_measure(const struct module *m)
{
	const char *log;
	int err;

	load(m, &measuring, 0, &err, &log);
	unfaulted(m, 0, err);
	printf("budget of a load: %ld bytes\n", bud.total);
	if (bud.total <= 0) {
		fprintf(stderr, "a load used no budget\n");
		exit(2);
	}
}

static void write_walk(const char *file, const char *cmd, const char *cleanup)
{
	const char *log, *site;
	char why[256], where[256];
	unsigned int n;

	for (n = 1; n < MAX_FAULTS; n++) {
		int fd = open(file, O_WRONLY | O_CLOEXEC);
		ssize_t ret;
		enum shot shot;
		int err;

		if (fd < 0)
			die(file);
		read_klog();
		by_nth.arm(n);
		ret = write(fd, cmd, strlen(cmd));
		err = errno;
		shot = by_nth.fired();
		log = read_klog();
		site = fault_site(log, "buddy_probe", where, sizeof(where));
		if (splat(log)) {
			result(n, "the kernel complained", site, 0, NULL, 0);
			fputs(log, stdout);
		}
		if (cleanup && write(fd, cleanup, strlen(cleanup)) < 0)
			result(n, "cleanup write failed", site, 0, NULL, 0);
		close(fd);
		if (shot == MISSED) {
			if (ret < 0) {
				snprintf(why, sizeof(why), "unfaulted write failed: %s",
					 strerror(err));
				result(n, why, "no fault", 0, NULL, 0);
			}
			return;
		}
		if (ret >= 0) {
			result(n, "done", site, 1, &done, 0);
		} else if (err != ENOMEM) {
			snprintf(why, sizeof(why), "refused with %s, not ENOMEM",
				 strerror(err));
			result(n, why, site, 0, NULL, 0);
		} else if (!strstr(log, "buddy_probe: ")) {
			result(n, "refused with ENOMEM but no word in the log", site,
			       0, NULL, 0);
		} else {
			result(n, "refused with ENOMEM and a message", site, 1,
			       &refused_module, 0);
		}
	}
}

/* One reader: returns reads done and failed; a BAD line per other error. */
static void reader(int cpu, int seconds, int nfiles, char **files, int out)
{
	static char buf[65536];
	long reads = 0, failed = 0, bad_reads = 0;
	time_t end = time(NULL) + seconds;
	cpu_set_t set;
	int i, fd, mif;
	ssize_t n;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		die("sched_setaffinity");
	mif = open_or_die("/proc/thread-self/make-it-fail");
	put(mif, 1);
	while (time(NULL) < end) {
		for (i = 0; i < nfiles; i++, reads++) {
			fd = open(files[i], O_RDONLY | O_CLOEXEC);
			n = fd < 0 ? -1 : 0;
			while (fd >= 0 && (n = read(fd, buf, sizeof(buf))) > 0)
				;
			if (n < 0 && errno == ENOMEM) {
				failed++;
			} else if (n < 0) {
				bad_reads++;
				printf("BAD: CPU %d: %s: %s\n", cpu, files[i], strerror(errno));
			}
			if (fd >= 0)
				close(fd);
		}
	}
	put(mif, 0);
	dprintf(out, "%ld %ld %ld\n", reads, failed, bad_reads);
	_exit(0);
}

static void run_readers(int seconds, int nfiles, char **files)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN), c, reads = 0, failed = 0;
	long r, f, b;
	int p[2];
	FILE *in;

	if (pipe(p))
		die("pipe");
	for (c = 0; c < cpus; c++)
		if (!fork())
			reader(c, seconds, nfiles, files, p[1]);
	close(p[1]);
	in = fdopen(p[0], "r");
	for (c = 0; c < cpus; c++) {
		if (fscanf(in, "%ld %ld %ld", &r, &f, &b) != 3) {
			bad++;
			printf("BAD: a reader gave no count\n");
			break;
		}
		reads += r;
		failed += f;
		bad += b;
	}
	fclose(in);
	while (wait(NULL) > 0)
		;
	printf("readers=%ld reads=%ld failed=%ld\n", cpus, reads, failed);
}

/* The budget walk of a load, ATTR's attributes put back after. */
static void space_walk(const char *attr, const struct module *m)
{
	budget_open(attr);
	budget_measure(m);
	load_walk(&by_budget, m);
	budget_close();
}

/* The opener's counts, and a bad one for every file a failed load let open. */
static void opener_report(void)
{
	opener_stop();
	printf("opened=%d opened_in_failed=%d\n", opener->opened,
	       opener->opened_in_failed);
	if (opener->opened_in_failed) {
		bad++;
		printf("BAD: %d file(s) opened during a load that failed\n",
		       opener->opened_in_failed);
	}
}

static struct module *module(char **argv, int argc)
{
	static struct module m;
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

	m.ko = argv[0];
	m.want_files = atoi(argv[1]);
	m.params = argc > 2 ? argv[2] : "";
	snprintf(m.name, sizeof(m.name), "%.*s", (int)strcspn(base, "."), base);
	snprintf(m.prefix, sizeof(m.prefix), "%s: ", m.name);
	snprintf(m.dir, sizeof(m.dir), "/sys/kernel/debug/%s", m.name);
	return &m;
}

static int usage_error(const char *prog)
{
	fprintf(stderr, "usage: %s nth load MODULE.ko FILES [PARAMS]\n"
		"       %s nth load-open FILE MODULE.ko FILES [PARAMS]\n"
		"       %s space failslab|fail_page_alloc load MODULE.ko FILES [PARAMS]\n"
		"       %s space failslab|fail_page_alloc load-open FILE MODULE.ko FILES [PARAMS]\n"
		"       %s readers SECONDS FILE...\n"
		"       %s nth write FILE COMMAND [CLEANUP]\n", prog, prog, prog, prog, prog,
		prog);
	return 2;
}

int main(int argc, char **argv)
{
	nth_fd = open_or_die("/proc/thread-self/fail-nth");
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 5 && !strcmp(argv[1], "nth") && !strcmp(argv[2], "load")) {
		load_walk(&by_nth, module(argv + 3, argc - 3));
	} else if (argc >= 6 && !strcmp(argv[1], "nth") &&
		   !strcmp(argv[2], "load-open")) {
		opener_start(argv[3]);
		load_walk(&by_nth, module(argv + 4, argc - 4));
		opener_report();
	} else if (argc >= 6 && !strcmp(argv[1], "space") &&
		   !strcmp(argv[3], "load")) {
		space_walk(argv[2], module(argv + 4, argc - 4));
	} else if (argc >= 7 && !strcmp(argv[1], "space") &&
		   !strcmp(argv[3], "load-open")) {
		opener_start(argv[4]);
		space_walk(argv[2], module(argv + 5, argc - 5));
		opener_report();
	} else if (argc >= 4 && !strcmp(argv[1], "readers")) {
		run_readers(atoi(argv[2]), argc - 3, argv + 3);
	} else if (argc >= 5 && !strcmp(argv[1], "nth") &&
		   !strcmp(argv[2], "write")) {
		write_walk(argv[3], argv[4], argc > 5 ? argv[5] : NULL);
	} else {
		return usage_error(argv[0]);
	}
	printf("faults=%d refused_module=%d refused_loader=%d done=%d bad=%d untraced=%d\n",
	       faults, refused_module, refused_loader, done, bad, untraced);
	return bad ? 1 : 0;
}
