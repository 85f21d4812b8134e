/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place where kmemlab meets differences between kernels: their
 * versions, configurations and architectures.
 *
 * Kernel glue includes this header; pure helpers (lib/) never do, so
 * that they build unchanged under KUnit/UML and in userspace.
 */
#ifndef KMEMLAB_COMPAT_H
#define KMEMLAB_COMPAT_H

#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/pageblock-flags.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/tracepoint.h>
#include <linux/version.h>
#include <kmemlab/kmalloc_class.h>
#include <kmemlab/pageblock.h>
#include <kmemlab/pfn_runs.h>

/*
 * Number of buddy orders, i.e. entries in zone->free_area[].  MAX_ORDER
 * was exclusive until 6.3, became inclusive in 6.4, and NR_PAGE_ORDERS
 * took its place in 6.8.  The array's own size is right on all of them.
 */
#define KMEMLAB_NR_ORDERS	ARRAY_SIZE(((struct zone *)0)->free_area)

/*
 * The kmalloc cache type for @gfp.  6.6 gave kmalloc_type() the call site,
 * which picks one of the CONFIG_RANDOM_KMALLOC_CACHES copies
 * ("kmalloc-rnd-NN-"), and defined RANDOM_KMALLOC_CACHES_NR with them;
 * 7.2 renamed them KMALLOC_PARTITION_CACHES and passes a kmalloc_token_t
 * instead.  All copies have the same object size, and the names below
 * are those of kernels without them (Debian's 6.1 to 7.3).
 */
#if defined(KMALLOC_PARTITION_CACHES_NR)
#define kmemlab_kmalloc_type(gfp)	kmalloc_type(gfp, __kmalloc_token(0))
#elif defined(RANDOM_KMALLOC_CACHES_NR)
#define kmemlab_kmalloc_type(gfp)	kmalloc_type(gfp, _THIS_IP_)
#else
#define kmemlab_kmalloc_type(gfp)	kmalloc_type(gfp)
#endif

/*
 * The cache kmalloc() takes objects from, for a size of kmalloc class
 * @index (see kmemlab/kmalloc_class.h) and the flags @gfp; NULL if there
 * is none.  struct kmem_cache is mm-internal: only pass it to exported
 * functions such as kmem_cache_size().
 */
static inline struct kmem_cache *kmemlab_kmalloc_cache(unsigned int index,
						       gfp_t gfp)
{
	return kmalloc_caches[kmemlab_kmalloc_type(gfp)][index];
}

/*
 * Copies of the KMALLOC_NORMAL caches, among which kmalloc() picks by its
 * caller's address: CONFIG_RANDOM_KMALLOC_CACHES (6.6, "kmalloc-rnd-NN-")
 * and its successor CONFIG_KMALLOC_PARTITION_CACHES (7.2,
 * "kmalloc-part-NN-"); copy 0 is the plain "kmalloc-".  No exported
 * function names the cache an object came from, so kmemlab cannot tell
 * which copy holds it: "??" says so.  (kmemlab_kmalloc_cache() gives one
 * of them; all copies have the same object size.)
 */
#if defined(KMALLOC_PARTITION_CACHES_NR)
#define KMEMLAB_KMALLOC_COPIES		KMALLOC_PARTITION_CACHES_NR
#define KMEMLAB_KMALLOC_COPY_PREFIX	"kmalloc-part-??-"
#elif defined(RANDOM_KMALLOC_CACHES_NR)
#define KMEMLAB_KMALLOC_COPIES		RANDOM_KMALLOC_CACHES_NR
#define KMEMLAB_KMALLOC_COPY_PREFIX	"kmalloc-rnd-??-"
#else
#define KMEMLAB_KMALLOC_COPIES		0
#define KMEMLAB_KMALLOC_COPY_PREFIX	"kmalloc-"
#endif

/*
 * The name prefix of that cache, as mm/slab_common.c has it.  A type the
 * config lacks is an alias of KMALLOC_NORMAL (the enum's order changed in
 * 6.10, the aliasing did not), so KMALLOC_NORMAL and its copies are
 * tested first.
 */
static inline const char *kmemlab_kmalloc_prefix(gfp_t gfp)
{
	enum kmalloc_cache_type type = kmemlab_kmalloc_type(gfp);

	if (KMEMLAB_KMALLOC_COPIES &&
	    (unsigned int)(type - KMALLOC_NORMAL) <= KMEMLAB_KMALLOC_COPIES)
		return KMEMLAB_KMALLOC_COPY_PREFIX;
	if (type == KMALLOC_NORMAL)
		return "kmalloc-";
	if (type == KMALLOC_DMA)
		return "dma-kmalloc-";
	if (type == KMALLOC_RECLAIM)
		return "kmalloc-rcl-";
	if (type == KMALLOC_CGROUP)
		return "kmalloc-cg-";
	return "?-kmalloc-";
}

