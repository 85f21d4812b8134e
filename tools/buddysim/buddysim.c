// SPDX-License-Identifier: GPL-2.0
/*
 * buddysim - drive the buddy system model from a command script.
 *
 * Reads one command a line from a file or stdin and answers on stdout; see
 * usage_text below and docs/buddysim.md.  A bad line prints "error: ..." and leaves
 * the model as it was; the exit status is 1 if any line did, or if the
 * answers could not be written.
 *
 * The answers are buffered, and written out only when the next command
 * is not there yet: before a read that would wait (a person typing, a
 * driver waiting for the answer), when the buffer is full, and at the
 * end.  A script from a file or a pipe thus costs a write() per buffer,
 * not one per command, while a dialogue still gets each answer at once.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/bitops.h>
#include <linux/compiler_attributes.h>
#include <linux/errno.h>
#include <kmemlab/buddy_model.h>
#include <kmemlab/parse_num.h>

/* A command word and at most this many arguments. */
#define MAX_ARGS	3
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct sim {
	struct buddy_model bm;
	bool ready;
};

struct command {
	const char *name;
	int min_args;
	int max_args;
	const char *usage;
	int (*run)(struct sim *sim, char **argv);
};

static const char usage_text[] =
	"usage: buddysim [FILE]    run commands from FILE or stdin\n"
	"       buddysim --bench   time alloc+free pairs at 50% occupancy\n"
	"       buddysim --help    print this\n"
	"\n"
	"commands, one a line:\n"
	"  init TOTAL MIN [fail|queue]  new arena (policy: fail)   -> ok\n"
	"  alloc ID SIZE   -> ok ADDR BLOCKSIZE | wait | nomem\n"
	"  free ID         -> ok, then served ID ADDR BLOCKSIZE per waiter let in\n"
	"  state           -> ADDR SIZE ID|free per block, then .\n"
	"  queue           -> waiting ids in order, then .\n"
	"  check           -> ok WASTE | error: invariant: ...\n"
	"numbers are decimal or 0x hex, without a leading zero; blank lines and\n"
	"# comments are skipped; a bad line prints error: REASON, changes\n"
	"nothing and makes the exit status 1.\n";

/* ---- answers -------------------------------------------------------- */

#define OUT_BUF		65536

/*
 * The answers, buffered here rather than in stdio: a hot line is one
 * memcpy(), where fwrite() cost more than the command it reported.
 */
static struct {
	size_t len;
	bool failed;		/* a write() failed: the exit status says so */
	char buf[OUT_BUF];
} out;

static void out_flush(void)
{
	size_t done = 0;
	ssize_t n;

	while (done < out.len && !out.failed) {
		n = write(STDOUT_FILENO, out.buf + done, out.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			out.failed = true;
		else
			done += n;
	}
	out.len = 0;
}

/* @len is a short answer's: out_printf() takes the long ones. */
static void out_put(const char *s, size_t len)
{
	if (len > OUT_BUF - out.len)
		out_flush();
	memcpy(out.buf + out.len, s, len);
	out.len += len;
}

/*
 * Room for @len bytes at the end of the buffer, which out_commit() then
 * takes: the hot answer is formatted in place, not copied in.
 */
static char *out_room(size_t len)
{
	if (len > OUT_BUF - out.len)
		out_flush();
	return out.buf + out.len;
}

static void out_commit(const char *end)
{
	out.len = end - out.buf;
}

/* A line with its newline: puts() for the buffer. */
static void out_line(const char *s)
{
	size_t len = strlen(s);

	out_put(s, len);
	out_put("\n", 1);
}

static __printf(1, 2) void out_printf(const char *fmt, ...)
{
	size_t room = OUT_BUF - out.len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out.buf + out.len, room, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < room) {
		out.len += n;
		return;
	}
	/* Did not fit: what is there goes first, then this line, unbuffered. */
	out_flush();
	va_start(ap, fmt);
	if (!out.failed && vdprintf(STDOUT_FILENO, fmt, ap) < 0)
		out.failed = true;
	va_end(ap);
}

