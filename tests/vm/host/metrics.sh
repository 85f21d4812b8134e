#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# tests/vm/host/metrics.sh ARTIFACTS PROFILE: the metrics of
# tests/vm/96-metrics.sh through a real Prometheus text parser, value by
# value against the kernel's files (metrics.py).  Debian's python: the
# python3 on PATH may be another one, without python3-prometheus-client.
# guest test: 96-metrics
exec /usr/bin/python3 "$(dirname "$0")/metrics.py" "$@"
