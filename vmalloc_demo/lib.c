// SPDX-License-Identifier: GPL-2.0
/*
 * The pure helpers of lib/ that vmalloc_demo links, compiled as one unit of
 * this module: kbuild must not build one object into two modules.
 */
#include "../lib/addr_fmt.c"
#include "../lib/buddy_math.c"
#include "../lib/kmalloc_class.c"
#include "../lib/map_page.c"
#include "../lib/parse_num.c"
#include "../lib/pfn_runs.c"
#include "../lib/size_list.c"
#include "../lib/vmalloc_row.c"
