// SPDX-License-Identifier: GPL-2.0
/* The pages map/N maps, and its lines; pure, see kmemlab/map_page.h. */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kmemlab/map_page.h>

#define MAP_FNV_OFFSET	0xcbf29ce484222325ULL
#define MAP_FNV_PRIME	0x100000001b3ULL
#define MAP_SUM_WORD	(offsetof(struct kmemlab_map_header, sum) / sizeof(u64))

/* Shared field widths, so that the header lines up with the rows. */
#define MAP_COLS	"%6s %10s %-6s %5s %6s %10s %8s %3s\n"
#define MAP_ROW	"%6lu %10lu %-6s %5s %6s %10s %8s %3s\n"

u64 kmemlab_map_sum(const void *page, size_t size)
{
	const u64 *w = page;
	u64 h = MAP_FNV_OFFSET;
	size_t i;

	for (i = 0; i < size / sizeof(u64); i++) {
		h ^= (i == MAP_SUM_WORD ? 0 : w[i]);
		h *= MAP_FNV_PRIME;
	}
	return h;
}

void kmemlab_map_fill(void *page, size_t size, const struct kmemlab_map_header *h)
{
	struct kmemlab_map_header *dst = page;

	memset(page, 0, size);
	*dst = *h;
	memcpy(dst->magic, KMEMLAB_MAP_MAGIC, sizeof(dst->magic));
	dst->sum = kmemlab_map_sum(page, size);
}

enum kmemlab_map_state kmemlab_map_read(const void *page, size_t size,
					struct kmemlab_map_header *h)
{
	memcpy(h, page, sizeof(*h));
	if (memcmp(h->magic, KMEMLAB_MAP_MAGIC, sizeof(h->magic)))
		return KMEMLAB_MAP_NONE;
	return kmemlab_map_sum(page, size) == h->sum ? KMEMLAB_MAP_OK : KMEMLAB_MAP_BAD;
}

enum kmemlab_map_fit kmemlab_map_fit(unsigned long offset, size_t size,
				     size_t page_size)
{
	if (offset)
		return KMEMLAB_MAP_UNALIGNED;
	return size % page_size ? KMEMLAB_MAP_PARTIAL : KMEMLAB_MAP_FITS;
}

enum kmemlab_map_refusal kmemlab_map_check(const struct kmemlab_map_request *rq)
{
	if (rq->fit != KMEMLAB_MAP_FITS)
		return KMEMLAB_MAP_UNMAPPABLE;
	if (rq->exec)
		return KMEMLAB_MAP_EXEC;
	if (!rq->shared)
		return KMEMLAB_MAP_PRIVATE;
	if (rq->pgoff >= rq->alloc_pages)
		return KMEMLAB_MAP_OFFSET;
	/* Not pgoff + pages, which can wrap. */
	if (rq->pages > rq->alloc_pages - rq->pgoff)
		return KMEMLAB_MAP_LENGTH;
	return KMEMLAB_MAP_GRANTED;
}

/*
 * EPERM as for a noexec mount; ENXIO, POSIX's "addresses in the range
 * are invalid for the object"; EINVAL for the rest.
 */
int kmemlab_map_errno(enum kmemlab_map_refusal r)
{
	switch (r) {
	case KMEMLAB_MAP_GRANTED:
		return 0;
	case KMEMLAB_MAP_EXEC:
		return -EPERM;
	case KMEMLAB_MAP_OFFSET:
	case KMEMLAB_MAP_LENGTH:
		return -ENXIO;
	default:
		return -EINVAL;
	}
}

/* "kmalloc(SIZE): P pages, mappable" or "kmalloc(SIZE) ... not mappable: WHY". */
static int map_describe(char *buf, size_t len, const char *what, size_t size,
			unsigned long offset, size_t page_size, const char *sep)
{
	switch (kmemlab_map_fit(offset, size, page_size)) {
	case KMEMLAB_MAP_FITS:
		return scnprintf(buf, len, "%s(%zu): %zu pages, mappable", what,
				 size, size / page_size);
	case KMEMLAB_MAP_UNALIGNED:
		return scnprintf(buf, len,
				 "%s(%zu)%snot mappable: it starts at byte %lu of a page: a process would see the memory before it",
				 what, size, sep, offset);
	default:
		return scnprintf(buf, len,
				 "%s(%zu)%snot mappable: it is not a whole number of pages: a process would see the memory past its end",
				 what, size, sep);
	}
}

