# SPDX-License-Identifier: GPL-2.0
#
# kmemlab: the user-facing targets.  What the modules are made of is in
# Kbuild and in each module folder's Kbuild.
#
#   make            build the three modules against KDIR
#   make demo       boot a VM and show the modules at work
#   make docs       run make demo and make docs/tutorial.md from it
#   make test       build, KUnit under UML, and the VM tests
#   make check      checkpatch --strict on every .c and .h
#   make install    modules_install + depmod (for your own kernel)
#   make tools      buddysim (the userspace buddy system simulator) and
#                   fraglab (the fragmentation lab, static)
#   make bench      benchmarks that print their figures
#   make clean

KDIR ?= $(shell $(CURDIR)/scripts/kdir)
ifeq ($(KDIR),)
$(error no kernel build tree found: run 'make setup' or pass KDIR=)
endif
ifeq ($(MAKELEVEL),0)
$(info kmemlab: building against $(KDIR))
endif

KBUILD := $(MAKE) -C $(KDIR) M=$(CURDIR)
# Debian's headers ship no vmlinux to base module BTF on: skip that step
# rather than print a notice for every module.
ifeq ($(wildcard $(KDIR)/vmlinux),)
KBUILD += CONFIG_DEBUG_INFO_BTF_MODULES=
endif

all modules:
	$(KBUILD) modules

clean:
	$(KBUILD) clean
	rm -rf build

install: modules
	$(KBUILD) modules_install
	depmod -a $(shell . scripts/lib.sh && kmemlab_krel $(KDIR))

setup:
	scripts/setup

check:
	scripts/check

kunit:
	scripts/kunit

vmtest:
	scripts/vmtest

tools:
	$(MAKE) -C tools/buddysim buddysim
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

.PHONY: all modules clean install setup check kunit vmtest demo docs test tools bench