/*
 * The order besides those up to PAGE_ALLOC_COSTLY_ORDER that the per-cpu
 * lists take with THP: the pageblock order since 5.19, HPAGE_PMD_ORDER
 * since 6.10 (they differ where pageblocks are smaller than a PMD).
 * Nothing but the version tells them apart.
 */
#if KERNEL_VERSION(6, 10, 0) <= LINUX_VERSION_CODE
#define KMEMLAB_PCP_THP_ORDER	HPAGE_PMD_ORDER
#else
#define KMEMLAB_PCP_THP_ORDER	pageblock_order
#endif

/*
 * Whether alloc_pages() and __free_pages() of @order may be served by the
 * per-cpu page lists rather than free_area[]: mm/page_alloc.c's
 * pcp_allowed_order(), which is static.  Orders up to
 * PAGE_ALLOC_COSTLY_ORDER since 5.13 (only order 0 before), and one
 * more with THP (above); kmemlab builds for 6.1 and later.
 */
static inline bool kmemlab_pcp_order(unsigned int order)
{
	if (order <= PAGE_ALLOC_COSTLY_ORDER)
		return true;
#ifdef CONFIG_TRANSPARENT_HUGEPAGE
	return order == KMEMLAB_PCP_THP_ORDER;
#else
	return false;
#endif
}

/*
 * When no free block of the wanted migrate type is large enough, 6.15 on
 * first try to claim a whole pageblock of another type, largest block
 * first (__rmqueue_claim()), and failing that take the smallest large
 * enough block of another type without its pageblock
 * (__rmqueue_steal()); before, __rmqueue_fallback() took the largest.
 * 6.12.29 took it into 6.12's stable series (Debian 13's kernel).
 * mm/page_alloc.c keeps both static.
 */
#define KMEMLAB_RMQUEUE_CLAIM_STEAL \
	(KERNEL_VERSION(6, 15, 0) <= LINUX_VERSION_CODE || \
	 (KERNEL_VERSION(6, 12, 29) <= LINUX_VERSION_CODE && \
	  KERNEL_VERSION(6, 13, 0) > LINUX_VERSION_CODE))

/*
 * Whether vmalloc() asks the page allocator for blocks of up to
 * MAX_PAGE_ORDER first, each split into single pages, and only then for
 * single pages (vm_area_alloc_pages(), 6.19): an area can then be a few
 * long runs of frames.  Before, small pages came in batches of at most
 * 100 from the bulk allocator.  mm/vmalloc.c keeps it to itself.
 */
#define KMEMLAB_VMALLOC_LARGE_FIRST \
	(KERNEL_VERSION(6, 19, 0) <= LINUX_VERSION_CODE)

/*
 * The frame behind a linear-map address (kmalloc memory).  Where a module
 * may walk the kernel's page tables (x86 exports slow_virt_to_phys()),
 * walk them, so that a claim of physical contiguity is measured rather
 * than assumed; elsewhere fall back to virt_to_phys()'s arithmetic.  Not
 * for vmalloc addresses: use vmalloc_to_pfn() for those.
 */
static inline unsigned long kmemlab_linear_pfn(const void *addr)
{
#ifdef CONFIG_X86
	return PHYS_PFN(slow_virt_to_phys((void *)addr));
#else
	return PHYS_PFN(virt_to_phys(addr));
#endif
}

/* Runs of consecutive frames behind the @len bytes at linear-map address @p. */
static inline unsigned long kmemlab_linear_runs(const void *p, size_t len)
{
	return kmemlab_pfn_runs_walk(PTR_ALIGN_DOWN(p, PAGE_SIZE),
				     kmemlab_pages_spanned(offset_in_page(p),
							   len, PAGE_SHIFT),
				     PAGE_SIZE, kmemlab_linear_pfn);
}

/*
 * Flags of a VMA being mmap()ed.  6.3 made vm_flags read-only outside
 * vm_flags_set() and its kin; VM_LOCKED_MASK came in the same series,
 * and is the macro to test for them.
 */
static inline void kmemlab_vm_flags_mod(struct vm_area_struct *vma,
					vm_flags_t set, vm_flags_t clear)
{
#ifdef VM_LOCKED_MASK
	vm_flags_mod(vma, set, clear);
#else
	vma->vm_flags = (vma->vm_flags | set) & ~clear;
#endif
}

/*
 * Maps frame @pfn at @addr of @vma, a VM_MIXEDMAP mapping, as a special
 * entry: no reference or map count is taken on the frame.
 * vmf_insert_mixed() took a pfn_t until 6.17 removed the type and
 * <linux/pfn_t.h>, which is the test.  sparse cannot evaluate
 * __has_include(): it checks the callers against a declaration, and
 * leaves the call itself to the compiler.
 */
#ifdef __CHECKER__
vm_fault_t kmemlab_insert_mixed(struct vm_area_struct *vma, unsigned long addr,
				unsigned long pfn);
