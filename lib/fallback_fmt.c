// SPDX-License-Identifier: GPL-2.0
/*
 * The fallbacks table of buddy_probe: a flat array of counters, one cell
 * per (alloc order, fallback order, from type, to type, ownership), so
 * that the tracepoint's probe, which runs under zone->lock, only works
 * out an index and increments one counter.  The types are numbered as
 * enum migratetype; the caller names them.
 */
#include <linux/kernel.h>
#include <kmemlab/fallback_fmt.h>

/* Return: how many cells a table for @nr_orders orders and @nr_types types has. */
size_t kmemlab_fallback_cells(unsigned int nr_orders, unsigned int nr_types)
{
	return (size_t)nr_orders * nr_orders * nr_types * nr_types * 2;
}

/**
 * kmemlab_fallback_cell() - where an event is counted
 * @key: the event's fields
 * @nr_orders: orders in the table
 * @nr_types: migrate types in the table
 *
 * Return: the cell's index, or -1 when a field is out of the table (the
 * caller counts such an event apart, so that nothing is lost).
 */
long kmemlab_fallback_cell(const struct kmemlab_fallback_key *key,
			   unsigned int nr_orders, unsigned int nr_types)
{
	if (key->alloc_order < 0 || key->alloc_order >= (int)nr_orders ||
	    key->fallback_order < 0 || key->fallback_order >= (int)nr_orders ||
	    key->from < 0 || key->from >= (int)nr_types ||
	    key->to < 0 || key->to >= (int)nr_types)
		return -1;
	return (((((long)key->alloc_order * nr_orders + key->fallback_order) *
		  nr_types + key->from) * nr_types + key->to) * 2) +
	       key->change_ownership;
}

/* The inverse of kmemlab_fallback_cell(), for a @cell in the table. */
void kmemlab_fallback_key_of(size_t cell, unsigned int nr_orders,
			     unsigned int nr_types,
			     struct kmemlab_fallback_key *key)
{
	key->change_ownership = cell % 2;
	cell /= 2;
	key->to = cell % nr_types;
	cell /= nr_types;
	key->from = cell % nr_types;
	cell /= nr_types;
	key->fallback_order = cell % nr_orders;
	key->alloc_order = cell / nr_orders;
}

/**
 * kmemlab_fallback_row() - one line of the fallbacks file
 * @buf: destination, NUL-terminated
 * @size: its size; KMEMLAB_FALLBACK_ROW_MAX suffices
 * @key: the cell's fields
 * @from: the name of @key->from, as /proc/pagetypeinfo spells it
 * @to: the name of @key->to
 * @count: the events counted in the cell
 *
 * The columns line up under KMEMLAB_FALLBACK_HEADER; change_ownership is
 * 0 or 1, as the event prints it.  Return: the characters written.
 */
int kmemlab_fallback_row(char *buf, size_t size,
			 const struct kmemlab_fallback_key *key,
			 const char *from, const char *to,
			 unsigned long count)
{
	return scnprintf(buf, size, "%11d %14d %12s %12s %16d %10lu\n",
			 key->alloc_order, key->fallback_order, from, to,
			 key->change_ownership, count);
}

/**
 * kmemlab_fallback_show() - the fallbacks file, line by line
 * @t: the table, and how to read it
 * @emit: called with each line, newline included
 * @out: passed to @emit
 *
 * Without the tracepoint, one line says so and nothing else follows.
 * Otherwise: the header, a row per cell with a count (each cell read
 * once), "unclassified N" when events fell outside the table, and
 * "total N", the sum of what was printed above it.
 *
 * Return: the total (0 without the tracepoint).
 */
unsigned long kmemlab_fallback_show(const struct kmemlab_fallback_table *t,
				    void (*emit)(void *out, const char *line),
				    void *out)
{
	size_t cell, cells = kmemlab_fallback_cells(t->nr_orders, t->nr_types);
	char line[KMEMLAB_FALLBACK_ROW_MAX];
	struct kmemlab_fallback_key key;
	unsigned long n, total = 0;

	if (!t->found) {
		emit(out, KMEMLAB_FALLBACK_MISSING);
		return 0;
	}
	emit(out, KMEMLAB_FALLBACK_HEADER);
	for (cell = 0; cell < cells; cell++) {
		n = t->count(t->ctx, cell);
		if (!n)
			continue;
		kmemlab_fallback_key_of(cell, t->nr_orders, t->nr_types, &key);
		kmemlab_fallback_row(line, sizeof(line), &key,
				     t->type_name(key.from),
				     t->type_name(key.to), n);
		emit(out, line);
		total += n;
	}
	if (t->unclassified) {
		scnprintf(line, sizeof(line), "unclassified %lu\n",
			  t->unclassified);
		emit(out, line);
		total += t->unclassified;
	}
	scnprintf(line, sizeof(line), "total %lu\n", total);
	emit(out, line);
	return total;
}
