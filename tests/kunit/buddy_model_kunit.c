// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the buddy system model in lib/buddy_model.c.
 *
 * Scenarios are scripts whose every step renders its result as text, in
 * the notation of tools/buddysim, and compares it with the expected text;
 * the invariant checker runs after every step of every test.
 */

#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/prandom.h>
#include <linux/string.h>
#include <kmemlab/buddy_model.h>

#define TEXT_MAX	256

/* Step lists end with an empty step. */
enum step_op { END, ALLOC, FREE, STATE, QUEUE };

struct step {
	enum step_op op;
	u32 id;
	u64 size;
	const char *want;
};

struct scenario {
	const char *name;
	u64 total;
	u64 min;
	enum buddy_policy policy;
	const struct step *steps;
};

struct text {
	char buf[TEXT_MAX];
	size_t len;
};

static __printf(2, 3) void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	t->len += vscnprintf(t->buf + t->len, sizeof(t->buf) - t->len, fmt, ap);
	va_end(ap);
}

static void expect_invariants(struct kunit *test, const struct buddy_model *bm)
{
	const char *why;
	u64 waste;

	why = buddy_model_check(bm, &waste);
	KUNIT_EXPECT_TRUE_MSG(test, !why, "invariant: %s", why);
}

/* All freed, nothing waiting: the arena is one free block again. */
static void expect_one_free_block(struct kunit *test,
				  const struct buddy_model *bm, u64 total)
{
	struct buddy_block blk = { 0 };

	KUNIT_EXPECT_EQ(test, buddy_model_nr_waiting(bm), 0U);
	KUNIT_EXPECT_TRUE(test, buddy_model_next_block(bm, &blk));
	KUNIT_EXPECT_TRUE(test, blk.free);
	KUNIT_EXPECT_EQ(test, blk.size, total);
}

/* Blocks as "ADDR SIZE ID" or "ADDR SIZE free", comma separated. */
static void render_state(const struct buddy_model *bm, struct text *t)
{
	struct buddy_block blk = { 0 };

	while (buddy_model_next_block(bm, &blk)) {
		text_add(t, "%s%llu %llu ", t->len ? ", " : "", blk.addr,
			 blk.size);
		if (blk.free)
			text_add(t, "free");
		else
			text_add(t, "%u", blk.id);
	}
}

static void render_queue(const struct buddy_model *bm, struct text *t)
{
	u32 i;

	for (i = 0; i < buddy_model_nr_waiting(bm); i++)
		text_add(t, "%s%u", i ? " " : "",
			 buddy_model_waiting_id(bm, i));
}

static void render_served(void *ctx, const struct buddy_block *blk)
{
	text_add(ctx, ", served %u %llu %llu", blk->id, blk->addr, blk->size);
}

static void run_step(const struct step *step, struct buddy_model *bm,
		     struct text *t)
{
	struct buddy_block blk;
	int err;

	switch (step->op) {
	case ALLOC:
		err = buddy_model_alloc(bm, step->id, step->size, &blk);
		if (!err)
			text_add(t, "%llu %llu", blk.addr, blk.size);
		else
			text_add(t, "%s", err == -EINPROGRESS ? "wait" :
					  err == -ENOMEM ? "nomem" : "error");
		break;
	case FREE:
		text_add(t, "ok");
		err = buddy_model_free(bm, step->id, render_served, t);
		if (err)
			text_add(t, " error %d", err);
		break;
	case STATE:
		render_state(bm, t);
		break;
	case QUEUE:
		render_queue(bm, t);
		break;
	case END:
		break;
	}
}

#define A(i, sz, w)	{ .op = ALLOC, .id = (i), .size = (sz), .want = (w) }
#define F(i, w)		{ .op = FREE, .id = (i), .want = (w) }
#define S(w)		{ .op = STATE, .want = (w) }
#define Q(w)		{ .op = QUEUE, .want = (w) }

/* Seed 000, test1: half of a 2048-byte arena, then nothing. */
static const struct step seed1[] = {
	A(0, 1024, "0 1024"),
	S("0 1024 0, 1024 1024 free"),
	F(0, "ok"),
	S("0 2048 free"),
	{ }
};

/*
 * Seed 000, test2: freeing 0 cannot merge, its buddy at 128 being split;
 * freeing 1 merges 128+192, then 0+128, and stops at the allocated 256.
 */
static const struct step seed2[] = {
	A(0, 128, "0 128"),
	A(1, 64, "128 64"),
	A(2, 256, "256 256"),
	S("0 128 0, 128 64 1, 192 64 free, 256 256 2, 512 512 free"),
	F(0, "ok"),
	S("0 128 free, 128 64 1, 192 64 free, 256 256 2, 512 512 free"),
	F(1, "ok"),
	S("0 256 free, 256 256 2, 512 512 free"),
	{ }
};

