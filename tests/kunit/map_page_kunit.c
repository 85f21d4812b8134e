// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit cases for the pages map/N maps: the pattern survives a fill and
 * a read and any changed byte shows; what may be mapped and which
 * requests are refused, with which errno; the lines of map/N and of a
 * refusal, field by field.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kmemlab/map_page.h>
#include "split_fields.h"

#define MAP_PAGE	4096	/* a page size: the helpers take it as an argument */
#define NR_COLS	8

static void *page_buf(struct kunit *test)
{
	void *p = kunit_kzalloc(test, MAP_PAGE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	return p;
}

static const struct kmemlab_map_header headers[] = {
	{ .writer = KMEMLAB_MAP_KERNEL, .alloc = 11, .page = 0, .pfn = 35840 },
	{ .writer = KMEMLAB_MAP_USER, .alloc = 63, .page = 16383,
	  .pfn = 0xfffffffffULL, .stamp = 4194304 },
	{ .writer = KMEMLAB_MAP_USER, .alloc = 0, .page = 1, .pfn = 0, .stamp = 1 },
};

static void header_desc(const struct kmemlab_map_header *h, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "writer %u, alloc %u, page %llu",
		 h->writer, h->alloc, (unsigned long long)h->page);
}

KUNIT_ARRAY_PARAM(header, headers, header_desc);

/* A filled page reads back as written, and the rest of it is zero. */
static void map_fill_read_test(struct kunit *test)
{
	const struct kmemlab_map_header *want = test->param_value;
	struct kmemlab_map_header got;
	u8 *p = page_buf(test);
	size_t i;

	memset(p, 0xa5, MAP_PAGE);
	kmemlab_map_fill(p, MAP_PAGE, want);
	KUNIT_ASSERT_EQ(test, kmemlab_map_read(p, MAP_PAGE, &got), KMEMLAB_MAP_OK);
	KUNIT_EXPECT_STREQ(test, got.magic, "kmemlab");
	KUNIT_EXPECT_EQ(test, got.writer, want->writer);
	KUNIT_EXPECT_EQ(test, got.alloc, want->alloc);
	KUNIT_EXPECT_EQ(test, got.page, want->page);
	KUNIT_EXPECT_EQ(test, got.pfn, want->pfn);
	KUNIT_EXPECT_EQ(test, got.stamp, want->stamp);
	KUNIT_EXPECT_EQ(test, got.sum, kmemlab_map_sum(p, MAP_PAGE));
	for (i = sizeof(got); i < MAP_PAGE; i++)
		if (p[i])
			KUNIT_FAIL(test, "byte %zu is 0x%02x, not 0", i, p[i]);
}

struct flip_case {
	const char *name;
	size_t byte;
	enum kmemlab_map_state state;
};

static const struct flip_case flip_cases[] = {
	{ "the magic's first byte", 0, KMEMLAB_MAP_NONE },
	{ "the magic's NUL", 7, KMEMLAB_MAP_NONE },
	{ "the writer", 8, KMEMLAB_MAP_BAD },
	{ "the alloc index", 12, KMEMLAB_MAP_BAD },
	{ "the page number", 16, KMEMLAB_MAP_BAD },
	{ "the pfn's top byte", 31, KMEMLAB_MAP_BAD },
	{ "the stamp", 32, KMEMLAB_MAP_BAD },
	{ "the sum", 40, KMEMLAB_MAP_BAD },
	{ "the first byte after the header", 48, KMEMLAB_MAP_BAD },
	{ "a byte mid-page", 2049, KMEMLAB_MAP_BAD },
	{ "the last byte", MAP_PAGE - 1, KMEMLAB_MAP_BAD },
};

