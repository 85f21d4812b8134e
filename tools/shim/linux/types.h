/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/types.h>, as much as lib/ needs. */
#ifndef _KMEMLAB_SHIM_LINUX_TYPES_H
#define _KMEMLAB_SHIM_LINUX_TYPES_H

/* C library headers include the UAPI header of this name: keep it. */
#include_next <linux/types.h>
/* Kbuild gives every file these, through compiler_types.h. */
#include <linux/compiler_attributes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef unsigned long long u64;

#define BITS_PER_LONG	(__SIZEOF_LONG__ * 8)

#endif