/* Seed 000, test3: two minimum blocks, then all the way back. */
static const struct step seed3[] = {
	A(0, 32, "0 32"),
	A(1, 32, "32 32"),
	S("0 32 0, 32 32 1, 64 64 free, 128 128 free, 256 256 free"),
	F(0, "ok"),
	F(1, "ok"),
	S("0 512 free"),
	{ }
};

/* Seed 000, test4: a full arena refuses one byte and stays as it was... */
static const struct step seed4_fail[] = {
	A(0, 256, "0 256"),
	A(1, 256, "256 256"),
	A(2, 1, "nomem"),
	S("0 256 0, 256 256 1"),
	Q(""),
	{ }
};

/* ...or, under the queue policy, serves it when 1 is freed. */
static const struct step seed4_queue[] = {
	A(0, 256, "0 256"),
	A(1, 256, "256 256"),
	A(2, 1, "wait"),
	S("0 256 0, 256 256 1"),
	Q("2"),
	F(1, "ok, served 2 256 64"),
	S("0 256 0, 256 64 2, 320 64 free, 384 128 free"),
	Q(""),
	F(0, "ok"),
	F(2, "ok"),
	S("0 512 free"),
	{ }
};

/* Seed 000, test5: fragments, then three frees merge back to one block. */
static const struct step seed5[] = {
	A(0, 256, "0 256"),
	A(1, 128, "256 128"),
	A(2, 512, "512 512"),
	S("0 256 0, 256 128 1, 384 128 free, 512 512 2, 1024 1024 free"),
	F(0, "ok"),
	F(1, "ok"),
	S("0 512 free, 512 512 2, 1024 1024 free"),
	F(2, "ok"),
	S("0 2048 free"),
	{ }
};

/* Waiters are retried in order; one that still does not fit keeps its place. */
static const struct step queue_order[] = {
	A(0, 512, "0 512"),
	A(1, 256, "512 256"),
	A(2, 256, "768 256"),
	A(3, 512, "wait"),
	A(4, 128, "wait"),
	A(5, 1024, "wait"),
	A(6, 256, "wait"),
	F(1, "ok, served 4 512 128"),
	Q("3 5 6"),
	F(2, "ok, served 6 768 256"),
	Q("3 5"),
	F(0, "ok, served 3 0 512"),
	F(3, "ok"),
	Q("5"),
	F(4, "ok"),
	F(6, "ok, served 5 0 1024"),
	Q(""),
	{ }
};

static const struct scenario scenarios[] = {
	{ "seed test1", 2048, 1, BUDDY_POLICY_FAIL, seed1 },
	{ "seed test2", 1024, 64, BUDDY_POLICY_FAIL, seed2 },
	{ "seed test3", 512, 32, BUDDY_POLICY_FAIL, seed3 },
	{ "seed test4, fail", 512, 64, BUDDY_POLICY_FAIL, seed4_fail },
	{ "seed test4, queue", 512, 64, BUDDY_POLICY_QUEUE, seed4_queue },
	{ "seed test5", 2048, 128, BUDDY_POLICY_FAIL, seed5 },
	{ "queue order", 1024, 128, BUDDY_POLICY_QUEUE, queue_order },
};

