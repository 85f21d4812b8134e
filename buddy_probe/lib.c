// SPDX-License-Identifier: GPL-2.0
/*
 * The pure helpers of lib/ that buddy_probe links, compiled as one unit of
 * this module: kbuild must not build one object into two modules.
 */
#include "../lib/buddy_math.c"
#include "../lib/buddyinfo_fmt.c"
#include "../lib/cmd_line.c"
#include "../lib/fallback_fmt.c"
#include "../lib/frag_index.c"
#include "../lib/free_area_predict.c"
#include "../lib/migratetype_names.c"
#include "../lib/pageblock.c"
#include "../lib/pageblock_fmt.c"
#include "../lib/pages_cmd.c"
#include "../lib/parse_num.c"
#include "../lib/snapshot_delta.c"
#include "../lib/watermark.c"