/* Report a bad line and evaluate to -1. */
#define fail(fmt, ...)	(out_printf("error: " fmt "\n", ##__VA_ARGS__), -1)

/*
 * Decimal, or hexadecimal after 0x; no sign, no leading zero, no junk, no
 * overflow: the parser of the modules' parameters (lib/parse_num.c).
 */
static int parse_u64(const char *arg, u64 *val)
{
	const char *end;
	int err;

	err = kmemlab_parse_u64(arg, KMEMLAB_NUM_HEX, val, &end);
	if (!err && *end)
		err = -EINVAL;
	if (err == -ERANGE)
		return fail("number '%s' out of range", arg);
	if (err == -EDOM)
		return fail("number '%s' has a leading zero", arg);
	if (err)
		return fail("bad number '%s'", arg);
	return 0;
}

/* Decimal digits of @v: log10 from log2, then one comparison. */
static unsigned int dec_digits(u64 v)
{
	static const u64 pow10[] = {
		1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
		10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
		100000000000ULL, 1000000000000ULL, 10000000000000ULL,
		100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
		100000000000000000ULL, 1000000000000000000ULL,
		10000000000000000000ULL,
	};
	/* 1233 / 4096 is just below log10(2); zero has a digit, as one has. */
	u64 w = v | 1;
	unsigned int n = fls64(w) * 1233 >> 12;

	return n + (w >= pow10[n]);
}

/*
 * Answers to alloc are the bulk of the output: formatted by hand, in
 * place and right to left, a fraction of printf()'s cost.  Writes @v at
 * @p; returns the end of it.
 */
static char *put_u64(char *p, u64 v)
{
	char *end = p + dec_digits(v);

	p = end;
	do {
		*--p = '0' + v % 10;
	} while (v /= 10);
	return end;
}

static int parse_id(const char *arg, u32 *id)
{
	u64 val;

	if (parse_u64(arg, &val))
		return -1;
	if (val > BUDDY_ID_MAX)
		return fail("id %s out of range 0..%u", arg, BUDDY_ID_MAX);
	*id = val;
	return 0;
}

static int cmd_init(struct sim *sim, char **argv)
{
	enum buddy_policy policy = BUDDY_POLICY_FAIL;
	struct buddy_model bm;
	u64 total, min;
	int err;

	if (parse_u64(argv[1], &total) || parse_u64(argv[2], &min))
		return -1;
	if (argv[3] && !strcmp(argv[3], "queue"))
		policy = BUDDY_POLICY_QUEUE;
	else if (argv[3] && strcmp(argv[3], "fail"))
		return fail("policy '%s' is neither fail nor queue", argv[3]);

	err = buddy_model_init(&bm, total, min, policy);
	if (err == -EINVAL)
		return fail("TOTAL and MIN must be powers of two, MIN <= TOTAL");
	if (err == -E2BIG)
		return fail("more than 2^%d minimum blocks", BUDDY_MAX_ORDER);
	if (err)
		return fail("out of memory");

	if (sim->ready)
		buddy_model_destroy(&sim->bm);
	sim->bm = bm;
	sim->ready = true;
	out_line("ok");
	return 0;
}

static int cmd_alloc(struct sim *sim, char **argv)
{
	struct buddy_block blk;
	u64 size;
	u32 id;
	int err;

	if (parse_id(argv[1], &id) || parse_u64(argv[2], &size))
		return -1;
	err = buddy_model_alloc(&sim->bm, id, size, &blk);
	switch (err) {
	case 0: {
		/* "ok ADDR SIZE\n", each number at most 20 digits. */
		char *p = out_room(3 + 20 + 1 + 20 + 1);

		memcpy(p, "ok ", 3);
		p = put_u64(p + 3, blk.addr);
		*p++ = ' ';
		p = put_u64(p, blk.size);
		*p++ = '\n';
		out_commit(p);
		return 0;
	}
	case -EINPROGRESS:
		out_line("wait");
		return 0;
	case -ENOMEM:
		if (sim->bm.policy == BUDDY_POLICY_QUEUE)
			return fail("out of memory");
		out_line("nomem");
		return 0;
	case -EEXIST:
		return fail("id %u is already in use", id);
	case -E2BIG:
		return fail("size %llu is larger than the arena", size);
	default:	/* -EINVAL: the id was checked by parse_id() */
		return fail("size must not be 0");
	}
}

