#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The course's Python buddy allocator, for make bench to race buddysim.

Written for kmemlab after the course material's buddy_system class (seed
000), keeping its data structures and its algorithm, so that the race is
against that design, not against a slower or faster rewrite of it:

- the free blocks are a dict from block size to a list of addresses;
- an allocation scans sorted(dict keys) for the smallest size with a
  free block, takes the list's first address (pop(0)) and splits,
  appending each upper half to its size's list;
- a free appends the block, then merges while the buddy's address is in
  the list of its size (a membership test, then two list removals);
- a request that does not fit waits, and every free retries all waiting
  requests in order.

It reads buddysim's commands (init, alloc, free; docs/buddysim.md) on
stdin and prints buddysim's answers, so that make bench can check that
both computed the same thing.
"""
import sys


class SeedBuddy:
    def __init__(self, total, minimum):
        if total <= 0 or total & (total - 1):
            raise ValueError("total must be a power of two")
        self.total = total
        self.minimum = minimum
        self.free_lists = {total: [0]}
        self.taken = {}
        self.waiting = []

    def block_size(self, size):
        block = 1
        while block < size:
            block *= 2
        return max(block, self.minimum)

    def alloc(self, ident, size):
        if ident in self.taken:
            raise ValueError("id in use")
        need = self.block_size(size)
        found = None
        for candidate in sorted(self.free_lists.keys()):
            if candidate >= need and self.free_lists[candidate]:
                found = candidate
                break
        if found is None:
            self.waiting.append((ident, size))
            return None
        addr = self.free_lists[found].pop(0)
        if not self.free_lists[found]:
            del self.free_lists[found]
        while found > need:
            found //= 2
            self.free_lists.setdefault(found, []).append(addr + found)
        self.taken[ident] = (addr, found)
        return addr, found

    def free(self, ident):
        if ident not in self.taken:
            raise ValueError("id not allocated")
        addr, size = self.taken.pop(ident)
        self.free_lists.setdefault(size, []).append(addr)
        while size < self.total:
            buddy = addr ^ size
            peers = self.free_lists.get(size)
            if peers is None or buddy not in peers:
                break
            peers.remove(addr)
            peers.remove(buddy)
            if not peers:
                del self.free_lists[size]
            addr = min(addr, buddy)
            size *= 2
            self.free_lists.setdefault(size, []).append(addr)
        served = []
        pending, self.waiting = self.waiting, []
        for waiter, wanted in pending:
            block = self.alloc(waiter, wanted)
            if block is not None:
                served.append((waiter, block))
        return served


def main():
    sim = None
    out = []
    for line in sys.stdin:
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "init":
            sim = SeedBuddy(int(words[1], 0), int(words[2], 0))
            out.append("ok")
        elif words[0] == "alloc":
            block = sim.alloc(int(words[1], 0), int(words[2], 0))
            out.append("wait" if block is None else "ok %d %d" % block)
        elif words[0] == "free":
            out.append("ok")
            for waiter, (addr, size) in sim.free(int(words[1], 0)):
                out.append("served %d %d %d" % (waiter, addr, size))
        else:
            sys.exit("seed-buddy: unknown command '%s'" % words[0])
    out.append("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