static void scenario_desc(const struct scenario *s, char *desc)
{
	strscpy(desc, s->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(scenario, scenarios, scenario_desc);

static void buddy_scenario_test(struct kunit *test)
{
	const struct scenario *sc = test->param_value;
	const struct step *step;
	struct buddy_model bm;

	KUNIT_ASSERT_EQ(test, buddy_model_init(&bm, sc->total, sc->min,
					       sc->policy), 0);
	for (step = sc->steps; step->op != END; step++) {
		struct text t = { .len = 0 };

		run_step(step, &bm, &t);
		KUNIT_EXPECT_STREQ_MSG(test, t.buf, step->want, "step %td",
				       step - sc->steps + 1);
		expect_invariants(test, &bm);
	}
	buddy_model_destroy(&bm);
}

struct size_case {
	u64 total;
	u64 min;
	u64 size;
	u64 block;
	u64 waste;
};

static const struct size_case size_cases[] = {
	/* Seed 002: 100 bytes need 128, 50 bytes take 64 and waste 14. */
	{ 1024, 1, 100, 128, 28 },
	{ 1024, 1, 50, 64, 14 },
	{ 1024, 1, 1, 1, 0 },
	{ 1024, 1, 1024, 1024, 0 },
	/* Below MIN, a request takes MIN. */
	{ 512, 64, 1, 64, 63 },
	{ 512, 64, 64, 64, 0 },
	{ 512, 64, 65, 128, 63 },
	{ 2048, 128, 129, 256, 127 },
	/* 2^24 pages of 4 KiB, one byte past a page. */
	{ 1ULL << 36, 4096, 4097, 8192, 4095 },
	/* The widest arena: 2^63 bytes in 2^24 blocks. */
	{ 1ULL << 63, 1ULL << 39, (1ULL << 62) + 1, 1ULL << 63,
	  (1ULL << 62) - 1 },
};

static void size_case_desc(const struct size_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "total %llu min %llu size %llu",
		 c->total, c->min, c->size);
}

KUNIT_ARRAY_PARAM(size, size_cases, size_case_desc);

static void buddy_size_test(struct kunit *test)
{
	const struct size_case *c = test->param_value;
	struct buddy_block blk;
	struct buddy_model bm;
	u64 waste;

	KUNIT_ASSERT_EQ(test, buddy_model_init(&bm, c->total, c->min,
					       BUDDY_POLICY_FAIL), 0);
	KUNIT_ASSERT_EQ(test, buddy_model_alloc(&bm, 0, c->size, &blk), 0);
	KUNIT_EXPECT_EQ(test, blk.addr, 0ULL);
	KUNIT_EXPECT_EQ(test, blk.size, c->block);
	KUNIT_EXPECT_EQ(test, blk.req, c->size);
	KUNIT_EXPECT_NULL(test, buddy_model_check(&bm, &waste));
	KUNIT_EXPECT_EQ(test, waste, c->waste);
	buddy_model_destroy(&bm);
}

struct error_case {
	const char *name;
	struct step step;
	int err;
};

/*
 * Each is tried on an arena where 0 holds the first 128 bytes and 1 waits
 * for all 1024, and must change nothing.
 */
static const struct error_case error_cases[] = {
	{ "duplicate allocated id", A(0, 64, NULL), -EEXIST },
	{ "duplicate waiting id", A(1, 64, NULL), -EEXIST },
	{ "id above BUDDY_ID_MAX", A(BUDDY_ID_MAX + 1, 64, NULL), -EINVAL },
	{ "size 0", A(2, 0, NULL), -EINVAL },
	{ "size above TOTAL", A(2, 1025, NULL), -E2BIG },
	{ "free of an unknown id", F(7, NULL), -ENOENT },
	{ "free of a waiting id", F(1, NULL), -EBUSY },
};

static void error_case_desc(const struct error_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(error, error_cases, error_case_desc);

static void render_all(const struct buddy_model *bm, struct text *t)
{
	render_state(bm, t);
	text_add(t, "; ");
	render_queue(bm, t);
}

static void buddy_error_test(struct kunit *test)
{
	const struct error_case *c = test->param_value;
	struct text before = { .len = 0 }, after = { .len = 0 };
	struct buddy_block blk;
	struct buddy_model bm;
	int err;

	KUNIT_ASSERT_EQ(test, buddy_model_init(&bm, 1024, 64,
					       BUDDY_POLICY_QUEUE), 0);
	KUNIT_ASSERT_EQ(test, buddy_model_alloc(&bm, 0, 128, &blk), 0);
	KUNIT_ASSERT_EQ(test, buddy_model_alloc(&bm, 1, 1024, &blk),
			-EINPROGRESS);
	render_all(&bm, &before);

	if (c->step.op == ALLOC)
		err = buddy_model_alloc(&bm, c->step.id, c->step.size, &blk);
	else
		err = buddy_model_free(&bm, c->step.id, NULL, NULL);
	KUNIT_EXPECT_EQ(test, err, c->err);

	render_all(&bm, &after);
	KUNIT_EXPECT_STREQ(test, after.buf, before.buf);
	expect_invariants(test, &bm);
	buddy_model_destroy(&bm);
}

static void buddy_init_test(struct kunit *test)
{
	struct buddy_model bm;

	const enum buddy_policy fail = BUDDY_POLICY_FAIL;

	KUNIT_EXPECT_EQ(test, buddy_model_init(&bm, 1000, 8, fail), -EINVAL);
	KUNIT_EXPECT_EQ(test, buddy_model_init(&bm, 1024, 24, fail), -EINVAL);
	KUNIT_EXPECT_EQ(test, buddy_model_init(&bm, 64, 128, fail), -EINVAL);
	KUNIT_EXPECT_EQ(test, buddy_model_init(&bm, 0, 0, fail), -EINVAL);
	KUNIT_EXPECT_EQ(test, buddy_model_init(&bm, 1024, 64,
					       BUDDY_POLICY_QUEUE + 1),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, buddy_model_init(&bm, 1ULL << 25, 1, fail),
			-E2BIG);

	/* The largest arena: 2^24 minimum blocks. */
	KUNIT_ASSERT_EQ(test, buddy_model_init(&bm, 1ULL << 24, 1, fail), 0);
	expect_invariants(test, &bm);
	buddy_model_destroy(&bm);
}

struct random_case {
	const char *name;
	u64 total;
	u64 min;
	enum buddy_policy policy;
	u64 seed;
};

static const struct random_case random_cases[] = {
	{ "fail, 4096 blocks", 1 << 16, 16, BUDDY_POLICY_FAIL, 1 },
	{ "queue, 4096 blocks", 1 << 16, 16, BUDDY_POLICY_QUEUE, 2 },
	{ "queue, 256 blocks", 1 << 12, 16, BUDDY_POLICY_QUEUE, 3 },
	{ "fail, one block", 64, 64, BUDDY_POLICY_FAIL, 4 },
};

static void random_case_desc(const struct random_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(random, random_cases, random_case_desc);

#define RANDOM_IDS	64
#define RANDOM_OPS	10000

/* What the test believes about each id. */
enum id_state { ID_NONE, ID_USED, ID_WAITING };

struct shadow {
	struct kunit *test;
	struct buddy_model bm;
	struct rnd_state rnd;
	u8 state[RANDOM_IDS];
};

static void shadow_served(void *ctx, const struct buddy_block *blk)
{
	struct shadow *sh = ctx;

	KUNIT_EXPECT_EQ(sh->test, sh->state[blk->id], ID_WAITING);
	sh->state[blk->id] = ID_USED;
}

/* Mostly 1 .. TOTAL spread over all orders; sometimes 0 or too large. */
static u64 random_size(struct shadow *sh)
{
	unsigned int top = ilog2(sh->bm.total) + 1;
	u32 r = prandom_u32_state(&sh->rnd);
	u64 range = 1ULL << (r % (top + 1));

	if (!(r & 0xff00))
		return 0;
	return range + prandom_u32_state(&sh->rnd) % range;
}

/* Allocate or free a random id; predict every error from the shadow. */
static void random_step(struct shadow *sh)
{
	u32 r = prandom_u32_state(&sh->rnd);
	u32 id = r % RANDOM_IDS;
	u8 *state = &sh->state[id];
	struct buddy_block blk;
	int err;

	if (r & BIT(16)) {
		err = buddy_model_free(&sh->bm, id, shadow_served, sh);
		KUNIT_EXPECT_EQ(sh->test, err, *state == ID_USED ? 0 :
				*state == ID_WAITING ? -EBUSY : -ENOENT);
		if (!err)
			*state = ID_NONE;
		return;
	}

	blk.size = random_size(sh);
	err = buddy_model_alloc(&sh->bm, id, blk.size, &blk);
	if (!blk.size)
		KUNIT_EXPECT_EQ(sh->test, err, -EINVAL);
	else if (blk.size > sh->bm.total)
		KUNIT_EXPECT_EQ(sh->test, err, -E2BIG);
	else if (*state != ID_NONE)
		KUNIT_EXPECT_EQ(sh->test, err, -EEXIST);
	else if (sh->bm.policy == BUDDY_POLICY_FAIL)
		KUNIT_EXPECT_TRUE(sh->test, !err || err == -ENOMEM);
	else
		KUNIT_EXPECT_TRUE(sh->test, !err || err == -EINPROGRESS);

	if (!err)
		*state = ID_USED;
	else if (err == -EINPROGRESS)
		*state = ID_WAITING;
}

/* Free every allocated id, and what that lets in, until none is left. */
static void drain(struct shadow *sh)
{
	bool freed;
	u32 id;

	do {
		freed = false;
		for (id = 0; id < RANDOM_IDS; id++) {
			if (sh->state[id] != ID_USED)
				continue;
			KUNIT_ASSERT_EQ(sh->test, buddy_model_free(&sh->bm, id,
								   shadow_served,
								   sh), 0);
			sh->state[id] = ID_NONE;
			expect_invariants(sh->test, &sh->bm);
			freed = true;
		}
	} while (freed);
}

static void buddy_random_test(struct kunit *test)
{
	const struct random_case *c = test->param_value;
	struct shadow *sh;
	unsigned int i;

	sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sh);
	sh->test = test;
	prandom_seed_state(&sh->rnd, c->seed);
	KUNIT_ASSERT_EQ(test, buddy_model_init(&sh->bm, c->total, c->min,
					       c->policy), 0);

	for (i = 0; i < RANDOM_OPS; i++) {
		random_step(sh);
		expect_invariants(test, &sh->bm);
	}
	drain(sh);
	expect_one_free_block(test, &sh->bm, c->total);
	buddy_model_destroy(&sh->bm);
}

/*
 * Ids in patterns that load the id map differently: dense runs, one id per
 * run, runs far apart, the highest ids.  Each pattern is allocated, freed
 * every other id, then the rest, twice over: the second round must need
 * exactly the memory of the first, so that nothing freed was kept.
 */
struct ids_case {
	const char *name;
	u32 first;
	s32 stride;
};

static const struct ids_case ids_cases[] = {
	{ "dense from 0", 0, 1 },
	{ "one per run of 16", 5, 16 },
	{ "2^20 apart", 3, 1 << 20 },
	{ "down from BUDDY_ID_MAX", BUDDY_ID_MAX, -1 },
};

static void ids_case_desc(const struct ids_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ids, ids_cases, ids_case_desc);

#define IDS_N		1024

static u32 ids_nth(const struct ids_case *c, u32 i)
{
	return c->first + i * c->stride;
}

/* Free ids i, i + 2, ... of the pattern, checking every 64 frees. */
static void ids_free_every_other(struct kunit *test, struct buddy_model *bm,
				 const struct ids_case *c, u32 i)
{
	for (; i < IDS_N; i += 2) {
		KUNIT_ASSERT_EQ(test, buddy_model_free(bm, ids_nth(c, i), NULL,
						       NULL), 0);
		KUNIT_EXPECT_EQ(test, buddy_model_free(bm, ids_nth(c, i), NULL,
						       NULL), -ENOENT);
		if (!(i % 64))
			expect_invariants(test, bm);
	}
}

/* One round; returns the memory held at its peak. */
static size_t ids_round(struct kunit *test, struct buddy_model *bm,
			const struct ids_case *c)
{
	struct buddy_block blk;
	size_t peak;
	u32 i;

	for (i = 0; i < IDS_N; i++) {
		KUNIT_ASSERT_EQ(test, buddy_model_alloc(bm, ids_nth(c, i), 16,
							&blk), 0);
		KUNIT_EXPECT_EQ(test, blk.addr, 16ULL * i);
		KUNIT_EXPECT_EQ(test, blk.id, ids_nth(c, i));
		if (!(i % 64))
			expect_invariants(test, bm);
	}
	expect_invariants(test, bm);
	KUNIT_EXPECT_EQ(test, buddy_model_alloc(bm, ids_nth(c, 7), 16, &blk),
			-EEXIST);
	peak = buddy_model_metadata_bytes(bm);

	ids_free_every_other(test, bm, c, 0);
	expect_invariants(test, bm);
	ids_free_every_other(test, bm, c, 1);
	expect_invariants(test, bm);
	return peak;
}

static void buddy_ids_test(struct kunit *test)
{
	const struct ids_case *c = test->param_value;
	struct buddy_model bm;
	size_t peak, floor;

	KUNIT_ASSERT_EQ(test, buddy_model_init(&bm, 16 * IDS_N, 16,
					       BUDDY_POLICY_FAIL), 0);
	peak = ids_round(test, &bm, c);
	floor = buddy_model_metadata_bytes(&bm);
	KUNIT_EXPECT_LT(test, floor, peak);
	KUNIT_EXPECT_EQ(test, ids_round(test, &bm, c), peak);
	KUNIT_EXPECT_EQ(test, buddy_model_metadata_bytes(&bm), floor);
	expect_one_free_block(test, &bm, 16ULL * IDS_N);
	buddy_model_destroy(&bm);
}

static struct kunit_case buddy_model_cases[] = {
	KUNIT_CASE_PARAM(buddy_scenario_test, scenario_gen_params),
	KUNIT_CASE_PARAM(buddy_size_test, size_gen_params),
	KUNIT_CASE_PARAM(buddy_error_test, error_gen_params),
	KUNIT_CASE(buddy_init_test),
	KUNIT_CASE_PARAM(buddy_random_test, random_gen_params),
	KUNIT_CASE_PARAM(buddy_ids_test, ids_gen_params),
	{}
};

static struct kunit_suite buddy_model_suite = {
	.name = "kmemlab_buddy_model",
	.test_cases = buddy_model_cases,
};

kunit_test_suite(buddy_model_suite);

MODULE_DESCRIPTION("KUnit tests for the kmemlab buddy system model");
MODULE_LICENSE("GPL");
