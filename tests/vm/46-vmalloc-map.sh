# SPDX-License-Identifier: GPL-2.0
# vmalloc_demo's map/N files: each area is mapped into a process
# (kmemmap), page by page, and the frames the process finds through
# /proc/self/pagemap are those of vmalloc_demo's pfns file, page for page,
# in the runs its report counts; the pattern the module wrote is read
# through the mapping, and what the process writes is what the module
# reads back.  While mapped, and only then, /proc/kpageflags counts the
# frames as mapped into a process (KPF_MMAP: vm_insert_page() takes a
# map count).  Every other request is refused with its errno and one line
# in the log: an area that is not a whole number of pages, a mapping
# longer than the area or starting past its end, PROT_EXEC (at mmap(),
# and by mprotect() after), MAP_PRIVATE, an index the module does not
# hold.
# shellcheck source=tests/vm/lib-map.sh
. /tests/lib-map.sh

R=$DBG/vmalloc_demo/report
P=$DBG/vmalloc_demo/pfns
M=$DBG/vmalloc_demo/map

# pfns_of I: the frames of area I, from the pfns file, one a line.
pfns_of() {
	awk -v i="$1" 'NR > 1 && $1 == i { print $3 }' "$P"
}

# runs_agree OUT I: kmemmap's runs summary is the report's for area I.
runs_agree() {
	want=$(cols "$R" runs longest | sed -n "$(($2 + 1))p")
	line=$(grep "run(s), longest" "$1")
	has "$line" "; vmalloc_demo's report: ${want% *} run(s), longest ${want#* } page(s): same"
}

check "defaults: insmod" insmod "$KO/vmalloc_demo.ko" iterations=1
check "map/ has one file per area, each mode 0600" \
	test "$(stat -c %a "$M"/* | tr '\n' ' ')" = "600 600 600 "
mapped=0
for i in 0 1 2; do
	size=$(cols "$R" size | sed -n "$((i + 1))p")
	pages=$((size / 4096))
	pfns_of $i >/tmp/want
	check "map/$i: vmalloc($size): $pages pages, mappable" \
		test "$(head -n 1 "$M/$i")" = "vmalloc($size): $pages pages, mappable"
	check "map/$i: the module's pattern in each page" kernel_pattern "$M/$i" $i
	map_pfns "$M/$i" >/tmp/pfns
	check "map/$i: the frames of the pfns file, page for page" cmp /tmp/want /tmp/pfns
	check "map/$i: no process maps its frames yet (no KPF_MMAP)" \
		frames_flag_list $KPF_MMAP 0 /tmp/want
	kmemmap vmalloc $i >"/tmp/map.$i" 2>&1
	check "kmemmap vmalloc $i exits 0" test $? -eq 0
	check "kmemmap vmalloc $i: pagemap finds the pfns file's frames; the pattern crosses both ways" \
		mapped_ok "/tmp/map.$i" /tmp/want
	check "kmemmap vmalloc $i: the runs of its frames are the report's" runs_agree "/tmp/map.$i" $i
	pid=$(kmemmap_pid "/tmp/map.$i")
	check "map/$i after kmemmap: the module reads pid $pid's pattern, with the frames pagemap gave it" \
		user_pattern "$M/$i" $i "$pid"
	check "map/$i: kmemmap has exited, and no process maps its frames (no KPF_MMAP)" \
		frames_flag_list $KPF_MMAP 0 /tmp/want
	mapped=$((mapped + pages))
done
echo "    # kmemlab-figure vmalloc_pages_mapped=$mapped"

check "a part of the 1 MiB area, 3 pages from page 100" exits 0 kmemmap -o 100 -n 3 vmalloc 1
check "a mapping one page longer than the area is refused" \
	map_refused vmalloc_demo "No such device or address" \
	"it runs past the end of the 256 page(s) of vmalloc(1048576)" -n 257 vmalloc 1
check "2 pages from its last page is refused" \
	map_refused vmalloc_demo "No such device or address" "it runs past the end" \
	-o 255 -n 2 vmalloc 1
check "a mapping at an offset past its end is refused" \
	map_refused vmalloc_demo "No such device or address" \
	"it starts past the end of the 256 page(s)" -o 256 vmalloc 1
check "PROT_EXEC is refused" \
	map_refused vmalloc_demo "Operation not permitted" \
	"PROT_EXEC: kernel memory is never executable" --exec vmalloc 1
check "MAP_PRIVATE is refused" \
	map_refused vmalloc_demo "Invalid argument" "MAP_PRIVATE: a private copy" \
	--private vmalloc 1
check "an index the module does not hold: no such file, exit 3" no_alloc vmalloc 3
check "a write to map/1 fails with EINVAL" no_write "$M/1"
check "rmmod" rmmod vmalloc_demo

check "sizes=8K,5000: insmod" insmod "$KO/vmalloc_demo.ko" sizes=8K,5000 iterations=1
check "map/1, vmalloc(5000): not mappable, not a whole number of pages" \
	test "$(head -n 1 "$M/1")" = "vmalloc(5000): not mappable: it is not a whole number of pages: a process would see the memory past its end"
check "map/1: mmap is refused, and says why" \
	map_refused vmalloc_demo "Invalid argument" \
	"vmalloc(5000) is not mappable: it is not a whole number of pages" vmalloc 1
check "map/0 still maps" exits 0 kmemmap vmalloc 0
check "rmmod" rmmod vmalloc_demo
check "after rmmod: no map/ file" no_alloc vmalloc 0
check "no warning, BUG or oops" dmesg_clean
