// SPDX-License-Identifier: GPL-2.0
/*
 * kmemlab-readall: reads files one after another, for the tests that hold
 * one file's counts to another's, without taking a page between them.
 *
 *   kmemlab-readall FILE...
 *	Reads each FILE whole, in order, into memory touched before the
 *	first read, then prints each after a line "--kmemlab-file FILE--".
 *
 * busybox cat copies with sendfile(), through a pipe whose pages it
 * allocates as it goes, or, for a file that cannot splice (debugfs),
 * through a buffer it maps anew for each file; and its output, a file
 * growing in tmpfs, takes pages too.  Each of those comes off a per-cpu
 * list between two reads, and moves the "count:" of /proc/zoneinfo and
 * what buddy_probe counts.  Here nothing is written until every file is
 * read, and every read lands in pages already in place.
 *
 * Exits 1 if a file cannot be read or the whole does not fit, 2 on a
 * usage error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_FILES	32
#define ROOM		(4 << 20)

static char data[ROOM];

static int write_all(const char *buf, size_t len)
{
	ssize_t n;

	for (; len; buf += n, len -= n) {
		n = write(1, buf, len);
		if (n < 0 && errno == EINTR) {
			n = 0;
			continue;
		}
		if (n <= 0)
			return -1;
	}
	return 0;
}

/* Appends FILE's contents at *used; -1 with a message on failure. */
static int read_file(const char *path, size_t *used)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "kmemlab-readall: %s: %s\n", path, strerror(errno));
		return -1;
	}
	do {
		n = read(fd, data + *used, ROOM - *used);
		if (n > 0)
			*used += n;
	} while ((n > 0 && *used < ROOM) || (n < 0 && errno == EINTR));
	close(fd);
	if (n < 0 || *used == ROOM) {
		fprintf(stderr, "kmemlab-readall: %s: %s\n", path,
			n < 0 ? strerror(errno) : "more than 4 MiB in all");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	size_t start[MAX_FILES + 1], used = 0;
	int i;

	if (argc < 2 || argc - 1 > MAX_FILES) {
		fprintf(stderr, "usage: kmemlab-readall FILE... (at most %d)\n",
			MAX_FILES);
		return 2;
	}
	/*
	 * Every page the reads will land in, in place before the first: a
	 * byte that is not the zero the array starts with, so that the
	 * stores are made.
	 */
	memset(data, '-', sizeof(data));
	for (i = 1; i < argc; i++) {
		start[i - 1] = used;
		if (read_file(argv[i], &used))
			return 1;
	}
	start[argc - 1] = used;
	for (i = 1; i < argc; i++) {
		printf("--kmemlab-file %s--\n", argv[i]);
		fflush(stdout);
		if (write_all(data + start[i - 1], start[i] - start[i - 1]))
			return 1;
	}
	return 0;
}
