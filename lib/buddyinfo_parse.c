// SPDX-License-Identifier: GPL-2.0
/*
 * Parses a /proc/buddyinfo line back into counts, for tools that read
 * /proc/buddyinfo or buddy_probe's twin.  No module links it.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kmemlab/buddyinfo_fmt.h>

static const char *skip_blanks(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* Decimal digits at *@p into @val; *@p is left after them. */
static int parse_digits(const char **p, unsigned long *val)
{
	const char *s = *p;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	for (*val = 0; *s >= '0' && *s <= '9'; s++) {
		if (*val > (ULONG_MAX - (*s - '0')) / 10)
			return -ERANGE;
		*val = *val * 10 + (*s - '0');
	}
	*p = s;
	return 0;
}

static int parse_nid(const char **p, int *nid)
{
	bool neg = **p == '-';
	unsigned long val;
	int ret;

	*p += neg;
	ret = parse_digits(p, &val);
	if (ret)
		return ret;
	if (val > (unsigned long)INT_MAX + neg)
		return -ERANGE;
	*nid = neg ? (int)-(long)val : (int)val;
	return 0;
}

/**
 * kmemlab_buddyinfo_parse() - parse one /proc/buddyinfo line
 * @line: "Node 0, zone   Normal      3      1 ...", newline optional
 * @zc: filled with the node id, the zone name (@name) and the counts
 * @name: receives the zone name, NUL-terminated
 * @name_size: size of @name
 *
 * Return: 0; -EINVAL if @line is not such a line, has more than
 * KMEMLAB_MAX_ORDERS counts or a zone name that does not fit @name;
 * -ERANGE if a number does not fit.
 */
int kmemlab_buddyinfo_parse(const char *line, struct kmemlab_zone_counts *zc,
			    char *name, size_t name_size)
{
	const char *p = line;
	size_t len;
	int ret;

	if (strncmp(p, "Node ", 5))
		return -EINVAL;
	p += 5;
	ret = parse_nid(&p, &zc->nid);
	if (ret)
		return ret;
	if (strncmp(p, ", zone ", 7))
		return -EINVAL;
	p = skip_blanks(p + 7);
	len = strcspn(p, "\n ");
	if (!len || len >= name_size || p[len] != ' ')
		return -EINVAL;
	memcpy(name, p, len);
	name[len] = '\0';
	zc->zone = name;
	p += len;

	for (zc->nr_orders = 0; *(p = skip_blanks(p)) && *p != '\n';
	     zc->nr_orders++) {
		if (zc->nr_orders == KMEMLAB_MAX_ORDERS)
			return -EINVAL;
		ret = parse_digits(&p, &zc->nr_free[zc->nr_orders]);
		if (ret)
			return ret;
		if (*p && *p != ' ' && *p != '\n')
			return -EINVAL;
	}
	/* Nothing may follow the newline. */
	return *p && p[1] ? -EINVAL : 0;
}
