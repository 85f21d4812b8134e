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
        tap.check("the four families, gauges with help, and nothing else",
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
    textfile = parse(tap, "buddy-textfile's kmemlab_buddy.prom",
                     open(f"{artifacts}/textfile.prom").read())
    tap.check("buddy-textfile's file has the four families",
              textfile is not None and set(textfile) == set(FAMILIES))
    return 1 if tap.failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: metrics.py ARTIFACTS PROFILE")
    sys.exit(main(*sys.argv[1:]))
