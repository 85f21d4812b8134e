// SPDX-License-Identifier: GPL-2.0
/*
 * Buddy system model.
 *
 * Blocks are counted in minimum blocks ("pages") of 2^min_shift bytes; a
 * block of order k covers 2^k pages and starts at a page index that is a
 * multiple of 2^k.  Its buddy is the block at index ^ 2^k.
 *
 * One u32 per page, where struct page would keep the same facts:
 *   PAGE_FREE | order   first page of a free block
 *   PAGE_USED | id      first page of an allocated block; its order follows
 *                       from the size asked for, kept in the id map
 *   0                   any other page, so a stray block head is visible
 *
 * Per order, like struct free_area, a set of the free blocks of that order.
 * Allocation must pick the lowest-addressed one.  A list gives O(1) removal
 * but finding its minimum is a walk; keeping it sorted moves the walk to
 * insertion; a heap costs O(log n) per operation.  Instead each set is a
 * bitmap with one bit per possible block, summarised by a tree of bitmaps in
 * which bit j of level l+1 says that word j of level l is not zero.  With
 * 64-bit words 2^24 blocks take four levels, so inserting, removing and
 * finding the lowest member each touch at most four words, and an order
 * with one free block keeps no summaries at all (see area_set()).  A split
 * or a merge cascade visits each order at most once: O(orders) word
 * operations.  All orders' bitmaps together take about two bits per page.
 *
 * Allocation ids live in an id map whose slots record the block (or the
 * queue position of a waiting request) and the size that was asked for.
 * Each run of 2^IDMAP_RUN_BITS consecutive ids has one chunk of slots, in
 * id order, and a hash table finds a run's chunk: a script that numbers
 * its requests in order walks its slots in memory order, and the table,
 * an entry per run, is a sixth to a third of their size.  The hash
 * scatters groups of neighbouring runs, not runs, so that such a script
 * also walks the table in order a group at a time.  The map is
 * accounted apart from the per-page metadata; see
 * buddy_model_metadata_bytes().
 */

#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/hash.h>
#include <linux/log2.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kmemlab/buddy_model.h>

#define PAGE_USED		0x80000000U
#define PAGE_FREE		0x40000000U
#define PAGE_ORDER		0x1fU

/* A slot's @where for a request in the wait queue: flag | queue position. */
#define WHERE_WAITING		0x80000000U
/* An empty slot's @where: no page index or queue position is this large. */
#define WHERE_EMPTY		0xffffffffU
/* A run's key when its table entry is empty: no valid id has this run. */
#define RUN_EMPTY		0xffffffffU
#define IDMAP_RUN_BITS		4
#define IDMAP_RUN		BIT(IDMAP_RUN_BITS)
#define IDMAP_MIN_BITS		5
/* 2^N neighbouring runs per group; N < IDMAP_MIN_BITS, for hash_32(). */
#define IDMAP_GROUP_BITS	4
/* kvmalloc() refuses more than INT_MAX bytes: 2^26 entries of 16 bytes. */
#define IDMAP_MAX_BITS		26
#define QUEUE_MIN_CAP		16U

/*
 * 12 bytes, not 16: a slot's id is its place in its run, and most of the
 * model's memory, at one slot per allocated block, is slots.
 */
struct buddy_slot {
	u64 req;
	u32 where;		/* page index, WHERE_WAITING | pos or _EMPTY */
} __packed __aligned(4);

/* The slots of ids key * IDMAP_RUN to key * IDMAP_RUN + IDMAP_RUN - 1. */
struct buddy_run {
	u32 key;		/* id >> IDMAP_RUN_BITS, or RUN_EMPTY */
	u32 live;		/* slots in use; an entry with none is freed */
	struct buddy_slot *slot;	/* IDMAP_RUN, by id & (IDMAP_RUN - 1) */
};

/* ---- free areas ---------------------------------------------------- */

static bool level_test(const unsigned long *level, size_t pos)
{
	return level[BIT_WORD(pos)] & BIT_MASK(pos);
}

static bool area_test(const struct buddy_area *a, u32 pos)
{
	return level_test(a->level[0], pos);
}

/*
 * Set @pos in level @l and up: only a word that goes from empty to
 * non-empty changes its summary bit.
 */
static void levels_set(struct buddy_area *a, unsigned int l, u32 pos)
{
	for (; l < a->depth; l++) {
		unsigned long *word = &a->level[l][BIT_WORD(pos)];
		unsigned long old = *word;

		*word = old | BIT_MASK(pos);
		if (old)
			break;
		pos = BIT_WORD(pos);
	}
}

