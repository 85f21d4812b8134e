/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Buddy system model: a byte-addressed arena of TOTAL bytes carved into
 * power-of-two blocks of at least MIN bytes, split and merged the way the
 * page allocator does it.  The same source builds as part of a KUnit suite
 * and, through the headers in tools/shim, as a userspace library.
 *
 * The model keeps no global state and takes no locks: callers serialise
 * access to one struct buddy_model.
 */
#ifndef _KMEMLAB_BUDDY_MODEL_H
#define _KMEMLAB_BUDDY_MODEL_H

#include <linux/types.h>

/* At most 2^BUDDY_MAX_ORDER minimum blocks in one arena. */
#define BUDDY_MAX_ORDER		24
/* Allocation ids are 0 .. BUDDY_ID_MAX. */
#define BUDDY_ID_MAX		0x7fffffffU

/*
 * Free-area bitmaps are BITS_PER_LONG-ary trees over the blocks of one
 * order; 2^BUDDY_MAX_ORDER blocks need this many levels.
 */
#define BUDDY_LEVELS		(BITS_PER_LONG == 64 ? 4 : 5)

/* What buddy_model_alloc() does when no free block is large enough. */
enum buddy_policy {
	BUDDY_POLICY_FAIL,	/* return -ENOMEM */
	BUDDY_POLICY_QUEUE,	/* return -EINPROGRESS, serve it on a later free */
};

/* A block as reported to callers. */
struct buddy_block {
	u64 addr;
	u64 size;
	u64 req;	/* bytes asked for; 0 for a free block */
	u32 id;		/* owner; meaningless for a free block */
	bool free;
};

/* The free blocks of one order; see buddy_model.c. */
struct buddy_area {
	unsigned long *level[BUDDY_LEVELS];	/* [0]: a bit per block */
	u8 depth;				/* levels in use */
	bool summarised;			/* levels above [0] kept */
	u32 nr_free;
	u32 only;		/* the one block, while not summarised */
};

/*
 * Map from allocation id to block or queue position: a chunk of slots per
 * run of ids, found through an open-addressing table of runs.
 */
struct buddy_idmap {
	struct buddy_run *run;
	unsigned int bits;			/* 2^bits table entries */
	u32 nr_runs;				/* entries in use */
	u32 count;				/* live ids */
};

/* Private to buddy_model.c: use the functions below. */
struct buddy_model {
	u64 total;
	unsigned int min_shift;			/* MIN == 2^min_shift */
	unsigned int max_order;			/* TOTAL == MIN << max_order */
	enum buddy_policy policy;
	u32 free_orders;			/* bit k: area[k] not empty */
	u32 *page;				/* a word per MIN bytes */
	unsigned long *bitmap;			/* backs every area's levels */
	size_t bitmap_longs;
	struct buddy_area area[BUDDY_MAX_ORDER + 1];
	struct buddy_idmap ids;
	u32 *queue;				/* waiting ids, oldest first */
	u32 nr_waiting;
	u32 queue_cap;
};

int buddy_model_init(struct buddy_model *bm, u64 total, u64 min,
		     enum buddy_policy policy);
void buddy_model_destroy(struct buddy_model *bm);

int buddy_model_alloc(struct buddy_model *bm, u32 id, u64 size,
		      struct buddy_block *blk);
int buddy_model_free(struct buddy_model *bm, u32 id,
		     void (*served)(void *ctx, const struct buddy_block *blk),
		     void *ctx);

bool buddy_model_next_block(const struct buddy_model *bm,
			    struct buddy_block *blk);
u32 buddy_model_nr_waiting(const struct buddy_model *bm);
u32 buddy_model_waiting_id(const struct buddy_model *bm, u32 pos);

const char *buddy_model_check(const struct buddy_model *bm, u64 *waste);
size_t buddy_model_metadata_bytes(const struct buddy_model *bm);

#endif /* _KMEMLAB_BUDDY_MODEL_H */
