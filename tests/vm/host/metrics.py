#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Host side of tests/vm/96-metrics.sh: parses buddy_probe's metrics with
prometheus_client's text parser (Debian's python3-prometheus-client) and
holds every value to the kernel's own files, read in the same cat.

usage: metrics.py ARTIFACTS PROFILE; prints TAP lines, exits 1 on failure.
"""
import re
import sys

from prometheus_client.parser import text_string_to_metric_families

FAMILIES = {
    "node_buddyinfo_blocks": ("node", "zone", "size"),
    "kmemlab_free_blocks": ("node", "zone", "order", "type"),
    "kmemlab_unusable_index": ("node", "zone", "order"),
    "kmemlab_extfrag_index": ("node", "zone", "order"),
    "kmemlab_pageblocks": ("node", "zone", "type"),
    "node_zoneinfo_nr_free_pages": ("node", "zone"),
    "node_zoneinfo_min_pages": ("node", "zone"),
    "node_zoneinfo_low_pages": ("node", "zone"),
    "node_zoneinfo_high_pages": ("node", "zone"),
    "kmemlab_watermark_boost_pages": ("node", "zone"),
    "kmemlab_pcp_pages": ("node", "zone"),
}

# node_exporter's zoneinfo collector (collector/zoneinfo_linux.go): the
# help of the families whose names it has, and the /proc/zoneinfo line
# each is read from ("count:" lines summed over the zone's CPUs).
NODE_EXPORTER_HELP = {
    "node_zoneinfo_nr_free_pages": "Total number of free pages in the zone",
    "node_zoneinfo_min_pages": "Zone watermark pages_min",
    "node_zoneinfo_low_pages": "Zone watermark pages_low",
    "node_zoneinfo_high_pages": "Zone watermark pages_high",
}
ZONEINFO_LINES = {
    "node_zoneinfo_nr_free_pages": "pages free",
    "node_zoneinfo_min_pages": "min",
    "node_zoneinfo_low_pages": "low",
    "node_zoneinfo_high_pages": "high",
    "kmemlab_watermark_boost_pages": "boost",
    "kmemlab_pcp_pages": "count:",
}


def sections(text):
    """{file: [lines]} of the "--kmemlab-file NAME--" sections; a second
    section of the same file is stored under NAME#2."""
    out, name = {}, None
    for line in text.splitlines():
        m = re.fullmatch(r"--kmemlab-file (.*)--", line)
        if m:
            name = m.group(1)
            if name in out:
                name += "#2"
            out[name] = []
        elif name:
            out[name].append(line)
    return out


def per_order(lines, value=float):
    """{(node, zone, order): value} of buddyinfo-format lines
    ("Node 0, zone   Normal  1  2 ..."), the index files included."""
    cells = {}
    for line in lines:
        f = line.split()
        for order, v in enumerate(f[4:]):
            cells[(f[1].rstrip(","), f[3], str(order))] = value(v)
    return cells


def per_type(lines):
    """{(node, zone, order, type): count} of /proc/pagetypeinfo's "Free
    pages count per migrate type" sections; ">100000" counts as 100000."""
    cells, on = {}, False
    for line in lines:
        if line.startswith("Free pages count per migrate type"):
            on = True
        elif on and re.match(r"Node +\d+, zone +\S+, type ", line):
            f = line.replace(",", " ").split()
            for order, v in enumerate(f[6:]):
                cells[(f[1], f[3], str(order), f[5])] = float(v.lstrip(">"))
        else:
            on = False
    return cells


def per_blocktype(lines):
    """{(node, zone, type): blocks} of /proc/pagetypeinfo's "Number of
    blocks type" sections."""
    cells, names = {}, None
    for line in lines:
        if line.startswith("Number of blocks type"):
            names = line.split()[4:]
        elif names and re.match(r"Node +\d+, zone +\S+ ", line):
            f = line.replace(",", " ").split()
            for name, v in zip(names, f[4:]):
                cells[(f[1], f[3], name)] = float(v)
        else:
            names = None
    return cells