/*
 * Summaries pay from the second block on.  An area with one free block,
 * as the higher orders mostly are, keeps it in level 0 and in @only, so
 * that filling or emptying it costs one word, not a word on every level.
 */
static void area_set(struct buddy_area *a, u32 pos)
{
	if (!a->summarised) {
		if (!a->nr_free) {
			a->level[0][BIT_WORD(pos)] |= BIT_MASK(pos);
			a->only = pos;
			return;
		}
		levels_set(a, 1, BIT_WORD(a->only));
		a->summarised = true;
	}
	levels_set(a, 0, pos);
}

static void area_clear(struct buddy_area *a, u32 pos)
{
	unsigned int l;

	if (!a->summarised) {
		a->level[0][BIT_WORD(pos)] &= ~BIT_MASK(pos);
		return;
	}
	for (l = 0; l < a->depth; l++) {
		unsigned long *word = &a->level[l][BIT_WORD(pos)];

		*word &= ~BIT_MASK(pos);
		if (*word)
			break;
		pos = BIT_WORD(pos);
	}
	/* The last block gone, the walk has cleared every summary. */
	if (a->nr_free == 1)
		a->summarised = false;
}

/* Lowest set position; the area must not be empty. */
static u32 area_first(const struct buddy_area *a)
{
	u32 pos = 0;
	int l;

	if (!a->summarised)
		return a->only;
	for (l = a->depth - 1; l >= 0; l--)
		pos = pos * BITS_PER_LONG + __ffs(a->level[l][pos]);
	return pos;
}

static void add_free(struct buddy_model *bm, u32 idx, unsigned int order)
{
	struct buddy_area *a = &bm->area[order];

	area_set(a, idx >> order);
	if (!a->nr_free++)
		bm->free_orders |= BIT(order);
	bm->page[idx] = PAGE_FREE | order;
}

/* The caller rewrites page[idx]. */
static void del_free(struct buddy_model *bm, u32 idx, unsigned int order)
{
	struct buddy_area *a = &bm->area[order];

	area_clear(a, idx >> order);
	if (!--a->nr_free)
		bm->free_orders &= ~BIT(order);
}

/* ---- blocks -------------------------------------------------------- */

/* Order of the block that serves @size bytes, 0 < size <= total. */
static unsigned int size_order(const struct buddy_model *bm, u64 size)
{
	unsigned int shift = fls64(size - 1);

	return shift > bm->min_shift ? shift - bm->min_shift : 0;
}

static bool order_fits(const struct buddy_model *bm, unsigned int order)
{
	return bm->free_orders >> order;
}

/*
 * Take the lowest-addressed free block of the smallest order that fits,
 * which order_fits() must have confirmed, and split it down to @order,
 * freeing the upper halves.
 */
static u32 take_block(struct buddy_model *bm, unsigned int order, u32 id)
{
	unsigned int k = order + __ffs(bm->free_orders >> order);
	u32 idx = area_first(&bm->area[k]) << k;

	del_free(bm, idx, k);
	while (k > order) {
		k--;
		add_free(bm, idx + BIT(k), k);
	}
	bm->page[idx] = PAGE_USED | id;
	return idx;
}

/* Give back the block of @order at @idx, merging it with free buddies. */
static void release_block(struct buddy_model *bm, u32 idx, unsigned int order)
{
	while (order < bm->max_order) {
		u32 buddy = idx ^ BIT(order);

		if (!area_test(&bm->area[order], buddy >> order))
			break;
		del_free(bm, buddy, order);
		bm->page[idx | BIT(order)] = 0;
		idx &= ~BIT(order);
		order++;
	}
	add_free(bm, idx, order);
}

/* Describe the block at @idx, allocated to @s or free if @s is NULL. */
static void describe(const struct buddy_model *bm, u32 idx,
		     const struct buddy_slot *s, struct buddy_block *blk)
{
	unsigned int order = s ? size_order(bm, s->req) :
				 bm->page[idx] & PAGE_ORDER;

	blk->addr = (u64)idx << bm->min_shift;
	blk->size = BIT_ULL(order + bm->min_shift);
	blk->free = !s;
	blk->id = s ? bm->page[idx] & ~PAGE_USED : 0;
	blk->req = s ? s->req : 0;
}