#elif __has_include("linux/pfn_t.h")
#include <linux/pfn_t.h>
static inline vm_fault_t kmemlab_insert_mixed(struct vm_area_struct *vma,
					      unsigned long addr,
					      unsigned long pfn)
{
	return vmf_insert_mixed(vma, addr, pfn_to_pfn_t(pfn));
}
#else
static inline vm_fault_t kmemlab_insert_mixed(struct vm_area_struct *vma,
					      unsigned long addr,
					      unsigned long pfn)
{
	return vmf_insert_mixed(vma, addr, pfn);
}
#endif

struct kmemlab_tracepoint_lookup {
	const char *name;
	struct tracepoint *tp;
};

static inline void kmemlab_tracepoint_match(struct tracepoint *tp, void *priv)
{
	struct kmemlab_tracepoint_lookup *lookup = priv;

	if (!strcmp(tp->name, lookup->name))
		lookup->tp = tp;
}

/*
 * The kernel's tracepoint @name (a module cannot name a tracepoint the
 * kernel does not export), or NULL.  Without CONFIG_TRACEPOINTS,
 * for_each_kernel_tracepoint() is declared but not built.
 */
static inline struct tracepoint *kmemlab_find_tracepoint(const char *name)
{
	struct kmemlab_tracepoint_lookup lookup = { name, NULL };

	if (IS_ENABLED(CONFIG_TRACEPOINTS))
		for_each_kernel_tracepoint(kmemlab_tracepoint_match, &lookup);
	return lookup.tp;
}

/*
 * How this kernel lays out a pageblock's flags (pageblock-flags.h and
 * mm/page_alloc.c).  6.17 gave isolation a bit of its own,
 * PB_migrate_isolate after the three migrate type bits and the compaction
 * skip bit, and rounded NR_PAGEBLOCK_BITS up to a power of two; before,
 * MIGRATE_ISOLATE was one of the values of the three bits.
 */
static inline struct kmemlab_pb_layout kmemlab_pageblock_layout(void)
{
	struct kmemlab_pb_layout l = {
		.block_order = pageblock_order,
		.bits_per_block = NR_PAGEBLOCK_BITS,
#ifdef PAGEBLOCK_ISO_MASK
		.migrate_mask = PAGEBLOCK_MIGRATETYPE_MASK,
		.isolate_mask = PAGEBLOCK_ISO_MASK,
#else
		.migrate_mask = MIGRATETYPE_MASK,
#endif
	};

#if defined(PAGEBLOCK_ISO_MASK) && defined(CONFIG_MEMORY_ISOLATION)
	l.isolate_type = MIGRATE_ISOLATE;
#endif
	return l;
}

/*
 * The bitmap that holds the flags of @pfn's pageblock, and in *@offset
 * the pfn's place in the bitmap's span (mm/page_alloc.c's
 * get_pageblock_bitmap() and pfn_to_bitidx(), which are static): with
 * SPARSEMEM, the memory section's (mem_section is exported), else the
 * zone's.  The caller has checked that @pfn is online, and holds off its
 * removal as mm/vmstat.c does: zone->lock, interrupts off.
 */
static inline const unsigned long *
kmemlab_pageblock_bitmap(struct zone *zone, unsigned long pfn,
			 unsigned long *offset)
{
#ifdef CONFIG_SPARSEMEM
	*offset = pfn & (PAGES_PER_SECTION - 1);
	return section_to_usemap(__pfn_to_section(pfn));
#else
	*offset = pfn - pageblock_start_pfn(zone->zone_start_pfn);
	return zone->pageblock_flags;
#endif
}

/*
 * A CPU's pageset lines of /proc/zoneinfo (mm/vmstat.c,
 * zoneinfo_show_print()).  6.13 added high_min and high_max, fields since
 * 6.7, and widened the other lines to line up with them.  Only a format
 * changed, which no header shows: the version it is.
 */
#define KMEMLAB_PCP_HIGH_MINMAX						\
	(LINUX_VERSION_MAJOR > 6 ||					\
	 (LINUX_VERSION_MAJOR == 6 && LINUX_VERSION_PATCHLEVEL >= 13))

static inline void kmemlab_zoneinfo_pcp(struct seq_file *m, int cpu,
					const struct per_cpu_pages *pcp)
{
#if KMEMLAB_PCP_HIGH_MINMAX
	seq_printf(m,
		   "    cpu: %i\n"
		   "              count:    %i\n"
		   "              high:     %i\n"
		   "              batch:    %i\n"
		   "              high_min: %i\n"
		   "              high_max: %i\n",
		   cpu, READ_ONCE(pcp->count), READ_ONCE(pcp->high),
		   READ_ONCE(pcp->batch), READ_ONCE(pcp->high_min),
		   READ_ONCE(pcp->high_max));
#else
	seq_printf(m,
		   "    cpu: %i\n"
		   "              count: %i\n"
		   "              high:  %i\n"
		   "              batch: %i\n",
		   cpu, READ_ONCE(pcp->count), READ_ONCE(pcp->high),
		   READ_ONCE(pcp->batch));
#endif
}

#endif /* KMEMLAB_COMPAT_H */