/* Served requests are reported before the free returns: say "ok" first. */
static void print_served(void *ctx, const struct buddy_block *blk)
{
	bool *said_ok = ctx;

	if (!*said_ok)
		out_line("ok");
	*said_ok = true;
	out_printf("served %u %llu %llu\n", blk->id, blk->addr, blk->size);
}

static int cmd_free(struct sim *sim, char **argv)
{
	bool said_ok = false;
	u32 id;
	int err;

	if (parse_id(argv[1], &id))
		return -1;
	err = buddy_model_free(&sim->bm, id, print_served, &said_ok);
	if (err == -ENOENT)
		return fail("id %u is not allocated", id);
	if (err == -EBUSY)
		return fail("id %u is waiting, not allocated", id);
	if (!said_ok)
		out_put("ok\n", 3);
	return 0;
}

static int cmd_state(struct sim *sim, char **argv)
{
	struct buddy_block blk = { 0 };

	(void)argv;
	while (buddy_model_next_block(&sim->bm, &blk)) {
		if (blk.free)
			out_printf("%llu %llu free\n", blk.addr, blk.size);
		else
			out_printf("%llu %llu %u\n", blk.addr, blk.size, blk.id);
	}
	out_line(".");
	return 0;
}

static int cmd_queue(struct sim *sim, char **argv)
{
	u32 i;

	(void)argv;
	for (i = 0; i < buddy_model_nr_waiting(&sim->bm); i++)
		out_printf("%u\n", buddy_model_waiting_id(&sim->bm, i));
	out_line(".");
	return 0;
}

static int cmd_check(struct sim *sim, char **argv)
{
	const char *why;
	u64 waste;

	(void)argv;
	why = buddy_model_check(&sim->bm, &waste);
	if (why)
		return fail("invariant: %s", why);
	out_printf("ok %llu\n", waste);
	return 0;
}

static const struct command commands[] = {
	{ "init",  2, 3, "init TOTAL MIN [fail|queue]", cmd_init },
	{ "alloc", 2, 2, "alloc ID SIZE", cmd_alloc },
	{ "free",  1, 1, "free ID", cmd_free },
	{ "state", 0, 0, "state", cmd_state },
	{ "queue", 0, 0, "queue", cmd_queue },
	{ "check", 0, 0, "check", cmd_check },
};

/* strcmp() for the short words of a command, without the call. */
static bool same_word(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* Blanks, and the NUL that ends a line: one load tells a word's end. */
enum { CH_WORD, CH_BLANK, CH_END };
static const unsigned char char_class[256] = {
	['\0'] = CH_END,
	[' '] = CH_BLANK, ['\t'] = CH_BLANK, ['\r'] = CH_BLANK, ['\n'] = CH_BLANK,
};

static unsigned char class_of(const char *c)
{
	return char_class[(unsigned char)*c];
}

/* Splits @line at blanks; returns the number of words, or MAX_ARGS + 2. */
static int split_line(char *line, char **argv)
{
	int argc = 0;

	for (;;) {
		while (class_of(line) == CH_BLANK)
			line++;
		if (class_of(line) == CH_END)
			return argc;
		if (argc == MAX_ARGS + 1)
			return MAX_ARGS + 2;
		argv[argc++] = line;
		while (class_of(line) == CH_WORD)
			line++;
		if (class_of(line) == CH_BLANK)
			*line++ = '\0';
	}
}

static int run_line(struct sim *sim, char *line)
{
	char *argv[MAX_ARGS + 2] = { NULL };
	const struct command *cmd;
	int argc;
	size_t i;

	argc = split_line(line, argv);
	if (!argc || *argv[0] == '#')
		return 0;
	if (argc > MAX_ARGS + 1)
		return fail("too many arguments");

	/* The commands' first letters differ: one comparison finds one. */
	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		cmd = &commands[i];
		if (cmd->name[0] == argv[0][0])
			break;
	}
	if (i == ARRAY_SIZE(commands) || !same_word(argv[0], cmd->name))
		return fail("unknown command '%s'", argv[0]);
	if (argc - 1 < cmd->min_args || argc - 1 > cmd->max_args)
		return fail("usage: %s", cmd->usage);
	if (!sim->ready && cmd->run != cmd_init)
		return fail("no arena yet: init first");
	return cmd->run(sim, argv);
}