def per_zone(lines, what):
    """{(node, zone): value} of the /proc/zoneinfo line WHAT of each
    populated zone (one with pagesets), summed over its lines."""
    cells, key, pagesets = {}, None, set()
    for line in lines:
        m = re.match(r"Node (\d+), zone +(\S+)$", line)
        if m:
            key = m.groups()
            continue
        f = line.split()
        if f == ["pagesets"]:
            pagesets.add(key)
        elif what == "pages free" and f[:2] == ["pages", "free"]:
            cells[key] = cells.get(key, 0) + float(f[2])
        elif f and f[0] == what and len(f) == 2:
            cells[key] = cells.get(key, 0) + float(f[1])
    return {k: v for k, v in cells.items() if k in pagesets}


class Tap:
    def __init__(self, profile):
        self.n, self.failed, self.profile = 0, 0, profile

    def check(self, desc, ok, diag=""):
        self.n += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {self.profile}: {desc}")
        if not ok:
            self.failed += 1
            for line in str(diag).splitlines()[:20]:
                print(f"# {line}")

    def same(self, desc, got, want):
        diff = [f"{k}: metrics {got.get(k)}, file {want.get(k)}"
                for k in sorted(set(got) | set(want)) if got.get(k) != want.get(k)]
        self.check(f"{desc} ({len(want)} values)", want and not diff,
                   "\n".join(diff) or "no values")


def parse(tap, name, text):
    """The families of TEXT by name, or None if the parser refuses it."""
    try:
        fams = {f.name: f for f in text_string_to_metric_families(text)}
    except ValueError as e:
        tap.check(f"{name} parses as Prometheus text", False, e)
        return None
    tap.check(f"{name} parses as Prometheus text", True)
    return fams


def samples(fam):
    """{label values in FAMILIES order: value}."""
    keys = FAMILIES[fam.name]
    return {tuple(s.labels[k] for k in keys): s.value for s in fam.samples}


def main(artifacts, profile):
    tap = Tap(profile)
    read = sections(open(f"{artifacts}/metrics.read").read())
    fams = parse(tap, "metrics", "\n".join(read["/sys/kernel/debug/buddy_probe/metrics"]) + "\n")
    if fams is not None:
        tap.check("the eleven families, gauges with help, and nothing else",
                  set(fams) == set(FAMILIES) and
                  all(f.type == "gauge" and f.documentation for f in fams.values()),
                  {n: (f.type, f.documentation) for n, f in fams.items()})
        tap.check("each family has exactly its labels",
                  all(set(s.labels) == set(FAMILIES[f.name])
                      for f in fams.values() for s in f.samples))
        tap.check("node_buddyinfo_blocks has node_exporter's help",
                  fams["node_buddyinfo_blocks"].documentation ==
                  "Count of free blocks according to size.")
        tap.same("node_buddyinfo_blocks equals /proc/buddyinfo",
                 samples(fams["node_buddyinfo_blocks"]),
                 per_order(read["/proc/buddyinfo"]))
        tap.same("kmemlab_free_blocks equals /proc/pagetypeinfo",
                 samples(fams["kmemlab_free_blocks"]),
                 per_type(read["/proc/pagetypeinfo"]))
        for index in ("unusable_index", "extfrag_index"):
            tap.same(f"kmemlab_{index} equals extfrag/{index}",
                     samples(fams[f"kmemlab_{index}"]),
                     per_order(read[f"/sys/kernel/debug/extfrag/{index}"]))
        tap.same("kmemlab_pageblocks equals /proc/pagetypeinfo's Number of blocks type",
                 samples(fams["kmemlab_pageblocks"]),
                 per_blocktype(read["/proc/pagetypeinfo"]))
        tap.check("node_zoneinfo_* have node_exporter's help",
                  all(fams[n].documentation == h for n, h in NODE_EXPORTER_HELP.items()),
                  {n: fams[n].documentation for n in NODE_EXPORTER_HELP})
        for name, line in ZONEINFO_LINES.items():
            tap.same(f"{name} equals /proc/zoneinfo's {line}",
                     samples(fams[name]), per_zone(read["/proc/zoneinfo"], line))
    textfile = parse(tap, "buddy-textfile's kmemlab_buddy.prom",
                     open(f"{artifacts}/textfile.prom").read())
    tap.check("buddy-textfile's file has the eleven families",
              textfile is not None and set(textfile) == set(FAMILIES))
    return 1 if tap.failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: metrics.py ARTIFACTS PROFILE")
    sys.exit(main(*sys.argv[1:]))
