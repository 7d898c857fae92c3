#!/usr/bin/env bash
# Makes the pictures in docs/ with pkpm itself: docs/example.jpg, one
# slide of each kind of an example post (the README's picture); the
# sample deck of every built-in template in docs/templates/, as `pkpm
# templates show` renders it; and the cover of docs/shapes/bentuk.yaml,
# the template shapes example.
set -euo pipefail
cd "$(dirname "$0")/.."
go build -o /tmp/pkpm-docs ./cmd/pkpm
out=$(mktemp -d)
mkdir -p docs/templates
for t in edukasi kegiatan umkm pengumuman; do
  /tmp/pkpm-docs templates show "$t" --out "$out"
  cp "$out/templates/$t/overview.jpg" "docs/templates/$t.jpg"
done
# The shapes example: a project holding docs/shapes/bentuk.yaml.
proj=$(mktemp -d)
mkdir -p "$proj/templates"
cp docs/shapes/bentuk.yaml "$proj/templates/"
(cd "$proj" && /tmp/pkpm-docs templates show bentuk --out "$out")
cp "$out/templates/bentuk/01-cover.jpg" docs/templates/shapes.jpg
# The README's picture: an example post with cover, text, list, quote and
# closing slides, built afresh as PNG so the strip is encoded once.
/tmp/pkpm-docs build laporan-pembagian-masker --format png --force --out "$out" -q
go run ./scripts/examplestrip "$out/slides/laporan-pembagian-masker" docs/example.jpg
rm -rf "$out" "$proj"