/* ---- id map -------------------------------------------------------- */

static u32 idmap_mask(const struct buddy_idmap *m)
{
	return BIT(m->bits) - 1;
}

/*
 * Where run @key's entry belongs: the hash places a group of
 * 2^IDMAP_GROUP_BITS neighbouring runs, and each run has its own place in
 * its group.
 */
static u32 run_home(const struct buddy_idmap *m, u32 key)
{
	return hash_32(key >> IDMAP_GROUP_BITS, m->bits - IDMAP_GROUP_BITS) <<
		IDMAP_GROUP_BITS | (key & (BIT(IDMAP_GROUP_BITS) - 1));
}

/* The table entry of run @key, or the empty entry where it would go. */
static struct buddy_run *run_probe(const struct buddy_idmap *m, u32 key)
{
	u32 i = run_home(m, key);

	/* The table stays at most half full, so an empty entry ends the probe. */
	for (;; i = (i + 1) & idmap_mask(m)) {
		struct buddy_run *r = &m->run[i];

		if (r->key == key || r->key == RUN_EMPTY)
			return r;
	}
}

static struct buddy_slot *run_slot(const struct buddy_run *r, u32 id)
{
	return &r->slot[id & (IDMAP_RUN - 1)];
}

/* The table entry of the run that holds @id, or NULL if @id is not live. */
static struct buddy_run *idmap_entry(const struct buddy_idmap *m, u32 id)
{
	struct buddy_run *r = run_probe(m, id >> IDMAP_RUN_BITS);

	if (r->key == RUN_EMPTY || run_slot(r, id)->where == WHERE_EMPTY)
		return NULL;
	return r;
}

static struct buddy_slot *idmap_find(const struct buddy_idmap *m, u32 id)
{
	struct buddy_run *r = idmap_entry(m, id);

	return r ? run_slot(r, id) : NULL;
}

static int idmap_alloc(struct buddy_idmap *m, unsigned int bits)
{
	u32 i;

	m->run = kvmalloc_array(BIT(bits), sizeof(*m->run), GFP_KERNEL);
	if (!m->run)
		return -ENOMEM;
	for (i = 0; i < BIT(bits); i++)
		m->run[i].key = RUN_EMPTY;
	m->bits = bits;
	return 0;
}

/* Make room in the table for one more run; on failure nothing changes. */
static int idmap_reserve(struct buddy_idmap *m)
{
	struct buddy_idmap old = *m;
	u32 i;

	if (((u64)m->nr_runs + 1) * 2 <= BIT_ULL(m->bits))
		return 0;
	if (m->bits == IDMAP_MAX_BITS || idmap_alloc(m, m->bits + 1)) {
		*m = old;
		return -ENOMEM;
	}
	/* The chunks stay where they are: only the entries move. */
	for (i = 0; i < BIT(old.bits); i++) {
		if (old.run[i].key != RUN_EMPTY)
			*run_probe(m, old.run[i].key) = old.run[i];
	}
	kvfree(old.run);
	return 0;
}

/*
 * A slot for @id, which is not in the map, in a new chunk if its run has no
 * other live id.  Return: the slot, or NULL when memory runs out, and then
 * nothing changes.
 */
static struct buddy_slot *idmap_add(struct buddy_idmap *m, u32 id)
{
	u32 key = id >> IDMAP_RUN_BITS;
	struct buddy_run *r = run_probe(m, key);
	struct buddy_slot *s;
	u32 i;

	if (r->key == RUN_EMPTY) {
		s = kmalloc_array(IDMAP_RUN, sizeof(*s), GFP_KERNEL);
		if (!s || idmap_reserve(m)) {
			kfree(s);
			return NULL;
		}
		for (i = 0; i < IDMAP_RUN; i++)
			s[i].where = WHERE_EMPTY;
		/* The table may have grown. */
		r = run_probe(m, key);
		*r = (struct buddy_run){ .key = key, .slot = s };
		m->nr_runs++;
	}
	s = run_slot(r, id);
	r->live++;
	m->count++;
	return s;
}

