// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the buddy system model.
 *
 * The first input byte chooses the arena and the policy, every further three
 * bytes one operation.  After each operation the invariant checker must
 * pass, a rejected request must leave the state as it was, an allocation
 * must get the lowest-addressed free block of the smallest order that fits
 * (found here by brute force), and a free must serve waiting requests in
 * queue order, leaving the others in order.  At the end everything is freed
 * and a single free block of the whole arena must remain.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <linux/errno.h>
#include <kmemlab/buddy_model.h>

/* Small arenas keep the brute-force checks cheap and collisions common. */
#define MAX_ORDER_FUZZ	10
#define MIN_SHIFT_MASK	7
#define ID_MASK		31

struct served_log {
	u32 *ids;
	u32 nr;
};

static void die(const char *what)
{
	fprintf(stderr, "fuzz_buddysim: %s\n", what);
	abort();
}

static void check(const struct buddy_model *bm)
{
	const char *why;
	u64 waste;

	why = buddy_model_check(bm, &waste);
	if (why)
		die(why);
}

/* FNV-1a over every block and the wait queue. */
static u64 fingerprint(const struct buddy_model *bm)
{
	struct buddy_block blk = { 0 };
	u64 h = 0xcbf29ce484222325ULL;
	u32 i;

	while (buddy_model_next_block(bm, &blk)) {
		h = (h ^ blk.addr) * 0x100000001b3ULL;
		h = (h ^ blk.size) * 0x100000001b3ULL;
		h = (h ^ (blk.free ? ~0ULL : blk.id)) * 0x100000001b3ULL;
		h = (h ^ blk.req) * 0x100000001b3ULL;
	}
	for (i = 0; i < buddy_model_nr_waiting(bm); i++)
		h = (h ^ buddy_model_waiting_id(bm, i)) * 0x100000001b3ULL;
	return h;
}

/* Address of the block an allocation of @need bytes must get, or ~0. */
static u64 expected_addr(const struct buddy_model *bm, u64 need)
{
	struct buddy_block blk = { 0 };
	u64 addr = ~0ULL, best = ~0ULL;

	while (buddy_model_next_block(bm, &blk)) {
		if (blk.free && blk.size >= need && blk.size < best) {
			best = blk.size;
			addr = blk.addr;
		}
	}
	return addr;
}

static void fuzz_alloc(struct buddy_model *bm, u64 min, u32 id, u64 size)
{
	u64 before = fingerprint(bm), need = min, addr;
	struct buddy_block blk;
	int err;

	while (need < size && need < bm->total)
		need <<= 1;
	addr = expected_addr(bm, need);
	err = buddy_model_alloc(bm, id, size, &blk);
	if (!err && (blk.addr != addr || blk.size != need || blk.id != id))
		die("allocation took the wrong block");
	if ((err == -ENOMEM || err == -EINPROGRESS) && addr != ~0ULL)
		die("request refused although a block fits");
	if (err && err != -EINPROGRESS && fingerprint(bm) != before)
		die("rejected allocation changed the state");
}

static void log_served(void *ctx, const struct buddy_block *blk)
{
	struct served_log *log = ctx;

	log->ids[log->nr++] = blk->id;
}

/* Waiters before the free = served ones and the rest, each in order. */
static void check_served(const struct buddy_model *bm, const u32 *before,
			 u32 nr_before, const struct served_log *log)
{
	u32 i, s = 0, w = 0;

	for (i = 0; i < nr_before; i++) {
		if (s < log->nr && log->ids[s] == before[i])
			s++;
		else if (w < buddy_model_nr_waiting(bm) &&
			 buddy_model_waiting_id(bm, w) == before[i])
			w++;
		else
			die("wait queue lost its order");
	}
	if (s != log->nr || w != buddy_model_nr_waiting(bm))
		die("free served or kept an unknown request");
}

static void fuzz_free(struct buddy_model *bm, u32 id)
{
	u32 i, nr = buddy_model_nr_waiting(bm);
	u64 before = fingerprint(bm);
	struct served_log log = { NULL, 0 };
	u32 *queue;
	int err;

	queue = malloc((nr + 1) * sizeof(*queue));
	log.ids = malloc((nr + 1) * sizeof(*log.ids));
	if (!queue || !log.ids)
		die("out of memory");
	for (i = 0; i < nr; i++)
		queue[i] = buddy_model_waiting_id(bm, i);

	err = buddy_model_free(bm, id, log_served, &log);
	if (err && (log.nr || fingerprint(bm) != before))
		die("rejected free changed the state");
	check_served(bm, queue, nr, &log);
	free(queue);
	free(log.ids);
}

/* Free whatever is allocated, including what that lets in, until empty. */
static void drain(struct buddy_model *bm)
{
	struct buddy_block blk = { 0 };

	while (buddy_model_next_block(bm, &blk)) {
		if (blk.free)
			continue;
		fuzz_free(bm, blk.id);
		check(bm);
		blk = (struct buddy_block){ 0 };
	}
	blk = (struct buddy_block){ 0 };
	if (!buddy_model_next_block(bm, &blk) || !blk.free ||
	    blk.size != bm->total || buddy_model_nr_waiting(bm))
		die("emptied arena is not one free block");
}

/* Powers of two and their neighbours, plus 0 and too large. */
static u64 decode_size(const struct buddy_model *bm, u8 kind, u8 c)
{
	unsigned int shift = 0;
	u64 size;

	while (bm->total >> shift > 1)
		shift++;
	size = 1ULL << (c % (shift + 1));
	switch (kind >> 2 & 3) {
	case 1:
		return size + 1;
	case 2:
		return size - 1;
	case 3:
		return size / 2 + 1;
	default:
		return c == 0xff ? 0 : size;
	}
}

/* libFuzzer's entry point: the Makefile maps its CamelCase name onto this. */
int fuzz_one_input(const uint8_t *data, size_t len)
{
	enum buddy_policy policy;
	struct buddy_model bm;
	u64 min;
	size_t i;

	if (len < 1)
		return 0;
	policy = data[0] & 0x80 ? BUDDY_POLICY_QUEUE : BUDDY_POLICY_FAIL;
	min = 1ULL << (data[0] & MIN_SHIFT_MASK);
	if (buddy_model_init(&bm, min << ((data[0] >> 3) % (MAX_ORDER_FUZZ + 1)),
			     min, policy))
		die("init failed");
	check(&bm);

	for (i = 1; i + 3 <= len; i += 3) {
		u8 kind = data[i], b = data[i + 1], c = data[i + 2];
		u32 id = b & ID_MASK;

		switch (kind & 3) {
		case 0:
		case 1:
			fuzz_alloc(&bm, min, id, decode_size(&bm, kind, c));
			break;
		case 2:
			fuzz_free(&bm, id);
			break;
		default:
			/* The edges of the id range, valid and not. */
			fuzz_alloc(&bm, min, BUDDY_ID_MAX + (b & 1),
				   decode_size(&bm, kind, c));
			break;
		}
		check(&bm);
	}
	drain(&bm);
	buddy_model_destroy(&bm);
	return 0;
}
