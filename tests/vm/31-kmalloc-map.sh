# SPDX-License-Identifier: GPL-2.0
# kmalloc_demo's map/N files: each object that starts a page and is a
# whole number of pages is mapped into a process (kmemmap), and the
# frames the process finds through /proc/self/pagemap are the report's,
# page for page (its pfn, by virt_to_phys(), plus the page number); the
# pattern the module wrote is read through the mapping, and what the
# process writes is what the module reads back.  Every other request is
# refused with its errno and one line in the log: an object that shares
# its pages, a mapping longer than the object or starting past its end,
# PROT_EXEC (at mmap(), and by mprotect() after), MAP_PRIVATE, an index
# the module does not hold.
# shellcheck source=tests/vm/lib-map.sh
. /tests/lib-map.sh

R=$DBG/kmalloc_demo/report
M=$DBG/kmalloc_demo/map

# The report's rows as "index size offset pfn", index from 0.
rows() {
	cols "$R" size offset pfn | awk '{ print NR - 1, $0 }'
}

# mappable SIZE OFFSET: the object starts a page and is whole pages.
mappable() {
	[ "$2" -eq 0 ] && [ $(($1 % 4096)) -eq 0 ]
}

# titles_agree: map/N's first line says mappable exactly for the objects
# the report shows at offset 0 with a size of whole pages, and why not
# for the others.
titles_agree() {
	bad=0
	while read -r i size offset pfn <&3; do
		t=$(head -n 1 "$M/$i")
		if mappable "$size" "$offset"; then
			want="kmalloc($size): $((size / 4096)) pages, mappable"
		elif [ "$offset" -ne 0 ]; then
			want="kmalloc($size): not mappable: it starts at byte $offset of a page"
		else
			want="kmalloc($size): not mappable: it is not a whole number of pages"
		fi
		case $t in
		"$want"*) ;;
		*) echo "map/$i: '$t', wanted '$want...'"; bad=1 ;;
		esac
	done 3</tmp/rows
	return $bad
}

# contiguous PFN PAGES: PFN, PFN + 1, ... one a line.
contiguous() {
	awk -v pfn="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) print pfn + i }'
}

dmesg_mark
check "defaults: insmod" insmod "$KO/kmalloc_demo.ko" iterations=1
rows >/tmp/rows
last=$(($(wc -l </tmp/rows) - 1))
check "map/ has one file per report row, each mode 0600" \
	test "$(stat -c %a "$M"/* | grep -c '^600$')" -eq $((last + 1))
check "map/N's first line says which objects are mappable, and why not the others" titles_agree
mapped=0
while read -r i size offset pfn <&3; do
	mappable "$size" "$offset" || continue
	mapped=$((mapped + 1))
	pages=$((size / 4096))
	contiguous "$pfn" "$pages" >/tmp/want
	check "map/$i, kmalloc($size): the module's pattern in each of its $pages page(s)" \
		kernel_pattern "$M/$i" "$i"
	map_pfns "$M/$i" >/tmp/pfns
	check "map/$i: its frames are the report's pfn and the ones after it" cmp /tmp/want /tmp/pfns
	check "map/$i: no frame is free in the buddy allocator (kpageflags)" \
		frames_flag $KPF_BUDDY 0 "$pfn" "$pages"
	kmemmap kmalloc "$i" >"/tmp/map.$i" 2>&1
	check "kmemmap kmalloc $i exits 0" test $? -eq 0
	check "kmemmap kmalloc $i: pagemap finds the report's frames; the pattern crosses both ways" \
		mapped_ok "/tmp/map.$i" /tmp/want
	pid=$(kmemmap_pid "/tmp/map.$i")
	check "map/$i after kmemmap: the module reads pid $pid's pattern, with the frames pagemap gave it" \
		user_pattern "$M/$i" "$i" "$pid"
done 3</tmp/rows
# Of the default sizes, 4096 and 8192 (slab caches), 16384 and 4M (pages).
check "4 of the default objects were mapped" test "$mapped" -eq 4
echo "    # kmemlab-figure kmalloc_objects_mapped=$mapped"

# The 4 MiB object is the last row.
check "a part of the 4 MiB object, 2 pages from page 1" exits 0 kmemmap -o 1 -n 2 kmalloc "$last"
check "a mapping one page longer than the object is refused" \
	map_refused kmalloc_demo "No such device or address" \
	"it runs past the end of the 1024 page(s) of kmalloc(4194304)" -n 1025 kmalloc "$last"
check "2 pages from its last page is refused" \
	map_refused kmalloc_demo "No such device or address" "it runs past the end" \
	-o 1023 -n 2 kmalloc "$last"
check "a mapping at an offset past its end is refused" \
	map_refused kmalloc_demo "No such device or address" \
	"it starts past the end of the 1024 page(s)" -o 1024 -n 1 kmalloc "$last"
check "an offset far past its end is refused" \
	map_refused kmalloc_demo "No such device or address" "it starts past the end" \
	-o 4000000000 -n 1 kmalloc "$last"
check "PROT_EXEC is refused" \
	map_refused kmalloc_demo "Operation not permitted" \
	"PROT_EXEC: kernel memory is never executable" --exec kmalloc "$last"
check "MAP_PRIVATE is refused" \
	map_refused kmalloc_demo "Invalid argument" "MAP_PRIVATE: a private copy" \
	--private kmalloc "$last"
while read -r i size offset pfn <&3; do
	mappable "$size" "$offset" && continue
	check "map/$i, kmalloc($size) at byte $offset of its page: mmap is refused, and says why" \
		map_refused kmalloc_demo "Invalid argument" "kmalloc($size) is not mappable: it" \
		kmalloc "$i"
done 3</tmp/rows
check "an index the module does not hold: no such file, exit 3" no_alloc kmalloc $((last + 1))
check "a write to map/$last fails with EINVAL" no_write "$M/$last"
check "rmmod" rmmod kmalloc_demo
check "after rmmod: no map/ file" no_alloc kmalloc 0
check "no warning, BUG or oops" dmesg_clean