/* Input read with read(2), so that it is known when the next read would wait. */
#define IN_BUF		65536

struct input {
	int fd;
	bool eof;
	size_t head, tail;	/* unread bytes: buf[head..tail) */
	char buf[IN_BUF + 1];
};

/* Whether a read() of @fd would return at once (data, EOF or an error). */
static bool input_ready(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, 0) > 0;
}

/*
 * The next line, NUL-terminated in place, without its newline; NULL at
 * the end.  A line longer than the buffer is cut into pieces, each read
 * as a line (each then an error: no command is that long).
 */
static char *next_line(struct input *in)
{
	char *nl, *line;
	ssize_t n;

	for (;;) {
		nl = memchr(in->buf + in->head, '\n', in->tail - in->head);
		if (nl || in->eof || in->tail - in->head == IN_BUF) {
			if (in->head == in->tail && !nl)
				return NULL;
			line = in->buf + in->head;
			if (!nl)
				nl = in->buf + in->tail;
			*nl = '\0';
			in->head = nl - in->buf + (nl < in->buf + in->tail);
			return line;
		}
		memmove(in->buf, in->buf + in->head, in->tail - in->head);
		in->tail -= in->head;
		in->head = 0;
		/* Nobody waits for an answer while the next command is there. */
		if (!input_ready(in->fd))
			out_flush();
		n = read(in->fd, in->buf + in->tail, IN_BUF - in->tail);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			in->eof = true;
		else
			in->tail += n;
	}
}

static int run_script(int fd)
{
	static struct input in;
	struct sim sim = { .ready = false };
	int status = 0;
	char *line;

	in.fd = fd;
	while ((line = next_line(&in))) {
		if (run_line(&sim, line))
			status = 1;
	}
	out_flush();
	if (sim.ready)
		buddy_model_destroy(&sim.bm);
	if (out.failed) {
		perror("buddysim: writing the answers");
		status = 1;
	}
	return status;
}

/* ---- benchmark ----------------------------------------------------- */

#define BENCH_MIN	4096ULL
#define BENCH_PAIRS	BIT(20)
#define BENCH_ROUNDS	3
#define BENCH_MAX_ORDER	3
#define BENCH_RECENT	64U

/* xorshift64*: fast, and the same figures on every run. */
static u64 rnd_next(u64 *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545F4914F6CDD1DULL;
}

/* A request that needs a block of exactly @order. */
static u64 bench_size(u64 *rnd, unsigned int order)
{
	u64 block = BENCH_MIN << order;
	u64 low = order ? block / 2 : 0;

	return low + 1 + rnd_next(rnd) % (block - low);
}

static u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

struct bench_live {
	u32 id;
	unsigned int order;
};

struct bench {
	struct buddy_model bm;
	struct bench_live *live;
	u32 nr_live;
	u32 next_id;
	u64 rnd;
};

/*
 * Time pairs of "free a live block, allocate a new one of the same order":
 * occupancy stays exactly where it is while the free areas churn.
 *
 * Scattered: victims anywhere, each new block under a fresh id, so nearly
 * every step lands on a cold cache line.  Local: victims among the newest
 * BENCH_RECENT, and the new block reuses the victim's id, so the working set
 * stays in cache and what is left is the cost of the algorithm itself.
 */
static double bench_pairs(struct bench *b, bool scattered)
{
	u32 window = b->nr_live;
	struct buddy_block blk;
	u64 t0 = now_ns();
	u32 i;

	if (!scattered && window > BENCH_RECENT)
		window = BENCH_RECENT;

	for (i = 0; i < BENCH_PAIRS; i++) {
		u32 pos = b->nr_live - 1 - rnd_next(&b->rnd) % window;
		struct bench_live *victim = &b->live[pos];

		buddy_model_free(&b->bm, victim->id, NULL, NULL);
		if (scattered)
			victim->id = b->next_id++;
		buddy_model_alloc(&b->bm, victim->id,
				  bench_size(&b->rnd, victim->order), &blk);
	}
	return (double)(now_ns() - t0) / BENCH_PAIRS;
}

