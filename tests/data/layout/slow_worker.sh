#!/bin/sh
# SPDX-License-Identifier: MIT
# A stand-in layout worker for tests: it hangs on a dot layout (like a pathological Graphviz
# run that never returns) and hands anything else to the real worker, whose command line is
# "$@" (e.g. /path/to/mlsketch layout-worker).
input=$(cat)
case "$input" in
*'"engine":"dot"'*) exec sleep 60 ;;
esac
printf '%s' "$input" | "$@"
