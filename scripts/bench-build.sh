#!/usr/bin/env bash
# Times `pkpm build` of the example project: one cold run, then the best
# of three, each into a fresh output folder.
set -euo pipefail
cd "$(dirname "$0")/.."
go build -o /tmp/pkpm-bench ./cmd/pkpm
for i in 1 2 3 4; do
  out=$(mktemp -d)
  /usr/bin/time -f "run $i: %e s wall, %U s user" /tmp/pkpm-bench build --quiet --out "$out"
  rm -rf "$out"
done