/* Delete by shifting later entries back into the hole: no tombstones. */
static void run_delete(struct buddy_idmap *m, struct buddy_run *r)
{
	u32 hole = r - m->run;
	u32 i = hole;

	for (;;) {
		u32 home;

		i = (i + 1) & idmap_mask(m);
		if (m->run[i].key == RUN_EMPTY)
			break;
		home = run_home(m, m->run[i].key);
		/* Movable unless its home lies cyclically in (hole, i]. */
		if (((i - home) & idmap_mask(m)) >= ((i - hole) & idmap_mask(m))) {
			m->run[hole] = m->run[i];
			hole = i;
		}
	}
	m->run[hole].key = RUN_EMPTY;
	m->nr_runs--;
}

/* Empty the slot of @id, live in run @r; the last one frees its chunk. */
static void idmap_remove(struct buddy_idmap *m, struct buddy_run *r, u32 id)
{
	run_slot(r, id)->where = WHERE_EMPTY;
	m->count--;
	if (--r->live)
		return;
	kfree(r->slot);
	run_delete(m, r);
}

static void idmap_destroy(struct buddy_idmap *m)
{
	u32 i;

	for (i = 0; m->run && i < BIT(m->bits); i++) {
		if (m->run[i].key != RUN_EMPTY)
			kfree(m->run[i].slot);
	}
	kvfree(m->run);
}

/* ---- wait queue ---------------------------------------------------- */

/*
 * Every waiting id holds an id map slot, and the map holds at most
 * 2^(IDMAP_MAX_BITS - 1) runs of IDMAP_RUN ids, so a queue position always
 * fits below WHERE_WAITING.
 */
static int queue_reserve(struct buddy_model *bm)
{
	u32 cap = bm->queue_cap ? bm->queue_cap * 2 : QUEUE_MIN_CAP;
	u32 *q;

	if (bm->nr_waiting < bm->queue_cap)
		return 0;
	q = kvmalloc_array(cap, sizeof(*q), GFP_KERNEL);
	if (!q)
		return -ENOMEM;
	if (bm->nr_waiting)
		memcpy(q, bm->queue, bm->nr_waiting * sizeof(*q));
	kvfree(bm->queue);
	bm->queue = q;
	bm->queue_cap = cap;
	return 0;
}

/*
 * Retry every waiting request in arrival order.  Those that still do not
 * fit keep their relative order; the callback sees the others.
 */
static void serve_waiting(struct buddy_model *bm,
			  void (*served)(void *ctx,
					 const struct buddy_block *blk),
			  void *ctx)
{
	u32 i, kept = 0;

	for (i = 0; i < bm->nr_waiting; i++) {
		u32 id = bm->queue[i];
		struct buddy_slot *s = idmap_find(&bm->ids, id);
		unsigned int order = size_order(bm, s->req);
		struct buddy_block blk;

		if (!order_fits(bm, order)) {
			s->where = WHERE_WAITING | kept;
			bm->queue[kept++] = id;
			continue;
		}
		s->where = take_block(bm, order, id);
		if (served) {
			describe(bm, s->where, s, &blk);
			served(ctx, &blk);
		}
	}
	bm->nr_waiting = kept;
}

/* ---- interface ----------------------------------------------------- */

/* is_power_of_2() takes an unsigned long, too narrow on 32-bit kernels. */
static bool pow2(u64 n)
{
	return n && !(n & (n - 1));
}

/* Lay out every order's bitmap levels in one array, or just count them. */
static size_t layout_areas(struct buddy_model *bm, unsigned long *bitmap)
{
	size_t used = 0;
	unsigned int k;

	for (k = 0; k <= bm->max_order; k++) {
		struct buddy_area *a = &bm->area[k];
		size_t bits = BIT(bm->max_order - k);

		a->depth = 0;
		do {
			size_t longs = BITS_TO_LONGS(bits);

			a->level[a->depth++] = bitmap ? bitmap + used : NULL;
			used += longs;
			bits = longs;
		} while (bits > 1);
	}
	return used;
}

/**
 * buddy_model_init - set up an arena with one free block
 * @bm: the model
 * @total: arena size in bytes, a power of two
 * @min: smallest block in bytes, a power of two no larger than @total
 * @policy: what to do with requests that do not fit
 *
 * Return: 0, -EINVAL for bad sizes or policy, -E2BIG for more than
 * 2^BUDDY_MAX_ORDER minimum blocks, or -ENOMEM.
 */
int buddy_model_init(struct buddy_model *bm, u64 total, u64 min,
		     enum buddy_policy policy)
{
	unsigned int max_order;
	size_t pages;

