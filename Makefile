# SPDX-License-Identifier: GPL-2.0
#
# kmemlab: the user-facing targets.  What the modules are made of is in
# Kbuild and in each module folder's Kbuild.
#
#   make            build the three modules against KDIR
#   make demo       boot a VM and show the modules at work
#   make docs       run make demo and make docs/tutorial.md from it
#   make test       build, KUnit under UML, and the VM tests
#   make quick      make test on the host's own kernel alone, one VM profile
#   make check      checkpatch --strict on every .c and .h
#   make install    modules_install + depmod (for your own kernel)
#   make tools      buddysim, the userspace buddy system simulator; fraglab,
#                   the fragmentation lab; kmemmap, which maps the demos'
#                   memory into a process (the last two static)
#   make bench      benchmarks that print their figures
#   make clean

# The kernel tree: looked up when a recipe that builds modules runs, not
# when make reads this file, so that "make setup" can install it first.
KDIR ?= $(shell $(CURDIR)/scripts/kdir 2>/dev/null)
kdir = $(or $(KDIR),$(error no kernel build tree found: run 'make setup' or pass KDIR=))

# Debian 12's headers ship no vmlinux to base module BTF on: skip that
# step rather than print a notice for every module.
KBUILD = $(MAKE) -C $(kdir) M=$(CURDIR) \
	$(if $(wildcard $(kdir)/vmlinux),,CONFIG_DEBUG_INFO_BTF_MODULES=)

all modules:
	$(if $(filter 0,$(MAKELEVEL)),$(info kmemlab: building against $(kdir)))
	$(KBUILD) modules

# Without a kernel tree nothing was built by kbuild here.
clean:
	$(if $(KDIR),$(KBUILD) clean)
	rm -rf build

# Debian's headers have no System.map, without which modules_install
# skips depmod.
install: modules
	$(KBUILD) modules_install
	depmod -a "$$($(CURDIR)/scripts/krel $(kdir))"

setup:
	scripts/setup

check:
	scripts/check

kunit:
	scripts/kunit

vmtest:
	scripts/vmtest

tools:
	@command -v gcc >/dev/null || { echo "kmemlab: no gcc: run 'make setup' first" >&2; exit 1; }
	$(MAKE) -C tools/buddysim buddysim
	$(MAKE) -C tools/kmemmap kmemmap
	$(MAKE) -C tools/fraglab fraglab

bench: setup
	$(MAKE) -s modules tools
	scripts/bench

demo: setup
	$(MAKE) -s modules
	scripts/demo

docs:
	scripts/tutorial

test:
	scripts/test

# The quick subset (docs/testing.md): the host release's kernel, one VM
# profile, KUnit without KASAN on that series only, a short fuzz.
quick:
	KMEMLAB_LANES=host KMEMLAB_VM_PROFILES=1node KMEMLAB_KUNIT_SERIES=host \
		KMEMLAB_KUNIT_KASAN_SERIES= FUZZ_SECONDS=5 scripts/test

.PHONY: all modules clean install setup check kunit vmtest demo docs test quick tools bench
