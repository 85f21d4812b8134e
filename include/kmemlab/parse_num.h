/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Numbers as kmemlab's parameters and writable files take them: decimal,
 * or hexadecimal after "0x" where the caller allows it.  No sign, no
 * blank, and no leading zero: kstrtoul() with base 0 and memparse() read
 * "010" as octal 8, and base 10 reads it as ten; either way the user
 * meant something else, so it is refused.  Every digit is checked for
 * overflow: nothing wraps.
 */
#ifndef KMEMLAB_PARSE_NUM_H
#define KMEMLAB_PARSE_NUM_H

#include <linux/types.h>

#define KMEMLAB_NUM_HEX		0x1	/* "0x" or "0X", then hex digits */

/*
 * Reads the number at the start of @s into *@val and sets *@end past its
 * last digit (what follows is the caller's to check); on an error *@val
 * is left as it was.
 *
 * Return: 0; -EINVAL if there is no digit (a sign, a blank, "0x" alone),
 * -EDOM for a leading zero, -ERANGE if the value needs more than 64 bits.
 */
int kmemlab_parse_u64(const char *s, unsigned int flags, u64 *val,
		      const char **end);

/*
 * The number of @s with a binary suffix: K, M, G, T, P or E (either
 * case) multiplies it by 2^10 ... 2^60.  -ERANGE also when the product
 * needs more than 64 bits.
 */
int kmemlab_parse_size(const char *s, unsigned int flags, u64 *val,
		       const char **end);

#endif /* KMEMLAB_PARSE_NUM_H */