static void flip_desc(const struct flip_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(flip, flip_cases, flip_desc);

/* One bit changed anywhere: no header (in the magic) or a bad sum. */
static void map_flip_test(struct kunit *test)
{
	const struct flip_case *c = test->param_value;
	struct kmemlab_map_header h;
	u8 *p = page_buf(test);

	kmemlab_map_fill(p, MAP_PAGE, &headers[0]);
	p[c->byte] ^= 0x10;
	KUNIT_EXPECT_EQ(test, kmemlab_map_read(p, MAP_PAGE, &h), c->state);
}

/* A zeroed page has no header; words in another order, another sum. */
static void map_sum_test(struct kunit *test)
{
	struct kmemlab_map_header h;
	u64 *w = page_buf(test), t;

	KUNIT_EXPECT_EQ(test, kmemlab_map_read(w, MAP_PAGE, &h), KMEMLAB_MAP_NONE);
	kmemlab_map_fill(w, MAP_PAGE, &headers[1]);
	w[100] = 1;
	w[101] = 2;
	w[offsetof(struct kmemlab_map_header, sum) / sizeof(*w)] = kmemlab_map_sum(w, MAP_PAGE);
	KUNIT_EXPECT_EQ(test, kmemlab_map_read(w, MAP_PAGE, &h), KMEMLAB_MAP_OK);
	t = w[100];
	w[100] = w[101];
	w[101] = t;
	KUNIT_EXPECT_EQ(test, kmemlab_map_read(w, MAP_PAGE, &h), KMEMLAB_MAP_BAD);
}

struct fit_case {
	const char *name;
	unsigned long offset;
	size_t size;
	enum kmemlab_map_fit fit;
};

static const struct fit_case fit_cases[] = {
	{ "one page", 0, MAP_PAGE, KMEMLAB_MAP_FITS },
	{ "4 MiB", 0, 1024 * MAP_PAGE, KMEMLAB_MAP_FITS },
	{ "a slab object mid-page", 2432, 32, KMEMLAB_MAP_UNALIGNED },
	{ "a small object at a page's start", 0, 8, KMEMLAB_MAP_PARTIAL },
	{ "one byte past two pages", 0, 2 * MAP_PAGE + 1, KMEMLAB_MAP_PARTIAL },
	{ "unaligned and partial: unaligned first", 8, MAP_PAGE, KMEMLAB_MAP_UNALIGNED },
};

static void fit_desc(const struct fit_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(fit, fit_cases, fit_desc);

static void map_fit_test(struct kunit *test)
{
	const struct fit_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, kmemlab_map_fit(c->offset, c->size, MAP_PAGE), c->fit);
}

struct check_case {
	const char *name;
	struct kmemlab_map_request rq;
	enum kmemlab_map_refusal refusal;
	int err;
};

#define RQ(fit, shared, exec, pgoff, pages, alloc) \
	{ KMEMLAB_MAP_##fit, shared, exec, pgoff, pages, alloc }

static const struct check_case check_cases[] = {
	{ "all of it", RQ(FITS, true, false, 0, 1024, 1024),
	  KMEMLAB_MAP_GRANTED, 0 },
	{ "its last page", RQ(FITS, true, false, 1023, 1, 1024),
	  KMEMLAB_MAP_GRANTED, 0 },
	{ "one page too many", RQ(FITS, true, false, 0, 1025, 1024),
	  KMEMLAB_MAP_LENGTH, -ENXIO },
	{ "two from the last page", RQ(FITS, true, false, 1023, 2, 1024),
	  KMEMLAB_MAP_LENGTH, -ENXIO },
	{ "at its end", RQ(FITS, true, false, 1024, 1, 1024),
	  KMEMLAB_MAP_OFFSET, -ENXIO },
	{ "pgoff + pages wraps", RQ(FITS, true, false, 1, ULONG_MAX, 4),
	  KMEMLAB_MAP_LENGTH, -ENXIO },
	{ "far past its end", RQ(FITS, true, false, ULONG_MAX, 1, 4),
	  KMEMLAB_MAP_OFFSET, -ENXIO },
	{ "PROT_EXEC", RQ(FITS, true, true, 0, 1, 4), KMEMLAB_MAP_EXEC, -EPERM },
	{ "MAP_PRIVATE", RQ(FITS, false, false, 0, 1, 4),
	  KMEMLAB_MAP_PRIVATE, -EINVAL },
	{ "PROT_EXEC before MAP_PRIVATE", RQ(FITS, false, true, 0, 1, 4),
	  KMEMLAB_MAP_EXEC, -EPERM },
	{ "an unaligned object, whatever asked", RQ(UNALIGNED, true, true, 9, 9, 0),
	  KMEMLAB_MAP_UNMAPPABLE, -EINVAL },
	{ "a partial object", RQ(PARTIAL, true, false, 0, 1, 0),
	  KMEMLAB_MAP_UNMAPPABLE, -EINVAL },
};

static void check_desc(const struct check_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(check, check_cases, check_desc);

static void map_check_test(struct kunit *test)
{
	const struct check_case *c = test->param_value;
	enum kmemlab_map_refusal r = kmemlab_map_check(&c->rq);

	KUNIT_EXPECT_EQ(test, r, c->refusal);
	KUNIT_EXPECT_EQ(test, kmemlab_map_errno(r), c->err);
}

static void map_title_test(struct kunit *test)
{
	char line[KMEMLAB_MAP_ROW_MAX];

	kmemlab_map_title(line, sizeof(line), "kmalloc", 4194304, 0, MAP_PAGE);
	KUNIT_EXPECT_STREQ(test, line, "kmalloc(4194304): 1024 pages, mappable\n");
	kmemlab_map_title(line, sizeof(line), "kmalloc", 17, 2432, MAP_PAGE);
	KUNIT_EXPECT_STREQ(test, line,
			   "kmalloc(17): not mappable: it starts at byte 2432 of a page: a process would see the memory before it\n");
	kmemlab_map_title(line, sizeof(line), "vmalloc", 5000, 0, MAP_PAGE);
	KUNIT_EXPECT_STREQ(test, line,
			   "vmalloc(5000): not mappable: it is not a whole number of pages: a process would see the memory past its end\n");
}

static void map_header_test(struct kunit *test)
{
	static const char * const cols[NR_COLS] = {
		"page", "pfn", "holds", "alloc", "hpage", "hpfn", "stamp", "sum",
	};
	char line[KMEMLAB_MAP_ROW_MAX], *f[NR_COLS];
	int len;

	len = kmemlab_map_header_line(line, sizeof(line));
	expect_fields(test, line, len, sizeof(line), cols, f, NR_COLS);
}

/* A row shows what the page holds: filled, corrupted, empty. */
static void map_row_test(struct kunit *test)
{
	static const char * const user[NR_COLS] = {
		"16383", "68719476735", "user", "63", "16383", "68719476735",
		"4194304", "ok",
	};
	static const char * const bad[NR_COLS] = {
		"7", "12", "kernel", "11", "0", "35840", "0", "bad",
	};
	static const char * const none[NR_COLS] = {
		"0", "0", "none", "-", "-", "-", "-", "-",
	};
	char line[KMEMLAB_MAP_ROW_MAX], *f[NR_COLS];
	u8 *p = page_buf(test);
	int len;

	len = kmemlab_map_row(line, sizeof(line), 0, 0, p, MAP_PAGE);
	expect_fields(test, line, len, sizeof(line), none, f, NR_COLS);
	kmemlab_map_fill(p, MAP_PAGE, &headers[1]);
	len = kmemlab_map_row(line, sizeof(line), 16383, 0xfffffffffUL, p, MAP_PAGE);
	expect_fields(test, line, len, sizeof(line), user, f, NR_COLS);
	kmemlab_map_fill(p, MAP_PAGE, &headers[0]);
	p[100] = 1;
	len = kmemlab_map_row(line, sizeof(line), 7, 12, p, MAP_PAGE);
	expect_fields(test, line, len, sizeof(line), bad, f, NR_COLS);
}

struct refusal_case {
	const char *name;
	enum kmemlab_map_refusal r;
	struct kmemlab_map_request rq;
	const char *what;
	size_t size;
	unsigned long offset;
	const char *line;
};

static const struct refusal_case refusal_cases[] = {
	{
		"an object mid-page", KMEMLAB_MAP_UNMAPPABLE,
		RQ(UNALIGNED, true, false, 0, 1, 0), "kmalloc", 17, 384,
		"map/1: mmap of 1 page(s) from page 0 refused: kmalloc(17) is not mappable: it starts at byte 384 of a page: a process would see the memory before it\n",
	},
	{
		"an object of two pages and a byte", KMEMLAB_MAP_UNMAPPABLE,
		RQ(PARTIAL, true, false, 0, 3, 0), "kmalloc", 8193, 0,
		"map/1: mmap of 3 page(s) from page 0 refused: kmalloc(8193) is not mappable: it is not a whole number of pages: a process would see the memory past its end\n",
	},
	{
		"PROT_EXEC", KMEMLAB_MAP_EXEC,
		RQ(FITS, true, true, 0, 1, 4), "kmalloc", 16384, 0,
		"map/1: mmap of 1 page(s) from page 0 refused: PROT_EXEC: kernel memory is never executable from user space\n",
	},
	{
		"MAP_PRIVATE", KMEMLAB_MAP_PRIVATE,
		RQ(FITS, false, false, 2, 2, 4), "vmalloc", 16384, 0,
		"map/1: mmap of 2 page(s) from page 2 refused: MAP_PRIVATE: a private copy would hide the writes of the process from the kernel; use MAP_SHARED\n",
	},
	{
		"past the end", KMEMLAB_MAP_OFFSET,
		RQ(FITS, true, false, 4, 1, 4), "vmalloc", 16384, 0,
		"map/1: mmap of 1 page(s) from page 4 refused: it starts past the end of the 4 page(s) of vmalloc(16384)\n",
	},
	{
		"too long", KMEMLAB_MAP_LENGTH,
		RQ(FITS, true, false, 3, 2, 4), "vmalloc", 16384, 0,
		"map/1: mmap of 2 page(s) from page 3 refused: it runs past the end of the 4 page(s) of vmalloc(16384)\n",
	},
};

static void refusal_desc(const struct refusal_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(refusal, refusal_cases, refusal_desc);

static void map_refusal_test(struct kunit *test)
{
	const struct refusal_case *c = test->param_value;
	char line[KMEMLAB_MAP_ROW_MAX];

	KUNIT_ASSERT_EQ(test, kmemlab_map_check(&c->rq), c->r);
	kmemlab_map_refusal_line(line, sizeof(line), 1, &c->rq, c->r, c->what,
				 c->size, c->offset, MAP_PAGE);
	KUNIT_EXPECT_STREQ(test, line, c->line);
}

/* The longest refusal fits the buffer the modules give it. */
static void map_refusal_longest_test(struct kunit *test)
{
	struct kmemlab_map_request rq = RQ(PARTIAL, true, false, ULONG_MAX, ULONG_MAX, 0);
	char line[KMEMLAB_MAP_ROW_MAX];
	int len;

	len = kmemlab_map_refusal_line(line, sizeof(line), UINT_MAX, &rq,
				       KMEMLAB_MAP_UNMAPPABLE, "kmalloc",
				       SIZE_MAX, 0, MAP_PAGE);
	KUNIT_EXPECT_LT(test, len, (int)sizeof(line) - 1);
	KUNIT_EXPECT_EQ(test, line[len - 1], '\n');
}

static struct kunit_case map_page_test_cases[] = {
	KUNIT_CASE_PARAM(map_fill_read_test, header_gen_params),
	KUNIT_CASE_PARAM(map_flip_test, flip_gen_params),
	KUNIT_CASE(map_sum_test),
	KUNIT_CASE_PARAM(map_fit_test, fit_gen_params),
	KUNIT_CASE_PARAM(map_check_test, check_gen_params),
	KUNIT_CASE(map_title_test),
	KUNIT_CASE(map_header_test),
	KUNIT_CASE(map_row_test),
	KUNIT_CASE_PARAM(map_refusal_test, refusal_gen_params),
	KUNIT_CASE(map_refusal_longest_test),
	{}
};

static struct kunit_suite map_page_suite = {
	.name = "kmemlab_map_page",
	.test_cases = map_page_test_cases,
};

kunit_test_suite(map_page_suite);

MODULE_LICENSE("GPL");
