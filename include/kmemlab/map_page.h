/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pages of a kmalloc_demo or vmalloc_demo allocation that a process
 * maps through the module's map/N file: the pattern each page holds, the
 * lines map/N prints, and what may be mapped.  The modules and
 * tools/kmemmap share this one format, so that each side reads what the
 * other wrote.
 */
#ifndef KMEMLAB_MAP_PAGE_H
#define KMEMLAB_MAP_PAGE_H

#include <linux/types.h>

/* The header's first 8 bytes, NUL included. */
#define KMEMLAB_MAP_MAGIC	"kmemlab"

enum kmemlab_map_writer {
	KMEMLAB_MAP_KERNEL = 1,		/* the module, at load */
	KMEMLAB_MAP_USER = 2,		/* a process, through its mapping */
};

/*
 * The first bytes of each page; the rest of the page is zero.  @sum
 * covers the whole page, so that a change to any byte of it shows.
 */
struct kmemlab_map_header {
	char magic[8];
	u32 writer;		/* enum kmemlab_map_writer */
	u32 alloc;		/* the allocation's index: the N of map/N */
	u64 page;		/* the page's index in the allocation */
	u64 pfn;		/* the frame its writer found behind the page */
	u64 stamp;		/* 0 from the kernel, the pid from a process */
	u64 sum;		/* kmemlab_map_sum() of the page, this field 0 */
};

enum kmemlab_map_state {
	KMEMLAB_MAP_NONE,	/* no header: the magic is not there */
	KMEMLAB_MAP_BAD,	/* a header, but the page does not match its sum */
	KMEMLAB_MAP_OK,
};

/*
 * FNV-1a over the 64-bit words of a page of @size bytes (a multiple of
 * 8), its sum word counted as 0.
 */
u64 kmemlab_map_sum(const void *page, size_t size);

/*
 * Zeroes the page, writes @h (magic and sum filled in here) at its start
 * and the page's sum into it.
 */
void kmemlab_map_fill(void *page, size_t size, const struct kmemlab_map_header *h);

/* What the page holds now: its header goes to @h. */
enum kmemlab_map_state kmemlab_map_read(const void *page, size_t size,
					struct kmemlab_map_header *h);

/* Whether an allocation may be mapped at all. */
enum kmemlab_map_fit {
	KMEMLAB_MAP_FITS,
	KMEMLAB_MAP_UNALIGNED,	/* it does not start a page */
	KMEMLAB_MAP_PARTIAL,	/* it is not a whole number of pages */
};

/*
 * An allocation of @size bytes at byte @offset of its first page is
 * mapped only if it starts a page and ends one: a process that mapped
 * the rest of a page would see kernel memory that is not the
 * allocation's (a slab object's neighbours).
 */
enum kmemlab_map_fit kmemlab_map_fit(unsigned long offset, size_t size,
				     size_t page_size);

/* An mmap() of map/N, as the module's mmap handler sees it. */
struct kmemlab_map_request {
	enum kmemlab_map_fit fit;
	bool shared;		/* MAP_SHARED: VM_MAYSHARE */
	bool exec;		/* PROT_EXEC: VM_EXEC */
	unsigned long pgoff;	/* the mmap offset, in pages */
	unsigned long pages;	/* the length, in pages */
	unsigned long alloc_pages;	/* pages in the allocation */
};

enum kmemlab_map_refusal {
	KMEMLAB_MAP_GRANTED,
	KMEMLAB_MAP_UNMAPPABLE,	/* the allocation does not fit: see fit */
	KMEMLAB_MAP_EXEC,
	KMEMLAB_MAP_PRIVATE,
	KMEMLAB_MAP_OFFSET,	/* it starts past the allocation's end */
	KMEMLAB_MAP_LENGTH,	/* it runs past the allocation's end */
};

enum kmemlab_map_refusal kmemlab_map_check(const struct kmemlab_map_request *rq);

/* The negative errno mmap() fails with: 0 when granted. */
int kmemlab_map_errno(enum kmemlab_map_refusal r);

/* Longest line of map/N or of a refusal, newline and NUL included. */
#define KMEMLAB_MAP_ROW_MAX	256

/*
 * map/N's first line, @what the allocator ("kmalloc"): "kmalloc(SIZE):
 * P pages, mappable" or "kmalloc(SIZE): not mappable: WHY".
 */
int kmemlab_map_title(char *buf, size_t len, const char *what, size_t size,
		      unsigned long offset, size_t page_size);

/* Then the header "page pfn holds alloc hpage hpfn stamp sum". */
int kmemlab_map_header_line(char *buf, size_t len);

/* And one row per page: @pfn is the module's frame, @data the page. */
int kmemlab_map_row(char *buf, size_t len, unsigned long page,
		    unsigned long pfn, const void *data, size_t page_size);

/*
 * The log line of a refused request: "map/N: mmap of P page(s) from page
 * O refused: WHY".  @what, @size and @offset describe the allocation,
 * as for kmemlab_map_title().
 */
int kmemlab_map_refusal_line(char *buf, size_t len, unsigned int index,
			     const struct kmemlab_map_request *rq,
			     enum kmemlab_map_refusal r, const char *what,
			     size_t size, unsigned long offset, size_t page_size);

#endif /* KMEMLAB_MAP_PAGE_H */
