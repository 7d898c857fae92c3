#!/usr/bin/env bash
# Makes the pictures in docs/templates/ with pkpm itself: the sample deck
# of every built-in template, as `pkpm templates show` renders it.
set -euo pipefail
cd "$(dirname "$0")/.."
go build -o /tmp/pkpm-docs ./cmd/pkpm
out=$(mktemp -d)
mkdir -p docs/templates
for t in edukasi kegiatan umkm pengumuman; do
  /tmp/pkpm-docs templates show "$t" --out "$out"
  cp "$out/templates/$t/overview.jpg" "docs/templates/$t.jpg"
done
rm -rf "$out"