int kmemlab_map_title(char *buf, size_t len, const char *what, size_t size,
		      unsigned long offset, size_t page_size)
{
	int n = map_describe(buf, len, what, size, offset, page_size, ": ");

	return n + scnprintf(buf + n, len - n, "\n");
}

int kmemlab_map_header_line(char *buf, size_t len)
{
	return scnprintf(buf, len, MAP_COLS, "page", "pfn", "holds", "alloc",
			 "hpage", "hpfn", "stamp", "sum");
}

static const char *map_writer_name(u32 writer)
{
	if (writer == KMEMLAB_MAP_KERNEL)
		return "kernel";
	if (writer == KMEMLAB_MAP_USER)
		return "user";
	return "?";
}

int kmemlab_map_row(char *buf, size_t len, unsigned long page,
		    unsigned long pfn, const void *data, size_t page_size)
{
	char alloc[12], hpage[24], hpfn[24], stamp[24];
	struct kmemlab_map_header h;
	enum kmemlab_map_state s;

	s = kmemlab_map_read(data, page_size, &h);
	if (s == KMEMLAB_MAP_NONE)
		return scnprintf(buf, len, MAP_ROW, page, pfn, "none", "-", "-",
				 "-", "-", "-");
	snprintf(alloc, sizeof(alloc), "%u", h.alloc);
	snprintf(hpage, sizeof(hpage), "%llu", (unsigned long long)h.page);
	snprintf(hpfn, sizeof(hpfn), "%llu", (unsigned long long)h.pfn);
	snprintf(stamp, sizeof(stamp), "%llu", (unsigned long long)h.stamp);
	return scnprintf(buf, len, MAP_ROW, page, pfn, map_writer_name(h.writer),
			 alloc, hpage, hpfn, stamp,
			 s == KMEMLAB_MAP_OK ? "ok" : "bad");
}

static int map_why(char *buf, size_t len, const struct kmemlab_map_request *rq,
		   enum kmemlab_map_refusal r, const char *what, size_t size,
		   unsigned long offset, size_t page_size)
{
	switch (r) {
	case KMEMLAB_MAP_UNMAPPABLE:
		return map_describe(buf, len, what, size, offset, page_size, " is ");
	case KMEMLAB_MAP_EXEC:
		return scnprintf(buf, len,
				 "PROT_EXEC: kernel memory is never executable from user space");
	case KMEMLAB_MAP_PRIVATE:
		return scnprintf(buf, len,
				 "MAP_PRIVATE: a private copy would hide the writes of the process from the kernel; use MAP_SHARED");
	case KMEMLAB_MAP_OFFSET:
		return scnprintf(buf, len, "it starts past the end of the %lu page(s) of %s(%zu)",
				 rq->alloc_pages, what, size);
	case KMEMLAB_MAP_LENGTH:
		return scnprintf(buf, len, "it runs past the end of the %lu page(s) of %s(%zu)",
				 rq->alloc_pages, what, size);
	default:
		return scnprintf(buf, len, "granted");
	}
}

int kmemlab_map_refusal_line(char *buf, size_t len, unsigned int index,
			     const struct kmemlab_map_request *rq,
			     enum kmemlab_map_refusal r, const char *what,
			     size_t size, unsigned long offset, size_t page_size)
{
	int n;

	n = scnprintf(buf, len, "map/%u: mmap of %lu page(s) from page %lu refused: ",
		      index, rq->pages, rq->pgoff);
	n += map_why(buf + n, len - n, rq, r, what, size, offset, page_size);
	return n + scnprintf(buf + n, len - n, "\n");
}