	if (!pow2(total) || !pow2(min) || min > total)
		return -EINVAL;
	if (policy != BUDDY_POLICY_FAIL && policy != BUDDY_POLICY_QUEUE)
		return -EINVAL;
	max_order = ilog2(total) - ilog2(min);
	if (max_order > BUDDY_MAX_ORDER)
		return -E2BIG;

	memset(bm, 0, sizeof(*bm));
	bm->total = total;
	bm->policy = policy;
	bm->min_shift = ilog2(min);
	bm->max_order = max_order;
	pages = BIT(max_order);

	bm->bitmap_longs = layout_areas(bm, NULL);
	bm->bitmap = kvcalloc(bm->bitmap_longs, sizeof(long), GFP_KERNEL);
	bm->page = kvcalloc(pages, sizeof(*bm->page), GFP_KERNEL);
	if (!bm->bitmap || !bm->page ||
	    idmap_alloc(&bm->ids, IDMAP_MIN_BITS)) {
		buddy_model_destroy(bm);
		return -ENOMEM;
	}
	layout_areas(bm, bm->bitmap);
	add_free(bm, 0, bm->max_order);
	return 0;
}

void buddy_model_destroy(struct buddy_model *bm)
{
	kvfree(bm->bitmap);
	kvfree(bm->page);
	idmap_destroy(&bm->ids);
	kvfree(bm->queue);
	memset(bm, 0, sizeof(*bm));
}

/**
 * buddy_model_alloc - allocate a block for @size bytes under @id
 * @bm: the model
 * @id: 0 .. BUDDY_ID_MAX, not live (allocated or waiting)
 * @size: bytes, 1 .. total
 * @blk: filled in on success
 *
 * Return: 0; -EINPROGRESS when the request was queued; -ENOMEM when it does
 * not fit under BUDDY_POLICY_FAIL, or the id map or queue cannot grow;
 * -EEXIST, -EINVAL (bad id, size 0) or -E2BIG (size > total).  Nothing
 * changes unless 0 or -EINPROGRESS is returned.
 */
int buddy_model_alloc(struct buddy_model *bm, u32 id, u64 size,
		      struct buddy_block *blk)
{
	struct buddy_slot *s;
	unsigned int order;
	bool fits;
	int err;

	if (id > BUDDY_ID_MAX || !size)
		return -EINVAL;
	if (size > bm->total)
		return -E2BIG;
	if (idmap_find(&bm->ids, id))
		return -EEXIST;

	order = size_order(bm, size);
	fits = order_fits(bm, order);
	if (!fits && bm->policy == BUDDY_POLICY_FAIL)
		return -ENOMEM;
	/* A queue that grows and then goes unused changes nothing seen. */
	if (!fits) {
		err = queue_reserve(bm);
		if (err)
			return err;
	}
	s = idmap_add(&bm->ids, id);
	if (!s)
		return -ENOMEM;
	s->req = size;

	if (!fits) {
		s->where = WHERE_WAITING | bm->nr_waiting;
		bm->queue[bm->nr_waiting++] = id;
		return -EINPROGRESS;
	}
	s->where = take_block(bm, order, id);
	describe(bm, s->where, s, blk);
	return 0;
}

/**
 * buddy_model_free - free the block allocated under @id
 * @bm: the model
 * @id: an allocated id
 * @served: called, if not NULL, for each waiting request this lets through;
 *	    it must not modify the model
 * @ctx: passed to @served
 *
 * Return: 0, -ENOENT for an unknown id, -EBUSY for a waiting one.
 */
int buddy_model_free(struct buddy_model *bm, u32 id,
		     void (*served)(void *ctx, const struct buddy_block *blk),
		     void *ctx)
{
	struct buddy_run *r = idmap_entry(&bm->ids, id);
	struct buddy_slot *s;
	unsigned int order;
	u32 idx;

	if (!r)
		return -ENOENT;
	s = run_slot(r, id);
	if (s->where & WHERE_WAITING)
		return -EBUSY;
	idx = s->where;
	order = size_order(bm, s->req);
	idmap_remove(&bm->ids, r, id);
	release_block(bm, idx, order);
	serve_waiting(bm, served, ctx);
	return 0;
}

/**
 * buddy_model_next_block - step to the block after @blk
 * @bm: the model
 * @blk: zeroed to start the walk; describes the next block on return
 *
 * Walks the blocks in address order.
 *
 * Return: false past the end of the arena.
 */
bool buddy_model_next_block(const struct buddy_model *bm,
			    struct buddy_block *blk)
{
	u64 addr = blk->addr + blk->size;
	u32 idx = addr >> bm->min_shift;

