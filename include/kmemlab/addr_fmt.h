/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An address as the modules print it: hashed (%p) unless the user asked
 * for raw ones with show_addrs=1, and then as %px prints it: no 0x, 16
 * hex digits on 64-bit.
 */
#ifndef KMEMLAB_ADDR_FMT_H
#define KMEMLAB_ADDR_FMT_H

#include <linux/types.h>

/* Room for either, NUL included ("(____ptrval____)" before the hash key). */
#define KMEMLAB_ADDR_MAX	24

/* Returns the length written, excluding the NUL. */
int kmemlab_addr_format(char *buf, size_t len, const void *p, bool show_addrs);

#endif /* KMEMLAB_ADDR_FMT_H */