/* Other work on a shared machine only ever adds time: keep the fastest. */
static double bench_best(struct bench *b, bool scattered)
{
	double best = bench_pairs(b, scattered);
	int round;

	for (round = 1; round < BENCH_ROUNDS; round++) {
		double ns = bench_pairs(b, scattered);

		if (ns < best)
			best = ns;
	}
	return best;
}

/* Fill an arena to half with blocks of order 0 to BENCH_MAX_ORDER. */
static int bench_one(struct bench *b, unsigned int order)
{
	u64 total = BENCH_MIN << order, used = 0, fixed;
	double scattered_ns, local_ns;
	struct buddy_block blk;
	const char *why;

	if (buddy_model_init(&b->bm, total, BENCH_MIN, BUDDY_POLICY_FAIL))
		return -1;
	fixed = buddy_model_metadata_bytes(&b->bm);
	b->live = calloc(BIT(order), sizeof(*b->live));
	if (!b->live) {
		buddy_model_destroy(&b->bm);
		return -1;
	}

	b->nr_live = 0;
	while (used < total / 2) {
		unsigned int k = rnd_next(&b->rnd) % (BENCH_MAX_ORDER + 1);

		if (buddy_model_alloc(&b->bm, b->next_id,
				      bench_size(&b->rnd, k), &blk))
			break;
		b->live[b->nr_live++] = (struct bench_live){ b->next_id++, k };
		used += blk.size;
	}
	scattered_ns = bench_best(b, true);
	local_ns = bench_best(b, false);

	why = buddy_model_check(&b->bm, &used);
	printf("%10lu %9u %10.1f %10.1f %10.2f %10.2f%s%s\n",
	       BIT(order), b->nr_live, scattered_ns, local_ns,
	       (double)fixed / BIT(order),
	       (double)buddy_model_metadata_bytes(&b->bm) / BIT(order),
	       why ? "  invariant broken: " : "", why ? why : "");
	free(b->live);
	buddy_model_destroy(&b->bm);
	return why ? -1 : 0;
}

static int bench(void)
{
	static const unsigned int orders[] = { 10, 14, 18, 22, 24 };
	struct bench b = { .rnd = 0x9e3779b97f4a7c15ULL };
	int status = 0;
	size_t i;

	printf("ns per free+alloc pair at 50%% occupancy, best of %d runs of %lu\n"
	       "pairs; MIN %llu bytes, blocks of 1 to %lu MIN.\n",
	       BENCH_ROUNDS, BENCH_PAIRS, BENCH_MIN, BIT(BENCH_MAX_ORDER));
	printf("scattered: victims anywhere, fresh ids; local: victims among the\n"
	       "%u newest, ids reused.  meta: bytes per min block, when empty\n"
	       "(fixed) and at 50%% (with the id map).\n\n", BENCH_RECENT);
	printf("%10s %9s %10s %10s %10s %10s\n", "min blocks", "live ids",
	       "scattered", "local", "meta fixed", "meta 50%");
	for (i = 0; i < ARRAY_SIZE(orders); i++) {
		if (bench_one(&b, orders[i]))
			status = 1;
	}
	return status;
}

int main(int argc, char **argv)
{
	int fd = STDIN_FILENO;
	int status;

	if (argc > 2) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (argc == 2 && !strcmp(argv[1], "--help")) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[1], "--bench"))
		return bench();
	if (argc == 2 && argv[1][0] == '-') {
		fputs(usage_text, stderr);
		return 2;
	}
	if (argc == 2) {
		fd = open(argv[1], O_RDONLY);
		if (fd < 0) {
			perror(argv[1]);
			return 2;
		}
	}
	status = run_script(fd);
	if (fd != STDIN_FILENO)
		close(fd);
	return status;
}
