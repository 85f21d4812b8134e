/* SPDX-License-Identifier: GPL-2.0 */
/*
 * buddy_probe's fallbacks file: the kernel's mm_page_alloc_extfrag events
 * counted in a table, a cell per combination of the event's fields, and
 * printed one line per cell seen.
 */
#ifndef KMEMLAB_FALLBACK_FMT_H
#define KMEMLAB_FALLBACK_FMT_H

#include <linux/types.h>

/* One event's fields, as include/trace/events/kmem.h names them. */
struct kmemlab_fallback_key {
	int alloc_order;		/* the order asked for */
	int fallback_order;		/* the order of the block taken */
	int from;			/* fallback_migratetype: its free list */
	int to;				/* alloc_migratetype: the type asked for */
	bool change_ownership;		/* the pageblock now has type @to */
};

size_t kmemlab_fallback_cells(unsigned int nr_orders, unsigned int nr_types);
long kmemlab_fallback_cell(const struct kmemlab_fallback_key *key,
			   unsigned int nr_orders, unsigned int nr_types);
void kmemlab_fallback_key_of(size_t cell, unsigned int nr_orders,
			     unsigned int nr_types,
			     struct kmemlab_fallback_key *key);

#define KMEMLAB_FALLBACK_HEADER						\
	"alloc_order fallback_order         from           to change_ownership      count\n"
/* What the file says, alone, where the kernel has no such event. */
#define KMEMLAB_FALLBACK_MISSING					\
	"not counted: this kernel has no mm_page_alloc_extfrag tracepoint\n"
/* A row: the header's widths, 12-character type names, a 20-digit count. */
#define KMEMLAB_FALLBACK_ROW_MAX	96

int kmemlab_fallback_row(char *buf, size_t size,
			 const struct kmemlab_fallback_key *key,
			 const char *from, const char *to,
			 unsigned long count);

/*
 * The whole file, from a table the caller reads for it: @count(@ctx, cell)
 * is a cell's count, @type_name(type) a migrate type's name; events that
 * had no cell are @unclassified.  Each line goes to @emit(@out, line).
 */
struct kmemlab_fallback_table {
	bool found;			/* the tracepoint exists */
	unsigned int nr_orders;
	unsigned int nr_types;
	unsigned long unclassified;
	unsigned long (*count)(const void *ctx, size_t cell);
	const char *(*type_name)(unsigned int type);
	const void *ctx;
};

unsigned long kmemlab_fallback_show(const struct kmemlab_fallback_table *t,
				    void (*emit)(void *out, const char *line),
				    void *out);

#endif /* KMEMLAB_FALLBACK_FMT_H */