	if (addr >= bm->total)
		return false;
	describe(bm, idx, bm->page[idx] & PAGE_USED ?
		 idmap_find(&bm->ids, bm->page[idx] & ~PAGE_USED) : NULL, blk);
	return true;
}

u32 buddy_model_nr_waiting(const struct buddy_model *bm)
{
	return bm->nr_waiting;
}

u32 buddy_model_waiting_id(const struct buddy_model *bm, u32 pos)
{
	return bm->queue[pos];
}

/* ---- invariants ---------------------------------------------------- */

static u32 weight(const unsigned long *map, size_t longs)
{
	u32 w = 0;
	size_t i;

	for (i = 0; i < longs; i++)
		w += hweight_long(map[i]);
	return w;
}

/*
 * Level 0 must hold exactly the free blocks found by the walk.  In a
 * summarised area, which is not empty, each summary bit must be set
 * exactly when the word below it is not zero; in any other, which holds
 * at most the one block @only, none may be.
 */
static const char *check_area(const struct buddy_area *a, size_t bits,
			      u32 nr_free)
{
	size_t words = BITS_TO_LONGS(bits);
	unsigned int l;

	if (a->nr_free != nr_free || weight(a->level[0], words) != nr_free)
		return "free count differs from the blocks";
	if (a->summarised ? !nr_free :
	    nr_free > 1 || (nr_free && !level_test(a->level[0], a->only)))
		return "free area's summaries do not fit its count";
	for (l = 1; l < a->depth; l++) {
		u32 summaries = 0;
		size_t i;

		for (i = 0; i < words; i++) {
			bool set = level_test(a->level[l], i);

			if (set != (a->summarised && a->level[l - 1][i]))
				return "free bitmap summary is stale";
			summaries += set;
		}
		words = BITS_TO_LONGS(words);
		if (weight(a->level[l], words) != summaries)
			return "free bitmap summary has stray bits";
	}
	return NULL;
}

static bool req_valid(const struct buddy_model *bm, u64 req)
{
	return req && req <= bm->total;
}

/*
 * Does a valid block start at @idx?  If so, report its order and, for an
 * allocated block, the id map slot that must point back to it.
 */
static bool check_head(const struct buddy_model *bm, u32 idx,
		       unsigned int *order, const struct buddy_slot **s)
{
	u32 page = bm->page[idx];

	*s = NULL;
	if (page & PAGE_USED) {
		*s = idmap_find(&bm->ids, page & ~PAGE_USED);
		if (!*s || (*s)->where != idx || !req_valid(bm, (*s)->req))
			return false;
		*order = size_order(bm, (*s)->req);
		return true;
	}
	*order = page & PAGE_ORDER;
	return page == (PAGE_FREE | *order) && *order <= bm->max_order;
}

/*
 * Walk the blocks by their sizes.  Every page that does not start a block
 * holds 0, so a walk that lands on such a page has found a gap, and a head
 * inside a block is an overlap.
 */
static const char *check_blocks(const struct buddy_model *bm, u32 *nr_free,
				u32 *nr_used, u64 *waste)
{
	u32 pages = BIT(bm->max_order);
	u32 idx = 0;

	while (idx < pages) {
		const struct buddy_slot *s;
		unsigned int order;
		u32 end, i;

		if (!check_head(bm, idx, &order, &s))
			return "no valid block starts where the previous ends";
		if (idx & (BIT(order) - 1))
			return "block not aligned to its size";
		end = idx + BIT(order);
		for (i = idx + 1; i < end; i++) {
			if (bm->page[i])
				return "overlap: a block starts inside another";
		}
		if (s) {
			*waste += BIT_ULL(order + bm->min_shift) - s->req;
			(*nr_used)++;
		} else {
			if (!area_test(&bm->area[order], idx >> order))
				return "free block missing from its free area";
			if (order < bm->max_order &&
			    bm->page[idx ^ BIT(order)] == bm->page[idx])
				return "free buddies left unmerged";
			nr_free[order]++;
		}
		idx = end;
	}
	return NULL;
}

/* The live slot of @id; a waiting one must match the queue and not fit. */
static const char *check_slot(const struct buddy_model *bm, u32 id,
			      const struct buddy_slot *s, u32 *used,
			      u32 *waiting)
{
	u32 pos = s->where & ~WHERE_WAITING;

	if (!(s->where & WHERE_WAITING)) {
		(*used)++;
		return NULL;
	}
	if (pos >= bm->nr_waiting || bm->queue[pos] != id)
		return "wait queue and id map disagree";
	if (!req_valid(bm, s->req))
		return "waiting request has a bad size";
	if (order_fits(bm, size_order(bm, s->req)))
		return "a waiting request would fit";
	(*waiting)++;
	return NULL;
}

/* A run's entry is where the table would look for it, and counts its ids. */
static const char *check_run(const struct buddy_model *bm,
			     const struct buddy_run *r, u32 *used,
			     u32 *waiting)
{
	u32 live = 0, j;

	if (r->key > BUDDY_ID_MAX >> IDMAP_RUN_BITS ||
	    run_probe(&bm->ids, r->key) != r)
		return "id map is corrupt";
	for (j = 0; j < IDMAP_RUN; j++) {
		const struct buddy_slot *s = &r->slot[j];
		const char *err;

		if (s->where == WHERE_EMPTY)
			continue;
		err = check_slot(bm, r->key << IDMAP_RUN_BITS | j, s, used,
				 waiting);
		if (err)
			return err;
		live++;
	}
	return live && live == r->live ? NULL : "id map run count is wrong";
}

/*
 * Allocated slots were matched one way by check_blocks(), so equal counts
 * make the match one to one; waiting slots are matched against the queue.
 */
static const char *check_ids(const struct buddy_model *bm, u32 nr_used)
{
	const struct buddy_idmap *m = &bm->ids;
	u32 runs = 0, live = 0, used = 0, waiting = 0;
	u32 i;

	for (i = 0; i < BIT(m->bits); i++) {
		const struct buddy_run *r = &m->run[i];
		const char *err;

		if (r->key == RUN_EMPTY)
			continue;
		err = check_run(bm, r, &used, &waiting);
		if (err)
			return err;
		runs++;
		live += r->live;
	}
	if (runs != m->nr_runs || live != m->count || used != nr_used ||
	    waiting != bm->nr_waiting)
		return "id map counts differ from the blocks and the queue";
	if (bm->nr_waiting && bm->policy != BUDDY_POLICY_QUEUE)
		return "requests wait under the fail policy";
	return NULL;
}

/**
 * buddy_model_check - verify the model's invariants
 * @bm: the model
 * @waste: set to the bytes allocated beyond what was asked for
 *
 * Blocks tile the arena, each aligned to its size; no free block has a free
 * buddy of its order; the free areas and their counts hold exactly the free
 * blocks; the id map, the allocated blocks and the wait queue agree, and no
 * waiting request would fit.  Costs O(pages + id map + queue).
 *
 * Return: NULL, or what is wrong.
 */
const char *buddy_model_check(const struct buddy_model *bm, u64 *waste)
{
	u32 nr_free[BUDDY_MAX_ORDER + 1] = {};
	u32 nr_used = 0;
	const char *err;
	unsigned int k;

	*waste = 0;
	err = check_blocks(bm, nr_free, &nr_used, waste);
	if (err)
		return err;
	if (bm->free_orders >> (bm->max_order + 1))
		return "free order mask has stray bits";
	for (k = 0; k <= bm->max_order; k++) {
		if (!(bm->free_orders & BIT(k)) != !nr_free[k])
			return "free order mask differs from the free areas";
		err = check_area(&bm->area[k], BIT(bm->max_order - k),
				 nr_free[k]);
		if (err)
			return err;
	}
	return check_ids(bm, nr_used);
}

/**
 * buddy_model_metadata_bytes - memory the model holds for @bm
 * @bm: the model
 *
 * Per page: a u32 and about two bits of free-area bitmaps.  Per run of ids
 * with a live one: a chunk of IDMAP_RUN slots, and table entries, kept at
 * most half full and never shrunk.  Per waiting request: a queue entry.
 */
size_t buddy_model_metadata_bytes(const struct buddy_model *bm)
{
	size_t pages = BIT(bm->max_order);

	return sizeof(*bm) +
	       pages * sizeof(*bm->page) +
	       bm->bitmap_longs * sizeof(long) +
	       BIT(bm->ids.bits) * sizeof(*bm->ids.run) +
	       (size_t)bm->ids.nr_runs * IDMAP_RUN * sizeof(struct buddy_slot) +
	       bm->queue_cap * sizeof(*bm->queue);
}
